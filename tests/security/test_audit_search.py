"""Beheer searches the audit log by a client's name or BSN, POSTed so that neither ends up in a URL."""

import pytest
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.audit.models import AccessLog
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged(make_user, wijkteam):
    viewer = make_user(Role.COACH, wijkteam=wijkteam, username="kijker")
    wanted = ClientFactory(wijkteam=wijkteam, voornamen="Hasan", achternaam="Bosscher", bsn="123456782")
    other = ClientFactory(wijkteam=wijkteam, voornamen="Anna", achternaam="Smit")
    for subject in (wanted, other):
        AccessLog.objects.create(user=viewer, client=subject, object_type="cliënt", action="bekeken")
    return wanted, other


@pytest.mark.parametrize("query", ["Bosscher", "hasan bos", "123456782", "1234.56.782"])
def test_search_by_name_or_bsn(client, make_user, logged, query):
    wanted, other = logged
    client.force_login(make_user(Role.BEHEER))
    response = client.post(reverse("audit-log"), {"client": query})
    assert response.status_code == 200
    reads = list(response.context["reads"].object_list)
    assert reads and {r.client_id for r in reads} == {wanted.pk}
    assert all(r.history_id and r.id == wanted.pk for r in response.context["change_rows"])


def test_the_search_form_posts(client, make_user):
    client.force_login(make_user(Role.BEHEER))
    body = client.get(reverse("audit-log")).content.decode()
    assert '<form method="post"' in body and 'name="client"' in body


def test_only_beheer_may_search(client, make_user, logged):
    client.force_login(make_user(Role.COACH))
    assert client.post(reverse("audit-log"), {"client": "Bosscher"}).status_code == 403
