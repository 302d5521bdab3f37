"""On PostgreSQL the access log becomes a table partitioned by month on ``at`` (audit/partitions.py).

The rows, the indexes (same names, as partitioned indexes) and the id sequence carry over; the primary key
becomes (id, at), because a partitioned table's unique keys must contain the partition key. Django still
addresses a row by ``id`` (unique: one identity sequence). SQLite (local use) keeps the plain table.
"""

from datetime import UTC, datetime

from django.db import migrations

TABLE = "audit_accesslog"
PLAIN = "audit_accesslog_plain"


def _indexes(cursor, table):
    cursor.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND schemaname = current_schema() "
        "AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype = 'p')",
        [table],
    )
    return cursor.fetchall()


def _recreate_indexes(cursor, indexes, old_table):
    for _, definition in indexes:
        cursor.execute(
            definition.replace(f" {old_table} ", f" {TABLE} ").replace(f".{old_table} ", f".{TABLE} ")
        )


def _copy_rows_and_sequence(cursor, source):
    cursor.execute(f'INSERT INTO "{TABLE}" SELECT * FROM "{source}"')
    cursor.execute(
        f"SELECT setval(pg_get_serial_sequence('{TABLE}', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM \"{TABLE}\""
    )


def to_partitioned(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from almelo_sociaal.audit.partitions import DEFAULT_PARTITION, MONTHS_AHEAD, add_months, create_partition

    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f'ALTER TABLE "{TABLE}" RENAME TO "{PLAIN}"')
        indexes = _indexes(cursor, PLAIN)
        cursor.execute(
            f'CREATE TABLE "{TABLE}" (LIKE "{PLAIN}" INCLUDING DEFAULTS INCLUDING IDENTITY) PARTITION BY RANGE (at)'
        )
        cursor.execute(f'CREATE TABLE "{DEFAULT_PARTITION}" PARTITION OF "{TABLE}" DEFAULT')
        cursor.execute(f'SELECT MIN(at) FROM "{PLAIN}"')
        first = cursor.fetchone()[0] or datetime.now(UTC)
        month = first.astimezone(UTC).date().replace(day=1)
        last = add_months(datetime.now(UTC).date().replace(day=1), MONTHS_AHEAD)
        while month <= last:
            create_partition(cursor, month)
            month = add_months(month, 1)
        _copy_rows_and_sequence(cursor, PLAIN)
        cursor.execute(f'DROP TABLE "{PLAIN}"')
        cursor.execute(f'ALTER TABLE "{TABLE}" ADD CONSTRAINT "{TABLE}_pkey" PRIMARY KEY (id, at)')
        _recreate_indexes(cursor, indexes, PLAIN)


def to_plain(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    partitioned = "audit_accesslog_partitioned"
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f'ALTER TABLE "{TABLE}" RENAME TO "{partitioned}"')
        indexes = _indexes(cursor, partitioned)
        cursor.execute(f'CREATE TABLE "{TABLE}" (LIKE "{partitioned}" INCLUDING DEFAULTS INCLUDING IDENTITY)')
        _copy_rows_and_sequence(cursor, partitioned)
        cursor.execute(f'DROP TABLE "{partitioned}" CASCADE')
        cursor.execute(f'ALTER TABLE "{TABLE}" ADD CONSTRAINT "{TABLE}_pkey" PRIMARY KEY (id)')
        _recreate_indexes(cursor, indexes, partitioned)


class Migration(migrations.Migration):
    atomic = True

    dependencies = [("audit", "0002_accesslog_without_constraints")]

    operations = [migrations.RunPython(to_partitioned, to_plain, elidable=False)]
