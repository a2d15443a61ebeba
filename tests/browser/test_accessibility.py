"""axe-core (offline, through axe-playwright-python) on every page type, both languages, two widths."""

from collections import Counter

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.reader_pages import reader_paths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BLOCKING = {"serious", "critical"}


def audit(page, base_url, width, paths):
    page.set_viewport_size({"width": width, "height": 900})
    axe = Axe()
    blocking, minor = [], Counter()
    for path, status in paths:
        response = page.goto(base_url + path)
        assert response.status == status, path
        results = axe.run(page)
        for violation in results.response["violations"]:
            nodes = len(violation["nodes"])
            if violation["impact"] in BLOCKING:
                targets = [node["target"] for node in violation["nodes"]][:5]
                blocking.append(f"{width}px {path} {violation['id']} ({violation['impact']}, {nodes}): {targets}")
            else:
                minor[(path, violation["id"], violation["impact"])] += nodes
    for (path, rule, impact), count in sorted(minor.items()):
        print(f"axe {width}px {impact}: {path} {rule} x{count}")
    return blocking


def test_every_page_type_has_no_serious_axe_violations_at_both_widths(page, live_server):
    """Every page type of both languages, at desktop and phone width, in one browser session."""
    paths = [(path, status) for lang in ("vi", "en") for _label, path, status in reader_paths(lang)]
    assert len(paths) >= 40
    blocking = audit(page, live_server.url, 1280, paths) + audit(page, live_server.url, 390, paths)
    assert not blocking, "\n".join(blocking)
