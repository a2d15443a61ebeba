"""axe-core (offline, through axe-playwright-python) on the key public pages, both languages, two widths."""

from collections import Counter

import pytest
from axe_playwright_python.sync_playwright import Axe

from foreign_relations.models import (
    AidProjectPage,
    DirectiveIndexPage,
    DirectivePage,
    PartnerIndexPage,
    PartnerPage,
    ProjectIndexPage,
)
from home.models import ContactPage, HomePage
from news.models import NewsPage, NewsSectionPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BLOCKING = {"serious", "critical"}
SEARCH_TERMS = {"vi": "ngoai giao nhan dan", "en": "friendship"}


def first_url(model, lang):
    page = model.objects.live().filter(locale__language_code=lang).order_by("path").first()
    assert page is not None, f"The demo site has no live {model.__name__} in {lang}"
    return page.url


def key_paths(lang):
    return [
        first_url(HomePage, lang),
        first_url(NewsSectionPage, lang),
        first_url(NewsPage, lang),
        first_url(PartnerIndexPage, lang),
        first_url(PartnerPage, lang),
        first_url(ProjectIndexPage, lang),
        first_url(AidProjectPage, lang),
        first_url(DirectiveIndexPage, lang),
        first_url(DirectivePage, lang),
        f"/{lang}/search/?q={SEARCH_TERMS[lang].replace(' ', '+')}",
        first_url(ContactPage, lang),
    ]


def audit(page, base_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    axe = Axe()
    blocking, minor = [], Counter()
    checked = 0
    for lang in ("vi", "en"):
        for path in key_paths(lang):
            response = page.goto(base_url + path)
            assert response.status == 200, path
            results = axe.run(page)
            checked += 1
            for violation in results.response["violations"]:
                nodes = len(violation["nodes"])
                if violation["impact"] in BLOCKING:
                    targets = [node["target"] for node in violation["nodes"]][:5]
                    blocking.append(f"{path} {violation['id']} ({violation['impact']}, {nodes}): {targets}")
                else:
                    minor[(path, violation["id"], violation["impact"])] += nodes
    for (path, rule, impact), count in sorted(minor.items()):
        print(f"axe {width}px {impact}: {path} {rule} x{count}")
    assert checked == 22
    assert not blocking, "\n".join(blocking)


def test_key_pages_have_no_serious_axe_violations_at_desktop_width(page, live_server):
    audit(page, live_server.url, 1280)


def test_key_pages_have_no_serious_axe_violations_at_phone_width(page, live_server):
    audit(page, live_server.url, 390)
