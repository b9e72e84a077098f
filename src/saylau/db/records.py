"""Inserting model instances through JSON record sets.

On PostgreSQL the rows travel as one JSON parameter (:func:`dumps`) read back
by ``jsonb_to_recordset`` (:func:`recordset`): one statement text whatever
the number of rows, so it is prepared once (:mod:`saylau.db.prepared`), and
one ``json.dumps`` per group instead of Python-side quoting of each value
(what Django 5.2's ``bulk_create`` does with ``UNNEST`` arrays, at about
0.2 ms a row for JSON answers). Elsewhere the same calls use ``bulk_create``.

- :func:`insert_rows`: rows of one model and, in the same statement, one more
  statement (the ledger's entries and the update of its head);
- :func:`insert_with_children`: rows and one child row for each, the
  children pointing at their new parents (submissions and their first
  versions), in one statement;
- :func:`instance`: a new, unsaved model instance as ``Model(**values)``
  makes it, without ``Model.__init__``'s work per field (a tenth of a short
  path's request went there).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping, Sequence
from decimal import Decimal

from django.db import connection
from django.db.models import signals
from django.db.models.base import ModelState

from saylau.db import prepared

#: per model: the constant defaults of its concrete fields by attname, the fields whose default
#: is called for each instance, and the names values may be given under (field name or attname)
#: -> (attname, the relation or None)
_LAYOUT: dict[type, tuple[dict, list, dict]] = {}


def _layout(model) -> tuple[dict, list, dict]:
    found = _LAYOUT.get(model)
    if found is None:
        constants, called, names = {}, [], {}
        for f in model._meta.concrete_fields:
            if callable(f.default):
                called.append(f)
            else:
                constants[f.attname] = f.get_default()
            names[f.attname] = (f.attname, None)
            if f.is_relation:
                names[f.name] = (f.attname, f)
        found = _LAYOUT.setdefault(model, (constants, called, names))
    return found


def instance(model, **values):
    """``model(**values)`` (an unsaved instance, ``values`` by field name or
    attname, related objects by field name), built as ``Model.__init__`` builds
    it but without its work per field: every concrete field set (to its value
    or its default), a related object given cached as the relation's value,
    a name that is not a concrete field refused. Models with ``pre_init`` or
    ``post_init`` receivers are built by ``Model.__init__`` itself."""
    if signals.pre_init.has_listeners(model) or signals.post_init.has_listeners(model):
        return model(**values)
    constants, called, names = _layout(model)
    obj = model.__new__(model)
    state = obj._state = ModelState()
    data = obj.__dict__
    data.update(constants)
    for f in called:
        if f.attname not in values and f.name not in values:
            data[f.attname] = f.get_default()
    for name, value in values.items():
        try:
            attname, relation = names[name]
        except KeyError:
            raise TypeError(f"{model.__name__}() got an unexpected keyword argument {name!r}") from None
        if relation is None:
            data[attname] = value
            continue
        if value is not None and not isinstance(value, relation.related_model):
            raise ValueError(f"{model.__name__}.{name} must be a {relation.related_model.__name__}, got {value!r}")
        data[attname] = None if value is None else getattr(value, relation.target_field.attname)
        state.fields_cache[relation.name] = value
    return obj


def fields(model) -> list:
    """The concrete columns of ``model`` other than its primary key, in order."""
    return [f for f in model._meta.concrete_fields if not f.primary_key]


def _plain(value):
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    return value


def _rows(columns: list, objs) -> list[dict]:
    names = [(f.column, f.attname, f.get_internal_type() == "JSONField") for f in columns]
    return [{c: getattr(o, a) if j else _plain(getattr(o, a)) for c, a, j in names} for o in objs]


def _dumps(rows: list[dict]) -> str:
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def dumps(columns: list, objs) -> str:
    """The rows as one JSON document (a list of objects keyed by column name) for
    :func:`recordset`: one ``json.dumps`` per group, and JSON columns travel as
    JSON, not as text quoted inside text."""
    return _dumps(_rows(columns, objs))


def recordset(columns: list, alias: str = "x") -> str:
    """``jsonb_to_recordset(%s::jsonb) AS x(column type, ...)`` reading :func:`dumps`:
    one statement text for any number of rows, so it is prepared once (PostgreSQL)."""
    quote = connection.ops.quote_name
    typed = ", ".join(f"{quote(f.column)} {f.db_type(connection)}" for f in columns)
    return f"jsonb_to_recordset(%s::jsonb) AS {alias}({typed})"


#: statement texts and the fields they read, by database backend and what they insert
_SQL: dict[tuple, tuple[str, list, list]] = {}


def insert_rows(model, objs: Sequence, *, columns: Sequence[str] | None = None,
           then: tuple[str, Sequence] | None = None, limit: int | None = None) -> None:
    """Insert ``objs`` (instances of ``model``), then run ``then`` (a statement
    and its parameters, say an ``UPDATE``) in the same transaction.

    ``columns``: the fields written (names; default every column but the
    primary key). On PostgreSQL, with at most ``limit`` rows (``None``: any
    number), one prepared statement ``WITH i AS (INSERT ... SELECT ... FROM
    jsonb_to_recordset(...)) <then>``: one round trip, and the instances' ids
    are not read back. Otherwise Django's ``bulk_create`` (which sets the ids
    where the database returns them), then ``then``. ``then`` must not read
    the rows inserted: on PostgreSQL both parts see the same snapshot.
    """
    if connection.vendor == "postgresql" and (limit is None or len(objs) <= limit):
        key = (connection.vendor, model._meta.label, None if columns is None else tuple(columns), then and then[0])
        found = _SQL.get(key)
        if found is None:
            meta, quote = model._meta, connection.ops.quote_name
            chosen = fields(model) if columns is None else [meta.get_field(c) for c in columns]
            names = ", ".join(quote(f.column) for f in chosen)
            sql = f"INSERT INTO {quote(meta.db_table)} ({names}) SELECT {names} FROM {recordset(chosen)}"
            found = _SQL.setdefault(key, (f"WITH i AS ({sql}) {then[0]}" if then else sql, chosen, []))
        sql, chosen, _ = found
        with prepared.cursor() as cursor:
            cursor.execute(prepared.encoded(sql), [dumps(chosen, objs), *(then[1] if then else ())])
        return
    if objs:
        model.objects.bulk_create(objs)
    if then:
        with connection.cursor() as cursor:
            cursor.execute(then[0], then[1])


def insert_with_children(parents: Sequence, children: Sequence, *, key: str, link: str,
                         shared: Mapping[str, str] | None = None) -> None:
    """Insert ``parents`` (instances of one model) and ``children`` (instances of
    another, ``children[i]`` belonging to ``parents[i]``); each child's foreign
    key ``link`` is set to its parent's new id, and the parents' ids are set.

    ``key``: a unique field of the parents, set before the call (it matches the
    children to their new parents). ``shared``: child field -> parent field
    holding the same value (the caller sets both); PostgreSQL copies it from the
    inserted parent row instead of receiving it twice.

    On PostgreSQL one prepared statement (``INSERT ... RETURNING`` in a
    ``WITH``) reading two JSON record sets: one round trip per group. Elsewhere
    ``bulk_create`` twice.
    """
    if not parents:
        return
    parent_model, child_model = type(parents[0]), type(children[0])
    link_field = child_model._meta.get_field(link)
    key_field = parent_model._meta.get_field(key)
    if connection.vendor != "postgresql":
        parent_model.objects.bulk_create(parents)
        for p, c in zip(parents, children, strict=True):
            setattr(c, link_field.attname, p.pk)
        child_model.objects.bulk_create(children)
        return
    statement = (connection.vendor, parent_model._meta.label, child_model._meta.label, key, link,
                 tuple(sorted((shared or {}).items())))
    found = _SQL.get(statement)
    if found is None:
        found = _SQL.setdefault(statement, _family_sql(parent_model, child_model, key_field, link_field,
                                                       dict(shared or {})))
    sql, parent_fields, child_fields = found
    keys = [getattr(p, key_field.attname) for p in parents]
    child_rows = _rows(child_fields, children)
    for row, value in zip(child_rows, keys, strict=True):
        row[key_field.column] = _plain(value)
    with prepared.cursor() as cursor:
        rows = [dumps(parent_fields, parents), _dumps(child_rows)]
        ids = dict(cursor.execute(prepared.encoded(sql), rows).fetchall())
    for p, c, value in zip(parents, children, keys, strict=True):
        p.pk = ids[value]
        setattr(c, link_field.attname, p.pk)
        p._state.adding, p._state.db = False, connection.alias


def _family_sql(parent_model, child_model, key_field, link_field, shared: dict[str, str]) -> tuple[str, list, list]:
    """The statement of :func:`insert_with_children`, and the parents' and children's fields it reads."""
    parent_fields = fields(parent_model)
    child_fields = [f for f in fields(child_model) if f.name != link_field.name and f.name not in shared]
    if key_field.column in {f.column for f in child_fields}:
        raise ValueError(f"{child_model.__name__} has a column {key_field.column!r} of its own")
    quote = connection.ops.quote_name
    pk, key = quote(parent_model._meta.pk.column), quote(key_field.column)
    parent_columns = ", ".join(quote(f.column) for f in parent_fields)
    own = [quote(f.column) for f in child_fields]
    copied = [(quote(child_model._meta.get_field(c).column), quote(parent_model._meta.get_field(p).column))
              for c, p in shared.items()]
    returned = ", ".join(dict.fromkeys([pk, key, *(p for _, p in copied)]))
    sql = f"""
WITH p AS (INSERT INTO {quote(parent_model._meta.db_table)} ({parent_columns})
           SELECT {parent_columns} FROM {recordset(parent_fields)} RETURNING {returned}),
     c AS (INSERT INTO {quote(child_model._meta.db_table)}
                  ({', '.join([quote(link_field.column), *(c for c, _ in copied), *own])})
           SELECT {', '.join([f'p.{pk}', *(f'p.{p}' for _, p in copied), *(f'x.{c}' for c in own)])}
             FROM p JOIN {recordset([key_field, *child_fields])} ON x.{key} = p.{key})
SELECT {key}, {pk} FROM p"""
    return sql, parent_fields, child_fields
