"""Access-log writers. Reads in a request are logged by ``ReadLogMiddleware`` (see ``reads``); the explicit
writers remain for reads outside the data layer's reach (and for tests)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache

from django.db import connections, router
from django.utils import timezone

from . import trace
from .activities import activity_for
from .models import AccessLog


def log_access(
    *,
    user,
    object_type: str,
    object_id="",
    client=None,
    action: str = AccessLog.Action.VIEW,
    purpose: str = "",
) -> AccessLog:
    """Record that ``user`` saw personal data (one client, or one object about a client)."""
    return AccessLog.objects.create(
        user=user,
        action=action,
        client=client,
        object_type=object_type,
        object_id=str(object_id),
        purpose=purpose[:200],
    )


def log_access_many(
    *,
    user,
    object_type: str,
    client_ids: Iterable[int],
    action: str = AccessLog.Action.API,
    purpose: str = "",
) -> None:
    """One row per client in a list response (e.g. the API client list), written in one statement."""
    ids = [int(cid) for cid in client_ids]
    _write_rows(user, action, object_type, purpose, ids, [str(cid) for cid in ids])


def log_access_objects(
    *,
    user,
    object_type: str,
    objects: Iterable,
    action: str = AccessLog.Action.VIEW,
    purpose: str = "",
) -> None:
    """One row per object about a client shown in a list (``object.pk`` and ``object.client_id``)."""
    objects = list(objects)
    _write_rows(
        user, action, object_type, purpose, [o.client_id for o in objects], [str(o.pk) for o in objects]
    )


def log_reads(*, user, reads: dict[int, tuple[str, str]], action: str, purpose: str, path: str = "") -> None:
    """The read log of one response: one row per client ({client id: (object type, object id)}), one statement,
    with the processing activity of ``path``, the request's trace id and the API client's token."""
    client_ids = list(reads)
    _write_rows(
        user,
        action,
        [reads[cid][0] for cid in client_ids],
        purpose,
        client_ids,
        [reads[cid][1] for cid in client_ids],
        context=(activity_for(path) if path else "", trace.current_trace_id(), trace.current_token_id()),
    )


def _write_rows(
    user,
    action: str,
    object_type: str | list[str],
    purpose: str,
    client_ids: list,
    object_ids: list,
    context: tuple[str, str, int | None] | None = None,
) -> None:
    """The rows of a list in one statement, whatever the number of rows.

    On PostgreSQL they are expanded from three arrays in the database (``INSERT … SELECT … unnest``): no model
    instance per row, one parameter list whatever the page size (a 50-row API page: ~1.2 ms instead of ~3.2 ms
    with ``bulk_create``; docs/benchmarks.md). On SQLite from one JSON array (``json_each``), so a page of 300
    clients is one statement there too (``bulk_create`` splits it by the parameter limit). The rows are the same.
    """
    if not client_ids:
        return
    purpose = purpose[:200]
    types = object_type if isinstance(object_type, list) else [object_type] * len(client_ids)
    connection = connections[router.db_for_write(AccessLog)]
    now = timezone.now()
    activity, trace_id, token_id = context or ("", trace.current_trace_id(), trace.current_token_id())
    if connection.vendor == "postgresql":
        params = [now, user.pk, action, purpose, activity, trace_id, token_id, client_ids, types, object_ids]
    elif connection.vendor == "sqlite":
        rows = json.dumps(list(zip(client_ids, types, object_ids, strict=True)))
        when = connection.ops.adapt_datetimefield_value(now)
        params = [when, user.pk, action, purpose, activity, trace_id, token_id, rows]
    else:
        AccessLog.objects.bulk_create(
            AccessLog(
                user=user,
                action=action,
                client_id=cid,
                object_type=otype,
                object_id=oid,
                purpose=purpose,
                processing_activity=activity,
                trace_id=trace_id,
                api_token_id=token_id,
            )
            for cid, otype, oid in zip(client_ids, types, object_ids, strict=True)
        )
        return
    with connection.cursor() as cursor:
        cursor.execute(_insert_many_sql(connection.vendor), params)


@cache
def _insert_many_sql(vendor: str) -> str:
    """The statement of ``_write_rows``: one row per element of the id arrays (built once per vendor)."""
    opts = AccessLog._meta
    column = {
        name: opts.get_field(name).column
        for name in (
            "at",
            "user",
            "action",
            "client",
            "object_type",
            "object_id",
            "purpose",
            "processing_activity",
            "trace_id",
            "api_token_id",
        )
    }
    insert = (
        f'INSERT INTO "{opts.db_table}" ("{column["at"]}", "{column["user"]}", "{column["action"]}", '
        f'"{column["client"]}", "{column["object_type"]}", "{column["object_id"]}", "{column["purpose"]}", '
        f'"{column["processing_activity"]}", "{column["trace_id"]}", "{column["api_token_id"]}") '
    )
    if vendor == "sqlite":
        return insert + (
            "SELECT %s, %s, %s, json_extract(value, '$[0]'), json_extract(value, '$[1]'), "
            "json_extract(value, '$[2]'), %s, %s, %s, %s FROM json_each(%s)"
        )
    return insert + (
        "SELECT %s, %s, %s, cid, otype, oid, %s, %s, %s, %s::integer "
        "FROM unnest(%s::bigint[], %s::text[], %s::text[]) AS row(cid, otype, oid)"
    )


def set_history_user(instance, user) -> None:
    """Attribute the next simple-history record of ``instance`` to ``user`` (services run outside requests too)."""
    if user is not None and getattr(user, "is_authenticated", False):
        instance._history_user = user
