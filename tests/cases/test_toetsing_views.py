"""The toetser's working day: the queue shows beslistermijn and wijkteam, the badge says "Ter toetsing", the
approve button is not offered on one's own draft and sits apart from the reason for sending back."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role

from ..factories import AanvraagFactory, UserFactory

pytestmark = pytest.mark.django_db


def _draft(client_in_team, *, by, aanvraagdatum=date(2026, 10, 1)):
    return AanvraagFactory(
        client=client_in_team,
        aanvraagdatum=aanvraagdatum,
        status="in_behandeling",
        voorliggende_voorziening="geen",
        concept_besluit="toekennen",
        concept_reden="Voldoet aan de voorwaarden.",
        concept_ingangsdatum=aanvraagdatum,
        concept_maandbedrag=Decimal("1300.00"),
        concept_door=by,
        concept_versie=1,
    )


@time_machine.travel(date(2026, 12, 1))
def test_queue_shows_wijkteam_and_beslistermijn(client, make_user, client_in_team):
    _draft(client_in_team, by=UserFactory(), aanvraagdatum=date(2026, 9, 1))
    client.force_login(make_user(Role.TOETSER))
    html = client.get(reverse("cases:toetsing")).content.decode()
    assert '<th scope="col">Wijkteam</th>' in html and '<th scope="col">Beslistermijn</th>' in html
    assert client_in_team.wijkteam.name in html
    assert "27-10-2026" in html and "verstreken" in html  # 1 September + 8 weeks, past on 1 December


def test_queue_has_constant_queries(client, make_user, client_in_team, django_assert_max_num_queries):
    client.force_login(make_user(Role.TOETSER))
    for _ in range(3):
        _draft(client_in_team, by=UserFactory())
    with django_assert_max_num_queries(14) as small:
        client.get(reverse("cases:toetsing"))
    for _ in range(10):
        _draft(client_in_team, by=UserFactory())
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("cases:toetsing"))


def test_badge_says_ter_toetsing_after_drafting(client, make_user, client_in_team):
    aanvraag = _draft(client_in_team, by=UserFactory())
    client.force_login(make_user(Role.TOETSER))
    html = client.get(reverse("cases:aanvraag-detail", args=[aanvraag.pk])).content.decode()
    assert 'id="aanvraag-status">Ter toetsing</span>' in html


def test_no_approve_button_on_own_draft(client, make_user, client_in_team):
    toetser = make_user(Role.TOETSER)
    aanvraag = _draft(client_in_team, by=toetser)
    client.force_login(toetser)
    html = client.get(reverse("cases:aanvraag-detail", args=[aanvraag.pk])).content.decode()
    assert 'value="approve"' not in html
    assert 'value="return"' in html and "vier-ogenprincipe" in html


def test_approve_and_send_back_are_separate_forms(client, make_user, client_in_team):
    aanvraag = _draft(client_in_team, by=UserFactory())
    client.force_login(make_user(Role.TOETSER))
    html = client.get(reverse("cases:aanvraag-detail", args=[aanvraag.pk])).content.decode()
    approve_form = html[html.index('class="toets-approve"') : html.index('value="approve"')]
    assert "Reden van terugsturen" not in approve_form
    assert html.index('value="approve"') < html.index("Reden van terugsturen")


def test_approve_from_its_own_form_decides(client, make_user, client_in_team):
    aanvraag = _draft(client_in_team, by=UserFactory())
    client.force_login(make_user(Role.TOETSER))
    response = client.post(
        reverse("cases:aanvraag-detail", args=[aanvraag.pk]), {"action": "approve", "versie": "1"}
    )
    assert response.status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.status == "toegekend"
