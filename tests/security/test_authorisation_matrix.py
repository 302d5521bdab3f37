"""The global authorisation guard: every URL pattern and every API endpoint, called as every identity, against
one policy table. A URL without an entry fails the suite (add it when you add the URL); an entry whose URL is gone
fails too. The per-app permission matrices stay; this one catches what falls between them.

Identities (one letter each):
  "-" anonymous   I intaker   C coach   T toetser   M matcher   K coordinator   S srt   F financien   B beheer
  H gastorganisatie   A api_client role logged in with a session (no scopes)   Y API token without scopes
  Z API token with every scope of the catalogue
A policy value lists the identities that are let through; everyone else must be refused: 401/403, or a redirect
to a login page (the login, the admin login or the second-factor page). Objects are addressed with ids that do
not exist: an allowed identity may then get 404, a refused one must be refused before the lookup.

Scopes (``test_scope_matrix``): for every API endpoint a token holds exactly the scopes the endpoint declares, and
once every scope but those; the first is let through wherever Z is, the second refused.
"""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.test import APIClient

from almelo_sociaal.accounts.models import ApiToken
from almelo_sociaal.accounts.permissions import scopes_for
from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.accounts.scopes import SCOPES

ROLE_LETTERS = {
    "I": Role.INTAKER,
    "C": Role.COACH,
    "T": Role.TOETSER,
    "M": Role.MATCHER,
    "K": Role.COORDINATOR,
    "S": Role.SRT,
    "F": Role.FINANCE,
    "B": Role.BEHEER,
    "H": Role.HOST_CONTACT,
    "A": Role.API_CLIENT,
}
IDENTITIES = "-" + "".join(ROLE_LETTERS) + "YZ"
PUBLIC = IDENTITIES
LOGGED_IN = "".join(ROLE_LETTERS)
LOGIN_PATHS = ("/inloggen/", "/beheer/login/", "/account/code/")
MISSING_ID = "999999"

