"""Demo data for intake: 6 wijkteams, a user per role, and a caseload that follows the seed figures.

The caseload (BUIG regelingen) follows the year-end figures of the sources: 2,839 (2017), 2,745 (2018),
2,587 (2019), ~2,650 in May 2020, ~2,900 expected for 2021, then down to about 2,600 today. People flow in
and out (uitstroom ~30% a year), so the number of clients ever registered is larger than the caseload.
Deterministic (fixed random seed) and idempotent (skips when the demo wijkteams exist).
"""

from __future__ import annotations

import os
import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from almelo_sociaal.accounts.roles import Role

from .models import (
    Aanvraag,
    Client,
    ClientEvent,
    Contact,
    Leefgebied,
    LeefgebiedScore,
    Uitkeringsdossier,
    Wijkteam,
)
from .rules import bsn_with_check_digit
from .services import validate_coach

WIJKTEAMS = [
    (
        "binnenstad-hofkamp",
        "Binnenstad-Hofkamp",
        "7607",
        ["Grotestraat", "Hofkampstraat", "Marktstraat", "Wierdensestraat"],
    ),
    (
        "nieuwstraat",
        "Nieuwstraatkwartier",
        "7606",
        ["Nieuwstraat", "Rosa Luxemburgstraat", "Bornerbroeksestraat"],
    ),
    (
        "schelfhorst",
        "Schelfhorst-Aalderinkshoek",
        "7608",
        ["Aalderinkshoek", "Schelfhorstweg", "Brouwerijplein"],
    ),
    (
        "windmolenbroek",
        "Windmolenbroek",
        "7601",
        ["Windmolenbroeksweg", "Koornmarkt", "Hedeman Joostenstraat"],
    ),
    (
        "ossenkoppelerhoek",
        "Ossenkoppelerhoek-De Riet",
        "7604",
        ["Ossenkoppelerweg", "De Riet", "Bellavistastraat"],
    ),
    (
        "sluitersveld",
        "Sluitersveld-Kerkelanden",
        "7609",
        ["Sluitersveldssingel", "Kerkelandenlaan", "Zuiderval"],
    ),
]
FIRST = [
    "Jan",
    "Fatma",
    "Mohamed",
    "Sanne",
    "Piet",
    "Ayse",
    "Kevin",
    "Linda",
    "Ahmed",
    "Anna",
    "Mehmet",
    "Emma",
    "Hans",
    "Sara",
    "Daan",
    "Noor",
    "Bas",
    "Yasmin",
    "Gerrit",
    "Lotte",
    "Karim",
    "Ingrid",
    "Tim",
    "Fleur",
    "Hasan",
    "Joke",
    "Ruben",
    "Elif",
    "Marco",
    "Esther",
    "Wim",
    "Zeynep",
    "Dirk",
    "Iris",
    "Bram",
    "Julia",
]
LAST = [
    ("", "Jansen"),
    ("", "Nijhuis"),
    ("", "Yilmaz"),
    ("ter", "Horst"),
    ("", "Bakker"),
    ("", "Kaya"),
    ("van", "Dijk"),
    ("", "Wolters"),
    ("", "El Amrani"),
    ("", "Brinkman"),
    ("", "Oude Vrielink"),
    ("", "Demir"),
    ("ten", "Brinke"),
    ("", "Smit"),
    ("", "Lammerink"),
    ("", "Öztürk"),
    ("de", "Vries"),
    ("", "Kamphuis"),
    ("", "Mulder"),
    ("van der", "Veen"),
    ("", "Boerrigter"),
    ("", "Aydin"),
    ("", "Haverkate"),
    ("", "Pierik"),
    ("", "Bosch"),
    ("", "Wessels"),
    ("", "Nieuwenhuis"),
    ("", "Hassan"),
]
YEAR_END_CASELOAD = {
    2016: 2900,
    2017: 2839,
    2018: 2745,
    2019: 2587,
    2020: 2700,
    2021: 2900,
    2022: 2760,
    2023: 2680,
    2024: 2630,
    2025: 2600,
}
UITSTROOM_RATE = 0.29


def _year_end_caseload(year: int) -> int:
    """The year-end caseload of the sources; after the last year given it stays at that level."""
    return YEAR_END_CASELOAD.get(year, YEAR_END_CASELOAD[max(YEAR_END_CASELOAD)])


