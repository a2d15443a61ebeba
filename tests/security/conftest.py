"""Fixtures for the adversarial tests: the demo site's contact page, clients logged in with each
role, small valid and invalid files."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from PIL import Image

from home.models import ContactPage


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Rate limits and lock-outs live in the shared cache: every test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def contact_vi(vi):
    return ContactPage.objects.get(locale=vi, slug="lien-he")


@pytest.fixture
def contact_en(en):
    return ContactPage.objects.get(locale=en)


@pytest.fixture
def user_client(client, demo_password):
    def login(username):
        user = get_user_model().objects.get(username=username)
        client.force_login(user)
        return client

    return login


@pytest.fixture
def admin_client_(user_client):
    return user_client("admin")


def png_bytes(size=(4, 4), fmt="PNG", color=(200, 20, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt)
    return buffer.getvalue()


VALID_CONTACT = {
    "ho_va_ten": "Trần Văn An",
    "thu_dien_tu": "an.tran@example.org",
    "dien_thoai": "0297 3 862 000",
    "co_quan_to_chuc": "Hội Hữu nghị Việt – Đức",
    "muc_dich": "Đề xuất hợp tác",
    "tieu_de": "Đề xuất hợp tác giáo dục",
    "noi_dung": "Chúng tôi đề xuất phối hợp tổ chức lớp học tiếng Đức cho thanh niên tỉnh.",
}
