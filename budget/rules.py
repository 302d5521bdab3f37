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
# Vangnet: the estimate and its config live in ``budget.vangnet``; the names stay importable from here.
# --------------------------------------------------------------------------------------------------
_VANGNET_NAMES = frozenset(
    {
        "VangnetBand",
        "VangnetConfig",
        "YearFigures",
        "Condition",
        "VangnetEstimate",
        "check_vangnet_config",
        "band_compensation",
        "vangnet_estimate",
        "exceeds",
    }
)


def __getattr__(name: str):
    """Re-export the vangnet rules (``rules.vangnet_estimate`` …) without a circular import:
    ``budget.vangnet`` builds on the saldo and percentage rules above."""
    if name in _VANGNET_NAMES:
        from budget import vangnet

        return getattr(vangnet, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
