"""Issue 17, item 9: an investigation can be linked to the client's dossier (so "uitkering beëindigd" can be
recorded), an investigation always has an investigator, and case numbers have one format."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role
from srt import rules, services
from srt.models import SrtInvestigation

from ..factories import AanvraagFactory, ClientFactory, DossierFactory
from .factories import InvestigationFactory, SignalFactory

pytestmark = pytest.mark.django_db
D = Decimal
NEEDS_INVESTIGATOR = "Wijs ten minste één onderzoeker toe."


@pytest.fixture
def srt(make_user):
    return make_user(Role.SRT)


# --- the investigator ---


def test_opening_an_investigation_without_an_investigator_is_refused(srt):
    with pytest.raises(ValidationError) as excinfo:
        services.open_investigation(actor=srt, signal=SignalFactory(), investigators=[])
    error = excinfo.value.error_dict["investigators"][0]
    assert (error.code, error.message) == ("onderzoeker_verplicht", NEEDS_INVESTIGATOR)


def test_opening_without_naming_an_investigator_assigns_the_one_who_opens_it(srt):
    investigation = services.open_investigation(actor=srt, signal=SignalFactory())
    assert list(investigation.investigators.all()) == [srt]


def test_removing_every_investigator_is_refused(srt):
    investigation = services.open_investigation(actor=srt, signal=SignalFactory(), investigators=[srt])
    with pytest.raises(ValidationError) as excinfo:
        services.assign_investigators(actor=srt, investigation=investigation, investigators=[])
    assert excinfo.value.error_dict["investigators"][0].code == "onderzoeker_verplicht"
    assert list(investigation.investigators.all()) == [srt]


def test_the_api_refuses_a_triage_without_investigator_with_the_same_text(srt, api_client_for):
    signal = SignalFactory()
    response = api_client_for(srt).post(
        f"/api/v1/srt/signalen/{signal.pk}/beoordelen",
        {"decision": "openen", "investigators": []},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["fields"]["investigators"] == [
        {"message": NEEDS_INVESTIGATOR, "code": "onderzoeker_verplicht"}
    ]


def test_the_triage_screen_shows_the_refusal_next_to_the_investigators(client, srt):
    client.force_login(srt)
    signal = SignalFactory()
    response = client.post(reverse("srt:signal-detail", args=[signal.pk]), {"decision": "openen"})
    assert response.status_code == 400
    assert response.context["form"].errors["investigators"] == [NEEDS_INVESTIGATOR]
    assert not SrtInvestigation.objects.filter(signal=signal).exists()


# --- the link to the dossier ---


def running(client=None) -> SrtInvestigation:
    return InvestigationFactory(
        running=True, client=client or ClientFactory(), opened_on=date.today() - timedelta(days=40)
    )


def test_an_investigation_can_be_linked_to_the_clients_dossier_and_then_end_the_benefit(srt):
    investigation = running()
    dossier = DossierFactory(client=investigation.client)
    services.link_investigation(actor=srt, investigation=investigation, dossier=dossier)
    investigation.refresh_from_db()
    assert investigation.dossier == dossier
    assert "uitkeringsdossier" in investigation.notes.last().text
    closed = services.record_outcome(
        actor=srt,
        investigation=investigation,
        outcome="uitkering_beeindigd",
        closed_on=date.today(),
        conclusion="Samenwonend; geen recht.",
        maandbedrag_uitkering=D("1401.50"),
    )
    assert closed.outcome == "uitkering_beeindigd"


def test_a_dossier_of_another_client_is_refused(srt):
    investigation = running()
    with pytest.raises(ValidationError) as excinfo:
        services.link_investigation(actor=srt, investigation=investigation, dossier=DossierFactory())
    assert excinfo.value.error_dict["dossier"][0].code == "dossier_andere_client"


def test_an_aanvraag_of_the_client_can_be_linked(srt):
    investigation = running()
    aanvraag = AanvraagFactory(client=investigation.client)
    services.link_investigation(actor=srt, investigation=investigation, aanvraag=aanvraag)
    investigation.refresh_from_db()
    assert investigation.aanvraag == aanvraag


def test_a_closed_investigation_cannot_be_linked(srt):
    investigation = InvestigationFactory(closed=True)
    with pytest.raises(ValidationError) as excinfo:
        services.link_investigation(
            actor=srt, investigation=investigation, dossier=DossierFactory(client=investigation.client)
        )
    assert excinfo.value.error_dict["dossier"][0].code == "onderzoek_afgerond"


def test_the_api_links_a_dossier(srt, api_client_for):
    investigation = running()
    dossier = DossierFactory(client=investigation.client)
    api = api_client_for(srt)
    response = api.post(
        f"/api/v1/srt/onderzoeken/{investigation.pk}/koppelen", {"dossier": dossier.pk}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["dossier"] == dossier.pk
    other = api.post(
        f"/api/v1/srt/onderzoeken/{investigation.pk}/koppelen",
        {"dossier": DossierFactory().pk},
        format="json",
    )
    assert other.status_code == 400
    assert other.json()["fields"]["dossier"] == [
        {"message": "Dit dossier hoort niet bij deze cliënt.", "code": "dossier_andere_client"}
    ]


def test_the_investigation_page_links_a_dossier(client, srt):
    client.force_login(srt)
    investigation = running()
    dossier = DossierFactory(client=investigation.client)
    page = client.get(reverse("srt:investigation-detail", args=[investigation.pk]))
    assert reverse("srt:investigation-link", args=[investigation.pk]) in page.content.decode()
    response = client.post(
        reverse("srt:investigation-link", args=[investigation.pk]), {"dossier": dossier.pk}
    )
    assert response.status_code == 302
    investigation.refresh_from_db()
    assert investigation.dossier == dossier


# --- one case-number format ---


def test_the_case_number_format():
    assert rules.investigation_reference(opened_on=date(2026, 1, 5), number=7) == "SRT-2026-00007"
    assert rules.REFERENCE_PATTERN.fullmatch("SRT-2026-00007")
    assert not rules.REFERENCE_PATTERN.fullmatch("SRT-2020-D001")


@time_machine.travel(datetime(2026, 11, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False)
def test_demo_investigations_have_the_one_case_number_format():
    from cases import demo as cases_demo
    from srt import demo

    cases_demo.load(stdout=io.StringIO(), clients=150)
    demo.load(stdout=io.StringIO())
    references = list(SrtInvestigation.objects.values_list("reference", "opened_on"))
    assert references
    wrong = [r for r, opened in references if not re.fullmatch(rf"SRT-{opened.year}-\d{{5,}}", r)]
    assert wrong == []
