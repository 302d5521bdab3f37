"""The foundation's schema no longer points into ``cases``: the wijkteam moved to accounts (state only, same table)
and the access log names its client model through the wiring (settings.AUDIT_CLIENT_MODEL)."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("accounts", "0005_token_scopes"),
    ("cases", "0005_client_event_kinds"),
    ("tegenprestatie", "0002_activity_catalogue"),
    ("jobs", "0001_initial"),
    ("dashboards", "0001_initial"),
]
AFTER = [
    ("accounts", "0006_wijkteam"),
    ("cases", "0006_wijkteam_in_accounts"),
    ("tegenprestatie", "0003_wijkteam_in_accounts"),
    ("jobs", "0002_wijkteam_in_accounts"),
    ("dashboards", "0002_wijkteam_in_accounts"),
]


def test_no_foundation_model_refers_to_a_domain_app():
    foundation = {"accounts", "audit", "parameters", "core", "security"}
    domain = {"cases", "srt", "participation", "tegenprestatie", "budget", "jobs", "dashboards"}
    for model in apps.get_models():
        if model._meta.app_label not in foundation:
            continue
        for field in model._meta.fields:
            target = field.related_model
            if target is None or (field.name == "client" and model._meta.label == "audit.AccessLog"):
                continue
            assert target._meta.app_label not in domain, (
                f"{model._meta.label}.{field.name} -> {target._meta.label}"
            )


def test_the_wijkteam_keeps_its_table_and_the_access_log_its_client_model_from_the_wiring():
    Wijkteam = apps.get_model("accounts", "Wijkteam")
    AccessLog = apps.get_model("audit", "AccessLog")
    assert Wijkteam._meta.db_table == "cases_wijkteam"
    assert AccessLog._meta.get_field("client").related_model._meta.label == settings.AUDIT_CLIENT_MODEL


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_rows_survive_moving_the_wijkteam_into_the_foundation():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    team = old.get_model("cases", "Wijkteam").objects.create(code="noord", name="Noord")
    user = old.get_model("accounts", "User").objects.create(username="coach-noord", wijkteam_id=team.pk)
    client = old.get_model("cases", "Client").objects.create(
        bsn="111222333",
        voornamen="Anna",
        achternaam="Jansen",
        geboortedatum="1980-01-02",
        straat="Grotestraat",
        huisnummer="1",
        postcode="7607AB",
        leefvorm="alleenstaand",
        wijkteam_id=team.pk,
    )
    host = old.get_model("tegenprestatie", "HostOrganisation").objects.create(
        name="Buurthuis Noord",
        kind="buurthuis",
        street="Noordweg 1",
        postcode="7607AB",
        wijkteam_id=team.pk,
        contact_name="Piet",
    )
    ContentType = old.get_model("contenttypes", "ContentType")
    old_type = ContentType.objects.get_or_create(app_label="cases", model="wijkteam")[0]

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    moved = new.get_model("accounts", "Wijkteam").objects.get(pk=team.pk)
    assert (moved.code, moved.name) == ("noord", "Noord")
    assert new.get_model("accounts", "User").objects.get(pk=user.pk).wijkteam_id == team.pk
    assert new.get_model("cases", "Client").objects.get(pk=client.pk).wijkteam.code == "noord"
    assert (
        new.get_model("tegenprestatie", "HostOrganisation").objects.get(pk=host.pk).wijkteam.name == "Noord"
    )
    content_type = new.get_model("contenttypes", "ContentType").objects.get(pk=old_type.pk)
    assert (content_type.app_label, content_type.model) == ("accounts", "wijkteam")
    with connection.cursor() as cursor:
        cursor.execute("SELECT code FROM cases_wijkteam WHERE id = %s", [team.pk])
        assert cursor.fetchone() == ("noord",)

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)  # and back: the picture returns, the rows stay
    back = executor.loader.project_state(BEFORE).apps
    assert back.get_model("cases", "Wijkteam").objects.get(pk=team.pk).code == "noord"
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
