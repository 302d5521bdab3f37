"""API tokens: beheer issues (key shown once) and revokes; revoked or expired tokens stop working."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
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
    assert _api(key).get("/api/v1/account").json()["username"] == "werkplein-api"
    assert key not in client.get(reverse("security:api-tokens")).content.decode()


def test_issue_form_errors_are_dutch(client, make_user):
    client.force_login(make_user(Role.BEHEER))
    response = client.post(reverse("security:api-tokens"), {"name": "", "days": "-1"})
    body = response.content.decode()
    assert response.status_code == 400 and "Dit veld is vereist." in body and "minstens 1" in body


def test_beheer_revokes_a_token_and_it_stops_working(client, make_user):
    token, key = ApiToken.issue(user=make_user(Role.API_CLIENT), name="Werkplein")
    assert _api(key).get("/api/v1/account").status_code == 200
    client.force_login(make_user(Role.BEHEER))
    client.post(reverse("security:api-token-revoke", args=[token.pk]))
    response = _api(key).get("/api/v1/account")
    assert response.status_code == 401 and response.json()["message"] == "Dit token is ingetrokken."


def test_expired_token_is_refused(make_user):
    token, key = ApiToken.issue(user=make_user(Role.API_CLIENT), name="Werkplein")
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = _api(key).get("/api/v1/account")
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


# ----------------------------------------------------------------------- issue 14, finding 7: tokens
HUMAN_MESSAGE = (
    "Een API-token kan alleen worden uitgegeven aan een API-client-account, niet aan een medewerker"
)


def test_the_command_refuses_a_token_for_a_person(make_user):
    from django.core.management import CommandError, call_command

    make_user(Role.COACH, username="coach-piet")
    with pytest.raises(CommandError, match=HUMAN_MESSAGE):
        call_command("issue_api_token", "coach-piet", "--scope", "clienten:lezen")
    assert not ApiToken.objects.exists()


def test_the_command_issues_the_werkplein_preset(make_user):
    import io

    from django.core.management import call_command

    from almelo_sociaal.accounts.scopes import WERKPLEIN

    make_user(Role.API_CLIENT, username="werkplein-api")
    out = io.StringIO()
    call_command("issue_api_token", "werkplein-api", "--preset", "werkplein", stdout=out)
    assert ApiToken.objects.get().scopes == sorted(WERKPLEIN)


def test_the_token_page_refuses_a_person_with_the_api_client_role_too(client, make_user):
    person = make_user(Role.API_CLIENT, username="half-mens")
    person.groups.add(Group.objects.get_or_create(name=Role.COACH.value)[0])
    client.force_login(make_user(Role.BEHEER))
    response = client.post(
        reverse("security:api-tokens"),
        {"user": person.pk, "name": "x", "scopes": ["clienten:lezen"], "days": 30},
    )
    assert response.status_code == 400 and HUMAN_MESSAGE in response.content.decode()
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("kind", ["coach", "staff", "superuser", "no-role"])
def test_the_service_refuses_every_kind_of_person(make_user, kind):
    from django.core.exceptions import ValidationError

    from almelo_sociaal.accounts.services import issue_api_token

    user = {
        "coach": lambda: make_user(Role.COACH),
        "staff": lambda: make_user(Role.API_CLIENT, is_staff=True),
        "superuser": lambda: make_user(Role.API_CLIENT, is_superuser=True),
        "no-role": lambda: make_user(None),
    }[kind]()
    with pytest.raises(ValidationError) as refused:
        issue_api_token(user=user, name="x", scopes=["clienten:lezen"])
    assert refused.value.error_dict["user"][0].code == "token_alleen_api_client"


def test_an_unknown_scope_is_refused(make_user):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Onbekende scope: srt"):
        ApiToken.issue(user=make_user(Role.API_CLIENT), name="x", scopes=["srt"])


def test_a_persons_token_from_before_is_refused(make_user):
    """A token issued to a person before this rule (it bypasses the second factor and the lockout)."""
    _, key = ApiToken._create(user=make_user(Role.INTAKER), name="oud", scopes=["clienten:lezen"])
    response = _api(key).get("/api/v1/clienten")
    assert response.status_code == 401
    assert response.json()["message"] == "Dit token hoort niet bij een API-client-account."


# ------------------------------------------------------- issue 14, finding 7: reactivation revives nothing
def _logged_in(user):
    from django.test import Client

    browser = Client()
    browser.force_login(user)
    assert browser.get("/").status_code == 200
    return browser


def _is_logged_out(browser) -> bool:
    response = browser.get("/")
    return response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_deactivation_ends_the_sessions_and_reactivation_does_not_revive_them(
    make_user, django_capture_on_commit_callbacks
):
    from django.contrib.sessions.models import Session

    user = make_user(Role.COACH)
    browser = _logged_in(user)
    token_user = make_user(Role.API_CLIENT)
    token, key = ApiToken.issue(user=token_user, name="x", scopes=["clienten:lezen"])
    with django_capture_on_commit_callbacks(execute=True):
        for who in (user, token_user):
            who.is_active = False
            who.save()
    assert not Session.objects.exists()  # ended at deactivation, not merely unusable
    for who in (user, token_user):
        who.is_active = True
        who.save()
    assert _is_logged_out(browser)
    assert _api(key).get("/api/v1/account").status_code == 401  # revoked at deactivation, stays revoked
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_a_session_older_than_the_reactivation_is_refused(make_user):
    """The other order: the deactivation did not go through save() (a bulk update, a directory sync), so the
    sessions were never ended; the reactivation still refuses every session opened before it."""
    from django.contrib.auth import get_user_model

    user = make_user(Role.COACH)
    browser = _logged_in(user)
    get_user_model().objects.filter(pk=user.pk).update(is_active=False)
    assert _is_logged_out(browser)  # inactive: anonymous meanwhile, but the session itself stays
    user = get_user_model().objects.get(pk=user.pk)
    user.is_active = True
    user.save()
    assert _is_logged_out(browser)
    assert _logged_in(user)  # a new login works


def test_saving_a_user_without_changing_is_active_keeps_the_sessions(make_user):
    user = make_user(Role.COACH)
    browser = _logged_in(user)
    user.first_name = "Anders"
    user.save()
    assert browser.get("/").status_code == 200


# ------------------------------------------------------------ issue 14, finding 7: the data migration
def test_data_migration_gives_existing_tokens_sensible_scopes(make_user):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("almelo_sociaal.accounts.migrations.0005_token_scopes")
    machine = make_user(Role.API_CLIENT)
    srt_token, _ = ApiToken._create(user=machine, name="srt", scopes=["srt"])
    plain_token, _ = ApiToken._create(user=machine, name="plain", scopes=[])
    person_token, _ = ApiToken._create(user=make_user(Role.COACH), name="mens", scopes=[])
    migration.forwards(apps, None)
    for token in (srt_token, plain_token, person_token):
        token.refresh_from_db()
    assert {"srt:signaal-lezen", "srt:signaal-melden", "srt:onderzoek-lezen"} <= set(srt_token.scopes)
    assert plain_token.scopes == [
        "clienten:lezen",
        "participatie:lezen",
        "wijkteams:lezen",
    ]  # no bsn, hours...
    assert set(plain_token.scopes) < set(srt_token.scopes)
    assert person_token.revoked_at is not None and person_token.scopes == []


def test_the_admin_cannot_widen_a_token_or_move_it_to_a_person(client, make_user):
    token, _ = ApiToken.issue(user=make_user(Role.API_CLIENT), name="Werkplein", scopes=["clienten:lezen"])
    person = make_user(Role.COACH)
    client.force_login(make_user(Role.BEHEER, is_staff=True, is_superuser=True))
    client.post(
        reverse("admin:accounts_apitoken_change", args=[token.pk]),
        {
            "user": person.pk,
            "name": "Werkplein",
            "scopes": '["bsn", "clienten:lezen"]',
            "expires_at_0": "2030-01-01",
            "expires_at_1": "00:00:00",
        },
    )
    token.refresh_from_db()
    assert token.scopes == ["clienten:lezen"] and token.user != person
