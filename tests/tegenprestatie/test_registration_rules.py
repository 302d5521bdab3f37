"""Registering a week's hours: within the combined cap with re-integration, above the agreed hours only with a
reason, never ahead of the week, never in a pause or on a placement that never started, and hours are
checked before attendance."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from tegenprestatie import rules, selectors, services
from tegenprestatie.models import HourLog
from tests.participation.factories import TrajectoryFactory
from tests.tegenprestatie.factories import HostFactory, activity

pytestmark = pytest.mark.django_db

W07 = rules.IsoWeek(2026, 7)  # 09-02-2026 t/m 15-02-2026; the tests run on 01-12-2026 (conftest)


def register(user, rows, week=W07):
    return services.register_week_hours(
        actor=user, week=week, rows=rows, placements=selectors.registrable_placements(user)
    )


@pytest.fixture
def started(coach, client_in_team, in_group):
    """A 10-hour placement started through the service on 05-01-2026."""
    in_group(client_in_team)
    return services.propose_placement(
        actor=coach,
        client=client_in_team,
        activity=activity("buurthuis"),
        host=HostFactory(),
        self_chosen=False,
        phase=2,
        agreed_hours=D("10"),
        start_date=date(2026, 1, 5),
        activate=True,
    )


def test_registered_hours_plus_that_weeks_reintegration_stay_within_20(coach, started):
    TrajectoryFactory(client=started.client, group=2, start=date(2026, 2, 11), hours_per_week=D("10"))
    with pytest.raises(ValidationError) as exc:
        register(coach, [services.HourRow(started.pk, D("16"), note="Extra dagen")])
    assert exc.value.message_dict["rows.0.hours"][0].endswith(
        "Maximaal 20 uur per week samen: week 2026-W07 komt op tegenprestatie 16 uur + "
        "re-integratie 10 uur = 26 uur."
    )


def test_more_than_the_agreed_hours_without_a_reason_is_refused(coach, started):
    with pytest.raises(ValidationError) as exc:
        register(coach, [services.HourRow(started.pk, D("12"))])
    assert exc.value.message_dict["rows.0.note"][0].endswith(
        "12 uur is meer dan de afgesproken 10 uur per week; geef in de opmerking de reden."
    )


def test_more_than_the_agreed_hours_with_a_reason_is_registered(coach, started):
    register(coach, [services.HourRow(started.pk, D("12"), note="Gemiste uren van week 6 ingehaald")])
    assert HourLog.objects.get().hours == D("12")


def test_attendance_for_a_week_that_has_not_begun_is_refused(coach, started):
    with pytest.raises(ValidationError) as exc:
        register(coach, [services.HourRow(started.pk, D("4"))], week=rules.IsoWeek(2026, 50))
    assert exc.value.message_dict["rows.0.week"][0].endswith(
        "Week 2026-W50 begint pas op 07-12-2026; 'aanwezig' kan pas vanaf die dag worden geregistreerd."
    )


def test_an_absence_can_be_reported_for_a_coming_week(coach, started):
    register(coach, [services.HourRow(started.pk, D("0"), rules.EXCUSED)], week=rules.IsoWeek(2026, 50))
    assert HourLog.objects.get().attendance == rules.EXCUSED


def test_the_current_week_can_be_registered(coach, started):
    register(coach, [services.HourRow(started.pk, D("4"))], week=rules.IsoWeek(2026, 49))
    assert HourLog.objects.get().iso_week == 49


def test_hours_in_a_paused_week_are_refused(coach, started):
    services.change_placement_status(
        actor=coach, placement=started, new_status=rules.PAUSED, on=date(2026, 2, 2), reason_text="Ziek"
    )
    with pytest.raises(ValidationError) as exc:
        register(coach, [services.HourRow(started.pk, D("4"))])
    assert exc.value.message_dict["rows.0.week"][0].endswith(
        "De plaatsing was in week 2026-W07 gepauzeerd (sinds 02-02-2026); daarin worden geen uren geregistreerd."
    )


def test_hours_after_a_pause_ended_are_registered(coach, started):
    services.change_placement_status(
        actor=coach, placement=started, new_status=rules.PAUSED, on=date(2026, 1, 26), reason_text="Ziek"
    )
    services.change_placement_status(
        actor=coach, placement=started, new_status=rules.ACTIVE, on=date(2026, 2, 9)
    )
    register(coach, [services.HourRow(started.pk, D("4"))])
    assert HourLog.objects.get().hours == D("4")


def test_hours_on_a_placement_ended_before_it_started_are_refused(coach, client_in_team, in_group):
    in_group(client_in_team)
    proposed = services.propose_placement(
        actor=coach,
        client=client_in_team,
        activity=activity("buurthuis"),
        host=HostFactory(),
        self_chosen=False,
        phase=2,
        agreed_hours=D("10"),
        start_date=date(2026, 1, 5),
    )
    services.change_placement_status(
        actor=coach,
        placement=proposed,
        new_status=rules.ENDED,
        on=date(2026, 3, 1),
        end_reason="werk",
    )
    with pytest.raises(ValidationError) as exc:
        register(coach, [services.HourRow(proposed.pk, D("4"))])
    assert "nooit gestart" in exc.value.message_dict["rows.0.placement"][0]


def test_negative_hours_get_the_message_about_hours(coach, started):
    with pytest.raises(ValidationError) as exc:
        register(coach, [services.HourRow(started.pk, D("-3"))])
    assert exc.value.message_dict == {
        "rows.0.hours": [
            f"Rij 1 ({started.client.full_name}, Helpen in het buurthuis): "
            "Het aantal uren kan niet negatief zijn."
        ]
    }
