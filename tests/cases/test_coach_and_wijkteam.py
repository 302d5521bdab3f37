"""Issue 14, finding 1: a client's coach is an active werkcoach of the client's wijkteam, at every door (service,
form, API, admin), and moving a client to another wijkteam is its own action. The attacks: a coach PATCHed
{"coach": <financien>} / {"coach": <werkplein-api>} / {"coach": <coach of another team>} / {"wijkteam": ...}
and got 200; the UI listed every team's coaches."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role
from cases import services
from cases.models import Client, ClientEvent

from ..factories import ClientFactory, WijkteamFactory

pytestmark = pytest.mark.django_db
R = Role
OTHER_TEAM_MESSAGE = (
    "Deze werkcoach werkt niet in het wijkteam van de cliënt. Kies een coach van dit wijkteam, "
    "of verhuis de cliënt eerst naar het andere wijkteam."
)


@pytest.fixture
def coach(make_user, wijkteam):
    return make_user(R.COACH, wijkteam=wijkteam, first_name="Carla", last_name="Coach")


@pytest.fixture
def subject(wijkteam, coach):
    return ClientFactory(wijkteam=wijkteam, coach=coach)


@pytest.fixture
def nieuwstraat(db):
    return WijkteamFactory(code="nieuwstraat", name="Nieuwstraat-Kolthoorn")


def _not_a_coach_of_the_team(kind, make_user, other_wijkteam):
    return {
        "financien": lambda: make_user(R.FINANCE),
        "werkplein-api": lambda: make_user(R.API_CLIENT),
        "coach-ander-wijkteam": lambda: make_user(R.COACH, wijkteam=other_wijkteam),
    }[kind]()


# --- the service: every entry point gets this answer ----------------------------------------------------------


def test_service_refuses_a_coach_of_another_wijkteam(make_user, subject, other_wijkteam):
    elsewhere = make_user(R.COACH, wijkteam=other_wijkteam)
    with pytest.raises(ValidationError) as exc:
        services.update_client(actor=make_user(R.INTAKER), client=subject, coach=elsewhere)
    assert exc.value.error_dict["coach"][0].code == "coach_ander_wijkteam"
    assert exc.value.message_dict["coach"] == [OTHER_TEAM_MESSAGE]


def test_service_refuses_a_user_without_the_coach_role(make_user, subject):
    with pytest.raises(ValidationError) as exc:
        services.assign_coach(actor=make_user(R.INTAKER), client=subject, coach=make_user(R.FINANCE))
    assert exc.value.error_dict["coach"][0].code == "coach_geen_werkcoach"


def test_service_refuses_an_inactive_coach(make_user, subject, wijkteam):
    gone = make_user(R.COACH, wijkteam=wijkteam, is_active=False)
    with pytest.raises(ValidationError) as exc:
        services.assign_coach(actor=make_user(R.INTAKER), client=subject, coach=gone)
    assert exc.value.error_dict["coach"][0].code == "coach_geen_werkcoach"


def test_registration_refuses_a_coach_of_another_wijkteam(make_user, wijkteam, other_wijkteam):
    with pytest.raises(ValidationError) as exc:
        services.register_client(
            actor=make_user(R.INTAKER),
            bsn="123456782",
            voornamen="Jaap",
            achternaam="Jansen",
            birth_date=date(1990, 3, 1),
            street="Grotestraat",
            house_number="1",
            postcode="7607AB",
            leefvorm="alleenstaand",
            wijkteam=wijkteam,
            coach=make_user(R.COACH, wijkteam=other_wijkteam),
        )
    assert exc.value.error_dict["coach"][0].code == "coach_ander_wijkteam"
    assert not Client.objects.exists()


def test_update_client_does_not_move_a_client(make_user, subject, other_wijkteam):
    with pytest.raises(ValidationError) as exc:
        services.update_client(actor=make_user(R.BEHEER), client=subject, wijkteam=other_wijkteam)
    assert exc.value.error_dict["wijkteam"][0].code == "wijkteam_via_verhuizing"


# --- the API ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["financien", "werkplein-api", "coach-ander-wijkteam"])
def test_api_patch_cannot_set_the_coach(kind, make_user, api_client_for, coach, subject, other_wijkteam):
    target = _not_a_coach_of_the_team(kind, make_user, other_wijkteam)
    response = api_client_for(coach).patch(
        f"/api/v1/clienten/{subject.pk}", {"coach": target.pk}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["fields"]["coach"][0]["code"] == "veld_niet_wijzigbaar"
    subject.refresh_from_db()
    assert subject.coach == coach


def test_api_patch_cannot_move_the_client_away_from_its_coach(api_client_for, coach, subject, nieuwstraat):
    api = api_client_for(coach)
    response = api.patch(f"/api/v1/clienten/{subject.pk}", {"wijkteam": "nieuwstraat"}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "veld_niet_wijzigbaar"
    assert api.get(f"/api/v1/clienten/{subject.pk}").status_code == 200


def test_api_patch_still_changes_the_clients_own_data(api_client_for, coach, subject):
    response = api_client_for(coach).patch(
        f"/api/v1/clienten/{subject.pk}", {"straat": "Marktstraat"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["straat"] == "Marktstraat" and response.json()["coach"] == coach.pk


@pytest.mark.parametrize("kind", ["financien", "werkplein-api", "coach-ander-wijkteam"])
def test_api_coach_action_refuses_a_coach_outside_the_wijkteam(
    kind, make_user, api_client_for, coach, subject, other_wijkteam
):
    target = _not_a_coach_of_the_team(kind, make_user, other_wijkteam)
    response = api_client_for(coach).post(
        f"/api/v1/clienten/{subject.pk}/coach", {"coach": target.pk}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["fields"]["coach"][0]["code"] in ("coach_ander_wijkteam", "coach_geen_werkcoach")
    subject.refresh_from_db()
    assert subject.coach == coach


def test_api_coach_action_assigns_a_coach_of_the_wijkteam(
    make_user, api_client_for, coach, subject, wijkteam
):
    colleague = make_user(R.COACH, wijkteam=wijkteam)
    response = api_client_for(coach).post(
        f"/api/v1/clienten/{subject.pk}/coach", {"coach": colleague.pk}, format="json"
    )
    assert response.status_code == 200 and response.json()["coach"] == colleague.pk


def test_api_registration_refuses_a_coach_of_another_wijkteam(
    make_user, api_client_for, wijkteam, other_wijkteam
):
    response = api_client_for(make_user(R.INTAKER)).post(
        "/api/v1/clienten",
        {
            "bsn": "123456782",
            "voornamen": "Jaap",
            "achternaam": "Jansen",
            "geboortedatum": "1990-01-01",
            "straat": "Grotestraat",
            "huisnummer": "1",
            "postcode": "7607AB",
            "leefvorm": "alleenstaand",
            "wijkteam": wijkteam.code,
            "coach": make_user(R.COACH, wijkteam=other_wijkteam).pk,
        },
        format="json",
    )
    assert response.status_code == 400
    body = response.json()
    assert (body["detail"], body["code"]) == (OTHER_TEAM_MESSAGE, "coach_ander_wijkteam")
    assert body["invalidParams"] == [
        {"name": "coach", "code": "coach_ander_wijkteam", "reason": OTHER_TEAM_MESSAGE}
    ]


def test_api_coordinator_moves_a_client_and_the_coach_is_cleared(
    make_user, api_client_for, wijkteam, coach, subject, nieuwstraat
):
    coordinator = make_user(R.COORDINATOR, wijkteam=wijkteam)
    response = api_client_for(coordinator).post(
        f"/api/v1/clienten/{subject.pk}/verhuizen",
        {"wijkteam": "nieuwstraat", "reden": "Verhuisd naar de Nieuwstraat"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["wijkteam"] == "nieuwstraat" and response.json()["coach"] is None
    assert ClientEvent.objects.filter(client=subject, kind="verhuizing").exists()


def test_api_move_takes_a_coach_of_the_new_wijkteam(make_user, api_client_for, subject, nieuwstraat):
    new_coach = make_user(R.COACH, wijkteam=nieuwstraat)
    response = api_client_for(make_user(R.BEHEER)).post(
        f"/api/v1/clienten/{subject.pk}/verhuizen",
        {"wijkteam": "nieuwstraat", "coach": new_coach.pk, "reden": "Adrescorrectie"},
        format="json",
    )
    assert response.status_code == 200 and response.json()["coach"] == new_coach.pk


def test_api_move_refuses_a_coach_of_the_old_wijkteam(make_user, api_client_for, coach, subject, nieuwstraat):
    response = api_client_for(make_user(R.BEHEER)).post(
        f"/api/v1/clienten/{subject.pk}/verhuizen",
        {"wijkteam": "nieuwstraat", "coach": coach.pk, "reden": "Adrescorrectie"},
        format="json",
    )
    assert response.status_code == 400 and response.json()["code"] == "coach_ander_wijkteam"
    subject.refresh_from_db()
    assert subject.wijkteam.code != "nieuwstraat"


def test_api_coach_may_not_move_a_client(api_client_for, coach, subject, nieuwstraat):
    response = api_client_for(coach).post(
        f"/api/v1/clienten/{subject.pk}/verhuizen", {"wijkteam": "nieuwstraat", "reden": "x"}, format="json"
    )
    assert response.status_code == 403


def test_api_coordinator_of_another_wijkteam_cannot_move_the_client(
    make_user, api_client_for, subject, other_wijkteam, nieuwstraat
):
    coordinator = make_user(R.COORDINATOR, wijkteam=other_wijkteam)
    response = api_client_for(coordinator).post(
        f"/api/v1/clienten/{subject.pk}/verhuizen", {"wijkteam": "nieuwstraat", "reden": "x"}, format="json"
    )
    assert response.status_code == 404
    subject.refresh_from_db()
    assert subject.wijkteam.code != "nieuwstraat"


# --- the UI ----------------------------------------------------------------------------------------------------


def test_edit_form_lists_only_coaches_of_the_clients_wijkteam(
    client, make_user, coach, subject, other_wijkteam
):
    make_user(R.COACH, wijkteam=other_wijkteam, first_name="Otto", last_name="Elders")
    make_user(R.FINANCE, first_name="Frida", last_name="Financien")
    client.force_login(coach)
    body = client.get(reverse("cases:client-edit", args=[subject.pk])).content.decode()
    assert "Carla Coach" in body
    assert "Otto Elders" not in body and "Frida Financien" not in body
    assert 'name="wijkteam"' not in body  # moving is its own action


def test_edit_form_refuses_a_coach_of_another_wijkteam(client, make_user, coach, subject, other_wijkteam):
    elsewhere = make_user(R.COACH, wijkteam=other_wijkteam)
    client.force_login(coach)
    data = {f: getattr(subject, f) for f in services.CLIENT_FIELDS}
    data.update(birth_date=subject.birth_date.isoformat(), coach=elsewhere.pk)
    response = client.post(reverse("cases:client-edit", args=[subject.pk]), data)
    assert response.status_code == 400
    subject.refresh_from_db()
    assert subject.coach == coach


def test_coordinator_moves_a_client_in_the_ui_and_the_old_coach_loses_it(
    client, make_user, wijkteam, coach, subject, nieuwstraat
):
    client.force_login(make_user(R.COORDINATOR, wijkteam=wijkteam))
    assert (
        "Verhuizen naar ander wijkteam"
        in client.get(reverse("cases:client-detail", args=[subject.pk])).content.decode()
    )
    response = client.post(
        reverse("cases:client-move", args=[subject.pk]), {"wijkteam": nieuwstraat.pk, "reden": "Verhuisd"}
    )
    assert response.status_code == 302
    subject.refresh_from_db()
    assert subject.wijkteam == nieuwstraat and subject.coach is None
    client.force_login(coach)
    assert client.get(reverse("cases:client-detail", args=[subject.pk])).status_code == 404


def test_move_form_shows_the_dutch_error_for_a_coach_of_another_wijkteam(
    client, make_user, wijkteam, subject, other_wijkteam, nieuwstraat
):
    elsewhere = make_user(R.COACH, wijkteam=other_wijkteam)
    client.force_login(make_user(R.BEHEER))
    response = client.post(
        reverse("cases:client-move", args=[subject.pk]),
        {"wijkteam": nieuwstraat.pk, "coach": elsewhere.pk, "reden": "Verhuisd"},
    )
    assert response.status_code == 400
    assert "Deze werkcoach werkt niet in het wijkteam van de cliënt" in response.content.decode()


def test_coach_cannot_open_the_move_page(client, coach, subject):
    client.force_login(coach)
    assert client.get(reverse("cases:client-move", args=[subject.pk])).status_code == 403


# --- the admin -------------------------------------------------------------------------------------------------


def test_admin_cannot_give_a_client_a_coach_of_another_wijkteam(
    client, make_user, coach, subject, other_wijkteam
):
    """The admin shows clients read-only (changes go through the services), so the attack is refused outright."""
    elsewhere = make_user(R.COACH, wijkteam=other_wijkteam)
    client.force_login(make_user(R.BEHEER, is_staff=True, is_superuser=True))
    url = reverse("admin:cases_client_change", args=[subject.pk])
    data = {f: getattr(subject, f) for f in services.CLIENT_FIELDS}
    data.update(
        bsn=subject.bsn,
        birth_date=subject.birth_date.isoformat(),
        wijkteam=subject.wijkteam_id,
        coach=elsewhere.pk,
    )
    response = client.post(url, data)
    assert response.status_code == 403
    subject.refresh_from_db()
    assert subject.coach == coach


def test_api_aanvraag_registration_refuses_decision_fields(make_user, api_client_for, subject):
    response = api_client_for(make_user(R.INTAKER)).post(
        "/api/v1/aanvragen",
        {
            "client": subject.pk,
            "regeling": "bijstand",
            "aanvraagdatum": "2026-01-05",
            "status": "toegekend",
            "concept_maandbedrag": "99999.00",
        },
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"status", "concept_maandbedrag"}
    assert not subject.aanvragen.exists()


def test_registration_form_shows_the_dutch_error_for_a_coach_of_another_wijkteam(
    client, make_user, wijkteam, other_wijkteam
):
    elsewhere = make_user(R.COACH, wijkteam=other_wijkteam)
    client.force_login(make_user(R.INTAKER))
    response = client.post(
        reverse("cases:client-create"),
        {
            "bsn": "123456782",
            "voornamen": "Jaap",
            "achternaam": "Jansen",
            "birth_date": "1990-03-01",
            "street": "Grotestraat",
            "house_number": "1",
            "postcode": "7607 AB",
            "city": "Almelo",
            "leefvorm": "alleenstaand",
            "taaleis": "niet_beoordeeld",
            "wijkteam": wijkteam.pk,
            "coach": elsewhere.pk,
        },
    )
    assert response.status_code == 400
    assert OTHER_TEAM_MESSAGE in response.content.decode()
    assert not Client.objects.exists()
