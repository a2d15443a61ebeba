"""The public contact form under abuse: honeypot, rate limit, header injection, mail failures,
bad input. Every submission is stored before any e-mail; nothing is stored for rejected posts."""

import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission

from tests.security.conftest import VALID_CONTACT

pytestmark = pytest.mark.django_db


def submissions(page):
    return FormSubmission.objects.filter(page=page).count()


def test_valid_submission_is_stored_then_mailed_with_reply_to(client, contact_vi):
    before = submissions(contact_vi)
    response = client.post(contact_vi.url, VALID_CONTACT)
    assert response.status_code == 200
    assert "Ban Biên tập đã nhận được thư của bạn" in response.text
    assert submissions(contact_vi) == before + 1
    stored = FormSubmission.objects.filter(page=contact_vi).latest("id").form_data
    assert stored["tieu_de"] == VALID_CONTACT["tieu_de"]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lienhiepkg@kufo.vn"]
    assert message.reply_to == ["an.tran@example.org"]
    assert VALID_CONTACT["noi_dung"] in message.body


def test_submission_is_saved_before_the_mail_is_sent(client, contact_vi):
    before = submissions(contact_vi)
    seen = []

    def record(self, fail_silently=False):
        seen.append(submissions(contact_vi))
        return 1

    with mock.patch("django.core.mail.EmailMessage.send", record):
        client.post(contact_vi.url, VALID_CONTACT)
    assert seen == [before + 1]


def test_mail_failure_loses_nothing_and_visitor_gets_the_thank_you_page(client, contact_en):
    before = submissions(contact_en)
    data = {**VALID_CONTACT, "muc_dich": "Cooperation proposal"}
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=smtplib.SMTPException("relay down")):
        response = client.post(contact_en.url, data)
    assert response.status_code == 200
    assert "Your message has been received" in response.text
    assert submissions(contact_en) == before + 1


@pytest.mark.parametrize(
    "field,value",
    [
        ("thu_dien_tu", "an@example.org\r\nBcc: victim@example.net"),
        ("thu_dien_tu", "an@example.org\nCc: victim@example.net"),
        ("thu_dien_tu", "not-an-address"),
    ],
)
def test_header_injection_in_the_address_is_refused_and_nothing_stored(client, contact_vi, field, value):
    before = submissions(contact_vi)
    response = client.post(contact_vi.url, {**VALID_CONTACT, field: value})
    assert response.status_code == 200
    assert "form-field--error" in response.text
    assert submissions(contact_vi) == before
    assert mail.outbox == []


def test_line_breaks_in_name_and_title_never_reach_mail_headers(client, contact_vi):
    contact_vi.subject = "Thư liên hệ\r\nBcc: victim@example.net"
    contact_vi.save()
    data = {**VALID_CONTACT, "ho_va_ten": "An\r\nBcc: victim@example.net", "tieu_de": "Hi\nTo: x@example.net"}
    client.post(contact_vi.url, data)
    assert len(mail.outbox) == 1
    message = mail.outbox[0].message()
    assert message["Bcc"] is None and message["Cc"] is None
    assert "\n" not in message["Subject"] and "\r" not in message["Subject"]
    assert mail.outbox[0].recipients() == ["lienhiepkg@kufo.vn"]


def test_honeypot_pretends_success_but_stores_and_sends_nothing(client, contact_vi):
    before = submissions(contact_vi)
    response = client.post(contact_vi.url, {**VALID_CONTACT, "website": "http://spam.example/"})
    assert response.status_code == 200
    assert submissions(contact_vi) == before
    assert mail.outbox == []


def test_honeypot_field_is_hidden_from_people(client, contact_vi):
    html = client.get(contact_vi.url).text
    assert 'name="website"' in html and 'tabindex="-1"' in html
    assert '<div class="visually-hidden" aria-hidden="true">' in html


def test_rate_limit_per_client_refuses_and_stores_nothing(client, contact_vi, settings):
    settings.PORTAL_FORM_SUBMISSION_LIMIT = 3
    before = submissions(contact_vi)
    for _ in range(3):
        assert client.post(contact_vi.url, VALID_CONTACT).status_code == 200
    blocked = client.post(contact_vi.url, VALID_CONTACT)
    assert blocked.status_code == 429
    assert "Vui lòng chờ" in blocked.text or "vài phút" in blocked.text
    assert submissions(contact_vi) == before + 3
    # Another client is not affected.
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert other.post(contact_vi.url, VALID_CONTACT).status_code == 200
    assert submissions(contact_vi) == before + 4


def test_forged_forwarded_for_does_not_escape_the_rate_limit(client, contact_vi, settings):
    settings.PORTAL_FORM_SUBMISSION_LIMIT = 1
    assert client.post(contact_vi.url, VALID_CONTACT, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 200
    blocked = client.post(contact_vi.url, VALID_CONTACT, HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert blocked.status_code == 429


def test_missing_fields_give_errors_in_english_on_the_english_page(client, contact_en):
    before = submissions(contact_en)
    response = client.post(contact_en.url, {"ho_va_ten": ""})
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert "Please correct the errors below." in response.text
    assert submissions(contact_en) == before


def test_missing_fields_give_errors_in_vietnamese(client, contact_vi):
    response = client.post(contact_vi.url, {"ho_va_ten": ""})
    assert response.status_code == 200
    assert "Vui lòng sửa các lỗi dưới đây." in response.text


@pytest.mark.parametrize(
    "override",
    [
        {"muc_dich": "Mua bán quảng cáo"},  # not one of the choices
        {"noi_dung": "x" * 5001},  # too long
        {"ho_va_ten": "a" * 256},  # too long for a single line
        {"noi_dung": "xin chào\x00"},  # NUL byte: PostgreSQL would refuse it
    ],
)
def test_bad_values_are_refused_without_error_and_nothing_stored(client, contact_vi, override):
    before = submissions(contact_vi)
    response = client.post(contact_vi.url, {**VALID_CONTACT, **override})
    assert response.status_code == 200
    assert "form-field--error" in response.text
    assert submissions(contact_vi) == before


def test_post_without_csrf_token_is_refused(contact_vi):
    before = submissions(contact_vi)
    response = Client(enforce_csrf_checks=True).post(contact_vi.url, VALID_CONTACT)
    assert response.status_code == 403
    assert submissions(contact_vi) == before


def test_editors_see_and_export_submissions(user_client, contact_vi, client):
    client.post(contact_vi.url, VALID_CONTACT)
    admin = user_client("admin")
    listing = admin.get(f"/admin/forms/submissions/{contact_vi.pk}/")
    assert listing.status_code == 200
    assert VALID_CONTACT["tieu_de"] in listing.text
    export = admin.get(f"/admin/forms/submissions/{contact_vi.pk}/?export=csv")
    assert export.status_code == 200
    content = b"".join(export.streaming_content).decode("utf-8") if export.streaming else export.content.decode()
    assert VALID_CONTACT["tieu_de"] in content


def test_collaborator_cannot_read_submissions(user_client, contact_vi, client):
    client.post(contact_vi.url, VALID_CONTACT)
    collaborator = user_client("congtacvien")
    response = collaborator.get(f"/admin/forms/submissions/{contact_vi.pk}/")
    assert response.status_code in (302, 403)
    assert VALID_CONTACT["tieu_de"] not in response.content.decode()
    export = collaborator.get(f"/admin/forms/submissions/{contact_vi.pk}/?export=csv")
    assert export.status_code in (302, 403)
