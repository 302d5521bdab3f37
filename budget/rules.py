"""Pure BUIG budget rules: revision comparisons, forecasts, tekort and the vangnet estimate.

No database, no Django models: every function takes plain values (``Decimal``, ``date``, small frozen
dataclasses) and returns plain values, so the pages, the API, the Excel export and the recompute job
all get the same figures.

Rounding rule (stated once, tested in ``tests/budget/test_rules.py``):

* money is rounded to whole cents, half up (``money()``), after the full-precision calculation;
* a percentage is ``(new - old) / old * 100`` rounded to 2 decimals, half up (``pct()``), computed from
  the unrounded quotient, never from an already rounded percentage;
* intermediate results keep full ``Decimal`` precision; only the figure shown or stored is rounded.

Sign convention: ``tekort`` is positive when the net lasten exceed the budget, negative for an overschot.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from almelo_sociaal.core.rules import RuleViolation, format_euro, money

ZERO = Decimal("0")
HUNDRED = Decimal("100")
TWELVE = Decimal("12")
PERCENT_QUANTUM = Decimal("0.01")

# What the stored figures can hold, so that no accepted input makes a stored or serialized figure overflow:
# * AMOUNT_LIMIT: a money field (``DecimalField(max_digits=14, decimal_places=2)``) holds |x| < 10**12;
# * FIGURE_LIMIT: a budget or a forecast's lasten stays below half of that, so the difference of any two
#   (a change in euros, a tekort) fits a money field too;
# * a percentage between two stored amounts (at least € 0,01) is below 10**12 / 0,01 × 100 = 10**16 in absolute
#   value: 16 digits before the decimal point and 2 after (PERCENT_MAX_DIGITS), whatever is stored.
AMOUNT_LIMIT = Decimal("1000000000000")
FIGURE_LIMIT = AMOUNT_LIMIT / 2
PERCENT_MAX_DIGITS = 18
CHANGE_MAX_DIGITS = 15  # euros between two stored amounts: |a - b| < 2 × 10**12

# Revision kinds, in the order the Rijk publishes them within a budget year.
VOORLOPIG = "voorlopig"
NADER_VOORLOPIG = "nader_voorlopig"
DEFINITIEF = "definitief"
BIJSTELLING = "bijstelling"
KIND_ORDER = {VOORLOPIG: 1, NADER_VOORLOPIG: 2, DEFINITIEF: 3, BIJSTELLING: 4}
KIND_LABELS = {
    VOORLOPIG: "Voorlopig",
    NADER_VOORLOPIG: "Nader voorlopig",
    DEFINITIEF: "Definitief",
    BIJSTELLING: "Bijstelling",
}
# Kinds of which a year has at most one (not counting corrections); bijstellingen may repeat.
SINGLE_KINDS = (VOORLOPIG, NADER_VOORLOPIG, DEFINITIEF)


# --------------------------------------------------------------------------------------------------
# Rounding
# --------------------------------------------------------------------------------------------------
def pct(part: Decimal, whole: Decimal) -> Decimal:
    """``part / whole * 100``, rounded to 2 decimals half up. ``whole`` must not be zero."""
    if whole == ZERO:
        raise RuleViolation("deling_door_nul", "Een percentage van een bedrag van € 0 bestaat niet.")
    return (Decimal(part) / Decimal(whole) * HUNDRED).quantize(PERCENT_QUANTUM, rounding=ROUND_HALF_UP)


def percent_change(old: Decimal | None, new: Decimal) -> Decimal | None:
    """Change from ``old`` to ``new`` in %, 2 decimals half up; ``None`` when there is no (non-zero) base."""
    if old is None or Decimal(old) == ZERO:
        return None
    return pct(Decimal(new) - Decimal(old), Decimal(old))


def format_pct(value: Decimal | None, *, signed: bool = True) -> str:
    """Dutch notation: ``-9,63%``, ``+7,59%``; an em dash when there is no value."""
    if value is None:
        return "—"
    q = Decimal(value).quantize(PERCENT_QUANTUM, rounding=ROUND_HALF_UP)
    sign = "+" if signed and q > 0 else ""
    return f"{sign}{q}".replace(".", ",") + "%"


@dataclass(frozen=True)
class Change:
    """A change between two amounts: euros (cents, half up) and % (2 decimals, half up)."""

    base: Decimal
    amount: Decimal
    eur: Decimal
    pct: Decimal | None

    @classmethod
    def between(cls, base: Decimal, amount: Decimal) -> Change:
        return cls(
            base=Decimal(base),
            amount=Decimal(amount),
            eur=money(Decimal(amount) - Decimal(base)),
            pct=percent_change(base, amount),
        )


# --------------------------------------------------------------------------------------------------
# Revisions
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RevisionEntry:
    """One ledger line as entered (append-only). ``corrects`` is the id of the entry it corrects."""

    id: int
    year: int
    kind: str
    amount: Decimal
    published_on: date
    corrects: int | None = None


@dataclass(frozen=True)
class RevisionComparison:
    """An effective revision with its changes (``entry`` is the latest correction when corrected)."""

    entry: RevisionEntry
    original_id: int
    corrected: bool
    previous: RevisionEntry | None
    vs_previous: Change | None
    previous_year_definitief: Decimal | None
    vs_previous_year_definitief: Change | None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.entry.kind, self.entry.kind)


def revision_sort_key(entry: RevisionEntry) -> tuple:
    return (entry.year, KIND_ORDER.get(entry.kind, 99), entry.published_on, entry.id)


def effective_revisions(entries: Iterable[RevisionEntry]) -> list[tuple[RevisionEntry, int]]:
    """The entries in force: every chain of corrections collapses to its last link.

    Returns ``(effective_entry, original_id)`` pairs in publication order (year, kind, date). The effective
    entry of a chain takes the place (kind, order) of the original it corrects.
    """
    entries = list(entries)
    by_id = {e.id: e for e in entries}
    corrected_ids = {e.corrects for e in entries if e.corrects is not None}
    result = []
    for entry in entries:
        if entry.corrects is not None:
            continue  # a correction is placed at its original
        current, seen = entry, {entry.id}
        while current.id in corrected_ids:
            nxt = next((e for e in entries if e.corrects == current.id), None)
            if nxt is None or nxt.id in seen:  # pragma: no cover - guarded by the unique constraint
                break
            seen.add(nxt.id)
            current = nxt
        result.append((current, entry.id))
    result.sort(key=lambda pair: revision_sort_key(by_id[pair[1]]))
    return result


def compare_revisions(
    entries: Iterable[RevisionEntry], *, previous_year_definitief: Decimal | None
) -> list[RevisionComparison]:
    """Each effective revision of one year against the previous revision of that year and against the
    previous year's definitief budget (the first revision of a year has no previous revision)."""
    comparisons: list[RevisionComparison] = []
    previous: RevisionEntry | None = None
    for effective, original_id in effective_revisions(entries):
        comparisons.append(
            RevisionComparison(
                entry=effective,
                original_id=original_id,
                corrected=effective.id != original_id,
                previous=previous,
                vs_previous=Change.between(previous.amount, effective.amount) if previous else None,
                previous_year_definitief=previous_year_definitief,
                vs_previous_year_definitief=(
                    Change.between(previous_year_definitief, effective.amount)
                    if previous_year_definitief is not None
                    else None
                ),
            )
        )
        previous = effective
    return comparisons


