"""The API's pagination: REST framework's limit/offset with a ceiling on ``limit``.

Without one, ``?limit=186584772802028419153920`` (found by Schemathesis, docs/api.md)
went to the database as it came and ended in a 500 (an integer past 64 bits); any
limit above :attr:`Pagination.max_limit` now gets that many rows at most, as REST
framework caps it, and a negative or unreadable limit or offset gets the defaults.
"""

from __future__ import annotations

from rest_framework.pagination import LimitOffsetPagination


class Pagination(LimitOffsetPagination):
    """``?limit=`` (default ``PAGE_SIZE``, at most 1,000) and ``?offset=``."""

    max_limit = 1000
    #: an offset past this is past any list the API serves; larger ones would overflow the database
    max_offset = 2**62

    def get_offset(self, request) -> int:
        return min(super().get_offset(request), self.max_offset)
