from datetime import date, timedelta

import pytest
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.audit.models import AccessLog
from cases.models import Client

from ..factories import AanvraagFactory, ClientFactory

pytestmark = pytest.mark.django_db

R = Role
READ = {R.INTAKER, R.COACH, R.TOETSER, R.MATCHER, R.COORDINATOR, R.SRT, R.BEHEER}
PAGES = {
    # name: (url builder, roles that get 200)
    "home": (lambda c, a: reverse("home"), set(Role)),
    "client-search": (lambda c, a: reverse("cases:client-search"), READ),
    "client-create": (lambda c, a: reverse("cases:client-create"), {R.INTAKER, R.COACH, R.BEHEER}),
    "client-detail": (lambda c, a: reverse("cases:client-detail", args=[c.pk]), READ),
    "client-edit": (lambda c, a: reverse("cases:client-edit", args=[c.pk]), {R.INTAKER, R.COACH, R.BEHEER}),
    "aanvraag-create": (lambda c, a: reverse("cases:aanvraag-create", args=[c.pk]), {R.INTAKER, R.COACH}),
    "aanvraag-detail": (lambda c, a: reverse("cases:aanvraag-detail", args=[a.pk]), READ),
    "overdue": (
        lambda c, a: reverse("cases:overdue"),
        {R.INTAKER, R.COACH, R.COORDINATOR, R.TOETSER, R.BEHEER},
    ),
    "toetsing": (lambda c, a: reverse("cases:toetsing"), {R.TOETSER}),
    "audit-log": (lambda c, a: reverse("audit-log"), {R.BEHEER}),
}


@pytest.mark.parametrize("role", [None, *Role])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_page_permission_matrix(client, make_user, wijkteam, page, role):
    subject = ClientFactory(wijkteam=wijkteam)
    aanvraag = AanvraagFactory(client=subject)
    url_for, allowed = PAGES[page]
    url = url_for(subject, aanvraag)
    if role is None:
        response = client.get(url)
        assert response.status_code == 302 and "/inloggen/" in response["Location"]
        return
    client.force_login(make_user(role, wijkteam=wijkteam))
    response = client.get(url)
    assert response.status_code == (200 if role in allowed else 403), (page, role, response.status_code)


@pytest.mark.parametrize("role", [R.COACH, R.MATCHER, R.COORDINATOR])
def test_wijkteam_roles_get_404_for_other_wijkteam(client, make_user, wijkteam, client_elsewhere, role):
    client.force_login(make_user(role, wijkteam=wijkteam))
    assert client.get(reverse("cases:client-detail", args=[client_elsewhere.pk])).status_code == 404


