"""The instrument catalogue of the Participatiewet and the conditions of deploying an instrument.

Pure rules, no database: which instruments exist, in which participation groups they may be used, the
conditions each one sets (age, arbeidsbeperking, loonwaarde …) and the group-2 maximum of simultaneous
instruments. The group suggestion and the amounts stay in ``participation.rules``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from almelo_sociaal.core.rules import RuleViolation
from participation.rules import GROUPS, HUNDRED, ZERO, add_months


@dataclass(frozen=True)
class Limits:
    """Policy limits the conditions use (from parameters; the defaults are the seed 002 values)."""

    max_instruments_group_2: int = 2
    participatieplaats_min_age: int = 27
    lks_zonder_loonwaarde_maanden: int = 6


@dataclass(frozen=True)
class DeploymentFacts:
    """The client and the planned trajectory, as a condition sees them."""

    group: int | None
    age: int | None
    start: date
    end: date | None
    hours_per_week: Decimal
    arbeidsbeperking: bool = False
    startkwalificatie: bool = False
    student: bool = False
    medisch_urenbeperkt: bool = False
    andere_vrijlating_loopt: bool = False
    loonwaarde_pct: Decimal | None = None
    active_instruments: tuple[str, ...] = ()  # codes of the client's trajectories overlapping the new one


@dataclass(frozen=True)
class Condition:
    text: str
    check: Callable[[Instrument, DeploymentFacts, Limits], RuleViolation | None]


@dataclass(frozen=True)
class Instrument:
    code: str
    name: str
    groups: frozenset[int]
    description: str
    conditions: tuple[Condition, ...] = ()
    counts_as_instrument: bool = True  # counts towards the group-2 maximum of simultaneous instruments
    trajectory: bool = True  # deployed here as a Trajectory (tegenprestatie lives in its own app)

    @property
    def groups_text(self) -> str:
        return ", ".join(str(g) for g in sorted(self.groups))


def _min_age(minimum: int, code: str):
    def check(instrument: Instrument, facts: DeploymentFacts, limits: Limits) -> RuleViolation | None:
        if facts.age is None:
            return RuleViolation(
                "leeftijd_onbekend", "De geboortedatum van de cliënt is niet bekend.", "instrument"
            )
        if facts.age < minimum:
            return RuleViolation(
                code,
                f"{instrument.name} kan pas vanaf {minimum} jaar; de cliënt is {facts.age} jaar.",
                "instrument",
            )
        return None

    return check


def _participatieplaats_age(instrument: Instrument, facts: DeploymentFacts, limits: Limits):
    return _min_age(limits.participatieplaats_min_age, "leeftijd_participatieplaats")(
        instrument, facts, limits
    )


def _requires(flag: str, code: str, message: str):
    def check(instrument: Instrument, facts: DeploymentFacts, limits: Limits) -> RuleViolation | None:
        if not getattr(facts, flag):
            return RuleViolation(code, message.format(name=instrument.name), "instrument")
        return None

    return check


def _leerwerk_age(instrument: Instrument, facts: DeploymentFacts, limits: Limits) -> RuleViolation | None:
    if facts.age is None:
        return RuleViolation(
            "leeftijd_onbekend", "De geboortedatum van de cliënt is niet bekend.", "instrument"
        )
    if not 16 <= facts.age < 27:
        return RuleViolation(
            "leeftijd_leerwerktraject",
            f"{instrument.name} is voor jongeren van 16 tot 27 jaar; de cliënt is {facts.age} jaar.",
            "instrument",
        )
    if facts.startkwalificatie:
        return RuleViolation(
            "startkwalificatie_aanwezig",
            f"{instrument.name} is alleen voor jongeren zonder startkwalificatie.",
            "instrument",
        )
    return None


def _no_other_vrijlating(instrument: Instrument, facts: DeploymentFacts, limits: Limits):
    if facts.andere_vrijlating_loopt:
        return RuleViolation(
            "vrijlating_samenloop",
            "De vrijlating medische urenbeperking kan niet naast de vrijlating van 25% (6 maanden) of 12,5% "
            "(alleenstaande ouder) lopen; pas die eerst af.",
            "instrument",
        )
    return None


def _lks_loonwaarde(instrument: Instrument, facts: DeploymentFacts, limits: Limits) -> RuleViolation | None:
    if facts.loonwaarde_pct is not None:
        if not ZERO <= Decimal(facts.loonwaarde_pct) < HUNDRED:
            return RuleViolation(
                "lks_loonwaarde_ongeldig",
                "Loonkostensubsidie kan alleen bij een loonwaarde van 0 tot 100% van het WML.",
                "loonwaarde_pct",
            )
        return None
    months = limits.lks_zonder_loonwaarde_maanden
    if facts.end is None or facts.end > add_months(facts.start, months):
        return RuleViolation(
            "lks_zonder_loonwaarde_te_lang",
            f"Zonder loonwaardebepaling is loonkostensubsidie (50%) ten hoogste {months} maanden mogelijk; "
            f"vul de loonwaarde in of kies een einddatum tot en met "
            f"{add_months(facts.start, months):%d-%m-%Y}.",
            "end",
        )
    return None


ARBEIDSBEPERKING = Condition(
    "alleen bij een arbeidsbeperking",
    _requires(
        "arbeidsbeperking",
        "arbeidsbeperking_vereist",
        "{name} is alleen voor cliënten met een arbeidsbeperking.",
    ),
)

CATALOGUE: tuple[Instrument, ...] = (
    Instrument(
        "beschut_werk",
        "Beschut werk",
        frozenset({3}),
        "Loonvormende arbeid in een beschermde werkomgeving, na indicatie door het UWV.",
        (ARBEIDSBEPERKING,),
    ),
    Instrument(
        "jobcoaching",
        "Jobcoaching",
        frozenset({0, 1, 2}),
        "Begeleiding op de werkplek bij de toeleiding naar en het behoud van werk.",
        (ARBEIDSBEPERKING,),
    ),
    Instrument(
        "garantiebaan",
        "Garantiebaan",
        frozenset({0, 1, 2}),
        "Baan uit de banenafspraak voor mensen met een arbeidsbeperking (doelgroepregister).",
        (ARBEIDSBEPERKING,),
    ),
    Instrument(
        "loonkostensubsidie",
        "Loonkostensubsidie",
        frozenset({0, 1, 2}),
        "Compensatie voor de werkgever: WML − loonwaarde + werkgeverslasten, ten hoogste 70% van het WML.",
        (
            Condition(
                "loonwaarde onder 100%; zonder loonwaardebepaling 50% voor ten hoogste 6 maanden",
                _lks_loonwaarde,
            ),
        ),
    ),
    Instrument(
        "participatieplaats",
        "Participatieplaats",
        frozenset({3}),
        "Onbeloonde additionele werkzaamheden (art. 10a); premie € 150 per 6 maanden bij 18 uur of meer.",
        (Condition("vanaf 27 jaar", _participatieplaats_age),),
    ),
    Instrument(
        "studietoeslag",
        "Individuele studietoeslag",
        frozenset({0, 1, 2}),
        "Toeslag voor studenten met een arbeidsbeperking die niet of moeilijk een bijbaan kunnen hebben.",
        (
            ARBEIDSBEPERKING,
            Condition("vanaf 18 jaar", _min_age(18, "leeftijd_studietoeslag")),
            Condition(
                "alleen voor studenten",
                _requires(
                    "student", "student_vereist", "{name} is alleen voor studenten (studiefinanciering/WTOS)."
                ),
            ),
        ),
        counts_as_instrument=False,
    ),
    Instrument(
        "leerwerktraject",
        "Ondersteuning leerwerktraject",
        frozenset({0, 1, 2, 3}),
        "Ondersteuning van jongeren die een leerwerktraject niet zelfstandig kunnen afronden.",
        (Condition("16 tot 27 jaar, zonder startkwalificatie", _leerwerk_age),),
    ),
    Instrument(
        "vrijlating_medisch",
        "Inkomstenvrijlating medische urenbeperking",
        frozenset({0, 1, 2, 3, 4}),
        "15% van de inkomsten uit arbeid vrijgelaten, tot het maximum per maand (parameter).",
        (
            Condition(
                "alleen bij een medische urenbeperking",
                _requires(
                    "medisch_urenbeperkt",
                    "medische_urenbeperking_vereist",
                    "{name} kan alleen bij een vastgestelde medische urenbeperking.",
                ),
            ),
            Condition("niet naast de vrijlating 25% of 12,5%", _no_other_vrijlating),
        ),
        counts_as_instrument=False,
    ),
    Instrument(
        "scholing", "Scholing en training", frozenset({1, 2}), "Opleiding, certificaten, skills-training."
    ),
    Instrument(
        "werkervaringsplek", "Werkervaringsplek", frozenset({1, 2}), "Werkervaring opdoen bij een werkgever."
    ),
    Instrument(
        "proefplaatsing", "Proefplaatsing", frozenset({1, 2}), "Proefperiode met behoud van uitkering."
    ),
    Instrument(
        "praktijkassessment",
        "Praktijkassessment / werkfit-traject",
        frozenset({1, 2}),
        "Werknemersvaardigheden leren en onderzoeken waar interesses en talenten liggen.",
    ),
    Instrument(
        "sociale_activering",
        "Sociale activering",
        frozenset({3, 4}),
        "Dagstructuur en sociale contacten opbouwen.",
    ),
    Instrument("dagbesteding", "Dagbesteding", frozenset({4}), "(Arbeidsmatige) dagbesteding."),
    Instrument(
        "taalles",
        "Taalles",
        frozenset(GROUPS),
        "Nederlands op minimaal niveau 1F (Taaleis, art. 18b), of hoger als het werk dat vraagt.",
    ),
    Instrument(
        "tegenprestatie",
        "Tegenprestatie",
        frozenset({1, 2, 3}),
        "Onbeloonde maatschappelijk nuttige activiteit; vastgelegd in de module Tegenprestatie.",
        trajectory=False,
    ),
)

_BY_CODE = {i.code: i for i in CATALOGUE}
INSTRUMENT_CHOICES = [(i.code, i.name) for i in CATALOGUE]
TRAJECTORY_INSTRUMENT_CHOICES = [(i.code, i.name) for i in CATALOGUE if i.trajectory]


def instrument(code: str) -> Instrument:
    try:
        return _BY_CODE[code]
    except KeyError:
        raise RuleViolation("instrument_onbekend", f"Onbekend instrument: {code!r}.", "instrument") from None


def instrument_allowed_for_group(code: str, group: int | None) -> bool:
    return code in _BY_CODE and group is not None and group in _BY_CODE[code].groups


def check_trajectory_period(*, start: date, end: date | None, hours_per_week: Decimal) -> None:
    if end is not None and end < start:
        raise RuleViolation("einde_voor_start", "De einddatum ligt vóór de startdatum.", "end")
    hours = Decimal(hours_per_week)
    if hours < 0 or hours > 40:
        raise RuleViolation("uren_ongeldig", "Uren per week moeten tussen 0 en 40 liggen.", "hours_per_week")


def deployment_violations(
    code: str, facts: DeploymentFacts, limits: Limits | None = None
) -> list[RuleViolation]:
    """Every condition the deployment breaks (empty list: allowed)."""
    limits = limits or Limits()
    item = instrument(code)
    if not item.trajectory:
        return [
            RuleViolation(
                "instrument_elders",
                f"{item.name} wordt niet als traject ingezet maar in de eigen module vastgelegd.",
                "instrument",
            )
        ]
    if facts.group is None:
        return [
            RuleViolation(
                "geen_groep",
                "Leg eerst een participatiegroep vast voordat u een instrument inzet.",
                "instrument",
            )
        ]
    found: list[RuleViolation] = []
    if facts.group not in item.groups:
        found.append(
            RuleViolation(
                "groep_niet_toegestaan",
                f"{item.name} is niet toegestaan in groep {facts.group} (wel in groep {item.groups_text}).",
                "instrument",
            )
        )
    if code in facts.active_instruments:
        found.append(
            RuleViolation(
                "instrument_loopt_al", f"{item.name} loopt al voor deze cliënt in deze periode.", "instrument"
            )
        )
    if facts.group == 2 and item.counts_as_instrument:
        counted = [c for c in facts.active_instruments if c in _BY_CODE and _BY_CODE[c].counts_as_instrument]
        if len(counted) >= limits.max_instruments_group_2:
            names = ", ".join(_BY_CODE[c].name.lower() for c in counted)
            found.append(
                RuleViolation(
                    "max_instrumenten_groep_2",
                    f"In groep 2 lopen ten hoogste {limits.max_instruments_group_2} instrumenten tegelijk; "
                    f"er lopen er al {len(counted)} ({names}).",
                    "instrument",
                )
            )
    for condition in item.conditions:
        violation = condition.check(item, facts, limits)
        if violation is not None:
            found.append(violation)
    return found


def check_deployment(code: str, facts: DeploymentFacts, limits: Limits | None = None) -> None:
    """Refuse a deployment that breaks a condition (the first one found)."""
    check_trajectory_period(start=facts.start, end=facts.end, hours_per_week=facts.hours_per_week)
    violations = deployment_violations(code, facts, limits)
    if violations:
        raise violations[0]
