"""``templates/wagtailadmin/chooser/_browse_results.html`` is Wagtail's own partial (it has no
block to extend) with one line changed: the breadcrumbs come from ``{% chooser_breadcrumbs %}``,
which titles pages the user may not edit by their live title. This test compares the copy with
the installed Wagtail's partial, so an upgrade that changes it fails here until the copy is
brought up to date (or dropped, once Wagtail's breadcrumbs stop showing draft titles)."""

from pathlib import Path

import wagtail.admin
from django.conf import settings

PARTIAL = "wagtailadmin/chooser/_browse_results.html"
WAGTAIL_LINE = (
    "{% page_breadcrumbs parent_page 'wagtailadmin_choose_page_child' include_self=False "
    "is_expanded=True querystring_value=querystring_value %}"
)
OUR_LINE = "{% chooser_breadcrumbs parent_page querystring_value %}"


def _lines(text):
    return [line for line in text.splitlines() if line.strip()]


def test_the_chooser_partial_is_wagtails_own_but_for_the_breadcrumbs():
    installed = (Path(wagtail.admin.__file__).parent / "templates" / PARTIAL).read_text()
    ours = (Path(settings.BASE_DIR) / "templates" / PARTIAL).read_text()
    assert WAGTAIL_LINE in installed, "Wagtail's chooser breadcrumbs changed: review the copy"
    expected = _lines(installed.replace(WAGTAIL_LINE, OUR_LINE))
    ours = _lines(ours)
    # The copy's first line also loads the portal's tag library and says why it exists.
    assert ours[0].startswith(expected[0].rstrip("%}").rstrip() + " editorial_chooser %}")
    assert ours[1:] == expected[1:]
