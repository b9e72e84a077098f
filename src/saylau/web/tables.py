"""A small table layer for the back office's lists: columns with labels in the
page's language, sortable headers (``?sort=key`` or ``?sort=-key``, shown with
``aria-sort``), one django-filter FilterSet (the same class as the list's JSON
API), pages of Django's Paginator, and exports of exactly the rows filtered and
sorted, every page of them: ``?export=csv`` (streamed) and ``?export=xlsx``
(openpyxl, written row by row).

An unknown column to sort by, or a filter value that does not parse, is
answered with what was wrong, never ignored: the page shows the message and no
rows; an export is refused (400)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

EXPORTS = ("csv", "xlsx")
CHUNK = 2000


def lang() -> str:
    code = (get_language() or "en")[:2]
    return code if code in ("en", "ru", "kk") else "en"


@dataclass(frozen=True)
class Column:
    """One column: ``value(row)`` is what is shown and exported (a number, a
    date-time, or a text already in the page's language); ``sort`` the ORM
    expression to order by (None: not sortable); ``link(row)`` an optional URL;
    ``lang`` the cells' language when it is not the page's."""

    key: str
    label: Any
    value: Callable[[Any], Any]
    sort: str | None = None
    kind: str = "text"  # text (short) | long (free text, wraps) | number | datetime
    link: Callable[[Any], str] | None = None
    lang: str = ""  # the language of the cells when it is not the page's (a text stored in English)


def shown(value: Any, kind: str) -> str:
    """A cell's text in the page's language (numbers grouped, dates in SHORT_DATETIME_FORMAT)."""
    from saylau.core.wording.numbers import format_int

    if value is None or value == "":
        return "–"
    if kind == "number" and isinstance(value, int) and not isinstance(value, bool):
        return format_int(value, lang())
    if isinstance(value, dt.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, dt.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


def exported(value: Any) -> Any:
    """A cell for a file: numbers as numbers, date-times in ISO 8601 (UTC), texts as shown."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
    if isinstance(value, bool | int | float):
        return value
    return str(value)


class Table:
    """A list's page: filter (``filterset_class`` over ``queryset``), sort, page, export."""

    def __init__(self, request: HttpRequest, *, name: str, queryset, filterset_class, columns: list[Column],
                 default_sort: str, page_size: int = 100) -> None:
        self.request, self.name, self.columns, self.page_size = request, name, columns, page_size
        self.by_key = {c.key: c for c in columns}
        self.filterset = filterset_class(request.GET or None, queryset=queryset, request=request)
        self.errors: list[str] = []
        self.header: list[str] = []
        self.sort = request.GET.get("sort") or default_sort
        key = self.sort.removeprefix("-")
        if key not in self.by_key or self.by_key[key].sort is None:
            sortable = ", ".join(c.key for c in columns if c.sort)
            self.errors.append(_("Cannot sort by %(key)s: sort by one of %(keys)s.") % {"key": key, "keys": sortable})
        if self.filterset.is_bound and not self.filterset.is_valid():
            for field, messages in self.filterset.errors.items():
                label = self.filterset.filters[field].label if field in self.filterset.filters else field
                self.errors += [f"{label}: {m}" for m in messages]

    # --- rows ---------------------------------------------------------------------------------
    def rows(self):
        """Every row filtered and sorted (none when a filter or the sort is wrong)."""
        if self.errors:
            return self.filterset.queryset.none()
        qs = self.filterset.qs
        column = self.by_key[self.sort.removeprefix("-")]
        desc = self.sort.startswith("-")
        return qs.order_by(*[f"-{f}" if desc else f for f in column.sort.split(",")], "-pk" if desc else "pk")

    def page(self):
        return Paginator(self.rows(), self.page_size).get_page(self.request.GET.get("page"))

    def cells(self, row) -> list[tuple[str, str, str, str]]:
        """``(text, kind, url, lang)`` of each cell of ``row``."""
        return [(shown(c.value(row), c.kind), c.kind, c.link(row) if c.link else "", c.lang) for c in self.columns]

    # --- links ----------------------------------------------------------------------------------
    def query(self, **changes) -> str:
        """This page's query string with ``changes`` (a value of None drops the key; page is reset)."""
        query = self.request.GET.copy()
        query.pop("page", None)
        query.pop("export", None)
        for key, value in changes.items():
            query.pop(key, None)
            if value is not None:
                query[key] = value
        return "?" + query.urlencode()

    def headers(self) -> list[dict]:
        current, desc = self.sort.removeprefix("-"), self.sort.startswith("-")
        out = []
        for c in self.columns:
            state = ("descending" if desc else "ascending") if c.key == current else ""
            target = f"-{c.key}" if c.key == current and not desc else c.key
            out.append({"key": c.key, "label": c.label, "kind": c.kind, "aria_sort": state,
                        "url": self.query(sort=target) if c.sort else ""})
        return out

    def page_url(self, number: int) -> str:
        return self.query(page=str(number))

    def export_url(self, fmt: str) -> str:
        return self.query(export=fmt)

    # --- exports --------------------------------------------------------------------------------
    def export(self, fmt: str) -> HttpResponse:
        if fmt not in EXPORTS:
            return HttpResponse(_("Unknown export format %(fmt)s: use csv or xlsx.") % {"fmt": fmt},
                                status=400, content_type="text/plain; charset=utf-8")
        if self.errors:
            return HttpResponse("\n".join(self.errors), status=400, content_type="text/plain; charset=utf-8")
        self.header = [str(c.label) for c in self.columns]  # in the request's language, before streaming
        return self._csv() if fmt == "csv" else self._xlsx()

    def _records(self) -> Iterator[list]:
        yield self.header
        for row in self.rows().iterator(chunk_size=CHUNK):
            yield [exported(c.value(row)) for c in self.columns]

    def _csv(self) -> StreamingHttpResponse:
        def lines():
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            yield "\ufeff"  # a byte-order mark: spreadsheet programs then read the file as UTF-8
            for record in self._records():
                writer.writerow(record)
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.name}.csv"'
        return response

    def _xlsx(self) -> HttpResponse:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet(self.name[:31])
        for record in self._records():
            sheet.append(record)
        out = io.BytesIO()
        book.save(out)
        response = HttpResponse(out.getvalue(),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = f'attachment; filename="{self.name}.xlsx"'
        return response
