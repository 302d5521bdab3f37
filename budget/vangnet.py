"""Pure BUIG vangnet rules: the vangnet configuration, its checks and the estimate of the vangnetuitkering.

No database: plain values in, plain values out (see ``budget.rules`` for the rounding rule and the sign
convention). The estimate is built in named steps: the conditions of the regular vangnet (tekort in the
year above the eigen risico, the multi-year tekort), those of the extended vangnet, and the compensation
over the bands of the one that applies.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from almelo_sociaal.core.rules import RuleViolation, format_euro, money
from budget.rules import DEFINITIEF, HUNDRED, KIND_LABELS, ZERO, Saldo, format_pct, pct, saldo


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

    regular = _regular_conditions(config, figures, current, s)
    extended = _extended_conditions(config, figures, current, s)
    conditions = (*regular.conditions, *extended.conditions)
    provisional = provisional or regular.provisional or extended.provisional
    if regular.ok is None or extended.ok is None:
        provisional = True

    regular_comp, regular_lines = ZERO, []
    if regular.ok is not False:
        regular_comp, regular_lines = band_compensation(budget=s.budget, tekort=s.tekort, bands=config.bands)
    extended_comp, extended_lines = ZERO, []
    if config.extended_threshold_pct is not None and extended.ok is not False:
        extended_comp, extended_lines = band_compensation(
            budget=s.budget, tekort=s.tekort, bands=config.extended_bands
        )
    applied, compensation, applied_lines = _applied_compensation(
        regular=(regular.ok, regular_comp, regular_lines),
        extended=(extended.ok, extended_comp, extended_lines),
        s=s,
    )
    return VangnetEstimate(
        year=t,
        saldo=s,
        conditions=conditions,
        regular_compensation=regular_comp if regular.ok is not False else ZERO,
        extended_compensation=extended_comp if extended.ok is not False else ZERO,
        compensation=compensation,
        eigen_risico=money(s.budget * Decimal(config.eigen_risico_pct) / HUNDRED),
        working=(*_saldo_working(t, current, s), *applied_lines),
        provisional=provisional,
        applied=applied,
    )


@dataclass(frozen=True)
class _Verdict:
    """The conditions of one vangnet (regular or extended) and whether they are met (None: unknown)."""

    conditions: tuple[Condition, ...]
    ok: bool | None
    provisional: bool  # a condition could not be judged for want of figures


def _saldo_working(t: int, current: YearFigures, s: Saldo) -> list[str]:
    """The first lines of the working: budget, net lasten and saldo of the vangnet year."""
    return [
        f"Budget {t} ({KIND_LABELS.get(current.budget_kind, current.budget_kind).lower()}): "
        f"{format_euro(s.budget)}",
        f"Netto lasten {t}: {format_euro(s.lasten)}",
        f"Saldo {t}: {s.label} {format_euro(abs(s.tekort))} = {format_pct(s.tekort_pct)} van het budget",
    ]


def _regular_conditions(
    config: VangnetConfig, figures: Mapping[int, YearFigures], current: YearFigures, s: Saldo
) -> _Verdict:
    """Regular vangnet: the tekort of the year above the eigen risico and, when configured, the
    cumulative tekort over the last ``multiyear_years`` years."""
    year = _year_condition(config, current, s)
    if not config.multiyear_years:
        return _Verdict(conditions=(year,), ok=year.met, provisional=False)
    multiyear, provisional = _multiyear_condition(config, figures)
    return _Verdict(
        conditions=(year, multiyear), ok=_all_met([year.met, multiyear.met]), provisional=provisional
    )


def _year_condition(config: VangnetConfig, current: YearFigures, s: Saldo) -> Condition:
    """Regular vangnet, condition 1: tekort in year t above the eigen risico."""
    t = config.year
    above = exceeds(current.lasten - current.budget, current.budget, config.eigen_risico_pct)
    risico = format_pct(config.eigen_risico_pct, signed=False)
    return Condition(
        code="tekort_jaar",
        description=f"Tekort {t} hoger dan {risico} van het budget",
        met=above,
        detail=f"{s.label.capitalize()} {format_pct(s.tekort_pct)} "
        f"{'>' if above else '≤'} {format_pct(config.eigen_risico_pct, signed=False)}",
    )


def _multiyear_condition(config: VangnetConfig, figures: Mapping[int, YearFigures]) -> tuple[Condition, bool]:
    """Regular vangnet, condition 2: cumulative tekort over the last n years; with whether the verdict
    is provisional (figures missing or not definitief)."""
    t = config.year
    years = list(range(t - config.multiyear_years + 1, t + 1))
    missing = [y for y in years if y not in figures]
    provisional = False
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
    condition = Condition(
        code="tekort_meerjarig",
        description=(
            f"Cumulatief tekort {years[0]}–{t} hoger dan "
            f"{format_pct(config.multiyear_threshold_pct, signed=False)} van het cumulatieve budget"
        ),
        met=met,
        detail=detail,
    )
    return condition, provisional


def _extended_conditions(
    config: VangnetConfig, figures: Mapping[int, YearFigures], current: YearFigures, s: Saldo
) -> _Verdict:
    """Extended vangnet: tekort of the year above its threshold and in at least ``extended_min_years``
    of the reference years. Not configured: no conditions, not met."""
    if config.extended_threshold_pct is None:
        return _Verdict(conditions=(), ok=False, provisional=False)
    t = config.year
    thr = Decimal(config.extended_threshold_pct)
    above_ext = exceeds(current.lasten - current.budget, current.budget, thr)
    year = Condition(
        code="uitgebreid_tekort_jaar",
        description=f"Uitgebreid vangnet: tekort {t} hoger dan {format_pct(thr, signed=False)}",
        met=above_ext,
        detail=f"{s.label.capitalize()} {format_pct(s.tekort_pct)} {'>' if above_ext else '≤'} "
        f"{format_pct(thr, signed=False)}",
    )
    reference = _reference_years_condition(config, figures, thr)
    return _Verdict(
        conditions=(year, reference),
        ok=_all_met([above_ext, reference.met]),
        provisional=reference.met is None,
    )


def _reference_years_condition(
    config: VangnetConfig, figures: Mapping[int, YearFigures], thr: Decimal
) -> Condition:
    """Extended vangnet: in how many reference years the tekort was above the threshold (None: the
    unknown years decide)."""
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
    else:
        met_years = False
    return Condition(
        code="uitgebreid_referentiejaren",
        description=(
            f"Uitgebreid vangnet: tekort hoger dan {format_pct(thr, signed=False)} in minstens "
            f"{need} van {config.extended_reference_from}–{config.extended_reference_to}"
        ),
        met=met_years,
        detail=f"{counted} van {len(ref_years)} jaren ({'; '.join(parts)})",
    )


def _applied_compensation(
    *,
    regular: tuple[bool | None, Decimal, list[str]],
    extended: tuple[bool | None, Decimal, list[str]],
    s: Saldo,
) -> tuple[str, Decimal, list[str]]:
    """The higher compensation of the vangnetten whose conditions are not failed, with its working."""
    regular_ok, regular_comp, regular_lines = regular
    extended_ok, extended_comp, extended_lines = extended
    working: list[str] = []
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
    return applied, compensation, working


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
