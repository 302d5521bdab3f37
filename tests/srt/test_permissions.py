"""Need-to-know, table-driven: every SRT page and endpoint for every role (and anonymous, and API clients
with and without the SRT scopes)."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse
from rest_framework.test import APIClient

from almelo_sociaal.accounts import scopes
from almelo_sociaal.accounts.roles import Role
from srt.models import SrtInvestigation, SrtSignal

from ..factories import ClientFactory, UserFactory
from .factories import InvestigationFactory, SignalFactory

pytestmark = pytest.mark.django_db
R = Role
SRT = {R.SRT}
ASSIGN = {R.SRT, R.BEHEER}
REPORT = {R.SRT, R.COORDINATOR, R.FINANCE}
# Roles for the table: every role; the API client once without and once with the SRT scopes an API client uses.
ROLES = [None, *[r for r in Role if r != R.API_CLIENT], "api_client", "api_client+srt"]
API_CLIENT_SRT_SCOPES = [scopes.SRT_SIGNAAL_LEZEN, scopes.SRT_SIGNAAL_MELDEN, scopes.SRT_ONDERZOEK_LEZEN]


@pytest.fixture
def world(wijkteam):
    subject = ClientFactory(wijkteam=wijkteam)
    return {
        "client": subject,
        "signal": SignalFactory(client=subject),
        "gemeld": InvestigationFactory(client=subject),
        "running": InvestigationFactory(client=subject, running=True),
        "investigator": UserFactory(roles=[R.SRT]),  # an investigation keeps at least one (issue 17 item 9)
    }


PAGES = {
    # name: (method, url builder, roles that may)
    "investigations": ("get", lambda w: reverse("srt:investigations"), SRT),
    "signals": ("get", lambda w: reverse("srt:signals"), SRT),
    "signal-create": ("get", lambda w: reverse("srt:signal-create"), SRT),
    "signal-detail": ("get", lambda w: reverse("srt:signal-detail", args=[w["signal"].pk]), SRT),
    "investigation-detail": (
        "get",
        lambda w: reverse("srt:investigation-detail", args=[w["gemeld"].pk]),
        SRT,
    ),
    "investigation-outcome": (
        "get",
        lambda w: reverse("srt:investigation-outcome", args=[w["running"].pk]),
        SRT,
    ),
    "investigation-start": ("post", lambda w: reverse("srt:investigation-start", args=[w["gemeld"].pk]), SRT),
    "investigation-note": ("post", lambda w: reverse("srt:investigation-note", args=[w["running"].pk]), SRT),
    "investigation-document": (
        "post",
        lambda w: reverse("srt:investigation-document", args=[w["running"].pk]),
        SRT,
    ),
    "boete-proposal": ("post", lambda w: reverse("srt:boete-proposal", args=[w["running"].pk]), SRT),
    "assignments": ("get", lambda w: reverse("srt:assignments"), ASSIGN),
    "investigation-assign": (
        "get",
        lambda w: reverse("srt:investigation-assign", args=[w["gemeld"].pk]),
        ASSIGN,
    ),
    "report": ("get", lambda w: reverse("srt:report"), REPORT),
    "report-csv": ("get", lambda w: reverse("srt:report-csv"), REPORT),
    "report-xlsx": ("get", lambda w: reverse("srt:report-xlsx"), REPORT),
    "client-marker": ("get", lambda w: reverse("srt:client-marker", args=[w["client"].pk]), {R.SRT, R.COACH}),
}
POST_DATA = {
    "investigation-note": {"text": "Bankafschriften opgevraagd."},
    "investigation-document": {"kind": "verklaring", "title": "Verklaring", "document_date": "2020-01-01"},
    "boete-proposal": {"culpability": "opzet", "benadelingsbedrag": "1000"},
}


def _role_value(role) -> str | None:
    if role is None:
        return None
    return "api_client" if str(role).startswith("api_client") else str(role)


@pytest.mark.parametrize("role", ROLES, ids=str)
@pytest.mark.parametrize("page", sorted(PAGES))
def test_page_permission_matrix(client, make_user, wijkteam, world, page, role):
    method, url_for, allowed = PAGES[page]
    url = url_for(world)
    if role is None:
        response = getattr(client, method)(url, POST_DATA.get(page, {}))
        assert response.status_code == 302 and "/inloggen/" in response["Location"]
        return
    client.force_login(make_user(_role_value(role), wijkteam=wijkteam))
    response = getattr(client, method)(url, POST_DATA.get(page, {}))
    if role in allowed:
        assert response.status_code in (200, 302), (page, role, response.status_code)
        if response.status_code == 302:
            assert "/inloggen/" not in response["Location"]
    else:
        assert response.status_code == 403, (page, role, response.status_code)


ENDPOINTS = {
    # name: (method, url builder, payload, roles that may, API client with scope may)
    "signals-list": ("get", lambda w: "/api/v1/srt/signalen", None, SRT, True),
    "signals-detail": ("get", lambda w: f"/api/v1/srt/signalen/{w['signal'].pk}", None, SRT, True),
    "signals-create": (
        "post",
        lambda w: "/api/v1/srt/signalen",
        lambda w: {
            "client": w["client"].pk,
            "source": "gegevensmatch",
            "received_on": "2020-05-01",
            "description": "Suwinet: inkomsten niet gemeld.",
        },
        SRT,
        True,
    ),
    "signals-triage": (
        "post",
        lambda w: f"/api/v1/srt/signalen/{w['signal'].pk}/beoordelen",
        lambda w: {"decision": "verwerpen", "reason": "Geen aanwijzingen."},
        SRT,
        False,
    ),
    "investigations-list": ("get", lambda w: "/api/v1/srt/onderzoeken", None, SRT, True),
    "investigations-detail": ("get", lambda w: f"/api/v1/srt/onderzoeken/{w['gemeld'].pk}", None, SRT, True),
    "investigations-status": (
        "post",
        lambda w: f"/api/v1/srt/onderzoeken/{w['gemeld'].pk}/status",
        lambda w: {"status": "in_onderzoek"},
        SRT,
        False,
    ),
    "investigations-note": (
        "post",
        lambda w: f"/api/v1/srt/onderzoeken/{w['running'].pk}/bevindingen",
        lambda w: {"text": "Gesprek gevoerd."},
        SRT,
        False,
    ),
    "investigations-document": (
        "post",
        lambda w: f"/api/v1/srt/onderzoeken/{w['running'].pk}/documenten",
        lambda w: {"kind": "verklaring", "title": "Verklaring", "document_date": "2020-01-01"},
        SRT,
        False,
    ),
    "investigations-outcome": (
        "post",
        lambda w: f"/api/v1/srt/onderzoeken/{w['running'].pk}/uitkomst",
        lambda w: {
            "outcome": "ander_resultaat",
            "other_result": "geen_overtreding",
            "closed_on": w["running"].opened_on.isoformat(),
            "conclusion": "Geen overtreding.",
        },
        SRT,
        False,
    ),
    "investigations-assign": (
        "post",
        lambda w: f"/api/v1/srt/onderzoeken/{w['gemeld'].pk}/onderzoekers",
        lambda w: {"investigators": [w["investigator"].pk]},
        ASSIGN,
        False,
    ),
}


def _api_for(role, make_user, api_client_for, wijkteam):
    if role is None:
        return APIClient()
    user = make_user(_role_value(role), wijkteam=wijkteam)
    if role == "api_client+srt":
        return api_client_for(user, scopes=API_CLIENT_SRT_SCOPES)
    if role == "api_client":
        return api_client_for(user, scopes=[s for s in scopes.SCOPES if not s.startswith("srt:")])
    return api_client_for(user)


@pytest.mark.parametrize("role", ROLES, ids=str)
@pytest.mark.parametrize("name", sorted(ENDPOINTS))
def test_api_permission_matrix(make_user, api_client_for, wijkteam, world, name, role):
    method, url_for, payload, allowed, scoped_api_client_may = ENDPOINTS[name]
    api = _api_for(role, make_user, api_client_for, wijkteam)
    data = payload(world) if payload else None
    response = getattr(api, method)(url_for(world), data, format="json")
    if role is None:
        assert response.status_code == 401
        return
    may = role in allowed or (role == "api_client+srt" and scoped_api_client_may)
    if may:
        assert response.status_code in (200, 201), (name, role, response.status_code, response.content[:300])
    else:
        assert response.status_code == 403, (name, role, response.status_code)
        assert response.json()["message"]


def test_api_client_without_scope_sees_no_investigation_rows(make_user, api_client_for, world):
    api = api_client_for(make_user(R.API_CLIENT), scopes=())
    assert api.get("/api/v1/srt/onderzoeken").status_code == 403


def test_a_token_that_reports_signals_reads_no_investigation(make_user, api_client_for, world):
    """Finding 8: with the old "srt" scope a reporting integration read every investigation's notes, findings
    and documents. Reporting a signal is its own scope; reading investigations needs srt:onderzoek-lezen."""
    api = api_client_for(make_user(R.API_CLIENT), scopes=[scopes.SRT_SIGNAAL_MELDEN])
    created = api.post(
        "/api/v1/srt/signalen",
        {
            "client": world["client"].pk,
            "source": "gegevensmatch",
            "received_on": "2020-05-01",
            "description": "Suwinet: inkomsten niet gemeld.",
        },
        format="json",
    )
    assert created.status_code == 201
    for path in (
        "/api/v1/srt/onderzoeken",
        f"/api/v1/srt/onderzoeken/{world['running'].pk}",
        "/api/v1/srt/signalen",
    ):
        response = api.get(path)
        assert response.status_code == 403, path
        assert response.json()["code"] == "scope_ontbreekt"
    reader = api_client_for(make_user(R.API_CLIENT), scopes=[scopes.SRT_ONDERZOEK_LEZEN])
    detail = reader.get(f"/api/v1/srt/onderzoeken/{world['running'].pk}")
    assert detail.status_code == 200 and "notes" in detail.json() and "documents" in detail.json()


@pytest.mark.parametrize("role", [r for r in Role if r not in (R.SRT, R.API_CLIENT)])
def test_querysets_are_empty_for_other_roles_in_sql(make_user, world, role):
    from srt import selectors

    user = make_user(role)
    assert not selectors.investigations_visible_to(user).exists()
    assert not selectors.signals_visible_to(user).exists()


def test_beheer_assignment_page_shows_no_case_content(client, make_user, world):
    client.force_login(make_user(R.BEHEER))
    body = client.get(reverse("srt:investigation-assign", args=[world["gemeld"].pk])).content.decode()
    assert world["gemeld"].reference in body
    assert world["client"].achternaam not in body
    assert world["client"].bsn not in body


def test_beheer_api_assignment_answers_only_investigator_ids(make_user, api_client_for, world):
    srt_user = make_user(R.SRT)
    api = api_client_for(make_user(R.BEHEER))
    response = api.post(
        f"/api/v1/srt/onderzoeken/{world['gemeld'].pk}/onderzoekers",
        {"investigators": [srt_user.pk]},
        format="json",
    )
    assert response.json() == {"investigators": [srt_user.pk]}


def test_report_shows_no_personal_data(client, make_user, wijkteam):
    closed = InvestigationFactory(closed=True, client=ClientFactory(wijkteam=wijkteam))
    client.force_login(make_user(R.COORDINATOR, wijkteam=wijkteam))
    body = client.get(reverse("srt:report"), {"van": "2000-01-01", "tot": "2100-01-01"}).content.decode()
    assert closed.client.achternaam not in body
    assert closed.reference not in body


def test_coach_marker_hidden_by_default(client, make_user, wijkteam):
    subject = ClientFactory(wijkteam=wijkteam)
    InvestigationFactory(client=subject)
    client.force_login(make_user(R.COACH, wijkteam=wijkteam))
    body = client.get(reverse("srt:client-marker", args=[subject.pk])).content.decode()
    assert "onderzoek" not in body.lower()


@override_settings(SRT_INVESTIGATION_VISIBLE_TO_COACH=True)
def test_coach_sees_only_that_an_investigation_exists_when_policy_allows(client, make_user, wijkteam):
    subject = ClientFactory(wijkteam=wijkteam)
    investigation = InvestigationFactory(client=subject)
    client.force_login(make_user(R.COACH, wijkteam=wijkteam))
    body = client.get(reverse("srt:client-marker", args=[subject.pk])).content.decode()
    assert "Er loopt een onderzoek" in body
    assert investigation.reference not in body
    assert investigation.signal.description not in body


@override_settings(SRT_INVESTIGATION_VISIBLE_TO_COACH=True)
def test_coach_of_another_wijkteam_learns_nothing(client, make_user, wijkteam, other_wijkteam):
    subject = ClientFactory(wijkteam=other_wijkteam)
    InvestigationFactory(client=subject)
    client.force_login(make_user(R.COACH, wijkteam=wijkteam))
    assert client.get(reverse("srt:client-marker", args=[subject.pk])).status_code == 404


def test_non_srt_user_cannot_be_assigned(make_user, world):
    from django.core.exceptions import ValidationError

    from srt import services

    with pytest.raises(ValidationError) as excinfo:
        services.assign_investigators(
            actor=make_user(R.BEHEER), investigation=world["gemeld"], investigators=[make_user(R.COACH)]
        )
    assert "Alleen SRT-medewerkers" in str(excinfo.value)
    assert not SrtInvestigation.objects.get(pk=world["gemeld"].pk).assignments.exists()


def test_signal_rows_never_reach_a_coach_api(make_user, api_client_for, world):
    api = api_client_for(make_user(R.COACH))
    assert api.get(f"/api/v1/srt/signalen/{world['signal'].pk}").status_code == 403
    assert SrtSignal.objects.filter(pk=world["signal"].pk).exists()