def definitief_amount(entries: Iterable[RevisionEntry]) -> Decimal | None:
    """The effective definitief budget of a year, or ``None`` while it is not yet published."""
    for effective, _ in effective_revisions(entries):
        if effective.kind == DEFINITIEF:
            return effective.amount
    return None


def latest_amount(entries: Iterable[RevisionEntry]) -> tuple[str, Decimal] | None:
    """The kind and amount of the latest effective revision (what the year's budget is now)."""
    effective = effective_revisions(entries)
    if not effective:
        return None
    entry = effective[-1][0]
    return entry.kind, entry.amount


@dataclass(frozen=True)
class TimelinePoint:
    year: int
    kind: str
    amount: Decimal
    published_on: date
    vs_previous_point: Change | None

    @property
    def label(self) -> str:
        return f"{KIND_LABELS.get(self.kind, self.kind)} {self.year}"


def revision_timeline(entries_by_year: Mapping[int, Iterable[RevisionEntry]]) -> list[TimelinePoint]:
    """All effective revisions over the years as one line, each point against the point before it
    (so a voorlopig budget is compared with the previous year's last revision, normally its definitief)."""
    points: list[TimelinePoint] = []
    previous: Decimal | None = None
    for year in sorted(entries_by_year):
        for effective, _ in effective_revisions(entries_by_year[year]):
            points.append(
                TimelinePoint(
                    year=year,
                    kind=effective.kind,
                    amount=effective.amount,
                    published_on=effective.published_on,
                    vs_previous_point=Change.between(previous, effective.amount)
                    if previous is not None
                    else None,
                )
            )
            previous = effective.amount
    return points


