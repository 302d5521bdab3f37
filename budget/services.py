"""Writes of the BUIG budget. Every state change is one transaction; the ledgers are append-only.

Concurrency: entering a revision locks the year row (``select_for_update``) before it reads the existing
entries, and the partial unique constraint (one non-correction entry per kind per year) and the one-to-one
``corrects``/``reverses`` links are the last line of defence: two finance users entering at the same time
either both succeed (different kinds) or the second gets a Dutch validation error; nothing is lost.
After commit, the year's forecast is recomputed by a Celery task (eager locally).
"""

from __future__ import annotations

import logging
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from almelo_sociaal.audit.services import set_history_user
from almelo_sociaal.core.rules import RuleViolation, money, rule_errors
from almelo_sociaal.parameters.selectors import MissingParameter, parameter_value, parameter_values

from . import rules, selectors
from .models import (
    BudgetRevision,
    BudgetYear,
    ForecastRun,
    ForecastScenario,
    RealisationEntry,
    RealisationPost,
    VangnetRegel,
    VangnetSchijf,
)

logger = logging.getLogger(__name__)

# Caseload scenarios: (scenario, parameter for caseload growth %, parameter for cost growth %).
CASELOAD_SCENARIOS = (
    (ForecastScenario.BASIS, None, None),
    (ForecastScenario.HOOG, "buig_hoog_caseload_groei_pct", "buig_hoog_kosten_groei_pct"),
    (ForecastScenario.LAAG, "buig_laag_caseload_groei_pct", "buig_laag_kosten_groei_pct"),
)


def _today() -> date:
    return timezone.localdate()


def _enqueue_recompute(year: int) -> None:
    """After commit: recompute the year's forecast. A failing recompute never undoes the entry."""

    def run() -> None:
        from almelo_sociaal.security.enqueue import enqueue_now

        from .tasks import recompute_budget_year

        try:
            enqueue_now(recompute_budget_year, year)  # broker down: recorded for replay, never raises
        except Exception:  # noqa: BLE001 - eager run failed; the entry is committed, the monthly job recomputes
            logger.exception("Herberekening BUIG %s mislukt; de volgende geplande run herstelt dit.", year)

    # One recompute per year per transaction, however many entries it books (e.g. a month of posts).
    connection = transaction.get_connection()
    if any(getattr(func, "budget_year", None) == year for _, func, _ in connection.run_on_commit):
        return
    run.budget_year = year
    transaction.on_commit(run)


# ---------------------------------------------------------------- years
@transaction.atomic
def create_year(*, year: int, caseload_uitgangspunt: int | None = None, note: str = "", actor) -> BudgetYear:
    if BudgetYear.objects.filter(year=year).exists():
        raise ValidationError({"year": ValidationError(f"Het jaar {year} bestaat al.", code="jaar_bestaat")})
    _check_year_range(year)
    budget_year = BudgetYear(year=year, caseload_uitgangspunt=caseload_uitgangspunt, note=note)
    set_history_user(budget_year, actor)
    budget_year.save()
    return budget_year


@transaction.atomic
def set_caseload_uitgangspunt(*, year: int, value: int | None, actor) -> BudgetYear:
    """Finance's planning assumption (number of uitkeringen) for the caseload forecast; history kept."""
    budget_year = BudgetYear.objects.select_for_update().get(year=year)
    if value is not None and value < 0:
        raise ValidationError(
            {"caseload_uitgangspunt": ValidationError("Het aantal kan niet negatief zijn.", code="negatief")}
        )
    budget_year.caseload_uitgangspunt = value
    set_history_user(budget_year, actor)
    budget_year.save(update_fields=["caseload_uitgangspunt"])
    _enqueue_recompute(year)
    return budget_year


def _check_year_range(year: int) -> None:
    last = _today().year + 2
    if not 2015 <= year <= last:
        message = f"Kies een jaar tussen 2015 en {last}."
        raise ValidationError({"year": ValidationError(message, code="jaar_ongeldig")})


def _lock_year(year: int) -> BudgetYear:
    """Get or create the year (in the allowed range), then lock its row for the rest of the transaction."""
    if not BudgetYear.objects.filter(year=year).exists():
        _check_year_range(year)
    BudgetYear.objects.get_or_create(year=year)
    return BudgetYear.objects.select_for_update().get(year=year)


