"""URLs of disputes: the JSON API under ``api/disputes/`` (the pages are the web app's, ``/disputes/``)."""

from django.urls import include, path

from saylau.disputes.api import views

api_patterns = [
    path("elections/<slug:slug>/cases/", views.Cases.as_view(), name="cases"),
    path("elections/<slug:slug>/cases/<str:reference>/", views.CaseDetail.as_view(), name="case"),
]
urlpatterns = [path("api/disputes/", include((api_patterns, "disputes-api")))]