def check_new_revision(
    *,
    year: int,
    kind: str,
    amount: Decimal,
    published_on: date,
    existing: Iterable[RevisionEntry],
    today: date,
) -> None:
    """Refuse a new (non-correction) revision that the ledger cannot take."""
    if kind not in KIND_ORDER:
        raise RuleViolation("soort_onbekend", "Kies een soort bijstelling.", "kind")
    check_amount(amount)
    check_published_on(year=year, published_on=published_on, today=today)
    if kind in SINGLE_KINDS and any(e.kind == kind and e.corrects is None for e in existing):
        raise RuleViolation(
            "soort_bestaat_al",
            f"Voor {year} is al een {KIND_LABELS[kind].lower()} budget vastgelegd. "
            "Is het bedrag onjuist, leg dan een correctie vast.",
            "kind",
        )


def check_kind_order(
    *, year: int, kind: str, published_on: date, existing: Iterable[RevisionEntry], note: str
) -> None:
    """Within a year the publication dates follow the kinds: voorlopig, then nader voorlopig, then definitief
    (equal dates are fine). An entry out of that order is accepted only with its explanation in the note."""
    if kind not in SINGLE_KINDS or (note or "").strip():
        return
    for entry, _original in effective_revisions(existing):
        if entry.year != year or entry.kind not in SINGLE_KINDS or entry.kind == kind:
            continue
        other = KIND_LABELS[entry.kind].lower()
        if KIND_ORDER[entry.kind] < KIND_ORDER[kind] and published_on < entry.published_on:
            where = "vóór"
        elif KIND_ORDER[entry.kind] > KIND_ORDER[kind] and published_on > entry.published_on:
            where = "na"
        else:
            continue
        raise RuleViolation(
            "datum_volgorde",
            f"De publicatiedatum ({published_on:%d-%m-%Y}) ligt {where} die van het {other} budget {year} "
            f"({entry.published_on:%d-%m-%Y}); de soorten volgen elkaar op (voorlopig, nader voorlopig, "
            "definitief). Klopt de datum toch, licht de uitzondering dan toe in de toelichting.",
            "published_on",
        )


def check_correction(
    *, target: RevisionEntry, amount: Decimal, reason: str, existing: Iterable[RevisionEntry]
) -> None:
    """Refuse a correction that does not correct the entry in force, has no reason, or changes nothing."""
    if any(e.corrects == target.id for e in existing):
        raise RuleViolation(
            "al_gecorrigeerd",
            "Deze regel is al gecorrigeerd; corrigeer de laatste correctie.",
            "corrects",
        )
    if not (reason or "").strip():
        raise RuleViolation("reden_verplicht", "Geef de reden van de correctie.", "reason")
    check_amount(amount)


def fits_figure(value: Decimal) -> bool:
    """True when ``value`` is a budget or lasten figure the product can store and compare (see FIGURE_LIMIT)."""
    return Decimal(value).is_finite() and abs(Decimal(value)) < FIGURE_LIMIT


def check_amount(amount: Decimal) -> None:
    if amount is None or Decimal(amount) <= ZERO:
        raise RuleViolation("bedrag_niet_positief", "Het budget moet groter zijn dan € 0.", "amount")
    if not fits_figure(amount):
        raise RuleViolation(
            "bedrag_te_groot",
            f"Het budget kan niet hoger zijn dan {format_euro(FIGURE_LIMIT - Decimal('0.01'))}.",
            "amount",
        )
    if Decimal(amount) != money(amount):
        raise RuleViolation("bedrag_centen", "Geef het bedrag in hele centen.", "amount")


def check_published_on(*, year: int, published_on: date, today: date) -> None:
    if published_on > today:
        raise RuleViolation(
            "datum_toekomst", "De publicatiedatum kan niet in de toekomst liggen.", "published_on"
        )
    if not (year - 2 <= published_on.year <= year + 3):
        raise RuleViolation(
            "datum_buiten_jaar",
            f"De publicatiedatum moet tussen 1 januari {year - 2} en 31 december {year + 3} liggen.",
            "published_on",
        )


def check_bezwaar(*, bezwaar: bool, bezwaar_on: date | None, published_on: date, today: date) -> None:
    """A pro-forma bezwaar has a date on or after the publication and not in the future."""
    if bezwaar and bezwaar_on is None:
        raise RuleViolation("bezwaar_datum", "Geef de datum van het pro-forma bezwaar.", "bezwaar_on")
    if not bezwaar and bezwaar_on is not None:
        raise RuleViolation(
            "bezwaar_datum_zonder_bezwaar", "Een bezwaardatum hoort bij een pro-forma bezwaar.", "bezwaar_on"
        )
    if bezwaar_on is not None and bezwaar_on < published_on:
        raise RuleViolation(
            "bezwaar_voor_publicatie", "Het bezwaar kan niet vóór de publicatiedatum liggen.", "bezwaar_on"
        )
    if bezwaar_on is not None and bezwaar_on > today:
        raise RuleViolation(
            "bezwaar_toekomst", "De bezwaardatum kan niet in de toekomst liggen.", "bezwaar_on"
        )


