"""Demo data of recht en hoogte: a household for every running demo dossier's client, consistent with the
client's leefvorm, some incomes and vermogen, and for every running bijstand dossier a calculation whose amount
becomes the dossier's maandbedrag (the caseload itself stays as cases made it).

Households: a gehuwd client gets a partner (a client of their own, same address and wijkteam) and maybe
children; an alleenstaande ouder one to three children under 18; an alleenstaande sometimes a housemate (a
kostendeler of 27 or older, or a student who is none). Computed in memory with the pure rules and saved in bulk.

Not calculated (reported): dossiers of another regeling than algemene bijstand (IOAW, IOAZ, Bbz and TOZO have
rules of their own) and clients for whom a 2026 figure is missing (the AOW-age norms of art. 22 are not in the
sources; see docs/bijstand.md). Deterministic (seeded per client) and idempotent.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from almelo_sociaal.core.dates import add_months, years_before
from almelo_sociaal.core.rules import RuleViolation
from cases.models import Client, Regeling, Uitkeringsdossier
from cases.rules import bsn_with_check_digit
from tegenprestatie.models import Sanction

from . import rules, selectors
from .models import Berekening, Huishoudlid, Inkomen, Vermogen

PARTNER_NAMES = ["Ahmet", "Linda", "Youssef", "Petra", "Mark", "Samira", "Erik", "Naima", "Bas", "Ilse"]
CHILD_NAMES = ["Noah", "Emma", "Sem", "Julia", "Adam", "Sara", "Liam", "Mila", "Daan", "Yara"]
HOUSEMATE_NAMES = ["R. de Vries", "M. Yilmaz", "J. Bakker", "S. El Amrani", "T. Jansen"]
BSN_START = 70_000_000  # partners' BSNs: a range the cases demo does not use


def load(*, stdout, today: date | None = None) -> None:
    if Berekening.objects.filter(aanleiding=Berekening.Aanleiding.DEMO).exists():
        stdout.write("bijstand: demodata staat er al; overgeslagen.")
        return
    today = today or timezone.localdate()
    on = today.replace(day=1)
    dossiers = list(
        Uitkeringsdossier.objects.filter(einddatum__isnull=True, startdatum__lte=today)
        .select_related("client")
        .order_by("id")
    )
    partners = _partners(dossiers, today)
    members, incomes, vermogens = _households(dossiers, partners, today)
    calculated, skipped = _calculations(dossiers, members, incomes, vermogens, on=on, today=today)
    stdout.write(
        f"bijstand: {len(members)} huishoudleden ({len(partners)} partners), {len(incomes)} inkomsten, "
        f"{calculated} berekeningen; niet berekend: {skipped}."
    )


def _rng(client_id: int) -> random.Random:
    return random.Random(f"bijstand-{client_id}")


def _partners(dossiers: list[Uitkeringsdossier], today: date) -> dict[int, Client]:
    """A partner client for every gehuwd client with a running dossier (21 to 66 on ``today``)."""
    counter = BSN_START + Client.objects.filter(bsn__startswith="7").count() * 50
    new = []
    seen = set()
    for dossier in dossiers:
        client = dossier.client
        if client.leefvorm != "gehuwd" or client.pk in seen:
            continue
        seen.add(client.pk)
        rng = _rng(client.pk)
        while True:
            counter += rng.randint(1, 40)
            bsn = bsn_with_check_digit(counter)
            if bsn:
                break
        age = max(21, min(66, rules.age_on(client.birth_date, today) + rng.randint(-5, 5)))
        new.append(
            Client(
                bsn=bsn,
                voornamen=rng.choice(PARTNER_NAMES),
                tussenvoegsel=client.tussenvoegsel,
                achternaam=client.achternaam,
                birth_date=years_before(today, age) - timedelta(days=rng.randint(1, 300)),
                street=client.street,
                house_number=client.house_number,
                postcode=client.postcode,
                city=client.city,
                leefvorm="gehuwd",
                taaleis=client.taaleis,
                wijkteam_id=client.wijkteam_id,
                coach_id=client.coach_id,
            )
        )
        new[-1].for_client = client.pk
    Client.objects.bulk_create(new, batch_size=500)
    saved = {c.bsn: c for c in Client.objects.filter(bsn__in=[c.bsn for c in new])}
    return {c.for_client: saved[c.bsn] for c in new}


def _households(dossiers, partners, today):
    members, incomes, vermogens = [], [], []
    seen = set()
    for dossier in dossiers:
        client = dossier.client
        if client.pk in seen:
            continue
        seen.add(client.pk)
        rng = _rng(client.pk)
        start = dossier.startdatum
        if client.pk in partners:
            partner = partners[client.pk]
            members.append(
                Huishoudlid(
                    client=client,
                    rol=rules.PARTNER,
                    partner_client=partner,
                    naam=partner.full_name,
                    geboortedatum=partner.birth_date,
                    relatie=rng.choice([rules.GEHUWD, rules.GEHUWD, rules.SAMENWONEND]),
                    wederzijdse_zorg=True,
                    ingangsdatum=start,
                )
            )
        kids = {"alleenstaande_ouder": rng.randint(1, 3), "gehuwd": rng.choice([0, 0, 1, 2, 3])}.get(
            client.leefvorm, 0
        )
        for _ in range(kids):
            born = today - timedelta(days=rng.randint(200, 17 * 365))
            members.append(
                Huishoudlid(
                    client=client,
                    rol=rules.KIND,
                    naam=f"{rng.choice(CHILD_NAMES)} {client.achternaam}",
                    geboortedatum=born,
                    relatie=rules.FAMILIE_EERSTE_GRAAD,
                    ingangsdatum=max(start, born),
                )
            )
        if client.leefvorm == "alleenstaand" and rng.random() < 0.18:
            student = rng.random() < 0.3
            members.append(
                Huishoudlid(
                    client=client,
                    rol=rules.HUISGENOOT,
                    naam=rng.choice(HOUSEMATE_NAMES),
                    geboortedatum=years_before(
                        today, rng.randint(19, 24) if student else rng.randint(28, 60)
                    ),
                    relatie=rules.OVERIG,
                    student=student,
                    ingangsdatum=start,
                )
            )
        if rng.random() < 0.15:
            since = max(start, add_months(today.replace(day=1), -rng.randint(0, 14)))
            incomes.append(
                Inkomen(
                    client=client,
                    soort=rules.ARBEID,
                    omschrijving="Deeltijdwerk",
                    bedrag=Decimal(rng.randrange(250, 900, 25)),
                    ingangsdatum=since,
                    vrijlating_vanaf=since,
                )
            )
        if client.leefvorm == "alleenstaande_ouder" and rng.random() < 0.2:
            incomes.append(
                Inkomen(
                    client=client,
                    soort=rules.ALIMENTATIE,
                    bedrag=Decimal(rng.randrange(75, 300, 25)),
                    ingangsdatum=start,
                )
            )
        if rng.random() < 0.3:
            vermogens.append(
                Vermogen(client=client, bedrag=Decimal(rng.randrange(0, 5000, 50)), ingangsdatum=start)
            )
    Huishoudlid.objects.bulk_create(members, batch_size=1000)
    Inkomen.objects.bulk_create(incomes, batch_size=1000)
    Vermogen.objects.bulk_create(vermogens, batch_size=1000)
    return members, incomes, vermogens


def _maatregelen(on: date) -> dict[int, list[rules.Maatregel]]:
    out: dict[int, list[rules.Maatregel]] = {}
    for s in Sanction.objects.filter(percentage__gt=0, decided_on__gte=date(on.year - 3, 1, 1)):
        start, end = selectors.maatregel_period(s.decided_on, s.months)
        if start <= on <= end:
            out.setdefault(s.client_id, []).append(
                rules.Maatregel(s.percentage, f"tegenprestatie ({s.decided_on:%d-%m-%Y})")
            )
    return out


def _calculations(dossiers, members, incomes, vermogens, *, on: date, today: date) -> tuple[int, dict]:
    params_cache: dict[date, dict] = {}
    by_client: dict[int, list] = {}
    for m in members:
        by_client.setdefault(m.client_id, []).append(m)
    income_by_client: dict[int, list] = {}
    for i in incomes:
        income_by_client.setdefault(i.client_id, []).append(i)
    vermogen_by_client = {v.client_id: v for v in vermogens}
    maatregelen_cache: dict[date, dict] = {}
    rows, changed = [], []
    skipped = {"andere regeling": 0, "bedrag ontbreekt": 0}
    for dossier in dossiers:
        if dossier.regeling != Regeling.BIJSTAND:
            skipped["andere regeling"] += 1
            continue
        client = dossier.client
        day = max(on, dossier.startdatum)
        params = params_cache.setdefault(day, selectors.parameters_on(day))
        maatregelen = maatregelen_cache.setdefault(day, _maatregelen(day))
        vermogen = vermogen_by_client.get(client.pk)
        facts = rules.Facts(
            on=day,
            birth_date=client.birth_date,
            members=tuple(m.as_member() for m in by_client.get(client.pk, []) if m.valid_on(day)),
            incomes=tuple(i.as_income() for i in income_by_client.get(client.pk, []) if i.valid_on(day)),
            vermogen=vermogen.bedrag if vermogen else rules.ZERO,
            maatregelen=tuple(maatregelen.get(client.pk, ())),
        )
        try:
            calc = rules.calculate(facts, params)
        except RuleViolation:
            skipped["bedrag ontbreekt"] += 1
            continue
        rows.append(
            Berekening(
                client=client,
                dossier=dossier,
                ingangsdatum=day,
                leefvorm=calc.household_kind,
                kostendelers=calc.kostendelers,
                norm=calc.norm,
                middelen=calc.middelen,
                bedrag=calc.total,
                vakantietoeslag=calc.vakantietoeslag,
                vastgesteld_bedrag=calc.total,
                recht=calc.recht,
                regels=[line.as_dict() for line in calc.lines],
                redenen=[{"code": r.code, "message": r.message, "article": r.article} for r in calc.reasons],
                aanleiding=Berekening.Aanleiding.DEMO,
                toelichting="Demodata",
            )
        )
        if dossier.maandbedrag != calc.total:
            dossier.maandbedrag = calc.total
            changed.append(dossier)
    Berekening.objects.bulk_create(rows, batch_size=1000)
    Uitkeringsdossier.objects.bulk_update(changed, ["maandbedrag"], batch_size=1000)
    return len(rows), skipped
