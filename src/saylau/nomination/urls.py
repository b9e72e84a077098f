"""URLs of nomination: the JSON API under ``api/nomination/`` (the pages are the web app's)."""

from django.urls import include, path

from saylau.nomination.api import views

api_patterns = [
    path("elections/<slug:slug>/nominees/", views.Nominees.as_view(), name="nominees"),
    path("elections/<slug:slug>/nominees/<str:code>/", views.NomineeDetail.as_view(), name="nominee"),
    path("elections/<slug:slug>/decisions/", views.Decisions.as_view(), name="decisions"),
    path("elections/<slug:slug>/sessions/", views.Sessions.as_view(), name="sessions"),
    path("elections/<slug:slug>/accreditations/", views.Accreditations.as_view(), name="accreditations"),
    path("elections/<slug:slug>/accreditations/counts/", views.AccreditationCounts.as_view(),
         name="accreditation-counts"),
]
urlpatterns = [path("api/nomination/", include((api_patterns, "nomination-api")))]
