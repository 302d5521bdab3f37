"""API tokens: beheer issues (key shown once) and revokes; revoked or expired tokens stop working."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from almelo_sociaal.accounts.models import ApiToken, hash_token
from almelo_sociaal.accounts.roles import Role

pytestmark = pytest.mark.django_db


def _api(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_beheer_issues_a_token_and_sees_the_key_once(client, make_user):
    machine = make_user(Role.API_CLIENT, username="werkplein-api")
    client.force_login(make_user(Role.BEHEER))
    response = client.post(
        reverse("security:api-tokens"),
        {
            "user": machine.pk,
            "name": "Werkplein",
            "scopes": ["srt:signaal-melden", "clienten:lezen"],
            "days": 30,
        },
    )
    assert response.status_code == 200
    key = re.search(r'id="new-token-key">([^<]+)<', response.content.decode()).group(1)
    token = ApiToken.objects.get()
    assert token.key_hash == hash_token(key) and key not in str(token.__dict__)
    assert (
        token.scopes == ["clienten:lezen", "srt:signaal-melden"]
        and token.expires_at.date() == (timezone.now() + timedelta(days=30)).date()
    )
    assert _api(key).get("/api/v1/me/").json()["username"] == "werkplein-api"
    assert key not in client.get(reverse("security:api-tokens")).content.decode()


def test_issue_form_errors_are_dutch(client, make_user):
    client.force_login(make_user(Role.BEHEER))
    response = client.post(reverse("security:api-tokens"), {"name": "", "days": "-1"})
    body = response.content.decode()
    assert response.status_code == 400 and "Dit veld is vereist." in body and "minstens 1" in body


def test_beheer_revokes_a_token_and_it_stops_working(client, make_user):
    token, key = ApiToken.issue(user=make_user(Role.API_CLIENT), name="Werkplein")
    assert _api(key).get("/api/v1/me/").status_code == 200
    client.force_login(make_user(Role.BEHEER))
    client.post(reverse("security:api-token-revoke", args=[token.pk]))
    response = _api(key).get("/api/v1/me/")
    assert response.status_code == 401 and response.json()["message"] == "Dit token is ingetrokken."


def test_expired_token_is_refused(make_user):
    token, key = ApiToken.issue(user=make_user(Role.API_CLIENT), name="Werkplein")
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = _api(key).get("/api/v1/me/")
    assert response.status_code == 401 and response.json()["message"] == "Dit token is verlopen."


@pytest.mark.parametrize("role", [r for r in Role if r != Role.BEHEER])
def test_only_beheer_manages_tokens(client, make_user, role):
    token, _ = ApiToken.issue(user=make_user(Role.API_CLIENT), name="Werkplein")
    client.force_login(make_user(role))
    assert client.get(reverse("security:api-tokens")).status_code == 403
    assert client.post(reverse("security:api-token-revoke", args=[token.pk])).status_code == 403
    token.refresh_from_db()
    assert token.revoked_at is None


def test_admin_action_revokes_tokens(client, make_user):
    token, _ = ApiToken.issue(user=make_user(Role.API_CLIENT), name="Werkplein")
    client.force_login(make_user(Role.BEHEER, is_staff=True, is_superuser=True))
    client.post(
        reverse("admin:accounts_apitoken_changelist"), {"action": "revoke", "_selected_action": [token.pk]}
    )
    token.refresh_from_db()
    assert token.revoked_at is not None
