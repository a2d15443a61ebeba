"""Photo albums (Thư viện ảnh) and videos (Video).

An album is a list of pictures, each with its caption and photographer; a video is an embed
(YouTube, Vimeo: the providers the content security policy allows) with a description and a
transcript. Either can be attached to an event or an article, which then shows it.
"""

import datetime

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.api_images import PublicImageField
from portal.blocks import RICH_TEXT_FEATURES
from portal.i18n import exclude_restricted
from portal.models import BasePage, IndexPage
from portal.private_images import is_public_image, public_images_q

# Renditions of a picture: widths offered to the browser (srcset) and the thumbnail of the grid.
PICTURE_WIDTHS = (480, 800, 1200)
THUMBNAIL_SPEC = "fill-400x300"
ALLOWED_VIDEO_HOSTS = ("youtube.com", "www.youtube.com", "youtu.be", "m.youtube.com", "vimeo.com", "www.vimeo.com")


def allowed_video_url(url):
    from urllib.parse import urlsplit

    parts = urlsplit(url or "")
    return parts.scheme == "https" and parts.hostname in ALLOWED_VIDEO_HOSTS


class AlbumIndexPage(IndexPage):
    """Thư viện ảnh: every album, newest first."""

    # Found by title and summary only: the galleries' introductions are not searched.
    search_fold_fields = BasePage.search_fold_fields
    parent_page_types = ["home.HomePage"]
    subpage_types = ["galleries.AlbumPage"]

    class Meta:
        verbose_name = _("photo gallery")
        verbose_name_plural = _("photo galleries")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        albums = list(AlbumPage.objects.child_of(self).live().public().order_by("-date", "title"))
        covers, counts = {}, {}
        # Covers and counts of the pictures readers may see: none of a restricted collection.
        rows = AlbumPicture.objects.filter(public_images_q("image__"), page__in=albums).order_by(
            "page_id", "sort_order"
        )
        for page_id, image_id in rows.values_list("page_id", "image_id"):
            covers.setdefault(page_id, image_id)
            counts[page_id] = counts.get(page_id, 0) + 1
        images = {}
        if covers:
            queryset = get_image_model().objects.filter(pk__in=set(covers.values()))
            images = {image.pk: image for image in queryset.prefetch_renditions(THUMBNAIL_SPEC)}
        for album in albums:
            album.cover = images.get(covers.get(album.pk))
            album.picture_count = counts.get(album.pk, 0)
        context["albums"] = albums
        return context