# --------------------------------------------------------------------------------------------------
# Realisation
# --------------------------------------------------------------------------------------------------
# Posts of the realisation ledger: lasten add to the net lasten, baten reduce them.
LASTEN_POSTS = ("algemene_bijstand", "ioaw", "ioaz", "bbz_levensonderhoud", "loonkostensubsidie")
BATEN_POSTS = ("terugvordering_verhaal",)


def net_lasten(amounts_by_post: Mapping[str, Decimal]) -> Decimal:
    """Uitkeringslasten + loonkostensubsidie − baten (terugvordering/verhaal)."""
    lasten = sum((Decimal(amounts_by_post.get(p, ZERO)) for p in LASTEN_POSTS), ZERO)
    baten = sum((Decimal(amounts_by_post.get(p, ZERO)) for p in BATEN_POSTS), ZERO)
    return money(lasten - baten)


def cumulative(values: Sequence[Decimal]) -> list[Decimal]:
    total, out = ZERO, []
    for v in values:
        total += Decimal(v)
        out.append(money(total))
    return out


def budget_line(budget: Decimal, months: int = 12) -> list[Decimal]:
    """The budget spread evenly over the months, cumulative (month 12 equals the budget exactly)."""
    return [money(Decimal(budget) * m / TWELVE) for m in range(1, months + 1)]


def check_realisation_entry(
    *, year: int, month: date, post: str, amount: Decimal, posts: Iterable[str]
) -> None:
    if post not in set(posts):
        raise RuleViolation("post_onbekend", "Kies een post.", "post")
    if month.year != year:
        raise RuleViolation("maand_buiten_jaar", f"De maand moet in {year} liggen.", "month")
    if amount is None or Decimal(amount) == ZERO:
        raise RuleViolation("bedrag_nul", "Het bedrag mag niet € 0 zijn.", "amount")
    if Decimal(amount) < ZERO:
        raise RuleViolation(
            "bedrag_negatief",
            "Een bedrag is positief; draai een onjuiste regel terug met een tegenboeking.",
            "amount",
        )
    if Decimal(amount) >= AMOUNT_LIMIT:
        raise RuleViolation(
            "bedrag_te_groot",
            f"Een bedrag kan niet hoger zijn dan {format_euro(AMOUNT_LIMIT - Decimal('0.01'))}.",
            "amount",
        )
    if Decimal(amount) != money(amount):
        raise RuleViolation("bedrag_centen", "Geef het bedrag in hele centen.", "amount")


def check_reversal(*, already_reversed: bool, is_reversal: bool, reason: str) -> None:
    if is_reversal:
        raise RuleViolation(
            "tegenboeking_van_tegenboeking", "Een tegenboeking kan niet worden teruggedraaid."
        )
    if already_reversed:
        raise RuleViolation("al_teruggedraaid", "Deze regel is al teruggedraaid.")
    if not (reason or "").strip():
        raise RuleViolation("reden_verplicht", "Geef de reden van de tegenboeking.", "reason")


# --------------------------------------------------------------------------------------------------
# Forecast and tekort
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Saldo:
    """Net lasten against a budget. ``tekort`` > 0 is a deficit, < 0 an overschot."""

    budget: Decimal
    lasten: Decimal
    tekort: Decimal
    tekort_pct: Decimal | None

    @property
    def is_tekort(self) -> bool:
        return self.tekort > ZERO

    @property
    def label(self) -> str:
        if self.tekort > ZERO:
            return "tekort"
        if self.tekort < ZERO:
            return "overschot"
        return "sluitend"


def saldo(*, budget: Decimal, lasten: Decimal) -> Saldo:
    budget, lasten = Decimal(budget), Decimal(lasten)
    tekort = money(lasten - budget)
    return Saldo(
        budget=money(budget),
        lasten=money(lasten),
        tekort=tekort,
        tekort_pct=pct(lasten - budget, budget) if budget != ZERO else None,
    )


@dataclass(frozen=True)
class Forecast:
    method: str  # "caseload" | "extrapolatie"
    scenario: str
    lasten: Decimal
    working: tuple[str, ...]
    caseload: int | None = None
    cost_per_uitkering: Decimal | None = None
    inputs: Mapping[str, str] = field(default_factory=dict)


def grow(value: Decimal, growth_pct: Decimal) -> Decimal:
    return Decimal(value) * (HUNDRED + Decimal(growth_pct)) / HUNDRED


