from datetime import date, timedelta

import pytest
from django.utils import timezone

from almelo_sociaal.accounts.models import ApiToken
from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.audit.models import AccessLog
from cases.models import Client

from ..factories import AanvraagFactory, ClientFactory, DossierFactory

pytestmark = pytest.mark.django_db
R = Role
READ = {R.INTAKER, R.COACH, R.TOETSER, R.MATCHER, R.COORDINATOR, R.SRT, R.BEHEER, R.API_CLIENT}

ENDPOINTS = {
    # name: (method, path builder, roles allowed)
    "clients-list": ("get", lambda c, a, d: "/api/v1/clienten", READ),
    "clients-detail": ("get", lambda c, a, d: f"/api/v1/clienten/{c.pk}", READ),
    "clients-create": ("post", lambda c, a, d: "/api/v1/clienten", {R.INTAKER, R.COACH, R.BEHEER}),
    "wijkteams-list": ("get", lambda c, a, d: "/api/v1/wijkteams", READ | {R.FINANCE}),
    "aanvragen-list": ("get", lambda c, a, d: "/api/v1/aanvragen", READ),
    "aanvragen-detail": ("get", lambda c, a, d: f"/api/v1/aanvragen/{a.pk}", READ),
    "aanvragen-start": ("post", lambda c, a, d: f"/api/v1/aanvragen/{a.pk}/behandelen", {R.INTAKER, R.COACH}),
    "aanvragen-approve": (
        "post",
        lambda c, a, d: f"/api/v1/aanvragen/{_draft(c).pk}/goedkeuren",
        {R.TOETSER},
    ),
    "dossiers-list": ("get", lambda c, a, d: "/api/v1/dossiers", READ),
    "dossiers-end": ("post", lambda c, a, d: f"/api/v1/dossiers/{d.pk}/beeindigen", {R.COACH, R.BEHEER}),
    "me": ("get", lambda c, a, d: "/api/v1/account", set(Role)),
}


def _draft(subject):
    from ..factories import UserFactory

    return AanvraagFactory(
        client=subject,
        status="in_behandeling",
        regeling="ioaw",
        concept_besluit="afwijzen",
        concept_reden="Vermogen te hoog.",
        concept_door=UserFactory(),
        concept_versie=1,
    )


def _payload(name, n):
    if name == "clients-create":
        bsns = ["123456782", "111222333", "100000009", "999999990", "240000007", "180000005"]
        return {
            "bsn": bsns[n % len(bsns)],
            "voornamen": "Jaap",
            "achternaam": "Jansen",
            "geboortedatum": "1990-01-01",
            "straat": "Grotestraat",
            "huisnummer": "1",
            "postcode": "7607AB",
            "leefvorm": "alleenstaand",
            "wijkteam": "binnenstad",
        }
    if name == "dossiers-end":
        return {"einddatum": "2025-01-01", "eindreden": "werk"}
    return {}


@pytest.mark.parametrize("role", [None, *Role])
@pytest.mark.parametrize("name", sorted(ENDPOINTS))
def test_api_permission_matrix(make_user, api_client_for, wijkteam, name, role):
    from rest_framework.test import APIClient

    subject = ClientFactory(wijkteam=wijkteam)
    aanvraag = AanvraagFactory(client=subject, voorliggende_voorziening="geen")
    dossier = DossierFactory(client=subject, startdatum=date(2020, 1, 1))
    method, path_for, allowed = ENDPOINTS[name]
    if role is None:
        response = getattr(APIClient(), method)(path_for(subject, aanvraag, dossier), {}, format="json")
        assert response.status_code == 401
        assert response.json()["detail"]
        return
    api = api_client_for(make_user(role, wijkteam=wijkteam))
    version = {"HTTP_IF_MATCH": '"1"'} if name == "aanvragen-approve" else {}  # the draft version judged
    response = getattr(api, method)(
        path_for(subject, aanvraag, dossier), _payload(name, list(Role).index(role)), format="json", **version
    )
    if role in allowed:
        assert response.status_code in (200, 201), (name, role, response.status_code, response.content[:300])
    else:
        assert response.status_code == 403, (name, role, response.status_code)
        assert response.json()["message"]


