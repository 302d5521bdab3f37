"""The API conventions of the NL API Design Rules, applied centrally (almelo_sociaal/api/): every endpoint has them
without code of its own. Each test states one convention as an integrator sees it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.urls import reverse
from openapi_spec_validator import validate
from rest_framework.test import APIClient

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.api.legacy import RENAMES
from almelo_sociaal.api.naming import camel, snake
from almelo_sociaal.api.views import openapi_document

from ..factories import ClientFactory

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def test_every_api_response_carries_the_api_version(make_user, api_client_for, client_in_team):
    api = api_client_for(make_user(Role.INTAKER))
    for response in (
        api.get(reverse("client-list")),
        api.get("/api/v1/bestaat-niet"),
        APIClient().get(reverse("client-list")),
        APIClient().get("/api/v1"),
        APIClient().get("/api/v1/clients/"),
    ):
        assert response["API-Version"] == settings.API_VERSION == "1.1.0", response.status_code


def test_paths_have_no_trailing_slash(make_user, api_client_for):
    assert reverse("client-list") == "/api/v1/clienten"
    assert reverse("client-zoeken") == "/api/v1/clienten/zoeken"
    assert not [path for path in openapi_document()["paths"] if path != "/" and path.endswith("/")]


@pytest.mark.parametrize(
    "old, new",
    [
        ("/api/v1/clients/", "/api/v1/clienten"),
        ("/api/v1/clients/7/verhuizen/", "/api/v1/clienten/7/verhuizen"),
        ("/api/v1/aanvragen/3/approve/", "/api/v1/aanvragen/3/goedkeuren"),
        ("/api/v1/participation/trajectories/5/close/", "/api/v1/participatie/trajecten/5/afsluiten"),
        ("/api/v1/budget/realisation/9/reverse/", "/api/v1/budget/realisaties/9/terugboeken"),
        ("/api/v1/tegenprestatie/uren/week/", "/api/v1/tegenprestatie/uren/week"),
        ("/api/v1/me/", "/api/v1/account"),
        ("/api/v1/", "/api/v1"),
        ("/api/v1/schema/", "/api/v1/openapi.yaml"),
    ],
)
def test_old_paths_redirect_permanently_for_one_release(old, new):
    response = APIClient().get(old)
    assert response.status_code == 308
    assert response["Location"] == new
    assert response["Link"] == f'<{new}>; rel="successor-version"'


def test_an_old_post_arrives_with_its_method_and_body(make_user, api_client_for, client_in_team):
    api = api_client_for(make_user(Role.INTAKER))
    response = api.post("/api/v1/clients/zoeken/", {"bsn": client_in_team.bsn}, follow=True)
    assert response.redirect_chain == [("/api/v1/clienten/zoeken", 308)]
    assert [row["id"] for row in response.json()] == [client_in_team.pk]


def test_the_redirect_keeps_the_query(make_user, api_client_for):
    response = APIClient().get("/api/v1/clients/?achternaam=jan&cursor=abc")
    assert response["Location"] == "/api/v1/clienten?achternaam=jan&cursor=abc"


def test_every_old_name_leads_to_a_served_path():
    served = set(openapi_document()["paths"]) | {"/documentatie"}
    for _pattern, replacement in RENAMES:
        head = replacement.replace("\\1", "")
        assert any(head in path for path in served), replacement


def test_the_landing_resource_and_the_openapi_document_are_public():
    anonymous = APIClient()
    root = anonymous.get("/api/v1")
    assert root.status_code == 200
    assert root.json()["openapi"] == "http://testserver/api/v1/openapi.json"
    document = anonymous.get("/api/v1/openapi.json")
    assert document.status_code == 200
    assert document["Access-Control-Allow-Origin"] == "*"
    assert document.json()["info"]["version"] == settings.API_VERSION
    as_yaml = anonymous.get("/api/v1/openapi.yaml")
    assert as_yaml.status_code == 200
    assert yaml.safe_load(as_yaml.content) == document.json()
    assert anonymous.get("/api/v1/documentatie").status_code == 200


def test_the_document_passes_the_openapi_validator():
    validate(json.loads(APIClient().get("/api/v1/openapi.json").content))


@pytest.mark.postgres  # the committed contract has PostgreSQL's integer ranges
def test_the_served_document_is_the_committed_one():
    served = APIClient().get("/api/v1/openapi.yaml").content.decode()
    assert served.strip() == (ROOT / "docs" / "openapi.yaml").read_text().strip()


def test_errors_are_problem_details_with_code_and_dutch_text(make_user, api_client_for):
    api = api_client_for(make_user(Role.INTAKER))
    response = api.get("/api/v1/clienten/999999")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json() == {
        "type": "urn:almelo-sociaal:probleem:not_found",
        "title": "Niet gevonden",
        "status": 404,
        "detail": "Niet gevonden.",
        "instance": "/api/v1/clienten/999999",
        "code": "not_found",
        "message": "Niet gevonden.",
        "fields": {},
    }


def test_field_errors_are_invalid_params(make_user, api_client_for, wijkteam):
    api = api_client_for(make_user(Role.INTAKER))
    response = api.post(reverse("client-zoeken"), {"bsn": "123456789"})
    assert response.status_code == 400
    body = response.json()
    assert body["invalidParams"] == [{"name": "bsn", "code": body["code"], "reason": body["detail"]}]


def test_a_route_that_does_not_exist_is_a_problem_too():
    response = APIClient().get("/api/v1/bestaat/niet")
    assert (response.status_code, response["Content-Type"]) == (404, "application/problem+json")
    assert response.json()["detail"] == "Niet gevonden."


def test_accept_problem_json_is_answered_not_refused(make_user):
    response = APIClient().get(reverse("client-list"), HTTP_ACCEPT="application/problem+json")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "not_authenticated"


def test_request_bodies_are_json_only(make_user, api_client_for, client_in_team):
    api = api_client_for(make_user(Role.INTAKER))
    response = api.post(reverse("client-zoeken"), {"bsn": client_in_team.bsn}, format="multipart")
    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_media_type"


def test_bearer_and_token_both_authenticate(make_user, api_client_for):
    from almelo_sociaal.accounts.models import ApiToken

    _, key = ApiToken.issue(user=make_user(Role.API_CLIENT), name="test", scopes=["clienten:lezen"])
    for scheme in ("Bearer", "Token", "bearer"):
        response = APIClient().get(reverse("client-list"), HTTP_AUTHORIZATION=f"{scheme} {key}")
        assert response.status_code == 200, scheme
    refused = APIClient().get(reverse("client-list"))
    assert refused.status_code == 401 and refused["WWW-Authenticate"] == "Bearer"


def test_query_parameters_are_camel_case_in_the_schema_and_at_runtime(make_user, api_client_for, wijkteam):
    names = {
        parameter["name"]
        for item in openapi_document()["paths"].values()
        for operation in item.values()
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query"
    }
    assert {"aanvraagdatumVanaf", "pageSize", "startDateGte", "isoWeek"} <= names
    assert not [name for name in names if "_" in name]
    older = ClientFactory(wijkteam=wijkteam)
    api = api_client_for(make_user(Role.INTAKER))
    page = api.get(reverse("client-list"), {"pageSize": 1}).json()
    assert len(page["results"]) == 1
    old_name = api.get(reverse("client-list"), {"page_size": 1}).json()  # deprecated, one release
    assert len(old_name["results"]) == 1
    assert older.pk  # two clients: the page size is what limits the page
    bad = api.get(reverse("aanvraag-list"), {"aanvraagdatumVanaf": "geen-datum"})
    assert bad.status_code == 400
    assert [param["name"] for param in bad.json()["invalidParams"]] == ["aanvraagdatumVanaf"]


def test_camel_and_snake_are_each_others_inverse():
    assert camel("aanvraagdatum_vanaf") == "aanvraagdatumVanaf"
    assert camel("start_date__gte") == "startDateGte"
    assert camel("cursor") == "cursor"
    assert snake("receivedFrom") == "received_from"


def test_every_operation_documents_its_problems_and_the_version_header():
    for path, item in openapi_document()["paths"].items():
        for method, operation in item.items():
            responses = operation["responses"]
            assert {"400", "404", "429"} <= set(responses), (method, path)
            if operation.get("security") and any(operation["security"]):
                assert {"401", "403"} <= set(responses), (method, path)
            if method == "post":
                assert "409" in responses, (method, path)
            for status, response in responses.items():
                assert "API-Version" in response["headers"], (method, path, status)
                if status.startswith("4"):
                    assert list(response["content"]) == ["application/problem+json"], (method, path, status)
            assert operation.get("summary"), (method, path)
    approve = openapi_document()["paths"]["/aanvragen/{id}/goedkeuren"]["post"]
    assert "412" in approve["responses"]


def test_every_tag_is_declared_with_a_dutch_description():
    document = openapi_document()
    declared = {tag["name"]: tag["description"] for tag in document["tags"]}
    used = {tag for item in document["paths"].values() for op in item.values() for tag in op.get("tags", [])}
    assert used == set(declared)
    assert declared["clienten"].startswith("Cliënten")


def test_servers_contact_and_licence_are_declared():
    info = openapi_document()["info"]
    assert set(info["contact"]) == {"name", "email", "url"}
    assert info["license"]["name"] == "EUPL-1.2"
    assert [server["url"] for server in openapi_document()["servers"]] == ["/api/v1"]


def test_list_actions_that_answer_plain_arrays_are_documented_as_arrays():
    paths = openapi_document()["paths"]
    for path in ("/clienten/zoeken", "/tegenprestatie/uren/week"):
        operation = paths[path]["post"]
        ok = next(code for code in operation["responses"] if code.startswith("2"))
        assert operation["responses"][ok]["content"]["application/json"]["schema"]["type"] == "array", path


def test_a_choice_with_a_blank_default_is_documented_as_enum_or_blank():
    schemas = openapi_document()["components"]["schemas"]
    for component, field in (
        ("HourRowRequest", "attendance"),
        ("PlacementStatusChangeRequest", "end_reason"),
    ):
        prop = schemas[component]["properties"][field]
        assert "default" not in prop and {"$ref": "#/components/schemas/BlankEnum"} in prop["oneOf"]
