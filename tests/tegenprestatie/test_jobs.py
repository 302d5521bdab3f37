"""Jobs: a host organisation's week list (CSV) goes through the same rule as the grid and the API."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from tegenprestatie import rules, services, tasks
from tegenprestatie.models import HourLog
from tests.factories import ClientFactory
from tests.tegenprestatie.factories import PlacementFactory

pytestmark = pytest.mark.django_db


def test_the_task_imports_a_week_list(coach, wijkteam, host):
    a, b = (PlacementFactory(client=ClientFactory(wijkteam=wijkteam), host=host) for _ in range(2))
    text = f"plaatsing;uren;aanwezigheid;opmerking\n{a.pk};7,5;;\n{b.pk};0;niet verschenen;geen bericht\n"
    assert tasks.import_week_hours.delay(actor_id=coach.pk, week="2026-W07", text=text).get() == 2
    assert dict(HourLog.objects.values_list("placement_id", "attendance")) == {
        a.pk: "aanwezig",
        b.pk: rules.NO_SHOW,
    }


def test_rerunning_the_task_does_not_double_the_hours(coach, placement):
    text = f"plaatsing;uren\n{placement.pk};6\n"
    tasks.import_week_hours(actor_id=coach.pk, week="2026-W07", text=text)
    tasks.import_week_hours(actor_id=coach.pk, week="2026-W07", text=text)
    assert list(HourLog.objects.values_list("hours", flat=True)) == [D("6")]


def test_a_list_with_a_bad_line_stores_nothing_and_names_the_line(coach, placement):
    text = f"plaatsing;uren\n{placement.pk};6\n{placement.pk};veel\n"
    with pytest.raises(ValidationError) as exc:
        services.import_week_hours(
            actor=coach, week=rules.IsoWeek(2026, 7), text=text, placements=placement.__class__.objects.all()
        )
    assert exc.value.message_dict == {"line.3": ["Regel 3: 'veel' is geen aantal uren."]}
    assert not HourLog.objects.exists()


def test_the_command_gives_the_same_cap_message_as_the_grid(coach, placement, tmp_path):
    path = tmp_path / "week.csv"
    path.write_text(f"plaatsing;uren\n{placement.pk};20,5\n", encoding="utf-8")
    with pytest.raises(CommandError) as exc:
        call_command("import_tegenprestatie_uren", str(path), week="2026-W07", gebruiker=coach.username)
    assert "Maximaal 20 uur per week: week 2026-W07 komt op 20,5 uur." in str(exc.value)
    assert not HourLog.objects.exists()
