"""Partners' own names carry the language they are written in (lang="…")."""

import importlib
import re

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import translation

from foreign_relations.languages import guess_name_language, normalize_language_tag
from foreign_relations.models import PartnerPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("ja", "ja"), ("KM", "km"), ("zh-hant-tw", "zh-Hant-TW"), ("pt_br", "pt-BR"), (" de ", "de"),
     ("sr-Latn", "sr-Latn"), ("es-419", "es-419"), ("", "")],
)  # fmt: skip
def test_language_tags_are_stored_in_their_conventional_case(typed, stored):
    assert normalize_language_tag(typed) == stored


@pytest.mark.parametrize(
    "typed", ["Japanese", "tiếng Nhật", "j", "ja-", "ja--JP", 'ja" onmouseover="x', "ja JP", "zh-Hant-TW-x-private"]
)
def test_anything_else_is_refused_in_the_editors_language(typed):
    with translation.override("vi"):
        with pytest.raises(ValidationError) as error:
            normalize_language_tag(typed)
        assert "không phải là mã ngôn ngữ" in str(error.value.messages[0])


@pytest.mark.parametrize(
    ("name", "country", "language"),
    [
        ("しまなみ・アンザン友好協会", "JP", "ja"),
        ("国際交流基金", "JP", "ja"),
        ("中国人民对外友好协会", "CN", "zh"),
        ("돌봄의 손", "KR", "ko"),
        ("ខេត្តកោះស្លា", "KH", "km"),
        ("ສະມາຄົມມິດຕະພາບ", "LA", "lo"),
        ("มูลนิธิ", "TH", "th"),
        ("Общество дружбы", "RU", "ru"),
        ("Stiftung Grüner Setzling", "DE", "de"),
        ("Bureau consulaire honoraire Lumière", "FR", "fr"),
        ("Japan International Volunteer Center", "JP", "en"),
        ("Pacific Sustainable Fisheries Association", "US", "en"),
        ("Maple Volunteer Corps", "CA", ""),  # English or French: no guess
        ("Helvetas", "CH", ""),
        ("Общество дружбы", "KZ", ""),
        ("", "DE", ""),
    ],
)
def test_the_guess_for_existing_partners_is_made_only_where_it_is_safe(name, country, language):
    assert guess_name_language(name, country) == language


def original_name_elements(html):
    return re.findall(r'<p class="(?:lead|fr-card__meta)"([^>]*)>([^<]+)</p>', html)


def test_directory_cards_and_partner_pages_mark_the_names_language(client):
    for url in ("/vi/doi-tac/", "/en/partners/"):
        cards = dict((name, attrs) for attrs, name in original_name_elements(client.get(url).text))
        assert cards["しまなみ・アンザン友好協会"] == ' lang="ja"'
        assert cards["ខេត្តកោះស្លា"] == ' lang="km"'
        assert cards["Stiftung Grüner Setzling"] == ' lang="de"'
    page = client.get("/en/partners/caring-hands-korea/").text
    assert original_name_elements(page) == [(' lang="ko"', "돌봄의 손")]


def test_a_name_without_language_gets_no_lang_attribute(client, vi):
    partner = PartnerPage.objects.get(locale=vi, slug="quy-anh-duong")
    partner.name_language = ""
    partner.save_revision().publish()
    html = client.get(partner.url).text
    assert original_name_elements(html) == [("", "Zonnestraal Fonds")]
    cards = {name: attrs for attrs, name in original_name_elements(client.get("/vi/doi-tac/").text)}
    assert cards["Zonnestraal Fonds"] == ""  # the card's fragment is keyed by the language too


def test_the_api_gives_the_names_language(client):
    partners = client.get("/api/v2/partners/?locale=en&fields=name_original,name_language&limit=20").json()
    by_name = {item["name_original"]: item["name_language"] for item in partners["items"]}
    assert by_name["돌봄의 손"] == "ko" and by_name["Nordisk Rent Vand Initiativ"] == "da"


def edit_form(partner, data):
    from django.contrib.auth import get_user_model

    form_class = PartnerPage.get_edit_handler().get_form_class()
    admin = get_user_model().objects.get(username="admin")
    return form_class(data, instance=partner, parent_page=partner.get_parent(), for_user=admin)


def test_the_admin_form_normalises_the_tag_and_refuses_a_bad_one_in_vietnamese(vi):
    partner = PartnerPage.objects.get(locale=vi, slug="hoi-huu-nghi-shimanami")
    form = edit_form(partner, {"name_language": "JA-jp"})
    form.is_valid()
    assert "name_language" not in form.errors and form.cleaned_data["name_language"] == "ja-JP"
    with translation.override("vi"):
        form = edit_form(partner, {"name_language": "tiếng Nhật"})
        form.is_valid()
        assert "không phải là mã ngôn ngữ" in form.errors["name_language"][0]
    partner.refresh_from_db()
    assert partner.name_language == "ja"  # nothing was saved


def test_the_admin_offers_the_unions_usual_languages(client, vi):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="admin"))
    partner = PartnerPage.objects.get(locale=vi, slug="hoi-huu-nghi-shimanami")
    html = client.get(f"/admin/pages/{partner.pk}/edit/", HTTP_ACCEPT_LANGUAGE="vi").text
    field = re.search(r'<input[^>]+name="name_language"[^>]*>', html).group(0)
    assert 'value="ja"' in field and 'list="id_name_language-suggestions"' in field
    datalist = re.search(r'<datalist id="id_name_language-suggestions">(.*?)</datalist>', html, re.S).group(1)
    assert {"en", "fr", "de", "ja", "ko", "zh", "km", "lo", "th", "ru"} <= set(re.findall(r'value="([^"]+)"', datalist))


def test_the_migration_guesses_the_language_of_existing_partners(vi, en):
    migration = importlib.import_module("foreign_relations.migrations.0003_partner_name_language")
    PartnerPage.objects.update(name_language="")
    PartnerPage.objects.filter(slug="lanh-su-danh-du-lumiere").update(name_language="fr-BE")  # kept
    migration.guess_languages(apps, None)
    languages = dict(PartnerPage.objects.filter(locale=en).values_list("name_original", "name_language"))
    assert languages["しまなみ・アンザン友好協会"] == "ja"
    assert languages["Nordisk Rent Vand Initiativ"] == "da"
    assert languages["Maple Volunteer Corps"] == ""  # Canada: English or French, left empty
    assert PartnerPage.objects.get(locale=vi, slug="lanh-su-danh-du-lumiere").name_language == "fr-BE"
