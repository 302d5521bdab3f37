"""The access log on PostgreSQL: monthly partitions, created ahead, dropped past the bewaartermijn.
SQLite keeps the plain table; its retention deletes the same months' rows."""

from __future__ import annotations

from datetime import UTC, date, datetime
from time import perf_counter

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection

from almelo_sociaal.audit import partitions
from almelo_sociaal.audit.models import AccessLog
from almelo_sociaal.audit.services import log_reads
from almelo_sociaal.audit.tasks import maintain_access_log

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 4)  # bewaartermijn 10 years: months before March 2016 are past it


def _row(user, at: datetime, client_id: int = 1) -> AccessLog:
    entry = AccessLog.objects.create(user=user, action="view", client_id=client_id, object_type="cliënt")
    AccessLog.objects.filter(pk=entry.pk).update(at=at)
    return entry


def _partition_of(entry) -> str:
    with connection.cursor() as cursor:
        cursor.execute('SELECT tableoid::regclass::text FROM "audit_accesslog" WHERE id = %s', [entry.pk])
        return cursor.fetchone()[0]


@pytest.mark.postgres
def test_the_access_log_is_partitioned_by_month_on_postgres():
    assert partitions.is_partitioned()
    assert partitions.partition_months()  # created by the migration, up to MONTHS_AHEAD ahead


@pytest.mark.postgres
def test_a_read_lands_in_its_months_partition(make_user):
    user = make_user()
    with time_machine.travel(datetime(2026, 3, 4, 10, tzinfo=UTC), tick=False):
        partitions.ensure_partitions(today=TODAY)
        log_reads(user=user, reads={7: ("cliënt", "7")}, action="view", purpose="GET test")
    entry = AccessLog.objects.get(client_id=7)
    assert _partition_of(entry) == "audit_accesslog_p2026_03"
    assert entry.at == datetime(2026, 3, 4, 10, tzinfo=UTC)


@pytest.mark.postgres
def test_partitions_are_created_ahead_and_take_over_what_the_default_caught(make_user):
    caught = _row(make_user(), datetime(2031, 2, 10, tzinfo=UTC))  # no partition for 2031 yet
    assert _partition_of(caught) == "audit_accesslog_default"
    created = partitions.ensure_partitions(today=date(2031, 1, 15), months_ahead=2)
    assert created == ["audit_accesslog_p2031_01", "audit_accesslog_p2031_02", "audit_accesslog_p2031_03"]
    assert _partition_of(caught) == "audit_accesslog_p2031_02"
    assert partitions.ensure_partitions(today=date(2031, 1, 15), months_ahead=2) == []  # idempotent


@pytest.mark.postgres
def test_months_past_the_bewaartermijn_are_dropped(make_user):
    user = make_user()
    with connection.cursor() as cursor:
        for month in (date(2015, 12, 1), date(2016, 2, 1), date(2016, 3, 1)):
            if month not in partitions.partition_months():
                partitions.create_partition(cursor, month)
    old = _row(user, datetime(2016, 2, 29, 23, tzinfo=UTC))
    older_in_default = _row(user, datetime(2014, 5, 1, tzinfo=UTC))
    kept = _row(user, datetime(2016, 3, 1, tzinfo=UTC))
    dry = partitions.purge_access_log(today=TODAY, apply=False)
    assert "audit_accesslog_p2016_02" in dry.dropped and AccessLog.objects.filter(pk=old.pk).exists()
    result = partitions.purge_access_log(today=TODAY)
    assert result.cutoff == date(2016, 3, 1)
    assert {"audit_accesslog_p2015_12", "audit_accesslog_p2016_02"} <= set(result.dropped)
    assert "audit_accesslog_p2016_03" not in result.dropped
    assert list(AccessLog.objects.filter(pk__in=[old.pk, older_in_default.pk, kept.pk])) == [kept]
    assert date(2016, 2, 1) not in partitions.partition_months()


def test_on_sqlite_the_same_months_are_deleted(make_user):
    if connection.vendor == "postgresql":
        pytest.skip("SQLite behaviour")
    user = make_user()
    old, kept = (
        _row(user, datetime(2016, 2, 29, 23, tzinfo=UTC)),
        _row(user, datetime(2016, 3, 1, tzinfo=UTC)),
    )
    assert partitions.ensure_partitions(today=TODAY) == []
    result = partitions.purge_access_log(today=TODAY)
    assert (result.cutoff, result.deleted) == (date(2016, 3, 1), 1)
    assert list(AccessLog.objects.filter(pk__in=[old.pk, kept.pk])) == [kept]


def test_the_task_removes_nothing_unless_the_purge_is_switched_on(make_user, settings):
    old = _row(make_user(), datetime(2001, 1, 1, tzinfo=UTC))
    settings.RETENTION_PURGE_APPLY = False
    maintain_access_log()
    assert AccessLog.objects.filter(pk=old.pk).exists()
    settings.RETENTION_PURGE_APPLY = True
    maintain_access_log()
    assert not AccessLog.objects.filter(pk=old.pk).exists()


def test_the_command_reports_in_dutch(capsys):
    call_command("accesslog_partitions")
    assert "bewaren vanaf" in capsys.readouterr().out


@pytest.mark.postgres
def test_write_cost_of_a_50_row_page_partitioned_vs_plain(make_user, capsys):
    """Measured, not asserted tightly: the 50-row read log of one API page, partitioned vs a plain copy."""
    user = make_user()
    reads = {cid: ("cliënt", str(cid)) for cid in range(1, 51)}
    partitions.ensure_partitions(today=date.today())

    def timed(runs=40) -> float:
        best = []
        for _ in range(runs):
            start = perf_counter()
            log_reads(user=user, reads=reads, action="api", purpose="GET client-list")
            best.append(perf_counter() - start)
        return sorted(best)[len(best) // 2] * 1000

    partitioned = timed()
    with connection.cursor() as cursor:
        cursor.execute('ALTER TABLE "audit_accesslog" RENAME TO "audit_accesslog_parted"')
        cursor.execute(
            'CREATE TABLE "audit_accesslog" (LIKE "audit_accesslog_parted" INCLUDING DEFAULTS INCLUDING IDENTITY, '
            "PRIMARY KEY (id))"
        )
        cursor.execute('CREATE INDEX ON "audit_accesslog" (at)')
        cursor.execute('CREATE INDEX ON "audit_accesslog" (client_id)')
        cursor.execute('CREATE INDEX ON "audit_accesslog" (user_id, at DESC)')
    plain = timed()
    with connection.cursor() as cursor:
        cursor.execute('DROP TABLE "audit_accesslog"')
        cursor.execute('ALTER TABLE "audit_accesslog_parted" RENAME TO "audit_accesslog"')
    with capsys.disabled():
        print(f"\n50-row access-log write, median: partitioned {partitioned:.2f} ms, plain {plain:.2f} ms")
    assert partitioned < plain * 3 + 5
