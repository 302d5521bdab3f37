"""Monthly partitions of the access log on PostgreSQL, and its retention.

The access log is the largest table (one row per client per read). On PostgreSQL it is range-partitioned by
``at`` per calendar month (migration 0003): a month is one table, so the retention drops a whole month at once
(no mass ``DELETE``, no vacuum), and a search with a date range reads only its months. A default partition
catches a row whose month has no partition yet, so a write never fails; ``ensure_partitions`` (daily task
``audit.maintain_access_log``, ``manage.py accesslog_partitions``) creates the current month and the next
``MONTHS_AHEAD`` in advance, moving any rows the default partition caught for such a month.

Retention: rows are kept for the bewaartermijn (legal parameter ``bewaartermijn_jaren``, the same term as the
dossiers, security/retention.py). A month is removed once it ended before the cutoff (today − bewaartermijn):
on PostgreSQL its partition is dropped, elsewhere (SQLite, local use) its rows are deleted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from django.db import connections, router, transaction

from almelo_sociaal.core import dates
from almelo_sociaal.core.dates import years_before

from .models import AccessLog

MONTHS_AHEAD = 3
TABLE = AccessLog._meta.db_table
DEFAULT_PARTITION = f"{TABLE}_default"
_NAME = re.compile(rf"^{TABLE}_p(\d{{4}})_(\d{{2}})$")


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, n: int) -> date:
    """The first day of the month ``n`` months after ``month``'s."""
    return dates.add_months(month_start(month), n)


def partition_name(month: date) -> str:
    return f"{TABLE}_p{month:%Y_%m}"


def _bound(month: date) -> str:
    return datetime(month.year, month.month, 1, tzinfo=UTC).isoformat()


def _connection():
    return connections[router.db_for_write(AccessLog)]


def is_partitioned(connection=None) -> bool:
    connection = connection or _connection()
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid "
            "WHERE c.relname = %s AND c.relnamespace = to_regnamespace(current_schema())::oid",
            [TABLE],
        )
        return cursor.fetchone() is not None


def partition_months(connection=None) -> list[date]:
    """The months that have a partition, oldest first."""
    connection = connection or _connection()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = %s",
            [TABLE],
        )
        names = [row[0] for row in cursor.fetchall()]
    return sorted(date(int(m[1]), int(m[2]), 1) for n in names if (m := _NAME.match(n)))


def create_partition(cursor, month: date) -> None:
    """Create the month's partition; rows the default partition caught for that month move into it."""
    name, lo, hi = partition_name(month), _bound(month), _bound(add_months(month, 1))
    cursor.execute(f'CREATE TABLE "{name}" (LIKE "{TABLE}" INCLUDING DEFAULTS)')
    cursor.execute(
        f'WITH moved AS (DELETE FROM "{DEFAULT_PARTITION}" WHERE "at" >= %s AND "at" < %s RETURNING *) '
        f'INSERT INTO "{name}" SELECT * FROM moved',
        [lo, hi],
    )
    cursor.execute(f'ALTER TABLE "{TABLE}" ATTACH PARTITION "{name}" FOR VALUES FROM (%s) TO (%s)', [lo, hi])


def ensure_partitions(*, today: date, months_ahead: int = MONTHS_AHEAD) -> list[str]:
    """Partitions for this month and the next ``months_ahead`` (idempotent). Returns the ones created."""
    connection = _connection()
    if not is_partitioned(connection):
        return []
    existing = set(partition_months(connection))
    wanted = [add_months(month_start(today), n) for n in range(months_ahead + 1)]
    created = []
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for month in wanted:
            if month not in existing:
                create_partition(cursor, month)
                created.append(partition_name(month))
    return created


@dataclass
class Purge:
    cutoff: date
    dropped: list[str] = field(default_factory=list)
    deleted: int = 0


def retention_cutoff(today: date) -> date:
    """The first month to keep: the month of today − bewaartermijn (months before it ended before the cutoff)."""
    from almelo_sociaal.security.retention import retention_years

    return month_start(years_before(today, retention_years(today)))


def purge_access_log(*, today: date, apply: bool = True) -> Purge:
    """Remove the months that ended before the bewaartermijn's cutoff (dry run: report only)."""
    keep_from = retention_cutoff(today)
    result = Purge(cutoff=keep_from)
    connection = _connection()
    if not is_partitioned(connection):
        old = AccessLog.objects.filter(at__lt=datetime(keep_from.year, keep_from.month, 1, tzinfo=UTC))
        result.deleted = old.delete()[0] if apply else old.count()
        return result
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for month in partition_months(connection):
            if month < keep_from:
                result.dropped.append(partition_name(month))
                if apply:
                    cursor.execute(f'DROP TABLE "{partition_name(month)}"')
        if apply:
            cursor.execute(f'DELETE FROM "{DEFAULT_PARTITION}" WHERE "at" < %s', [_bound(keep_from)])
            result.deleted = cursor.rowcount
    return result