# ----------------------------------------------------------------------------------------- the policy
UI = {
    "GET home": "ABCFHIKMST",
    "GET healthz": PUBLIC,
    "GET login": PUBLIC,
    "POST login": PUBLIC,
    "GET logout": LOGGED_IN,
    "POST logout": LOGGED_IN,
    "GET security:account": "ABCFHIKMST",
    "POST security:account": "ABCFHIKMST",
    "GET security:otp-verify": LOGGED_IN,
    "POST security:otp-verify": LOGGED_IN,
    "POST security:logout-everywhere": "ABCFHIKMST",
    "GET security:api-tokens": "B",
    "POST security:api-tokens": "B",
    "POST security:api-token-revoke": "B",
    "GET audit-log": "B",
    "POST audit-log": "B",  # the search by name or BSN is POSTed
    "GET jobs:inbox": "BCFIKMT",
    "GET jobs:status": "B",
    "POST jobs:status": "B",
    "GET dashboards:coordinator": "BK",
    "GET dashboards:management": "BFK",
    "GET cases:client-search": "BCIKMST",
    "POST cases:client-search": "BCIKMST",
    "GET cases:client-create": "BCI",
    "POST cases:client-create": "BCI",
    "GET cases:client-detail": "BCIKMST",
    "GET cases:client-panel": "BCIKMST",
    "GET cases:client-edit": "BCI",
    "POST cases:client-edit": "BCI",
    "GET cases:client-move": "BK",
    "POST cases:client-move": "BK",
    "GET cases:aanvraag-create": "CI",
    "POST cases:aanvraag-create": "CI",
    "POST cases:contact-create": "CIM",
    "GET cases:aanvraag-detail": "BCIKMST",
    "POST cases:aanvraag-detail": "CIT",
    "GET cases:overdue": "BCIKT",
    "GET cases:toetsing": "T",
    "POST cases:dossier-end": "BC",
    "GET bijstand:what-if": "BCIT",
    "POST bijstand:what-if": "BCIT",
    "GET bijstand:household": "BCIKST",
    "POST bijstand:member-add": "BCI",
    "POST bijstand:member-end": "BCI",
    "POST bijstand:income-add": "BCI",
    "POST bijstand:income-end": "BCI",
    "POST bijstand:vermogen": "BCI",
    "POST bijstand:omstandigheden": "BCI",
    "POST bijstand:stay-abroad": "BCI",
    "GET bijstand:calculation": "BCIKST",
    "POST bijstand:calculation-store": "BCI",
    "GET participation:list": "BCIKM",
    "GET participation:dashboard": "BK",
    "GET participation:instruments": "BCIKM",
    "GET participation:client": "BCIKM",
    "GET participation:profile-create": "BC",
    "POST participation:profile-create": "BC",
    "GET participation:assign": "BC",
    "POST participation:assign": "BC",
    "GET participation:trajectory-create": "BC",
    "POST participation:trajectory-create": "BC",
    "GET participation:trajectory-close": "BC",
    "POST participation:trajectory-close": "BC",
    "GET tegenprestatie:placement-list": "BCHK",
    "GET tegenprestatie:placement-detail": "BCHK",
    "POST tegenprestatie:placement-status": "C",
    "POST tegenprestatie:placement-hours": "C",
    "GET tegenprestatie:week-grid": "CHK",
    "POST tegenprestatie:week-grid": "CH",
    "GET tegenprestatie:compliance": "CK",
    "GET tegenprestatie:overview": "BK",
    "GET tegenprestatie:host-list": "BCHK",
    "GET tegenprestatie:host-create": "BK",
    "POST tegenprestatie:host-create": "BK",
    "GET tegenprestatie:host-detail": "BCHK",
    "GET tegenprestatie:host-edit": "BK",
    "POST tegenprestatie:host-edit": "BK",
    "POST tegenprestatie:host-declaration": "BK",
    "GET tegenprestatie:client-progress": "BCK",
    "GET tegenprestatie:placement-create": "C",
    "POST tegenprestatie:placement-create": "C",
    "GET tegenprestatie:exemption-create": "C",
    "POST tegenprestatie:exemption-create": "C",
    "GET tegenprestatie:sanction-create": "C",
    "POST tegenprestatie:sanction-create": "C",
    "GET budget:overview": "BFK",
    "GET budget:year-create": "F",
    "POST budget:year-create": "F",
    "GET budget:year": "BFK",
    "GET budget:uitgangspunt": "F",
    "POST budget:uitgangspunt": "F",
    "GET budget:revision-create": "F",
    "POST budget:revision-create": "F",
    "GET budget:realisation-create": "F",
    "POST budget:realisation-create": "F",
    "POST budget:srt-book": "F",
    "POST budget:recompute": "F",
    "GET budget:export": "BFK",
    "GET budget:revision-correct": "F",
    "POST budget:revision-correct": "F",
    "GET budget:realisation-reverse": "F",
    "POST budget:realisation-reverse": "F",
    "GET srt:investigations": "S",
    "GET srt:signals": "S",
    "GET srt:signal-create": "S",
    "POST srt:signal-create": "S",
    "GET srt:signal-detail": "S",
    "POST srt:signal-detail": "S",
    "GET srt:investigation-detail": "S",
    "GET srt:investigation-start": "S",
    "POST srt:investigation-start": "S",
    "GET srt:investigation-link": "S",
    "POST srt:investigation-link": "S",
    "GET srt:investigation-note": "S",
    "POST srt:investigation-note": "S",
    "GET srt:investigation-document": "S",
    "POST srt:investigation-document": "S",
    "GET srt:investigation-outcome": "S",
    "POST srt:investigation-outcome": "S",
    "POST srt:boete-proposal": "S",
    "GET srt:assignments": "BS",
    "GET srt:investigation-assign": "BS",
    "POST srt:investigation-assign": "BS",
    "GET srt:report": "FKS",
    "GET srt:report-csv": "FKS",
    "GET srt:report-xlsx": "FKS",
    "GET srt:client-marker": "CS",
}

