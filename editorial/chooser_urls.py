"""Wagtail's page chooser addresses, served by ``editorial.chooser_views`` (included before
Wagtail's admin URLs in ``portal/urls.py``; Wagtail's names still reverse to the same paths)."""

from django.urls import path

from editorial import chooser_views

urlpatterns = [
    path("choose-page/", chooser_views.BrowseView.as_view()),
    path("choose-page/<int:parent_page_id>/", chooser_views.BrowseView.as_view()),
    path("choose-page/search/", chooser_views.SearchView.as_view()),
    path("choose-page/chosen-multiple/", chooser_views.ChosenMultipleView.as_view()),
]
