from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from portal.i18n import only_public
from portal.models import BasePage


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