# ---------------------------------------------------------------- revisions
@transaction.atomic
def record_revision(
    *,
    year: int,
    kind: str,
    amount: Decimal,
    published_on: date,
    source: str,
    actor,
    note: str = "",
    bezwaar: bool = False,
    bezwaar_on: date | None = None,
    today: date | None = None,
) -> BudgetRevision:
    """Enter a new published budget figure (voorlopig, nader voorlopig, definitief or a bijstelling)."""
    today = today or _today()
    budget_year = _lock_year(year)
    existing = [r.as_entry() for r in budget_year.revisions.select_related("budget_year")]
    with rule_errors():
        rules.check_new_revision(
            year=year, kind=kind, amount=amount, published_on=published_on, existing=existing, today=today
        )
        rules.check_kind_order(year=year, kind=kind, published_on=published_on, existing=existing, note=note)
        rules.check_bezwaar(bezwaar=bezwaar, bezwaar_on=bezwaar_on, published_on=published_on, today=today)
    _require_source(source)
    revision = _insert_revision(
        BudgetRevision(
            budget_year=budget_year,
            kind=kind,
            amount=money(amount),
            published_on=published_on,
            source=source.strip(),
            note=note,
            bezwaar=bezwaar,
            bezwaar_on=bezwaar_on if bezwaar else None,
            entered_by=actor,
        )
    )
    _enqueue_recompute(year)
    return revision


@transaction.atomic
def correct_revision(
    *,
    revision_id: int,
    amount: Decimal,
    published_on: date,
    source: str,
    reason: str,
    actor,
    note: str = "",
    bezwaar: bool = False,
    bezwaar_on: date | None = None,
    today: date | None = None,
) -> BudgetRevision:
    """Correct an entry with a new entry (same kind) that points at it; the original stays as it was."""
    today = today or _today()
    target = BudgetRevision.objects.select_related("budget_year").get(pk=revision_id)
    budget_year = BudgetYear.objects.select_for_update().get(pk=target.budget_year_id)
    existing = [r.as_entry() for r in budget_year.revisions.select_related("budget_year")]
    with rule_errors():
        rules.check_correction(target=target.as_entry(), amount=amount, reason=reason, existing=existing)
        rules.check_published_on(year=budget_year.year, published_on=published_on, today=today)
        rules.check_kind_order(
            year=budget_year.year, kind=target.kind, published_on=published_on, existing=existing, note=note
        )
        rules.check_bezwaar(bezwaar=bezwaar, bezwaar_on=bezwaar_on, published_on=published_on, today=today)
    _require_source(source)
    revision = _insert_revision(
        BudgetRevision(
            budget_year=budget_year,
            kind=target.kind,
            amount=money(amount),
            published_on=published_on,
            source=source.strip(),
            note=note,
            bezwaar=bezwaar,
            bezwaar_on=bezwaar_on if bezwaar else None,
            corrects=target,
            reason=reason.strip(),
            entered_by=actor,
        )
    )
    _enqueue_recompute(budget_year.year)
    return revision


def _require_source(source: str) -> None:
    if not (source or "").strip():
        raise ValidationError(
            {"source": ValidationError("Geef de bron van het bedrag.", code="bron_verplicht")}
        )


def _insert_revision(revision: BudgetRevision) -> BudgetRevision:
    try:
        with transaction.atomic():
            revision.save()
    except IntegrityError:
        if revision.corrects_id:
            raise ValidationError(
                {
                    "corrects": ValidationError(
                        "Deze regel is zojuist al gecorrigeerd.", code="al_gecorrigeerd"
                    )
                }
            )
        raise ValidationError(
            {
                "kind": ValidationError(
                    "Voor dit jaar is zojuist al een budget van deze soort vastgelegd. "
                    "Is het bedrag onjuist, leg dan een correctie vast.",
                    code="soort_bestaat_al",
                )
            }
        )
    return revision


# ---------------------------------------------------------------- realisation
@transaction.atomic
def record_realisation(
    *,
    year: int,
    month: date,
    post: str,
    amount: Decimal,
    actor,
    reference: str = "",
    note: str = "",
    source: str = RealisationEntry.Source.HANDMATIG,
) -> RealisationEntry:
    """Book realised lasten or baten for a month."""
    month = month.replace(day=1)
    with rule_errors():
        rules.check_realisation_entry(
            year=year, month=month, post=post, amount=amount, posts=[p.value for p in RealisationPost]
        )
    budget_year = _lock_year(year)
    entry = RealisationEntry.objects.create(
        budget_year=budget_year,
        month=month,
        post=post,
        amount=money(amount),
        source=source,
        reference=reference.strip(),
        note=note,
        entered_by=actor,
    )
    _enqueue_recompute(year)
    return entry


