"""Recht en hoogte: the household, the right to bijstand and its amount, as pure rules (no database).

``calculate(facts, params)`` returns a ``Calculation``: the right (``recht`` with the reasons when there is none)
and the amount with its working, each ``Line`` with its amount, the article of the Participatiewet and the
parameter it used. The decision screen, the API and (later) the beschikking show these lines.

Rounding, stated once: every line's amount is rounded to whole cents, half up (``core.rules.money``), at the
moment the line is made; totals are sums of rounded lines. The vakantietoeslag (art. 19 lid 3) is 5% of the
bijstand including it, reserved each month and paid once a year, as the Normenbrief shows it.

Amounts are never constants: every legal figure arrives in ``params`` (a mapping key → Decimal, the values of
``bijstand/parameters.py`` on the calculation date). A figure that is missing raises ``missing_figure`` (code ``bedrag_ontbreekt``) so the
consulent sees which parameter functioneel beheer must record.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from almelo_sociaal.core.dates import add_months
from almelo_sociaal.core.rules import RuleViolation, money

ZERO = Decimal("0.00")
HUNDRED = Decimal(100)

# --- household kinds (art. 3 and 4) --------------------------------------------------------------------------

ALLEENSTAANDE = "alleenstaande"
ALLEENSTAANDE_OUDER = "alleenstaande_ouder"
GEHUWDEN = "gehuwden"
KIND_LABELS = {
    ALLEENSTAANDE: "Alleenstaande",
    ALLEENSTAANDE_OUDER: "Alleenstaande ouder",
    GEHUWDEN: "Gehuwden / gezamenlijke huishouding",
}

# Member roles in a household
PARTNER, KIND, HUISGENOOT = "partner", "kind", "huisgenoot"
# The partner relation (art. 3 lid 2 and 3)
GEHUWD, GEREGISTREERD, SAMENWONEND = "gehuwd", "geregistreerd", "samenwonend"
# A housemate's relation to the aanvrager (art. 3 lid 4 and art. 22a lid 2)
FAMILIE_EERSTE_GRAAD, FAMILIE_TWEEDE_GRAAD, COMMERCIEEL, OVERIG = (
    "familie_1e_graad",
    "familie_2e_graad",
    "commercieel",
    "overig",
)
# Presumptions of wederzijdse zorg (art. 3 lid 4 a-d)
VERMOEDENS = {
    "eerder_gehuwd": "zij zijn eerder met elkaar gehuwd geweest of geregistreerd partner geweest (art. 3 lid 4 a)",
    "kind_samen": "uit hun relatie is een kind geboren of erkend (art. 3 lid 4 b)",
    "eerder_samen": "zij hebben eerder een gezamenlijke huishouding gevoerd (art. 3 lid 4 c)",
    "elders_partner": "zij staan elders als partners geregistreerd, zoals een samenlevingscontract (art. 3 lid 4 d)",
}
# Kinds of income (art. 31-32)
ARBEID, UITKERING, ALIMENTATIE, ANDERS = "arbeid", "uitkering", "alimentatie", "overig"
INCOME_LABELS = {
    ARBEID: "Inkomsten uit arbeid",
    UITKERING: "Uitkering (voorliggende voorziening)",
    ALIMENTATIE: "Alimentatie",
    ANDERS: "Overige inkomsten",
}
# Residence status (art. 11)
NEDERLANDER, GELIJKGESTELD, NIET_GELIJKGESTELD = "nederlander", "gelijkgesteld", "niet_gelijkgesteld"
# Voorliggende voorziening (art. 15), from the aanvraag's check
VOORLIGGEND_GEEN, VOORLIGGEND_AANVULLEND, VOORLIGGEND_TOEREIKEND, VOORLIGGEND_ONBEKEND = (
    "geen",
    "aanvullend",
    "toereikend",
    "onbekend",
)


def missing_figure(key: str) -> RuleViolation:
    """A legal figure the calculation needs has no value on the date (functioneel beheer must record it)."""
    return RuleViolation(
        "bedrag_ontbreekt",
        f"Voor deze berekening ontbreekt de parameter '{key}' op de berekeningsdatum; "
        "vraag functioneel beheer deze vast te leggen.",
        "berekening",
    )


def age_on(birth_date: date, on: date) -> int:
    """Whole years on ``on``. Someone born on 29 February has a birthday on 28 February in other years (the
    clamping of ``core.dates.add_months``): on the birthday itself the new age counts."""
    years = on.year - birth_date.year
    if add_months(birth_date, 12 * years) > on:
        years -= 1
    return years


def age_in_months(birth_date: date, on: date) -> int:
    months = (on.year - birth_date.year) * 12 + (on.month - birth_date.month)
    if add_months(birth_date, months) > on:
        months -= 1
    return months


# --- input ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    """Someone who lives with the aanvrager on the calculation date."""

    role: str  # PARTNER, KIND or HUISGENOOT
    birth_date: date
    name: str = ""
    relation: str = (
        OVERIG  # partner: GEHUWD/GEREGISTREERD/SAMENWONEND; huisgenoot: FAMILIE_*/COMMERCIEEL/OVERIG
    )
    wederzijdse_zorg: bool = False  # a partner without marriage: established mutual care (art. 3 lid 3)
    vermoedens: tuple[str, ...] = ()  # presumptions of care (art. 3 lid 4)
    duurzaam_gescheiden: bool = False  # married but living apart for good (art. 3 lid 2 a)
    student: bool = False  # studiefinanciering or WTOS (art. 22a lid 2 c)
    in_inrichting: bool = False


@dataclass(frozen=True)
class Income:
    """Net income per month of the aanvrager or the partner."""

    kind: str  # ARBEID, UITKERING, ALIMENTATIE, ANDERS
    amount: Decimal
    of_partner: bool = False
    label: str = ""
    # Inkomstenvrijlating: the first month the work income counted during the bijstand (art. 31 lid 2 n, r)
    vrijlating_since: date | None = None
    medische_urenbeperking: bool = False  # art. 31 lid 2 y


@dataclass(frozen=True)
class Maatregel:
    """A maatregel (art. 18) running on the date: a percentage of the norm."""

    percentage: Decimal
    label: str
    source: str = "tegenprestatie"


@dataclass(frozen=True)
class Facts:
    """Everything the calculation reads, as valid on ``on``."""

    on: date
    birth_date: date
    members: tuple[Member, ...] = ()
    incomes: tuple[Income, ...] = ()
    vermogen: Decimal = ZERO  # bezittingen minus schulden, eigen woning apart
    eigen_woning_vermogen: Decimal = ZERO  # overwaarde of the home the household lives in
    maatregelen: tuple[Maatregel, ...] = ()
    verblijfstatus: str = NEDERLANDER
    woont_in_nederland: bool = True
    gedetineerd: bool = False
    studiefinanciering: bool = False
    in_inrichting: bool = False
    dagen_buitenland: int = 0  # days abroad in the calendar year up to ``on``
    voorliggend: str = VOORLIGGEND_GEEN


# --- output ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    label: str
    amount: Decimal
    article: str
    parameter: str = ""
    kind: str = "info"  # norm, middelen, vrijlating, maatregel, totaal, vakantietoeslag, info

    def as_dict(self) -> dict:
        return {
            "label": self.label,
            "amount": str(self.amount),
            "article": self.article,
            "parameter": self.parameter,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class Reason:
    code: str
    message: str
    article: str


@dataclass
class Calculation:
    on: date
    household_kind: str
    kostendelers: int
    norm: Decimal
    middelen: Decimal
    total: Decimal  # the bijstand per month including the vakantietoeslag
    vakantietoeslag: Decimal  # of which reserved (art. 19 lid 3)
    recht: bool
    reasons: list[Reason] = field(default_factory=list)
    warnings: list[Reason] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    @property
    def household_label(self) -> str:
        return KIND_LABELS[self.household_kind]

    @property
    def monthly_payment(self) -> Decimal:
        """What is transferred each month: the bijstand minus the reserved vakantietoeslag."""
        return self.total - self.vakantietoeslag

    def as_dict(self) -> dict:
        return {
            "datum": self.on.isoformat(),
            "leefvorm": self.household_kind,
            "leefvormLabel": self.household_label,
            "kostendelers": self.kostendelers,
            "norm": str(self.norm),
            "middelen": str(self.middelen),
            "bedrag": str(self.total),
            "vakantietoeslag": str(self.vakantietoeslag),
            "maandbetaling": str(self.monthly_payment),
            "recht": self.recht,
            "redenen": [{"code": r.code, "message": r.message, "article": r.article} for r in self.reasons],
            "waarschuwingen": [
                {"code": r.code, "message": r.message, "article": r.article} for r in self.warnings
            ],
            "regels": [line.as_dict() for line in self.lines],
        }


def _p(params: Mapping[str, Decimal], key: str) -> Decimal:
    try:
        return Decimal(params[key])
    except KeyError:
        raise missing_figure(key) from None


# --- household (art. 3, 4) -----------------------------------------------------------------------------------


def is_partner(member: Member) -> bool:
    """Art. 3: a spouse or registered partner (unless duurzaam gescheiden), or someone with whom the aanvrager
    runs a gezamenlijke huishouding: the same main residence and mutual care, established or presumed (lid 4).
    A first-degree relative (parent, child) never forms one (lid 4, last sentence); a second-degree relative
    (brother, sister, grandparent) falls under the ordinary test."""
    if member.role != PARTNER:
        return False
    if member.relation in (GEHUWD, GEREGISTREERD):
        return not member.duurzaam_gescheiden
    if member.relation == FAMILIE_EERSTE_GRAAD:
        return False
    return member.wederzijdse_zorg or bool(member.vermoedens)


def partner_of(facts: Facts) -> Member | None:
    return next((m for m in facts.members if is_partner(m)), None)


def children_ten_laste(facts: Facts) -> list[Member]:
    """Children younger than 18 living in the household (art. 4 lid 1 c: ten laste komend kind)."""
    return [m for m in facts.members if m.role == KIND and age_on(m.birth_date, facts.on) < 18]


def household_kind(facts: Facts) -> str:
    """Derived, never typed: gehuwden with a partner (art. 3), alleenstaande ouder with a child ten laste and
    no partner (art. 4 lid 1 b), otherwise alleenstaande (art. 4 lid 1 a)."""
    if partner_of(facts) is not None:
        return GEHUWDEN
    if children_ten_laste(facts):
        return ALLEENSTAANDE_OUDER
    return ALLEENSTAANDE


def kostendelers(facts: Facts, params: Mapping[str, Decimal]) -> int:
    """Art. 22a lid 2: the aanvrager, the partner, and every other person who has their main residence in the
    same dwelling and is at least ``kostendeler_leeftijd`` (27 since 1 January 2023), except a person with a
    commercial relation (huurder, kostganger), a student with studiefinanciering or WTOS, and someone staying
    in an inrichting."""
    minimum = int(_p(params, "kostendeler_leeftijd"))
    count = 1
    partner = partner_of(facts)
    if partner is not None:
        count += 1
    for m in facts.members:
        if m is partner or m.role == PARTNER and is_partner(m):
            continue
        if m.relation == COMMERCIEEL or m.student or m.in_inrichting:
            continue
        if age_on(m.birth_date, facts.on) >= minimum:
            count += 1
    return count


def kostendelersnorm(gehuwdennorm: Decimal, a: int) -> Decimal:
    """Art. 22a lid 1: (40 + A × 30) / (A × 100) × the gehuwdennorm, for A kostendelers (per person)."""
    return money(Decimal(40 + a * 30) / Decimal(a * 100) * Decimal(gehuwdennorm))


# --- the norm (art. 20, 21, 22, 22a, 23) -----------------------------------------------------------------------


def _is_aow(birth_date: date, on: date, params) -> bool:
    return age_in_months(birth_date, on) >= int(_p(params, "aow_leeftijd_maanden"))


def norm_lines(facts: Facts, params: Mapping[str, Decimal]) -> tuple[Decimal, list[Line], int]:
    """The norm for the household on the date, with its lines and the number of kostendelers."""
    kind = household_kind(facts)
    partner = partner_of(facts)
    persons = [facts.birth_date] + ([partner.birth_date] if partner else [])
    ages = [age_on(b, facts.on) for b in persons]
    aow = any(_is_aow(b, facts.on, params) for b in persons)
    young = [a < 21 for a in ages]
    with_children = bool(children_ten_laste(facts))
    lines: list[Line] = []

    if facts.in_inrichting:
        key = "norm_inrichting_gehuwden" if kind == GEHUWDEN else "norm_inrichting_alleenstaande"
        norm = money(_p(params, key))
        lines.append(
            Line(
                f"Norm verblijf in een inrichting ({KIND_LABELS[kind].lower()})",
                norm,
                "art. 23 lid 1",
                key,
                "norm",
            )
        )
        return norm, lines, 1

    a = kostendelers(facts, params)
    if aow:
        base_key = "norm_aow_gehuwden" if kind == GEHUWDEN else "norm_aow_alleenstaande"
        article = "art. 22"
        gehuwden_key = "norm_aow_gehuwden"
    elif any(young):
        # Art. 20: jongerennormen (18, 19 or 20 years); with or without children ten laste.
        suffix = "_met_kind" if with_children else ""
        if kind != GEHUWDEN:
            key = "norm_jong_alleenstaande"
            norm = money(_p(params, key))
            lines.append(
                Line(
                    f"Jongerennorm {KIND_LABELS[kind].lower()} (18–20 jaar)",
                    norm,
                    f"art. 20 lid {'2' if with_children else '1'} a",
                    key,
                    "norm",
                )
            )
            return norm, lines, a
        if all(young):
            key = f"norm_jong_gehuwden{suffix}"
            label = "Jongerennorm gehuwden, beiden 18–20 jaar"
            article = f"art. 20 lid {'2' if with_children else '1'} b"
        else:
            key = f"norm_jong_gehuwden_een21{suffix}"
            label = "Jongerennorm gehuwden, één 18–20 jaar, ander 21 jaar of ouder"
            article = f"art. 20 lid {'2' if with_children else '1'} c"
            if a > 2:
                # Art. 22a lid 3: the partner of 21 or older gets the kostendelersnorm, the young partner the
                # amount of art. 22a lid 3 (with or without children).
                gehuwdennorm = _p(params, "norm_gehuwden")
                older = kostendelersnorm(gehuwdennorm, a)
                young_key = f"norm_kd_jong_partner{suffix}"
                young_part = money(_p(params, young_key))
                lines.append(
                    Line(
                        f"Kostendelersnorm partner van 21 jaar of ouder ({a} kostendelers)",
                        older,
                        "art. 22a lid 1",
                        "norm_gehuwden",
                        "norm",
                    )
                )
                lines.append(
                    Line(
                        "Norm partner jonger dan 21 jaar naast kostendelers",
                        young_part,
                        "art. 22a lid 3",
                        young_key,
                        "norm",
                    )
                )
                return older + young_part, lines, a
        norm = money(_p(params, key))
        lines.append(Line(label, norm, article, key, "norm"))
        return norm, lines, a
    else:
        base_key = "norm_gehuwden" if kind == GEHUWDEN else "norm_alleenstaande"
        article = "art. 21"
        gehuwden_key = "norm_gehuwden"

    label = {
        GEHUWDEN: "Norm gehuwden",
        ALLEENSTAANDE: "Norm alleenstaande",
        ALLEENSTAANDE_OUDER: "Norm alleenstaande ouder",
    }[kind]
    if aow:
        label += " vanaf de pensioengerechtigde leeftijd"
    else:
        label += " 21 jaar tot de pensioengerechtigde leeftijd"
    base = money(_p(params, base_key))
    persons_in_norm = 2 if kind == GEHUWDEN else 1
    if a > persons_in_norm:
        per_person = kostendelersnorm(_p(params, gehuwden_key), a)
        norm = per_person * persons_in_norm
        lines.append(Line(label, base, f"{article} (zonder kostendelers)", base_key, "info"))
        lines.append(
            Line(
                f"Kostendelersnorm: {a} kostendelers, ({40} + {a} × 30) / ({a} × 100) × gehuwdennorm"
                + (" × 2 partners" if persons_in_norm == 2 else ""),
                norm,
                "art. 22a lid 1",
                gehuwden_key,
                "norm",
            )
        )
        return norm, lines, a
    lines.append(Line(label, base, article, base_key, "norm"))
    return base, lines, a


# --- middelen (art. 31-34) -------------------------------------------------------------------------------------


def months_running(since: date, on: date) -> int:
    """Calendar months from the month of ``since`` up to and including the month of ``on`` (1 in the first)."""
    return (on.year - since.year) * 12 + on.month - since.month + 1


def vrijlating(income: Income, facts: Facts, params: Mapping[str, Decimal], kind: str) -> Line | None:
    """The inkomstenvrijlating of one work income (art. 31 lid 2): n (25%, max, 6 months) first; r (alleenstaande
    ouder with a child under 12: 12.5%, max, 30 months) when n has run out; y (medische urenbeperking: 15%,
    max) only while neither n nor r runs."""
    if income.kind != ARBEID or income.amount <= 0:
        return None
    running = months_running(income.vrijlating_since, facts.on) if income.vrijlating_since else None
    if running is not None and 1 <= running <= int(_p(params, "vrijlating_maanden")):
        pct, cap = _p(params, "vrijlating_pct"), _p(params, "vrijlating_max")
        return Line(
            f"Inkomstenvrijlating {pct.normalize()}% (maand {running} van {int(_p(params, 'vrijlating_maanden'))})",
            -min(money(income.amount * pct / HUNDRED), money(cap)),
            "art. 31 lid 2 n",
            "vrijlating_pct, vrijlating_max",
            "vrijlating",
        )
    young_child = any(age_on(m.birth_date, facts.on) < 12 for m in children_ten_laste(facts))
    if kind == ALLEENSTAANDE_OUDER and young_child and running is not None:
        n_months = int(_p(params, "vrijlating_maanden"))
        r_running = running - n_months
        if 1 <= r_running <= int(_p(params, "vrijlating_ao_maanden")):
            pct, cap = _p(params, "vrijlating_ao_pct"), _p(params, "vrijlating_ao_max")
            return Line(
                f"Vrijlating alleenstaande ouder {pct.normalize()}% (maand {r_running} van "
                f"{int(_p(params, 'vrijlating_ao_maanden'))})",
                -min(money(income.amount * pct / HUNDRED), money(cap)),
                "art. 31 lid 2 r",
                "vrijlating_ao_pct, vrijlating_ao_max",
                "vrijlating",
            )
    if income.medische_urenbeperking:
        pct, cap = _p(params, "vrijlating_medisch_pct"), _p(params, "vrijlating_medisch_max")
        return Line(
            f"Vrijlating medische urenbeperking {pct.normalize()}%",
            -min(money(income.amount * pct / HUNDRED), money(cap)),
            "art. 31 lid 2 y",
            "vrijlating_medisch_pct, vrijlating_medisch_max",
            "vrijlating",
        )
    return None


def middelen_lines(facts: Facts, params: Mapping[str, Decimal], kind: str) -> tuple[Decimal, list[Line]]:
    lines: list[Line] = []
    for income in facts.incomes:
        amount = money(income.amount)
        if amount <= 0:
            continue
        who = " partner" if income.of_partner else ""
        lines.append(
            Line(
                (income.label or INCOME_LABELS.get(income.kind, "Inkomsten")) + who,
                amount,
                "art. 31 lid 1, art. 32",
                "",
                "middelen",
            )
        )
        free = vrijlating(income, facts, params, kind)
        if free is not None:
            lines.append(free)
    return sum((line.amount for line in lines), ZERO), lines


def vermogensgrens(kind: str, params: Mapping[str, Decimal]) -> tuple[Decimal, str]:
    key = "vermogensgrens_alleenstaande" if kind == ALLEENSTAANDE else "vermogensgrens_gezin"
    return money(_p(params, key)), key


def vermogen_in_aanmerking(facts: Facts, params: Mapping[str, Decimal]) -> tuple[Decimal, list[Line]]:
    """Art. 34: the vermogen counts minus the vrij te laten vermogen; the overwaarde of the home the household
    lives in is left out up to ``vermogen_eigen_woning`` (art. 34 lid 2 c), only the excess counts."""
    lines = []
    total = money(facts.vermogen)
    if facts.eigen_woning_vermogen > 0:
        grens = money(_p(params, "vermogen_eigen_woning"))
        excess = max(ZERO, money(facts.eigen_woning_vermogen) - grens)
        lines.append(
            Line(
                "Vermogen in de eigen woning boven de vrijstelling",
                excess,
                "art. 34 lid 2 c",
                "vermogen_eigen_woning",
                "info",
            )
        )
        total += excess
    return total, lines


# --- the right (art. 11, 13, 15, 19) -----------------------------------------------------------------------------


def right_reasons(facts: Facts, params: Mapping[str, Decimal]) -> tuple[list[Reason], list[Reason]]:
    """Why there is no right on the date (empty: a right as far as these facts go), and warnings."""
    reasons: list[Reason] = []
    warnings: list[Reason] = []
    if facts.verblijfstatus == NIET_GELIJKGESTELD:
        reasons.append(
            Reason(
                "geen_nederlander",
                "De aanvrager is geen Nederlander en niet met een Nederlander gelijkgesteld.",
                "art. 11 lid 1-2",
            )
        )
    if not facts.woont_in_nederland:
        reasons.append(
            Reason("woont_niet_in_nederland", "De aanvrager woont niet in Nederland.", "art. 11 lid 1")
        )
    if age_on(facts.birth_date, facts.on) < 18:
        reasons.append(Reason("jonger_dan_18", "De aanvrager is jonger dan 18 jaar.", "art. 13 lid 1 e"))
    if facts.gedetineerd:
        reasons.append(
            Reason(
                "gedetineerd",
                "De aanvrager verblijft in detentie (rechtens zijn vrijheid ontnomen).",
                "art. 13 lid 1 a",
            )
        )
    if facts.studiefinanciering:
        reasons.append(
            Reason(
                "studiefinanciering",
                "De aanvrager kan studiefinanciering of een tegemoetkoming (WTOS) krijgen.",
                "art. 13 lid 2 c",
            )
        )
    aow = _is_aow(facts.birth_date, facts.on, params)
    weeks = int(_p(params, "buitenland_weken_aow" if aow else "buitenland_weken"))
    if facts.dagen_buitenland > weeks * 7:
        reasons.append(
            Reason(
                "buitenland_te_lang",
                f"De aanvrager verbleef dit kalenderjaar {facts.dagen_buitenland} dagen in het buitenland, langer "
                f"dan {weeks} weken.",
                "art. 13 lid 1 e",
            )
        )
    if facts.voorliggend == VOORLIGGEND_TOEREIKEND:
        reasons.append(
            Reason(
                "voorliggende_voorziening",
                "Er is een toereikende voorliggende voorziening.",
                "art. 15 lid 1",
            )
        )
    elif facts.voorliggend == VOORLIGGEND_ONBEKEND:
        warnings.append(
            Reason(
                "voorliggend_niet_gecontroleerd",
                "De voorliggende voorzieningen (WW, DUO) zijn nog niet gecontroleerd.",
                "art. 15 lid 1",
            )
        )
    return reasons, warnings


# --- the calculation (art. 18, 19) -------------------------------------------------------------------------------


def calculate(facts: Facts, params: Mapping[str, Decimal]) -> Calculation:
    """The right and the amount on ``facts.on``, with every line of the working."""
    kind = household_kind(facts)
    norm, lines, a = norm_lines(facts, params)
    reasons, warnings = right_reasons(facts, params)

    grens, grens_key = vermogensgrens(kind, params)
    vermogen, vermogen_lines = vermogen_in_aanmerking(facts, params)
    lines.extend(vermogen_lines)
    if vermogen > grens:
        reasons.append(
            Reason(
                "vermogen_boven_grens",
                f"Het vermogen (€ {vermogen}) ligt boven de vermogensgrens van € {grens} ({KIND_LABELS[kind].lower()}).",
                "art. 34 lid 3",
            )
        )
    lines.append(
        Line(f"Vermogensgrens {KIND_LABELS[kind].lower()}", grens, "art. 34 lid 3", grens_key, "info")
    )

    middelen, middelen_lines_ = middelen_lines(facts, params, kind)
    lines.extend(middelen_lines_)
    middelen = max(middelen, ZERO)

    reduction = ZERO
    total_pct = min(sum((m.percentage for m in facts.maatregelen), Decimal(0)), HUNDRED)
    for m in facts.maatregelen:
        pct = min(Decimal(m.percentage), HUNDRED)
        amount = money(norm * pct / HUNDRED)
        if reduction + amount > money(norm * total_pct / HUNDRED):
            amount = money(norm * total_pct / HUNDRED) - reduction
        reduction += amount
        lines.append(
            Line(f"Maatregel {pct.normalize()}%: {m.label}", -amount, "art. 18 lid 2", "", "maatregel")
        )

    bijstand = max(ZERO, norm - middelen - reduction)
    if bijstand == 0 and not reasons:
        reasons.append(
            Reason(
                "middelen_boven_norm",
                "De middelen zijn gelijk aan of hoger dan de bijstandsnorm.",
                "art. 19 lid 1",
            )
        )
    recht = not reasons
    if not recht:
        bijstand = ZERO
    vt = money(bijstand * _p(params, "vakantietoeslag_pct") / HUNDRED)
    lines.append(
        Line("Bijstand per maand (norm − middelen − maatregel)", bijstand, "art. 19 lid 1", "", "totaal")
    )
    lines.append(
        Line(
            "Waarvan vakantietoeslag (gereserveerd)",
            vt,
            "art. 19 lid 3",
            "vakantietoeslag_pct",
            "vakantietoeslag",
        )
    )
    lines.append(Line("Maandelijkse betaling", bijstand - vt, "art. 19 lid 3", "", "info"))
    return Calculation(
        on=facts.on,
        household_kind=kind,
        kostendelers=a,
        norm=norm,
        middelen=middelen,
        total=bijstand,
        vakantietoeslag=vt,
        recht=recht,
        reasons=reasons,
        warnings=warnings,
        lines=lines,
    )


# --- herberekening ------------------------------------------------------------------------------------------------


def month_starts(first: date, last: date) -> list[date]:
    """The first days of the months from ``first``'s month through ``last``'s month."""
    out, day = [], first.replace(day=1)
    while day <= last:
        out.append(day)
        day = add_months(day, 1)
    return out


@dataclass(frozen=True)
class MonthDifference:
    month: date
    previous: Decimal
    new: Decimal

    @property
    def difference(self) -> Decimal:
        """Positive: a nabetaling; negative: te veel betaald (for the terugvordering)."""
        return self.new - self.previous


def month_differences(previous: Mapping[date, Decimal], new: Mapping[date, Decimal]) -> list[MonthDifference]:
    months = sorted(set(previous) | set(new))
    return [MonthDifference(m, previous.get(m, ZERO), new.get(m, ZERO)) for m in months]


def check_deviation(*, calculated: Decimal | None, chosen: Decimal | None, reden: str) -> bool:
    """A drafted amount other than the calculated one needs a reason (the toetser sees both). True when the
    amounts differ."""
    if calculated is None or chosen is None or money(chosen) == money(calculated):
        return False
    if not (reden or "").strip():
        raise RuleViolation(
            "afwijking_zonder_reden",
            f"Het maandbedrag wijkt af van het berekende bedrag (€ {money(calculated)}). Geef de reden van de "
            "afwijking, of neem het berekende bedrag over.",
            "afwijking_reden",
        )
    return True


def check_member(*, role: str, relation: str, birth_date: date, start: date, on: date) -> None:
    """A household member as it is recorded: a known role and relation, born before the start."""
    if role not in (PARTNER, KIND, HUISGENOOT):
        raise RuleViolation("huishoudlid_rol_onbekend", "Kies partner, kind of huisgenoot.", "rol")
    if role == PARTNER and relation not in (
        GEHUWD,
        GEREGISTREERD,
        SAMENWONEND,
        FAMILIE_EERSTE_GRAAD,
        FAMILIE_TWEEDE_GRAAD,
    ):
        raise RuleViolation(
            "partner_relatie_onbekend",
            "Kies of de partner gehuwd, geregistreerd partner of samenwonend is.",
            "relatie",
        )
    if birth_date > start:
        raise RuleViolation(
            "huishoudlid_geboren_na_start",
            "Het huishoudlid is geboren na de ingangsdatum; controleer de datums.",
            "ingangsdatum",
        )
    if start > on + timedelta(days=366):
        raise RuleViolation(
            "ingangsdatum_te_ver", "De ingangsdatum ligt meer dan een jaar in de toekomst.", "ingangsdatum"
        )


def check_period(*, start: date, end: date | None) -> None:
    if end is not None and end < start:
        raise RuleViolation(
            "periode_einde_voor_start", "De einddatum ligt vóór de ingangsdatum.", "einddatum"
        )


def check_amount(amount: Decimal, field_name: str = "bedrag") -> None:
    if amount is None or amount < 0:
        raise RuleViolation("bijstand_bedrag_negatief", "Vul een bedrag van € 0 of meer in.", field_name)


def overlap(periods: Sequence[tuple[date, date | None]], start: date, end: date | None) -> bool:
    for s, e in periods:
        if (e is None or e >= start) and (end is None or end >= s):
            return True
    return False
