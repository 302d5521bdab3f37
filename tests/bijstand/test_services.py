"""The household over time, the decision using the calculation, the herberekening and the two read functions."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from almelo_sociaal.accounts.roles import Role
from bijstand import selectors, services
from bijstand.models import Berekening, Herberekening, Huishoudlid
from cases.models import Client
from tests.bijstand.factories import approved_dossier, partner_bsn
from tests.factories import ClientFactory, DossierFactory

D = Decimal
NOW = datetime(2026, 6, 15, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture(autouse=True)
def _pinned():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def people(make_user, wijkteam):
    return {
        "consulent": make_user(Role.INTAKER),
        "toetser": make_user(Role.TOETSER),
        "client": ClientFactory(wijkteam=wijkteam, birth_date=date(1985, 5, 17)),
    }


def test_a_partner_is_a_client_registered_at_the_same_address(people):
    client = people["client"]
    member = services.add_member(
        actor=people["consulent"],
        client=client,
        rol="partner",
        relatie="gehuwd",
        partner_bsn=partner_bsn(),
        voornamen="Linda",
        achternaam="Jansen",
        geboortedatum=date(1987, 2, 1),
        ingangsdatum=date(2026, 1, 1),
    )
    partner = Client.objects.get(bsn=partner_bsn())
    assert member.partner_client == partner
    assert (partner.street, partner.postcode, partner.wijkteam_id) == (
        client.street,
        client.postcode,
        client.wijkteam_id,
    )
    assert selectors.partner_of(partner, date(2026, 2, 1)) == client


def test_the_partners_bsn_is_checked(people):
    with pytest.raises(ValidationError) as exc:
        services.add_member(
            actor=people["consulent"],
            client=people["client"],
            rol="partner",
            relatie="gehuwd",
            partner_bsn="123456789",
            voornamen="X",
            achternaam="Y",
            geboortedatum=date(1987, 2, 1),
            ingangsdatum=date(2026, 1, 1),
        )
    assert "partner_bsn" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services.add_member(
            actor=people["consulent"],
            client=people["client"],
            rol="partner",
            relatie="gehuwd",
            partner_bsn=people["client"].bsn,
            geboortedatum=date(1987, 2, 1),
            ingangsdatum=date(2026, 1, 1),
        )


def test_one_partner_at_a_time(people):
    kwargs = dict(actor=people["consulent"], client=people["client"], rol="partner", relatie="gehuwd")
    services.add_member(
        **kwargs,
        partner_bsn=partner_bsn(1),
        voornamen="A",
        achternaam="B",
        geboortedatum=date(1980, 1, 1),
        ingangsdatum=date(2026, 1, 1),
    )
    with pytest.raises(ValidationError) as exc:
        services.add_member(
            **kwargs,
            partner_bsn=partner_bsn(2),
            voornamen="C",
            achternaam="D",
            geboortedatum=date(1980, 1, 1),
            ingangsdatum=date(2026, 3, 1),
        )
    assert "rol" in exc.value.message_dict


def test_a_household_change_is_kept_in_history(people):
    member = services.add_member(
        actor=people["consulent"],
        client=people["client"],
        rol="huisgenoot",
        naam="R. de Vries",
        geboortedatum=date(1970, 1, 1),
        ingangsdatum=date(2026, 1, 1),
    )
    services.end_member(actor=people["consulent"], member=member, einddatum=date(2026, 4, 30))
    history = list(Huishoudlid.history.filter(id=member.pk).order_by("history_date"))
    assert [h.einddatum for h in history] == [None, date(2026, 4, 30)]
    assert history[-1].history_user == people["consulent"]


def test_the_draft_decision_takes_the_calculated_amount(people):
    dossier = approved_dossier(**people, ingangsdatum=date(2026, 6, 1))
    assert dossier.maandbedrag == D("1401.50")
    calc = selectors.calculation_for(dossier, date(2026, 6, 1))
    assert calc.total == D("1401.50")
    assert any(line.article == "art. 21" and line.amount == D("1401.50") for line in calc.lines)


def test_a_deviating_amount_needs_a_reason(people):
    with pytest.raises(ValidationError) as exc:
        approved_dossier(**people, ingangsdatum=date(2026, 6, 1), maandbedrag=D("1500"))
    assert exc.value.message_dict.keys() == {"afwijking_reden"}


def test_a_deviation_with_a_reason_is_decided_and_kept_beside_the_calculation(people):
    dossier = approved_dossier(
        **people, ingangsdatum=date(2026, 6, 1), maandbedrag=D("1450"), reden="Woonkosten"
    )
    berekening = Berekening.objects.get(dossier=dossier)
    assert (berekening.bedrag, berekening.vastgesteld_bedrag, berekening.afwijking_reden) == (
        D("1401.50"),
        D("1450.00"),
        "Woonkosten",
    )
    assert selectors.monthly_amounts([dossier.pk], date(2026, 6, 1)) == {dossier.pk: D("1450.00")}


def test_income_in_the_past_recalculates_with_the_difference_per_month(people):
    dossier = approved_dossier(**people, ingangsdatum=date(2026, 3, 1))
    services.record_income(
        actor=people["consulent"],
        client=people["client"],
        soort="arbeid",
        bedrag=D("800"),
        ingangsdatum=date(2026, 4, 1),
        vrijlating_vanaf=date(2026, 4, 1),
    )
    herberekening = Herberekening.objects.get(dossier=dossier)
    assert [(v["maand"], v["verschil"]) for v in herberekening.verschillen] == [
        ("2026-04-01", "-600.00"),
        ("2026-05-01", "-600.00"),
        ("2026-06-01", "-600.00"),
    ]
    assert herberekening.totaal_verschil == D("-1800.00")
    assert selectors.monthly_amounts([dossier.pk], date(2026, 3, 1)) == {dossier.pk: D("1401.50")}
    assert selectors.monthly_amounts([dossier.pk], date(2026, 5, 1)) == {dossier.pk: D("801.50")}


def test_a_housemate_makes_the_kostendelersnorm_from_the_date(people):
    dossier = approved_dossier(**people, ingangsdatum=date(2026, 3, 1))
    services.add_member(
        actor=people["consulent"],
        client=people["client"],
        rol="huisgenoot",
        naam="R. de Vries",
        geboortedatum=date(1970, 1, 1),
        ingangsdatum=date(2026, 5, 10),
    )
    assert selectors.monthly_amounts([dossier.pk], date(2026, 4, 1))[dossier.pk] == D("1401.50")
    assert selectors.monthly_amounts([dossier.pk], date(2026, 5, 1))[dossier.pk] == D("1001.07")
    assert selectors.calculation_for(dossier, date(2026, 5, 9)).total == D("1401.50")
    assert selectors.calculation_for(dossier, date(2026, 5, 10)).total == D("1001.07")


def test_monthly_amounts_leaves_out_dossiers_without_a_calculation(people):
    dossier = approved_dossier(**people, ingangsdatum=date(2026, 3, 1))
    other = DossierFactory()
    assert selectors.monthly_amounts([dossier.pk, other.pk], date(2026, 3, 31)) == {dossier.pk: D("1401.50")}
    assert selectors.monthly_amounts([dossier.pk], date(2026, 2, 1)) == {}
    assert selectors.calculation_for(other, date(2026, 3, 1)) is None


@pytest.mark.parametrize("size", [2, 8])
def test_monthly_amounts_takes_one_query_whatever_the_number(people, size, django_assert_num_queries):
    ids = [
        approved_dossier(**{**people, "client": ClientFactory()}, ingangsdatum=date(2026, 3, 1)).pk
        for _ in range(size)
    ]
    with django_assert_num_queries(1):
        amounts = selectors.monthly_amounts(ids, date(2026, 4, 1))
    assert len(amounts) == size


def test_the_batch_gives_what_the_calculation_of_one_gives(people):
    dossier = approved_dossier(**people, ingangsdatum=date(2026, 3, 1))
    services.add_member(
        actor=None,
        client=people["client"],
        rol="kind",
        naam="Noah",
        geboortedatum=date(2020, 1, 1),
        ingangsdatum=date(2026, 4, 1),
    )
    services.record_income(
        actor=None,
        client=people["client"],
        soort="alimentatie",
        bedrag=D("120"),
        ingangsdatum=date(2026, 4, 1),
    )
    calculated, refused = selectors.running_calculations(date(2026, 6, 1))
    one = selectors.calculate_for_client(people["client"], date(2026, 6, 1))
    assert refused == {}
    assert calculated[dossier.pk].total == one.total == D("1281.50")
    assert calculated[dossier.pk].lines == one.lines


@pytest.mark.parametrize("size", [2, 6])
def test_the_batch_reads_in_a_constant_number_of_queries(people, size, django_assert_num_queries):
    for _ in range(size):
        approved_dossier(**{**people, "client": ClientFactory()}, ingangsdatum=date(2026, 3, 1))
    with django_assert_num_queries(8):
        calculated, _ = selectors.running_calculations(date(2026, 6, 1))
    assert len(calculated) == size


def test_the_clients_leefvorm_follows_the_household(people):
    client = people["client"]
    member = services.add_member(
        actor=people["consulent"],
        client=client,
        rol="kind",
        naam="Noah",
        geboortedatum=date(2020, 1, 1),
        ingangsdatum=date(2026, 1, 1),
    )
    assert Client.objects.get(pk=client.pk).leefvorm == "alleenstaande_ouder"
    services.end_member(actor=people["consulent"], member=member, einddatum=date(2026, 5, 31))
    assert Client.objects.get(pk=client.pk).leefvorm == "alleenstaand"
