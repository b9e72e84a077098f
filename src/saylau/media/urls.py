"""URLs of media monitoring: the JSON API under ``api/media/`` (the pages are the web app's)."""

from django.urls import include, path

from saylau.media import api

api_patterns = [
    path("elections/<slug:slug>/report/", api.Report.as_view(), name="report"),
    path("elections/<slug:slug>/reliability/", api.Reliability.as_view(), name="reliability"),
    path("elections/<slug:slug>/codings/", api.Codings.as_view(), name="codings"),
]
urlpatterns = [path("api/media/", include((api_patterns, "media-api")))]