REGELING_WEIGHTS = [("bijstand", 88), ("ioaw", 7), ("ioaz", 1), ("bbz", 4)]
END_REASONS = [("werk", 45), ("ander_inkomen", 20), ("verhuisd", 15), ("fraude", 5), ("overig", 15)]


def demo_password() -> str:
    return os.environ.get("DEMO_PASSWORD", "Almelo-demo-2026")


DEMO_USERS = [
    # username, first, last, roles, wijkteam index (None = municipality-wide)
    ("intaker", "Ilse", "Intake", [Role.INTAKER], None),
    ("coach", "Cor", "Coach", [Role.COACH], 0),
    ("coach2", "Carla", "Coach", [Role.COACH], 0),
    ("coach-nieuwstraat", "Chantal", "Nijhof", [Role.COACH], 1),
    ("coach-schelfhorst", "Cees", "Schut", [Role.COACH], 2),
    ("coach-windmolenbroek", "Can", "Wever", [Role.COACH], 3),
    ("coach-ossenkoppelerhoek", "Corrie", "Oosterhof", [Role.COACH], 4),
    ("coach-sluitersveld", "Chris", "Slot", [Role.COACH], 5),
    ("toetser", "Tineke", "Toets", [Role.TOETSER], None),
    ("toetser2", "Theo", "Tweede", [Role.TOETSER], None),
    ("matcher", "Mark", "Match", [Role.MATCHER], 0),
    ("coordinator", "Coby", "Coördinator", [Role.COORDINATOR], 0),
    ("srt", "Rob", "Recherche", [Role.SRT], None),
    ("financien", "Femke", "Financiën", [Role.FINANCE], None),
    ("beheer", "Bea", "Beheer", [Role.BEHEER], None),
    ("werkplein-api", "Werkplein", "Twente", [Role.API_CLIENT], None),
    (
        "gastorganisatie",
        "Gea",
        "Gastvrouw",
        [Role.HOST_CONTACT],
        None,
    ),  # linked to a host by the tegenprestatie demo
]


def _weighted(rng: random.Random, options):
    values, weights = zip(*options, strict=True)
    return rng.choices(values, weights=weights)[0]


def _rand_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _aware(d: date) -> datetime:
    return timezone.make_aware(datetime.combine(d, time(10, 0)))


def load(*, stdout, clients: int = 2600, today: date | None = None) -> None:
    if Wijkteam.objects.filter(code=WIJKTEAMS[0][0]).exists():
        stdout.write("cases: demodata staat er al; overgeslagen.")
        return
    today = today or timezone.localdate()
    rng = random.Random(2026)
    wijkteams = _wijkteams()
    users = _create_users(wijkteams)
    maker = _ClientMaker(rng=rng, wijkteams=wijkteams, coaches_by_team=_coaches_by_team(users))
    people, spells, active = _caseload(rng=rng, today=today, maker=maker)
    _save_clients(people)
    aanvragen = _aanvragen(rng=rng, today=today, spells=spells, people=people, users=users)
    dossiers = _dossiers(rng=rng, spells=spells)
    _leefgebied_scores(rng=rng, today=today)
    _contacts(rng=rng, today=today, active=active)
    stdout.write(
        f"cases: {len(wijkteams)} wijkteams, {len(users)} gebruikers, {len(people)} cliënten, "
        f"{len(aanvragen)} aanvragen, {len(dossiers)} uitkeringsdossiers ({len(active)} lopend)."
    )


def _wijkteams() -> list[Wijkteam]:
    return [Wijkteam.objects.create(code=c, name=n) for c, n, _, _ in WIJKTEAMS]


def _coaches_by_team(users: dict) -> dict[int, list]:
    coaches_by_team: dict[int, list] = {}
    for user in users.values():
        if user.wijkteam_id and user.groups.filter(name=Role.COACH).exists():
            coaches_by_team.setdefault(user.wijkteam_id, []).append(user)
    return coaches_by_team


