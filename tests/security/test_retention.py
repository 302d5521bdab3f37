"""Retention purge: who is removed, who is kept, dry run by default, everything removed consistently."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.audit.models import AccessLog
from almelo_sociaal.audit.services import log_access
from almelo_sociaal.security.models import PurgeRun
from almelo_sociaal.security.retention import purge_expired_dossiers
from cases.models import Aanvraag, Client, ClientEvent, Contact, LeefgebiedScore
from srt.models import SrtInvestigation, SrtNote
from tests.factories import AanvraagFactory, ClientFactory, DossierFactory
from tests.participation.factories import AssignmentFactory, ProfileFactory
from tests.srt.factories import InvestigationFactory, note

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 25)  # retention 10 years: dossiers ended before 25-11-2016 are past it


def _ended(client, year, **kwargs):
    aanvraag = AanvraagFactory(client=client, status="toegekend", aanvraagdatum=date(year - 3, 1, 1))
    return DossierFactory(
        client=client,
        aanvraag=aanvraag,
        startdatum=date(year - 3, 2, 1),
        einddatum=date(year, 6, 30),
        eindreden="werk",
        **kwargs,
    )


@pytest.fixture
def people(make_user, wijkteam):
    srt = make_user(Role.SRT)
    expired = ClientFactory(wijkteam=wijkteam)
    _ended(expired, 2012)
    LeefgebiedScore.objects.create(aanvraag=expired.aanvragen.get(), leefgebied="werk", score=3)
    Contact.objects.create(client=expired, date=date(2012, 1, 1), kind="gesprek", summary="Verslag")
    ClientEvent.objects.create(client=expired, kind="test", text="gebeurtenis")
    expired.achternaam = "Gewijzigd"
    expired.save()  # a second history row
    investigation = InvestigationFactory(
        client=expired, closed=True, opened_on=date(2013, 1, 1), signal__received_on=date(2012, 12, 1)
    )
    note(investigation, srt)  # append-only findings go as well
    ProfileFactory(client=expired)
    AssignmentFactory(client=expired, valid_from=date(2012, 1, 1), review_due=date(2012, 7, 1))
    log_access(user=srt, client=expired, object_type="cliënt", object_id=expired.pk)

    recent = ClientFactory(wijkteam=wijkteam)
    _ended(recent, 2020)
    running = ClientFactory(wijkteam=wijkteam)
    DossierFactory(client=running)
    open_aanvraag = ClientFactory(wijkteam=wijkteam)
    _ended(open_aanvraag, 2012)
    AanvraagFactory(client=open_aanvraag, status="gemeld", aanvraagdatum=date(2012, 1, 1))
    running_srt = ClientFactory(wijkteam=wijkteam)
    _ended(running_srt, 2012)
    InvestigationFactory(
        client=running_srt, running=True, opened_on=date(2013, 1, 1), signal__received_on=date(2012, 12, 1)
    )
    terugvordering = ClientFactory(wijkteam=wijkteam)
    _ended(terugvordering, 2012)
    InvestigationFactory(
        client=terugvordering,
        closed=True,
        opened_on=date(2012, 1, 1),
        signal__received_on=date(2011, 12, 1),
        terugvordering=Decimal("4200.00"),
        terugvordering_grond="verplicht",
    )
    never_a_dossier = ClientFactory(wijkteam=wijkteam)
    return {
        "expired": expired,
        "recent": recent,
        "running": running,
        "open_aanvraag": open_aanvraag,
        "running_srt": running_srt,
        "terugvordering": terugvordering,
        "never": never_a_dossier,
    }


def test_dry_run_finds_but_removes_nothing(people):
    before = Client.objects.count()
    result = purge_expired_dossiers(today=TODAY)
    assert result.client_ids == [people["expired"].pk]
    assert result.review_ids == [people["terugvordering"].pk]
    assert Client.objects.count() == before and not result.deleted
    run = PurgeRun.objects.get()
    assert not run.applied and run.clients == 1 and run.skipped == 1 and run.retention_years == 10
    assert run.cutoff == date(2016, 11, 25)


def test_apply_removes_the_client_everywhere_including_history(people):
    expired = people["expired"]
    aanvraag_ids = list(expired.aanvragen.values_list("pk", flat=True))
    result = purge_expired_dossiers(apply=True, today=TODAY)
    assert not Client.objects.filter(pk=expired.pk).exists()
    assert not Aanvraag.objects.filter(pk__in=aanvraag_ids).exists()
    assert not SrtInvestigation.objects.filter(client_id=expired.pk).exists()
    assert not SrtNote.objects.filter(investigation__client_id=expired.pk).exists()
    assert not Client.history.filter(id=expired.pk).exists()
    assert not Aanvraag.history.filter(id__in=aanvraag_ids).exists()
    assert not Aanvraag.history.filter(client_id=expired.pk).exists()
    assert result.deleted["cases.Client"] == 1 and result.deleted["participation.Profile"] == 1
    # The access log keeps who looked when, without the link to the (removed) person.
    entry = AccessLog.objects.get(object_id=str(expired.pk))
    assert entry.client_id is None
    # Everyone else is untouched.
    for key in ("recent", "running", "open_aanvraag", "running_srt", "terugvordering", "never"):
        assert Client.objects.filter(pk=people[key].pk).exists(), key
    assert PurgeRun.objects.get().applied


def test_a_second_run_finds_nothing(people):
    purge_expired_dossiers(apply=True, today=TODAY)
    assert purge_expired_dossiers(apply=True, today=TODAY).client_ids == []


def test_retention_follows_the_parameter(people):
    from almelo_sociaal.parameters.models import LegalParameter

    LegalParameter.objects.filter(key="bewaartermijn_jaren").update(value=Decimal("20"))
    assert purge_expired_dossiers(today=TODAY).client_ids == []


def test_command_is_a_dry_run_unless_apply(people, capsys):
    call_command("purge_expired_dossiers", "--today", "2026-11-25")
    out = capsys.readouterr().out
    assert "PROEFDRAAI" in out and "cliënten: 1" in out and "handmatig beoordelen" in out
    assert Client.objects.filter(pk=people["expired"].pk).exists()
    call_command("purge_expired_dossiers", "--apply", "--today", "2026-11-25")
    out = capsys.readouterr().out
    assert "VERWIJDERD" in out and "cases.Client: 1" in out
    assert not Client.objects.filter(pk=people["expired"].pk).exists()


def test_a_failure_halfway_leaves_everything_in_place(people, monkeypatch):
    from almelo_sociaal.security import retention

    def boom(*args, **kwargs):
        raise RuntimeError("storing")

    monkeypatch.setattr(retention, "_count_delete", boom)
    with pytest.raises(RuntimeError):
        purge_expired_dossiers(apply=True, today=TODAY)
    assert Client.objects.filter(pk=people["expired"].pk).exists()
    assert Aanvraag.objects.filter(client=people["expired"]).exists()
    assert not PurgeRun.objects.exists()


def test_celery_task_is_a_dry_run_by_default(people, settings):
    from almelo_sociaal.security.tasks import purge_expired_dossiers as task

    settings.RETENTION_PURGE_APPLY = False
    outcome = task.apply().get()
    assert outcome["applied"] is False
    assert Client.objects.filter(pk=people["expired"].pk).exists()


def test_a_user_who_saw_personal_data_cannot_be_deleted(make_user, client_in_team):
    """The access log has no database constraints (docs/benchmarks.md); Django's PROTECT still guards it."""
    from django.db.models import ProtectedError

    from almelo_sociaal.audit.services import log_access_many

    viewer, lister = make_user(Role.COACH), make_user(Role.API_CLIENT)
    log_access(user=viewer, client=client_in_team, object_type="cliënt", object_id=client_in_team.pk)
    log_access_many(user=lister, object_type="cliënt", client_ids=[client_in_team.pk])
    for user in (viewer, lister):
        with pytest.raises(ProtectedError):
            user.delete()
    assert AccessLog.objects.filter(client=client_in_team).count() == 2
