"""Fixtures of the editorial board's tests: the demo accounts, a news section, article form data."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from portal.models import Department


@pytest.fixture
def users(db):
    User = get_user_model()
    return {
        u.username: u
        for u in User.objects.filter(username__in=["admin", "truongban", "bientapvien", "congtacvien", "biendichvien"])
    }


@pytest.fixture
def news_index(home_vi):
    from news.models import NewsIndexPage

    index = NewsIndexPage.objects.filter(locale=home_vi.locale).first()
    if index is None:
        index = NewsIndexPage(title="Tin tức", slug="tin-tuc")
        home_vi.add_child(instance=index)
        index.save_revision().publish()
    return index


@pytest.fixture
def section(news_index):
    """A fresh, empty news section of the Vietnamese tree (collaborators get their rights on publish)."""
    from news.models import NewsSectionPage

    page = NewsSectionPage(title="Chuyên mục kiểm thử", slug="chuyen-muc-kiem-thu")
    news_index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def department(vi):
    return Department.objects.create(name="Phòng Kiểm thử", code="phong-kiem-thu", monthly_quota=3, locale=vi)


@pytest.fixture(autouse=True)
def empty_outbox():
    mail.outbox = []


@pytest.fixture(autouse=True)
def no_login_lockout_logging(settings):
    # The test client's force_login sends no client address; lockout is not what these tests are about.
    settings.AXES_ENABLED = False