def caseload_forecast(
    *,
    scenario: str,
    active_dossiers: int,
    cost_per_uitkering: Decimal,
    caseload_growth_pct: Decimal = ZERO,
    cost_growth_pct: Decimal = ZERO,
) -> Forecast:
    """Uitkeringen × cost per uitkering with growth scenarios (e.g. 2,900 × € 15,000 = € 43,500,000).

    The expected caseload is rounded to whole uitkeringen (half up), the cost per uitkering to cents.
    """
    if active_dossiers < 0:
        raise RuleViolation("caseload_negatief", "Het aantal uitkeringen kan niet negatief zijn.", "caseload")
    if Decimal(cost_per_uitkering) <= ZERO:
        raise RuleViolation("kosten_niet_positief", "De kosten per uitkering moeten groter zijn dan € 0.")
    for name, g in (("caseload_growth_pct", caseload_growth_pct), ("cost_growth_pct", cost_growth_pct)):
        if Decimal(g) <= -HUNDRED:
            raise RuleViolation("groei_te_laag", "Een krimp van 100% of meer is geen scenario.", name)
    caseload = int(grow(Decimal(active_dossiers), caseload_growth_pct).quantize(Decimal("1"), ROUND_HALF_UP))
    cost = money(grow(cost_per_uitkering, cost_growth_pct))
    lasten = money(caseload * cost)
    check_forecast_lasten(cost)
    check_forecast_lasten(lasten)
    working = (
        f"Uitkeringen: {active_dossiers:,} × (1 {_signed(caseload_growth_pct)}%) = {caseload:,}".replace(
            ",", "."
        ),
        f"Kosten per uitkering: {format_euro(cost_per_uitkering)} × (1 {_signed(cost_growth_pct)}%) "
        f"= {format_euro(cost)}",
        f"Verwachte lasten: {caseload:,}".replace(",", ".")
        + f" × {format_euro(cost)} = {format_euro(lasten)}",
    )
    return Forecast(
        method="caseload",
        scenario=scenario,
        lasten=lasten,
        working=working,
        caseload=caseload,
        cost_per_uitkering=cost,
        inputs={
            "uitkeringen": str(active_dossiers),
            "caseload_groei_pct": str(caseload_growth_pct),
            "kosten_groei_pct": str(cost_growth_pct),
            "kosten_per_uitkering": str(cost_per_uitkering),
        },
    )


def check_forecast_lasten(lasten: Decimal) -> None:
    """A forecast figure outside what the product can store and compare is refused, not stored half."""
    if not fits_figure(lasten):
        raise RuleViolation(
            "prognose_te_groot",
            f"De berekende prognose ({format_euro(lasten)}) is groter dan "
            f"{format_euro(FIGURE_LIMIT - Decimal('0.01'))}: controleer de realisatie en de parameters.",
        )


def _signed(value: Decimal) -> str:
    v = Decimal(value)
    return f"− {abs(v)}".replace(".", ",") if v < 0 else f"+ {v}".replace(".", ",")


def extrapolation_forecast(*, monthly_net_lasten: Mapping[int, Decimal]) -> Forecast | None:
    """Realisation to date extrapolated to twelve months: sum of months 1..m × 12 / m.

    ``m`` is the last month with an entry; months before it without entries count as € 0 (a gap is
    shown as such, not filled in). ``None`` when nothing has been realised yet.
    """
    months = [m for m in monthly_net_lasten if Decimal(monthly_net_lasten[m]) != ZERO]
    if not months:
        return None
    if any(not 1 <= m <= 12 for m in monthly_net_lasten):
        raise RuleViolation("maand_ongeldig", "Een maand ligt tussen 1 en 12.")
    last = max(months)
    to_date = sum((Decimal(monthly_net_lasten.get(m, ZERO)) for m in range(1, last + 1)), ZERO)
    lasten = money(to_date * TWELVE / last)
    check_forecast_lasten(lasten)
    working = (
        f"Gerealiseerd januari t/m {MONTH_NAMES[last]}: {format_euro(to_date)}",
        f"Doorgetrokken naar 12 maanden: {format_euro(to_date)} × 12 / {last} = {format_euro(lasten)}",
    )
    return Forecast(
        method="extrapolatie",
        scenario="realisatie",
        lasten=lasten,
        working=working,
        inputs={"maanden": str(last), "gerealiseerd": str(money(to_date))},
    )


MONTH_NAMES = {
    1: "januari",
    2: "februari",
    3: "maart",
    4: "april",
    5: "mei",
    6: "juni",
    7: "juli",
    8: "augustus",
    9: "september",
    10: "oktober",
    11: "november",
    12: "december",
}


