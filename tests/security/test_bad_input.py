"""Bad input on every form of the cases app: Dutch field errors, status 400 (or a message after a redirect),
never a 500; HTML typed into a field is escaped wherever it is shown."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role
from cases.models import Aanvraag, Client
from tests.factories import AanvraagFactory, ClientFactory, DossierFactory

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ENGLISH = ("This field is required", "Enter a valid", "Ensure this value", "Select a valid choice")
REQUIRED = "Dit veld is vereist."
TOO_LONG = "niet meer dan"
BAD_DATE = "Voer een geldige datum in."
BAD_NUMBER = "Voer een getal in."
NOT_NEGATIVE = "minstens 0"
BAD_CHOICE = "Selecteer een geldige keuze."


def client_data(team, **overrides):
    data = {
        "bsn": "123456782",
        "voornamen": "Anna",
        "tussenvoegsel": "",
        "achternaam": "de Vries",
        "birth_date": "1990-01-01",
        "street": "Grotestraat",
        "house_number": "1",
        "postcode": "7607AB",
        "city": "Almelo",
        "phone": "",
        "email": "",
        "iban": "",
        "leefvorm": "alleenstaand",
        "taaleis": "niet_beoordeeld",
        "wijkteam": team.pk,
        "coach": "",
    }
    data.update(overrides)
    return data


def _assert_dutch_error(response, expected: str):
    assert response.status_code == 400, response.status_code
    body = response.content.decode()
    assert "errorlist" in body and expected in body, expected
    assert not any(phrase in body for phrase in ENGLISH)


CLIENT_CASES = [
    ("empty name", {"achternaam": ""}, REQUIRED),
    ("empty bsn", {"bsn": ""}, REQUIRED),
    ("bsn fails the elfproef", {"bsn": "123456789"}, "BSN"),
    ("bsn with letters", {"bsn": "12345678a"}, "BSN"),
    ("name too long", {"achternaam": "x" * 101}, TOO_LONG),
    ("impossible date", {"birth_date": "1990-02-30"}, BAD_DATE),
    ("date as text", {"birth_date": "gisteren"}, BAD_DATE),
    ("birth in the future", {"birth_date": "2999-01-01"}, "toekomst"),
    ("bad postcode", {"postcode": "ABCDEF"}, "postcode"),
    ("bad iban", {"iban": "NL00BANK0123456789"}, "IBAN"),
    ("bad email", {"email": "geen-mail"}, "e-mailadres"),
    ("unknown leefvorm", {"leefvorm": "<b>x</b>"}, BAD_CHOICE),
    ("unknown wijkteam", {"wijkteam": "999999"}, BAD_CHOICE),
    ("wijkteam as text", {"wijkteam": "abc"}, BAD_CHOICE),
]


@pytest.mark.parametrize("label,overrides,expected", CLIENT_CASES, ids=[c[0] for c in CLIENT_CASES])
def test_register_client_rejects_bad_input(client, make_user, wijkteam, label, overrides, expected):
    client.force_login(make_user(Role.INTAKER, wijkteam=wijkteam))
    response = client.post(reverse("cases:client-create"), client_data(wijkteam, **overrides))
    _assert_dutch_error(response, expected)
    assert not Client.objects.exists()


# The edit form has no BSN and no wijkteam (moving a client is its own action, /clienten/<id>/verhuizen/).
EDIT_CASES = [c for c in CLIENT_CASES[:1] + CLIENT_CASES[4:] if "wijkteam" not in c[1]]


@pytest.mark.parametrize("label,overrides,expected", EDIT_CASES, ids=lambda v: str(v)[:30])
def test_edit_client_rejects_bad_input(client, make_user, wijkteam, label, overrides, expected):
    existing = ClientFactory(wijkteam=wijkteam)
    client.force_login(make_user(Role.INTAKER, wijkteam=wijkteam))
    data = client_data(wijkteam, **overrides)
    data.pop("bsn")
    response = client.post(reverse("cases:client-edit", args=[existing.pk]), data)
    _assert_dutch_error(response, expected)


def test_html_in_client_fields_is_escaped_everywhere(client, make_user, wijkteam):
    client.force_login(make_user(Role.INTAKER, wijkteam=wijkteam))
    response = client.post(
        reverse("cases:client-create"),
        client_data(
            wijkteam, achternaam=SCRIPT[:100], street="<b>vet</b>", voornamen='"><svg onload=alert(1)>'
        ),
    )
    assert response.status_code == 302
    created = Client.objects.get()
    pages = [
        client.get(reverse("cases:client-detail", args=[created.pk])),
        client.get(reverse("cases:client-edit", args=[created.pk])),
    ]
    client.post(reverse("cases:client-search"), {"q": "Anna"})
    pages.append(client.get(reverse("cases:client-search")))
    for page in pages:
        body = page.content.decode()
        assert page.status_code == 200
        assert "<script>alert" not in body and "<svg onload" not in body and "<b>vet</b>" not in body
    assert "&lt;script&gt;" in pages[0].content.decode()


def test_search_with_hostile_input_is_harmless(client, make_user, wijkteam):
    client.force_login(make_user(Role.INTAKER, wijkteam=wijkteam))
    for query in (SCRIPT, "' OR 1=1 --", "%", "_", "x" * 5000, "\x00", "🙂" * 50):
        client.post(reverse("cases:client-search"), {"q": query, "wijkteam": "abc"})
        response = client.get(reverse("cases:client-search"))
        assert response.status_code == 200
        assert "<script>alert" not in response.content.decode()


AANVRAAG_CASES = [
    ("empty regeling", {"regeling": ""}, REQUIRED),
    ("unknown regeling", {"regeling": "<script>"}, BAD_CHOICE),
    ("impossible date", {"aanvraagdatum": "2026-13-01"}, BAD_DATE),
    ("future date", {"aanvraagdatum": "2999-01-01"}, "toekomst"),
    ("score out of range", {"score_werk": "9"}, BAD_CHOICE),
    ("score as text", {"score_werk": "veel"}, BAD_CHOICE),
    ("toelichting too long", {"voorliggende_toelichting": "x" * 2001}, TOO_LONG),
]


@pytest.mark.parametrize("label,overrides,expected", AANVRAAG_CASES, ids=[c[0] for c in AANVRAAG_CASES])
def test_new_aanvraag_rejects_bad_input(client, make_user, wijkteam, label, overrides, expected):
    inwoner = ClientFactory(wijkteam=wijkteam)
    client.force_login(make_user(Role.INTAKER, wijkteam=wijkteam))
    data = {"regeling": "bijstand", "aanvraagdatum": "2026-01-05", "voorliggende_voorziening": "geen"}
    data.update(overrides)
    response = client.post(reverse("cases:aanvraag-create", args=[inwoner.pk]), data)
    _assert_dutch_error(response, expected)
    assert not Aanvraag.objects.exists()


DECISION_CASES = [
    ("draft without besluit", {"action": "draft", "reden": "x"}, REQUIRED),
    (
        "draft negative money",
        {"action": "draft", "besluit": "toekennen", "reden": "x", "maandbedrag": "-5"},
        NOT_NEGATIVE,
    ),
    (
        "draft money as text",
        {"action": "draft", "besluit": "toekennen", "reden": "x", "maandbedrag": "veel"},
        BAD_NUMBER,
    ),
    (
        "draft impossible date",
        {"action": "draft", "besluit": "toekennen", "reden": "x", "ingangsdatum": "2026-02-31"},
        BAD_DATE,
    ),
    ("draft reason too long", {"action": "draft", "besluit": "afwijzen", "reden": "x" * 4001}, TOO_LONG),
    ("withdraw without reason", {"action": "withdraw", "reden": ""}, REQUIRED),
    ("voorliggend unknown", {"action": "voorliggend", "uitkomst": "xx"}, BAD_CHOICE),
]


@pytest.mark.parametrize("label,data,expected", DECISION_CASES, ids=[c[0] for c in DECISION_CASES])
def test_decision_screen_rejects_bad_input(client, make_user, wijkteam, label, data, expected):
    aanvraag = AanvraagFactory(
        client=ClientFactory(wijkteam=wijkteam), status="in_behandeling", aanvraagdatum=date(2026, 1, 5)
    )
    client.force_login(make_user(Role.INTAKER, wijkteam=wijkteam))
    response = client.post(reverse("cases:aanvraag-detail", args=[aanvraag.pk]), data)
    _assert_dutch_error(response, expected)
    aanvraag.refresh_from_db()
    assert aanvraag.concept_besluit == "" and aanvraag.status == "in_behandeling"


def test_unknown_decision_action_is_a_message_not_an_error(client, make_user, wijkteam):
    aanvraag = AanvraagFactory(client=ClientFactory(wijkteam=wijkteam))
    client.force_login(make_user(Role.INTAKER, wijkteam=wijkteam))
    response = client.post(
        reverse("cases:aanvraag-detail", args=[aanvraag.pk]), {"action": SCRIPT}, follow=True
    )
    assert response.status_code == 200 and "Onbekende handeling." in response.content.decode()


REDIRECT_FORM_CASES = [
    ("contact", {"date": "", "kind": "gesprek"}, REQUIRED),
    ("contact", {"date": "2026-02-30", "kind": "gesprek"}, BAD_DATE),
    ("contact", {"date": "2999-01-01", "kind": "gesprek"}, "toekomst"),
    ("contact", {"date": "2026-01-05", "kind": "<script>"}, BAD_CHOICE),
    ("contact", {"date": "2026-01-05", "kind": "gesprek", "summary": "x" * 4001}, TOO_LONG),
    ("dossier", {"einddatum": "", "eindreden": "werk"}, REQUIRED),
    ("dossier", {"einddatum": "2019-01-01", "eindreden": "werk"}, "vóór de startdatum"),
    ("dossier", {"einddatum": "2026-01-05", "eindreden": "onbekend"}, BAD_CHOICE),
]


@pytest.mark.parametrize("form,data,expected", REDIRECT_FORM_CASES)
def test_contact_and_dossier_forms_show_dutch_messages(client, make_user, wijkteam, form, data, expected):
    inwoner = ClientFactory(wijkteam=wijkteam)
    dossier = DossierFactory(client=inwoner, startdatum=date(2020, 1, 1))
    client.force_login(make_user(Role.COACH, wijkteam=wijkteam))
    url = (
        reverse("cases:contact-create", args=[inwoner.pk])
        if form == "contact"
        else reverse("cases:dossier-end", args=[dossier.pk])
    )
    response = client.post(url, data, follow=True)
    body = response.content.decode()
    assert response.status_code == 200 and expected in body
    assert not any(phrase in body for phrase in ENGLISH)
    dossier.refresh_from_db()
    assert dossier.einddatum is None and not inwoner.contacts.exists()


@pytest.mark.parametrize(
    "path", ["/clienten/abc/", "/clienten/99999999999999999999/", "/clienten/aanvragen/-1/"]
)
def test_malformed_or_huge_ids_are_404_not_500(client, make_user, path):
    client.force_login(make_user(Role.INTAKER))
    assert client.get(path).status_code == 404
