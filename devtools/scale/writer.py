"""Fast bulk writes for generated rows: PostgreSQL ``COPY ... FROM STDIN`` (psycopg2 ``copy_expert``),
``executemany`` INSERTs elsewhere (SQLite, for small N).

A ``TableWriter`` knows a model's concrete columns. The generator supplies some of them per row; every other
column gets one constant value computed from the field (its default, ``auto_now``, NULL or ``""``). A field that
is added later with a default keeps working; a new required field without a default fails loudly with its name.
"""

from __future__ import annotations

import io
import json
import queue
import threading
import time
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from django.db import connection, models
from django.utils import timezone


class MissingColumn(Exception):
    pass


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _copy_text(value) -> str:
    """One value in COPY text format (generated strings never contain tabs, newlines or backslashes)."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value)


def _sql_value(value):
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _constant(field: models.Field, now: datetime):
    if isinstance(field, models.JSONField):
        value = field.get_default() if field.has_default() else None
        return None if value is None and field.null else json.dumps(value if value is not None else None)
    if field.has_default():
        return field.get_default()
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return now if isinstance(field, models.DateTimeField) else now.date()
    if field.null:
        return None
    if field.empty_strings_allowed and field.blank:
        return ""
    raise MissingColumn(
        f"{field.model._meta.label}.{field.name} is verplicht en heeft geen standaardwaarde: "
        "generate_scale_data moet dit veld vullen."
    )


class TableWriter:
    """Rows for one model: ``columns`` are supplied per row (by attname), the rest are constants."""

    def __init__(self, model, columns: Sequence[str], *, now: datetime | None = None):
        now = now or timezone.now()
        self.model = model
        self.table = model._meta.db_table
        fields = {f.attname: f for f in model._meta.concrete_fields}
        unknown = [c for c in columns if c not in fields]
        if unknown:
            raise MissingColumn(f"{model._meta.label}: onbekende kolommen {unknown}")
        self.columns = list(columns)
        self.const_columns, const_values = [], []
        for attname, field in fields.items():
            if attname in columns:
                continue
            self.const_columns.append(field.column)
            const_values.append(_constant(field, now))
        db_columns = [fields[c].column for c in self.columns] + self.const_columns
        self.column_sql = ", ".join(connection.ops.quote_name(c) for c in db_columns)
        self.pg = is_postgres()
        if self.pg:
            self.const_text = "".join("\t" + _copy_text(v) for v in const_values)
        else:
            self.const_params = tuple(_sql_value(v) for v in const_values)

    def copy_bytes(self, rows: Iterable[tuple]) -> bytes:
        """COPY text for the rows (values already str/int/None/bool; strings are trusted generator output)."""
        tail = self.const_text + "\n"
        out = []
        append = out.append
        for row in rows:
            append(
                "\t".join(
                    [
                        "\\N" if v is None else ("t" if v is True else "f" if v is False else str(v))
                        for v in row
                    ]
                )
                + tail
            )
        return "".join(out).encode()

    def insert_many(self, rows: Iterable[tuple], batch: int = 500) -> None:
        placeholders = ", ".join(["%s"] * (len(self.columns) + len(self.const_columns)))
        sql = (
            f"INSERT INTO {connection.ops.quote_name(self.table)} ({self.column_sql}) VALUES ({placeholders})"
        )
        buf = []
        with connection.cursor() as cursor:
            for row in rows:
                buf.append(tuple(row) + self.const_params)
                if len(buf) >= batch:
                    cursor.executemany(sql, buf)
                    buf = []
            if buf:
                cursor.executemany(sql, buf)


class BulkLoader:
    """Writes row batches table by table. On PostgreSQL a background thread runs COPY while the caller
    generates the next batch (the database backend works on the second core)."""

    def __init__(self):
        self.pg = is_postgres()
        self.rows_written: dict[str, int] = {}
        self.copy_seconds: dict[str, float] = {}
        self._error: BaseException | None = None
        if self.pg:
            connection.ensure_connection()
            self._raw = connection.connection
            self._queue: queue.Queue = queue.Queue(maxsize=3)
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()

    def _run(self):
        cursor = self._raw.cursor()
        while True:
            item = self._queue.get()
            if item is None:
                self._queue.task_done()
                break
            sql, data = item
            try:
                if self._error is None:
                    t0 = time.monotonic()
                    cursor.copy_expert(sql, io.BytesIO(data), size=1 << 20)
                    table = sql.split()[1].strip('"')
                    self.copy_seconds[table] = self.copy_seconds.get(table, 0.0) + time.monotonic() - t0
            except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
                self._error = exc
            finally:
                self._queue.task_done()
        cursor.close()

    def write(self, writer: TableWriter, rows: list[tuple]) -> None:
        if not rows:
            return
        self.rows_written[writer.table] = self.rows_written.get(writer.table, 0) + len(rows)
        if self.pg:
            if self._error:
                raise self._error
            sql = f"COPY {connection.ops.quote_name(writer.table)} ({writer.column_sql}) FROM STDIN"
            self._queue.put((sql, writer.copy_bytes(rows)))
        else:
            writer.insert_many(rows)

    def flush(self) -> None:
        """Wait until every queued COPY has run (raises its error)."""
        if self.pg:
            self._queue.join()
            if self._error:
                raise self._error

    def close(self) -> None:
        if self.pg:
            self._queue.put(None)
            self._thread.join()
            if self._error:
                raise self._error


def can_skip_fk_triggers() -> bool:
    """PostgreSQL superusers may set ``session_replication_role = replica``: the FK triggers do not fire
    during COPY (3-5x faster); ``verify_foreign_keys`` checks the written rows afterwards instead."""
    if not is_postgres():
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        row = cursor.fetchone()
    return bool(row and row[0])


def verify_foreign_keys(ranges: dict[str, tuple[int, int]]) -> list[str]:
    """Every FK column of the written rows points at an existing row: one anti-join per FK column."""
    from django.apps import apps

    problems = []
    with connection.cursor() as cursor:
        for label, (lo, hi) in ranges.items():
            model = apps.get_model(label)
            table = connection.ops.quote_name(model._meta.db_table)
            for f in model._meta.concrete_fields:
                if not f.is_relation or not getattr(f, "db_constraint", True):
                    continue
                target = f.related_model._meta
                col = connection.ops.quote_name(f.column)
                cursor.execute(
                    f"SELECT COUNT(*) FROM {table} t WHERE t.id BETWEEN %s AND %s AND t.{col} IS NOT NULL "
                    f"AND NOT EXISTS (SELECT 1 FROM {connection.ops.quote_name(target.db_table)} p "
                    f"WHERE p.{connection.ops.quote_name(f.target_field.column)} = t.{col})",
                    [lo, hi],
                )
                missing = cursor.fetchone()[0]
                if missing:
                    problems.append(f"{label}.{f.name}: {missing} verwijzingen zonder doel")
    return problems