class _ClientMaker:
    """New (unsaved) demo clients: a name, an address in a wijkteam's area, a coach of that wijkteam."""

    def __init__(self, *, rng: random.Random, wijkteams: list[Wijkteam], coaches_by_team: dict[int, list]):
        self.rng = rng
        self.wijkteams = wijkteams
        self.coaches_by_team = coaches_by_team
        self.bsn_counter = 20_000_000

    def next_bsn(self) -> str:
        rng = self.rng
        while True:
            self.bsn_counter += rng.randint(1, 40)
            bsn = bsn_with_check_digit(self.bsn_counter)
            if bsn:
                return bsn

    def new_client(self) -> Client:
        rng = self.rng
        team_index = rng.randrange(len(WIJKTEAMS))
        team = self.wijkteams[team_index]
        tussen, achter = rng.choice(LAST)
        leefvorm = _weighted(rng, [("alleenstaand", 60), ("alleenstaande_ouder", 22), ("gehuwd", 18)])
        return Client(
            bsn=self.next_bsn(),
            voornamen=rng.choice(FIRST),
            tussenvoegsel=tussen,
            achternaam=achter,
            birth_date=_rand_date(rng, date(1958, 1, 1), date(2003, 12, 31)),
            street=rng.choice(WIJKTEAMS[team_index][3]),
            house_number=str(rng.randint(1, 180)),
            postcode=f"{WIJKTEAMS[team_index][2]}{rng.choice('ABCDEGHJKL')}{rng.choice('ABCDEGHJKLMNPRSTVWXZ')}",
            phone=f"06{rng.randint(10_000_000, 99_999_999)}",
            leefvorm=leefvorm,
            taaleis=_weighted(
                rng, [("voldaan", 70), ("traject", 12), ("niet_beoordeeld", 15), ("vrijgesteld", 3)]
            ),
            wijkteam=team,
            coach=rng.choice(self.coaches_by_team[team.pk]),
        )


def _caseload(
    *, rng: random.Random, today: date, maker: _ClientMaker
) -> tuple[list[Client], list[dict], list[dict]]:
    """Simulate the caseload year by year: (people, spells {client, start, end, reason, regeling}, active)."""
    new_client = maker.new_client
    people: list[Client] = []
    spells: list[dict] = []
    active: list[dict] = []
    for _ in range(YEAR_END_CASELOAD[2016]):
        client = new_client()
        people.append(client)
        spell = {
            "client": client,
            "start": _rand_date(rng, date(2009, 1, 1), date(2016, 12, 31)),
            "end": None,
            "regeling": _weighted(rng, REGELING_WEIGHTS),
        }
        spells.append(spell)
        active.append(spell)
    for year in range(2017, today.year + 1):
        year_end = min(date(year, 12, 31), today - timedelta(days=1))
        if year_end < date(year, 1, 1):  # 1 January: nobody has come or gone yet this year
            continue
        target = _year_end_caseload(year)
        if year == today.year:
            before = _year_end_caseload(year - 1)
            target = round(before + (target - before) * (today.timetuple().tm_yday / 365))
        out = round(len(active) * UITSTROOM_RATE * (year_end.timetuple().tm_yday / 365))
        instroom = target - len(active) + out
        rng.shuffle(active)
        leaving, active = active[:out], active[out:]
        for spell in leaving:
            spell["end"] = max(spell["start"], _rand_date(rng, date(year, 1, 1), year_end))
            spell["reason"] = _weighted(rng, END_REASONS)
        ex_clients = list(leaving)
        for _ in range(max(0, instroom)):
            start = _rand_date(rng, date(year, 1, 1), year_end)
            if ex_clients and rng.random() < 0.12 and ex_clients[-1]["end"] < start:
                client = ex_clients.pop()["client"]
            else:
                client = new_client()
                people.append(client)
            spell = {
                "client": client,
                "start": start,
                "end": None,
                "regeling": _weighted(rng, REGELING_WEIGHTS),
            }
            spells.append(spell)
            active.append(spell)
        if year == 2020:  # TOZO (separate funding) for self-employed during COVID, ended in 2021
            for _ in range(180):
                client = new_client()
                people.append(client)
                spells.append(
                    {
                        "client": client,
                        "start": _rand_date(rng, date(2020, 3, 17), date(2020, 12, 31)),
                        "end": _rand_date(rng, date(2021, 1, 1), date(2021, 9, 30)),
                        "reason": "ander_inkomen",
                        "regeling": "tozo",
                    }
                )
    return people, spells, active


def _save_clients(people: list[Client]) -> None:
    # The bulk write skips the services: run the coach rule they run (a coach of the client's own wijkteam).
    for person in people:
        validate_coach(coach=person.coach, wijkteam=person.wijkteam)
    Client.objects.bulk_create(people, batch_size=1000)


