"""CSV export of the partner directory, readable by Excel with Vietnamese intact (UTF-8 with BOM)."""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.spreadsheets import neutralise as safe_cell
from portal.text import slugify_vi

BOM = "\ufeff"


def csv_response(filename, header, rows):
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def partners_csv(index_page, request, filters, partners):
    header = [
        _("Name"),
        _("Name in its own language"),
        _("Acronym"),
        _("Type"),
        _("Country"),
        _("Sectors"),
        _("Localities of work"),
        _("Partner since"),
        _("Website"),
        _("Contact person"),
        _("E-mail"),
        _("Phone"),
        _("Address"),
        _("Page"),
    ]
    rows = (
        [
            p.title,
            p.name_original,
            p.acronym,
            p.type_name,
            p.country_name,
            "; ".join(s.name for s in p.localized_sectors),
            p.localities,
            p.since_year or "",
            p.website,
            p.contact_person,
            p.email,
            p.phone,
            p.address,
            p.get_full_url(request),
        ]
        for p in partners
    )
    name = slugify_vi(index_page.title) or "partners"
    return csv_response(f"{name}-{get_language()}.csv", header, rows)
