"""Optional machine translation for the translation editor, configured from the environment.

Off unless one of these is set (``machine_translator_setting`` builds wagtail-localize's
``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` from them):

* ``DEEPL_AUTH_KEY``: wagtail-localize's own DeepL translator (a key ending in ``:fx`` uses the free API);
* ``LIBRETRANSLATE_URL`` (and ``LIBRETRANSLATE_API_KEY`` when the server wants one): a self-hosted
  LibreTranslate server, through ``LibreTranslateTranslator`` below (wagtail-localize has none).

The translator only proposes text in the editor; a person still reviews it and sends it for approval.
"""

import logging

import requests
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 30


def machine_translator_setting(environ):
    """``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` for the environment ``environ``, or None (off)."""
    timeout = int(environ.get("MACHINE_TRANSLATION_TIMEOUT") or DEFAULT_TIMEOUT)
    if environ.get("DEEPL_AUTH_KEY"):
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": environ["DEEPL_AUTH_KEY"], "TIMEOUT": timeout},
        }
    if environ.get("LIBRETRANSLATE_URL"):
        return {
            "CLASS": "translation.machine_translation.LibreTranslateTranslator",
            "OPTIONS": {
                "URL": environ["LIBRETRANSLATE_URL"],
                "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", ""),
                "TIMEOUT": timeout,
            },
        }
    return None


class LibreTranslateTranslator(BaseMachineTranslator):
    """A LibreTranslate server's ``POST /translate`` (https://libretranslate.com/docs/)."""

    display_name = "LibreTranslate"

    def endpoint(self):
        return self.options["URL"].rstrip("/") + "/translate"

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code.split("-")[0] != target_locale.language_code.split("-")[0]

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        if not strings:
            return {}
        payload = {
            "q": [string.data for string in strings],
            "source": source_locale.language_code.split("-")[0],
            "target": target_locale.language_code.split("-")[0],
            "format": "html",  # wagtail-localize's strings carry inline <b>, <a id="…"> markup
        }
        if self.options.get("API_KEY"):
            payload["api_key"] = self.options["API_KEY"]
        try:
            response = requests.post(self.endpoint(), json=payload, timeout=int(self.options.get("TIMEOUT", 30)))
            response.raise_for_status()
            texts = response.json()["translatedText"]
        except (requests.RequestException, ValueError, KeyError, TypeError) as error:
            logger.warning("LibreTranslate at %s failed: %s", self.endpoint(), error)
            return {}
        if isinstance(texts, str):
            texts = [texts]
        if len(texts) != len(strings):
            logger.warning("LibreTranslate returned %s texts for %s strings", len(texts), len(strings))
            return {}
        return {string: StringValue(text) for string, text in zip(strings, texts, strict=True)}
