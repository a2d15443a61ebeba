"""Machine translation: off by default, configured from the environment, LibreTranslate through a
fake server on 127.0.0.1 (no fake translator outside tests)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.strings import StringValue

from translation.machine_translation import LibreTranslateTranslator, machine_translator_setting

from .conftest import make_article


class FakeLibreTranslate(BaseHTTPRequestHandler):
    requests = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeLibreTranslate.requests.append((self.path, body))
        if self.path != "/translate":
            self.send_response(404)
            self.end_headers()
            return
        texts = [f"[{body['target']}] {text}" for text in body["q"]]
        payload = json.dumps({"translatedText": texts}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def libretranslate():
    FakeLibreTranslate.requests = []
    server = HTTPServer(("127.0.0.1", 0), FakeLibreTranslate)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class FakeLocale:
    def __init__(self, code):
        self.language_code = code


def test_off_by_default():
    assert machine_translator_setting({}) is None
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None


def test_configured_from_the_environment():
    deepl = machine_translator_setting({"DEEPL_AUTH_KEY": "key:fx", "LIBRETRANSLATE_URL": "http://mt.local"})
    assert deepl["CLASS"] == "wagtail_localize.machine_translators.deepl.DeepLTranslator"
    assert deepl["OPTIONS"]["AUTH_KEY"] == "key:fx"
    libre = machine_translator_setting({"LIBRETRANSLATE_URL": "http://mt.local/", "LIBRETRANSLATE_API_KEY": "k"})
    assert libre["CLASS"] == "translation.machine_translation.LibreTranslateTranslator"
    assert libre["OPTIONS"] == {"URL": "http://mt.local/", "API_KEY": "k", "TIMEOUT": 30}


def test_libretranslate_translates_through_the_configured_server(libretranslate):
    translator = LibreTranslateTranslator({"URL": libretranslate + "/", "API_KEY": "secret"})
    strings = [StringValue.from_plaintext("Xin chào"), StringValue("Đọc <b>bài</b> này")]
    result = translator.translate(FakeLocale("vi"), FakeLocale("en"), strings)
    assert result[strings[0]].data == "[en] Xin chào"
    assert result[strings[1]].data == "[en] Đọc <b>bài</b> này"
    path, body = FakeLibreTranslate.requests[-1]
    assert body["source"] == "vi" and body["target"] == "en" and body["api_key"] == "secret"
    assert body["format"] == "html"
    assert translator.can_translate(FakeLocale("vi"), FakeLocale("en"))
    assert not translator.can_translate(FakeLocale("en"), FakeLocale("en"))


def test_libretranslate_failure_translates_nothing(libretranslate):
    translator = LibreTranslateTranslator({"URL": libretranslate + "/wrong"})
    assert translator.translate(FakeLocale("vi"), FakeLocale("en"), [StringValue.from_plaintext("Xin chào")]) == {}
    unreachable = LibreTranslateTranslator({"URL": "http://127.0.0.1:9", "TIMEOUT": 2})
    assert unreachable.translate(FakeLocale("vi"), FakeLocale("en"), [StringValue.from_plaintext("Xin chào")]) == {}


@pytest.mark.django_db
def test_translator_uses_machine_translation_in_the_editor(client, settings, libretranslate, users, section_vi):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting({"LIBRETRANSLATE_URL": libretranslate})
    en = Locale.objects.get(language_code="en")
    article = make_article(section_vi, "Bài dịch máy")
    client.force_login(users["biendichvien"])
    client.post(reverse("wagtail_localize:submit_page_translation", args=[article.pk]), {"locales": [en.pk]})
    translation = Translation.objects.get(source__object_id=article.translation_key, target_locale=en)
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert response.status_code == 302
    translated = StringTranslation.objects.get(locale=en, translation_of__data="Bài dịch máy")
    assert translated.data == "[en] Bài dịch máy"
    assert translated.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    article_en = article.get_translation(en)
    assert not article_en.live  # a proposal only: still a draft for review