@transaction.atomic
def reverse_realisation(*, entry_id: int, reason: str, actor) -> RealisationEntry:
    """Reverse a booking with a tegenboeking of the negated amount (the original stays)."""
    entry = RealisationEntry.objects.select_related("budget_year").get(pk=entry_id)
    BudgetYear.objects.select_for_update().get(pk=entry.budget_year_id)
    already = RealisationEntry.objects.filter(reverses=entry).exists()
    with rule_errors():
        rules.check_reversal(already_reversed=already, is_reversal=entry.is_reversal, reason=reason)
    try:
        with transaction.atomic():
            reversal = RealisationEntry.objects.create(
                budget_year_id=entry.budget_year_id,
                month=entry.month,
                post=entry.post,
                amount=-entry.amount,
                source=entry.source,
                reference=entry.reference,
                reverses=entry,
                reason=reason.strip(),
                entered_by=actor,
            )
    except IntegrityError:
        raise ValidationError("Deze regel is zojuist al teruggedraaid.", code="al_teruggedraaid")
    _enqueue_recompute(entry.budget_year.year)
    return reversal


@transaction.atomic
def book_srt_recoveries(*, year: int, actor, source=None) -> list[RealisationEntry]:
    """Take the SRT terugvorderingen of each month into the baten, for the part not yet booked.

    Idempotent: a second call books nothing new. A month where SRT now reports less than was booked is
    left alone (a tegenboeking by finance is needed; the page shows the difference).
    """
    recoveries = selectors.srt_recoveries(year, source=source)
    if recoveries is None:
        raise ValidationError("De SRT-koppeling is niet beschikbaar.", code="srt_niet_beschikbaar")
    budget_year = _lock_year(year)
    booked = selectors.srt_booked_by_month(budget_year)
    created = []
    for month, amount in sorted(recoveries.items()):
        difference = money(amount - booked.get(month, Decimal("0")))
        if difference > 0:
            created.append(
                RealisationEntry.objects.create(
                    budget_year=budget_year,
                    month=date(year, month, 1),
                    post=RealisationPost.TERUGVORDERING,
                    amount=difference,
                    source=RealisationEntry.Source.SRT,
                    reference=f"SRT-terugvorderingen {rules.MONTH_NAMES[month]} {year}",
                    entered_by=actor,
                )
            )
    if created:
        _enqueue_recompute(year)
    return created


# ---------------------------------------------------------------- forecast
def _caseload_basis(budget_year: BudgetYear, on: date) -> tuple[int, str]:
    if budget_year.caseload_uitgangspunt is not None:
        return budget_year.caseload_uitgangspunt, "uitgangspunt financiën"
    from cases.selectors import active_dossier_count  # lazy: cases is a lower layer

    return active_dossier_count(on=on), f"lopende uitkeringsdossiers op {on:%d-%m-%Y}"


def compute_forecasts(*, budget_year: BudgetYear, today: date) -> tuple[list[rules.Forecast], list[str]]:
    """The caseload scenarios and the extrapolation of the realisation (pure maths in ``rules``)."""
    year = budget_year.year
    on = min(today, date(year, 12, 31))
    forecasts: list[rules.Forecast] = []
    notes: list[str] = []
    try:
        cost = parameter_value("kosten_uitkering_jaar", on=date(year, 1, 1))
        keys = [k for _, a, b in CASELOAD_SCENARIOS for k in (a, b) if k]
        growth = parameter_values(keys, on=date(year, 1, 1))
    except MissingParameter as missing:
        notes.append(missing.message)
    else:
        caseload, basis_label = _caseload_basis(budget_year, on)
        if caseload == 0:
            notes.append(
                "Geen lopende uitkeringsdossiers en geen uitgangspunt van financiën: "
                "geen prognose op basis van het aantal uitkeringen."
            )
        for scenario, caseload_key, cost_key in CASELOAD_SCENARIOS if caseload else ():
            try:
                forecast = rules.caseload_forecast(
                    scenario=scenario.value,
                    active_dossiers=caseload,
                    cost_per_uitkering=cost,
                    caseload_growth_pct=growth[caseload_key] if caseload_key else Decimal("0"),
                    cost_growth_pct=growth[cost_key] if cost_key else Decimal("0"),
                )
            except RuleViolation as v:  # a figure the product cannot store: said, not stored
                notes.append(f"{scenario.label}: {v.message}")
                continue
            forecast.inputs["bron_uitkeringen"] = basis_label
            forecasts.append(forecast)
    try:
        extrapolated = rules.extrapolation_forecast(
            monthly_net_lasten=selectors.monthly_net_lasten(budget_year)
        )
    except RuleViolation as v:
        notes.append(f"{ForecastScenario.REALISATIE.label}: {v.message}")
    else:
        if extrapolated is None:
            notes.append("Nog geen realisatie geboekt: geen doorgetrokken prognose.")
        else:
            forecasts.append(extrapolated)
    return forecasts, notes