# --------------------------------------------------------------------------------------------------
# Vangnet
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class VangnetBand:
    """Compensation of ``share_pct`` of the tekort between ``from_pct`` and ``to_pct`` (None = no upper
    limit), both as % of the budget."""

    from_pct: Decimal
    to_pct: Decimal | None
    share_pct: Decimal


@dataclass(frozen=True)
class VangnetConfig:
    """The vangnet rules of one year (configuration by finance/beheer, never constants)."""

    year: int
    eigen_risico_pct: Decimal
    bands: tuple[VangnetBand, ...]
    multiyear_years: int = 0  # 3 = cumulative tekort over t−2..t; 0 = no multi-year condition
    multiyear_threshold_pct: Decimal | None = None
    extended_threshold_pct: Decimal | None = None  # e.g. 5 (2025 extended vangnet); None = no extension
    extended_reference_from: int | None = None  # e.g. 2022
    extended_reference_to: int | None = None  # e.g. 2024
    extended_min_years: int | None = None  # e.g. 2 (of the reference years above the threshold)
    extended_bands: tuple[VangnetBand, ...] = ()


@dataclass(frozen=True)
class YearFigures:
    """Definitief (or latest) budget and net lasten of a year; ``budget_kind`` says which revision."""

    year: int
    budget: Decimal
    lasten: Decimal
    budget_kind: str = DEFINITIEF


@dataclass(frozen=True)
class Condition:
    code: str
    description: str
    met: bool | None  # None: cannot be judged (figures missing)
    detail: str


@dataclass(frozen=True)
class VangnetEstimate:
    year: int
    saldo: Saldo
    conditions: tuple[Condition, ...]
    regular_compensation: Decimal
    extended_compensation: Decimal
    compensation: Decimal
    eigen_risico: Decimal
    working: tuple[str, ...]
    provisional: bool  # budget is not (yet) the definitief one, or a condition could not be judged
    applied: str  # "regulier" | "uitgebreid" | "geen"

    @property
    def net_tekort(self) -> Decimal:
        """Tekort after the vangnet compensation (what stays for the municipality)."""
        return money(self.saldo.tekort - self.compensation)


def check_vangnet_config(config: VangnetConfig) -> None:
    """The bands must be ordered, start at or above the eigen risico and not overlap."""
    if not ZERO <= Decimal(config.eigen_risico_pct) < HUNDRED:
        raise RuleViolation(
            "eigen_risico_ongeldig", "Het eigen risico ligt tussen 0% en 100%.", "eigen_risico_pct"
        )
    _check_bands(config.bands, start=Decimal(config.eigen_risico_pct), field="bands")
    if config.multiyear_years and (config.multiyear_years < 2 or config.multiyear_threshold_pct is None):
        raise RuleViolation(
            "meerjarig_onvolledig",
            "Een meerjarige toets heeft minstens 2 jaren en een drempel.",
            "multiyear_threshold_pct",
        )
    if config.extended_threshold_pct is not None:
        missing = None in (
            config.extended_reference_from,
            config.extended_reference_to,
            config.extended_min_years,
        )
        if missing or not config.extended_bands:
            raise RuleViolation(
                "uitbreiding_onvolledig",
                "Het uitgebreide vangnet heeft referentiejaren, een minimum aantal jaren en schijven nodig.",
                "extended_threshold_pct",
            )
        if not config.extended_reference_from <= config.extended_reference_to < config.year:
            raise RuleViolation(
                "uitbreiding_jaren",
                "De referentiejaren van het uitgebreide vangnet liggen vóór het vangnetjaar.",
                "extended_reference_from",
            )
        span = config.extended_reference_to - config.extended_reference_from + 1
        if not 1 <= config.extended_min_years <= span:
            raise RuleViolation(
                "uitbreiding_min_jaren",
                f"Het minimum aantal jaren ligt tussen 1 en {span}.",
                "extended_min_years",
            )
        _check_bands(
            config.extended_bands, start=Decimal(config.extended_threshold_pct), field="extended_bands"
        )


def _check_bands(bands: Sequence[VangnetBand], *, start: Decimal, field: str) -> None:
    previous_to: Decimal | None = start
    for i, band in enumerate(bands):
        if previous_to is None:
            raise RuleViolation(
                "schijf_na_open", "Na een schijf zonder bovengrens kan geen schijf meer komen.", field
            )
        if Decimal(band.from_pct) < previous_to:
            raise RuleViolation(
                "schijf_overlapt",
                f"Schijf {i + 1} begint onder {format_pct(previous_to, signed=False)} "
                "(eigen risico of einde vorige schijf).",
                field,
            )
        if band.to_pct is not None and Decimal(band.to_pct) <= Decimal(band.from_pct):
            raise RuleViolation("schijf_leeg", f"Schijf {i + 1} eindigt niet boven haar begin.", field)
        if not ZERO < Decimal(band.share_pct) <= HUNDRED:
            raise RuleViolation(
                "schijf_aandeel", f"Het vergoedingspercentage van schijf {i + 1} ligt tussen 0 en 100.", field
            )
        previous_to = None if band.to_pct is None else Decimal(band.to_pct)


