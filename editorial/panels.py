"""Panels of the admin home page: the author's own articles, and the leadership dashboard."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, TaskState, WorkflowState

from editorial import reports

MY_ARTICLES_LIMIT = 10

STATUS_LIVE = "live"
STATUS_LIVE_DRAFT = "live_draft"
STATUS_DRAFT = "draft"
STATUS_IN_REVIEW = "in_review"
STATUS_CHANGES = "changes_requested"


def my_pages_with_status(user, limit=MY_ARTICLES_LIMIT):
    """The user's own pages, newest first, each with ``moderation_status`` and, when sent back,
    ``moderation_comment`` (the reviewer's comment) and ``moderation_task``."""
    # A translation copies its source's owner: it is the author's own only if they worked on it.
    source = Q(locale__language_code=settings.LANGUAGE_CODE)
    translations = Page.objects.filter(owner=user).exclude(source).values_list("pk", flat=True)
    worked_on = Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in translations],
        user=user,
    ).values_list("object_id", flat=True)
    own = Page.objects.filter(owner=user).filter(source | Q(pk__in=[int(pk) for pk in worked_on]))
    pages = list(own.select_related("locale").order_by("-latest_revision_created_at", "-pk")[:limit])
    if not pages:
        return []
    page_ct = ContentType.objects.get_for_model(Page)
    states = (
        WorkflowState.objects.filter(base_content_type=page_ct, object_id__in=[str(p.pk) for p in pages])
        .select_related("current_task_state__task")
        .order_by("object_id", "-created_at")
    )
    latest = {}
    for state in states:
        latest.setdefault(state.object_id, state)
    for page in pages:
        state = latest.get(str(page.pk))
        page.moderation_comment = ""
        page.moderation_task = None
        if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
            page.moderation_status = STATUS_IN_REVIEW
            page.moderation_task = state.current_task_state.task if state.current_task_state else None
        elif (
            state is not None
            and state.status == WorkflowState.STATUS_NEEDS_CHANGES
            and (page.latest_revision_created_at is None or not page.live or page.has_unpublished_changes)
        ):
            page.moderation_status = STATUS_CHANGES
            task_state = state.current_task_state
            if task_state is not None and task_state.status == TaskState.STATUS_REJECTED:
                page.moderation_comment = task_state.comment
                page.moderation_task = task_state.task
        elif page.live:
            page.moderation_status = STATUS_LIVE_DRAFT if page.has_unpublished_changes else STATUS_LIVE
        else:
            page.moderation_status = STATUS_DRAFT
    return pages


class MyArticlesPanel(Component):
    """Where each of my articles stands: draft, in review (at which step), sent back (with the
    reviewer's comment), or published. Shown to everyone who owns pages."""

    name = "editorial_my_articles"
    template_name = "editorial/panels/my_articles.html"
    order = 205

    def __init__(self, pages):
        self.pages = pages

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["pages"] = self.pages
        return context


class LeadershipDashboardPanel(Component):
    """For the board's leadership: reviews waiting, empty or stale sections, quotas behind this
    month, and publications per month (what waits for translation is the backlog panel's)."""

    name = "editorial_leadership_dashboard"
    template_name = "editorial/panels/leadership.html"
    order = 90

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = self.request.user
        to_review = TaskState.objects.reviewable_by(user).filter(status=TaskState.STATUS_IN_PROGRESS)
        coverage = [row for row in reports.coverage_rows() if row.status != reports.STATUS_OK]
        months = reports.publications_per_month()
        peak = max((count for _month, count in months), default=0) or 1
        chart_height = 120
        bar_width = 36
        bars = []
        for index, (month, count) in enumerate(months):
            height = round(count * chart_height / peak)
            bars.append(
                {
                    "month": month,
                    "count": count,
                    "x": index * (bar_width + 8) + 4,
                    "y": chart_height - height + 20,
                    "height": height,
                    "label_x": index * (bar_width + 8) + 4 + bar_width // 2,
                }
            )
        context.update(
            review_count=to_review.count(),
            coverage=coverage,
            behind=reports.quotas_behind_this_month(),
            bars=bars,
            bar_width=bar_width,
            chart_width=len(bars) * (bar_width + 8) + 8,
            chart_height=chart_height + 40,
            today=timezone.localdate(),
        )
        return context