@transaction.atomic
def recompute_year(*, year: int, actor=None, today: date | None = None) -> list[ForecastRun]:
    """Recompute the forecasts, tekort and vangnet estimate of ``year``: one row per scenario per day
    (idempotent upsert; a rerun on the same day overwrites that day's rows, earlier days stay)."""
    today = today or _today()
    budget_year = BudgetYear.objects.select_for_update().get(year=year)
    entries = selectors.revision_entries_by_year(None)
    latest = rules.latest_amount(entries.get(year, []))
    forecasts, notes = compute_forecasts(budget_year=budget_year, today=today)
    runs = []
    for forecast in forecasts:
        s = rules.saldo(budget=latest[1], lasten=forecast.lasten) if latest else None
        estimate = (
            selectors.vangnet_for(year=year, lasten=forecast.lasten, entries=entries) if latest else None
        )
        working = list(forecast.working)
        if s is not None:
            working.append(
                f"Budget ({rules.KIND_LABELS[latest[0]].lower()}): {rules.format_euro(s.budget)}; "
                f"{s.label} {rules.format_euro(abs(s.tekort))} ({rules.format_pct(s.tekort_pct)})"
            )
        else:
            working.append("Nog geen budget vastgelegd: geen tekort te berekenen.")
        run, _ = ForecastRun.objects.update_or_create(
            budget_year=budget_year,
            scenario=forecast.scenario,
            run_on=today,
            defaults={
                "method": forecast.method,
                "lasten": forecast.lasten,
                "caseload": forecast.caseload,
                "cost_per_uitkering": forecast.cost_per_uitkering,
                "budget_kind": latest[0] if latest else "",
                "budget_amount": s.budget if s else None,
                "tekort": s.tekort if s else None,
                "tekort_pct": s.tekort_pct if s else None,
                "vangnet": estimate.compensation if estimate else None,
                "inputs": {**forecast.inputs, "opmerkingen": notes},
                "working": working,
                "computed_by": actor,
            },
        )
        runs.append(run)
    return runs


# ---------------------------------------------------------------- vangnet configuration
@transaction.atomic
def configure_vangnet(
    *,
    year: int,
    eigen_risico_pct: Decimal,
    bands: list[tuple[Decimal, Decimal | None, Decimal]],
    source: str,
    actor=None,
    multiyear_years: int = 0,
    multiyear_threshold_pct: Decimal | None = None,
    extended_threshold_pct: Decimal | None = None,
    extended_reference_from: int | None = None,
    extended_reference_to: int | None = None,
    extended_min_years: int | None = None,
    extended_bands: list[tuple[Decimal, Decimal | None, Decimal]] = (),
    note: str = "",
) -> VangnetRegel:
    """Set the vangnet rules of a year (configuration with history, not a ledger)."""
    config = rules.VangnetConfig(
        year=year,
        eigen_risico_pct=Decimal(eigen_risico_pct),
        bands=tuple(rules.VangnetBand(*b) for b in bands),
        multiyear_years=multiyear_years,
        multiyear_threshold_pct=multiyear_threshold_pct,
        extended_threshold_pct=extended_threshold_pct,
        extended_reference_from=extended_reference_from,
        extended_reference_to=extended_reference_to,
        extended_min_years=extended_min_years,
        extended_bands=tuple(rules.VangnetBand(*b) for b in extended_bands),
    )
    with rule_errors():
        rules.check_vangnet_config(config)
    regel = VangnetRegel.objects.select_for_update().filter(year=year).first() or VangnetRegel(year=year)
    for name in (
        "eigen_risico_pct",
        "multiyear_years",
        "multiyear_threshold_pct",
        "extended_threshold_pct",
        "extended_reference_from",
        "extended_reference_to",
        "extended_min_years",
    ):
        setattr(regel, name, getattr(config, name))
    regel.source, regel.note = source, note
    set_history_user(regel, actor)
    regel.save()
    regel.bands.all().delete()
    VangnetSchijf.objects.bulk_create(
        [
            VangnetSchijf(regel=regel, kind=VangnetSchijf.Kind.REGULIER, from_pct=a, to_pct=b, share_pct=c)
            for a, b, c in bands
        ]
        + [
            VangnetSchijf(regel=regel, kind=VangnetSchijf.Kind.UITGEBREID, from_pct=a, to_pct=b, share_pct=c)
            for a, b, c in extended_bands
        ]
    )
    if BudgetYear.objects.filter(year=year).exists():
        _enqueue_recompute(year)
    return regel
