"""REST API of participation: permissions per role on every endpoint, writes through the services, filters."""

from __future__ import annotations

from datetime import date

import pytest
from rest_framework.test import APIClient

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.audit.models import AccessLog
from participation.models import GroupAssignment, Profile, Trajectory
from tests.factories import ClientFactory

from .factories import AssignmentFactory, ProfileFactory, TrajectoryFactory

pytestmark = pytest.mark.django_db
R = Role
READ = {R.COACH, R.COORDINATOR, R.MATCHER, R.INTAKER, R.BEHEER, R.API_CLIENT}
WRITE = {R.COACH, R.BEHEER}
BASE = "/api/v1/participatie"

ENDPOINTS = {
    # name: (method, path builder(client, profile, assignment, trajectory), roles allowed)
    "profiles-list": ("get", lambda c, p, a, t: f"{BASE}/profielen", READ),
    "profiles-detail": ("get", lambda c, p, a, t: f"{BASE}/profielen/{p.pk}", READ),
    "profiles-create": ("post", lambda c, p, a, t: f"{BASE}/profielen", WRITE),
    "assignments-list": ("get", lambda c, p, a, t: f"{BASE}/groepsindelingen", READ),
    "assignments-detail": ("get", lambda c, p, a, t: f"{BASE}/groepsindelingen/{a.pk}", READ),
    "assignments-create": ("post", lambda c, p, a, t: f"{BASE}/groepsindelingen", WRITE),
    "instruments-list": ("get", lambda c, p, a, t: f"{BASE}/instrumenten", READ),
    "instruments-detail": ("get", lambda c, p, a, t: f"{BASE}/instrumenten/participatieplaats", READ),
    "trajectories-list": ("get", lambda c, p, a, t: f"{BASE}/trajecten", READ),
    "trajectories-detail": ("get", lambda c, p, a, t: f"{BASE}/trajecten/{t.pk}", READ),
    "trajectories-create": ("post", lambda c, p, a, t: f"{BASE}/trajecten", WRITE),
    "trajectories-close": ("post", lambda c, p, a, t: f"{BASE}/trajecten/{t.pk}/afsluiten", WRITE),
}
SUCCESS = {"get": 200, "post": 201}


def _payload(name: str, client) -> dict:
    return {
        "profiles-create": {
            "client": client.pk,
            "assessed_on": "2026-03-02",
            "motivatie": "voldoende",
            "kans_arbeidsmarkt": "hoog",
            "opleiding": "voldoende",
            "belemmeringen": "geen",
            "trede": 2,
        },
        "assignments-create": {"client": client.pk, "group": 2, "valid_from": "2026-03-02", "reason": "test"},
        "trajectories-create": {
            "client": client.pk,
            "instrument": "werkervaringsplek",
            "start": "2026-02-02",
            "end": "2026-06-30",
            "hours_per_week": "12.0",
            "provider": "Stichting Werk",
            "cost": "800.00",
        },
        "trajectories-close": {"end": "2026-06-30", "outcome": "werk"},
    }.get(name, {})


@pytest.mark.parametrize("role", [None, *Role])
@pytest.mark.parametrize("name", sorted(ENDPOINTS))
def test_api_permission_matrix(make_user, api_client_for, wijkteam, name, role):
    subject = ClientFactory(wijkteam=wijkteam)
    profile = ProfileFactory(client=subject)
    assignment = AssignmentFactory(client=subject, group=2, valid_from=date(2026, 1, 5))
    trajectory = TrajectoryFactory(client=subject)
    method, path_for, allowed = ENDPOINTS[name]
    path = path_for(subject, profile, assignment, trajectory)
    if role is None:
        response = getattr(APIClient(), method)(path, {}, format="json")
        assert response.status_code == 401
        return
    api = api_client_for(make_user(role, wijkteam=wijkteam))
    response = getattr(api, method)(path, _payload(name, subject), format="json")
    expected = (200 if name == "trajectories-close" else SUCCESS[method]) if role in allowed else 403
    assert response.status_code == expected, (name, role, response.status_code, response.content[:300])


