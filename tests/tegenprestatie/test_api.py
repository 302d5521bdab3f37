"""REST API: permission matrix per endpoint, scope in SQL, bulk week registration (all or nothing)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from almelo_sociaal.accounts.roles import Role
from tegenprestatie import rules
from tegenprestatie.access import HOST_CONTACT
from tegenprestatie.models import HourLog, Placement
from tests.factories import ClientFactory
from tests.tegenprestatie.factories import HostFactory, PlacementFactory, activity, log_hours

pytestmark = pytest.mark.django_db

R = Role
ALL = [*Role, HOST_CONTACT]
API_READ = {R.COACH, R.COORDINATOR, R.BEHEER, R.API_CLIENT, HOST_CONTACT}
BASE = "/api/v1/tegenprestatie"


def user_for(make_user, role, wijkteam, host):
    user = make_user(role, wijkteam=wijkteam)
    if role == HOST_CONTACT:
        host.contact_users.add(user)
    return user


READ_ENDPOINTS = {
    "placements": lambda pl: f"{BASE}/plaatsingen",
    "placement": lambda pl: f"{BASE}/plaatsingen/{pl.pk}",
    "hours": lambda pl: f"{BASE}/uren",
    "hosts": lambda pl: f"{BASE}/gastorganisaties",
}


@pytest.mark.parametrize("role", ALL)
@pytest.mark.parametrize("endpoint", sorted(READ_ENDPOINTS))
def test_read_permission_matrix(api_client_for, make_user, wijkteam, endpoint, role):
    host = HostFactory()
    placement = PlacementFactory(client=ClientFactory(wijkteam=wijkteam), host=host)
    api = api_client_for(user_for(make_user, role, wijkteam, host))
    response = api.get(READ_ENDPOINTS[endpoint](placement))
    assert response.status_code == (200 if role in API_READ else 403), (endpoint, role, response.status_code)


@pytest.mark.parametrize("role", ALL)
def test_week_registration_permission_matrix(api_client_for, make_user, wijkteam, role):
    host = HostFactory()
    placement = PlacementFactory(client=ClientFactory(wijkteam=wijkteam), host=host)
    api = api_client_for(user_for(make_user, role, wijkteam, host))
    response = api.post(
        f"{BASE}/uren/week",
        {"week": "2026-W07", "rows": [{"placement": placement.pk, "hours": "4"}]},
        format="json",
    )
    allowed = {R.COACH, HOST_CONTACT}
    assert response.status_code == (201 if role in allowed else 403), (role, response.status_code)


@pytest.mark.parametrize("role", ALL)
def test_placement_create_and_status_permission_matrix(api_client_for, make_user, wijkteam, role, in_group):
    host = HostFactory()
    subject = in_group(ClientFactory(wijkteam=wijkteam))
    placement = PlacementFactory(client=subject, host=host)
    api = api_client_for(user_for(make_user, role, wijkteam, host))
    created = api.post(
        f"{BASE}/plaatsingen",
        {
            "client": subject.pk,
            "activity": "bibliotheek",
            "host": host.pk,
            "self_chosen": False,
            "phase": 2,
            "agreed_hours": "4",
            "start_date": "2026-03-02",
        },
        format="json",
    )
    status = api.post(
        f"{BASE}/plaatsingen/{placement.pk}/status",
        {"new_status": "gepauzeerd", "on": "2026-03-02", "reason_text": "ziek"},
        format="json",
    )
    expected = (201, 200) if role == R.COACH else (403, 403)
    assert (created.status_code, status.status_code) == expected, role


def test_placements_of_another_wijkteam_never_leave_the_database(
    api_client_for, make_user, wijkteam, other_wijkteam
):
    mine = PlacementFactory(client=ClientFactory(wijkteam=wijkteam))
    theirs = PlacementFactory(client=ClientFactory(wijkteam=other_wijkteam))
    api = api_client_for(make_user(R.COACH, wijkteam=wijkteam))
    ids = [row["id"] for row in api.get(f"{BASE}/plaatsingen").json()["results"]]
    assert ids == [mine.pk]
    assert api.get(f"{BASE}/plaatsingen/{theirs.pk}").status_code == 404


def test_bulk_week_registration_stores_all_rows(api_client_for, coach, wijkteam, host):
    placements = [PlacementFactory(client=ClientFactory(wijkteam=wijkteam), host=host) for _ in range(4)]
    response = api_client_for(coach).post(
        f"{BASE}/uren/week",
        {
            "week": "2026-W07",
            "rows": [{"placement": pl.pk, "hours": "7.5"} for pl in placements],
        },
        format="json",
    )
    assert response.status_code == 201
    assert [row["hours"] for row in response.json()] == ["7.50"] * 4
    assert HourLog.objects.filter(iso_year=2026, iso_week=7).count() == 4


def test_bulk_week_registration_with_one_bad_row_stores_nothing_and_names_it(
    api_client_for, coach, wijkteam, host
):
    placements = [PlacementFactory(client=ClientFactory(wijkteam=wijkteam), host=host) for _ in range(3)]
    rows = [{"placement": pl.pk, "hours": "6"} for pl in placements]
    rows[2]["hours"] = "20.5"
    response = api_client_for(coach).post(
        f"{BASE}/uren/week", {"week": "2026-W07", "rows": rows}, format="json"
    )
    assert response.status_code == 400
    body = response.json()
    name = placements[2].client.full_name
    assert body["code"] == "max_uren_week"
    assert body["message"] == (
        f"Rij 3 ({name}, Helpen in het buurthuis): Maximaal 20 uur per week: week 2026-W07 komt op 20,5 uur."
    )
    assert list(body["fields"]) == ["rows.2.hours"]
    assert not HourLog.objects.exists()


def test_bulk_registration_names_a_row_outside_the_placement_period(api_client_for, coach, placement):
    response = api_client_for(coach).post(
        f"{BASE}/uren/week",
        {
            "week": "2025-W50",
            "rows": [{"placement": placement.pk, "hours": "4"}],
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["fields"]["rows.0.week"][0]["code"] == "buiten_plaatsingsperiode"


def test_bulk_registration_refuses_a_malformed_week(api_client_for, coach, placement):
    response = api_client_for(coach).post(
        f"{BASE}/uren/week",
        {
            "week": "week 7",
            "rows": [{"placement": placement.pk, "hours": "4"}],
        },
        format="json",
    )
    assert response.status_code == 400 and response.json()["code"] == "week_ongeldig"


def test_api_and_ui_give_the_same_45th_week_message(api_client_for, coach, placement):
    for n in range(1, 45):
        log_hours(placement, rules.IsoWeek(2026, n), "2")
    response = api_client_for(coach).post(
        f"{BASE}/uren/week",
        {
            "week": "2026-W45",
            "rows": [{"placement": placement.pk, "hours": "2"}],
        },
        format="json",
    )
    assert (
        "Maximaal 44 weken per kalenderjaar: 2026 komt met week 2026-W45 op 45 weken met uren."
        in (response.json()["message"])
    )


def test_placement_create_via_api_refuses_a_host_without_declaration(
    api_client_for, coach, client_in_team, in_group
):
    in_group(client_in_team)
    host = HostFactory(declaration_signed_on=None, declaration_signed_by="")
    response = api_client_for(coach).post(
        f"{BASE}/plaatsingen",
        {
            "client": client_in_team.pk,
            "activity": "buurthuis",
            "host": host.pk,
            "self_chosen": False,
            "phase": 1,
            "agreed_hours": "6",
            "start_date": "2026-03-02",
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "geen_verdringingsverklaring"
    assert not Placement.objects.exists()


@pytest.mark.parametrize("count", [5, 60])
def test_placement_list_has_a_constant_number_of_queries(
    api_client_for, coach, wijkteam, host, count, django_assert_max_num_queries
):
    for _ in range(count):
        PlacementFactory(client=ClientFactory(wijkteam=wijkteam), host=host, activity=activity("groenploeg"))
    api = api_client_for(coach)
    with django_assert_max_num_queries(6):
        response = api.get(f"{BASE}/plaatsingen?pageSize=100")
    assert len(response.json()["results"]) == count


def test_hour_list_filters_by_week(api_client_for, coach, placement):
    log_hours(placement, rules.IsoWeek(2026, 7), D("4"))
    log_hours(placement, rules.IsoWeek(2026, 8), D("5"))
    rows = api_client_for(coach).get(f"{BASE}/uren?iso_year=2026&iso_week=8").json()["results"]
    assert [(r["week"], r["hours"]) for r in rows] == [("2026-W08", "5.00")]


def test_bulk_registration_refuses_attendance_for_a_week_that_has_not_begun(api_client_for, coach, placement):
    response = api_client_for(coach).post(
        f"{BASE}/uren/week",
        {"week": "2026-W50", "rows": [{"placement": placement.pk, "hours": "4"}]},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["fields"]["rows.0.week"][0]["code"] == "week_niet_begonnen"
    assert not HourLog.objects.exists()
