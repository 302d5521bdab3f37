"""Pure rules of participation: suggested group, amounts, reviews (the instrument catalogue and its
conditions: ``participation.instruments``, re-exported here).

No database here. Amounts that the law or policy sets (WML, percentages, premium, review months) are
arguments; services read them from the effective-dated parameters (``participation/parameters.py``).
Sources: Uitvoeringsregeling Participatiewet Almelo (seed 002) §5.1, §5.4, bijlage 1 and bijlage 2.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import models

from almelo_sociaal.core.dates import add_months
from almelo_sociaal.core.rules import RuleViolation, money

HUNDRED = Decimal("100")
ZERO = Decimal("0")


# --- Vocabulary ---


class Groep(models.IntegerChoices):
    """The six participation groups, by distance to the labour market (seed 002 §5.1)."""

    PREVENTIE = -1, "Groep -1 – preventie"
    DIRECT_WERK = 0, "Groep 0 – snel aan het werk"
    ENIGE_HULP = 1, "Groep 1 – enige hulp nodig"
    TRAJECT = 2, "Groep 2 – traject naar werk"
    DAGSTRUCTUUR = 3, "Groep 3 – dagstructuur en begeleiding"
    MULTIPROBLEEM = 4, "Groep 4 – multiproblematiek"


GROUPS: tuple[int, ...] = tuple(Groep.values)


def group_label(group: int | None) -> str:
    return "geen groep" if group is None else f"groep {group}"


class Motivatie(models.TextChoices):
    NAUWELIJKS = "nauwelijks", "nauwelijks aanwezig"
    MATIG = "matig", "matig"
    VOLDOENDE = "voldoende", "voldoende"


class Kans(models.TextChoices):
    SLECHT = "slecht", "slecht"
    MATIG = "matig", "matig"
    REDELIJK = "redelijk", "redelijk"
    HOOG = "hoog", "hoog"


class Opleiding(models.TextChoices):
    SLECHT = "slecht", "slecht (geen afgeronde opleiding)"
    MATIG = "matig", "matig"
    VOLDOENDE = "voldoende", "voldoende (startkwalificatie of hoger)"


class Belemmeringen(models.TextChoices):
    GEEN = "geen", "geen"
    ZEER_BEPERKT = "zeer_beperkt", "zeer beperkt"
    IN_ZEKERE_MATE = "in_zekere_mate", "in zekere mate aanwezig"
    FORS = "fors", "fors aanwezig"


class Preventiesignaal(models.TextChoices):
    """Why a resident without a benefit is expected to apply soon (bijlage 1, groep -1)."""

    GEEN = "", "geen"
    VSO_PRO = "vso_pro", "VSO-Pro schoolverlater"
    SCHOOLVERLATER = "schoolverlater", "schoolverlater"
    EINDE_WW = "einde_ww", "einde WW in zicht"
    EINDE_CONTRACT = "einde_contract", "einde tijdelijk contract"
    SCHEIDING = "scheiding", "scheiding, onvoldoende inkomen"


class Coach(models.TextChoices):
    GEEN = "", "geen"
    WIJKCOACH = "wijkcoach", "wijkcoach"
    ZORGCOACH = "zorgcoach", "zorgcoach"


class Trede(models.IntegerChoices):
    """Participatieladder: a measuring instrument recorded beside the group."""

    GEISOLEERD = 1, "1 – geïsoleerd"
    SOCIALE_CONTACTEN = 2, "2 – sociale contacten buiten de deur"
    GEORGANISEERDE_ACTIVITEITEN = 3, "3 – deelname georganiseerde activiteiten"
    ONBETAALD_WERK = 4, "4 – onbetaald werk"
    BETAALD_MET_ONDERSTEUNING = 5, "5 – betaald werk met ondersteuning"
    BETAALD_WERK = 6, "6 – betaald werk"


# --- Suggested group ---

# Months of benefit that still fit the profiles of groups 0 and 1/2 (bijlage 1: 0–3 and 0–18 months).
MAX_MONTHS_GROUP_0 = 3
MAX_MONTHS_GROUP_1_2 = 18

_MOTIVATIE_GROUP = {Motivatie.VOLDOENDE: 0, Motivatie.MATIG: 1, Motivatie.NAUWELIJKS: 4}
_KANS_GROUP = {Kans.HOOG: 0, Kans.REDELIJK: 1, Kans.MATIG: 2, Kans.SLECHT: 4}
_OPLEIDING_GROUP = {Opleiding.VOLDOENDE: 0, Opleiding.MATIG: 1, Opleiding.SLECHT: 2}
_BELEMMERINGEN_GROUP = {
    Belemmeringen.GEEN: 0,
    Belemmeringen.ZEER_BEPERKT: 0,
    Belemmeringen.IN_ZEKERE_MATE: 1,
    Belemmeringen.FORS: 4,
}


@dataclass(frozen=True)
class ProfileFacts:
    """What the suggestion looks at. Values are the ``value`` strings of the choices above."""

    motivatie: str
    kans_arbeidsmarkt: str
    uitkeringsduur_maanden: int
    opleiding: str
    belemmeringen: str
    coach: str = Coach.GEEN
    preventiesignaal: str = Preventiesignaal.GEEN
    in_uitkering: bool = False


@dataclass(frozen=True)
class Indication:
    """One factor of the profile and the lowest group it fits."""

    factor: str
    value: str
    group: int

    @property
    def text(self) -> str:
        return f"{self.factor}: {self.value} → {group_label(self.group)}"


@dataclass(frozen=True)
class Suggestion:
    """``reasons``: the deciding factors; ``considered``: every other factor that was weighed (the other profile
    factors with the group each points to, care duties and available hours). Both are shown to the coach."""

    group: int
    reasons: list[str]
    indications: tuple[Indication, ...] = field(default=())
    considered: list[str] = field(default_factory=list)

    @property
    def all_reasons(self) -> list[str]:
        return [*self.reasons, *self.considered]


# --- Care duties and available hours ---


@dataclass(frozen=True)
class CareFacts:
    """Care duties and the hours a person is available (recorded on the profile; none by default)."""

    zorg_kinderen: bool = False
    jongste_kind_geboren: date | None = None
    alleenstaande_ouder: bool = False  # from the client's leefvorm
    mantelzorg_uren: Decimal = ZERO
    beschikbare_uren: Decimal | None = None

    @property
    def recorded(self) -> bool:
        return self.zorg_kinderen or self.mantelzorg_uren > 0 or self.beschikbare_uren is not None


def _hours_text(hours: Decimal) -> str:
    return f"{Decimal(hours).normalize():f}".replace(".", ",")


def check_care_facts(care: CareFacts, *, assessed_on: date) -> None:
    """Care duties are recorded completely and plausibly (the rule behind the profile form and the API)."""
    if care.zorg_kinderen and care.jongste_kind_geboren is None:
        raise RuleViolation(
            "geboortedatum_kind_verplicht",
            "Geef de geboortedatum van het jongste kind waarvoor de cliënt zorgt.",
            "jongste_kind_geboren",
        )
    if not care.zorg_kinderen and care.jongste_kind_geboren is not None:
        raise RuleViolation(
            "zorg_kinderen_niet_aangevinkt",
            "Een geboortedatum van het jongste kind hoort bij 'zorgt voor kinderen'.",
            "jongste_kind_geboren",
        )
    if care.jongste_kind_geboren is not None and care.jongste_kind_geboren > assessed_on:
        raise RuleViolation(
            "geboortedatum_toekomst",
            "De geboortedatum van het jongste kind ligt na de datum van het profiel.",
            "jongste_kind_geboren",
        )
    if not ZERO <= Decimal(care.mantelzorg_uren) <= 168:
        raise RuleViolation(
            "uren_ongeldig", "Mantelzorg in uren per week ligt tussen 0 en 168.", "mantelzorg_uren"
        )
    if care.beschikbare_uren is not None and not ZERO <= Decimal(care.beschikbare_uren) <= 40:
        raise RuleViolation(
            "uren_ongeldig", "Beschikbare uren per week liggen tussen 0 en 40.", "beschikbare_uren"
        )


def care_considerations(care: CareFacts, *, assessed_on: date) -> list[str]:
    """Care duties and available hours as lines in the reasons (they weigh in; they do not decide a group)."""
    lines = []
    if care.zorg_kinderen and care.jongste_kind_geboren is not None:
        age = age_on(care.jongste_kind_geboren, assessed_on)
        who = "alleenstaande ouder, " if care.alleenstaande_ouder else ""
        lines.append(f"zorgtaken: {who}zorg voor kinderen, jongste kind {age} jaar")
    if care.mantelzorg_uren > 0:
        lines.append(f"zorgtaken: mantelzorg {_hours_text(care.mantelzorg_uren)} uur per week")
    if care.beschikbare_uren is not None:
        lines.append(
            f"beschikbaar voor werk of re-integratie: {_hours_text(care.beschikbare_uren)} uur per week"
        )
    return lines


def ontheffing_prompts(care: CareFacts, *, assessed_on: date, child_age_limit: int) -> list[str]:
    """What the coach should discuss about an ontheffing of the arbeidsverplichtingen, where it applies."""
    prompts = []
    if care.alleenstaande_ouder and care.zorg_kinderen and care.jongste_kind_geboren is not None:
        if age_on(care.jongste_kind_geboren, assessed_on) < child_age_limit:
            prompts.append(
                f"Alleenstaande ouder met de zorg voor een kind jonger dan {child_age_limit} jaar: bespreek een "
                "(gedeeltelijke) ontheffing van de arbeidsverplichtingen (art. 9a Participatiewet); het college "
                "verleent die op verzoek van de ouder."
            )
    if care.mantelzorg_uren > 0:
        prompts.append(
            f"Mantelzorg {_hours_text(care.mantelzorg_uren)} uur per week: ga na of een tijdelijke ontheffing "
            "wegens dringende redenen past (art. 9 lid 2 Participatiewet)."
        )
    return prompts


def _months_text(months: int) -> str:
    return "1 maand" if months == 1 else f"{months} maanden"


def _duration_indication(months: int) -> Indication:
    if months <= MAX_MONTHS_GROUP_0:
        return Indication("uitkeringsduur", f"{_months_text(months)} (0–{MAX_MONTHS_GROUP_0})", 0)
    if months <= MAX_MONTHS_GROUP_1_2:
        return Indication("uitkeringsduur", f"{_months_text(months)} (0–{MAX_MONTHS_GROUP_1_2})", 1)
    return Indication("uitkeringsduur", f"{_months_text(months)} (meer dan {MAX_MONTHS_GROUP_1_2})", 3)


def _choice(enum: type[models.TextChoices], value: str, what: str):
    try:
        return enum(value)
    except ValueError:
        raise RuleViolation("profiel_ongeldig", f"Onbekende waarde voor {what}: {value!r}.", what) from None


def profile_indications(facts: ProfileFacts) -> tuple[Indication, ...]:
    """Each factor of the profile with the lowest group whose profile (bijlage 1) it fits."""
    if facts.uitkeringsduur_maanden < 0:
        raise RuleViolation(
            "profiel_ongeldig", "Uitkeringsduur kan niet negatief zijn.", "uitkeringsduur_maanden"
        )
    motivatie = _choice(Motivatie, facts.motivatie, "motivatie")
    kans = _choice(Kans, facts.kans_arbeidsmarkt, "kans_arbeidsmarkt")
    opleiding = _choice(Opleiding, facts.opleiding, "opleiding")
    belemmeringen = _choice(Belemmeringen, facts.belemmeringen, "belemmeringen")
    coach = _choice(Coach, facts.coach, "coach")
    indications = [
        Indication("motivatie", motivatie.label, _MOTIVATIE_GROUP[motivatie]),
        Indication("kans op de arbeidsmarkt", kans.label, _KANS_GROUP[kans]),
        _duration_indication(facts.uitkeringsduur_maanden),
        Indication("opleiding/kwalificatie", opleiding.label, _OPLEIDING_GROUP[opleiding]),
        Indication("belemmeringen", belemmeringen.label, _BELEMMERINGEN_GROUP[belemmeringen]),
    ]
    if coach:
        indications.append(Indication("wijk- of zorgcoach betrokken", coach.label, 3))
    return tuple(indications)


def suggest_group(
    facts: ProfileFacts, care: CareFacts | None = None, *, assessed_on: date | None = None
) -> Suggestion:
    """The group the profile points to, with the reasons in plain Dutch.

    - Prevention first: a resident without a running benefit and with a prevention signal (VSO-Pro, end of WW,
      end of a temporary contract after leaving the bijstand, ...) belongs in groep -1 (bijlage 1).
    - Otherwise every factor points to the lowest group whose profile it fits, and the most limiting factor
      decides (a client with a poor chance on the labour market is groep 4 even with a startkwalificatie).
      The decisive factors are the reasons; every other factor is in ``considered`` ("ook meegewogen", with
      the group it points to), followed by care duties and available hours (``care``, on ``assessed_on``).
    """
    indications = profile_indications(facts)
    care_lines = (
        care_considerations(care, assessed_on=assessed_on)
        if care is not None and assessed_on is not None
        else []
    )
    signaal = _choice(Preventiesignaal, facts.preventiesignaal, "preventiesignaal")
    if signaal and not facts.in_uitkering:
        reason = Indication("preventiesignaal", f"{signaal.label}, geen lopende uitkering", -1)
        considered = [f"ook meegewogen: {i.text}" for i in indications] + care_lines
        return Suggestion(-1, [reason.text], (reason, *indications), considered)
    group = max(i.group for i in indications)
    reasons = [i.text for i in indications if i.group == group]
    if signaal:
        reasons.append(f"preventiesignaal ({signaal.label}) telt niet mee: cliënt ontvangt al een uitkering")
    considered = [f"ook meegewogen: {i.text}" for i in indications if i.group != group] + care_lines
    return Suggestion(group, reasons, indications, considered)


def check_assignment(*, group: int, suggested: int | None, reason: str) -> None:
    """A coach's decision: a valid group; deviating from the suggestion needs a reason."""
    if group not in GROUPS:
        raise RuleViolation("groep_ongeldig", f"Groep {group} bestaat niet (kies -1 tot en met 4).", "group")
    if suggested is not None and group != suggested and not reason.strip():
        raise RuleViolation(
            "reden_verplicht",
            f"Geef een reden: u kiest groep {group}, het voorstel is groep {suggested}.",
            "reason",
        )


