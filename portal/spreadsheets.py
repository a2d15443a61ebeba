"""Spreadsheet cells that never run as formulas (CSV/XLSX injection).

A spreadsheet program treats a cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return as a formula. Every export of the site (the public partner CSV, the board's reports,
Wagtail's reports, the contact form's submissions) passes its text through ``neutralise``, which
puts an apostrophe in front: the program shows the text as typed and runs nothing.
Numbers and dates are kept as they are (a negative number is a number, not text).
"""

import datetime
import decimal

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_KEPT_TYPES = (bool, int, float, decimal.Decimal, datetime.date, datetime.time, datetime.timedelta)


def neutralise(value):
    """The text of a cell, with a leading formula character neutralised; None becomes ""."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


class SafeSpreadsheetMixin:
    """For views built on Wagtail's ``SpreadsheetExportMixin`` (reports, listings, form
    submissions): every text cell and heading of their CSV and XLSX exports is neutralised."""

    def preprocess_field_value(self, field, value, export_format):
        processed = super().preprocess_field_value(field, value, export_format)
        if value is None or isinstance(value, _KEPT_TYPES) or not isinstance(processed, str):
            return processed
        return neutralise(processed)

    def get_heading(self, queryset, field):
        return neutralise(super().get_heading(queryset, field))
