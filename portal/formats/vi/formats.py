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

# Dates shown in Vietnamese style, as the public site writes them (portal.text.format_date):
# day/month/year, 24-hour time. Wagtail's admin shows its dates (listings, history, revisions,
# workflow history, reports) through these names; Django's own Vietnamese formats would write
# "16:10 Ngày 03 tháng 12 năm 2026".
DATE_FORMAT = "d/m/Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
YEAR_MONTH_FORMAT = "m/Y"
MONTH_DAY_FORMAT = "d/m"
FIRST_DAY_OF_WEEK = 1  # Monday