# --- Reviews and contact ---


def review_months_key(group: int) -> str:
    return f"herbeoordeling_maanden_groep_{'m1' if group == -1 else group}"


def contact_weeks_key(group: int) -> str:
    return f"contact_weken_groep_{'m1' if group == -1 else group}"


def next_review_date(*, group: int, assigned_on: date, months_by_group: Mapping[int, int]) -> date:
    """When an assignment is due for review: the group's interval (policy parameter) after the decision."""
    if group not in months_by_group:
        raise RuleViolation("groep_ongeldig", f"Geen herbeoordelingstermijn voor groep {group}.", "group")
    return add_months(assigned_on, int(months_by_group[group]))


# --- Amounts ---


def wml_for_hours(*, wml_uur: Decimal, uren_per_week: Decimal) -> Decimal:
    """Monthly minimum wage for a contract of ``uren_per_week`` hours (52 weeks / 12 months)."""
    return money(Decimal(wml_uur) * Decimal(uren_per_week) * 52 / 12)


@dataclass(frozen=True)
class Loonkostensubsidie:
    """Monthly loonkostensubsidie (art. 10d Participatiewet) with its calculation lines."""

    loon_incl_vakantiebijslag: Decimal
    basis: Decimal
    maximum: Decimal
    werkgeverslasten: Decimal
    bedrag: Decimal
    lines: tuple[str, ...]
    max_maanden: int | None = None