API = {
    "GET api-me": "ABCFHIKMSTYZ",
    # public (NL API Design Rules: the OpenAPI document without login): the landing resource, the document, its page
    "GET api-root": "-ABCFHIKMSTYZ",
    "GET api-schema": "-ABCFHIKMSTYZ",
    "GET api-schema-yaml": "-ABCFHIKMSTYZ",
    "GET api-docs": "-ABCFHIKMSTYZ",
    "GET wijkteam-list": "BCFIKMSTZ",
    "GET wijkteam-detail": "BCFIKMSTZ",
    "GET client-list": "BCIKMSTZ",
    "POST client-list": "BCI",
    "POST client-zoeken": "BCIKMSTZ",
    "GET client-detail": "BCIKMSTZ",
    "PUT client-detail": "BCI",
    "PATCH client-detail": "BCI",
    "POST client-assign-coach": "BCI",
    "POST client-move": "BK",
    "GET aanvraag-list": "BCIKMSTZ",
    "POST aanvraag-list": "CI",
    "GET aanvraag-detail": "BCIKMSTZ",
    "POST aanvraag-approve": "T",
    "POST aanvraag-draft": "CI",
    "POST aanvraag-return-draft": "T",
    "POST aanvraag-start": "CI",
    "POST aanvraag-withdraw": "CI",
    "GET dossier-list": "BCIKMSTZ",
    "GET dossier-detail": "BCIKMSTZ",
    "POST dossier-end": "BC",
    "GET participation-profile-list": "BCIKMZ",
    "POST participation-profile-list": "BC",
    "GET participation-profile-detail": "BCIKMZ",
    "GET participation-assignment-list": "BCIKMZ",
    "POST participation-assignment-list": "BC",
    "GET participation-assignment-detail": "BCIKMZ",
    "GET participation-instrument-list": "BCIKMZ",
    "GET participation-instrument-detail": "BCIKMZ",
    "GET participation-trajectory-list": "BCIKMZ",
    "POST participation-trajectory-list": "BC",
    "GET participation-trajectory-detail": "BCIKMZ",
    "POST participation-trajectory-close": "BC",
    "GET tp-host-list": "BCHKZ",
    "GET tp-host-detail": "BCHKZ",
    "GET tp-placement-list": "BCHKZ",
    "POST tp-placement-list": "C",
    "GET tp-placement-detail": "BCHKZ",
    "POST tp-placement-status": "C",
    "GET tp-hourlog-list": "BCHKZ",
    "POST tp-hourlog-week": "CH",
    "GET tp-hourlog-detail": "BCHKZ",
    "GET bijstand-huishouden-detail": "BCIKSTZ",
    "GET bijstand-berekening-detail": "BCIKSTZ",
    "POST bijstand-proefberekening-list": "BCIT",
    "GET budget-year-list": "BFK",
    "POST budget-year-list": "F",
    "GET budget-year-detail": "BFK",
    "GET budget-revision-list": "BFK",
    "POST budget-revision-list": "F",
    "GET budget-revision-detail": "BFK",
    "POST budget-revision-correct": "F",
    "GET budget-realisation-list": "BFK",
    "POST budget-realisation-list": "F",
    "GET budget-realisation-detail": "BFK",
    "POST budget-realisation-reverse": "F",
    "GET budget-forecast-list": "BFK",
    "GET budget-forecast-detail": "BFK",
    "GET srt-signal-list": "SZ",
    "POST srt-signal-list": "SZ",
    "GET srt-signal-detail": "SZ",
    "POST srt-signal-triage": "S",
    "GET srt-investigation-list": "SZ",
    "GET srt-investigation-detail": "SZ",
    "POST srt-investigation-add-document": "S",
    "POST srt-investigation-add-note": "S",
    "POST srt-investigation-link": "S",
    "POST srt-investigation-assign": "BS",
    "POST srt-investigation-change-status": "S",
    "POST srt-investigation-outcome": "S",
}

# The admin (functioneel beheer): staff only. Every admin URL without arguments is checked: anonymous and a
# non-staff user are sent to the admin login; beheer (staff) is not (it may get 403 where adding is switched off).
ADMIN = "B"
ADMIN_PUBLIC = ("admin:login", "admin:logout")

# Deviations found by this guard and reported to the owners (docs/security.md); each is an expected failure
# (strict: it turns red when fixed, then remove it here). Key: (table key, identity).
KNOWN_DEVIATIONS: dict[tuple[str, str], str] = {}


