"""Privacy: a BSN never appears in a URL (links, form actions, redirects), in the access log or in the logs;
lists show it masked.

The crawl follows every same-site link from the start page, as each role that sees personal data, over a small
data set with aanvragen, dossiers and an SRT signal, and also submits the client search with a BSN.
"""

from __future__ import annotations

import logging
import re
from collections import deque
from datetime import date
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.audit.models import AccessLog
from tests.factories import AanvraagFactory, ClientFactory, DossierFactory

pytestmark = pytest.mark.django_db

URL_ATTR = re.compile(r'(?:href|action|src|hx-get|hx-post|data-url)\s*=\s*"([^"]*)"', re.I)
SKIP = re.compile(r"^/(static/|uitloggen/|account/overal-uitloggen/|beheer/)")
MAX_PAGES = 80


@pytest.fixture
def data(wijkteam):
    clients = [ClientFactory(wijkteam=wijkteam) for _ in range(3)]
    AanvraagFactory(client=clients[0])
    DossierFactory(client=clients[1])
    DossierFactory(client=clients[2], einddatum=date(2021, 3, 1), eindreden="werk")
    return clients


def _crawl(client: Client, bsns: list[str], starts: list[str]) -> int:
    seen, queue, pages = set(), deque(starts), 0
    while queue and pages < MAX_PAGES:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        pages += 1
        location = response.get("Location", "")
        assert not any(b in location for b in bsns), f"BSN in redirect from {url}: {location}"
        assert response.status_code < 500, f"{url} answered {response.status_code}"
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        for link in URL_ATTR.findall(response.content.decode()):
            assert not any(b in link for b in bsns), f"BSN in a URL on {url}: {link}"
            target = urljoin(url, link.replace("&amp;", "&"))
            parts = urlsplit(target)
            if parts.netloc or not parts.path.startswith("/") or SKIP.match(parts.path):
                continue
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return pages


@pytest.mark.parametrize("role", [Role.INTAKER, Role.COACH, Role.BEHEER, Role.SRT])
def test_no_bsn_in_any_url_or_redirect(make_user, wijkteam, data, role, caplog):
    caplog.set_level(logging.DEBUG)
    bsns = [c.bsn for c in data]
    browser = Client()
    browser.force_login(make_user(role, wijkteam=wijkteam))
    # The search is a POST kept in the session: the redirect and the result page carry no BSN.
    response = browser.post(reverse("cases:client-search"), {"q": bsns[0]})
    assert response.status_code == 302 and bsns[0] not in response["Location"]
    starts = [response["Location"], "/", *(reverse("cases:client-detail", args=[c.pk]) for c in data)]
    assert _crawl(browser, bsns, starts) > 5
    stored = AccessLog.objects.values_list("object_type", "object_id", "purpose")
    assert stored and not any(b in " ".join(row) for row in stored for b in bsns)
    assert not any(b in caplog.text for b in bsns)


def test_search_result_list_masks_the_bsn(client, make_user, wijkteam, data):
    client.force_login(make_user(Role.INTAKER))
    client.post(reverse("cases:client-search"), {"q": data[0].achternaam})
    body = client.get(reverse("cases:client-search")).content.decode()
    assert data[0].achternaam in body
    assert data[0].bsn not in body and data[0].bsn_masked in body


def test_api_client_list_masks_the_bsn(make_user, wijkteam, data, api_client_for):
    api = api_client_for(make_user(Role.INTAKER))
    body = api.get("/api/v1/clienten").content.decode()
    assert data[0].achternaam in body
    assert not any(c.bsn in body for c in data)


def test_api_offers_no_bsn_query_parameter(make_user, wijkteam, data, api_client_for):
    api = api_client_for(make_user(Role.INTAKER))
    schema = api.get("/api/v1/openapi.json").json()
    parameters = [
        p["name"]
        for path in schema["paths"].values()
        for operation in path.values()
        if isinstance(operation, dict)
        for p in operation.get("parameters", [])
    ]
    assert "bsn" not in parameters
