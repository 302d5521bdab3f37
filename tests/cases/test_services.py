from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.parameters.selectors import parameter_value
from almelo_sociaal.parameters.services import record_parameter_value
from cases import selectors, services
from cases.models import Aanvraag, Client, ClientEvent, Uitkeringsdossier

from ..factories import AanvraagFactory, ClientFactory, DossierFactory

pytestmark = pytest.mark.django_db


def _register(actor, wijkteam, **overrides):
    data = dict(
        bsn="123456782",
        voornamen="Jaap",
        achternaam="Jansen",
        birth_date=date(1990, 3, 1),
        street="Grotestraat",
        house_number="1",
        postcode="7607 ab",
        leefvorm="alleenstaand",
        wijkteam=wijkteam,
    )
    data.update(overrides)
    return services.register_client(actor=actor, **data)


def test_register_client_normalises_and_records_history_and_timeline(make_user, wijkteam):
    intaker = make_user(Role.INTAKER)
    client = _register(intaker, wijkteam)
    assert client.postcode == "7607AB"
    record = client.history.get()
    assert record.history_type == "+" and record.history_user == intaker
    assert ClientEvent.objects.filter(client=client, kind="intake").exists()


def test_duplicate_bsn_is_refused(make_user, wijkteam):
    intaker = make_user(Role.INTAKER)
    _register(intaker, wijkteam)
    with pytest.raises(ValidationError) as exc:
        _register(intaker, wijkteam, voornamen="Ander")
    assert exc.value.message_dict["bsn"] == ["Er is al een cliënt met dit BSN geregistreerd."]
    assert Client.objects.count() == 1


def test_all_identifier_errors_are_reported_together(make_user, wijkteam):
    with pytest.raises(ValidationError) as exc:
        _register(make_user(Role.INTAKER), wijkteam, bsn="123456781", postcode="12", iban="NL00XXXX")
    assert set(exc.value.message_dict) == {"bsn", "postcode", "iban"}
    assert Client.objects.count() == 0


def test_update_records_before_and_after(make_user, wijkteam):
    coach = make_user(Role.COACH, wijkteam=wijkteam)
    client = _register(make_user(Role.INTAKER), wijkteam)
    services.update_client(actor=coach, client=client, street="Marktstraat", postcode="7607 CD")
    latest = client.history.first()
    diff = latest.diff_against(latest.prev_record)
    changed = {c.field: (c.old, c.new) for c in diff.changes}
    assert changed["street"] == ("Grotestraat", "Marktstraat")
    assert changed["postcode"] == ("7607AB", "7607CD")
    assert latest.history_user == coach


def _aanvraag_in_behandeling(actor, client):
    aanvraag = services.submit_aanvraag(
        actor=actor,
        client=client,
        regeling="bijstand",
        aanvraagdatum=date.today() - timedelta(days=3),
        leefgebieden={"werk": (2, "geen werk"), "schulden": (3, "")},
        voorliggende_voorziening="geen",
    )
    return services.start_behandeling(actor=actor, aanvraag=aanvraag)


def test_approved_toekenning_opens_a_dossier(make_user, client_in_team):
    consulent, toetser = make_user(Role.INTAKER), make_user(Role.TOETSER)
    aanvraag = _aanvraag_in_behandeling(consulent, client_in_team)
    assert aanvraag.leefgebieden.count() == 2
    services.draft_decision(
        actor=consulent,
        aanvraag=aanvraag,
        besluit="toekennen",
        reden="Voldoet.",
        ingangsdatum=aanvraag.aanvraagdatum,
        maandbedrag=Decimal("1401.50"),
    )
    aanvraag.refresh_from_db()
    assert aanvraag.status == "in_behandeling" and aanvraag.awaiting_toetsing
    assert not Uitkeringsdossier.objects.exists()  # no effect before the toetser approves
    services.approve_decision(toetser=toetser, aanvraag=aanvraag, versie=aanvraag.concept_versie)
    aanvraag.refresh_from_db()
    assert aanvraag.status == "toegekend" and aanvraag.getoetst_door == toetser
    dossier = Uitkeringsdossier.objects.get(aanvraag=aanvraag)
    assert dossier.maandbedrag == Decimal("1401.50") and dossier.startdatum == aanvraag.aanvraagdatum


def test_toetser_cannot_approve_own_draft(make_user, client_in_team):
    toetser = make_user(Role.TOETSER)
    aanvraag = _aanvraag_in_behandeling(toetser, client_in_team)
    services.draft_decision(actor=toetser, aanvraag=aanvraag, besluit="afwijzen", reden="Vermogen te hoog.")
    with pytest.raises(ValidationError) as exc:
        services.approve_decision(toetser=toetser, aanvraag=aanvraag, versie=1)
    assert "vier-ogenprincipe" in exc.value.message_dict["besluit"][0]
    aanvraag.refresh_from_db()
    assert aanvraag.status == "in_behandeling"


def test_returned_draft_goes_back_with_reason(make_user, client_in_team):
    consulent, toetser = make_user(Role.INTAKER), make_user(Role.TOETSER)
    aanvraag = _aanvraag_in_behandeling(consulent, client_in_team)
    services.draft_decision(actor=consulent, aanvraag=aanvraag, besluit="afwijzen", reden="Te hoog vermogen.")
    with pytest.raises(ValidationError):
        services.reject_draft(toetser=toetser, aanvraag=aanvraag, reden="", versie=1)
    services.reject_draft(toetser=toetser, aanvraag=aanvraag, reden="Vermogen is niet onderbouwd.", versie=1)
    aanvraag.refresh_from_db()
    assert aanvraag.status == "in_behandeling"
    assert aanvraag.concept_besluit == "" and aanvraag.toets_opmerking == "Vermogen is niet onderbouwd."