def test_coordinator_list_is_scoped_to_own_wijkteam(make_user, api_client_for, wijkteam, other_wijkteam):
    mine = AssignmentFactory(client=ClientFactory(wijkteam=wijkteam))
    AssignmentFactory(client=ClientFactory(wijkteam=other_wijkteam))
    api = api_client_for(make_user(R.COORDINATOR, wijkteam=wijkteam))
    ids = [row["id"] for row in api.get(f"{BASE}/groepsindelingen").json()["results"]]
    assert ids == [mine.pk]


def test_coach_cannot_write_for_another_wijkteam(make_user, api_client_for, wijkteam, client_elsewhere):
    api = api_client_for(make_user(R.COACH, wijkteam=wijkteam))
    response = api.post(
        f"{BASE}/groepsindelingen",
        {"client": client_elsewhere.pk, "group": 2, "valid_from": "2026-03-02"},
        format="json",
    )
    assert response.status_code == 404
    assert not GroupAssignment.objects.exists()


def test_finance_sees_nothing(make_user, api_client_for, wijkteam):
    api = api_client_for(make_user(R.FINANCE, wijkteam=wijkteam))
    assert api.get(f"{BASE}/instrumenten").status_code == 403


def test_profile_create_returns_suggestion_and_reasons(make_user, api_client_for, wijkteam, client_in_team):
    api = api_client_for(make_user(R.COACH, wijkteam=wijkteam))
    payload = {**_payload("profiles-create", client_in_team), "kans_arbeidsmarkt": "slecht"}
    body = api.post(f"{BASE}/profielen", payload, format="json").json()
    assert body["suggested_group"] == 4
    assert body["suggestion_reasons"][0] == "kans op de arbeidsmarkt: slecht → groep 4"
    assert not any("slecht" in reason for reason in body["suggestion_reasons"][1:])
    assert body["uitkeringsduur_maanden"] == 0


def test_deviation_without_reason_is_400_with_the_ui_message(
    make_user, api_client_for, wijkteam, client_in_team
):
    api = api_client_for(make_user(R.COACH, wijkteam=wijkteam))
    api.post(f"{BASE}/profielen", _payload("profiles-create", client_in_team), format="json")
    response = api.post(
        f"{BASE}/groepsindelingen",
        {"client": client_in_team.pk, "group": 3, "valid_from": "2026-03-02"},
        format="json",
    )
    assert response.status_code == 400
    body = response.json()
    assert (body["code"], body["detail"]) == (
        "reden_verplicht",
        "Geef een reden: u kiest groep 3, het voorstel is groep 0.",
    )
    assert body["invalidParams"] == [
        {
            "name": "reason",
            "code": "reden_verplicht",
            "reason": "Geef een reden: u kiest groep 3, het voorstel is groep 0.",
        }
    ]