# ----------------------------------------------------------------------------------------- the walk
def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else (pattern.name or "?")
            yield prefix + str(pattern.pattern), name, pattern.callback


def _concrete(route: str) -> str:
    """A path for a route, with ids that do not exist."""
    path = re.sub(r"\(\?P<year>[^)]*\)", "1999", route)  # router regexes first
    path = re.sub(r"\(\?P<\w+>[^)]*\)", MISSING_ID, path)
    path = re.sub(r"<(?:\w+:)?\w+>", MISSING_ID, path)  # path() converters
    return "/" + path.replace("^", "").replace("$", "")


def _methods(callback) -> list[str]:
    actions = getattr(callback, "actions", None)
    if actions:
        return [m.upper() for m in actions]
    view = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    if view is None:
        return ["GET"]
    return [m.upper() for m in ("get", "post", "put", "patch", "delete") if hasattr(view, m)]


def discovered() -> dict[str, tuple[str, str]]:
    """{"METHOD name": (kind, path)} for every URL pattern (format-suffix duplicates of API routes left out)."""
    found = {}
    for route, name, callback in _walk(get_resolver().url_patterns):
        if "format" in route:
            continue
        if route.startswith("beheer/"):
            if "<" not in route and "(?P" not in route and name not in ADMIN_PUBLIC:
                found[f"GET {name}"] = ("admin", _concrete(route))
            continue
        kind = "api" if route.startswith("api/") else "ui"
        for method in _methods(callback):
            if kind == "ui" and method not in ("GET", "POST"):
                continue  # browsers only GET and POST (FormView also answers PUT)
            found[f"{method} {name}"] = (kind, _concrete(route))
    return found


URLS = discovered()


def test_every_url_has_a_policy_and_every_policy_a_url():
    missing = sorted(k for k, (kind, _) in URLS.items() if kind != "admin" and k not in UI and k not in API)
    stale = sorted(k for k in [*UI, *API] if k not in URLS)
    assert not missing, "URLs without an entry in the authorisation policy (add them):\n" + "\n".join(missing)
    assert not stale, "policy entries whose URL no longer exists (remove them):\n" + "\n".join(stale)


# ----------------------------------------------------------------------------------------- identities
@pytest.fixture(scope="module")
def callers(django_db_setup, django_db_blocker):
    """Per identity its credential, made once for the module: a session key (committed) or a token header."""
    from tests.factories import UserFactory, WijkteamFactory

    with django_db_blocker.unblock():
        team = WijkteamFactory(code="matrix", name="Matrixwijk")
        users, clients = [], {"-": None}
        for letter, role in ROLE_LETTERS.items():
            user = UserFactory(
                username=f"matrix-{role.value}",
                wijkteam=team,
                password=None,
                is_staff=letter == "B",
                is_superuser=letter == "B",
            )
            user.groups.set([Group.objects.get_or_create(name=role.value)[0]])
            users.append(user)
            browser = Client()
            browser.force_login(user)
            clients[letter] = browser.cookies[settings.SESSION_COOKIE_NAME].value
        machine = next(u for u in users if u.username == "matrix-api_client")
        for letter, scopes in (("Y", []), ("Z", list(SCOPES))):
            _, key = ApiToken.issue(user=machine, name=f"matrix {letter}", scopes=scopes)
            clients[letter] = f"Token {key}"
    yield clients
    with django_db_blocker.unblock():
        from django.contrib.sessions.models import Session

        from almelo_sociaal.security.models import UserSession

        UserSession.objects.filter(user__in=users).delete()
        Session.objects.all().delete()
        ApiToken.objects.filter(user__in=users).delete()
        for user in users:
            user.delete()
        team.delete()


def _refused(response) -> bool:
    """401/403, or sent to a login page *for this request* (with ?next=; a logout also lands on the login)."""
    if response.status_code in (401, 403):
        return True
    location = response.get("Location", "") if response.status_code in (301, 302) else ""
    return location.startswith(LOGIN_PATHS) and "next=" in location


