# The admin's date pickers write dates as WAGTAIL_DATE_FORMAT / WAGTAIL_DATETIME_FORMAT
# (day/month/year) whatever the user's language: the forms must read them back the same way.
# ISO formats stay accepted.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
