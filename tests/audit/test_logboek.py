"""Logboek Dataverwerkingen: the W3C trace id of a request (accepted or generated, returned), the processing
activity and the API client's token on the read-log and change-log rows; beheer finds a request's rows by its
trace id."""

from __future__ import annotations

import pytest

from almelo_sociaal.accounts import scopes
from almelo_sociaal.accounts.models import ApiToken
from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.audit.models import AccessLog, ProcessingActivity
from almelo_sociaal.audit.trace import from_header
from cases.models import Client

from ..factories import ClientFactory

pytestmark = pytest.mark.django_db

TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
TRACEPARENT = f"00-{TRACE}-00f067aa0ba902b7-01"


@pytest.fixture
def werkplein(make_user):
    account = make_user(Role.API_CLIENT)
    token, key = ApiToken.issue(
        user=account, name="werkplein", scopes=[scopes.CLIENTEN_LEZEN, scopes.CLIENTEN_SCHRIJVEN]
    )
    return account, token, key


def test_a_callers_traceparent_is_kept_and_returned(client):
    response = client.get("/api/v1", HTTP_TRACEPARENT=TRACEPARENT)
    version, trace_id, span_id, flags = response["traceparent"].split("-")
    assert (version, trace_id, flags) == ("00", TRACE, "01")
    assert span_id != "00f067aa0ba902b7" and len(span_id) == 16  # this system's own span


@pytest.mark.parametrize("header", [None, "garbage", f"00-{'0' * 32}-00f067aa0ba902b7-01"])
def test_without_a_valid_traceparent_one_is_generated(client, header):
    extra = {"HTTP_TRACEPARENT": header} if header else {}
    returned = client.get("/api/v1", **extra)["traceparent"]
    assert from_header(returned) not in (None, TRACE)


def test_read_log_rows_carry_trace_activity_and_token(werkplein, wijkteam):
    from rest_framework.test import APIClient

    account, token, key = werkplein
    subjects = ClientFactory.create_batch(2, wijkteam=wijkteam)
    APIClient().get("/api/v1/clienten", HTTP_AUTHORIZATION=f"Bearer {key}", HTTP_TRACEPARENT=TRACEPARENT)
    rows = AccessLog.objects.filter(trace_id=TRACE)
    assert {row.client_id for row in rows} == {s.pk for s in subjects}
    assert {(row.user_id, row.api_token_id, row.processing_activity) for row in rows} == {
        (account.pk, token.pk, "participatiewet")
    }


def test_the_activity_is_the_longest_matching_prefix(make_user, api_client_for, wijkteam, client):
    assert ProcessingActivity.objects.get(code="sociale-recherche").prefixes() == ["/srt/", "/api/v1/srt/"]
    from almelo_sociaal.audit.activities import activity_for

    assert activity_for("/api/v1/srt/signalen") == "sociale-recherche"
    assert activity_for("/api/v1/tegenprestatie/uren") == "tegenprestatie"
    assert activity_for("/clienten/3/") == "participatiewet"


def test_change_log_rows_carry_the_trace(make_user, api_client_for, wijkteam):
    subject = ClientFactory(wijkteam=wijkteam)
    api = api_client_for(make_user(Role.INTAKER, wijkteam=wijkteam))
    response = api.patch(
        f"/api/v1/clienten/{subject.pk}", {"telefoon": "0546123456"}, HTTP_TRACEPARENT=TRACEPARENT
    )
    assert response.status_code == 200, response.content
    latest = Client.history.filter(id=subject.pk).latest("history_date")
    assert latest.history_change_reason == f"trace:{TRACE} verwerking:participatiewet"


def test_beheer_finds_every_row_of_a_request_by_its_trace_id(werkplein, wijkteam, make_user, client):
    from rest_framework.test import APIClient

    _, _, key = werkplein
    ClientFactory.create_batch(3, wijkteam=wijkteam)
    APIClient().get("/api/v1/clienten", HTTP_AUTHORIZATION=f"Bearer {key}", HTTP_TRACEPARENT=TRACEPARENT)
    APIClient().get("/api/v1/clienten", HTTP_AUTHORIZATION=f"Bearer {key}")  # another request
    client.force_login(make_user(Role.BEHEER, is_staff=True, is_superuser=True))
    page = client.get("/beheer/audit/accesslog/", {"q": TRACE})
    assert page.status_code == 200
    assert page.context["cl"].result_count == 3
    assert AccessLog.objects.exclude(trace_id=TRACE).count() == 3


def test_beheer_maintains_the_register(make_user, client):
    client.force_login(make_user(Role.BEHEER, is_staff=True, is_superuser=True))
    page = client.get("/beheer/audit/processingactivity/")
    assert page.status_code == 200 and "Sociale recherche" in page.content.decode()