def loonkostensubsidie(
    *,
    wml_maand: Decimal,
    loonwaarde_pct: Decimal | None,
    vakantiebijslag_pct: Decimal,
    werkgeverslasten_pct: Decimal,
    max_pct: Decimal,
    zonder_loonwaarde_pct: Decimal,
    zonder_loonwaarde_maanden: int,
) -> Loonkostensubsidie:
    """Subsidy per month for an employee earning the WML for their hours.

    basis = (WML + vakantiebijslag) − loonwaarde × (WML + vakantiebijslag), at most ``max_pct`` (70%) of
    WML + vakantiebijslag; plus the werkgeverslasten allowance on top. Without a loonwaarde assessment:
    a fixed ``zonder_loonwaarde_pct`` (50%) for at most ``zonder_loonwaarde_maanden`` (6) months.
    """
    wml = Decimal(wml_maand)
    if wml <= 0:
        raise RuleViolation("lks_wml_ongeldig", "Het minimumloon moet groter dan nul zijn.", "hours_per_week")
    loon = money(wml * (HUNDRED + Decimal(vakantiebijslag_pct)) / HUNDRED)
    maximum = money(loon * Decimal(max_pct) / HUNDRED)
    lines = [f"WML € {money(wml)} + {vakantiebijslag_pct}% vakantiebijslag = € {loon}"]
    max_maanden = None
    if loonwaarde_pct is None:
        basis = money(loon * Decimal(zonder_loonwaarde_pct) / HUNDRED)
        max_maanden = int(zonder_loonwaarde_maanden)
        lines.append(
            f"geen loonwaardebepaling: {zonder_loonwaarde_pct}% = € {basis}, "
            f"ten hoogste {max_maanden} maanden"
        )
    else:
        loonwaarde = Decimal(loonwaarde_pct)
        if not ZERO <= loonwaarde < HUNDRED:
            raise RuleViolation(
                "lks_loonwaarde_ongeldig",
                "Loonkostensubsidie kan alleen bij een loonwaarde van 0 tot 100% van het WML.",
                "loonwaarde_pct",
            )
        basis = money(loon * (HUNDRED - loonwaarde) / HUNDRED)
        lines.append(f"loonwaarde {loonwaarde}%: € {loon} − € {money(loon - basis)} = € {basis}")
        if basis > maximum:
            lines.append(f"begrensd op {max_pct}% van WML + vakantiebijslag: € {maximum}")
            basis = maximum
    lasten = money(basis * Decimal(werkgeverslasten_pct) / HUNDRED)
    lines.append(f"werkgeverslasten {werkgeverslasten_pct}%: € {lasten}")
    bedrag = money(basis + lasten)
    lines.append(f"loonkostensubsidie per maand: € {bedrag}")
    return Loonkostensubsidie(loon, basis, maximum, lasten, bedrag, tuple(lines), max_maanden)


