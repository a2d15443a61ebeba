"""Template helpers of the foreign-relations pages: amounts of money in each language's style, card keys."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.translation import get_language

from portal.images import image_signature

register = template.Library()


def format_amount(value, language=None):
    """'1.250.000' in Vietnamese, '1,250,000' in English; two decimals only when there are cents."""
    if value in (None, ""):
        return ""
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    language = language or get_language() or "vi"
    whole = amount.quantize(Decimal("1")) if amount == amount.to_integral_value() else amount.quantize(Decimal("0.01"))
    text = f"{whole:,}"
    if language.startswith("vi"):
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


@register.filter
def amount(value):
    return format_amount(value)


@register.simple_tag
def money(value, currency):
    """An amount with its currency: '250.000 USD' (vi) or 'USD 250,000' (en)."""
    if value in (None, ""):
        return ""
    text = format_amount(value)
    if (get_language() or "vi").startswith("vi"):
        return f"{text} {currency}"
    return f"{currency} {text}"


@register.simple_tag(takes_context=True)
def partner_card_key(context, partner):
    """Everything a partner's card in the directory shows (the key of its fragment)."""
    return (
        partner.get_url(context.get("request")),
        partner.title,
        partner.acronym,
        partner.name_original,
        partner.name_language,
        partner.type_name,
        partner.country_name,
        partner.since_year,
        tuple(str(sector.name) for sector in partner.localized_sectors),
        image_signature(partner.logo),
    )