class AlbumPage(BasePage):
    """A photo album: pictures with captions and photographers, maybe attached to an event or an article."""

    date = models.DateField(_("date"), default=datetime.date.today, db_index=True)
    attached_to = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("attached to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An event or an article that shows this on its page."),
    )
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    photographer = models.CharField(
        _("photographer"), max_length=255, blank=True, help_text=_("Used for pictures that do not name their own.")
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("photographer")]),
        PageChooserPanel("attached_to", ["events.EventPage", "news.NewsPage"]),
        FieldPanel("description"),
        InlinePanel("pictures", heading=_("Pictures"), label=_("Picture"), min_num=1),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("description"), index.FilterField("date")]
    search_fold_fields = BasePage.search_fold_fields + ("description", "photographer")
    api_fields = [
        APIField("date"),
        APIField("description"),
        APIField("photographer"),
        APIField("pictures"),
        APIField("listing_summary"),
    ]
    override_translatable_fields = [SynchronizedField("photographer")]
    parent_page_types = ["galleries.AlbumIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("photo album")
        verbose_name_plural = _("photo albums")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pictures = list(self.pictures.all())
        specs = [f"width-{w}" for w in PICTURE_WIDTHS] + [THUMBNAIL_SPEC]
        images = get_image_model().objects.filter(pk__in=[p.image_id for p in pictures]).prefetch_renditions(*specs)
        by_id = {image.pk: image for image in images}
        for picture in pictures:
            picture.image = by_id.get(picture.image_id)
            picture.credit = picture.photographer or self.photographer
        context["pictures"] = [p for p in pictures if is_public_image(p.image)]
        context["attached"] = localized_page(self.attached_to_id, self.locale_id)
        return context


class AlbumPicture(TranslatableMixin, Orderable):
    """A picture of an album: its caption is translated, its photographer's name is not."""

    page = ParentalKey(AlbumPage, on_delete=models.CASCADE, related_name="pictures")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_("Describe the picture for readers who cannot see it; the caption is used when empty."),
    )
    photographer = models.CharField(_("photographer"), max_length=255, blank=True)

    panels = [
        FieldPanel("image"),
        FieldPanel("caption"),
        FieldRowPanel([FieldPanel("alt_text"), FieldPanel("photographer")]),
    ]
    api_fields = [
        APIField("image", serializer=PublicImageField()),
        APIField("caption"),
        APIField("alt_text"),
        APIField("photographer"),
    ]
    override_translatable_fields = [SynchronizedField("photographer"), SynchronizedField("image")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("picture")
        verbose_name_plural = _("pictures")

    @property
    def alt(self):
        return self.alt_text or self.caption


class VideoIndexPage(IndexPage):
    """Video: every video, newest first."""

    # Found by title and summary only: the galleries' introductions are not searched.
    search_fold_fields = BasePage.search_fold_fields
    parent_page_types = ["home.HomePage"]
    subpage_types = ["galleries.VideoPage"]

    class Meta:
        verbose_name = _("video gallery")
        verbose_name_plural = _("video galleries")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        images = get_image_model().objects.prefetch_renditions(THUMBNAIL_SPEC)
        videos = VideoPage.objects.child_of(self).live().public().prefetch_related(Prefetch("listing_image", images))
        context["videos"] = list(videos.order_by("-date", "title"))
        return context


class VideoPage(BasePage):
    """A video embedded from YouTube or Vimeo, with its description and transcript. It may be attached
    to an event or an article, as an album may."""

    date = models.DateField(_("date"), default=datetime.date.today, db_index=True)
    attached_to = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("attached to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An event or an article that shows this on its page."),
    )
    video_url = models.URLField(
        _("video address"), help_text=_("A YouTube or Vimeo address, e.g. https://www.youtube.com/watch?v=…")
    )
    duration = models.CharField(_("duration"), max_length=16, blank=True, help_text=_("e.g. 4:35"))
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    transcript = RichTextField(
        _("transcript"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What is said and shown, for readers who cannot watch or hear the video."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("video_url"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("duration")]),
        PageChooserPanel("attached_to", ["events.EventPage", "news.NewsPage"]),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("transcript")], heading=_("Transcript")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("transcript"),
        index.FilterField("date"),
    ]
    search_fold_fields = BasePage.search_fold_fields + ("description", "transcript")
    api_fields = [
        APIField("video_url"),
        APIField("date"),
        APIField("duration"),
        APIField("description"),
        APIField("transcript"),
        APIField("listing_summary"),
    ]
    parent_page_types = ["galleries.VideoIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        if self.video_url and not allowed_video_url(self.video_url):
            raise ValidationError({"video_url": _("Only https addresses of YouTube or Vimeo can be embedded.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["attached"] = localized_page(self.attached_to_id, self.locale_id)
        return context


def localized_page(page_id, locale_id):
    """The live, public page ``page_id`` in the language ``locale_id`` (its translation), or None."""
    from wagtail.models import Page

    if not page_id:
        return None
    key = Page.objects.filter(pk=page_id).values("translation_key")
    return Page.objects.live().public().filter(locale_id=locale_id, translation_key__in=key).first()


def attached_media(page, request=None):
    """``(albums, videos)`` attached to ``page`` (in any of its languages), live, public, of its
    language, newest first: one query, as every article shows the box."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    same_page = Page.objects.filter(translation_key=page.translation_key).values("pk")
    # From the album and video tables (a few rows) to the pages: joining them to every page of the
    # language instead made the database read all of them (16 ms at 12,000 articles).
    attached = (
        AlbumPage.objects.filter(attached_to__in=same_page)
        .order_by()
        .values("pk")
        .union(VideoPage.objects.filter(attached_to__in=same_page).order_by().values("pk"))
    )
    queryset = Page.objects.live().filter(pk__in=attached, locale_id=page.locale_id)
    found = list(exclude_restricted(queryset, request).order_by("-first_published_at", "pk"))
    album_type = ContentType.objects.get_for_model(AlbumPage).pk  # Django's content type cache: no query
    albums = [p for p in found if p.content_type_id == album_type]
    videos = [p for p in found if p.content_type_id != album_type]
    return albums, videos
