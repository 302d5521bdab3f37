"""SRT screens: the flows an SRT user goes through, and Dutch errors next to the field."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role
from srt.models import SrtInvestigation, SrtSignal
from srt.rules import InvestigationStatus, SignalStatus

from ..factories import ClientFactory
from .factories import InvestigationFactory, SignalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def srt_client(client, make_user):
    user = make_user(Role.SRT)
    client.force_login(user)
    client.user = user
    return client


def test_signal_is_registered_after_a_bsn_lookup_without_bsn_in_the_url(srt_client):
    subject = ClientFactory()
    url = reverse("srt:signal-create")
    lookup = srt_client.post(url, {"bsn": subject.bsn})
    assert lookup.status_code == 302
    assert subject.bsn not in lookup["Location"]
    response = srt_client.post(
        url,
        {
            "client": subject.pk,
            "source": "themacontrole",
            "risk_profile": "Vermogen buitenland",
            "received_on": date.today().isoformat(),
            "description": "Geselecteerd in themacontrole.",
        },
    )
    signal = SrtSignal.objects.get()
    assert response["Location"] == reverse("srt:signal-detail", args=[signal.pk])
    assert (signal.client, signal.status) == (subject, SignalStatus.NIEUW)


def test_unknown_bsn_shows_dutch_error(srt_client):
    response = srt_client.post(reverse("srt:signal-create"), {"bsn": "123456782"})
    assert response.status_code == 400
    assert "Geen cliënt gevonden met dit BSN." in response.content.decode()


def test_themacontrole_without_profile_shows_error_next_to_field(srt_client):
    subject = ClientFactory()
    response = srt_client.post(
        reverse("srt:signal-create"),
        {
            "client": subject.pk,
            "source": "themacontrole",
            "received_on": date.today().isoformat(),
            "description": "x",
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors["risk_profile"] == ["Noem het risicoprofiel van de themacontrole."]


def test_discard_without_reason_shows_error(srt_client):
    signal = SignalFactory()
    response = srt_client.post(reverse("srt:signal-detail", args=[signal.pk]), {"decision": "verwerpen"})
    assert response.status_code == 400
    assert response.context["form"].errors["reason"] == ["Geef een reden op om het signaal te verwerpen."]


def test_triage_opens_investigation_and_redirects_to_it(srt_client):
    signal = SignalFactory()
    response = srt_client.post(
        reverse("srt:signal-detail", args=[signal.pk]),
        {"decision": "openen", "investigators": [srt_client.user.pk]},
    )
    investigation = SrtInvestigation.objects.get()
    assert response["Location"] == reverse("srt:investigation-detail", args=[investigation.pk])


def test_outcome_form_shows_boete_reason_error(srt_client):
    investigation = InvestigationFactory(running=True, opened_on=date.today() - timedelta(days=10))
    response = srt_client.post(
        reverse("srt:investigation-outcome", args=[investigation.pk]),
        {
            "outcome": "ander_resultaat",
            "other_result": "boete",
            "closed_on": date.today().isoformat(),
            "conclusion": "Inkomsten verzwegen.",
            "inlichtingenplicht_geschonden": "on",
            "culpability": "opzet",
            "benadelingsbedrag": "2000,00",
            "terugvordering": "2000,00",
            "boete_aanpassen": "on",
            "boete": "500,00",
        },
    )
    assert response.status_code == 400
    assert (
        "Geef een reden op voor een boete die afwijkt van het voorstel (€ 2.000,00)."
        in (response.context["form"].errors["boete_reden"][0])
    )
    assert response.context["proposal"].amount == 2000
    investigation.refresh_from_db()
    assert investigation.status == InvestigationStatus.IN_ONDERZOEK


def test_proposal_partial_shows_the_inputs(srt_client):
    investigation = InvestigationFactory(running=True)
    response = srt_client.post(
        reverse("srt:boete-proposal", args=[investigation.pk]),
        {"culpability": "verminderd", "benadelingsbedrag": "1000"},
    )
    body = response.content.decode()
    assert "€ 250,00" in body
    assert "Verminderde verwijtbaarheid (25%)" in body


def test_detail_shows_recidive_from_earlier_investigation(srt_client):
    subject = ClientFactory()
    earlier = InvestigationFactory(
        client=subject, closed=True, opened_on=date.today() - timedelta(days=400), boete=100
    )
    current = InvestigationFactory(client=subject, running=True)
    body = srt_client.get(reverse("srt:investigation-detail", args=[current.pk])).content.decode()
    assert earlier.reference in body
    assert "Recidive" in body


def test_report_default_period_is_last_twelve_months(client, make_user):
    client.force_login(make_user(Role.COORDINATOR))
    results = client.get(reverse("srt:report")).context["results"]
    today = date.today()
    assert results.period_end == date(today.year, today.month, 1) - timedelta(days=1)
    assert (results.period_end - results.period_start).days in range(364, 367)


@pytest.mark.parametrize(
    ("role", "expected"), [(Role.SRT, True), (Role.COACH, True), (Role.COORDINATOR, False)]
)
def test_client_page_loads_the_srt_panel_only_for_roles_that_may_know(
    client, make_user, wijkteam, role, expected
):
    subject = ClientFactory(wijkteam=wijkteam)
    client.force_login(make_user(role, wijkteam=wijkteam))
    body = client.get(reverse("cases:client-detail", args=[subject.pk])).content.decode()
    assert (reverse("srt:client-marker", args=[subject.pk]) in body) is expected


def test_srt_sees_the_clients_investigations_in_the_panel(srt_client):
    investigation = InvestigationFactory()
    body = srt_client.get(reverse("srt:client-marker", args=[investigation.client.pk])).content.decode()
    assert investigation.reference in body


def test_missing_parameter_is_explained_not_a_crash(srt_client):
    from almelo_sociaal.parameters.models import LegalParameter

    LegalParameter.objects.filter(key__startswith="srt_").delete()
    investigation = InvestigationFactory(running=True)
    response = srt_client.get(reverse("srt:investigation-detail", args=[investigation.pk]))
    assert response.status_code == 200
    assert "vraag functioneel beheer deze vast te leggen" in response.content.decode()


@pytest.mark.parametrize("n", [3, 30])
def test_signal_list_query_count_is_constant(srt_client, django_assert_max_num_queries, n):
    SignalFactory.create_batch(n)
    with django_assert_max_num_queries(10):
        assert srt_client.get(reverse("srt:signals")).status_code == 200