def _client(letter: str, credential, kind: str):
    """A fresh client per call: a logout or "overal uitloggen" in one call cannot affect the next."""
    client = APIClient() if kind == "api" else Client()
    if letter in "YZ":
        client.credentials(HTTP_AUTHORIZATION=credential) if kind == "api" else None
    elif credential:
        client.cookies[settings.SESSION_COOKIE_NAME] = credential
    return client


def _call(client, method: str, path: str):
    return getattr(client, method.lower())(path, {}, follow=False) if method != "GET" else client.get(path)


def _policy(key: str, kind: str) -> str:
    if kind == "admin":
        return ADMIN
    return UI.get(key) if kind == "ui" else API.get(key)


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(URLS), ids=str)
def test_authorisation_matrix(key, callers):
    kind, path = URLS[key]
    method = key.split(" ", 1)[0]
    allowed = _policy(key, kind)
    if allowed is None:
        pytest.fail(f"no policy for {key}")
    wrong = []
    for letter in IDENTITIES:
        if kind == "admin" and letter not in "-CB":
            continue  # the admin refuses every non-staff user alike
        response = _call(_client(letter, callers[letter], kind), method, path)
        refused = _refused(response)
        if kind == "admin" and letter in ADMIN:
            refused = response.status_code in (301, 302) and "login" in response["Location"]
        expected_allowed = letter in allowed
        if refused == expected_allowed:
            if (key, letter) in KNOWN_DEVIATIONS:
                continue
            wrong.append(f"{letter}: {'refused' if refused else 'let through'} ({response.status_code})")
        elif (key, letter) in KNOWN_DEVIATIONS:
            wrong.append(f"{letter}: known deviation is fixed, remove it from KNOWN_DEVIATIONS")
    assert not wrong, f"{key} {path} policy {allowed!r}: " + "; ".join(wrong)


# ----------------------------------------------------------------------------------------- scopes
def _api_views() -> dict[str, object]:
    """{"METHOD name": a view instance as the router builds it (with its action)} for every API route."""
    views = {}
    for route, name, callback in _walk(get_resolver().url_patterns):
        if "format" in route or not route.startswith("api/"):
            continue
        cls = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
        actions = getattr(callback, "actions", None) or {}
        for method in _methods(callback):
            view = cls()
            view.action = actions.get(method.lower())
            views[f"{method} {name}"] = view
    return views


API_VIEWS = _api_views()


def test_every_api_endpoint_declares_its_scopes():
    """An endpoint without a declaration is closed to API clients; say so on purpose with ``()``."""
    undeclared = [k for k, view in API_VIEWS.items() if scopes_for(view, k.split()[0], view.action) is None]
    assert not undeclared, "API endpoints without read_scopes/write_scopes/action_scopes:\n" + "\n".join(
        undeclared
    )
    for key, view in API_VIEWS.items():
        assert set(scopes_for(view, key.split()[0], view.action)) <= set(SCOPES), key


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(k for k, (kind, _) in URLS.items() if kind == "api"), ids=str)
def test_scope_matrix(key, callers):
    """An API client with exactly the endpoint's scopes vs. one with every other scope."""
    from django.contrib.auth import get_user_model

    _, path = URLS[key]
    method = key.split(" ", 1)[0]
    view = API_VIEWS[key]
    required = scopes_for(view, method, view.action)
    machine = get_user_model().objects.get(username="matrix-api_client")
    _, exact = ApiToken.issue(user=machine, name="exact", scopes=list(required))
    _, others = ApiToken.issue(user=machine, name="others", scopes=[s for s in SCOPES if s not in required])
    with_scopes = _call(_client("Z", f"Token {exact}", "api"), method, path)
    without = _call(_client("Z", f"Token {others}", "api"), method, path)
    role_allows = "Z" in API[key]
    assert _refused(with_scopes) != role_allows, (key, required, with_scopes.status_code)
    if required:
        assert without.status_code == 403, (key, required, without.status_code)
        if role_allows:  # otherwise the role refuses first
            assert without.json()["code"] == "scope_ontbreekt"
    else:
        assert _refused(without) != role_allows, (key, without.status_code)
