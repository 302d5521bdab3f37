"""The read collector (audit/reads.py) in isolation: what the data layer notes, and when."""

from __future__ import annotations

import pytest

from almelo_sociaal.audit.reads import collecting, current
from cases.models import Aanvraag, Client
from tegenprestatie.models import HourLog
from tegenprestatie.rules import IsoWeek
from tests.factories import AanvraagFactory, ClientFactory
from tests.tegenprestatie.factories import PlacementFactory, log_hours

pytestmark = pytest.mark.django_db


def test_nothing_is_noted_outside_a_request(wijkteam):
    ClientFactory(wijkteam=wijkteam)
    list(Client.objects.all())
    assert current() is None


def test_instances_note_their_client_with_the_first_record_read(wijkteam):
    aanvraag = AanvraagFactory(client=ClientFactory(wijkteam=wijkteam))
    with collecting() as reads:
        list(Aanvraag.objects.select_related("client"))
    assert reads.seen == {aanvraag.client_id: ("aanvraag", str(aanvraag.pk))}


def test_a_record_read_without_its_client_link_notes_nothing(wijkteam):
    AanvraagFactory(client=ClientFactory(wijkteam=wijkteam))
    with collecting() as reads:
        list(Aanvraag.objects.only("id", "status"))
    assert reads.seen == {}


def test_plain_rows_with_personal_fields_note_the_client_id_in_the_row(wijkteam):
    subject = ClientFactory(wijkteam=wijkteam)
    placement = PlacementFactory(client=subject)
    log_hours(placement, IsoWeek(2026, 9), "4")
    with collecting() as reads:
        list(Client.objects.values("id", "achternaam"))
        list(HourLog.objects.values_list("client", "client__voornamen"))
    assert reads.seen == {subject.pk: ("cliënt", str(subject.pk))} and reads.untraced == 0


def test_plain_rows_without_personal_fields_are_not_reads(wijkteam):
    ClientFactory(wijkteam=wijkteam)
    with collecting() as reads:
        list(Client.objects.values("id", "wijkteam_id"))
        list(Client.objects.values_list("pk", flat=True))
    assert reads.seen == {} and reads.untraced == 0


def test_a_personal_field_without_its_client_id_is_counted_untraceable(wijkteam):
    ClientFactory(wijkteam=wijkteam)
    with collecting() as reads:
        list(Client.objects.values("achternaam"))
        list(Client.objects.values_list("bsn", flat=True))
    assert reads.seen == {} and reads.untraced == 2