@dataclass(frozen=True)
class Premie:
    bedrag: Decimal
    reason: str


def participatiepremie(
    *, uren_per_week: Decimal, voldoende_meegewerkt: bool, premie: Decimal, min_uren: Decimal
) -> Premie:
    """Premium per 6 months of a participatieplaats (bijlage 2): € 150 at ≥ 18 h/week, with cooperation."""
    if Decimal(uren_per_week) < Decimal(min_uren):
        return Premie(
            money(0), f"geen premie: {uren_per_week} uur per week is minder dan {min_uren} uur per week"
        )
    if not voldoende_meegewerkt:
        return Premie(money(0), "geen premie: onvoldoende meegewerkt aan het vergroten van de kans op werk")
    return Premie(money(premie), f"premie € {money(premie)} per 6 maanden bij {uren_per_week} uur per week")


def vrijlating_medisch(
    *, inkomsten: Decimal, pct: Decimal, maximum: Decimal, andere_vrijlating_loopt: bool
) -> Decimal:
    """Monthly inkomstenvrijlating for a medische urenbeperking (art. 31 lid 2 y): pct of earnings, capped."""
    if andere_vrijlating_loopt:
        raise RuleViolation(
            "vrijlating_samenloop",
            "De vrijlating medische urenbeperking kan niet naast de vrijlating van 25% (6 maanden) of 12,5% "
            "(alleenstaande ouder) lopen; pas die eerst af.",
            "instrument",
        )
    if Decimal(inkomsten) < 0:
        raise RuleViolation("vrijlating_ongeldig", "Inkomsten kunnen niet negatief zijn.", "inkomsten")
    return money(min(Decimal(inkomsten) * Decimal(pct) / HUNDRED, Decimal(maximum)))


