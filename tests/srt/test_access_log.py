"""Every read of an investigation (page, list, API list, API detail) leaves an access-log entry."""

from __future__ import annotations

import pytest
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.audit.models import AccessLog

from .factories import InvestigationFactory

pytestmark = pytest.mark.django_db


def entries(investigation):
    return AccessLog.objects.filter(object_type="srt-onderzoek", object_id=str(investigation.pk))


def test_detail_page_read_is_logged(client, make_user):
    user, investigation = make_user(Role.SRT), InvestigationFactory()
    client.force_login(user)
    client.get(reverse("srt:investigation-detail", args=[investigation.pk]))
    entry = entries(investigation).get()
    assert (entry.user, entry.client, entry.action) == (user, investigation.client, "view")


def test_list_page_logs_every_row_shown(client, make_user):
    investigations = InvestigationFactory.create_batch(3)
    client.force_login(make_user(Role.SRT))
    client.get(reverse("srt:investigations"))
    assert all(entries(i).count() == 1 for i in investigations)


def test_outcome_page_read_is_logged(client, make_user):
    investigation = InvestigationFactory(running=True)
    client.force_login(make_user(Role.SRT))
    client.get(reverse("srt:investigation-outcome", args=[investigation.pk]))
    assert entries(investigation).count() == 1


def test_api_list_and_detail_are_logged(make_user, api_client_for):
    investigation = InvestigationFactory()
    api = api_client_for(
        make_user(Role.API_CLIENT), scopes=["srt:signaal-melden", "srt:signaal-lezen", "srt:onderzoek-lezen"]
    )
    api.get("/api/v1/srt/onderzoeken")
    api.get(f"/api/v1/srt/onderzoeken/{investigation.pk}")
    assert list(entries(investigation).values_list("action", flat=True)) == ["api", "api"]


def test_denied_read_is_not_served_and_not_logged(client, make_user):
    investigation = InvestigationFactory()
    client.force_login(make_user(Role.COORDINATOR))
    assert client.get(reverse("srt:investigation-detail", args=[investigation.pk])).status_code == 403
    assert not entries(investigation).exists()


def test_beheer_assignment_page_reads_no_client(client, make_user):
    """Beheer assigns without seeing the case: the investigation is read without its client (reference,
    status, investigators), so there is no person to log."""
    investigation = InvestigationFactory()
    client.force_login(make_user(Role.BEHEER))
    body = client.get(reverse("srt:investigation-assign", args=[investigation.pk])).content.decode()
    assert investigation.reference in body and investigation.client.achternaam not in body
    assert not AccessLog.objects.exists()
