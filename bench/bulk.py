"""Bulk-inserting live pages for the benchmarks, on Django's and treebeard's public APIs.

Wagtail's ``add_child`` saves one page at a time with its revision and log entry: minutes for
the 12,000 articles of a benchmark. Here the page rows are written with ``bulk_create`` and the
rows of the page type's own table (multi-table inheritance, which ``bulk_create`` does not
write) with one multi-row ``INSERT`` per batch, the values prepared by each field as Django would.
"""

from django.db import connection
from wagtail.models import Page


def child_path(parent, step):
    """The tree path of ``parent``'s child number ``step``: treebeard's materialised path, a
    fixed-width step in ``Page.alphabet`` after the parent's path."""
    key = Page.numconv_obj().int2str(step)
    return parent.path + key.rjust(Page.steplen, Page.alphabet[0])


def last_child_step(parent):
    """The step number of ``parent``'s last child (0 without children)."""
    last = parent.get_children().order_by("-path").first()
    return Page.numconv_obj().str2int(last.path[-Page.steplen :]) if last else 0


def insert_pages(pages, batch_size=500):
    """Insert ``pages`` (unsaved instances of one specific page type, their paths set): the
    ``wagtailcore_page`` rows, then the page type's own rows. Returns them with their ids."""
    model = type(pages[0])
    base_fields = [f for f in Page._meta.concrete_fields if f.attname != "id"]
    base_rows = Page.objects.bulk_create(
        [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages], batch_size
    )
    for page, base in zip(pages, base_rows, strict=True):
        page.pk = page.id = page.page_ptr_id = base.pk
    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(pages), batch_size):
            batch = pages[start : start + batch_size]
            values = [
                field.get_db_prep_save(field.pre_save(page, True), connection) for page in batch for field in fields
            ]
            cursor.execute(
                f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES {', '.join([row] * len(batch))}",
                values,
            )
    return pages