def test_toekenning_requires_voorliggende_check(make_user, client_in_team):
    consulent = make_user(Role.INTAKER)
    aanvraag = services.submit_aanvraag(
        actor=consulent, client=client_in_team, regeling="bijstand", aanvraagdatum=date.today()
    )
    aanvraag = services.start_behandeling(actor=consulent, aanvraag=aanvraag)
    with pytest.raises(ValidationError) as exc:
        services.draft_decision(
            actor=consulent,
            aanvraag=aanvraag,
            besluit="toekennen",
            reden="ok",
            ingangsdatum=date.today(),
            maandbedrag=Decimal("1000"),
        )
    assert "voorliggende" in exc.value.message_dict["besluit"][0]


def test_illegal_transition_changes_nothing(make_user, client_in_team):
    consulent = make_user(Role.INTAKER)
    aanvraag = AanvraagFactory(client=client_in_team, status="afgewezen")
    with pytest.raises(ValidationError) as exc:
        services.start_behandeling(actor=consulent, aanvraag=aanvraag)
    assert exc.value.message_dict["status"] == [
        "Een aanvraag met status 'afgewezen' kan niet naar 'in behandeling'."
    ]
    aanvraag.refresh_from_db()
    assert aanvraag.status == "afgewezen"


def test_second_open_aanvraag_for_same_regeling_is_refused(make_user, client_in_team):
    consulent = make_user(Role.INTAKER)
    services.submit_aanvraag(
        actor=consulent, client=client_in_team, regeling="bijstand", aanvraagdatum=date.today()
    )
    with pytest.raises(ValidationError) as exc:
        services.submit_aanvraag(
            actor=consulent, client=client_in_team, regeling="bijstand", aanvraagdatum=date.today()
        )
    assert "openstaande aanvraag" in exc.value.message_dict["regeling"][0]


def test_withdraw_needs_reason(make_user, client_in_team):
    consulent = make_user(Role.INTAKER)
    aanvraag = AanvraagFactory(client=client_in_team)
    with pytest.raises(ValidationError):
        services.withdraw_aanvraag(actor=consulent, aanvraag=aanvraag, reden=" ")
    services.withdraw_aanvraag(actor=consulent, aanvraag=aanvraag, reden="Werk gevonden")
    aanvraag.refresh_from_db()
    assert aanvraag.status == "ingetrokken"


def test_overdue_list_uses_the_decision_term_parameter(make_user, client_in_team):
    intaker = make_user(Role.INTAKER)
    today = date.today()
    late = AanvraagFactory(client=client_in_team, aanvraagdatum=today - timedelta(weeks=8, days=1))
    AanvraagFactory(client=client_in_team, aanvraagdatum=today - timedelta(weeks=8), regeling="ioaw")
    AanvraagFactory(client=client_in_team, aanvraagdatum=today - timedelta(weeks=20), status="toegekend")
    assert list(selectors.overdue_aanvragen(intaker, today)) == [late]
    record_parameter_value(
        key="beslistermijn_weken", value=Decimal("4"), valid_from=today, source="test", actor=intaker
    )
    assert parameter_value("beslistermijn_weken", today) == Decimal("4")
    assert selectors.overdue_aanvragen(intaker, today).count() == 2


def test_end_dossier_validates(make_user, client_in_team):
    coach = make_user(Role.COACH, wijkteam=client_in_team.wijkteam)
    dossier = DossierFactory(client=client_in_team, startdatum=date(2024, 1, 1))
    with pytest.raises(ValidationError):
        services.end_dossier(actor=coach, dossier=dossier, einddatum=date(2023, 1, 1), eindreden="werk")
    services.end_dossier(actor=coach, dossier=dossier, einddatum=date(2025, 1, 1), eindreden="werk")
    with pytest.raises(ValidationError):
        services.end_dossier(actor=coach, dossier=dossier, einddatum=date(2025, 2, 1), eindreden="werk")


def test_caseload_counts_buig_dossiers_on_a_date(db):
    DossierFactory(startdatum=date(2019, 1, 1), einddatum=date(2019, 12, 31), eindreden="werk")
    DossierFactory(startdatum=date(2019, 6, 1))
    DossierFactory(startdatum=date(2020, 4, 1), regeling="tozo")
    assert selectors.active_dossier_count(date(2019, 7, 1)) == 2
    assert selectors.active_dossier_count(date(2019, 12, 31)) == 1
    assert selectors.active_dossier_count(date(2020, 5, 1)) == 1


def test_scope_coach_sees_only_own_wijkteam(make_user, client_in_team, client_elsewhere):
    coach = make_user(Role.COACH, wijkteam=client_in_team.wijkteam)
    finance = make_user(Role.FINANCE)
    assert list(selectors.clients_visible_to(coach)) == [client_in_team]
    assert not selectors.clients_visible_to(finance).exists()
    assert selectors.clients_visible_to(make_user(Role.INTAKER)).count() == 2


def test_demo_loader_is_idempotent(db):
    import io

    from cases import demo

    out = io.StringIO()
    demo.load(stdout=out, today=date(2021, 1, 15))
    counts = (Client.objects.count(), Aanvraag.objects.count(), Uitkeringsdossier.objects.count())
    demo.load(stdout=out, today=date(2021, 1, 15))
    assert counts == (Client.objects.count(), Aanvraag.objects.count(), Uitkeringsdossier.objects.count())
    assert selectors.active_dossier_count(date(2017, 12, 31)) == 2839
    assert selectors.active_dossier_count(date(2018, 12, 31)) == 2745
    assert selectors.active_dossier_count(date(2019, 12, 31)) == 2587
    ClientFactory()  # factories still work beside demo data
