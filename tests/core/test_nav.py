"""The main navigation: one registry, filled by each app's ready(), filtered by role, one entry highlighted."""

from __future__ import annotations

import pytest
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.core.nav import NavEntry, NavRegistry, nav


def labels(items):
    return [i["label"] for i in items]


def current(items):
    return [i["label"] for i in items if i["current"]]


def test_an_app_adds_its_entry_with_one_line():
    registry = NavRegistry()
    registry.register(NavEntry("Bijstand", "home", roles=("coach",), order=5))
    assert labels(registry.for_user({"coach"})) == ["Bijstand"]
    assert registry.for_user({"financien"}) == []


def test_entries_are_filtered_by_role():
    coach = labels(nav.for_user({Role.COACH.value}))
    assert coach[:1] == ["Mijn werk"]
    assert "Cliënten" in coach and "Uren" in coach
    assert "BUIG-budget" not in coach and "Auditlog" not in coach
    finance = labels(nav.for_user({Role.FINANCE.value}))
    assert "BUIG-budget" in finance and "Cliënten" not in finance


def test_srt_staff_do_not_see_the_assignment_entry_of_beheer():
    assert "SRT-toewijzing" in labels(nav.for_user({"beheer"}))
    assert "SRT-toewijzing" not in labels(nav.for_user({"beheer", "srt"}))


def test_beheer_entries_are_in_their_own_menu():
    sections = {i["label"]: i["section"] for i in nav.for_user({"beheer"})}
    assert sections["Auditlog"] == sections["Taken"] == sections["API-tokens"] == "beheer"
    assert sections["Cliënten"] == "main"


@pytest.mark.parametrize(
    ("view_name", "expected"),
    [
        ("cases:toetsing", ["Toetsing"]),
        ("cases:client-detail", ["Cliënten"]),
        ("participation:dashboard", ["Participatie per wijkteam"]),
        ("participation:client", ["Participatie"]),
        ("tegenprestatie:week-grid", ["Uren"]),
        ("tegenprestatie:placement-detail", ["Tegenprestatie"]),
        ("jobs:inbox", ["Mijn werk"]),
        ("home", []),
    ],
)
def test_the_most_specific_entry_is_current(view_name, expected):
    roles = {"toetser", "coach", "coordinator"}
    assert current(nav.for_user(roles, view_name)) == expected


def test_the_page_marks_the_current_entry(client, make_user):
    client.force_login(make_user(Role.TOETSER))
    html = client.get(reverse("cases:toetsing")).content.decode()
    assert f'href="{reverse("cases:toetsing")}" aria-current="page"' in html
    assert html.count('aria-current="page"') == 1
