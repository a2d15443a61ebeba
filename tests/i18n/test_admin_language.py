"""Demo accounts see the admin in Vietnamese; English is one setting away in the account settings."""

from html.parser import HTMLParser

import pytest
from django.conf import settings
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db

DEMO_USERS = ["admin", "truongban", "bientapvien", "congtacvien", "biendichvien"]


class FormFields(HTMLParser):
    """The values a browser would submit for the first form holding a given field."""

    def __init__(self):
        super().__init__()
        self.forms, self.current, self.select, self.textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.current = []
            self.forms.append(self.current)
        elif self.current is None:
            return
        elif tag == "input" and a.get("name") and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.current.append([a["name"], a.get("value", "on" if a.get("type") == "checkbox" else "")])
        elif tag == "select" and a.get("name"):
            self.select = [a["name"], None]
            self.current.append(self.select)
        elif tag == "option" and self.select is not None:
            if self.select[1] is None or "selected" in a:
                self.select[1] = a.get("value", "")
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]
            self.current.append(self.textarea)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "form":
            self.current = None

    def form_with(self, name):
        return next(form for form in self.forms if any(field[0] == name for field in form))


def login(client, username, password):
    response = client.post("/admin/login/", {"username": username, "password": password})
    assert response.status_code == 302, response.content[:500]


def test_permitted_admin_languages_are_vietnamese_and_english():
    assert [code for code, _ in settings.WAGTAILADMIN_PERMITTED_LANGUAGES] == ["vi", "en"]


def test_demo_accounts_prefer_vietnamese():
    for username in DEMO_USERS:
        profile = UserProfile.objects.get(user__username=username)
        assert profile.preferred_language == "vi", username


def test_collaborator_switches_the_admin_to_english_in_account_settings_and_back(client, demo_password):
    login(client, "congtacvien", demo_password)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert '<html lang="vi"' in response.content.decode()
    assert "Bảng điều khiển" in response.content.decode() or "Trang chủ" in response.content.decode()

    page = client.get("/admin/account/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="locale-preferred_language"' in html
    assert 'value="vi"' in html and 'value="en"' in html

    parser = FormFields()
    parser.feed(html)
    data = dict(parser.form_with("locale-preferred_language"))
    data["locale-preferred_language"] = "en"
    response = client.post("/admin/account/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert UserProfile.objects.get(user__username="congtacvien").preferred_language == "en"
    english = client.get("/admin/").content.decode()
    assert '<html lang="en"' in english
    assert "Dashboard" in english

    data["locale-preferred_language"] = "vi"
    client.post("/admin/account/", data)
    assert UserProfile.objects.get(user__username="congtacvien").preferred_language == "vi"
    assert '<html lang="vi"' in client.get("/admin/").content.decode()


def test_admin_login_form_labels_are_vietnamese(client):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert '<html lang="vi"' in html
    assert "Mật khẩu" in html
    assert ">Password<" not in html
