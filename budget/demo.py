"""Demo data for the BUIG budget: years 2015–2021, their revisions, monthly realisation 2019–2021,
vangnet rules, and the forecast runs computed from them.

Figures: seed 002 §9 tabel 1 (Rijksbijdrage BUIG 2015–2019) and seed 000 (Resultaten 2020: definitief
2019, voorlopig/nader voorlopig/definitief 2020, voorlopig 2021, pro-forma bezwaar). The sources disagree
on 39,301,654 (seed 002: 2018, seed 000: definitief 2019); 2019–2021 follow seed 000, and the 2018 entry
says so in its note. The realisation is illustrative (deterministic), sized on the budgets and on the
2019 tekort of seed 004. The vangnet rules are illustrative configuration: verify them against the
Regeling vangnetuitkering of each year before relying on them.

Idempotent: every step checks what is already there.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.core.rules import money

from . import services
from .models import BudgetYear, RealisationEntry, RevisionKind

SEED_002 = "Uitvoeringsregeling Participatiewet Almelo §9 tabel 1 (Rijksbijdrage BUIG)"
SEED_000 = "Resultaten 2020, BUIG-budget Almelo"

# (year, kind, amount, published_on, source, note, bezwaar_on)
REVISIONS = [
    (2015, RevisionKind.DEFINITIEF, "35683551", date(2015, 9, 30), SEED_002, "", None),
    (2016, RevisionKind.DEFINITIEF, "35845343", date(2016, 9, 30), SEED_002, "", None),
    (2017, RevisionKind.DEFINITIEF, "37548881", date(2017, 9, 29), SEED_002, "", None),
    (
        2018,
        RevisionKind.DEFINITIEF,
        "39301654",
        date(2018, 9, 28),
        SEED_002,
        "Let op: de presentatie Resultaten 2020 noemt hetzelfde bedrag 'definitief 2019'.",
        None,
    ),
    (
        2019,
        RevisionKind.NADER_VOORLOPIG,
        "35820426",
        date(2019, 4, 1),
        SEED_002,
        "Tabel 1 vermeldt voor 2019 het nader voorlopige budget.",
        None,
    ),
    (2019, RevisionKind.DEFINITIEF, "39301654", date(2019, 10, 1), SEED_000, "", None),
    (2020, RevisionKind.VOORLOPIG, "35516242", date(2019, 10, 1), SEED_000, "", None),
    (2020, RevisionKind.NADER_VOORLOPIG, "34240957", date(2020, 4, 1), SEED_000, "", None),
    (2020, RevisionKind.DEFINITIEF, "36840104", date(2020, 10, 1), SEED_000, "", date(2020, 11, 10)),
    (2021, RevisionKind.VOORLOPIG, "42678201", date(2020, 10, 1), SEED_000, "", date(2020, 11, 10)),
]

# Planning assumption of finance (seed 000: "We gaan uit van 2900 bijstandsdossiers").
CASELOAD_UITGANGSPUNT = {2021: 2900}

# Net lasten per month before the split over the posts (illustrative), and the months booked.
MONTHLY_BASE = {2019: (D("3340000"), 12), 2020: (D("3330000"), 12), 2021: (D("3560000"), 9)}
# Monthly pattern (per mille): seasonal swing, more instroom after March 2020 (corona).
PATTERN = {
    2019: [1010, 990, 1000, 1005, 995, 1000, 1015, 1010, 995, 990, 995, 1020],
    2020: [960, 955, 970, 1010, 1030, 1035, 1030, 1025, 1020, 1010, 1000, 1015],
    2021: [1000, 995, 1005, 1000, 1000, 995, 1005, 1000, 1000, 1000, 1000, 1000],
}
SPLIT = {  # share of the gross lasten per post, per mille; baten as a share of the gross lasten
    "algemene_bijstand": 885,
    "ioaw": 45,
    "ioaz": 5,
    "bbz_levensonderhoud": 15,
    "loonkostensubsidie": 50,
}
BATEN_PER_MILLE = 12

BANDS_2015 = [(D("5"), D("10"), D("50")), (D("10"), D("12.5"), D("75")), (D("12.5"), None, D("100"))]
BANDS_2018 = [(D("7.5"), D("12.5"), D("50")), (D("12.5"), None, D("100"))]
VANGNET_NOTE = (
    "Demo-configuratie: controleer tegen de Regeling vangnetuitkering Participatiewet van dit jaar."
)


def _finance_user():
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username="financien", defaults={"first_name": "Femke", "last_name": "Financiën"}
    )
    if created:
        user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get_or_create(name=Role.FINANCE)[0])
    return user


def _vangnet(stdout) -> None:
    for year in range(2015, 2018):
        services.configure_vangnet(
            year=year,
            eigen_risico_pct=D("5"),
            bands=BANDS_2015,
            source="Besluit Participatiewet art. 4.2 (oud)",
            note=VANGNET_NOTE,
        )
    services.configure_vangnet(
        year=2018,
        eigen_risico_pct=D("7.5"),
        bands=BANDS_2018,
        source="Regeling vangnetuitkering",
        note=VANGNET_NOTE,
    )
    for year in (2019, 2020, 2021, 2024):
        services.configure_vangnet(
            year=year,
            eigen_risico_pct=D("7.5"),
            bands=BANDS_2018,
            multiyear_years=3,
            multiyear_threshold_pct=D("7.5"),
            source="Regeling vangnetuitkering Participatiewet",
            note=VANGNET_NOTE,
        )
    services.configure_vangnet(
        year=2025,
        eigen_risico_pct=D("7.5"),
        bands=BANDS_2018,
        multiyear_years=3,
        multiyear_threshold_pct=D("7.5"),
        extended_threshold_pct=D("5"),
        extended_reference_from=2022,
        extended_reference_to=2024,
        extended_min_years=2,
        extended_bands=[(D("5"), D("12.5"), D("50")), (D("12.5"), None, D("100"))],
        source="Regeling vangnetuitkering Participatiewet 2025 (uitgebreid vangnet)",
        note=VANGNET_NOTE,
    )
    stdout.write("  vangnetregels 2015–2021, 2024 en 2025 (uitgebreid)")


def _revisions(user, stdout) -> None:
    written = 0
    for year, kind, amount, published_on, source, note, bezwaar_on in REVISIONS:
        budget_year, _ = BudgetYear.objects.get_or_create(year=year)
        if budget_year.revisions.filter(kind=kind).exists():
            continue
        services.record_revision(
            year=year,
            kind=kind,
            amount=D(amount),
            published_on=published_on,
            source=source,
            note=note,
            bezwaar=bezwaar_on is not None,
            bezwaar_on=bezwaar_on,
            actor=user,
        )
        written += 1
    for year, value in CASELOAD_UITGANGSPUNT.items():
        if BudgetYear.objects.filter(year=year, caseload_uitgangspunt__isnull=True).exists():
            services.set_caseload_uitgangspunt(year=year, value=value, actor=user)
    stdout.write(f"  {written} budgetbijstellingen 2015–2021")


def _realisation(user, stdout) -> None:
    written = 0
    for year, (base, months) in MONTHLY_BASE.items():
        budget_year = BudgetYear.objects.get(year=year)
        if RealisationEntry.objects.filter(budget_year=budget_year).exists():
            continue
        for m in range(1, months + 1):
            gross = base * PATTERN[year][m - 1] / 1000 / (1 - D(BATEN_PER_MILLE) / 1000)
            for post, share in SPLIT.items():
                services.record_realisation(
                    year=year,
                    month=date(year, m, 1),
                    post=post,
                    amount=money(gross * share / 1000),
                    reference=f"Maandrapportage uitkeringen {m:02d}-{year}",
                    actor=user,
                )
                written += 1
            services.record_realisation(
                year=year,
                month=date(year, m, 1),
                post="terugvordering_verhaal",
                amount=money(gross * BATEN_PER_MILLE / 1000),
                reference=f"Debiteurenrapportage {m:02d}-{year}",
                actor=user,
            )
            written += 1
    stdout.write(f"  {written} realisatieboekingen 2019–2021")


def load(*, stdout) -> None:
    """Idempotent demo data for the budget pages (called by ``manage.py load_demo``)."""
    stdout.write("BUIG-budget:")
    user = _finance_user()
    with transaction.atomic():
        _vangnet(stdout)
        _revisions(user, stdout)
        _realisation(user, stdout)
    for year in range(2015, 2022):
        services.recompute_year(year=year, actor=user)
    stdout.write("  prognoses herberekend voor 2015–2021")
