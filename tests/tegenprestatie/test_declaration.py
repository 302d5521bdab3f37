"""A placement needs a verdringing declaration that is valid on its start date: signed on or before it and
not expired (validity: parameter tp_verdringingsverklaring_geldig_maanden)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.tegenprestatie.factories import HostFactory
from tests.tegenprestatie.test_combined_hours import propose

pytestmark = pytest.mark.django_db


def test_a_placement_before_the_declaration_was_signed_is_refused(coach, client_in_team, in_group):
    host = HostFactory(declaration_signed_on=date(2021, 1, 18))
    with pytest.raises(ValidationError) as exc:
        propose(coach, in_group(client_in_team), host=host, start_date=date(2020, 1, 6))
    assert exc.value.message_dict["start_date"] == [
        f"{host.name} tekende de verdringingsverklaring op 18-01-2021, na de startdatum 06-01-2020; "
        "een plaatsing kan pas vanaf de datum van de verklaring."
    ]


def test_a_placement_after_the_declaration_expired_is_refused(coach, client_in_team, in_group):
    host = HostFactory(declaration_signed_on=date(2024, 3, 1))
    with pytest.raises(ValidationError) as exc:
        propose(coach, in_group(client_in_team), host=host, start_date=date(2026, 3, 2))
    assert exc.value.message_dict["host"] == [
        f"De verdringingsverklaring van {host.name} (getekend 01-03-2024) was geldig t/m 28-02-2026; "
        "leg eerst een nieuwe verklaring vast."
    ]


def test_a_placement_on_the_last_valid_day_of_the_declaration_is_admitted(coach, client_in_team, in_group):
    host = HostFactory(declaration_signed_on=date(2024, 3, 2))
    assert propose(coach, in_group(client_in_team), host=host, start_date=date(2026, 3, 1)).pk


def test_the_host_page_says_when_the_declaration_expired(client, coach):
    host = HostFactory(declaration_signed_on=date(2024, 3, 1))
    client.force_login(coach)
    body = client.get(reverse("tegenprestatie:host-detail", args=[host.pk])).content.decode()
    assert "De verklaring was geldig t/m 28-02-2026" in body
