"""The read log cannot miss: every URL pattern (pages, htmx fragments, API lists, details and actions, the
admin), called as every role, with a marker client in that role's scope. A response that shows the marker's
name or BSN must leave an access-log row for the marker, for that user. The URLs are discovered like the
authorisation matrix (the Django resolver and the DRF router), so a new URL is walked without an entry here.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
import time_machine
from django.test import Client as Browser
from django.urls import get_resolver, reverse
from rest_framework.test import APIClient

from almelo_sociaal.accounts.models import ApiToken
from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.accounts.scopes import SCOPES
from almelo_sociaal.audit.models import AccessLog
from cases.models import ClientEvent, Contact, LeefgebiedScore
from operations.jobs.models import WorkItem
from srt.models import SrtAssignment
from tegenprestatie import rules as tp_rules
from tegenprestatie.models import Exemption, Sanction
from tests.factories import AanvraagFactory, ClientFactory, DossierFactory, UserFactory, WijkteamFactory
from tests.participation.factories import AssignmentFactory, ProfileFactory, TrajectoryFactory
from tests.security.test_authorisation_matrix import ROLE_LETTERS, _methods, _walk
from tests.srt.factories import InvestigationFactory, SignalFactory
from tests.tegenprestatie.factories import HostFactory, PlacementFactory, log_hours

pytestmark = pytest.mark.django_db

MARKER_SURNAME = "Leesspoorman"
MARKER_FIRST = "Quirijntje"
MISSING = "999999"
TODAY = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)  # a Wednesday in ISO week 10
LOGOUT_KEYS = {"GET logout", "POST logout", "POST security:logout-everywhere"}


@pytest.fixture
def world(db):
    """A marker client in every role's scope, with every kind of record about them."""
    with time_machine.travel(TODAY, tick=False):
        team = WijkteamFactory(code="leeslog", name="Leeslogwijk")
        users = {}
        for letter, role in ROLE_LETTERS.items():
            users[letter] = UserFactory(
                roles=[role], wijkteam=team, password=None, is_staff=letter == "B", is_superuser=letter == "B"
            )
        marker = ClientFactory(
            wijkteam=team, coach=users["C"], voornamen=MARKER_FIRST, achternaam=MARKER_SURNAME
        )
        aanvraag = AanvraagFactory(client=marker, consulent=users["I"], aanvraagdatum=date(2026, 1, 5))
        LeefgebiedScore.objects.create(aanvraag=aanvraag, leefgebied="verslaving", score=2)
        dossier = DossierFactory(client=marker, aanvraag=aanvraag)
        Contact.objects.create(client=marker, date=date(2026, 2, 2), kind="gesprek", summary="Gesprek.")
        ClientEvent.objects.create(client=marker, kind="contact", text="Gesprek gevoerd")
        profile = ProfileFactory(client=marker, author=users["C"])
        assignment = AssignmentFactory(client=marker, profile=profile, decided_by=users["C"])
        trajectory = TrajectoryFactory(client=marker, created_by=users["C"])
        host = HostFactory(wijkteam=team)
        host.contact_users.add(users["H"])
        placement = PlacementFactory(client=marker, host=host, start_date=date(2026, 1, 5))
        hourlog = log_hours(placement, tp_rules.IsoWeek(2026, 9), "8")
        exemption = Exemption.objects.create(
            client=marker,
            kind="medisch",
            start_date=date(2026, 6, 1),
            end_date=date(2026, 8, 31),
            reason="Operatie.",
            recorded_by=users["C"],
        )
        sanction = Sanction.objects.create(
            client=marker,
            placement=placement,
            offence_on=date(2026, 2, 9),
            reason="Niet verschenen.",
            culpability="verwijtbaar",
            urgent_reasons="Geen.",
            circumstances="Geen.",
            client_account="Vergeten.",
            standard_percentage=Decimal("5"),
            level="eerste",
            percentage=Decimal("5"),
            months=1,
            decided_on=date(2026, 2, 20),
            decided_by=users["C"],
        )
        signal = SignalFactory(client=marker)
        investigation = InvestigationFactory(client=marker, running=True)
        SrtAssignment.objects.create(investigation=investigation, user=users["S"])
        for role in Role:
            WorkItem.objects.create(
                kind=WorkItem.Kind.OUT_OF_VIEW,
                subject_key=f"client:{marker.pk}:{role.value}",
                role=role.value,
                wijkteam=team,
                client=marker,
                message=f"{marker.full_name}: nog geen contact",
                due_on=date(2026, 3, 4),
                first_seen=date(2026, 3, 1),
                last_seen=date(2026, 3, 4),
            )
        _, key = ApiToken.issue(user=users["A"], name="leeslog", scopes=list(SCOPES))
    return dict(
        users=users,
        token=key,
        client=marker,
        aanvraag=aanvraag,
        dossier=dossier,
        profile=profile,
        assignment=assignment,
        trajectory=trajectory,
        host=host,
        placement=placement,
        hourlog=hourlog,
        exemption=exemption,
        sanction=sanction,
        signal=signal,
        investigation=investigation,
        contact=Contact.objects.get(client=marker),
        workitem=WorkItem.objects.filter(client=marker).first(),
    )


