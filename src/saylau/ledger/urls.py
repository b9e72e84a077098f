"""URLs of the ledger: its public JSON under ``api/ledger/``."""

from django.urls import include, path

from saylau.ledger import api

api_patterns = [
    path("checkpoints/", api.Checkpoints.as_view(), name="checkpoints"),
    path("checkpoints/latest/", api.LatestCheckpoint.as_view(), name="checkpoint-latest"),
    path("keys/", api.Keys.as_view(), name="keys"),
    path("entries/<int:sequence>/receipt/", api.Receipt.as_view(), name="receipt"),
    path("proofs/inclusion/", api.InclusionProof.as_view(), name="inclusion"),
    path("proofs/consistency/", api.ConsistencyProof.as_view(), name="consistency"),
]
urlpatterns = [path("api/ledger/", include((api_patterns, "ledger-api")))]
