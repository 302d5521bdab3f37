"""Pages: permission matrix for every page, the week grid (bulk, htmx, query counts), panels, overviews."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from django.urls import reverse
from django.utils import timezone

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.audit.models import AccessLog
from tegenprestatie import rules
from tegenprestatie.access import HOST_CONTACT
from tegenprestatie.models import Activity, HourLog, Placement, Sanction
from tests.factories import ClientFactory
from tests.tegenprestatie.factories import HostFactory, PlacementFactory, log_hours

pytestmark = pytest.mark.django_db

R = Role
ALL = [*Role, HOST_CONTACT]
READ = {R.COACH, R.COORDINATOR, R.BEHEER, HOST_CONTACT}
COACH = {R.COACH}
GET_PAGES = {
    # name: (url builder(placement, host), roles that get 200)
    "placement-list": (lambda pl, h: reverse("tegenprestatie:placement-list"), READ),
    "placement-detail": (lambda pl, h: reverse("tegenprestatie:placement-detail", args=[pl.pk]), READ),
    "week-grid": (lambda pl, h: reverse("tegenprestatie:week-grid"), {R.COACH, R.COORDINATOR, HOST_CONTACT}),
    "compliance": (lambda pl, h: reverse("tegenprestatie:compliance"), {R.COACH, R.COORDINATOR}),
    "overview": (lambda pl, h: reverse("tegenprestatie:overview"), {R.COORDINATOR, R.BEHEER}),
    "host-list": (lambda pl, h: reverse("tegenprestatie:host-list"), READ),
    "host-detail": (lambda pl, h: reverse("tegenprestatie:host-detail", args=[h.pk]), READ),
    "host-create": (lambda pl, h: reverse("tegenprestatie:host-create"), {R.COORDINATOR, R.BEHEER}),
    "host-edit": (lambda pl, h: reverse("tegenprestatie:host-edit", args=[h.pk]), {R.COORDINATOR, R.BEHEER}),
    "client-progress": (
        lambda pl, h: reverse("tegenprestatie:client-progress", args=[pl.client_id]),
        {R.COACH, R.COORDINATOR, R.BEHEER},
    ),
    "placement-create": (
        lambda pl, h: reverse("tegenprestatie:placement-create", args=[pl.client_id]),
        COACH,
    ),
    "exemption-create": (
        lambda pl, h: reverse("tegenprestatie:exemption-create", args=[pl.client_id]),
        COACH,
    ),
    "sanction-create": (lambda pl, h: reverse("tegenprestatie:sanction-create", args=[pl.client_id]), COACH),
}
POST_PAGES = {
    "placement-status": (lambda pl, h: reverse("tegenprestatie:placement-status", args=[pl.pk]), COACH),
    "host-declaration": (
        lambda pl, h: reverse("tegenprestatie:host-declaration", args=[h.pk]),
        {R.COORDINATOR, R.BEHEER},
    ),
    "week-grid": (lambda pl, h: reverse("tegenprestatie:week-grid"), {R.COACH, HOST_CONTACT}),
    "placement-hours": (lambda pl, h: reverse("tegenprestatie:placement-hours", args=[pl.pk]), COACH),
}


def login_as(client, make_user, role, wijkteam, host):
    user = make_user(role, wijkteam=wijkteam)
    if role == HOST_CONTACT:
        host.contact_users.add(user)
    client.force_login(user)
    return user


@pytest.mark.parametrize("role", [None, *ALL])
@pytest.mark.parametrize("page", sorted(GET_PAGES))
def test_page_permission_matrix(client, make_user, wijkteam, page, role):
    host = HostFactory()
    placement = PlacementFactory(client=ClientFactory(wijkteam=wijkteam), host=host)
    url_for, allowed = GET_PAGES[page]
    url = url_for(placement, host)
    if role is None:
        response = client.get(url)
        assert response.status_code == 302 and "/inloggen/" in response["Location"]
        return
    login_as(client, make_user, role, wijkteam, host)
    assert client.get(url).status_code == (200 if role in allowed else 403), (page, role)


@pytest.mark.parametrize("role", ALL)
@pytest.mark.parametrize("page", sorted(POST_PAGES))
def test_write_permission_matrix(client, make_user, wijkteam, page, role):
    host = HostFactory()
    placement = PlacementFactory(client=ClientFactory(wijkteam=wijkteam), host=host)
    url_for, allowed = POST_PAGES[page]
    login_as(client, make_user, role, wijkteam, host)
    response = client.post(url_for(placement, host), {})
    if role in allowed:
        assert response.status_code in (200, 302, 400), (page, role, response.status_code)
    else:
        assert response.status_code == 403, (page, role, response.status_code)


@pytest.mark.parametrize("role", [R.COACH, R.COORDINATOR])
def test_wijkteam_roles_get_404_for_a_placement_of_another_wijkteam(
    client, make_user, wijkteam, other_wijkteam, role
):
    elsewhere = PlacementFactory(client=ClientFactory(wijkteam=other_wijkteam))
    client.force_login(make_user(role, wijkteam=wijkteam))
    assert client.get(reverse("tegenprestatie:placement-detail", args=[elsewhere.pk])).status_code == 404
    assert (
        client.get(reverse("tegenprestatie:client-progress", args=[elsewhere.client_id])).status_code == 404
    )


def test_a_host_contact_sees_only_placements_at_their_host(client, host_contact, placement, wijkteam):
    other = PlacementFactory(client=ClientFactory(wijkteam=wijkteam))
    client.force_login(host_contact)
    body = client.get(reverse("tegenprestatie:placement-list")).content.decode()
    assert placement.client.full_name in body
    assert other.client.full_name not in body


def test_finance_sees_no_tegenprestatie_menu(client, make_user):
    client.force_login(make_user(R.FINANCE))
    assert "Uren" not in client.get(reverse("home")).content.decode().split("<main")[0]


# --------------------------------------------------------------------------- week grid


def grid_url(week: rules.IsoWeek) -> str:
    return reverse("tegenprestatie:week-grid") + f"?week={week.label}"


def grid_post(client, week, rows: dict, htmx: bool = False):
    data = {"week": week.label, "placement": [str(pk) for pk in rows]}
    for pk, (hours, attendance) in rows.items():
        data[f"hours-{pk}"] = hours
        data[f"attendance-{pk}"] = attendance
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(reverse("tegenprestatie:week-grid"), data, headers=headers)


W07 = rules.IsoWeek(2026, 7)


def test_the_grid_saves_a_week_for_several_clients(client, coach, wijkteam, host):
    placements = [PlacementFactory(client=ClientFactory(wijkteam=wijkteam), host=host) for _ in range(3)]
    client.force_login(coach)
    response = grid_post(client, W07, {pl.pk: ("6,5", "") for pl in placements})
    assert response.status_code == 302
    assert sorted(HourLog.objects.values_list("hours", flat=True)) == [D("6.5")] * 3
    body = client.get(grid_url(W07)).content.decode()
    assert "19,5 uur" in body  # the total under the grid


def test_the_grid_stores_nothing_when_one_row_is_wrong(client, coach, wijkteam, host):
    good, bad = (PlacementFactory(client=ClientFactory(wijkteam=wijkteam), host=host) for _ in range(2))
    client.force_login(coach)
    response = grid_post(client, W07, {good.pk: ("6", ""), bad.pk: ("21", "")})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Maximaal 20 uur per week: week 2026-W07 komt op 21 uur." in body
    assert "Er is niets opgeslagen" in body
    assert not HourLog.objects.exists()


def test_the_grid_answers_htmx_with_the_partial(client, coach, placement):
    client.force_login(coach)
    response = grid_post(client, W07, {placement.pk: ("4", "")}, htmx=True)
    body = response.content.decode()
    assert response.status_code == 200 and body.startswith('<div id="week-grid">') or 'id="week-grid"' in body
    assert "<html" not in body
    assert "1 regel(s) opgeslagen voor week 2026-W07" in body


def test_the_grid_refuses_text_that_is_no_number(client, coach, placement):
    client.force_login(coach)
    response = grid_post(client, W07, {placement.pk: ("veel", "")})
    assert response.status_code == 400 and "geen aantal uren" in response.content.decode()


def test_the_grid_is_read_only_for_the_coordinator(client, make_user, wijkteam, placement):
    client.force_login(make_user(R.COORDINATOR, wijkteam=wijkteam))
    body = client.get(grid_url(W07)).content.decode()
    assert placement.client.full_name in body and f'name="hours-{placement.pk}"' not in body


def _grid_clients(n, wijkteam, host):
    for _ in range(n):
        pl = PlacementFactory(client=ClientFactory(wijkteam=wijkteam), host=host)
        log_hours(pl, W07, "4")
        log_hours(pl, W07.shift(-1), "4")


@pytest.mark.parametrize("clients", [10, 300])
def test_the_week_grid_has_a_constant_number_of_queries(
    client, coach, wijkteam, host, clients, django_assert_max_num_queries
):
    _grid_clients(clients, wijkteam, host)
    client.force_login(coach)
    with django_assert_max_num_queries(12):
        response = client.get(grid_url(W07))
    assert response.content.decode().count('name="placement"') == clients


@pytest.mark.parametrize("clients", [10, 300])
def test_saving_the_grid_has_a_constant_number_of_queries(
    client, coach, wijkteam, host, clients, django_assert_max_num_queries
):
    _grid_clients(clients, wijkteam, host)
    ids = list(Placement.objects.values_list("pk", flat=True))
    client.force_login(coach)
    with django_assert_max_num_queries(40):
        response = grid_post(client, W07, {pk: ("5", "") for pk in ids}, htmx=True)
    assert response.status_code == 200
    assert HourLog.objects.filter(week_start=W07.monday, hours=D("5")).count() == clients


# --------------------------------------------------------------------------- client pages


def test_placement_create_page_refuses_a_host_without_declaration(client, coach, client_in_team, in_group):
    in_group(client_in_team)
    host = HostFactory(declaration_signed_on=None, declaration_signed_by="")
    client.force_login(coach)
    activity_id = Activity.objects.get(code="buurthuis").pk
    response = client.post(
        reverse("tegenprestatie:placement-create", args=[client_in_team.pk]),
        {
            "self_chosen": "0",
            "activity": activity_id,
            "host": host.pk,
            "phase": "2",
            "agreed_hours": "8",
            "start_date": "2026-03-02",
        },
    )
    assert response.status_code == 400
    assert "geen verdringingsverklaring" in response.content.decode()
    assert not Placement.objects.exists()


def test_sanction_page_shows_the_policy_and_requires_the_account(client, coach, placement):
    client.force_login(coach)
    url = reverse("tegenprestatie:sanction-create", args=[placement.client_id])
    assert "20%" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "offence_on": "2026-02-01",
            "reason": "Niet verschenen",
            "culpability": "volledig",
            "urgent_reasons": "geen",
            "circumstances": "geen",
            "client_account": "",
            "percentage": "20",
        },
    )
    assert response.status_code == 400 and not Sanction.objects.exists()


def test_client_progress_shows_weeks_used_and_logs_the_read(client, coach, placement):
    for n in (2, 3, 4):
        log_hours(placement, rules.IsoWeek(2026, n), "6")
    client.force_login(coach)
    body = client.get(reverse("tegenprestatie:client-progress", args=[placement.client_id]) + "?jaar=2026")
    assert "3 van 44" in body.content.decode()
    assert AccessLog.objects.filter(user=coach, client=placement.client).exists()


def test_the_client_panel_renders_on_the_client_page(client, coach, placement):
    client.force_login(coach)
    panel_url = reverse("cases:client-panel", args=[placement.client_id, "tegenprestatie"])
    assert (
        panel_url in client.get(reverse("cases:client-detail", args=[placement.client_id])).content.decode()
    )
    body = client.get(panel_url).content.decode()
    assert 'data-panel="tegenprestatie"' in body and "Helpen in het buurthuis" in body


@pytest.mark.parametrize("history", [1, 20])
def test_the_client_panel_has_a_constant_number_of_queries(
    coach, placement, history, django_assert_max_num_queries
):
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    for n in range(1, history + 1):
        log_hours(placement, rules.IsoWeek(2026, n), "3")
        Sanction.objects.create(
            client=placement.client,
            offence_on=date(2026, 1, 1),
            reason="x",
            culpability="geen",
            urgent_reasons="x",
            circumstances="x",
            client_account="x",
            standard_percentage=D("20"),
            level="eerste",
            percentage=D("0"),
            months=1,
            decided_on=date(2026, 1, 2),
        )
    request = RequestFactory().get("/")
    request.user = coach
    coach._role_cache = frozenset({"coach"})
    with django_assert_max_num_queries(5):
        html = render_to_string(
            "tegenprestatie/_client_panel.html", {"client": placement.client, "request": request}
        )
    assert "Helpen in het buurthuis" in html


def test_compliance_flags_missed_weeks_and_no_shows(client, coach, wijkteam, host):
    today = timezone.localdate()
    last = rules.IsoWeek.of(today).shift(-1)
    pl = PlacementFactory(
        client=ClientFactory(wijkteam=wijkteam), host=host, start_date=last.shift(-2).monday
    )
    log_hours(pl, last, "0", attendance=rules.NO_SHOW)
    client.force_login(coach)
    body = client.get(reverse("tegenprestatie:compliance")).content.decode()
    assert pl.client.full_name in body
    assert last.shift(-1).label in body and last.label in body


def test_overview_counts_per_wijkteam_and_phase_and_lists_hosts_without_declaration(
    client, make_user, wijkteam
):
    HostFactory(name="Kringloop Zonder Verklaring", declaration_signed_on=None, declaration_signed_by="")
    for phase in (1, 2, 2):
        PlacementFactory(client=ClientFactory(wijkteam=wijkteam), phase=phase)
    client.force_login(make_user(R.COORDINATOR, wijkteam=wijkteam))
    response = client.get(reverse("tegenprestatie:overview") + f"?jaar={timezone.localdate().year}")
    body = response.content.decode()
    assert "Kringloop Zonder Verklaring" in body
    row = [r["phases"] for r in response.context["team_rows"]]
    assert row == [[1, 2, 0]]


def test_a_coordinator_records_a_declaration(client, make_user, wijkteam):
    host = HostFactory(declaration_signed_on=None, declaration_signed_by="")
    client.force_login(make_user(R.COORDINATOR, wijkteam=wijkteam))
    response = client.post(
        reverse("tegenprestatie:host-declaration", args=[host.pk]),
        {"signed_on": "2026-01-05", "signed_by": "A. Smit, voorzitter"},
    )
    assert response.status_code == 302
    host.refresh_from_db()
    assert host.has_declaration


def test_a_coach_starts_a_placement_from_the_form(client, coach, client_in_team, in_group, host):
    in_group(client_in_team)
    client.force_login(coach)
    response = client.post(
        reverse("tegenprestatie:placement-create", args=[client_in_team.pk]),
        {
            "self_chosen": "0",
            "activity": Activity.objects.get(code="groenploeg").pk,
            "host": host.pk,
            "phase": "1",
            "agreed_hours": "7,5",
            "start_date": "2026-03-02",
            "activate": "on",
        },
    )
    placement = Placement.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/plaatsingen/{placement.pk}/")
    assert (placement.status, placement.agreed_hours, placement.phase) == (rules.ACTIVE, D("7.5"), 1)


def test_ending_a_placement_without_reason_shows_the_error_next_to_the_field(client, coach, placement):
    client.force_login(coach)
    url = reverse("tegenprestatie:placement-status", args=[placement.pk])
    response = client.post(url, {"new_status": rules.ENDED, "on": "2026-05-01", "end_reason": ""})
    assert response.status_code == 400 and "Geef de reden van beëindiging." in response.content.decode()
    response = client.post(url, {"new_status": rules.ENDED, "on": "2026-05-01", "end_reason": "werk"})
    placement.refresh_from_db()
    assert response.status_code == 302 and (placement.status, placement.end_date) == (
        rules.ENDED,
        date(2026, 5, 1),
    )


def test_a_coach_records_an_exemption(client, coach, client_in_team):
    client.force_login(coach)
    response = client.post(
        reverse("tegenprestatie:exemption-create", args=[client_in_team.pk]),
        {
            "kind": "mantelzorg",
            "start_date": "2026-03-01",
            "end_date": "2026-08-31",
            "reason": "Zorg voor partner",
        },
    )
    assert response.status_code == 302
    assert client_in_team.tp_exemptions.get().kind == "mantelzorg"


def test_a_coach_cannot_place_a_client_of_another_wijkteam(client, coach, client_elsewhere):
    client.force_login(coach)
    assert (
        client.get(reverse("tegenprestatie:placement-create", args=[client_elsewhere.pk])).status_code == 404
    )


def test_the_display_name_comes_from_one_place(client, coach, monkeypatch):
    monkeypatch.setattr("tegenprestatie.terms.TERM", "Maatschappelijke participatie")
    client.force_login(coach)
    body = client.get(reverse("tegenprestatie:placement-list")).content.decode()
    assert "Maatschappelijke participatie: plaatsingen" in body


def test_due_work_flags_missed_weeks_and_clients_near_the_cap(coach, wijkteam, host):
    from tegenprestatie import selectors

    today = timezone.localdate()
    last = rules.IsoWeek.of(today).shift(-1)
    missing = PlacementFactory(
        client=ClientFactory(wijkteam=wijkteam), host=host, start_date=last.shift(-1).monday
    )
    log_hours(missing, last, "0", attendance=rules.NO_SHOW)
    busy = PlacementFactory(
        client=ClientFactory(wijkteam=wijkteam), host=host, start_date=date(last.year, 1, 1)
    )
    for n in range(1, 42):
        log_hours(busy, rules.IsoWeek(last.year, n), "2")
    items = {(i["kind"], i["client_id"]): i for i in selectors.due_work(today)}
    assert ("missed", missing.client_id) in items
    assert f"1× niet verschenen ({last.label})" in items[("missed", missing.client_id)]["message"]
    assert items[("near_cap", busy.client_id)]["message"].endswith(
        f"41 van 44 weken met uren in {last.year}."
    )


def test_the_grid_refuses_attendance_for_a_week_that_has_not_begun(client, coach, placement):
    client.force_login(coach)
    response = grid_post(client, rules.IsoWeek(2026, 50), {placement.pk: ("4", "aanwezig")})
    assert response.status_code == 400
    assert "Week 2026-W50 begint pas op 07-12-2026" in response.content.decode()
    assert not HourLog.objects.exists()


def test_the_grid_names_the_hours_when_they_are_negative(client, coach, placement):
    client.force_login(coach)
    response = grid_post(client, W07, {placement.pk: ("-3", "")})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Het aantal uren kan niet negatief zijn." in body
    assert "Kies aanwezig, afgemeld of niet verschenen." not in body


def test_compliance_does_not_count_the_current_week_as_closed(client, coach, wijkteam, host):
    current = rules.IsoWeek(2026, 49)  # today is Tuesday 01-12-2026 (conftest): the week is still running
    pl = PlacementFactory(client=ClientFactory(wijkteam=wijkteam), host=host, start_date=date(2026, 10, 5))
    for week in rules.weeks_between(rules.IsoWeek(2026, 41), current.shift(-1)):
        log_hours(pl, week, "4")
    log_hours(pl, current, "0", attendance=rules.NO_SHOW)
    client.force_login(coach)
    body = client.get(reverse("tegenprestatie:compliance")).content.decode()
    assert "Geen signalen: alle weken zijn geregistreerd." in body
    assert current.label not in body