def test_api_errors_carry_the_same_dutch_message_as_the_ui(make_user, api_client_for, wijkteam):
    api = api_client_for(make_user(R.INTAKER))
    response = api.post(
        "/api/v1/clienten",
        {
            "bsn": "123456781",
            "voornamen": "Jaap",
            "achternaam": "Jansen",
            "geboortedatum": "1990-01-01",
            "straat": "Grotestraat",
            "huisnummer": "1",
            "postcode": "7607AB",
            "leefvorm": "alleenstaand",
            "wijkteam": wijkteam.code,
        },
        format="json",
    )
    assert response.status_code == 400
    body = response.json()
    assert body["message"] == "Dit BSN is ongeldig: het voldoet niet aan de elfproef."
    assert body["fields"]["bsn"][0]["code"] == "bsn_elfproef"
    assert not Client.objects.exists()


def test_serializer_errors_use_the_same_shape(make_user, api_client_for, wijkteam):
    api = api_client_for(make_user(R.INTAKER))
    response = api.post("/api/v1/clienten", {"bsn": "123456782"}, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert {"type", "title", "status", "detail", "code", "invalidParams"} <= set(body)
    assert body["status"] == 400
    assert "achternaam" in {param["name"] for param in body["invalidParams"]}
    assert "achternaam" in body["fields"]  # the former shape, kept for one release


def test_illegal_transition_via_api_is_400_with_message(make_user, api_client_for, client_in_team):
    aanvraag = AanvraagFactory(client=client_in_team, status="toegekend")
    api = api_client_for(make_user(R.INTAKER))
    response = api.post(f"/api/v1/aanvragen/{aanvraag.pk}/behandelen")
    assert response.status_code == 400
    assert response.json()["code"] == "overgang_niet_toegestaan"


def test_api_list_masks_bsn_and_detail_logs_access(make_user, api_client_for, client_in_team):
    user = make_user(R.API_CLIENT)
    api = api_client_for(user)
    listed = api.get("/api/v1/clienten").json()["results"][0]
    assert "bsn" not in listed and listed["bsn_masked"].endswith(client_in_team.bsn[-4:])
    detail = api.get(f"/api/v1/clienten/{client_in_team.pk}").json()
    assert detail["bsn"] == client_in_team.bsn
    assert AccessLog.objects.filter(user=user, client=client_in_team, action="api").count() == 2


def test_list_rendering_equals_drf_field_by_field(make_user, api_client_for, wijkteam):
    """The list serializer's fast path renders exactly what DRF's declared fields render."""
    from cases.api.serializers import ClientListSerializer

    coach = make_user(R.COACH, wijkteam=wijkteam)
    ClientFactory(wijkteam=wijkteam, coach=coach, tussenvoegsel="van der")
    ClientFactory(wijkteam=wijkteam, coach=None, tussenvoegsel="")
    listed = api_client_for(make_user(R.INTAKER)).get("/api/v1/clienten").json()["results"]
    serializer = ClientListSerializer()
    clients = Client.objects.select_related("wijkteam").order_by("-id")
    rows = Client.objects.order_by("-id").values(*ClientListSerializer.list_values)
    by_drf = [serializer.to_representation(c) for c in clients]  # a model instance: DRF field by field
    assert [serializer.to_representation(row) for row in rows] == by_drf
    assert listed == by_drf
    assert {row["coach"] for row in listed} == {coach.pk, None}


def test_api_list_writes_one_access_log_row_per_client(make_user, api_client_for, wijkteam):
    clients = ClientFactory.create_batch(3, wijkteam=wijkteam)
    user = make_user(R.INTAKER)
    api_client_for(user).get("/api/v1/clienten")
    rows = AccessLog.objects.filter(user=user).order_by("client_id")
    assert [(r.client_id, r.object_id, r.action, r.object_type, r.purpose) for r in rows] == [
        (c.pk, str(c.pk), "api", "cliënt", "GET client-list") for c in clients
    ]
    assert all(r.at is not None for r in rows)


def test_coach_api_list_is_scoped_to_own_wijkteam(
    make_user, api_client_for, client_in_team, client_elsewhere
):
    api = api_client_for(make_user(R.COACH, wijkteam=client_in_team.wijkteam))
    ids = [row["id"] for row in api.get("/api/v1/clienten").json()["results"]]
    assert ids == [client_in_team.pk]
    assert api.get(f"/api/v1/clienten/{client_elsewhere.pk}").status_code == 404


@pytest.mark.parametrize("n", [10, 200])
def test_api_client_list_query_count_is_constant(
    make_user, api_client_for, wijkteam, django_assert_max_num_queries, n
):
    ClientFactory.create_batch(n, wijkteam=wijkteam)
    api = api_client_for(make_user(R.INTAKER))
    with django_assert_max_num_queries(6):
        response = api.get("/api/v1/clienten?pageSize=100")
    assert response.status_code == 200


@pytest.mark.parametrize("n", [10, 200])
def test_api_aanvraag_list_query_count_is_constant(
    make_user, api_client_for, wijkteam, django_assert_max_num_queries, n
):
    for subject in ClientFactory.create_batch(n, wijkteam=wijkteam):
        AanvraagFactory(client=subject)
    api = api_client_for(make_user(R.INTAKER))
    with django_assert_max_num_queries(6):
        assert api.get("/api/v1/aanvragen?pageSize=100").status_code == 200


def test_cursor_pagination_walks_all_rows(make_user, api_client_for, wijkteam):
    ClientFactory.create_batch(25, wijkteam=wijkteam)
    api = api_client_for(make_user(R.INTAKER))
    seen, url = [], "/api/v1/clienten?pageSize=10"
    while url:
        body = api.get(url).json()
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == 25


def test_revoked_and_expired_tokens_are_refused(make_user):
    from rest_framework.test import APIClient

    user = make_user(R.API_CLIENT)
    token, key = ApiToken.issue(user=user, name="x")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/account").status_code == 200
    token.revoke()
    assert api.get("/api/v1/account").json()["message"] == "Dit token is ingetrokken."
    token2, key2 = ApiToken.issue(user=user, name="y")
    ApiToken.objects.filter(pk=token2.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    api.credentials(HTTP_AUTHORIZATION=f"Token {key2}")
    assert api.get("/api/v1/account").status_code == 401
    assert ApiToken.objects.filter(key_hash=key).count() == 0  # only hashes are stored


def test_search_by_bsn_in_the_body_logs_access(make_user, api_client_for, client_in_team):
    user = make_user(R.API_CLIENT)
    api = api_client_for(user)
    response = api.post("/api/v1/clienten/zoeken", {"bsn": client_in_team.bsn}, format="json")
    assert response.status_code == 200
    assert [row["bsn"] for row in response.json()] == [client_in_team.bsn]
    entry = AccessLog.objects.get(user=user, client=client_in_team)
    assert (entry.action, entry.purpose) == ("search", "POST client-zoeken")
    assert api.post("/api/v1/clienten/zoeken", {"bsn": "123456782"}, format="json").json() == []
    bad = api.post("/api/v1/clienten/zoeken", {"bsn": "123456781"}, format="json")
    assert bad.status_code == 400 and bad.json()["code"] == "bsn_elfproef"


def test_coach_bsn_search_stays_in_own_wijkteam(make_user, api_client_for, client_in_team, client_elsewhere):
    api = api_client_for(make_user(R.COACH, wijkteam=client_in_team.wijkteam))
    assert api.post("/api/v1/clienten/zoeken", {"bsn": client_elsewhere.bsn}, format="json").json() == []


def test_list_filters_apply_with_parameters_and_are_skipped_without(
    make_user, api_client_for, wijkteam, other_wijkteam
):
    here = ClientFactory(wijkteam=wijkteam, achternaam="Jansen")
    there = ClientFactory(wijkteam=other_wijkteam, achternaam="Pietersen")
    api = api_client_for(make_user(R.INTAKER))

    def ids(query=""):
        response = api.get(f"/api/v1/clienten{query}")
        assert response.status_code == 200, response.json()
        return [row["id"] for row in response.json()["results"]]

    assert ids() == [there.pk, here.pk]
    assert ids("?pageSize=1") == [there.pk]  # pagination only: no filter
    assert ids(f"?wijkteam={wijkteam.code}") == [here.pk]
    assert ids("?achternaam=pie&pageSize=10") == [there.pk]
    bad = api.get("/api/v1/clienten?coach=geen-getal")
    assert bad.status_code == 400 and "coach" in bad.json()["fields"]
