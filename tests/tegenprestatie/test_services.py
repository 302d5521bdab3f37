"""Services: admission, bulk hour registration (all or nothing), status, vrijstelling, maatregel."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
import time_machine
from django.core.exceptions import ValidationError

from cases.models import ClientEvent
from tegenprestatie import rules, selectors, services
from tegenprestatie.models import Exemption, HourLog, Placement, Sanction
from tests.factories import ClientFactory
from tests.tegenprestatie.factories import HostFactory, PlacementFactory, activity, log_hours, propose

pytestmark = pytest.mark.django_db

W07 = rules.IsoWeek(2026, 7)


def errors_of(exc: pytest.ExceptionInfo) -> dict[str, list[str]]:
    return exc.value.message_dict


# --------------------------------------------------------------------------- placements


def test_a_placement_is_proposed_and_on_the_client_timeline(coach, client_in_team, in_group):
    placement = propose(coach, in_group(client_in_team))
    assert placement.status == rules.PROPOSED
    assert ClientEvent.objects.filter(client=client_in_team, kind="tegenprestatie").exists()


def test_a_host_without_declaration_is_refused(coach, client_in_team, in_group):
    host = HostFactory(declaration_signed_on=None, declaration_signed_by="")
    with pytest.raises(ValidationError) as exc:
        propose(coach, in_group(client_in_team), host=host)
    assert "geen verdringingsverklaring" in errors_of(exc)["host"][0]
    assert not Placement.objects.exists()


def test_a_group_without_tegenprestatie_as_instrument_is_refused(coach, client_in_team, in_group):
    with pytest.raises(ValidationError) as exc:
        propose(coach, in_group(client_in_team, group=4))
    assert errors_of(exc)["client"] == ["Tegenprestatie is geen instrument voor participatiegroep 4."]


def test_a_client_without_group_is_refused(coach, client_in_team):
    with pytest.raises(ValidationError) as exc:
        propose(coach, client_in_team)
    assert "geen participatiegroep" in errors_of(exc)["client"][0]


def test_reintegration_hours_count_towards_the_20_hour_policy(coach, client_in_team, in_group):
    with pytest.raises(ValidationError) as exc:
        propose(coach, in_group(client_in_team, hours="12.5"), agreed_hours=D("8"))
    assert errors_of(exc)["agreed_hours"] == [
        "Maximaal 20 uur per week samen: tegenprestatie 8 uur + re-integratie 12,5 uur = 20,5 uur."
    ]


def test_exactly_20_hours_with_reintegration_is_admitted(coach, client_in_team, in_group):
    assert propose(coach, in_group(client_in_team, hours="12"), agreed_hours=D("8")).pk


def test_an_overlapping_placement_counts_towards_the_cap(coach, client_in_team, in_group):
    in_group(client_in_team)
    propose(coach, client_in_team, agreed_hours=D("12"), activate=True)
    with pytest.raises(ValidationError):
        propose(coach, client_in_team, agreed_hours=D("8.5"))


def test_an_exempted_client_gets_no_new_placement(coach, client_in_team, in_group):
    in_group(client_in_team)
    services.record_exemption(
        actor=coach,
        client=client_in_team,
        kind=rules.MEDICAL,
        start_date=date(2026, 2, 1),
        end_date=date(2026, 5, 31),
        reason="Advies bedrijfsarts",
    )
    with pytest.raises(ValidationError) as exc:
        propose(coach, client_in_team)
    assert "vrijgesteld (medisch)" in errors_of(exc)["start_date"][0]


def test_mantelzorg_needs_no_host(coach, client_in_team, in_group):
    placement = propose(
        coach, in_group(client_in_team), activity=activity("mantelzorg"), host=None, self_chosen=True
    )
    assert placement.host is None


def test_activating_rechecks_the_declaration(coach, client_in_team, in_group):
    host = HostFactory()
    placement = propose(coach, in_group(client_in_team), host=host)
    host.declaration_signed_on, host.declaration_signed_by = None, ""
    host.save()
    with pytest.raises(ValidationError):
        services.change_placement_status(
            actor=coach, placement=placement, new_status=rules.ACTIVE, on=date(2026, 3, 2)
        )


def test_ending_needs_a_reason_and_sets_the_end_date(coach, placement):
    with pytest.raises(ValidationError) as exc:
        services.change_placement_status(
            actor=coach, placement=placement, new_status=rules.ENDED, on=date(2026, 4, 30)
        )
    assert "end_reason" in errors_of(exc)
    ended = services.change_placement_status(
        actor=coach, placement=placement, new_status=rules.ENDED, on=date(2026, 4, 30), end_reason="werk"
    )
    assert (ended.status, ended.end_date) == (rules.ENDED, date(2026, 4, 30))


def test_ending_before_registered_hours_is_refused(coach, placement):
    log_hours(placement, rules.IsoWeek(2026, 20), "4")
    with pytest.raises(ValidationError) as exc:
        services.change_placement_status(
            actor=coach, placement=placement, new_status=rules.ENDED, on=date(2026, 4, 30), end_reason="werk"
        )
    assert "2026-W20" in errors_of(exc)["end_date"][0]


# --------------------------------------------------------------------------- hours


def register(user, rows, week=W07):
    return services.register_week_hours(
        actor=user, week=week, rows=rows, placements=selectors.registrable_placements(user)
    )


def test_bulk_registration_stores_every_row(coach, wijkteam, host):
    placements = [PlacementFactory(client=ClientFactory(wijkteam=wijkteam), host=host) for _ in range(3)]
    register(coach, [services.HourRow(pl.pk, D("6")) for pl in placements])
    assert HourLog.objects.filter(week_start=W07.monday, attendance=rules.PRESENT).count() == 3


def test_one_bad_row_stores_nothing_and_names_the_row(coach, wijkteam, host):
    placements = [PlacementFactory(client=ClientFactory(wijkteam=wijkteam), host=host) for _ in range(3)]
    rows = [
        services.HourRow(placements[0].pk, D("6")),
        services.HourRow(placements[1].pk, D("20.5")),
        services.HourRow(placements[2].pk, D("4")),
    ]
    with pytest.raises(ValidationError) as exc:
        register(coach, rows)
    name = placements[1].client.full_name
    assert errors_of(exc) == {
        "rows.1.hours": [
            f"Rij 2 ({name}, Helpen in het buurthuis): Maximaal 20 uur per week: "
            "week 2026-W07 komt op 20,5 uur."
        ]
    }
    assert not HourLog.objects.exists()


def test_registering_again_updates_the_week(coach, placement):
    register(coach, [services.HourRow(placement.pk, D("6"))])
    register(coach, [services.HourRow(placement.pk, D("7.5"))])
    assert list(HourLog.objects.values_list("hours", flat=True)) == [D("7.5")]


def test_two_placements_of_one_client_add_up_to_the_week_cap(coach, placement, host):
    Placement.objects.filter(pk=placement.pk).update(agreed_hours=D("12"))
    second = PlacementFactory(client=placement.client, host=host, activity=activity("bibliotheek"))
    register(coach, [services.HourRow(placement.pk, D("12")), services.HourRow(second.pk, D("8"))])
    with pytest.raises(ValidationError) as exc:
        register(coach, [services.HourRow(second.pk, D("8.5"))])
    assert "week 2026-W07 komt op 20,5 uur" in errors_of(exc)["rows.0.hours"][0]


def test_the_45th_week_in_a_year_is_refused(coach, placement):
    for n in range(1, 45):
        log_hours(placement, rules.IsoWeek(2026, n), "2")
    with pytest.raises(ValidationError) as exc:
        register(coach, [services.HourRow(placement.pk, D("2"))], week=rules.IsoWeek(2026, 45))
    assert "2026 komt met week 2026-W45 op 45 weken met uren" in errors_of(exc)["rows.0.week"][0]


@time_machine.travel(date(2027, 1, 8))
def test_week_1_of_the_next_year_is_allowed_after_44_weeks(coach, placement):
    for n in range(9, 53):
        log_hours(placement, rules.IsoWeek(2026, n), "2")
    register(coach, [services.HourRow(placement.pk, D("2"))], week=rules.IsoWeek(2027, 1))
    assert HourLog.objects.filter(iso_year=2027).count() == 1


@time_machine.travel(date(2027, 1, 8))
def test_week_53_belongs_to_its_iso_year(coach, placement):
    register(coach, [services.HourRow(placement.pk, D("3"))], week=rules.IsoWeek(2026, 53))
    log = HourLog.objects.get()
    assert (log.iso_year, log.week_start, log.month) == (2026, date(2026, 12, 28), date(2026, 12, 1))


def test_hours_before_the_placement_are_refused(coach, placement):
    with pytest.raises(ValidationError) as exc:
        register(coach, [services.HourRow(placement.pk, D("3"))], week=rules.IsoWeek(2025, 52))
    assert "buiten de plaatsingsperiode" in errors_of(exc)["rows.0.week"][0]


def test_a_no_show_is_registered_with_zero_hours(coach, placement):
    register(coach, [services.HourRow(placement.pk, D("0"), attendance=rules.NO_SHOW)])
    assert HourLog.objects.get().attendance == rules.NO_SHOW


def test_a_placement_of_another_wijkteam_is_refused(coach, other_wijkteam, host):
    elsewhere = PlacementFactory(client=ClientFactory(wijkteam=other_wijkteam), host=host)
    with pytest.raises(ValidationError) as exc:
        register(coach, [services.HourRow(elsewhere.pk, D("3"))])
    assert "rows.0.placement" in errors_of(exc)


def test_a_host_contact_registers_for_their_own_host(host_contact, placement):
    register(host_contact, [services.HourRow(placement.pk, D("5"))])
    assert HourLog.objects.get().registered_by == host_contact


def test_a_host_contact_cannot_register_at_another_host(host_contact, wijkteam):
    other = PlacementFactory(client=ClientFactory(wijkteam=wijkteam))
    with pytest.raises(ValidationError):
        register(host_contact, [services.HourRow(other.pk, D("5"))])


def test_hours_are_kept_in_history(coach, placement):
    register(coach, [services.HourRow(placement.pk, D("6"))])
    register(coach, [services.HourRow(placement.pk, D("4"))])
    assert HourLog.history.count() == 2


# --------------------------------------------------------------------------- vrijstelling and maatregel


def test_single_parent_exemption_ends_before_the_fifth_birthday(coach, client_in_team):
    with pytest.raises(ValidationError) as exc:
        services.record_exemption(
            actor=coach,
            client=client_in_team,
            kind=rules.SINGLE_PARENT,
            start_date=date(2026, 1, 1),
            end_date=date(2027, 7, 1),
            reason="Zorg voor kind",
            youngest_child_born=date(2022, 7, 1),
        )
    assert "uiterlijk t/m 30-06-2027" in errors_of(exc)["end_date"][0]
    assert not Exemption.objects.exists()


WEIGHING = {
    "reason": "Drie weken niet verschenen.",
    "urgent_reasons": "Geen dringende redenen.",
    "circumstances": "Alleenstaand, geen schulden.",
    "client_account": "Cliënt geeft aan het vergeten te zijn.",
}


def sanction(coach, client, offence_on, pct, culpability=rules.CULPABLE, **overrides):
    values = {**WEIGHING, **overrides}
    return services.record_sanction(
        actor=coach,
        client=client,
        offence_on=offence_on,
        percentage=D(pct),
        culpability=culpability,
        decided_on=date(2026, 11, 1),
        **values,
    )


def test_a_recidivist_gets_the_stricter_policy_percentage(coach, client_in_team):
    first = sanction(coach, client_in_team, date(2026, 2, 1), "20")
    second = sanction(coach, client_in_team, date(2026, 6, 1), "40")
    assert (first.level, second.level, second.standard_percentage) == ("eerste", "recidive", D("40"))


def test_a_maatregel_above_the_policy_percentage_is_refused(coach, client_in_team):
    with pytest.raises(ValidationError) as exc:
        sanction(coach, client_in_team, date(2026, 2, 1), "40")
    assert errors_of(exc)["percentage"][0].startswith("Het percentage (40%) is hoger")


def test_a_maatregel_without_the_clients_account_is_not_saved(coach, client_in_team):
    with pytest.raises(ValidationError) as exc:
        sanction(coach, client_in_team, date(2026, 2, 1), "20", client_account="")
    assert "hoor en wederhoor" in errors_of(exc)["client_account"][0]
    assert not Sanction.objects.exists()


def test_a_maatregel_of_zero_percent_is_saved_with_the_weighing(coach, client_in_team):
    s = sanction(
        coach,
        client_in_team,
        date(2026, 2, 1),
        "0",
        culpability=rules.NOT_CULPABLE,
        urgent_reasons="Opname in het ziekenhuis.",
    )
    assert (s.percentage, s.standard_percentage) == (D("0"), D("20"))


def test_a_non_culpable_maatregel_does_not_make_a_recidivist(coach, client_in_team):
    sanction(coach, client_in_team, date(2026, 2, 1), "0", culpability=rules.NOT_CULPABLE)
    assert sanction(coach, client_in_team, date(2026, 6, 1), "20").level == "eerste"


def test_raising_the_agreed_hours_rechecks_the_combined_cap(coach, client_in_team, in_group):
    placement = propose(coach, in_group(client_in_team, hours="12"), agreed_hours=D("6"), activate=True)
    with pytest.raises(ValidationError) as exc:
        services.change_agreed_hours(
            actor=coach, placement=placement, agreed_hours=D("8.5"), on=date(2026, 4, 1)
        )
    assert "= 20,5 uur" in errors_of(exc)["agreed_hours"][0]
    services.change_agreed_hours(actor=coach, placement=placement, agreed_hours=D("8"), on=date(2026, 4, 1))
    placement.refresh_from_db()
    assert placement.agreed_hours == D("8")
    assert placement.events.filter(reason__contains="6 → 8").exists()
