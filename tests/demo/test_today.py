"""The demo describes today's province: Kiên Giang merged into An Giang on 1 July 2025 and the
district level was abolished. Whatever the demo dates after that (or leaves undated, such as
the organization, the about pages, partners and member associations) speaks of An Giang, its
communes, wards and special zones; items dated before keep the place names of their time, and a
sentence that carries its own date ("On 7 April 2022 …") may name what existed then."""

import datetime
import json
import re
import unicodedata

import pytest
from django.db import models
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.fields import StreamField
from wagtail.models import Page, Site

from portal.models import OrganizationSettings

pytestmark = pytest.mark.django_db

MERGER = datetime.date(2025, 7, 1)

# Institutions that kept their names after the merger.
PROPER_NAMES = re.compile(r"Trường (Đại học|Cao đẳng) Kiên Giang|Kien Giang (University|College)", re.IGNORECASE)
FORBIDDEN = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"Kiên Giang",
        r"Kien Giang",
        r"キエンザン|끼엔장|កៀនយ៉ាង|ກຽນຢາງ|坚江|Кьензянг",  # the former province's name in partners' languages
        r"\bhuyện\b(?! Kampong)",  # Cambodia keeps its districts
        r"\bdistricts?\b",
        r"\bthị (xã|trấn)\b",
        r"thành phố (Rạch Giá|Hà Tiên|Phú Quốc)",
        r"(Rach Gia|Ha Tien|Phu Quoc) city",
    )
]
# A sentence that dates itself before the merger (or tells of the merger) may name the former places.
DATED = re.compile(r"\b(19\d\d|20[01]\d|202[0-5])\b")


def dated(page):
    """The date that places a page in time, or None for what describes the present."""
    for name in ("date", "issue_date", "starts_at"):
        value = getattr(page, name, None)
        if value is not None:
            return timezone.localtime(value).date() if isinstance(value, datetime.datetime) else value
    if getattr(page, "status", None) == "completed" and getattr(page, "end_date", None):
        return page.end_date
    return None


def texts(instance):
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        if isinstance(field, StreamField):
            yield json.dumps(list(value.raw_data), ensure_ascii=False)
        elif isinstance(field, (models.CharField, models.TextField)) and value and field.name != "url_path":
            yield re.sub(r"<[^>]+>", " ", str(value))
    for relation in get_all_child_relations(type(instance)):
        for child in getattr(instance, relation.get_accessor_name()).all():
            yield from texts(child)


def offences(text):
    text = PROPER_NAMES.sub("", unicodedata.normalize("NFC", text))
    for sentence in re.split(r"(?<=[.;!?…])\s+|\n", text):
        if DATED.search(sentence):
            continue
        for pattern in FORBIDDEN:
            if match := pattern.search(sentence):
                yield f"{match.group(0)!r} in “{sentence.strip()[:160]}”"


def test_nothing_current_speaks_of_the_former_province_or_its_districts():
    found = []
    checked = 0
    for page in Page.objects.live().filter(depth__gt=1).specific():
        when = dated(page)
        if when is not None and when < MERGER:
            continue
        checked += 1
        for text in texts(page):
            found += [f"{page.locale.language_code} {page.url_path}: {offence}" for offence in offences(text)]
    assert checked > 100  # every page type of both languages was read
    assert not found, "\n".join(found)


def test_the_organization_is_todays_union_and_only_its_licence_is_dated_before():
    settings = OrganizationSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.name_vi == "Liên hiệp các Tổ chức Hữu nghị tỉnh An Giang"
    assert "phường Rạch Giá, tỉnh An Giang" in settings.address_vi
    assert "Rach Gia Ward, An Giang Province" in settings.address_en
    assert settings.licence_date < MERGER  # the licence's issuer is a fact of 2022
    found = []
    for field in settings._meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField)) and not field.name.startswith("licence_issuer"):
            found += [f"{field.name}: {offence}" for offence in offences(getattr(settings, field.attname) or "")]
    assert not found, "\n".join(found)


def test_the_scan_catches_what_it_is_meant_to():
    assert list(offences("Trao quà cho học sinh huyện An Biên."))
    assert list(offences("Pupils of Rach Gia City met the delegation."))
    assert list(offences("Liên hiệp các Tổ chức Hữu nghị tỉnh Kiên Giang tiếp đoàn."))
    assert list(offences("ベトナム・日本友好協会キエンザン省支部"))
    assert list(offences("Hội nghị năm 2027 tại thành phố Rạch Giá."))  # a later year does not excuse it
    assert not list(offences("Ngày 07/04/2022, Sở Thông tin và Truyền thông tỉnh Kiên Giang cấp giấy phép."))
    assert not list(offences("Sinh viên Trường Đại học Kiên Giang; đoàn khám bệnh tại huyện Kampong Trach."))
    assert not list(offences("Các hộ nghèo ở xã U Minh Thượng và đặc khu Phú Quốc."))


def test_the_seed_article_keeps_its_time_and_says_when_it_was():
    from news.models import NewsPage

    seed = NewsPage.objects.get(locale__language_code="vi", title__startswith="Kiện toàn và nâng cao")
    assert timezone.localtime(seed.date).date() < MERGER and "tỉnh Kiên Giang" in seed.title
