"""SRT became its own app (label ``srt``) without moving data: a database migrated to the state before the move,
with rows in every SRT table, keeps every row after migrating forward (``cases`` 0006, ``srt`` 0001)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from srt.models import SrtAssignment, SrtDocument, SrtInvestigation, SrtNote, SrtSignal
from tests.factories import ClientFactory, DossierFactory, UserFactory

BEFORE_THE_MOVE = [("cases", "0005_client_event_kinds")]
TABLES = [
    "cases_srtsignal",
    "cases_srtinvestigation",
    "cases_srtassignment",
    "cases_srtnote",
    "cases_srtdocument",
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor


def _rows(table: str) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} ORDER BY id")  # noqa: S608 - fixed table names
        names = [column.name for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_moving_srt_into_its_own_app_keeps_every_row():
    user = UserFactory()
    client = ClientFactory()
    dossier = DossierFactory(client=client)
    ContentType.objects.filter(app_label="srt").update(app_label="cases")  # as they were before the move
    ContentType.objects.clear_cache()

    executor = _migrate(BEFORE_THE_MOVE)
    old = executor.loader.project_state(BEFORE_THE_MOVE).apps
    assert ("srt", "0001_initial") not in MigrationRecorder(connection).applied_migrations()
    Signal, Investigation = old.get_model("cases", "SrtSignal"), old.get_model("cases", "SrtInvestigation")
    signal = Signal.objects.create(
        client_id=client.pk,
        dossier_id=dossier.pk,
        source="melding",
        received_on=date(2026, 3, 2),
        description="Tip: mogelijk samenwonend.",
        status="in_onderzoek",
        created_by_id=user.pk,
    )
    investigation = Investigation.objects.create(
        reference="SRT-2026-00001",
        signal_id=signal.pk,
        client_id=client.pk,
        dossier_id=dossier.pk,
        source="melding",
        status="afgerond",
        opened_on=date(2026, 3, 3),
        closed_on=date(2026, 5, 29),
        outcome="uitkering_beeindigd",
        benadelingsbedrag=Decimal("8750.00"),
        terugvordering=Decimal("8750.00"),
        boete=Decimal("4375.00"),
    )
    old.get_model("cases", "SrtAssignment").objects.create(investigation_id=investigation.pk, user_id=user.pk)
    old.get_model("cases", "SrtNote").objects.create(
        investigation_id=investigation.pk, text="Huisbezoek afgelegd.", author_id=user.pk
    )
    old.get_model("cases", "SrtDocument").objects.create(
        investigation_id=investigation.pk,
        kind="verklaring",
        title="Verklaring cliënt",
        document_date=date(2026, 4, 1),
        added_by_id=user.pk,
    )
    before = {table: _rows(table) for table in TABLES}

    _migrate(None)

    after = {table: _rows(table) for table in TABLES}
    # every row and every value is still there (later migrations may add columns: compare the old ones)
    assert {t: [{k: row[k] for k in before[t][0]} for row in rows] for t, rows in after.items()} == before
    moved = SrtInvestigation.objects.select_related("signal", "client").get(reference="SRT-2026-00001")
    assert (moved.client, moved.signal.description, moved.boete) == (
        client,
        "Tip: mogelijk samenwonend.",
        Decimal("4375.00"),
    )
    assert list(moved.investigators.all()) == [user]
    assert [n.text for n in SrtNote.objects.filter(investigation=moved)] == ["Huisbezoek afgelegd."]
    assert SrtDocument.objects.filter(investigation=moved).count() == 1
    assert SrtSignal.objects.count() == SrtAssignment.objects.count() == 1
    ContentType.objects.clear_cache()
    assert not ContentType.objects.filter(app_label="cases", model__startswith="srt").exists()
    assert ContentType.objects.get_for_model(SrtInvestigation).app_label == "srt"
