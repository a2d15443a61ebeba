"""The contact form's submissions list: its CSV/XLSX export carries text typed by anonymous
visitors, so every cell is neutralised (portal.spreadsheets)."""

from wagtail.contrib.forms.views import SubmissionsListView

from portal.spreadsheets import SafeSpreadsheetMixin


class SafeSubmissionsListView(SafeSpreadsheetMixin, SubmissionsListView):
    pass
