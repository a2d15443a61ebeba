"""Article text is set in a vendored web font that covers Vietnamese (no CDN); the interface
elements inside articles use the interface font."""

import re

from django.contrib.staticfiles import finders

VIETNAMESE_RANGE = "U+1EA0-1EF9"  # ạ…ỹ: the letters with stacked diacritics


def portal_css():
    return open(finders.find("portal/css/portal.css"), encoding="utf-8").read()


def test_noto_serif_is_vendored_with_its_licence_and_vietnamese_subset():
    css = portal_css()
    faces = re.findall(r"@font-face \{([^}]*)\}", css)
    assert len(faces) == 12  # 3 subsets x regular, italic, bold, bold italic
    vietnamese = [face for face in faces if VIETNAMESE_RANGE in face]
    assert len(vietnamese) == 4
    for face in faces:
        assert "font-display: swap" in face
        url = re.search(r'url\("\.\./fonts/([^"]+\.woff2)"\)', face).group(1)
        path = finders.find(f"portal/fonts/{url}")
        assert path, url
        with open(path, "rb") as font:
            assert font.read(4) == b"wOF2"
    assert "SIL OPEN FONT LICENSE" in open(finders.find("portal/fonts/OFL.txt"), encoding="utf-8").read().upper()


def test_no_font_or_style_from_another_origin():
    for name in ("portal/css/portal.css", "portal/css/forms.css", "news/css/news.css"):
        css = open(finders.find(name), encoding="utf-8").read()
        assert not re.search(r"url\(\s*[\"']?(https?:)?//", css), name
        assert "@import" not in css


def test_article_labels_and_badges_use_the_interface_font():
    css = portal_css()
    rule = re.search(r"([^}]*\.article label[^{]*)\{([^}]*)\}", css)
    assert rule and "font-family: var(--font)" in rule.group(2)
    for selector in (".article .badge-hot", ".article .chip", ".article button", ".article legend"):
        assert selector in rule.group(1)
