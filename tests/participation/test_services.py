"""Writes of participation: profile → suggestion, group decision with history, instruments."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases.models import ClientEvent
from participation import selectors, services
from participation.models import GroupAssignment, Trajectory
from tests.factories import ClientFactory, DossierFactory

pytestmark = pytest.mark.django_db

HEIN = dict(
    motivatie="matig",
    kans_arbeidsmarkt="matig",
    opleiding="matig",
    belemmeringen="in_zekere_mate",
    belemmering_leefgebieden=["gezondheid_fysiek", "gezondheid_psychisch"],
    coach="wijkcoach",
    trede=2,
)
JULIA = dict(
    motivatie="voldoende",
    kans_arbeidsmarkt="hoog",
    opleiding="voldoende",
    belemmeringen="geen",
    belemmering_leefgebieden=[],
    coach="",
    trede=1,
)


def error_of(caught, field: str) -> tuple[str, str]:
    error = caught.value.error_dict[field][0]
    return error.code, error.messages[0]


def record(actor, client, on=date(2026, 3, 2), **changes):
    return services.record_profile(actor=actor, client=client, assessed_on=on, **{**HEIN, **changes})


# --- Profiles ---


def test_profile_derives_benefit_duration_from_dossiers(coach, client_in_team):
    DossierFactory(client=client_in_team, startdatum=date(2023, 9, 1))
    profile = record(coach, client_in_team)
    assert (profile.uitkeringsduur_maanden, profile.in_uitkering) == (30, True)


def test_profile_stores_suggestion_and_reasons(coach, client_in_team):
    DossierFactory(client=client_in_team, startdatum=date(2023, 9, 1))
    profile = record(coach, client_in_team)
    assert profile.suggested_group == 3
    assert profile.suggestion_reasons == [
        "uitkeringsduur: 30 maanden (meer dan 18) → groep 3",
        "wijk- of zorgcoach betrokken: wijkcoach → groep 3",
        "ook meegewogen: motivatie: matig → groep 1",
        "ook meegewogen: kans op de arbeidsmarkt: matig → groep 2",
        "ook meegewogen: opleiding/kwalificatie: matig → groep 1",
        "ook meegewogen: belemmeringen: in zekere mate aanwezig → groep 1",
    ]


def test_profile_without_dossier_has_zero_duration(coach, client_in_team):
    profile = record(coach, client_in_team, **JULIA)
    assert (profile.uitkeringsduur_maanden, profile.in_uitkering, profile.suggested_group) == (0, False, 0)


def test_obstacles_need_their_leefgebieden(coach, client_in_team):
    with pytest.raises(ValidationError) as caught:
        record(coach, client_in_team, belemmering_leefgebieden=[])
    assert error_of(caught, "belemmering_leefgebieden") == (
        "leefgebieden_verplicht",
        "Geef aan op welke leefgebieden de belemmeringen liggen.",
    )


def test_unknown_leefgebied_refused(coach, client_in_team):
    with pytest.raises(ValidationError) as caught:
        record(coach, client_in_team, belemmering_leefgebieden=["hobby"])
    assert error_of(caught, "belemmering_leefgebieden")[0] == "leefgebied_onbekend"


def test_profile_in_the_future_refused(coach, client_in_team):
    with pytest.raises(ValidationError) as caught:
        record(coach, client_in_team, on=timezone.localdate() + timedelta(days=1))
    assert error_of(caught, "assessed_on")[0] == "datum_toekomst"


def test_profile_with_unknown_choice_refused_on_the_field(coach, client_in_team):
    with pytest.raises(ValidationError) as caught:
        record(coach, client_in_team, kans_arbeidsmarkt="uitstekend")
    assert error_of(caught, "kans_arbeidsmarkt")[0] == "profiel_ongeldig"


def test_profile_written_on_the_timeline(coach, client_in_team):
    record(coach, client_in_team)
    assert ClientEvent.objects.filter(client=client_in_team, kind="participatie").get().text == (
        "Participatieprofiel vastgelegd (trede 2); voorstel groep 3"
    )


# --- Group decision ---


def test_assignment_following_the_suggestion_needs_no_reason(coach, client_in_team):
    profile = record(coach, client_in_team, **JULIA)
    assignment = services.assign_group(
        actor=coach, client=client_in_team, group=0, valid_from=date(2026, 3, 2)
    )
    assert (assignment.group, assignment.suggested_group, assignment.profile, assignment.deviates) == (
        0,
        0,
        profile,
        False,
    )


def test_deviation_without_reason_refused(coach, client_in_team):
    record(coach, client_in_team, **JULIA)
    with pytest.raises(ValidationError) as caught:
        services.assign_group(
            actor=coach, client=client_in_team, group=1, reason=" ", valid_from=date(2026, 3, 2)
        )
    assert error_of(caught, "reason") == (
        "reden_verplicht",
        "Geef een reden: u kiest groep 1, het voorstel is groep 0.",
    )
    assert not GroupAssignment.objects.exists()


def test_deviation_with_reason_recorded(coach, client_in_team):
    record(coach, client_in_team, **JULIA)
    assignment = services.assign_group(
        actor=coach,
        client=client_in_team,
        group=1,
        reason="Schulden vragen eerst aandacht",
        valid_from=date(2026, 3, 2),
    )
    assert assignment.deviates
    assert assignment.reason == "Schulden vragen eerst aandacht"


def test_new_assignment_closes_the_current_one(coach, client_in_team):
    first = services.assign_group(actor=coach, client=client_in_team, group=3, valid_from=date(2026, 1, 5))
    second = services.assign_group(actor=coach, client=client_in_team, group=2, valid_from=date(2026, 6, 1))
    first.refresh_from_db()
    assert first.valid_to == date(2026, 6, 1)
    assert second.valid_to is None
    assert list(GroupAssignment.objects.filter(client=client_in_team).values_list("group", flat=True)) == [
        2,
        3,
    ]


def test_history_answers_the_group_on_each_date(coach, client_in_team):
    services.assign_group(actor=coach, client=client_in_team, group=3, valid_from=date(2026, 1, 5))
    services.assign_group(actor=coach, client=client_in_team, group=2, valid_from=date(2026, 6, 1))
    assert selectors.current_group(client_in_team.pk, date(2026, 1, 4)) is None
    assert selectors.current_group(client_in_team.pk, date(2026, 5, 31)) == 3
    assert selectors.current_group(client_in_team.pk, date(2026, 6, 1)) == 2


def test_assignment_before_the_current_one_refused(coach, client_in_team):
    services.assign_group(actor=coach, client=client_in_team, group=3, valid_from=date(2026, 6, 1))
    with pytest.raises(ValidationError) as caught:
        services.assign_group(actor=coach, client=client_in_team, group=2, valid_from=date(2026, 5, 1))
    code, message = error_of(caught, "valid_from")
    assert code == "ingangsdatum_voor_huidige"
    assert "groep 3 vanaf 01-06-2026" in message


@pytest.mark.parametrize(
    "group, due",
    [
        (-1, date(2026, 4, 15)),
        (0, date(2026, 4, 15)),
        (1, date(2026, 7, 15)),
        (2, date(2026, 7, 15)),
        (3, date(2027, 1, 15)),
        (4, date(2027, 1, 15)),
    ],
)
def test_review_due_follows_the_policy_parameter(coach, client_in_team, group, due):
    assignment = services.assign_group(
        actor=coach, client=client_in_team, group=group, valid_from=date(2026, 1, 15)
    )
    assert assignment.review_due == due


def test_review_interval_changed_by_beheer_applies(coach, client_in_team):
    from almelo_sociaal.parameters.models import LegalParameter

    LegalParameter.objects.create(
        key="herbeoordeling_maanden_groep_4",
        name="x",
        unit="maanden",
        value=6,
        valid_from=date(2026, 1, 1),
        source="test",
    )
    assignment = services.assign_group(
        actor=coach, client=client_in_team, group=4, valid_from=date(2026, 1, 15)
    )
    assert assignment.review_due == date(2026, 7, 15)


def test_group_outside_range_refused(coach, client_in_team):
    with pytest.raises(ValidationError) as caught:
        services.assign_group(actor=coach, client=client_in_team, group=5, valid_from=date(2026, 1, 15))
    assert error_of(caught, "group")[0] == "groep_ongeldig"


def test_profile_of_another_client_refused(coach, client_in_team, wijkteam):
    other = ClientFactory(wijkteam=wijkteam)
    profile = record(coach, other)
    with pytest.raises(ValidationError) as caught:
        services.assign_group(
            actor=coach, client=client_in_team, group=3, profile=profile, valid_from=date(2026, 3, 2)
        )
    assert error_of(caught, "profile")[0] == "profiel_andere_client"


def test_assignment_on_the_timeline_mentions_the_deviation(coach, client_in_team):
    record(coach, client_in_team, **JULIA)
    services.assign_group(
        actor=coach, client=client_in_team, group=1, reason="x", valid_from=date(2026, 3, 2)
    )
    texts = list(ClientEvent.objects.filter(client=client_in_team).values_list("text", flat=True))
    assert "Participatiegroep 1 vastgesteld, afwijkend van voorstel groep 0" in texts


# --- Instruments ---


@pytest.fixture
def in_group(coach, client_in_team):
    def _in_group(group: int, client=None, **profile):
        client = client or client_in_team
        if profile:
            record(coach, client, on=date(2026, 1, 5), **{**HEIN, **profile})
        services.assign_group(
            actor=coach, client=client, group=group, reason="test", valid_from=date(2026, 1, 5)
        )
        return client

    return _in_group


def deploy(coach, client, instrument="scholing", start=date(2026, 2, 2), **changes):
    values = dict(
        hours_per_week=Decimal("8"), provider="ROC van Twente", cost=Decimal("1250"), end=date(2026, 7, 31)
    )
    values.update(changes)
    return services.deploy_instrument(
        actor=coach, client=client, instrument=instrument, start=start, **values
    )


def test_deploy_allowed_instrument(coach, in_group):
    client = in_group(2)
    trajectory = deploy(coach, client)
    assert (trajectory.instrument, trajectory.group, trajectory.cost) == ("scholing", 2, Decimal("1250.00"))


def test_deploy_without_group_refused(coach, client_in_team):
    with pytest.raises(ValidationError) as caught:
        deploy(coach, client_in_team)
    assert error_of(caught, "instrument") == (
        "geen_groep",
        "Leg eerst een participatiegroep vast voordat u een instrument inzet.",
    )


def test_instrument_outside_the_group_refused(coach, in_group):
    client = in_group(1)
    with pytest.raises(ValidationError) as caught:
        deploy(coach, client, instrument="participatieplaats")
    assert error_of(caught, "instrument") == (
        "groep_niet_toegestaan",
        "Participatieplaats is niet toegestaan in groep 1 (wel in groep 3).",
    )


def test_participatieplaats_under_27_refused(coach, in_group, wijkteam):
    client = in_group(3, client=ClientFactory(wijkteam=wijkteam, birth_date=date(2000, 1, 1)))
    with pytest.raises(ValidationError) as caught:
        deploy(coach, client, instrument="participatieplaats")
    assert error_of(caught, "instrument") == (
        "leeftijd_participatieplaats",
        "Participatieplaats kan pas vanaf 27 jaar; de cliënt is 26 jaar.",
    )


def test_participatieplaats_at_27(coach, in_group, wijkteam):
    client = in_group(3, client=ClientFactory(wijkteam=wijkteam, birth_date=date(1999, 2, 2)))
    assert deploy(coach, client, instrument="participatieplaats").instrument == "participatieplaats"


def test_group_2_third_simultaneous_instrument_refused(coach, in_group):
    client = in_group(2)
    deploy(coach, client, instrument="scholing")
    deploy(coach, client, instrument="werkervaringsplek")
    with pytest.raises(ValidationError) as caught:
        deploy(coach, client, instrument="proefplaatsing")
    assert error_of(caught, "instrument") == (
        "max_instrumenten_groep_2",
        "In groep 2 lopen ten hoogste 2 instrumenten tegelijk; er lopen er al 2 (scholing en training, "
        "werkervaringsplek).",
    )


def test_group_2_third_instrument_after_one_ended(coach, in_group):
    client = in_group(2)
    deploy(coach, client, instrument="scholing", end=date(2026, 3, 31))
    deploy(coach, client, instrument="werkervaringsplek")
    assert deploy(coach, client, instrument="proefplaatsing", start=date(2026, 4, 1)).pk


def test_jobcoaching_needs_arbeidsbeperking_from_the_profile(coach, in_group):
    client = in_group(1, **JULIA)
    with pytest.raises(ValidationError) as caught:
        deploy(coach, client, instrument="jobcoaching")
    assert error_of(caught, "instrument")[0] == "arbeidsbeperking_vereist"


def test_jobcoaching_with_arbeidsbeperking(coach, in_group):
    client = in_group(1, **JULIA, arbeidsbeperking=True)
    assert deploy(coach, client, instrument="jobcoaching").pk


def test_lks_stores_the_monthly_subsidy(coach, in_group):
    client = in_group(2)
    trajectory = deploy(
        coach,
        client,
        instrument="loonkostensubsidie",
        end=None,
        hours_per_week=Decimal("36"),
        loonwaarde_pct=60,
    )
    # WML 1 jan 2026 € 14.71 × 36 × 52/12 = € 2,294.76 (+8% = 2,478.34); 40% = 991.34; +23% = 1,219.35
    assert trajectory.monthly_subsidy == Decimal("1219.35")


def test_lks_capped_at_70_percent(coach, in_group):
    client = in_group(2)
    trajectory = deploy(
        coach,
        client,
        instrument="loonkostensubsidie",
        end=None,
        hours_per_week=Decimal("36"),
        loonwaarde_pct=10,
    )
    assert trajectory.monthly_subsidy == Decimal("2133.85")  # 70% of 2,478.34 = 1,734.84; + 23% = 399.01


def test_lks_without_loonwaarde_longer_than_6_months_refused(coach, in_group):
    client = in_group(2)
    with pytest.raises(ValidationError) as caught:
        deploy(coach, client, instrument="loonkostensubsidie", end=date(2026, 12, 31))
    code, message = error_of(caught, "end")
    assert code == "lks_zonder_loonwaarde_te_lang"
    assert message.startswith(
        "Zonder loonwaardebepaling is loonkostensubsidie (50%) ten hoogste 6 maanden mogelijk"
    )


def test_vrijlating_refused_alongside_another_vrijlating(coach, in_group):
    client = in_group(2, **HEIN, medisch_urenbeperkt=True, andere_vrijlating_loopt=True)
    with pytest.raises(ValidationError) as caught:
        deploy(coach, client, instrument="vrijlating_medisch")
    assert error_of(caught, "instrument")[0] == "vrijlating_samenloop"


def test_tegenprestatie_is_not_deployed_here(coach, in_group):
    client = in_group(2)
    with pytest.raises(ValidationError) as caught:
        deploy(coach, client, instrument="tegenprestatie")
    assert error_of(caught, "instrument")[0] == "instrument_elders"


def test_deploy_without_provider_refused(coach, in_group):
    client = in_group(2)
    with pytest.raises(ValidationError) as caught:
        deploy(coach, client, provider=" ")
    assert error_of(caught, "provider")[0] == "aanbieder_verplicht"


def test_refused_deployment_writes_nothing(coach, in_group):
    client = in_group(1)
    with pytest.raises(ValidationError):
        deploy(coach, client, instrument="dagbesteding")
    assert not Trajectory.objects.exists()


def test_close_trajectory_records_outcome(coach, in_group):
    client = in_group(2)
    trajectory = deploy(coach, client)
    closed = services.close_trajectory(
        actor=coach, trajectory=trajectory, end=date(2026, 6, 30), outcome="werk"
    )
    assert (closed.end, closed.outcome) == (date(2026, 6, 30), "werk")


def test_close_trajectory_twice_refused(coach, in_group):
    client = in_group(2)
    trajectory = deploy(coach, client)
    services.close_trajectory(actor=coach, trajectory=trajectory, end=date(2026, 6, 30), outcome="werk")
    with pytest.raises(ValidationError) as caught:
        services.close_trajectory(actor=coach, trajectory=trajectory, end=date(2026, 6, 30), outcome="werk")
    assert error_of(caught, "outcome")[0] == "traject_afgesloten"


def test_vrijlating_medisch_uses_the_2019_cap():
    amount = services.vrijlating_medisch_for(
        on=date(2019, 6, 1), inkomsten=Decimal("1000"), andere_vrijlating_loopt=False
    )
    assert amount == Decimal("132.56")


def test_vrijlating_medisch_uses_the_2026_cap():
    amount = services.vrijlating_medisch_for(
        on=date(2026, 1, 1), inkomsten=Decimal("1500"), andere_vrijlating_loopt=False
    )
    assert amount == Decimal("180.19")


# --- Interface for other apps ---


def test_reintegration_hours_sum_active_trajectories(coach, in_group):
    client = in_group(2)
    deploy(coach, client, instrument="scholing", hours_per_week=Decimal("8"), end=date(2026, 3, 31))
    deploy(coach, client, instrument="werkervaringsplek", hours_per_week=Decimal("12.5"))
    assert selectors.reintegration_hours_per_week(client.pk, date(2026, 3, 31)) == Decimal("20.5")
    assert selectors.reintegration_hours_per_week(client.pk, date(2026, 4, 1)) == Decimal("12.5")


def test_reintegration_hours_zero_without_trajectories(client_in_team):
    assert selectors.reintegration_hours_per_week(client_in_team.pk, date(2026, 4, 1)) == Decimal("0")


def test_tegenprestatie_allowed_for_groups_1_to_3():
    assert [g for g in range(-1, 5) if selectors.instrument_allowed_for_group("tegenprestatie", g)] == [
        1,
        2,
        3,
    ]


def test_reviews_due_lists_current_assignments_due_soon(coach, client_in_team, client_elsewhere):
    services.assign_group(actor=coach, client=client_in_team, group=0, valid_from=date(2026, 1, 15))
    services.assign_group(actor=coach, client=client_elsewhere, group=0, valid_from=date(2026, 1, 15))
    on = date(2026, 4, 5)
    assert [a.client for a in selectors.reviews_due(on, within_days=14)] == [client_in_team, client_elsewhere]
    assert [a.client for a in selectors.reviews_due_for(coach, on)] == [client_in_team]
    assert list(selectors.reviews_due(on)) == []
