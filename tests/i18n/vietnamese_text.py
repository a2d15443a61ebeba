"""Finds Vietnamese words in the text of an English page: lower-case words with Vietnamese letters
(proper names such as Kiên Giang or Phú Quốc are capitalised and stay), outside elements marked
``lang="vi"`` (an untranslated original, a partner's name in its own language) and scripts."""

import re
from html.parser import HTMLParser

VIETNAMESE_LETTERS = "ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
WORD = re.compile(rf"\b[a-z{VIETNAMESE_LETTERS}]*[{VIETNAMESE_LETTERS}][a-z{VIETNAMESE_LETTERS}]*\b")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, skipped)
        self.words = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skipped = bool(self.stack and self.stack[-1][1]) or tag in ("script", "style")
        skipped = skipped or (attrs.get("lang") or "").startswith("vi")
        if tag not in VOID:
            self.stack.append((tag, skipped))
        if not skipped:
            for name in ("title", "alt", "aria-label", "placeholder", "content"):
                if attrs.get(name):
                    self.words += WORD.findall(attrs[name])

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not (self.stack and self.stack[-1][1]):
            self.words += WORD.findall(data)


def vietnamese_words(html):
    parser = _Text()
    parser.feed(html)
    return parser.words
