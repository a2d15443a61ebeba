"""Lighthouse's SEO score is at least 95 on the home page, an article and the partner directory
(Debian's Chromium, the `lighthouse` npm package pinned in package-lock.json). Only the SEO
category runs here, to keep the test short; `scripts/lighthouse.py` prints accessibility and best
practices too."""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from foreign_relations.models import PartnerIndexPage
from home.models import HomePage
from news.models import NewsPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parents[2]
MIN_SEO = 95


def test_seo_score_of_home_article_and_partner_directory(live_server):
    vi = {"locale__language_code": "vi"}
    paths = [
        HomePage.objects.live().get(**vi).url,
        NewsPage.objects.live().filter(**vi).order_by("-date").first().url,
        PartnerIndexPage.objects.live().get(**vi).url,
    ]
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/lighthouse.py"), "--base-url", live_server.url, "--categories", "seo",
         "--json", *paths],
        capture_output=True,
        text=True,
        timeout=240,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(result.stdout)
    assert set(figures) == set(paths)
    low = {path: f for path, f in figures.items() if f["scores"]["seo"] < MIN_SEO}
    assert not low, low
    print(f"Lighthouse SEO of three pages: {time.monotonic() - started:.0f} s")  # about 30 s on a quiet machine
