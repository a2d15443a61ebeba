"""Helpers of the editorial board's tests."""

import datetime

from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from portal.text import slugify_vi


def article_form_data(title, department=None, action="action-submit", **extra):
    """The add/edit form of a news article as the admin posts it."""
    data = {
        "title": title,
        "slug": slugify_vi(title),
        "lead": "Tóm tắt bài viết.",
        "hero_image": "",
        "hero_caption": "",
        "hero_credit": "",
        "body": streamfield([]),
        "author_name": "",
        "author_position": "",
        "department": department.pk if department else "",
        "source_name": "",
        "source_url": "",
        "source_date": "",
        "date": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        "topics": [],
        "related_links": inline_formset([]),
        "comments": inline_formset([]),
        "listing_image": "",
        "listing_summary": "",
        "social_image": "",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(extra)
    flat = nested_form_data(data)
    if action:
        flat[action] = "1"
    return flat


def make_article(section, title, owner=None, department=None, date=None, publish=True, first_published_at=None):
    """An article created directly (not through the admin), optionally published at a given moment."""
    from news.models import NewsPage

    page = NewsPage(title=title, owner=owner, department=department, date=date or timezone.now(), live=False)
    section.add_child(instance=page)
    revision = page.save_revision(user=owner)
    if publish:
        revision.publish()
        if first_published_at is not None:
            NewsPage.objects.filter(pk=page.pk).update(first_published_at=first_published_at)
    page.refresh_from_db()
    return page


def aware(year, month, day, hour=10):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))