# ------------------------------------------------------------------------------- which object a URL is about
UI_OBJECT = [  # (url name prefix, object) for the first argument of a page
    ("cases:aanvraag-detail", "aanvraag"),
    ("cases:dossier-end", "dossier"),
    ("cases:", "client"),
    ("participation:trajectory-close", "trajectory"),
    ("participation:", "client"),
    ("tegenprestatie:placement-create", "client"),
    ("tegenprestatie:exemption-create", "client"),
    ("tegenprestatie:sanction-create", "client"),
    ("tegenprestatie:placement-", "placement"),
    ("tegenprestatie:host-", "host"),
    ("tegenprestatie:client-progress", "client"),
    ("srt:signal-", "signal"),
    ("srt:investigation-", "investigation"),
    ("srt:boete-proposal", "investigation"),
    ("srt:client-marker", "client"),
]
API_OBJECT = [
    ("client-", "client"),
    ("aanvraag-", "aanvraag"),
    ("dossier-", "dossier"),
    ("participation-profile-", "profile"),
    ("participation-assignment-", "assignment"),
    ("participation-trajectory-", "trajectory"),
    ("tp-host-", "host"),
    ("tp-placement-", "placement"),
    ("tp-hourlog-", "hourlog"),
    ("srt-signal-", "signal"),
    ("srt-investigation-", "investigation"),
]
ADMIN_OBJECT = {
    "cases_client": "client",
    "cases_aanvraag": "aanvraag",
    "cases_uitkeringsdossier": "dossier",
    "cases_contact": "contact",
    "participation_profile": "profile",
    "participation_groupassignment": "assignment",
    "participation_trajectory": "trajectory",
    "tegenprestatie_hostorganisation": "host",
    "jobs_workitem": "workitem",
}


def _object_id(kind: str, name: str, world) -> str:
    if kind == "admin":
        model = re.sub(r"^admin:|_(change|history|delete)$", "", name)
        key = ADMIN_OBJECT.get(model)
    else:
        table = UI_OBJECT if kind == "ui" else API_OBJECT
        key = next((obj for prefix, obj in table if name.startswith(prefix)), None)
    return str(world[key].pk) if key else MISSING


def _paths(route: str, kind: str, name: str, world) -> list[str]:
    object_id = _object_id(kind, name, world)
    if "<slug:name>" in route:  # the client page's panels
        routes = [route.replace("<slug:name>", panel) for panel in ("participatie", "tegenprestatie")]
    else:
        routes = [route]
    paths = []
    for r in routes:
        path = re.sub(r"\(\?P<year>[^)]*\)", "2026", r)
        path = re.sub(r"\(\?P<code>[^)]*\)", "scholing", path)
        path = re.sub(r"\(\?P<\w+>[^)]*\)", object_id, path)
        path = re.sub(r"<int:year>", "2026", path)
        path = re.sub(r"<(?:\w+:)?\w+>", object_id, path)
        paths.append("/" + path.replace("^", "").replace("$", ""))
    return paths


