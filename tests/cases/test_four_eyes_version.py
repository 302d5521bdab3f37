"""Issue 14, finding 2: the toetser's approval is pinned to the version of the draft that was reviewed, and the
monthly amount is bounded by the norm for the client's leefvorm plus a policy margin (above it: a motivering and
a second toetser). The attack: the drafter redrafted 1,200.00 → 99,999.00 while the decision waited; the approval
then opened a dossier at 99,999.00 a month."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.parameters.services import record_parameter_value
from cases import selectors, services
from cases.models import Uitkeringsdossier

from ..factories import ClientFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_the_calculation")]
R = Role
TODAY = date(2026, 3, 2)
# Normenbrief 1 januari 2026 + the default margin of 10 % (cases/parameters.py)
BOUND_ALLEENSTAAND = Decimal("1541.65")  # 1,401.50 × 1.10
BOUND_GEHUWD = Decimal("2202.34")  # 2,002.13 × 1.10 = 2,202.343


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime(2026, 3, 2, 10, 0), tick=False):
        yield


@pytest.fixture
def consulent(make_user):
    return make_user(R.INTAKER)


@pytest.fixture
def toetser(make_user):
    return make_user(R.TOETSER, first_name="Toos", last_name="Toetser")


@pytest.fixture
def toetser2(make_user):
    return make_user(R.TOETSER)


def _in_behandeling(consulent, leefvorm="alleenstaand"):
    client = ClientFactory(leefvorm=leefvorm)
    aanvraag = services.submit_aanvraag(
        actor=consulent,
        client=client,
        regeling="bijstand",
        aanvraagdatum=TODAY - timedelta(days=3),
        voorliggende_voorziening="geen",
    )
    return services.start_behandeling(actor=consulent, aanvraag=aanvraag)


def _draft(consulent, aanvraag, amount, motivering=""):
    return services.draft_decision(
        actor=consulent,
        aanvraag=aanvraag,
        besluit="toekennen",
        reden="Voldoet aan de voorwaarden.",
        ingangsdatum=TODAY - timedelta(days=3),
        maandbedrag=Decimal(amount),
        bedrag_motivering=motivering,
    )


def _code(exc, field):
    return exc.value.error_dict[field][0].code


# --- versions (service) ----------------------------------------------------------------------------------------


def test_every_draft_gets_the_next_version(consulent):
    aanvraag = _in_behandeling(consulent)
    assert _draft(consulent, aanvraag, "1200.00").concept_versie == 1
    assert _draft(consulent, aanvraag, "1300.00").concept_versie == 2


def test_approval_of_a_version_that_was_redrafted_is_refused(consulent, toetser):
    aanvraag = _in_behandeling(consulent)
    _draft(consulent, aanvraag, "1200.00")  # the toetser opens version 1
    _draft(consulent, aanvraag, "1300.00")  # the drafter changes it meanwhile
    with pytest.raises(services.StaleDraft) as exc:
        services.approve_decision(toetser=toetser, aanvraag=aanvraag, versie=1)
    assert _code(exc, "versie") == "versie_verouderd"
    assert "u toetste versie 1, de huidige is versie 2" in exc.value.messages[0]
    assert not Uitkeringsdossier.objects.exists()


def test_approval_without_a_version_is_refused(consulent, toetser):
    aanvraag = _in_behandeling(consulent)
    _draft(consulent, aanvraag, "1200.00")
    with pytest.raises(services.StaleDraft) as exc:
        services.approve_decision(toetser=toetser, aanvraag=aanvraag, versie=None)
    assert _code(exc, "versie") == "versie_ontbreekt"


def test_return_of_a_version_that_was_redrafted_is_refused(consulent, toetser):
    aanvraag = _in_behandeling(consulent)
    _draft(consulent, aanvraag, "1200.00")
    _draft(consulent, aanvraag, "1300.00")
    with pytest.raises(services.StaleDraft):
        services.reject_draft(toetser=toetser, aanvraag=aanvraag, reden="Onderbouwing ontbreekt", versie=1)
    aanvraag.refresh_from_db()
    assert aanvraag.concept_besluit == "toekennen" and aanvraag.toets_opmerking == ""


def test_approval_of_the_current_version_opens_the_dossier_at_that_amount(consulent, toetser):
    aanvraag = _in_behandeling(consulent)
    _draft(consulent, aanvraag, "1200.00")
    _draft(consulent, aanvraag, "1300.00")
    services.approve_decision(toetser=toetser, aanvraag=aanvraag, versie=2)
    assert Uitkeringsdossier.objects.get(aanvraag=aanvraag).maandbedrag == Decimal("1300.00")


def test_a_redraft_shows_the_toetser_what_changed(consulent):
    aanvraag = _in_behandeling(consulent)
    _draft(consulent, aanvraag, "1200.00")
    aanvraag = _draft(consulent, aanvraag, "1300.00")
    assert selectors.draft_changes(aanvraag) == [("Maandbedrag", "€ 1.200,00", "€ 1.300,00")]


def test_a_redraft_invalidates_a_pending_first_approval(consulent, toetser, toetser2):
    aanvraag = _in_behandeling(consulent)
    _draft(consulent, aanvraag, "1600.00", motivering="Norm vanaf de AOW-leeftijd")
    first = services.approve_decision(toetser=toetser, aanvraag=aanvraag, versie=1)
    assert first.awaiting_second_toetser
    redrafted = _draft(consulent, aanvraag, "1650.00", motivering="Norm vanaf de AOW-leeftijd, gecorrigeerd")
    assert not redrafted.awaiting_second_toetser and redrafted.eerste_toets_door is None
    # the second toetser's confirmation of the old version is refused, and of the new one is only a first approval
    with pytest.raises(services.StaleDraft):
        services.approve_decision(toetser=toetser2, aanvraag=aanvraag, versie=1)
    assert services.approve_decision(toetser=toetser2, aanvraag=aanvraag, versie=2).awaiting_second_toetser
    assert not Uitkeringsdossier.objects.exists()


# --- the bound on the monthly amount ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("leefvorm", "bound"),
    [
        ("alleenstaand", BOUND_ALLEENSTAAND),
        ("alleenstaande_ouder", BOUND_ALLEENSTAAND),
        ("gehuwd", BOUND_GEHUWD),
    ],
)
def test_exactly_the_bound_needs_one_toetser(leefvorm, bound, consulent, toetser):
    aanvraag = _in_behandeling(consulent, leefvorm)
    _draft(consulent, aanvraag, bound)
    services.approve_decision(toetser=toetser, aanvraag=aanvraag, versie=1)
    assert Uitkeringsdossier.objects.get(aanvraag=aanvraag).maandbedrag == bound


@pytest.mark.parametrize(
    ("leefvorm", "bound"), [("alleenstaand", BOUND_ALLEENSTAAND), ("gehuwd", BOUND_GEHUWD)]
)
def test_one_cent_above_the_bound_without_motivering_is_refused(leefvorm, bound, consulent):
    aanvraag = _in_behandeling(consulent, leefvorm)
    with pytest.raises(ValidationError) as exc:
        _draft(consulent, aanvraag, bound + Decimal("0.01"))
    assert _code(exc, "maandbedrag") == "maandbedrag_boven_grens"
    aanvraag.refresh_from_db()
    assert aanvraag.concept_besluit == "" and aanvraag.concept_versie == 0


def test_the_attack_amount_cannot_be_redrafted_without_motivering(consulent, toetser):
    aanvraag = _in_behandeling(consulent)
    _draft(consulent, aanvraag, "1200.00")
    with pytest.raises(ValidationError) as exc:
        _draft(consulent, aanvraag, "99999.00")
    assert exc.value.message_dict["maandbedrag"] == [
        "Het maandbedrag € 99.999,00 ligt boven de grens van € 1.541,65 (de bijstandsnorm voor deze leefvorm "
        "plus de marge). Verlaag het bedrag, of motiveer het hogere bedrag: dan bevestigt een tweede toetser "
        "het besluit."
    ]
    services.approve_decision(toetser=toetser, aanvraag=aanvraag, versie=1)
    assert Uitkeringsdossier.objects.get(aanvraag=aanvraag).maandbedrag == Decimal("1200.00")


def test_one_cent_above_the_bound_with_motivering_waits_for_a_second_toetser(consulent, toetser):
    aanvraag = _in_behandeling(consulent)
    _draft(consulent, aanvraag, BOUND_ALLEENSTAAND + Decimal("0.01"), motivering="Norm vanaf de AOW-leeftijd")
    judged = services.approve_decision(toetser=toetser, aanvraag=aanvraag, versie=1)
    assert judged.status == "in_behandeling" and judged.eerste_toets_door == toetser
    assert not Uitkeringsdossier.objects.exists()


def test_the_first_toetser_cannot_also_be_the_second(consulent, toetser):
    aanvraag = _in_behandeling(consulent)
    _draft(consulent, aanvraag, "1600.00", motivering="Norm vanaf de AOW-leeftijd")
    services.approve_decision(toetser=toetser, aanvraag=aanvraag, versie=1)
    with pytest.raises(ValidationError) as exc:
        services.approve_decision(toetser=toetser, aanvraag=aanvraag, versie=1)
    assert _code(exc, "besluit") == "tweede_toetser_nodig"
    assert not Uitkeringsdossier.objects.exists()


def test_the_drafter_cannot_be_the_second_toetser(make_user, toetser):
    drafter = make_user(R.TOETSER)  # a toetser who drafted (four eyes: never their own)
    aanvraag = _in_behandeling(drafter)
    _draft(drafter, aanvraag, "1600.00", motivering="Norm vanaf de AOW-leeftijd")
    services.approve_decision(toetser=toetser, aanvraag=aanvraag, versie=1)
    with pytest.raises(ValidationError) as exc:
        services.approve_decision(toetser=drafter, aanvraag=aanvraag, versie=1)
    assert _code(exc, "besluit") == "vier_ogen"


def test_a_second_toetser_confirms_and_the_dossier_opens(consulent, toetser, toetser2):
    aanvraag = _in_behandeling(consulent)
    _draft(consulent, aanvraag, "1600.00", motivering="Norm vanaf de AOW-leeftijd")
    services.approve_decision(toetser=toetser, aanvraag=aanvraag, versie=1)
    decided = services.approve_decision(toetser=toetser2, aanvraag=aanvraag, versie=1)
    assert decided.status == "toegekend" and decided.getoetst_door == toetser2
    assert Uitkeringsdossier.objects.get(aanvraag=aanvraag).maandbedrag == Decimal("1600.00")


def test_the_margin_is_a_policy_parameter(consulent, make_user):
    record_parameter_value(
        key="maandbedrag_marge_pct",
        value=Decimal("0"),
        valid_from=date(2026, 1, 1),  # the norm and margin valid on the ingangsdatum count
        source="test",
        actor=make_user(R.BEHEER),
    )
    aanvraag = _in_behandeling(consulent)
    _draft(consulent, aanvraag, "1401.50")  # exactly the norm
    with pytest.raises(ValidationError):
        _draft(consulent, aanvraag, "1401.51")


# --- the API: ETag and If-Match --------------------------------------------------------------------------------


def test_api_aanvraag_carries_its_draft_version_as_etag(consulent, api_client_for):
    aanvraag = _in_behandeling(consulent)
    _draft(consulent, aanvraag, "1200.00")
    response = api_client_for(consulent).get(f"/api/v1/aanvragen/{aanvraag.pk}")
    assert response["ETag"] == '"1"' and response.json()["concept_versie"] == 1


def test_api_approve_without_if_match_is_412(consulent, toetser, api_client_for):
    aanvraag = _in_behandeling(consulent)
    _draft(consulent, aanvraag, "1200.00")
    response = api_client_for(toetser).post(f"/api/v1/aanvragen/{aanvraag.pk}/goedkeuren")
    assert response.status_code == 412
    assert response.json()["code"] == "versie_ontbreekt"
    assert response.json()["message"].startswith("Er is niet aangegeven welke versie van het conceptbesluit")
    aanvraag.refresh_from_db()
    assert aanvraag.status == "in_behandeling"


def test_api_approve_of_a_stale_etag_is_412_and_the_current_one_succeeds(consulent, toetser, api_client_for):
    aanvraag = _in_behandeling(consulent)
    _draft(consulent, aanvraag, "1200.00")
    api = api_client_for(toetser)
    seen = api.get(f"/api/v1/aanvragen/{aanvraag.pk}")["ETag"]
    _draft(consulent, aanvraag, "1300.00")
    stale = api.post(f"/api/v1/aanvragen/{aanvraag.pk}/goedkeuren", HTTP_IF_MATCH=seen)
    assert stale.status_code == 412 and stale.json()["code"] == "versie_verouderd"
    assert not Uitkeringsdossier.objects.exists()
    current = api.get(f"/api/v1/aanvragen/{aanvraag.pk}")
    assert current.json()["vorig_concept"]["maandbedrag"] == "1200.00"
    done = api.post(f"/api/v1/aanvragen/{aanvraag.pk}/goedkeuren", HTTP_IF_MATCH=current["ETag"])
    assert done.status_code == 200 and done.json()["status"] == "toegekend"
    assert Uitkeringsdossier.objects.get(aanvraag=aanvraag).maandbedrag == Decimal("1300.00")


def test_api_return_of_a_stale_etag_is_412(consulent, toetser, api_client_for):
    aanvraag = _in_behandeling(consulent)
    _draft(consulent, aanvraag, "1200.00")
    _draft(consulent, aanvraag, "1300.00")
    response = api_client_for(toetser).post(
        f"/api/v1/aanvragen/{aanvraag.pk}/terugsturen",
        {"reden": "Onderbouwing"},
        format="json",
        HTTP_IF_MATCH='"1"',
    )
    assert response.status_code == 412 and response.json()["code"] == "versie_verouderd"


def test_api_redraft_to_the_attack_amount_is_refused(consulent, api_client_for):
    aanvraag = _in_behandeling(consulent)
    api = api_client_for(consulent)
    url = f"/api/v1/aanvragen/{aanvraag.pk}/conceptbesluit"
    body = {"besluit": "toekennen", "reden": "Voldoet", "ingangsdatum": "2026-02-27"}
    assert api.post(url, {**body, "maandbedrag": "1200.00"}, format="json").status_code == 200
    response = api.post(url, {**body, "maandbedrag": "99999.00"}, format="json")
    assert response.status_code == 400 and response.json()["code"] == "maandbedrag_boven_grens"
    assert api.get(f"/api/v1/aanvragen/{aanvraag.pk}").json()["concept_maandbedrag"] == "1200.00"


# --- the UI ----------------------------------------------------------------------------------------------------


def test_toetser_form_names_the_version_in_a_hidden_field(client, consulent, toetser):
    aanvraag = _in_behandeling(consulent)
    _draft(consulent, aanvraag, "1200.00")
    client.force_login(toetser)
    body = client.get(reverse("cases:aanvraag-detail", args=[aanvraag.pk])).content.decode()
    assert '<input type="hidden" name="versie" value="1"' in body


def test_ui_stale_approval_shows_the_new_version_and_what_changed(client, consulent, toetser):
    aanvraag = _in_behandeling(consulent)
    _draft(consulent, aanvraag, "1200.00")
    _draft(consulent, aanvraag, "1300.00")
    client.force_login(toetser)
    response = client.post(
        reverse("cases:aanvraag-detail", args=[aanvraag.pk]), {"action": "approve", "versie": "1"}
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "Het conceptbesluit is gewijzigd nadat u het opende" in body
    assert "versie 2" in body and "€ 1.200,00" in body and "€ 1.300,00" in body
    assert '<input type="hidden" name="versie" value="2"' in body
    assert not Uitkeringsdossier.objects.exists()


def test_ui_amount_above_the_bound_needs_a_second_toetser(client, consulent, toetser, toetser2):
    aanvraag = _in_behandeling(consulent)
    _draft(consulent, aanvraag, "1600.00", motivering="Norm vanaf de AOW-leeftijd")
    url = reverse("cases:aanvraag-detail", args=[aanvraag.pk])
    client.force_login(toetser)
    assert "boven de grens: twee toetsers" in client.get(url).content.decode()
    response = client.post(url, {"action": "approve", "versie": "1"}, follow=True)
    assert "een tweede toetser moet het besluit bevestigen" in response.content.decode()
    assert not Uitkeringsdossier.objects.exists()
    client.force_login(toetser2)
    assert "Bevestigen als tweede toetser" in client.get(url).content.decode()
    client.post(url, {"action": "approve", "versie": "1"})
    assert Uitkeringsdossier.objects.get(aanvraag=aanvraag).maandbedrag == Decimal("1600.00")


def test_ui_draft_one_cent_above_the_bound_shows_the_error_next_to_the_amount(client, consulent):
    aanvraag = _in_behandeling(consulent)
    client.force_login(consulent)
    response = client.post(
        reverse("cases:aanvraag-detail", args=[aanvraag.pk]),
        {
            "action": "draft",
            "besluit": "toekennen",
            "reden": "Voldoet",
            "ingangsdatum": (TODAY - timedelta(days=3)).isoformat(),
            "maandbedrag": "1541.66",
        },
    )
    assert response.status_code == 400
    assert "ligt boven de grens van € 1.541,65" in response.content.decode()


# --- the admin -------------------------------------------------------------------------------------------------


def test_admin_cannot_change_the_amount_of_an_opened_dossier(client, make_user, consulent, toetser):
    aanvraag = _in_behandeling(consulent)
    _draft(consulent, aanvraag, "1200.00")
    services.approve_decision(toetser=toetser, aanvraag=aanvraag, versie=1)
    dossier = Uitkeringsdossier.objects.get(aanvraag=aanvraag)
    client.force_login(make_user(R.BEHEER, is_staff=True, is_superuser=True))
    url = reverse("admin:cases_uitkeringsdossier_change", args=[dossier.pk])
    response = client.post(
        url, {"maandbedrag": "99999.00", "regeling": "bijstand", "startdatum": "2026-02-27"}
    )
    assert response.status_code == 403
    dossier.refresh_from_db()
    assert dossier.maandbedrag == Decimal("1200.00")


def test_admin_cannot_change_a_drafted_amount(client, make_user, consulent):
    aanvraag = _in_behandeling(consulent)
    _draft(consulent, aanvraag, "1200.00")
    client.force_login(make_user(R.BEHEER, is_staff=True, is_superuser=True))
    url = reverse("admin:cases_aanvraag_change", args=[aanvraag.pk])
    assert client.post(url, {"concept_maandbedrag": "99999.00"}).status_code == 403
    aanvraag.refresh_from_db()
    assert aanvraag.concept_maandbedrag == Decimal("1200.00")
