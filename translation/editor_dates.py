"""Dates of wagtail-localize's translation editor in the user's language.

wagtail-localize 1.14.5 writes its editor's dates with ``strftime`` and the fixed format
``wagtail_localize.compat.DATE_FORMAT`` ("%-d %B %Y"): English month names whatever the admin's
language, so the Vietnamese editor said "Đã dịch thủ công ngày 3 December 2026"
(``StringTranslation.get_comment``, read by the editor's props and by the API that saves a
string) and "Xuất bản lần cuối 3 December 2026" (the props' ``object.lastPublishedDate``).
These helpers rewrite such dates with Django's format localization (``DATE_FORMAT`` of the active
language: portal/formats/vi gives 03/12/2026). They are applied to the editor's props
(templates/wagtail_localize/admin/edit_translation.html) and to the string API's response
(translation/localize_compat.py). tests/translation/test_editor_dates.py checks that upstream
still writes English month names, so this goes when it stops doing so.
"""

import datetime
import json
import re
from functools import wraps

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.formats import date_format

from portal.text import ENGLISH_MONTHS

ENGLISH_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(ENGLISH_MONTHS) + r") (\d{4})\b")


def localise_dates(text):
    """``text`` with every "3 December 2026" written in the active language's DATE_FORMAT."""

    def local(match):
        try:
            value = datetime.date(int(match[3]), ENGLISH_MONTHS.index(match[2]) + 1, int(match[1]))
        except ValueError:
            return match[0]
        return date_format(value, "DATE_FORMAT")

    return ENGLISH_DATE.sub(local, text) if text else text


def localise_editor_props(props):
    """The editor's props (JSON text, as wagtail-localize renders them) with dates localised."""
    data = json.loads(props)
    item = data.get("object") or {}
    if item.get("lastPublishedDate"):
        item["lastPublishedDate"] = localise_dates(item["lastPublishedDate"])
    for translation in data.get("initialStringTranslations") or ():
        if translation.get("comment"):
            translation["comment"] = localise_dates(translation["comment"])
    return json.dumps(data, cls=DjangoJSONEncoder)


def with_localised_dates(view):
    """Wrap the string API view: the saved string's comment carries a localised date. The
    response (Django REST framework's) is rendered after the view returns, from its data."""

    @wraps(view)
    def localised(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        data = getattr(response, "data", None)
        if isinstance(data, dict) and data.get("comment"):
            data["comment"] = localise_dates(data["comment"])
        return response

    return localised
