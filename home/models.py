import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from portal.i18n import only_public
from portal.models import BasePage
from portal.security import client_ip, rate_limit_exceeded
from portal.text import slugify_vi

from .routing import route_below

logger = logging.getLogger(__name__)


class HomePage(BasePage):
    """The root of each language's tree."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fold_fields = BasePage.search_fold_fields + ("intro",)
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["untranslated_notice"] = request.GET.get("untranslated") == "1"
        return context

    def route(self, request, path_components):
        # The pages on the path in one query (home.routing), then Wagtail's own route of the page.
        return route_below(self, request, path_components, super().route)


class StandardPage(BasePage):
    """About, editorial board, regulations and other general pages."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    show_subnavigation = models.BooleanField(
        _("show sub-navigation"),
        default=True,
        help_text=_("List this page's children and siblings beside the text."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    settings_panels = BasePage.settings_panels + [FieldPanel("show_subnavigation")]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    search_fold_fields = BasePage.search_fold_fields + ("intro", "body")

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def get_subnavigation(self, request=None):
        """Children if any, else siblings: live, public pages of this page's language only."""
        children = only_public(self.get_children().live().in_menu(), request)
        if children:
            return self, children
        parent = self.get_parent()
        return parent, only_public(parent.get_children().live().in_menu(), request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.show_subnavigation:
            context["subnav_parent"], context["subnav_pages"] = self.get_subnavigation(request)
        return context


# --- Contact form ("Liên hệ"): contact, cooperation proposals, contributions -------------------

CONTACT_HONEYPOT_FIELD = "website"  # hidden from people; a bot that fills it in is ignored
CONTACT_MESSAGE_MAX_LENGTH = 5000


def one_line(text, limit=200):
    """``text`` without line breaks or control characters, for an e-mail header."""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in str(text or ""))
    return " ".join(cleaned.split())[:limit]


class ContactFormBuilder(FormBuilder):
    """Wagtail's form builder with a length limit on long answers."""

    def create_multiline_field(self, field, options):
        options["max_length"] = CONTACT_MESSAGE_MAX_LENGTH
        return super().create_multiline_field(field, options)


class ContactFormField(TranslatableMixin, AbstractFormField):
    """A field of the contact form; labels and choices are translated with the page."""

    page = ParentalKey("home.ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    def get_field_clean_name(self):
        # "Điện thoại" -> "dien_thoai" (Wagtail's own would drop the đ: "ien_thoai").
        return slugify_vi(self.label).replace("-", "_")[:200] or super().get_field_clean_name()

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")


class ContactPage(BasePage, AbstractEmailForm):
    """The public form "Liên hệ". Every submission is stored first (editors see and export them
    under *Forms* in the admin); the notification e-mail is sent afterwards, and a mail failure
    loses nothing."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    thank_you_text = RichTextField(_("thank-you text"), blank=True, features=RICH_TEXT_FEATURES)

    form_builder = ContactFormBuilder
    template = "home/contact_page.html"
    landing_page_template = "home/contact_page_landing.html"

    content_panels = BasePage.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail notification"),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    search_fold_fields = BasePage.search_fold_fields + ("intro",)
    override_translatable_fields = [SynchronizedField("to_address"), SynchronizedField("from_address")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    def get_submissions_list_view_class(self):
        """Submissions are typed by anonymous visitors: their export neutralises formulas."""
        from home.submissions import SafeSubmissionsListView

        return SafeSubmissionsListView

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["honeypot_field"] = CONTACT_HONEYPOT_FIELD
        return context

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            if request.POST.get(CONTACT_HONEYPOT_FIELD):
                # A bot filled in the hidden field: answer as if it worked, store and send nothing.
                return self.render_landing_page(request, None, *args, **kwargs)
            limit = getattr(settings, "PORTAL_FORM_SUBMISSION_LIMIT", 5)
            window = getattr(settings, "PORTAL_FORM_SUBMISSION_WINDOW", 600)
            if rate_limit_exceeded(f"contact-form:{self.pk}", client_ip(request), limit, window):
                context = self.get_context(request)
                context["form"] = self.get_form(request.POST, page=self, user=request.user)
                context["rate_limited"] = True
                response = TemplateResponse(request, self.get_template(request), context, status=429)
                response["Retry-After"] = str(window)
                return response
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        # Store first: the row is committed before any mail is attempted.
        submission = self.get_submission_class().objects.create(form_data=form.cleaned_data, page=self)
        if self.to_address:
            try:
                self.send_mail(form)
            except Exception:  # noqa: BLE001 - any mail failure: the submission is already stored
                logger.exception(
                    "Contact form %s: submission %s stored, notification e-mail failed", self.pk, submission.pk
                )
                submission.mail_failed = True
        return submission

    def send_mail(self, form):
        addresses = [address.strip() for address in self.to_address.split(",") if address.strip()]
        reply_to = [
            value
            for field in self.get_form_fields()
            if field.field_type == "email" and (value := form.cleaned_data.get(field.clean_name))
        ][:1]
        subject = one_line(self.subject or _("New submission from %(page)s") % {"page": self.title})
        message = EmailMessage(
            subject=subject,
            body=self.render_email(form),
            from_email=self.from_address or settings.DEFAULT_FROM_EMAIL,
            to=addresses,
            reply_to=reply_to,
        )
        message.send(fail_silently=False)

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        response = super().render_landing_page(request, form_submission, *args, **kwargs)
        response.context_data["mail_failed"] = getattr(form_submission, "mail_failed", False)
        return response
