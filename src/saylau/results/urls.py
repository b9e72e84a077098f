"""URLs of the results app: the read-only JSON API under ``api/results/``."""

from django.urls import include, path

from saylau.results.api import views

api_patterns = [
    path("elections/<slug:slug>/protocols/", views.ProtocolList.as_view(), name="protocol-list"),
    path("elections/<slug:slug>/discrepancies/", views.DiscrepancyList.as_view(), name="discrepancy-list"),
    path("elections/<slug:slug>/quarantine/", views.QuarantineList.as_view(), name="quarantine-list"),
    path("elections/<slug:slug>/stations/", views.PublishedStations.as_view(), name="published-stations"),
    path("elections/<slug:slug>/totals/", views.Totals.as_view(), name="totals"),
    path("elections/<slug:slug>/candidates/", views.Candidates.as_view(), name="candidates"),
]
urlpatterns = [path("api/results/", include((api_patterns, "results-api")))]
