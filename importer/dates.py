"""Dates as old Vietnamese sites and feeds write them, read into aware datetimes.

"Ngày: 20.09.2022", "20/09/2022 08:15", "Thứ ba, 20/9/2022", "08:15 - 20/09/2022",
"ngày 20 tháng 9 năm 2022", "2022-09-20T08:15:00+07:00", "Tue, 20 Sep 2022 01:15:00 +0000".
A date without a time zone is taken in the site's time zone (Asia/Ho_Chi_Minh).
"""

import datetime
import email.utils
import re

from django.utils import timezone

from portal.text import fold

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
# Day first, as Vietnamese writes it: 20/09/2022, 20.09.2022, 20-9-2022.
_DMY = re.compile(r"(?<!\d)(?P<d>\d{1,2})\s*[./-]\s*(?P<m>\d{1,2})\s*[./-]\s*(?P<y>\d{4})(?!\d)")
# "ngày 20 tháng 9 năm 2022" (folded: "ngay 20 thang 9 nam 2022").
_WORDS = re.compile(r"(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})\s*(?:,|nam)\s*(?P<y>\d{4})", re.IGNORECASE)
_TIME = re.compile(r"(?<!\d)(?P<H>\d{1,2})\s*(?::|h|gio)\s*(?P<M>\d{2})(?:\s*:\s*(?P<S>\d{2}))?(?!\d)", re.IGNORECASE)
_PM = re.compile(r"\b(pm|chieu|toi)\b", re.IGNORECASE)


def parse_date(text):
    """An aware datetime read from ``text``, or None when it holds no date."""
    if not text:
        return None
    text = " ".join(str(text).split())
    match = _ISO.search(text)
    if match:
        return _iso(match)
    try:
        value = email.utils.parsedate_to_datetime(text)  # RSS: RFC 822 dates
    except (TypeError, ValueError, IndexError):
        value = None
    if value is not None:
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    folded = fold(text).lower()
    match = _DMY.search(folded) or _WORDS.search(folded)
    if not match:
        return None
    try:
        day = datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None
    rest = folded[: match.start()] + " " + folded[match.end() :]
    hour = minute = second = 0
    time_match = _TIME.search(rest)
    if time_match:
        hour, minute = int(time_match["H"]), int(time_match["M"])
        second = int(time_match["S"] or 0)
        if _PM.search(rest) and hour < 12:
            hour += 12
        if hour > 23 or minute > 59 or second > 59:
            hour = minute = second = 0
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute, second)))


def _iso(match):
    try:
        value = datetime.datetime(
            int(match["y"]),
            int(match["m"]),
            int(match["d"]),
            int(match["H"] or 0),
            int(match["M"] or 0),
            int(match["S"] or 0),
        )
    except ValueError:
        return None
    tz = match["tz"]
    if tz:
        if tz == "Z":
            return value.replace(tzinfo=datetime.UTC)
        sign = 1 if tz[0] == "+" else -1
        digits = tz[1:].replace(":", "")
        offset = datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        return value.replace(tzinfo=datetime.timezone(sign * offset))
    return timezone.make_aware(value)