def test_refused_deployment_is_400_with_reason(make_user, api_client_for, wijkteam, client_in_team):
    AssignmentFactory(client=client_in_team, group=1)
    api = api_client_for(make_user(R.COACH, wijkteam=wijkteam))
    payload = {**_payload("trajectories-create", client_in_team), "instrument": "beschut_werk"}
    response = api.post(f"{BASE}/trajecten", payload, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "groep_niet_toegestaan"
    assert response.json()["message"] == "Beschut werk is niet toegestaan in groep 1 (wel in groep 3)."
    assert not Trajectory.objects.exists()


def test_assignment_history_filtered_by_client(make_user, api_client_for, wijkteam, client_in_team):
    api = api_client_for(make_user(R.COACH, wijkteam=wijkteam))
    for group, day in ((3, "2026-01-05"), (2, "2026-06-01")):
        api.post(
            f"{BASE}/groepsindelingen",
            {"client": client_in_team.pk, "group": group, "valid_from": day, "reason": "x"},
            format="json",
        )
    rows = api.get(f"{BASE}/groepsindelingen", {"client": client_in_team.pk}).json()["results"]
    assert [(r["group"], r["valid_from"], r["valid_to"], r["is_current"]) for r in rows] == [
        (2, "2026-06-01", None, True),
        (3, "2026-01-05", "2026-06-01", False),
    ]


def test_assignments_filter_by_group_wijkteam_and_review(make_user, api_client_for, wijkteam, other_wijkteam):
    due = AssignmentFactory(client=ClientFactory(wijkteam=wijkteam), group=3, review_due=date(2026, 2, 1))
    AssignmentFactory(client=ClientFactory(wijkteam=wijkteam), group=3, review_due=date(2027, 2, 1))
    AssignmentFactory(client=ClientFactory(wijkteam=wijkteam), group=1, review_due=date(2026, 2, 1))
    AssignmentFactory(client=ClientFactory(wijkteam=other_wijkteam), group=3, review_due=date(2026, 2, 1))
    api = api_client_for(make_user(R.API_CLIENT))
    rows = api.get(
        f"{BASE}/groepsindelingen",
        {"group": 3, "wijkteam": wijkteam.code, "review_due_before": "2026-12-31", "current": "true"},
    ).json()["results"]
    assert [r["id"] for r in rows] == [due.pk]


def test_trajectories_filter_active_on(make_user, api_client_for, wijkteam):
    running = TrajectoryFactory(client=ClientFactory(wijkteam=wijkteam), start=date(2026, 1, 1))
    TrajectoryFactory(client=ClientFactory(wijkteam=wijkteam), start=date(2025, 1, 1), end=date(2025, 6, 30))
    api = api_client_for(make_user(R.BEHEER))
    rows = api.get(f"{BASE}/trajecten", {"activeOn": "2026-03-01"}).json()["results"]
    assert [r["id"] for r in rows] == [running.pk]


def test_instruments_filtered_by_group(make_user, api_client_for):
    api = api_client_for(make_user(R.API_CLIENT))
    codes = [row["code"] for row in api.get(f"{BASE}/instrumenten", {"group": 4}).json()]
    assert codes == ["vrijlating_medisch", "sociale_activering", "dagbesteding", "taalles"]


def test_instrument_detail_lists_conditions(make_user, api_client_for):
    api = api_client_for(make_user(R.COACH))
    body = api.get(f"{BASE}/instrumenten/participatieplaats").json()
    assert (body["groups"], body["conditions"]) == ([3], ["vanaf 27 jaar"])


def test_unknown_instrument_is_404(make_user, api_client_for):
    api = api_client_for(make_user(R.COACH))
    assert api.get(f"{BASE}/instrumenten/bestaat_niet").status_code == 404


def test_api_list_logs_the_clients_read(make_user, api_client_for, wijkteam):
    profile = ProfileFactory(client=ClientFactory(wijkteam=wijkteam))
    user = make_user(R.API_CLIENT)
    api_client_for(user).get(f"{BASE}/profielen")
    entry = AccessLog.objects.get()
    assert (entry.user, entry.client_id, entry.action) == (user, profile.client_id, "api")


def test_schema_documents_the_participation_endpoints(make_user, api_client_for):
    api = api_client_for(make_user(R.BEHEER))
    response = api.get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in ("profielen", "groepsindelingen", "instrumenten/{code}", "trajecten/{id}/afsluiten"):
        assert f"/participatie/{path}" in paths


@pytest.mark.parametrize("n", [10, 200])
@pytest.mark.parametrize("resource", ["profielen", "groepsindelingen", "trajecten"])
def test_list_query_count_is_constant(
    make_user, api_client_for, wijkteam, django_assert_max_num_queries, n, resource
):
    coach = make_user(R.COACH, wijkteam=wijkteam)
    for c in ClientFactory.create_batch(n, wijkteam=wijkteam):
        ProfileFactory(client=c, author=coach)
        AssignmentFactory(client=c, decided_by=coach)
        TrajectoryFactory(client=c, created_by=coach)
    api = api_client_for(make_user(R.COORDINATOR, wijkteam=wijkteam))
    with django_assert_max_num_queries(8):
        response = api.get(f"{BASE}/{resource}", {"pageSize": 500})
    assert len(response.json()["results"]) == n


def test_profiles_are_never_changed_through_the_api(make_user, api_client_for, wijkteam):
    profile = ProfileFactory(client=ClientFactory(wijkteam=wijkteam))
    api = api_client_for(make_user(R.BEHEER))
    assert api.patch(f"{BASE}/profielen/{profile.pk}", {"trede": 6}, format="json").status_code == 405
    assert Profile.objects.get().trede == profile.trede
