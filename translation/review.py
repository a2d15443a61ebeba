"""How complete a translation is when a translator sends it for review."""

from django.utils.translation import gettext, ngettext


def untranslated_segments(translation):
    """``(missing, total)``: string segments of ``translation`` not yet translated, and all of them."""
    total, completed = translation.get_progress()
    return total - completed, total


def incomplete_warning(missing, total):
    return ngettext(
        "%(missing)d of %(total)d segment is still untranslated.",
        "%(missing)d of %(total)d segments are still untranslated.",
        total,
    ) % {"missing": missing, "total": total}


def refusal_message(missing, total):
    advice = gettext("Translate them, or tick “Send even though segments are untranslated” to send it anyway.")
    return f"{incomplete_warning(missing, total)} {advice}"


def may_send(translation, data):
    """``(True, None)`` when the translation may go to review, else ``(False, message)``: a translation
    with untranslated segments goes only when the translator confirmed it (``confirm_incomplete``)."""
    missing, total = untranslated_segments(translation)
    if missing and not data.get("confirm_incomplete"):
        return False, refusal_message(missing, total)
    return True, None
