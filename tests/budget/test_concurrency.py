"""Two (or more) finance users entering at the same time: nothing lost, no duplicate kind per year.

Real threads against PostgreSQL (``select_for_update`` on the year row + the partial unique constraint).
Run with DATABASE_URL=postgres://…; skipped on SQLite, where writes are serialised anyway.
"""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from budget import services
from budget.models import BudgetRevision, BudgetYear, RealisationEntry

from .conftest import TODAY

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("no_async_recompute"),
]


def run_parallel(calls):
    """Start all calls at the same moment; return ``(results, errors)`` (errors as ValidationError codes)."""
    barrier = threading.Barrier(len(calls))
    results, errors, unexpected = [], [], []
    lock = threading.Lock()

    def worker(call):
        try:
            barrier.wait()
            value = call()
            with lock:
                results.append(value)
        except ValidationError as exc:
            by_field = exc.error_dict if hasattr(exc, "error_dict") else {"": exc.error_list}
            codes = [e.code for errors_of_field in by_field.values() for e in errors_of_field]
            with lock:
                errors.append(codes[0])
        except Exception as exc:  # noqa: BLE001 - reported below
            with lock:
                unexpected.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not unexpected, unexpected
    return results, errors


def revision_call(actor, kind, amount, year=2022, published_on=date(2021, 10, 1)):
    return lambda: services.record_revision(
        year=year,
        kind=kind,
        amount=D(amount),
        published_on=published_on,
        source="parallel",
        actor=actor,
        today=date(2022, 6, 1),
    )


def test_parallel_entries_of_the_same_kind_leave_exactly_one(finance):
    calls = [revision_call(finance, "voorlopig", f"4000000{i}") for i in range(8)]
    results, errors = run_parallel(calls)
    assert len(results) == 1
    assert errors == ["soort_bestaat_al"] * 7
    assert BudgetYear.objects.filter(year=2022).count() == 1
    assert BudgetRevision.objects.filter(budget_year__year=2022, kind="voorlopig").count() == 1


def test_parallel_entries_of_different_kinds_are_all_kept(finance, make_user):
    other = make_user("financien")
    calls = [
        revision_call(finance, "voorlopig", "42678201", published_on=date(2021, 10, 1)),
        revision_call(other, "nader_voorlopig", "41000000", published_on=date(2022, 4, 1)),
        revision_call(finance, "definitief", "43000000", published_on=date(2022, 5, 1)),
        revision_call(other, "bijstelling", "100", published_on=date(2022, 5, 2)),
        revision_call(finance, "bijstelling", "200", published_on=date(2022, 5, 3)),
    ]
    results, errors = run_parallel(calls)
    assert errors == []
    assert len(results) == 5
    kinds = sorted(BudgetRevision.objects.filter(budget_year__year=2022).values_list("kind", flat=True))
    assert kinds == ["bijstelling", "bijstelling", "definitief", "nader_voorlopig", "voorlopig"]


def test_parallel_corrections_of_one_entry_leave_exactly_one(finance):
    target = services.record_revision(
        year=2020,
        kind="voorlopig",
        amount=D("35516242"),
        published_on=date(2019, 10, 1),
        source="x",
        actor=finance,
        today=TODAY,
    )
    calls = [
        (
            lambda i=i: services.correct_revision(
                revision_id=target.pk,
                amount=D(f"3551620{i}"),
                published_on=date(2019, 10, 1),
                source="x",
                reason=f"correctie {i}",
                actor=finance,
                today=TODAY,
            )
        )
        for i in range(6)
    ]
    results, errors = run_parallel(calls)
    assert len(results) == 1
    assert errors == ["al_gecorrigeerd"] * 5
    assert BudgetRevision.objects.filter(corrects=target).count() == 1


def test_parallel_realisation_bookings_are_all_kept(finance):
    calls = [
        (
            lambda i=i: services.record_realisation(
                year=2021,
                month=date(2021, 1 + i % 12, 1),
                post="algemene_bijstand",
                amount=D("1000.01"),
                actor=finance,
            )
        )
        for i in range(16)
    ]
    results, errors = run_parallel(calls)
    assert errors == []
    assert RealisationEntry.objects.filter(budget_year__year=2021).count() == 16
    total = sum(RealisationEntry.objects.values_list("amount", flat=True), D("0"))
    assert total == D("16000.16")


def test_parallel_reversals_of_one_line_leave_exactly_one(finance):
    entry = services.record_realisation(
        year=2021, month=date(2021, 1, 1), post="ioaw", amount=D("10.00"), actor=finance
    )
    calls = [
        (lambda: services.reverse_realisation(entry_id=entry.pk, reason="dubbel", actor=finance))
        for _ in range(5)
    ]
    results, errors = run_parallel(calls)
    assert len(results) == 1
    assert errors == ["al_teruggedraaid"] * 4
