"""Finding 8 of issue 14: machine clients see only what their scopes allow.

The ``werkplein-api`` token without scopes read all ~10,400 clients of every wijkteam with the full BSN, their
participation profiles and hours. An API client has no wijkteam restriction, so its scopes are its whole limit:
every resource and action needs its own scope, and the full BSN needs scope ``bsn``.
"""

from __future__ import annotations

import pytest

from almelo_sociaal.accounts import scopes
from almelo_sociaal.accounts.roles import Role
from cases.rules import mask_bsn

from ..factories import AanvraagFactory, ClientFactory, DossierFactory
from ..participation.factories import AssignmentFactory, ProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def subject(wijkteam):
    client = ClientFactory(wijkteam=wijkteam)
    AanvraagFactory(client=client)
    DossierFactory(client=client)
    ProfileFactory(client=client)
    AssignmentFactory(client=client)
    return client


def test_without_the_bsn_scope_a_token_gets_the_bsn_masked(make_user, api_client_for, subject):
    api = api_client_for(make_user(Role.API_CLIENT), scopes=[scopes.CLIENTEN_LEZEN])
    detail = api.get(f"/api/v1/clienten/{subject.pk}").json()
    assert detail["bsn"] == mask_bsn(subject.bsn) != subject.bsn
    found = api.post("/api/v1/clienten/zoeken", {"bsn": subject.bsn}, format="json").json()
    assert [row["bsn"] for row in found] == [mask_bsn(subject.bsn)]


def test_with_the_bsn_scope_a_token_gets_the_full_bsn(make_user, api_client_for, subject):
    api = api_client_for(make_user(Role.API_CLIENT), scopes=[scopes.CLIENTEN_LEZEN, scopes.BSN])
    assert api.get(f"/api/v1/clienten/{subject.pk}").json()["bsn"] == subject.bsn


def test_a_persons_session_is_bound_by_roles_not_scopes(make_user, api_client_for, subject, wijkteam):
    api = api_client_for(make_user(Role.INTAKER, wijkteam=wijkteam))
    assert api.get(f"/api/v1/clienten/{subject.pk}").json()["bsn"] == subject.bsn


def test_a_token_without_scopes_reaches_only_who_am_i(make_user, api_client_for, subject):
    api = api_client_for(make_user(Role.API_CLIENT), scopes=[])
    assert api.get("/api/v1/account").status_code == 200
    for path in (
        "/api/v1/clienten",
        f"/api/v1/clienten/{subject.pk}",
        "/api/v1/participatie/profielen",
        "/api/v1/tegenprestatie/uren",
        "/api/v1/aanvragen",
        "/api/v1/srt/onderzoeken",
    ):
        response = api.get(path)
        assert response.status_code == 403, path
        assert response.json()["code"] == "scope_ontbreekt"
        assert "ontbreekt" in response.json()["message"]


def test_an_api_client_logged_in_with_a_session_has_no_scopes(client, make_user, subject):
    """The API-client role logged in with a password instead of a token: bound by scopes, and it has none."""
    client.force_login(make_user(Role.API_CLIENT))
    assert client.get("/api/v1/clienten").status_code == 403
    assert client.get("/api/v1/account").status_code == 200


WERKPLEIN_MAY = {
    "/api/v1/clienten": 200,
    "/api/v1/wijkteams": 200,
    "/api/v1/participatie/groepsindelingen": 200,
    "/api/v1/participatie/trajecten": 200,
    "/api/v1/participatie/instrumenten": 200,
}
WERKPLEIN_MAY_NOT = [
    "/api/v1/participatie/profielen",
    "/api/v1/tegenprestatie/uren",
    "/api/v1/tegenprestatie/plaatsingen",
    "/api/v1/aanvragen",
    "/api/v1/dossiers",
    "/api/v1/srt/signalen",
    "/api/v1/srt/onderzoeken",
]


def test_the_werkplein_preset_is_what_the_integration_needs_and_no_more(make_user, api_client_for, subject):
    api = api_client_for(make_user(Role.API_CLIENT), scopes=list(scopes.WERKPLEIN))
    for path, status in WERKPLEIN_MAY.items():
        assert api.get(path).status_code == status, path
    for path in WERKPLEIN_MAY_NOT:
        assert api.get(path).status_code == 403, path
    assert api.get(f"/api/v1/clienten/{subject.pk}").json()["bsn"] == mask_bsn(subject.bsn)
    signal = api.post(
        "/api/v1/srt/signalen",
        {
            "client": subject.pk,
            "source": "gegevensmatch",
            "received_on": "2020-05-01",
            "description": "Niet verschenen op de afspraak bij het Werkplein.",
        },
        format="json",
    )
    assert signal.status_code == 201


def test_scopes_are_in_the_openapi_schema(make_user, api_client_for):
    schema = api_client_for(make_user(Role.BEHEER)).get("/api/v1/openapi.json").json()
    scheme = schema["components"]["securitySchemes"]["tokenAuth"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer") and "srt:onderzoek-lezen" in scheme[
        "description"
    ]
    operations = schema["paths"]
    # OpenAPI 3.0 allows scopes in a requirement only for OAuth2: they are listed in x-scopes
    assert operations["/clienten"]["get"]["x-scopes"] == ["clienten:lezen"]
    assert operations["/srt/signalen"]["post"]["x-scopes"] == ["srt:signaal-melden"]
    assert operations["/srt/onderzoeken/{id}"]["get"]["x-scopes"] == ["srt:onderzoek-lezen"]
    assert "`srt:onderzoek-lezen`" in operations["/srt/onderzoeken/{id}"]["get"]["description"]
    assert {"tokenAuth": []} in operations["/clienten"]["get"]["security"]
    assert {"tokenAuth": []} in operations["/account"]["get"]["security"]
    assert "x-scopes" not in operations["/account"]["get"]
