"""Slugs typed in the admin are folded exactly as ``portal.text.slugify_vi`` folds them.

Wagtail's slug field (the ``w-slug`` Stimulus controller of ``SlugInput``) fills the slug while the
title is typed, with its own transliteration ("Đoàn" → "djoan", "Lễ" → "l"). ``SlugInput`` takes
``formatters``: regular expressions applied, in order, before Wagtail's own cleaning. The ones
below are generated from ``portal.text.fold`` so the browser and the server cannot disagree:

1. drop combining marks (titles pasted in decomposed form),
2. every precomposed Latin letter to the ASCII letter ``fold`` gives it (all tones and stacked
   marks of Vietnamese, đ → d),
3. runs of anything but ASCII letters and digits to one hyphen, no hyphen at either end,
4. at most ``SLUG_MAX_LENGTH`` characters, cut at a word boundary, as ``slugify_vi`` cuts.

On the server, ``FoldedSlugField`` folds whatever reaches it the same way (a slug typed with
diacritics, a browser without JavaScript), so a slug is never refused for its accents.
"""

import unicodedata

from django import forms
from django.db import models

from portal.text import fold, slugify_vi

SLUG_MAX_LENGTH = 80
# Latin-1 Supplement, Latin Extended-A/B, Latin Extended Additional (where Vietnamese lives).
LATIN_RANGES = ((0x00C0, 0x024F), (0x1E00, 0x1EFF))
COMBINING_MARKS = "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"


def folded_letters():
    """``{ascii letter: [precomposed letters that fold to it]}``, from ``portal.text.fold``."""
    letters = {}
    for start, end in LATIN_RANGES:
        for code in range(start, end + 1):
            char = chr(code)
            if unicodedata.category(char) not in ("Lu", "Ll"):
                continue
            folded = fold(char)
            if folded != char and len(folded) == 1 and folded.isascii() and folded.isalpha():
                letters.setdefault(folded, []).append(char)
    return letters


def slug_formatters(max_length=SLUG_MAX_LENGTH):
    """``[(pattern, replacement)]`` for ``SlugInput(formatters=...)``, applied in order."""
    formatters = [(COMBINING_MARKS, "")]
    for ascii_letter, chars in sorted(folded_letters().items()):
        formatters.append(("[" + "".join(chars) + "]", ascii_letter))
    formatters += [
        ("[^A-Za-z0-9]+", "-"),
        ("^-+|-+$", ""),
        # Longer than the limit: keep what stands before the last hyphen within it ...
        (rf"^(?=.{{{max_length + 1}}})(.{{0,{max_length - 1}}})-.*$", "$1"),
        # ... or, one long word, its first characters.
        (rf"^(.{{{max_length}}}).+$", "$1"),
    ]
    return formatters


def fold_slug(value, max_length=SLUG_MAX_LENGTH):
    """A slug typed with diacritics, capitals or spaces, folded; an ASCII slug is kept as it is."""
    if not value:
        return value
    if value.isascii() and value == value.lower() and " " not in value:
        return value
    return slugify_vi(value, max_length=max_length)


class FoldedSlugField(forms.SlugField):
    """A slug form field that folds Vietnamese before validating, so "Đà Nẵng" becomes "da-nang"."""

    def to_python(self, value):
        value = super().to_python(value)
        return fold_slug(value, max_length=self.max_length or SLUG_MAX_LENGTH)


def register_slug_field_override():
    """Every slug field of the admin's generated forms (pages, snippets) folds Vietnamese titles.

    Called from ``EditorialConfig.ready()``: after Wagtail's own override for ``SlugField``, which
    this one replaces with the same widget given the formatters."""
    from wagtail.admin.forms.models import register_form_field_override
    from wagtail.admin.widgets.slug import SlugInput

    register_form_field_override(
        models.SlugField,
        override={"widget": SlugInput(formatters=slug_formatters()), "form_class": FoldedSlugField},
    )


def fold_translated_slug(sender, instance, raw=False, **kwargs):
    """The translation editor's slug segment is stored folded ("Đà Nẵng" → "da-nang").

    wagtail-localize slugifies it with Django's ``slugify`` when the page is written, which drops
    "đ" ("Đoàn" → "oan"); folding the segment's translation first leaves nothing for it to drop."""
    if raw or not instance.data:
        return
    context = instance.context
    if context is not None and context.path == "slug":
        instance.data = fold_slug(instance.data, max_length=255)
