"""Care duties (children, mantelzorg) and available hours on the profile: every factor that was weighed is in
the reasons, and the coach is prompted about an ontheffing (art. 9a Participatiewet) where it applies."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from participation import rules, services
from participation.models import Profile
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pinned_today():
    with time_machine.travel(date(2026, 12, 1)):
        yield


ON = date(2026, 3, 2)
PROFILE = dict(
    motivatie="voldoende",
    kans_arbeidsmarkt="matig",
    opleiding="voldoende",
    belemmeringen="geen",
    belemmering_leefgebieden=[],
    trede=2,
)
NINE_A = (
    "Alleenstaande ouder met de zorg voor een kind jonger dan 5 jaar: bespreek een (gedeeltelijke) ontheffing "
    "van de arbeidsverplichtingen (art. 9a Participatiewet); het college verleent die op verzoek van de ouder."
)


@pytest.fixture
def single_parent(wijkteam):
    return ClientFactory(wijkteam=wijkteam, leefvorm="alleenstaande_ouder")


def record(coach, client, **changes):
    return services.record_profile(actor=coach, client=client, assessed_on=ON, **{**PROFILE, **changes})


def test_the_reasons_name_every_factor_not_only_the_deciding_one(coach, client_in_team):
    profile = record(coach, client_in_team)
    assert profile.suggestion_reasons == [
        "kans op de arbeidsmarkt: matig → groep 2",
        "ook meegewogen: motivatie: voldoende → groep 0",
        "ook meegewogen: uitkeringsduur: 0 maanden (0–3) → groep 0",
        "ook meegewogen: opleiding/kwalificatie: voldoende (startkwalificatie of hoger) → groep 0",
        "ook meegewogen: belemmeringen: geen → groep 0",
    ]


def test_care_for_young_children_is_recorded_and_weighed(coach, single_parent):
    profile = record(coach, single_parent, zorg_kinderen=True, jongste_kind_geboren=date(2023, 5, 1))
    profile.refresh_from_db()
    assert (profile.zorg_kinderen, profile.jongste_kind_geboren) == (True, date(2023, 5, 1))
    assert (
        "zorgtaken: alleenstaande ouder, zorg voor kinderen, jongste kind 2 jaar"
        in profile.suggestion_reasons
    )


def test_mantelzorg_and_available_hours_are_in_the_reasons(coach, client_in_team):
    profile = record(coach, client_in_team, mantelzorg_uren=Decimal("12"), beschikbare_uren=Decimal("16"))
    assert profile.suggestion_reasons[-2:] == [
        "zorgtaken: mantelzorg 12 uur per week",
        "beschikbaar voor werk of re-integratie: 16 uur per week",
    ]


def test_a_single_parent_of_a_child_under_5_prompts_an_ontheffing_art_9a(coach, single_parent):
    profile = record(coach, single_parent, zorg_kinderen=True, jongste_kind_geboren=date(2023, 5, 1))
    assert profile.aandachtspunten == [NINE_A]


def test_no_art_9a_prompt_once_the_youngest_child_is_5(coach, single_parent):
    profile = record(coach, single_parent, zorg_kinderen=True, jongste_kind_geboren=date(2021, 3, 2))
    assert profile.aandachtspunten == []


def test_no_art_9a_prompt_for_a_parent_who_is_not_single(coach, wijkteam):
    married = ClientFactory(wijkteam=wijkteam, leefvorm="gehuwd")
    profile = record(coach, married, zorg_kinderen=True, jongste_kind_geboren=date(2023, 5, 1))
    assert profile.aandachtspunten == []


def test_mantelzorg_prompts_a_temporary_ontheffing(coach, client_in_team):
    profile = record(coach, client_in_team, mantelzorg_uren=Decimal("20"))
    assert profile.aandachtspunten == [
        "Mantelzorg 20 uur per week: ga na of een tijdelijke ontheffing wegens dringende redenen past "
        "(art. 9 lid 2 Participatiewet)."
    ]


def test_care_for_children_needs_the_youngest_childs_birth_date(coach, client_in_team):
    with pytest.raises(ValidationError) as caught:
        record(coach, client_in_team, zorg_kinderen=True)
    assert caught.value.error_dict["jongste_kind_geboren"][0].code == "geboortedatum_kind_verplicht"
    assert not Profile.objects.exists()


def test_available_hours_above_40_are_refused(coach, client_in_team):
    with pytest.raises(ValidationError) as caught:
        record(coach, client_in_team, beschikbare_uren=Decimal("41"))
    assert caught.value.error_dict["beschikbare_uren"][0].messages == [
        "Beschikbare uren per week liggen tussen 0 en 40."
    ]


def test_the_suggestion_page_prompts_the_coach(client, coach, single_parent):
    client.force_login(coach)
    response = client.post(
        reverse("participation:profile-create", args=[single_parent.pk]),
        {
            **{k: v for k, v in PROFILE.items() if k != "belemmering_leefgebieden"},
            "assessed_on": ON.isoformat(),
            "zorg_kinderen": "on",
            "jongste_kind_geboren": "2023-05-01",
            "beschikbare_uren": "12",
        },
    )
    assert response.status_code == 302
    body = client.get(response["Location"]).content.decode()
    assert "art. 9a Participatiewet" in body
    assert "beschikbaar voor werk of re-integratie: 12 uur per week" in body


def test_the_api_takes_care_duties_and_returns_the_prompt(api_client_for, coach, single_parent):
    body = (
        api_client_for(coach)
        .post(
            "/api/v1/participatie/profielen",
            {
                **PROFILE,
                "client": single_parent.pk,
                "assessed_on": ON.isoformat(),
                "zorg_kinderen": True,
                "jongste_kind_geboren": "2023-05-01",
            },
            format="json",
        )
        .json()
    )
    assert body["aandachtspunten"] == [NINE_A]
    assert body["jongste_kind_geboren"] == "2023-05-01"


def test_the_deciding_factors_come_first_in_the_pure_suggestion():
    facts = rules.ProfileFacts(
        motivatie="voldoende",
        kans_arbeidsmarkt="slecht",
        uitkeringsduur_maanden=2,
        opleiding="voldoende",
        belemmeringen="geen",
    )
    suggestion = rules.suggest_group(facts)
    assert suggestion.reasons == ["kans op de arbeidsmarkt: slecht → groep 4"]
    assert suggestion.all_reasons[1] == "ook meegewogen: motivatie: voldoende → groep 0"