def _aanvragen(
    *, rng: random.Random, today: date, spells: list[dict], people: list[Client], users: dict
) -> list[Aanvraag]:
    """Aanvragen: toegekend for every spell since 2017 (``spell["aanvraag"]``), rejected/withdrawn ones
    and open work."""
    toetser, toetser2, intaker = users["toetser"], users["toetser2"], users["intaker"]
    aanvragen = []
    for spell in spells:
        client = spell["client"]
        aanvraag = None
        if spell["start"] >= date(2017, 1, 1):
            aanvraagdatum = spell["start"] - timedelta(days=rng.randint(0, 20))
            voorziening = _weighted(rng, [("geen", 80), ("ww", 15), ("duo", 5)])
            aanvraag = Aanvraag(
                client=client,
                regeling=spell["regeling"],
                aanvraagdatum=aanvraagdatum,
                status="toegekend",
                consulent=intaker,
                voorliggende_voorziening=voorziening,
                **VOORLIGGEND_AFWEGING[voorziening],
                concept_besluit="toekennen",
                concept_reden="Voldoet aan de voorwaarden."
                if voorziening != "geen"
                else "Voldoet aan de voorwaarden; geen voorliggende voorziening.",
                concept_door=intaker,
                concept_ingangsdatum=spell["start"],
                besluitdatum=min(aanvraagdatum + timedelta(days=rng.randint(10, 50)), today),
                besluit_reden="Voldoet aan de voorwaarden.",
                getoetst_door=rng.choice([toetser, toetser2]),
                created_by=intaker,
            )
            aanvragen.append(aanvraag)
        spell["aanvraag"] = aanvraag
    aanvragen += _decided_aanvragen(rng=rng, today=today, people=people, users=users)
    aanvragen += _open_aanvragen(rng=rng, today=today, people=people, users=users)
    Aanvraag.objects.bulk_create(aanvragen, batch_size=1000)
    return aanvragen


# A toekenning while a voorliggende voorziening is recorded carries its assessment (art. 15), as a user's must.
VOORLIGGEND_AFWEGING = {
    "geen": {},
    "ww": {
        "concept_voorliggend_afweging": "aanvulling",
        "concept_voorliggend_motivering": "WW lager dan de bijstandsnorm: aanvullende bijstand tot de norm.",
    },
    "duo": {
        "concept_voorliggend_afweging": "geen_recht",
        "concept_voorliggend_motivering": "Studiefinanciering beëindigd na het stoppen met de opleiding.",
    },
}


def _decided_aanvragen(
    *, rng: random.Random, today: date, people: list[Client], users: dict
) -> list[Aanvraag]:
    """Rejected and withdrawn applications, decided by now."""
    toetser, intaker = users["toetser"], users["intaker"]
    aanvragen = []
    for year in range(2017, today.year + 1):
        last = min(date(year, 12, 31), today - timedelta(days=70))
        if last < date(year, 1, 1):  # before 11 March: this year's are not decided yet
            continue
        for _ in range(220):
            client = rng.choice(people)
            d = _rand_date(rng, date(year, 1, 1), last)
            status = _weighted(rng, [("afgewezen", 70), ("ingetrokken", 30)])
            aanvragen.append(
                Aanvraag(
                    client=client,
                    regeling="bijstand",
                    aanvraagdatum=d,
                    status=status,
                    consulent=intaker,
                    voorliggende_voorziening=_weighted(rng, [("geen", 50), ("ww", 35), ("duo", 15)]),
                    concept_besluit="afwijzen" if status == "afgewezen" else "",
                    concept_door=intaker,
                    besluitdatum=d + timedelta(days=rng.randint(10, 55)) if status == "afgewezen" else None,
                    besluit_reden="Vermogen boven de grens of voorliggende voorziening."
                    if status == "afgewezen"
                    else "",
                    getoetst_door=toetser if status == "afgewezen" else None,
                    intrekking_reden="Werk gevonden tijdens de zoektermijn."
                    if status == "ingetrokken"
                    else "",
                    created_by=intaker,
                )
            )
    return aanvragen