def band_compensation(
    *, budget: Decimal, tekort: Decimal, bands: Sequence[VangnetBand]
) -> tuple[Decimal, list[str]]:
    """Compensation over the bands, with one line of working per band that applies."""
    budget, tekort = Decimal(budget), Decimal(tekort)
    total, lines = ZERO, []
    if tekort <= ZERO:
        return ZERO, lines
    for band in bands:
        low = budget * Decimal(band.from_pct) / HUNDRED
        high = tekort if band.to_pct is None else min(tekort, budget * Decimal(band.to_pct) / HUNDRED)
        if high <= low:
            continue
        part = high - low
        comp = part * Decimal(band.share_pct) / HUNDRED
        total += comp
        upper = "∞" if band.to_pct is None else format_pct(band.to_pct, signed=False)
        lines.append(
            f"Schijf {format_pct(band.from_pct, signed=False)}–{upper}: {format_euro(part)} × "
            f"{format_pct(band.share_pct, signed=False)} = {format_euro(comp)}"
        )
    return money(total), lines


def vangnet_estimate(*, config: VangnetConfig, figures: Mapping[int, YearFigures]) -> VangnetEstimate:
    """Estimate the vangnetuitkering for ``config.year`` from the figures of that year and earlier ones.

    Regular vangnet: tekort in year t above the eigen risico (% of the budget) and, when configured,
    the cumulative tekort over t−(n−1)..t above the multi-year threshold (% of the cumulative budget; an
    overschot counts negative). Extended vangnet (e.g. 2025): tekort in t above its threshold and in at
    least ``extended_min_years`` of the reference years. The higher of both compensations applies.
    """
    check_vangnet_config(config)
    t = config.year
    if t not in figures:
        raise RuleViolation("geen_cijfers", f"Er zijn geen budget- en lastencijfers voor {t}.")
    current = figures[t]
    s = saldo(budget=current.budget, lasten=current.lasten)
    provisional = current.budget_kind != DEFINITIEF
    conditions: list[Condition] = []
    working: list[str] = [
        f"Budget {t} ({KIND_LABELS.get(current.budget_kind, current.budget_kind).lower()}): "
        f"{format_euro(s.budget)}",
        f"Netto lasten {t}: {format_euro(s.lasten)}",
        f"Saldo {t}: {s.label} {format_euro(abs(s.tekort))} = {format_pct(s.tekort_pct)} van het budget",
    ]
    eigen_risico = money(s.budget * Decimal(config.eigen_risico_pct) / HUNDRED)

    # Regular vangnet, condition 1: tekort in year t above the eigen risico.
    above = exceeds(current.lasten - current.budget, current.budget, config.eigen_risico_pct)
    risico = format_pct(config.eigen_risico_pct, signed=False)
    conditions.append(
        Condition(
            code="tekort_jaar",
            description=f"Tekort {t} hoger dan {risico} van het budget",
            met=above,
            detail=f"{s.label.capitalize()} {format_pct(s.tekort_pct)} "
            f"{'>' if above else '≤'} {format_pct(config.eigen_risico_pct, signed=False)}",
        )
    )
    regular_ok: bool | None = above

    # Regular vangnet, condition 2: cumulative tekort over the last n years.
    if config.multiyear_years:
        years = list(range(t - config.multiyear_years + 1, t + 1))
        missing = [y for y in years if y not in figures]
        if missing:
            met = None
            detail = "Cijfers ontbreken voor " + ", ".join(str(y) for y in missing)
            provisional = True
        else:
            cum_budget = sum((Decimal(figures[y].budget) for y in years), ZERO)
            cum_tekort = sum((Decimal(figures[y].lasten) - Decimal(figures[y].budget) for y in years), ZERO)
            cum_pct = pct(cum_tekort, cum_budget)
            met = exceeds(cum_tekort, cum_budget, config.multiyear_threshold_pct)
            detail = (
                f"Cumulatief saldo {years[0]}–{t}: {format_euro(cum_tekort)} op {format_euro(cum_budget)} "
                f"= {format_pct(cum_pct)} {'>' if met else '≤'} "
                f"{format_pct(config.multiyear_threshold_pct, signed=False)}"
            )
            if any(figures[y].budget_kind != DEFINITIEF for y in years):
                provisional = True
        conditions.append(
            Condition(
                code="tekort_meerjarig",
                description=(
                    f"Cumulatief tekort {years[0]}–{t} hoger dan "
                    f"{format_pct(config.multiyear_threshold_pct, signed=False)} van het cumulatieve budget"
                ),
                met=met,
                detail=detail,
            )
        )
        regular_ok = _all_met([regular_ok, met])

    regular_comp, regular_lines = ZERO, []
    if regular_ok is not False:
        regular_comp, regular_lines = band_compensation(budget=s.budget, tekort=s.tekort, bands=config.bands)

    # Extended vangnet.
    extended_comp, extended_lines, extended_ok = ZERO, [], False
    if config.extended_threshold_pct is not None:
        thr = Decimal(config.extended_threshold_pct)
        above_ext = exceeds(current.lasten - current.budget, current.budget, thr)
        conditions.append(
            Condition(
                code="uitgebreid_tekort_jaar",
                description=f"Uitgebreid vangnet: tekort {t} hoger dan {format_pct(thr, signed=False)}",
                met=above_ext,
                detail=f"{s.label.capitalize()} {format_pct(s.tekort_pct)} {'>' if above_ext else '≤'} "
                f"{format_pct(thr, signed=False)}",
            )
        )
        ref_years = range(config.extended_reference_from, config.extended_reference_to + 1)
        counted, unknown, parts = 0, 0, []
        for y in ref_years:
            if y not in figures:
                unknown += 1
                parts.append(f"{y}: onbekend")
                continue
            y_pct = saldo(budget=figures[y].budget, lasten=figures[y].lasten).tekort_pct
            hit = exceeds(figures[y].lasten - figures[y].budget, figures[y].budget, thr)
            counted += hit
            parts.append(f"{y}: {format_pct(y_pct)}{' ✓' if hit else ''}")
        need = config.extended_min_years
        if counted >= need:
            met_years: bool | None = True
        elif counted + unknown >= need:
            met_years = None
            provisional = True
        else:
            met_years = False
        conditions.append(
            Condition(
                code="uitgebreid_referentiejaren",
                description=(
                    f"Uitgebreid vangnet: tekort hoger dan {format_pct(thr, signed=False)} in minstens "
                    f"{need} van {config.extended_reference_from}–{config.extended_reference_to}"
                ),
                met=met_years,
                detail=f"{counted} van {len(ref_years)} jaren ({'; '.join(parts)})",
            )
        )
        extended_ok = _all_met([above_ext, met_years])
        if extended_ok is not False:
            extended_comp, extended_lines = band_compensation(
                budget=s.budget, tekort=s.tekort, bands=config.extended_bands
            )

    if regular_ok is None or extended_ok is None:
        provisional = True
    if regular_ok is not False and regular_comp >= extended_comp and regular_comp > ZERO:
        applied, compensation = "regulier", regular_comp
        working += ["Regulier vangnet:", *regular_lines]
    elif extended_ok is not False and extended_comp > ZERO:
        applied, compensation = "uitgebreid", extended_comp
        working += ["Uitgebreid vangnet:", *extended_lines]
    else:
        applied, compensation = "geen", ZERO
        working.append(
            "Geen vangnetuitkering: niet aan alle voorwaarden voldaan." if s.is_tekort else "Geen tekort."
        )
    working.append(f"Geschatte vangnetuitkering: {format_euro(compensation)}")
    if s.is_tekort:
        working.append(f"Tekort voor rekening van de gemeente: {format_euro(money(s.tekort - compensation))}")
    return VangnetEstimate(
        year=t,
        saldo=s,
        conditions=tuple(conditions),
        regular_compensation=regular_comp if regular_ok is not False else ZERO,
        extended_compensation=extended_comp if extended_ok is not False else ZERO,
        compensation=compensation,
        eigen_risico=eigen_risico,
        working=tuple(working),
        provisional=provisional,
        applied=applied,
    )


def exceeds(part: Decimal, whole: Decimal, threshold_pct: Decimal) -> bool:
    """Whether ``part`` is more than ``threshold_pct`` % of ``whole``, compared exactly (not on the
    rounded percentage: a tekort of 7.504% is above 7.5% although it is shown as 7,50%)."""
    whole = Decimal(whole)
    if whole <= ZERO:
        return False
    return Decimal(part) * HUNDRED > Decimal(threshold_pct) * whole


def _all_met(values: Sequence[bool | None]) -> bool | None:
    """Three-valued AND: False if any is False, None if any is unknown, else True."""
    if any(v is False for v in values):
        return False
    if any(v is None for v in values):
        return None
    return True