# --- Dates ---


def months_between(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end`` (0 when end is before start)."""
    if end <= start:
        return 0
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def benefit_months(periods: list[tuple[date, date | None]], on: date) -> int:
    """Months of benefit up to ``on`` from the dossiers' periods (overlapping dossiers counted once)."""
    spans = sorted((start, min(end or on, on)) for start, end in periods if start <= on)
    total, current = 0, None
    for start, end in spans:
        if current and start <= current[1]:
            current = (current[0], max(current[1], end))
            continue
        if current:
            total += months_between(*current)
        current = (start, end)
    if current:
        total += months_between(*current)
    return total


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


# --- Instruments: the catalogue and its conditions live in ``participation.instruments`` ---
_INSTRUMENT_NAMES = frozenset(
    {
        "Limits",
        "DeploymentFacts",
        "Condition",
        "Instrument",
        "ARBEIDSBEPERKING",
        "CATALOGUE",
        "INSTRUMENT_CHOICES",
        "TRAJECTORY_INSTRUMENT_CHOICES",
        "instrument",
        "instrument_allowed_for_group",
        "check_trajectory_period",
        "deployment_violations",
        "check_deployment",
    }
)


def __getattr__(name: str):
    """Re-export the instrument catalogue (``rules.CATALOGUE``, ``rules.check_deployment`` …) without a
    circular import: ``participation.instruments`` builds on the groups and dates above."""
    if name in _INSTRUMENT_NAMES:
        from participation import instruments

        return getattr(instruments, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
