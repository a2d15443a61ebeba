"""Accounts under attack: log-in throttling (django-axes), password reset without account
enumeration and with a rate limit, strong passwords, and ``?next=`` open redirects."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
RESET = "/admin/password_reset/"


def attempt(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def test_admin_login_locks_out_after_repeated_failures(client, demo_password, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attempt(client, "bientapvien", "wrong-password-123")
        assert response.status_code == 200  # the log-in form again, with an error
    locked = attempt(client, "bientapvien", "wrong-password-123")
    assert locked.status_code == 429
    # Even the right password is refused while locked out, and no session is created.
    again = attempt(client, "bientapvien", demo_password)
    assert again.status_code == 429
    assert "Too many failed log-in attempts" in again.text or "Đăng nhập sai quá nhiều lần" in again.text
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_lockout_message_is_in_the_visitors_language(client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "admin", "wrong-password-123", HTTP_ACCEPT_LANGUAGE="en")
    response = attempt(client, "admin", "wrong-password-123", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    assert '<html lang="en">' in response.text
    assert "Too many failed log-in attempts" in response.text


def test_forged_forwarded_for_does_not_reset_the_lockout(client, demo_password, settings):
    for i in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "truongban", "wrong-password-123", HTTP_X_FORWARDED_FOR=f"198.51.100.{i}")
    response = attempt(client, "truongban", demo_password, HTTP_X_FORWARDED_FOR="198.51.100.200")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_successful_login_from_another_address_still_works(client, demo_password, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "bientapvien", "wrong-password-123")
    other = Client(REMOTE_ADDR="203.0.113.7")
    response = attempt(other, "bientapvien", demo_password)
    assert response.status_code == 302
    assert other.get("/admin/").status_code == 200


def test_password_reset_does_not_reveal_which_addresses_have_accounts(client):
    known = client.post(RESET, {"email": "bientapvien@example.org"})
    unknown = client.post(RESET, {"email": "nobody-here@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    done_known = client.get(known["Location"], HTTP_ACCEPT_LANGUAGE="en").text
    assert "if an account exists" in done_known
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["bientapvien@example.org"]


def test_password_reset_is_rate_limited_per_client_and_sends_nothing_more(client, settings):
    settings.PORTAL_PASSWORD_RESET_LIMIT = 3
    for i in range(3):
        assert client.post(RESET, {"email": f"someone{i}@example.org"}).status_code == 302
    blocked = client.post(RESET, {"email": "bientapvien@example.org"})
    assert blocked.status_code == 429
    assert mail.outbox == []


def test_password_reset_is_rate_limited_per_address_across_clients(settings):
    settings.PORTAL_PASSWORD_RESET_LIMIT = 4  # two per e-mail address
    for i in range(2):
        assert Client(REMOTE_ADDR=f"203.0.113.{i}").post(RESET, {"email": "admin@example.org"}).status_code == 302
    blocked = Client(REMOTE_ADDR="203.0.113.99").post(RESET, {"email": "ADMIN@example.org "})
    assert blocked.status_code == 429
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("password", ["12345678901234", "password1234", "bientapvien2024", "huunghi", "qwertyuiopas"])
def test_weak_passwords_are_refused_when_an_admin_creates_a_user(user_client, password):
    admin = user_client("admin")
    response = admin.post(
        "/admin/users/new/",
        {
            "username": "bientapvien2024",
            "email": "new@example.org",
            "first_name": "Hoa",
            "last_name": "Lê",
            "password1": password,
            "password2": password,
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="bientapvien2024").exists()


def test_strong_password_is_accepted(user_client):
    admin = user_client("admin")
    password = "Hữu-nghị-Kiên-Giang-2022!"
    response = admin.post(
        "/admin/users/new/",
        {
            "username": "nguoimoi",
            "email": "nguoimoi@example.org",
            "first_name": "Hoa",
            "last_name": "Lê",
            "password1": password,
            "password2": password,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert get_user_model().objects.get(username="nguoimoi").check_password(password)


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "https:evil.example",
        "javascript:alert(1)",
        "http://testserver@evil.example/",
    ],
)
def test_login_next_never_redirects_off_site(client, demo_password, target):
    response = client.post(f"{LOGIN}?next={target}", {"username": "admin", "password": demo_password, "next": target})
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("/") and not location.startswith("//") and "evil" not in location
    assert "javascript" not in location


def test_language_switch_next_never_redirects_off_site(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert "evil" not in response["Location"]