def _open_aanvragen(*, rng: random.Random, today: date, people: list[Client], users: dict) -> list[Aanvraag]:
    """Open work: new, in behandeling, awaiting toetsing, and some past the 8-week term."""
    intaker = users["intaker"]
    open_rows = [
        ("gemeld", 3, 20),
        ("in_behandeling", 5, 40),
        ("in_behandeling", 60, 110),
        ("gemeld", 58, 90),
    ]
    aanvragen = []
    for status, min_days, max_days in open_rows:
        for _ in range(12):
            client = rng.choice(people)
            draft = status == "in_behandeling" and rng.random() < 0.4
            aanvragen.append(
                Aanvraag(
                    client=client,
                    regeling=_weighted(rng, REGELING_WEIGHTS),
                    status=status,
                    aanvraagdatum=today - timedelta(days=rng.randint(min_days, max_days)),
                    consulent=intaker,
                    voorliggende_voorziening="geen" if status == "in_behandeling" else "niet_gecontroleerd",
                    concept_besluit="toekennen" if draft else "",
                    concept_reden="Voldoet aan de voorwaarden." if draft else "",
                    concept_ingangsdatum=today - timedelta(days=30) if draft else None,
                    concept_maandbedrag=Decimal("1401.50") if draft else None,
                    concept_door=intaker if draft else None,
                    concept_op=timezone.now() - timedelta(days=2) if draft else None,
                    created_by=intaker,
                )
            )
    return aanvragen


def _amount(rng: random.Random, client: Client) -> Decimal:
    base = Decimal("2002.13") if client.leefvorm == "gehuwd" else Decimal("1401.50")
    return (base - Decimal(rng.choice([0, 0, 0, 0, 150, 300, 450]))).quantize(Decimal("0.01"))


def _dossiers(*, rng: random.Random, spells: list[dict]) -> list[Uitkeringsdossier]:
    """An uitkeringsdossier per spell, with its timeline events (opened, ended)."""
    dossiers, events = [], []
    for spell in spells:
        client = spell["client"]
        dossiers.append(
            Uitkeringsdossier(
                client=client,
                aanvraag=spell["aanvraag"],
                regeling=spell["regeling"],
                startdatum=spell["start"],
                einddatum=spell["end"],
                eindreden=spell.get("reason", "") if spell["end"] else "",
                maandbedrag=_amount(rng, client),
            )
        )
        events.append(
            ClientEvent(
                client=client,
                at=_aware(spell["start"]),
                kind="dossier",
                text=f"Uitkeringsdossier {dict(REGELING_LABELS)[spell['regeling']]} geopend",
            )
        )
        if spell["end"]:
            events.append(
                ClientEvent(
                    client=client, at=_aware(spell["end"]), kind="dossier", text="Uitkering beëindigd"
                )
            )
    Uitkeringsdossier.objects.bulk_create(dossiers, batch_size=1000)
    ClientEvent.objects.bulk_create(events, batch_size=2000)
    return dossiers


def _leefgebied_scores(*, rng: random.Random, today: date) -> None:
    """Leefgebieden scored for recent aanvragen."""
    scores = []
    for aanvraag in Aanvraag.objects.filter(aanvraagdatum__gte=today - timedelta(days=400)).only("id"):
        for leefgebied in rng.sample(list(Leefgebied.values), 6):
            scores.append(
                LeefgebiedScore(aanvraag_id=aanvraag.pk, leefgebied=leefgebied, score=rng.randint(1, 5))
            )
    LeefgebiedScore.objects.bulk_create(scores, batch_size=2000)


def _contacts(*, rng: random.Random, today: date, active: list[dict]) -> None:
    """Contacts of the coaches with the active clients."""
    contacts = []
    for spell in active:
        for _ in range(rng.randint(0, 3)):
            contacts.append(
                Contact(
                    client=spell["client"],
                    date=today - timedelta(days=rng.randint(1, 120)),
                    kind=_weighted(
                        rng, [("gesprek", 50), ("telefoon", 30), ("huisbezoek", 10), ("mail", 10)]
                    ),
                    summary="Voortgang besproken.",
                    recorded_by=spell["client"].coach,
                )
            )
    Contact.objects.bulk_create(contacts, batch_size=2000)


REGELING_LABELS = [
    ("bijstand", "algemene bijstand"),
    ("ioaw", "IOAW"),
    ("ioaz", "IOAZ"),
    ("bbz", "Bbz"),
    ("tozo", "TOZO"),
]


def _create_users(wijkteams) -> dict:
    User = get_user_model()
    password = demo_password()
    users = {}
    for username, first, last, roles, team_index in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@almelo.example",
                "wijkteam": wijkteams[team_index] if team_index is not None else None,
            },
        )
        if created:
            user.set_password(password)
            if Role.BEHEER in roles:
                user.is_staff = True
                user.is_superuser = True
            user.save()
            user.groups.set(Group.objects.filter(name__in=[str(r) for r in roles]))
        users[username] = user
    return users
