"""Demo data for tegenprestatie: host organisations (one without verdringing declaration), a few hundred
placements over the three rollout phases, weekly hours of this year (within the caps), some missed weeks and
no-shows, vrijstellingen and maatregelen (one recidivist, one 0% after weighing).

Follows seed 000: the verordening was adopted in September 2020 and fase 1 (formaliseren reeds actieve
inwoners) started first; fase 2 and 3 follow. Deterministic (fixed seed) and idempotent (skips when the demo
hosts exist). Bulk inserts; the rules are respected by construction (≤ 20 h/week incl. re-integration,
≤ 44 weeks per ISO year, hours only inside the placement period).
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from cases.models import Client, Wijkteam

from . import rules
from .access import HOST_CONTACT
from .models import Activity, Exemption, HostOrganisation, HourLog, Placement, PlacementEvent, Sanction

# name, kind, street, postcode, wijkteam code, activity codes, declaration?
HOSTS = [
    ("Buurthuis De Riet", "buurthuis", "De Riet 12", "7604AB", "ossenkoppelerhoek", ["buurthuis"], True),
    (
        "Wijkcentrum Het Anker",
        "buurthuis",
        "Sluitersveldssingel 40",
        "7609CD",
        "sluitersveld",
        ["buurthuis"],
        True,
    ),
    (
        "Stichting Groen Almelo",
        "stichting",
        "Schelfhorstweg 3",
        "7608EF",
        "schelfhorst",
        ["groenploeg", "buurtonderhoud"],
        True,
    ),
    (
        "Fietsenwerkplaats De Spaak",
        "stichting",
        "Bornerbroeksestraat 81",
        "7606GH",
        "nieuwstraat",
        ["fietsenwerkplaats"],
        True,
    ),
    (
        "Kledingbank Twente-West",
        "kringloop",
        "Grotestraat 150",
        "7607JK",
        "binnenstad-hofkamp",
        ["tweedehands-kleding"],
        True,
    ),
    (
        "Bibliotheek Almelo",
        "stichting",
        "Marktstraat 2",
        "7607LM",
        "binnenstad-hofkamp",
        ["bibliotheek", "taalonderwijs"],
        True,
    ),
    (
        "Zorgcentrum Hofkamp",
        "zorg",
        "Hofkampstraat 60",
        "7607NP",
        "binnenstad-hofkamp",
        ["verzorgingshuis", "rolstoeluitleen"],
        True,
    ),
    (
        "Ziekenhuis Almelo vrijwilligersdienst",
        "zorg",
        "Zilvermeeuw 1",
        "7609PP",
        "sluitersveld",
        ["wegwijzer-ziekenhuis"],
        True,
    ),
    (
        "Sportvereniging Almelo-Noord",
        "vereniging",
        "Windmolenbroeksweg 77",
        "7601RS",
        "windmolenbroek",
        ["sportvereniging"],
        True,
    ),
    (
        "Cultureel Centrum Het Pakhuis",
        "vereniging",
        "Koornmarkt 9",
        "7601TU",
        "windmolenbroek",
        ["cultureel-centrum"],
        True,
    ),
    (
        "Basisschool De Regenboog",
        "onderwijs",
        "Kerkelandenlaan 5",
        "7609VW",
        "sluitersveld",
        ["helpen-op-scholen", "schoolpleinen"],
        True,
    ),
    (
        "Vrijwilligerscentrale Almelo",
        "stichting",
        "Wierdensestraat 20",
        "7607XY",
        "binnenstad-hofkamp",
        ["vrijwilligerswerk", "taalonderwijs"],
        True,
    ),
    (
        "Kringloop De Tweede Kans",
        "kringloop",
        "Aalderinkshoek 101",
        "7608ZA",
        "schelfhorst",
        ["tweedehands-kleding"],
        False,
    ),
]
CONTACTS = ["M. Jansen", "A. Kaya", "H. ter Horst", "R. Nijhuis", "E. Demir", "S. Wolters", "J. Bakker"]
TARGET_PLACEMENTS = 360
SHORTFALL = [Decimal(h) for h in ("0", "0", "0", "0.5", "1", "2")]
HOURS_CHOICES = [Decimal(h) for h in ("4", "6", "8", "8", "10", "12", "16")]


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _eligible_clients(rng: random.Random) -> list[tuple[int, int, Decimal]]:
    """(client id, group, re-integration hours) for clients with a current benefit; groups 1–3 when the
    participation demo assigned groups, otherwise every client with a benefit (group unknown → 3)."""
    today = timezone.localdate()
    ids = list(
        Client.objects.filter(dossiers__einddatum__isnull=True)
        .values_list("id", flat=True)
        .distinct()
        .order_by("id")
    )
    groups: dict[int, int] = {}
    reintegration: dict[int, Decimal] = defaultdict(Decimal)
    try:
        from participation.models import GroupAssignment, Trajectory

        for cid, group in GroupAssignment.objects.filter(
            client_id__in=ids, valid_to__isnull=True
        ).values_list("client_id", "group"):
            groups[cid] = group
        for row in (
            Trajectory.objects.filter(client_id__in=ids, end__isnull=True, start__lte=today)
            .values("client_id")
            .annotate(h=Sum("hours_per_week"))
        ):
            reintegration[row["client_id"]] = row["h"] or Decimal("0")
    except (ImportError, LookupError):  # participation not installed: place anyone with a benefit
        pass
    if groups:
        ids = [cid for cid in ids if groups.get(cid) in (1, 2, 3)]
    rng.shuffle(ids)
    return [(cid, groups.get(cid, 3), reintegration[cid]) for cid in ids[:TARGET_PLACEMENTS]]


@transaction.atomic
def load(*, stdout) -> None:
    if HostOrganisation.objects.filter(name=HOSTS[0][0]).exists():
        stdout.write("tegenprestatie: demo data bestaat al, overgeslagen")
        return
    rng = random.Random(2020)
    today = timezone.localdate()
    teams = {t.code: t for t in Wijkteam.objects.all()}
    activities = {a.code: a for a in Activity.objects.all()}

    hosts = _hosts(teams)
    declared_hosts = [(h, HOSTS[i][5]) for i, h in enumerate(hosts) if HOSTS[i][6]]
    _host_contact_user(hosts)
    placements = _placements(
        rng=rng,
        today=today,
        clients=_eligible_clients(rng),
        declared_hosts=declared_hosts,
        activities=activities,
    )
    _placement_events(placements=placements, today=today)
    logs, no_show_clients = _hour_logs(rng=rng, placements=placements, today=today)
    exemptions = _exemptions(placements=placements, today=today)
    sanctions = _sanctions(no_show_clients=no_show_clients, today=today)
    stdout.write(
        f"tegenprestatie: {len(hosts)} gastorganisaties, {len(placements)} plaatsingen, "
        f"{len(logs)} weekregistraties, {len(exemptions)} vrijstellingen, {len(sanctions)} maatregelen"
    )


def _hosts(teams: dict) -> list[HostOrganisation]:
    """The host organisations; the declared ones with a signed verdringingsverklaring."""
    return HostOrganisation.objects.bulk_create(
        [
            HostOrganisation(
                name=name,
                kind=kind,
                street=street,
                postcode=pc,
                city="Almelo",
                wijkteam=teams.get(team),
                contact_name=CONTACTS[i % len(CONTACTS)],
                contact_phone=f"0546-{540000 + i * 137}",
                contact_email=f"tegenprestatie@{name.split()[0].lower()}.example",
                declaration_signed_on=date(2020, 9, 28) + timedelta(days=14 * i) if declared else None,
                declaration_signed_by=f"{CONTACTS[i % len(CONTACTS)]}, bestuurder" if declared else "",
            )
            for i, (name, kind, street, pc, team, _codes, declared) in enumerate(HOSTS)
        ]
    )


def _host_contact_user(hosts: list[HostOrganisation]) -> None:
    """The demo contact person of the first host organisation (role gastorganisatie)."""
    User = get_user_model()
    group, _ = Group.objects.get_or_create(name=HOST_CONTACT)
    host_user, created = User.objects.get_or_create(
        username="gastorganisatie", defaults={"first_name": "Gea", "last_name": "Gastvrouw"}
    )
    if created:
        from cases.demo import demo_password

        host_user.set_password(demo_password())
        host_user.save()
    host_user.groups.add(group)
    hosts[0].contact_users.add(host_user)


def _placements(
    *, rng: random.Random, today: date, clients, declared_hosts, activities: dict
) -> list[Placement]:
    """A placement per eligible client, within the room the reintegration hours leave: host, activity, phase,
    start and status."""
    placements: list[Placement] = []
    for cid, _group, reint in clients:
        self_chosen = rng.random() < 0.3
        if self_chosen and rng.random() < 0.35:
            host, code = None, rng.choice(["mantelzorg", "anders"])
        elif self_chosen:
            host, codes = rng.choice(
                [hc for hc in declared_hosts if {"vrijwilligerswerk", "taalonderwijs"} & set(hc[1])]
            )
            code = rng.choice([c for c in codes if c in ("vrijwilligerswerk", "taalonderwijs")])
        else:
            host, codes = rng.choice(declared_hosts)
            code = rng.choice([c for c in codes if activities[c].kind == "opgelegd"] or ["buurthuis"])
        room = Decimal("20") - reint
        hours = min(rng.choice(HOURS_CHOICES), room)
        if hours <= 0:
            continue
        hours = (hours // rules.QUARTER) * rules.QUARTER
        r = rng.random()
        if r < 0.2:  # fase 1: already active residents, formalised since autumn 2020
            phase, start = 1, date(2020, 10, 5) + timedelta(weeks=rng.randint(0, 200))
        elif r < 0.45:
            phase, start = 2, date(2022, 1, 3) + timedelta(weeks=rng.randint(0, 150))
        else:
            phase, start = 3, _monday(today) - timedelta(weeks=rng.randint(2, 60))
        start = min(start, _monday(today) - timedelta(weeks=1))
        status, end, reason = rules.ACTIVE, None, ""
        fate = rng.random()
        if fate < 0.12:
            status, reason = (
                rules.ENDED,
                rng.choice(["werk", "werk", "opleiding", "afgerond", "reintegratie"]),
            )
            end = max(start + timedelta(weeks=8), _monday(today) - timedelta(weeks=rng.randint(3, 20)))
            end = min(end, today - timedelta(days=1))
        elif fate < 0.17:
            status = rules.PAUSED
        elif fate < 0.22:
            status = rules.PROPOSED
            start = _monday(today) + timedelta(weeks=1)
        description = "Boodschappen en verzorging voor moeder" if code == "mantelzorg" else ""
        if code == "anders":
            description = "Taalmaatje in de wijk: oefent Nederlands met buren (lost eigen taalachterstand op)"
        placements.append(
            Placement(
                client_id=cid,
                host=host,
                activity=activities[code],
                self_chosen=self_chosen or activities[code].kind == "zelfgekozen",
                description=description,
                phase=phase,
                agreed_hours=hours,
                start_date=start,
                end_date=end,
                status=status,
                end_reason=reason,
            )
        )
    Placement.objects.bulk_create(placements)
    return placements


def _placement_events(*, placements: list[Placement], today: date) -> None:
    """The status history of each placement: start, pause, end."""
    events = [
        PlacementEvent(
            placement=pl,
            from_status="",
            to_status=rules.PROPOSED if pl.status == rules.PROPOSED else rules.ACTIVE,
            on=pl.start_date,
        )
        for pl in placements
    ]
    for pl in placements:
        if pl.status == rules.PAUSED:
            events.append(
                PlacementEvent(
                    placement=pl,
                    from_status=rules.ACTIVE,
                    to_status=rules.PAUSED,
                    on=_monday(today) - timedelta(weeks=3),
                    reason="Tijdelijk ziek",
                )
            )
        if pl.status == rules.ENDED:
            events.append(
                PlacementEvent(
                    placement=pl,
                    from_status=rules.ACTIVE,
                    to_status=rules.ENDED,
                    on=pl.end_date,
                    reason=pl.get_end_reason_display(),
                )
            )
    PlacementEvent.objects.bulk_create(events)


def _hour_logs(
    *, rng: random.Random, placements: list[Placement], today: date
) -> tuple[list[HourLog], list[Placement]]:
    """The weekly hours of each placement (some missed, no-shows, excused); with the placements with a no-show."""
    this_week = rules.IsoWeek.of(today)
    last_week = this_week.shift(-1)
    logs: list[HourLog] = []
    no_show_clients: list[Placement] = []
    # This ISO year's weeks, and at least the last quarter: in the first weeks of a year (or on 1 January, still
    # in the previous ISO year's week 53) the hours and compliance pages show recent registrations too.
    history_start = min(rules.IsoWeek(this_week.year, 1), this_week.shift(-13))
    for pl in placements:
        if pl.status == rules.PROPOSED:
            continue
        first = max(rules.IsoWeek.of(pl.start_date), history_start)
        last = last_week
        if pl.end_date:
            last = min(last, rules.IsoWeek.of(pl.end_date))
        if pl.status == rules.PAUSED:
            last = min(last, this_week.shift(-4))
        diligent = rng.random()
        used: dict[int, int] = {}  # weeks with hours per ISO year
        for week in rules.weeks_between(first, last):
            if (
                used.get(week.year, 0) >= 44
            ):  # the yearly maximum (placements since January reach it in the autumn)
                continue
            roll = rng.random()
            if roll < 0.04 + (0.1 if diligent < 0.1 else 0):  # missed: nothing registered
                continue
            month = week.reference_date.replace(day=1)
            if roll < 0.07 + (0.1 if diligent < 0.1 else 0):
                attendance, hours = rules.NO_SHOW, Decimal("0")
                no_show_clients.append(pl)
            elif roll < 0.11:
                attendance, hours = rules.EXCUSED, Decimal("0")
            else:
                attendance = rules.PRESENT
                hours = max(rules.QUARTER, pl.agreed_hours - rng.choice(SHORTFALL))
                used[week.year] = used.get(week.year, 0) + 1
            logs.append(
                HourLog(
                    placement=pl,
                    client_id=pl.client_id,
                    week_start=week.monday,
                    iso_year=week.year,
                    iso_week=week.week,
                    month=month,
                    hours=hours,
                    attendance=attendance,
                    note="" if attendance == rules.PRESENT else "Gemeld door gastorganisatie",
                )
            )
    HourLog.objects.bulk_create(logs, batch_size=2000)
    return logs, no_show_clients


def _exemptions(*, placements: list[Placement], today: date) -> list[Exemption]:
    """Vrijstellingen for a few clients with a benefit and no placement."""
    placed = {pl.client_id for pl in placements}
    without = list(
        Client.objects.filter(dossiers__einddatum__isnull=True)
        .exclude(id__in=placed)
        .values_list("id", flat=True)
        .distinct()
        .order_by("id")[:8]
    )
    exemptions = []
    kinds = [rules.MEDICAL, rules.CARER, rules.MEDICAL, rules.CARER]
    for i, cid in enumerate(without):
        kind = kinds[i % len(kinds)]
        exemptions.append(
            Exemption(
                client_id=cid,
                kind=kind,
                start_date=_monday(today) - timedelta(weeks=6),
                end_date=_monday(today) + timedelta(weeks=20),
                reason="Advies bedrijfsarts: herstel na operatie"
                if kind == rules.MEDICAL
                else "Intensieve mantelzorg voor partner (indicatie Wmo)",
            )
        )
    Exemption.objects.bulk_create(exemptions)
    return exemptions


def _sanctions(*, no_show_clients: list[Placement], today: date) -> list[Sanction]:
    """Maatregelen after a no-show: a recidivist, a 0% after weighing, reduced and regular ones."""
    sanctions = []
    for i, pl in enumerate(dict.fromkeys(no_show_clients)):
        if i >= 12:
            break
        offence = _monday(today) - timedelta(weeks=10 + i)
        if i == 0:  # a recidivist: an earlier culpable maatregel within 12 months
            sanctions.append(
                _sanction(pl, offence - timedelta(weeks=26), rules.CULPABLE, "20", "20", "eerste", 0)
            )
            sanctions.append(_sanction(pl, offence, rules.CULPABLE, "40", "40", "recidive", 1))
        elif i == 1:  # menselijke maat: 0% after weighing
            sanctions.append(
                _sanction(
                    pl,
                    offence,
                    rules.NOT_CULPABLE,
                    "0",
                    "20",
                    "eerste",
                    0,
                    urgent="Cliënt lag in het ziekenhuis; afspraak kon niet worden afgezegd.",
                )
            )
        elif i % 3 == 0:
            sanctions.append(_sanction(pl, offence, rules.REDUCED, "10", "20", "eerste", 0))
        else:
            sanctions.append(_sanction(pl, offence, rules.CULPABLE, "20", "20", "eerste", 0))
    Sanction.objects.bulk_create(sanctions)
    return sanctions


def _sanction(
    pl: Placement,
    offence: date,
    culpability: str,
    pct: str,
    standard: str,
    level: str,
    prior: int,
    urgent: str = "Geen dringende redenen gebleken.",
) -> Sanction:
    return Sanction(
        client_id=pl.client_id,
        placement=pl,
        offence_on=offence,
        reason="Meerdere weken niet verschenen bij de gastorganisatie zonder bericht.",
        culpability=culpability,
        urgent_reasons=urgent,
        circumstances="Alleenstaand, geen zorgtaken; schulden in beeld bij schuldhulpverlening.",
        client_account="In het hoorgesprek gaf cliënt aan de afspraken te zijn vergeten.",
        heard_on=offence + timedelta(days=7),
        standard_percentage=Decimal(standard),
        level=level,
        prior_in_window=prior,
        percentage=Decimal(pct),
        months=1,
        decided_on=offence + timedelta(days=14),
    )
