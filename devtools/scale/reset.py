"""Remove the rows of earlier generate_scale_data runs: the id ranges recorded in their JobRun, and every row
that refers to them (found through the model relations, so rows added later by the app — access log, history,
work items — go too; nullable references are set to NULL)."""

from __future__ import annotations

from django.apps import apps
from django.db import connection, models

MAX_DEPTH = 6


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def delete_where(model, where: str, params: list, cursor, depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        raise RuntimeError(f"te diepe verwijzingen bij {model._meta.label}")
    table = _q(model._meta.db_table)
    pk = _q(model._meta.pk.column)
    for rel in model._meta.get_fields(include_hidden=True):
        if not (rel.auto_created and not rel.concrete and (rel.one_to_many or rel.one_to_one)):
            continue
        related, fk = rel.related_model, rel.field
        if related is model:
            continue
        sub = f"{_q(fk.column)} IN (SELECT {pk} FROM {table} WHERE {where})"
        if fk.null and fk.remote_field.on_delete is models.SET_NULL:
            cursor.execute(
                f"UPDATE {_q(related._meta.db_table)} SET {_q(fk.column)} = NULL WHERE {sub}", params
            )
        else:
            delete_where(related, sub, params, cursor, depth + 1)
    cursor.execute(f"DELETE FROM {table} WHERE {where}", params)


def delete_ranges(ranges: dict[str, list[int]], order: list[str]) -> None:
    """``ranges``: model label -> [first id, last id]; deleted in ``order`` (dependants first)."""
    with connection.cursor() as cursor:
        for label in order:
            if label not in ranges:
                continue
            lo, hi = ranges[label]
            model = apps.get_model(label)
            delete_where(model, f"{_q(model._meta.pk.column)} BETWEEN %s AND %s", [lo, hi], cursor)
