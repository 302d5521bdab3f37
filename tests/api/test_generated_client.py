"""A Werkplein integration through a client generated from the served OpenAPI document, and nothing else.

openapi-python-client (pinned in the dev lock) generates a Python client from ``/api/v1/openapi.json`` of a live
server into a temporary directory; the test drives the integration only through that client and checks that
every response parses into its declared type (a model, a list of models, or the ``Problem`` of an error).

Who does what, as the access rules say: the Werkplein system's token (an API-client account, ``Bearer``) reads
clients, aanvragen and participation; registering a client and an aanvraag and registering hours are work of
people (intaker, coach: a browser session, the cookie and CSRF token given to the same generated client). The
token with ``uren:schrijven`` is still refused a week of hours: the API-client role may not register hours
(the role decides first), and the client receives that as the documented 403 problem.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from urllib.parse import parse_qs, urlparse
from zoneinfo import ZoneInfo

import httpx
import pytest
import time_machine
from django.test import Client as DjangoClient

from almelo_sociaal.accounts import scopes
from almelo_sociaal.accounts.models import ApiToken
from almelo_sociaal.accounts.roles import Role

from ..factories import ClientFactory
from ..participation.factories import AssignmentFactory
from ..tegenprestatie.factories import HostFactory, PlacementFactory

pytestmark = [pytest.mark.generated_client, pytest.mark.django_db(transaction=True)]

GENERATOR = Path(sys.executable).with_name("openapi-python-client")
NOW = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))  # Wednesday of ISO week 10
CSRF = "c" * 32


def _generate(schema_url: str, into: Path):
    """Generate the client package ``werkplein_client`` from the served document and import it."""
    document = into / "openapi.json"
    document.write_bytes(httpx.get(schema_url).raise_for_status().content)
    config = into / "config.yml"
    config.write_text(
        "project_name_override: werkplein_client\npackage_name_override: werkplein_client\npost_hooks: []\n"
    )
    result = subprocess.run(
        [
            str(GENERATOR),
            "generate",
            "--path",
            str(document),
            "--config",
            str(config),
            "--meta",
            "none",
            "--output-path",
            str(into / "werkplein_client"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Warning" not in result.stdout, result.stdout  # no operation dropped, no type given up
    sys.path.insert(0, str(into))
    try:
        importlib.invalidate_caches()
        return importlib.import_module("werkplein_client")
    finally:
        sys.path.remove(str(into))


def _api(package: str):
    return importlib.import_module(f"werkplein_client.api.{package}")


def _session_client(package, base_url: str, user):
    browser = DjangoClient()
    browser.force_login(user)
    cookies = {"sessionid": browser.cookies["sessionid"].value, "csrftoken": CSRF}
    return package.Client(base_url=base_url, cookies=cookies, headers={"X-CSRFToken": CSRF})


def _cursor(next_url: str) -> str:
    return parse_qs(urlparse(next_url).query)["cursor"][0]


def test_a_werkplein_integration_through_the_generated_client(live_server, tmp_path, make_user, wijkteam):
    with time_machine.travel(NOW, tick=False):
        client_pkg = _generate(f"{live_server.url}/api/v1/openapi.json", tmp_path)
        models = importlib.import_module("werkplein_client.models")
        base_url = f"{live_server.url}/api/v1"

        existing = ClientFactory.create_batch(3, wijkteam=wijkteam, achternaam="Jansen")
        ClientFactory(wijkteam=wijkteam, achternaam="Pietersen")
        AssignmentFactory(client=existing[0], group=2)
        intaker = make_user(Role.INTAKER, wijkteam=wijkteam)
        coach = make_user(Role.COACH, wijkteam=wijkteam)
        placement = PlacementFactory(client=existing[1], host=HostFactory(), agreed_hours=Decimal("8"))
        werkplein = make_user(Role.API_CLIENT)
        _, key = ApiToken.issue(
            user=werkplein,
            name="werkplein",
            scopes=[
                scopes.CLIENTEN_LEZEN,
                scopes.AANVRAGEN_LEZEN,
                scopes.PARTICIPATIE_LEZEN,
                scopes.UREN_SCHRIJVEN,
            ],
        )
        token = client_pkg.AuthenticatedClient(base_url=base_url, token=key)  # sends "Bearer <key>"

        # 1. list clients with a filter, page with the cursor
        clienten = _api("clienten")
        first = importlib.import_module(f"{clienten.__name__}.clienten_list").sync_detailed(
            client=token, achternaam="jan", page_size=2
        )
        assert first.status_code == 200 and first.headers["API-Version"] == "1.1.0"
        assert isinstance(first.parsed, models.PaginatedClientListList)
        assert len(first.parsed.results) == 2 and isinstance(first.parsed.results[0], models.ClientList)
        second = importlib.import_module(f"{clienten.__name__}.clienten_list").sync_detailed(
            client=token, achternaam="jan", page_size=2, cursor=_cursor(first.parsed.next_)
        )
        assert isinstance(second.parsed, models.PaginatedClientListList)
        seen = [row.id for row in first.parsed.results + second.parsed.results]
        assert sorted(seen) == sorted(c.pk for c in existing)

        # 2. register a client (intaker's session)
        intake = _session_client(client_pkg, base_url, intaker)
        created = importlib.import_module(f"{clienten.__name__}.clienten_create").sync_detailed(
            client=intake,
            body=models.ClientRequest(
                bsn="123456782",
                voornamen="Jaap",
                achternaam="Werkplein",
                geboortedatum=datetime(1990, 1, 1).date(),
                straat="Grotestraat",
                huisnummer="1",
                postcode="7607AB",
                leefvorm=models.LeefvormEnum.ALLEENSTAAND,
                wijkteam=wijkteam.code,
            ),
        )
        assert created.status_code == 201, created.content
        assert isinstance(created.parsed, models.Client)
        new_client = created.parsed.id

        # 3. an aanvraag with leefgebieden, read back with the token
        aanvragen = _api("aanvragen")
        submitted = importlib.import_module(f"{aanvragen.__name__}.aanvragen_create").sync_detailed(
            client=intake,
            body=models.AanvraagRequest(
                client=new_client,
                regeling=models.RegelingEnum.BIJSTAND,
                aanvraagdatum=NOW.date(),
                leefgebieden=[
                    models.LeefgebiedScoreRequest(leefgebied=models.LeefgebiedEnum.WERK, score=2),
                    models.LeefgebiedScoreRequest(
                        leefgebied=models.LeefgebiedEnum.SCHULDEN, score=4, toelichting="Schuldhulp loopt."
                    ),
                ],
            ),
        )
        assert submitted.status_code == 201, submitted.content
        assert isinstance(submitted.parsed, models.Aanvraag)
        read_back = importlib.import_module(f"{aanvragen.__name__}.aanvragen_retrieve").sync_detailed(
            client=token, id=submitted.parsed.id
        )
        assert isinstance(read_back.parsed, models.Aanvraag)
        assert {(row.leefgebied, row.score) for row in read_back.parsed.leefgebieden} == {
            (models.LeefgebiedEnum.WERK, 2),
            (models.LeefgebiedEnum.SCHULDEN, 4),
        }

        # 4. participation assignments
        assignments = importlib.import_module(
            f"{_api('participatie').__name__}.participatie_groepsindelingen_list"
        ).sync_detailed(client=token, current=True)
        assert isinstance(assignments.parsed, models.PaginatedGroupAssignmentList)
        assert [row.client for row in assignments.parsed.results] == [existing[0].pk]

        # 5. a week of hours: refused to the token by role (403 problem), registered by the coach (201, a list)
        week = importlib.import_module(f"{_api('tegenprestatie').__name__}.tegenprestatie_uren_week_create")
        body = models.WeekRegistrationRequest(
            week="2026-W09", rows=[models.HourRowRequest(placement=placement.pk, hours="6")]
        )
        refused = week.sync_detailed(client=token, body=body)
        assert refused.status_code == 403 and isinstance(refused.parsed, models.Problem)
        assert refused.parsed.code == "permission_denied"
        registered = week.sync_detailed(client=_session_client(client_pkg, base_url, coach), body=body)
        assert registered.status_code == 201, registered.content
        assert [type(row) for row in registered.parsed] == [models.HourLog]
        assert registered.parsed[0].hours == "6.00"

        # 6. a bad week: the documented problem with its invalid parameter
        bad = week.sync_detailed(
            client=_session_client(client_pkg, base_url, coach),
            body=models.WeekRegistrationRequest(
                week="2026-W30", rows=[models.HourRowRequest(placement=placement.pk, hours="6")]
            ),
        )
        assert bad.status_code == 400 and isinstance(bad.parsed, models.Problem)
        assert bad.parsed.code == "week_niet_begonnen"
        assert [param.name for param in bad.parsed.invalid_params] == ["rows.0.week"]
        assert bad.headers["Content-Type"] == "application/problem+json"
