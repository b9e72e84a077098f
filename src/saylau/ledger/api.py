"""Public, read-only JSON of the ledger's checkpoints, keys, receipts and proofs
(anyone may check the mission's ledger; nothing here reveals a payload)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from saylau.ledger import selectors


class _Public(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle]


def _checkpoint(c) -> dict:
    return {"size": c.size, "root": c.root, "created_at": c.created_at, "key": c.key.verifier_key, "note": c.note}


def _size(value, name: str, *, default: int | None = None) -> int:
    if value in (None, ""):
        if default is None:
            raise ValidationError({name: "required: a whole number of entries"})
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError({name: f"a whole number, not {value!r}"}) from None
    if number < 1:
        raise ValidationError({name: "at least 1"})
    return number


def _latest_size() -> int:
    last = selectors.latest()
    if last is None:
        raise NotFound("no checkpoint yet")
    return last.size


class Checkpoints(_Public):
    """Every signed checkpoint, newest first."""

    def get(self, request):
        return Response([_checkpoint(c) for c in selectors.checkpoints()[:1000]])


class LatestCheckpoint(_Public):
    """The newest signed checkpoint."""

    def get(self, request):
        last = selectors.latest()
        if last is None:
            raise NotFound("no checkpoint yet")
        return Response(_checkpoint(last))


class Keys(_Public):
    """The mission's verifier keys, oldest first, with when each was made and retired."""

    def get(self, request):
        return Response([{"verifier_key": k.verifier_key, "name": k.name, "created_at": k.created_at,
                          "retired_at": k.retired_at} for k in selectors.keys()])


class Receipt(_Public):
    """An entry's receipt: its hash and leaf, and its inclusion proof in the latest checkpoint."""

    def get(self, request, sequence: int):
        receipt = selectors.receipt(sequence)
        if receipt is None:
            raise NotFound(f"no ledger entry {sequence}")
        return Response(receipt)


@extend_schema(parameters=[OpenApiParameter("entry", int, required=True),
                           OpenApiParameter("size", int, description="default: the latest checkpoint")])
class InclusionProof(_Public):
    """The RFC 6962 inclusion proof of an entry in the tree of ``size`` entries."""

    def get(self, request):
        entry = _size(request.query_params.get("entry"), "entry")
        size = _size(request.query_params.get("size"), "size", default=_latest_size())
        if size > _latest_size() or entry > size:
            raise ValidationError({"size": f"entry {entry} in a tree of {size}: the size must be at least the entry "
                                           "and at most the latest checkpoint's"})
        return Response({"entry": entry, "size": size, "inclusion": selectors.inclusion(entry, size)})


@extend_schema(parameters=[OpenApiParameter("from", int, required=True),
                           OpenApiParameter("to", int, description="default: the latest checkpoint")])
class ConsistencyProof(_Public):
    """The RFC 6962 consistency proof between the trees of ``from`` and ``to`` entries."""

    def get(self, request):
        size1 = _size(request.query_params.get("from"), "from")
        size2 = _size(request.query_params.get("to"), "to", default=_latest_size())
        if size1 > size2 or size2 > _latest_size():
            raise ValidationError({"to": "from <= to <= the latest checkpoint's size"})
        return Response({"from": size1, "to": size2, "consistency": selectors.consistency(size1, size2)})
