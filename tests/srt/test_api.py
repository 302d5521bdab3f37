"""SRT API behaviour: Decimal money as strings, the error shape, the flow, query counts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from almelo_sociaal.accounts.roles import Role
from srt.models import SrtInvestigation, SrtSignal

from ..factories import ClientFactory
from .factories import InvestigationFactory, SignalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def srt_api(make_user, api_client_for):
    return api_client_for(make_user(Role.SRT))


def test_api_client_with_scope_delivers_a_signal(make_user, api_client_for):
    subject = ClientFactory()
    api = api_client_for(
        make_user(Role.API_CLIENT), scopes=["srt:signaal-melden", "srt:signaal-lezen", "srt:onderzoek-lezen"]
    )
    response = api.post(
        "/api/v1/srt/signalen",
        {
            "client": subject.pk,
            "source": "gegevensmatch",
            "received_on": "2020-03-01",
            "description": "Match",
        },
        format="json",
    )
    assert response.status_code == 201
    assert SrtSignal.objects.get().status == "nieuw"


def test_api_errors_have_the_dutch_message_and_code(srt_api):
    response = srt_api.post(
        "/api/v1/srt/signalen",
        {
            "client": ClientFactory().pk,
            "source": "themacontrole",
            "received_on": "2020-03-01",
            "description": "x",
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["fields"]["risk_profile"] == [
        {"message": "Noem het risicoprofiel van de themacontrole.", "code": "risicoprofiel_verplicht"}
    ]


def test_full_flow_with_decimal_strings(srt_api, make_user):
    signal = SignalFactory(received_on=date.today() - timedelta(days=30))
    triage = srt_api.post(
        f"/api/v1/srt/signalen/{signal.pk}/beoordelen", {"decision": "openen"}, format="json"
    )
    investigation_id = triage.json()["investigation"]
    assert (
        srt_api.post(
            f"/api/v1/srt/onderzoeken/{investigation_id}/status", {"status": "in_onderzoek"}, format="json"
        ).json()["status"]
        == "in_onderzoek"
    )
    response = srt_api.post(
        f"/api/v1/srt/onderzoeken/{investigation_id}/uitkomst",
        {
            "outcome": "ander_resultaat",
            "other_result": "boete",
            "closed_on": date.today().isoformat(),
            "conclusion": "Vermogen verzwegen.",
            "inlichtingenplicht_geschonden": True,
            "culpability": "normaal",
            "benadelingsbedrag": "1234.57",
            "terugvordering": "1234.57",
        },
        format="json",
    )
    body = response.json()
    assert response.status_code == 200, body
    assert (body["status"], body["boete"], body["terugvordering"]) == ("afgerond", "617.29", "1234.57")
    assert body["bespaarde_uitkering"] == "0.00"


def test_illegal_status_change_is_400_with_code(srt_api):
    investigation = InvestigationFactory(closed=True)
    response = srt_api.post(
        f"/api/v1/srt/onderzoeken/{investigation.pk}/status", {"status": "in_onderzoek"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "ongeldige_statusovergang"


def test_detail_contains_findings_and_documents(srt_api, make_user):
    investigation = InvestigationFactory(running=True)
    srt_api.post(
        f"/api/v1/srt/onderzoeken/{investigation.pk}/bevindingen", {"text": "Gesprek."}, format="json"
    )
    body = srt_api.get(f"/api/v1/srt/onderzoeken/{investigation.pk}").json()
    assert [n["text"] for n in body["notes"]] == ["Gesprek."]


def test_filter_by_status(srt_api):
    InvestigationFactory(closed=True)
    running = InvestigationFactory(running=True)
    ids = [row["id"] for row in srt_api.get("/api/v1/srt/onderzoeken?status=in_onderzoek").json()["results"]]
    assert ids == [running.pk]


@pytest.mark.parametrize("n", [3, 40])
def test_list_query_count_is_constant(srt_api, django_assert_max_num_queries, n):
    InvestigationFactory.create_batch(n)
    with django_assert_max_num_queries(10):
        response = srt_api.get("/api/v1/srt/onderzoeken")
    assert len(response.json()["results"]) == n
    assert SrtInvestigation.objects.count() == n


def test_a_signal_cannot_be_delivered_already_triaged(make_user, api_client_for):
    """Issue 14: a write declares exactly its fields; the status of a new signal is not the sender's to set."""
    subject = ClientFactory()
    api = api_client_for(make_user(Role.API_CLIENT), scopes=["srt:signaal-melden"])
    response = api.post(
        "/api/v1/srt/signalen",
        {
            "client": subject.pk,
            "source": "gegevensmatch",
            "received_on": "2020-03-01",
            "description": "Match",
            "status": "geseponeerd",
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["fields"]["status"][0]["code"] == "veld_niet_wijzigbaar"
    assert not SrtSignal.objects.exists()
