import pytest

from almelo_sociaal.accounts.roles import Role
from cases.events import record_client_event
from cases.models import ClientEvent

pytestmark = pytest.mark.django_db


def test_one_line_on_the_timeline_with_its_kind_and_actor(client_in_team, make_user):
    actor = make_user(Role.COACH)
    event = record_client_event(
        client_id=client_in_team.pk,
        kind=ClientEvent.Kind.CONTACT,
        text="Contactmoment vastgelegd",
        actor=actor,
    )
    assert (event.client, event.kind, event.text, event.actor) == (
        client_in_team,
        "contact",
        "Contactmoment vastgelegd",
        actor,
    )
    assert event.get_kind_display() == "Contact"


def test_a_long_text_is_cut_to_the_column(client_in_team):
    event = record_client_event(
        client_id=client_in_team.pk, kind=ClientEvent.Kind.INTAKE, text="x" * 400, actor=None
    )
    assert len(event.text) == 300
