"""The intaker's form: every field error at once, and a duplicate BSN links to the client already registered."""

import pytest
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role

from ..factories import ClientFactory
from .test_views import _client_form

pytestmark = pytest.mark.django_db


def test_invalid_bsn_and_invalid_email_show_together(client, make_user, wijkteam):
    client.force_login(make_user(Role.INTAKER))
    response = client.post(
        reverse("cases:client-create"), _client_form(wijkteam, bsn="123456781", email="geen-adres")
    )
    errors = response.context["form"].errors
    assert response.status_code == 400
    assert errors["bsn"] == ["Dit BSN is ongeldig: het voldoet niet aan de elfproef."]
    assert "email" in errors


def test_duplicate_bsn_links_to_the_existing_client(client, make_user, wijkteam):
    existing = ClientFactory(wijkteam=wijkteam)
    client.force_login(make_user(Role.INTAKER))
    response = client.post(reverse("cases:client-create"), _client_form(wijkteam, bsn=existing.bsn))
    body = response.content.decode()
    assert "Er is al een cliënt met dit BSN geregistreerd." in body
    assert f'href="{reverse("cases:client-detail", args=[existing.pk])}"' in body


def test_duplicate_bsn_outside_the_users_scope_is_not_linked(client, make_user, wijkteam, other_wijkteam):
    existing = ClientFactory(wijkteam=other_wijkteam)
    client.force_login(make_user(Role.COACH, wijkteam=wijkteam))
    response = client.post(reverse("cases:client-create"), _client_form(wijkteam, bsn=existing.bsn))
    body = response.content.decode()
    assert "Er is al een cliënt met dit BSN geregistreerd." in body
    assert reverse("cases:client-detail", args=[existing.pk]) not in body
