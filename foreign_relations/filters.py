"""Reading the directory filters from the query string.

Every value a visitor can type is checked; a value that cannot match anything is reported in
the reader's language and gives an empty result, never a server error.
"""

from django.db.models import Q
from django.utils.translation import gettext as _
from django_countries import countries

from portal.text import fold, normalise_query

MAX_VALUE_LENGTH = 100


class Filters:
    """The filters of one request: ``values`` (accepted), ``errors`` (messages) and ``active``."""

    def __init__(self, request):
        self.request = request
        self.values = {}
        self.errors = []

    def raw(self, name):
        value = normalise_query(self.request.GET.get(name, ""))
        if len(value) > MAX_VALUE_LENGTH:
            self.errors.append(_("The value given for “%(name)s” is too long.") % {"name": name})
            return None
        return value or None

    @property
    def active(self):
        return bool(self.values) or bool(self.errors)

    @property
    def invalid(self):
        return bool(self.errors)

    def choice(self, name, choices, message):
        value = self.raw(name)
        if value is None:
            return None
        if value not in dict(choices):
            self.errors.append(message % {"value": value})
            return None
        self.values[name] = value
        return value

    def country(self, name="country"):
        value = self.raw(name)
        if value is None:
            return None
        code = value.upper()
        if len(code) != 2 or code not in dict(countries):
            self.errors.append(_("“%(value)s” is not a known country code.") % {"value": value})
            return None
        self.values[name] = code
        return code

    def snippet(self, name, model, message):
        """A translatable snippet given by its code or id; returns its translation key."""
        value = self.raw(name)
        if value is None:
            return None
        condition = Q(code=value)
        if value.isascii() and value.isdigit() and len(value) < 10:
            condition |= Q(pk=int(value))
        key = model.objects.filter(condition, live=True).values_list("translation_key", flat=True).first()
        if key is None:
            self.errors.append(message % {"value": value})
            return None
        self.values[name] = value
        return key

    def year(self, name="year", low=1945, high=2100):
        value = self.raw(name)
        if value is None:
            return None
        if not (value.isascii() and value.isdigit() and len(value) <= 4 and low <= int(value) <= high):
            self.errors.append(
                _("“%(value)s” is not a year between %(low)s and %(high)s.")
                % {"value": value, "low": low, "high": high}
            )
            return None
        self.values[name] = int(value)
        return int(value)

    def text(self, name):
        value = self.raw(name)
        if value is None:
            return None
        self.values[name] = value
        return value


def same_place(a, b):
    """Whether two locality names are the same place, typed with or without diacritics."""
    return fold(a).casefold().strip() == fold(b).casefold().strip()


def split_localities(text):
    return [part.strip() for part in (text or "").replace(";", ",").split(",") if part.strip()]