def calls(world) -> list[tuple[str, str, str, str]]:
    """(kind, key, method, path) for every URL pattern; the admin with its object pages."""
    found = []
    for route, name, callback in _walk(get_resolver().url_patterns):
        if "format" in route or name in ("?", "admin:view_on_site"):
            continue
        if route.startswith("beheer/"):
            model = re.sub(r"^admin:|_(change|history|delete)$", "", name)
            if name == "admin:app_list":
                route = re.sub(r"\(\?P<app_label>[^)]*\)", "cases", route)
            elif "<" in route and model not in ADMIN_OBJECT:
                continue  # object pages of models that carry no client data
            found.extend(("admin", f"GET {name}", "GET", p) for p in _paths(route, "admin", name, world))
            continue
        kind = "api" if route.startswith("api/") else "ui"
        for method in _methods(callback):
            if kind == "ui" and method not in ("GET", "POST"):
                continue
            found.extend((kind, f"{method} {name}", method, p) for p in _paths(route, kind, name, world))
    return found


# ------------------------------------------------------------------------------------------------ the walk
def _shows_marker(response, world) -> bool:
    body = response.content.decode("utf-8", "replace") if not response.streaming else ""
    return MARKER_SURNAME in body or world["client"].bsn in body


def _caller(kind: str, letter: str, world):
    user = world["users"][letter]
    if kind == "api":
        client = APIClient()
        if letter == "A":
            client.credentials(HTTP_AUTHORIZATION=f"Token {world['token']}")
        else:
            client.force_authenticate(user)
        return client
    browser = Browser()
    browser.force_login(user)
    return browser


def _walk_as_every_role(kind: str, world) -> tuple[list[str], int]:
    misses, shown = [], 0
    todo = [c for c in calls(world) if c[0] == kind]
    todo.sort(key=lambda c: c[1] in LOGOUT_KEYS)  # logging out last
    letters = "B" if kind == "admin" else "".join(ROLE_LETTERS)
    callers = {letter: _caller(kind, letter, world) for letter in letters}
    marker = world["client"]
    with time_machine.travel(TODAY, tick=False):
        for _, key, method, path in todo:
            for letter in letters:
                user = world["users"][letter]
                client = _caller(kind, letter, world) if key in LOGOUT_KEYS else callers[letter]
                before = AccessLog.objects.filter(user=user, client_id=marker.pk).count()
                if method == "GET":
                    response = client.get(path)
                else:
                    response = getattr(client, method.lower())(path, {})
                if not _shows_marker(response, world):
                    continue
                shown += 1
                if AccessLog.objects.filter(user=user, client_id=marker.pk).count() <= before:
                    misses.append(f"{key} {path} as {letter} ({response.status_code})")
    return misses, shown


@pytest.mark.parametrize("kind", ["ui", "api", "admin"])
def test_every_response_showing_a_client_leaves_an_access_log_row(world, kind, caplog):
    caplog.set_level("WARNING", logger="almelo_sociaal.audit.middleware")
    misses, shown = _walk_as_every_role(kind, world)
    untraced = [r.getMessage() for r in caplog.records if r.name == "almelo_sociaal.audit.middleware"]
    assert not untraced, "personal data read without its client id:\n" + "\n".join(sorted(set(untraced)))
    assert shown > {"ui": 50, "api": 20, "admin": 8}[kind], "the walk saw too few pages with the marker"
    assert not misses, "responses with the marker client and no access-log row:\n" + "\n".join(misses)


# ------------------------------------------------------------------------------------------ the searches
def test_a_search_by_bsn_logs_the_client_it_found(client, make_user, world):
    user, marker = world["users"]["I"], world["client"]
    client.force_login(user)
    response = client.post(reverse("cases:client-search"), {"q": marker.bsn})
    assert response.status_code == 302 and marker.bsn not in response["Location"]
    body = client.get(response["Location"]).content.decode()
    assert MARKER_SURNAME in body
    entry = AccessLog.objects.get(user=user)
    assert (entry.client_id, entry.action, entry.purpose) == (marker.pk, "search", "GET cases:client-search")
    assert marker.bsn not in f"{entry.object_type} {entry.object_id} {entry.purpose}"


def test_an_api_search_by_bsn_logs_the_client_it_found(world):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {world['token']}")
    marker = world["client"]
    with time_machine.travel(TODAY, tick=False):  # the token was issued then and expires a year later
        assert api.post("/api/v1/clienten/zoeken", {"bsn": marker.bsn}, format="json").status_code == 200
    entry = AccessLog.objects.get(user=world["users"]["A"])
    assert (entry.client_id, entry.action) == (marker.pk, "search")