def test_login_page_is_open_and_dutch(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Gebruikersnaam" in response.content.decode()


def test_client_detail_logs_the_read(client, make_user, client_in_team):
    user = make_user(R.COACH, wijkteam=client_in_team.wijkteam)
    client.force_login(user)
    response = client.get(reverse("cases:client-detail", args=[client_in_team.pk]))
    assert client_in_team.bsn in response.content.decode()
    entry = AccessLog.objects.get()
    assert (entry.user, entry.client, entry.action) == (user, client_in_team, "view")


def test_search_masks_bsn_and_keeps_bsn_out_of_the_log(client, make_user, client_in_team):
    client.force_login(make_user(R.INTAKER))
    response = client.post(reverse("cases:client-search"), {"q": client_in_team.bsn})
    assert response.status_code == 302 and client_in_team.bsn not in response["Location"]
    body = client.get(response["Location"]).content.decode()
    assert client_in_team.achternaam in body
    assert body.count(client_in_team.bsn) == 1  # only the user's own query echoed in the search box
    assert "•••••" + client_in_team.bsn[-4:] in body
    assert not AccessLog.objects.filter(purpose__contains=client_in_team.bsn).exists()


@pytest.mark.parametrize("n", [10, 200])
def test_client_list_query_count_is_constant(client, make_user, wijkteam, django_assert_max_num_queries, n):
    coach = make_user(R.COACH, wijkteam=wijkteam)
    ClientFactory.create_batch(n, wijkteam=wijkteam, coach=coach)
    client.force_login(make_user(R.INTAKER))
    with django_assert_max_num_queries(10):
        response = client.get(reverse("cases:client-search"))
    assert response.status_code == 200


def _client_form(wijkteam, **overrides) -> dict:
    """The intake form as a browser posts it: a valid registration unless ``overrides`` say otherwise."""
    data = {
        "bsn": "123456782",
        "voornamen": "Jaap",
        "achternaam": "Jansen",
        "geboortedatum": "1990-01-01",
        "straat": "Grotestraat",
        "huisnummer": "1",
        "postcode": "7607AB",
        "leefvorm": "alleenstaand",
        "taaleis": "niet_beoordeeld",
        "wijkteam": wijkteam.pk,
        "woonplaats": "Almelo",
    }
    data.update(overrides)
    return data


def test_intake_form_shows_dutch_errors_and_stores_nothing(client, make_user, wijkteam):
    client.force_login(make_user(R.INTAKER))
    response = client.post(
        reverse("cases:client-create"),
        _client_form(
            wijkteam,
            bsn="123456781",
            voornamen="<script>alert(1)</script>",
            achternaam="",
            geboortedatum="2999-01-01",
            postcode="abc",
        ),
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Dit veld is vereist." in body  # achternaam
    assert Client.objects.count() == 0
    assert "<script>alert(1)</script>" not in body


def test_intake_form_registers_client(client, make_user, wijkteam):
    client.force_login(make_user(R.INTAKER))
    response = client.post(
        reverse("cases:client-create"),
        _client_form(wijkteam, postcode="7607 ab"),
    )
    created = Client.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/clienten/{created.pk}/")
    assert created.postcode == "7607AB"


def test_elfproef_error_is_shown_next_to_bsn(client, make_user, wijkteam):
    client.force_login(make_user(R.INTAKER))
    response = client.post(
        reverse("cases:client-create"),
        _client_form(wijkteam, bsn="123456781"),
    )
    assert response.context["form"].errors["bsn"] == [
        "Dit BSN is ongeldig: het voldoet niet aan de elfproef."
    ]


def test_coach_cannot_register_in_other_wijkteam(client, make_user, wijkteam, other_wijkteam):
    client.force_login(make_user(R.COACH, wijkteam=wijkteam))
    response = client.post(
        reverse("cases:client-create"),
        _client_form(other_wijkteam),
    )
    assert response.status_code == 400
    assert not Client.objects.exists()


def test_decision_screen_four_eyes_flow(client, make_user, client_in_team):
    consulent, toetser = make_user(R.INTAKER), make_user(R.TOETSER)
    aanvraag = AanvraagFactory(
        client=client_in_team,
        aanvraagdatum=date.today() - timedelta(days=2),
        status="in_behandeling",
        voorliggende_voorziening="geen",
    )
    url = reverse("cases:aanvraag-detail", args=[aanvraag.pk])
    client.force_login(consulent)
    response = client.post(url, {"action": "draft", "besluit": "toekennen", "reden": ""})
    assert response.status_code == 400 and "Dit veld is vereist." in response.content.decode()
    client.post(
        url,
        {
            "action": "draft",
            "besluit": "toekennen",
            "reden": "Voldoet",
            "ingangsdatum": aanvraag.aanvraagdatum.isoformat(),
            "maandbedrag": "1401.50",
        },
    )
    response = client.post(url, {"action": "approve"})
    assert response.status_code == 403  # the consulent is no toetser
    client.force_login(toetser)
    client.post(url, {"action": "approve", "versie": "1"})  # the version the toetser's form names
    aanvraag.refresh_from_db()
    assert aanvraag.status == "toegekend"
    assert client_in_team.dossiers.count() == 1


def test_overdue_page_lists_late_aanvragen(client, make_user, client_in_team):
    AanvraagFactory(client=client_in_team, aanvraagdatum=date.today() - timedelta(weeks=10))
    client.force_login(make_user(R.INTAKER))
    response = client.get(reverse("cases:overdue"))
    assert client_in_team.full_name in response.content.decode()


def test_beheer_searches_the_audit_log(client, make_user, client_in_team):
    coach = make_user(R.COACH, wijkteam=client_in_team.wijkteam, username="coachx")
    client.force_login(coach)
    client.get(reverse("cases:client-detail", args=[client_in_team.pk]))
    client.force_login(make_user(R.BEHEER))
    response = client.get(reverse("audit-log"), {"username": "coachx", "client_id": client_in_team.pk})
    assert response.status_code == 200
    assert len(response.context["reads"].object_list) == 1


@pytest.mark.parametrize("history", [1, 30])
def test_client_page_query_count_is_constant_and_small(
    client, make_user, wijkteam, history, django_assert_max_num_queries
):
    from cases.models import ClientEvent

    from ..factories import DossierFactory

    coach = make_user(R.COACH, wijkteam=wijkteam)
    subject = ClientFactory(wijkteam=wijkteam, coach=coach)
    for i in range(history):
        AanvraagFactory(
            client=subject, status="afgewezen", aanvraagdatum=date(2020, 1, 1) + timedelta(days=i)
        )
        DossierFactory(
            client=subject, startdatum=date(2019, 1, 1), einddatum=date(2019, 2, 1), eindreden="werk"
        )
        ClientEvent.objects.create(client=subject, kind="x", text="gebeurtenis")
    client.force_login(coach)
    client.get(reverse("cases:client-detail", args=[subject.pk]))
    with django_assert_max_num_queries(10):  # no session save: it was refreshed by the previous request
        client.get(reverse("cases:client-detail", args=[subject.pk]))


def test_unknown_client_panel_is_404(client, make_user, client_in_team):
    client.force_login(make_user(R.INTAKER))
    assert client.get(reverse("cases:client-panel", args=[client_in_team.pk, "onbekend"])).status_code == 404
