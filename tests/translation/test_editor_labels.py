"""wagtail-localize's editor hard-codes two English labels in its compiled script; the page gives
their Vietnamese text to translation/js/translation_editor_labels.js (checked in Chromium by
tests/editorial/browser/test_admin_roles_vietnamese.py)."""

import json
import re
from pathlib import Path

import pytest
import wagtail_localize
from django.urls import reverse
from wagtail_localize.operations import translate_object

from tests.translation.conftest import make_article

SCRIPT = Path(wagtail_localize.__file__).parent / "static" / "wagtail_localize" / "js" / "wagtail-localize.js"


def test_upstream_still_hard_codes_the_labels():
    """The relabelling script is needed while the compiled editor writes these in English."""
    code = SCRIPT.read_text(encoding="utf-8")
    assert re.search(r"\$\{\w+\.sourceLocale\.displayName\} to \$\{\w+\.locale\.displayName\} translation", code)
    assert '"More actions"' in code


@pytest.mark.django_db
def test_editor_page_gives_the_vietnamese_labels(client, section_vi, en, users):
    article = make_article(section_vi, "Bài có nhãn trình dịch")
    translate_object(article, [en])
    english = article.get_translation(en)
    client.force_login(users["truongban"])
    content = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content.decode()
    labels = json.loads(re.search(r'<script id="translation-editor-labels" type="application/json">(.*?)</script>', content).group(1))
    assert labels == {"heading": "Bản dịch: Tiếng Việt → Tiếng Anh", "moreActions": "Thao tác khác"}
    assert "translation/js/translation_editor_labels.js" in content
