"""Reads of the SRT domain. Need-to-know, filtered in SQL:

- signals and investigations: SRT staff (and API clients, which the API additionally gates on scope "srt");
- assignment screen: SRT and functioneel beheer (reference and investigators only, no case content);
- coach: at most *that* an open investigation exists, when ``settings.SRT_INVESTIGATION_VISIBLE_TO_COACH``;
- report and ``srt_results`` / ``recoveries_by_month``: aggregates only, no personal data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.shortcuts import get_object_or_404

from almelo_sociaal.core.rules import money
from almelo_sociaal.parameters.selectors import parameter_values

from . import access, rules
from .models import SrtAssignment, SrtInvestigation, SrtNote, SrtSignal
from .parameters import SRT_PARAMETER_KEYS
from .rules import InvestigationStatus, OtherResult, Outcome, PriorSanction, SignalSource, SignalStatus

ZERO = Decimal("0.00")
SAVINGS_OUTCOMES = (Outcome.UITKERING_BEEINDIGD, Outcome.AANVRAAG_AFGEWEZEN)


def signals_visible_to(user) -> QuerySet[SrtSignal]:
    if not access.can_read_content(user):
        return SrtSignal.objects.none()
    return SrtSignal.objects.select_related("client", "dossier", "aanvraag", "triaged_by", "investigation")


def investigations_visible_to(user) -> QuerySet[SrtInvestigation]:
    if not access.can_read_content(user):
        return SrtInvestigation.objects.none()
    return SrtInvestigation.objects.select_related(
        "client", "dossier", "aanvraag", "signal"
    ).prefetch_related(Prefetch("investigators", to_attr="investigator_list"))


def investigations_assignable_by(user) -> QuerySet[SrtInvestigation]:
    """Beheer assigns investigators without seeing the case: only reference, status and investigators."""
    if not access.can_assign(user):
        return SrtInvestigation.objects.none()
    return SrtInvestigation.objects.only(
        "id", "reference", "status", "opened_on", "closed_on"
    ).prefetch_related(Prefetch("investigators", to_attr="investigator_list"))


def get_signal_for(user, pk: int) -> SrtSignal:
    return get_object_or_404(signals_visible_to(user), pk=pk)


def get_investigation_for(user, pk: int) -> SrtInvestigation:
    return get_object_or_404(investigations_visible_to(user), pk=pk)


def search_signals(user, *, status: str = "", source: str = "") -> QuerySet[SrtSignal]:
    qs = signals_visible_to(user)
    if status:
        qs = qs.filter(status=status)
    if source:
        qs = qs.filter(source=source)
    return qs


def search_investigations(
    user, *, status: str = "", source: str = "", outcome: str = "", mine: bool = False
) -> QuerySet[SrtInvestigation]:
    qs = investigations_visible_to(user)
    if status:
        qs = qs.filter(status=status)
    if source:
        qs = qs.filter(source=source)
    if outcome:
        qs = qs.filter(outcome=outcome)
    if mine:
        qs = qs.filter(assignments__user=user)
    return qs


def srt_users():
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(groups__name=access.INVESTIGATOR_ROLE, is_active=True)
        .order_by("last_name", "first_name", "username")
        .distinct()
    )


def investigation_detail(investigation: SrtInvestigation) -> dict:
    """Findings log, documents and assignments of one investigation, in a fixed number of queries."""
    return {
        "notes": list(SrtNote.objects.filter(investigation=investigation).select_related("author")),
        "documents": list(investigation.documents.select_related("added_by")),
        "assignments": list(SrtAssignment.objects.filter(investigation=investigation).select_related("user")),
    }


# --- Parameters, recidive, proposals ---


def srt_parameters(on: date) -> rules.SrtParameters:
    return rules.SrtParameters.from_values(parameter_values(SRT_PARAMETER_KEYS, on=on))


def earlier_investigations(investigation: SrtInvestigation) -> QuerySet[SrtInvestigation]:
    """Decided earlier investigations of the same client (the basis of recidive), newest first."""
    return (
        SrtInvestigation.objects.filter(
            client_id=investigation.client_id, status=InvestigationStatus.AFGEROND
        )
        .exclude(pk=investigation.pk)
        .order_by("-closed_on", "-id")
    )


def prior_sanctions(investigation: SrtInvestigation, before: date) -> list[PriorSanction]:
    rows = earlier_investigations(investigation).filter(closed_on__lte=before)
    return [
        PriorSanction(decided_on=r.closed_on, boete=r.boete, warning=r.waarschuwing, reference=r.reference)
        for r in rows.only("closed_on", "boete", "waarschuwing", "reference")
    ]


def recidive_for(investigation: SrtInvestigation, on: date, params: rules.SrtParameters | None = None):
    params = params or srt_parameters(on)
    return rules.detect_recidive(
        reference_date=on,
        prior=prior_sanctions(investigation, on),
        recidive_years=params.recidive_years,
        warning_years=params.warning_years,
    )


def boete_proposal_for(
    investigation: SrtInvestigation,
    *,
    benadelingsbedrag: Decimal,
    culpability: str,
    on: date,
    aangifte: bool | None = None,
) -> rules.BoeteProposal:
    params = srt_parameters(on)
    return rules.propose_boete(
        benadelingsbedrag=benadelingsbedrag,
        culpability=culpability,
        recidive=recidive_for(investigation, on, params),
        params=params,
        aangifte=aangifte,
    )


def savings_of(investigation: SrtInvestigation) -> rules.Savings:
    """The savings of a closed investigation, recomputed with its inputs (for showing how it was reached)."""
    months = srt_parameters(investigation.closed_on or date.today()).savings_months
    if investigation.outcome not in SAVINGS_OUTCOMES:
        return rules.bespaarde_uitkering(outcome=investigation.outcome, monthly_benefit=None, months=months)
    return rules.bespaarde_uitkering(
        outcome=investigation.outcome, monthly_benefit=investigation.maandbedrag_uitkering, months=months
    )


def suggested_monthly_benefit(investigation: SrtInvestigation) -> Decimal | None:
    """The monthly benefit that an ended dossier paid, or that a rejected aanvraag would have paid."""
    if investigation.dossier_id:
        return investigation.dossier.maandbedrag
    if investigation.aanvraag_id and investigation.aanvraag.concept_maandbedrag is not None:
        return investigation.aanvraag.concept_maandbedrag
    return None


# --- Coach marker ---


def investigation_marker_for(user, client) -> bool | None:
    """Whether an open investigation exists for ``client``, for a user allowed to know that; else None.

    SRT always; a coach only when ``SRT_INVESTIGATION_VISIBLE_TO_COACH`` is on and the client is in the
    coach's scope. Nobody else learns anything (not even that there is nothing).
    """
    from cases.selectors import clients_visible_to

    if access.is_investigator(user):
        pass
    elif access.coach_sees_marker(user):
        if not clients_visible_to(user).filter(pk=client.pk).exists():
            return None
    else:
        return None
    return (
        SrtInvestigation.objects.filter(client_id=client.pk)
        .exclude(status=InvestigationStatus.AFGEROND)
        .exists()
    )


# --- Aggregates (no personal data) ---


@dataclass(frozen=True)
class SrtResults:
    """SRT results over a period: investigations *closed* in the period (as in the seed's presentation)."""

    period_start: date
    period_end: date
    investigations: int
    by_outcome: dict[str, int]
    by_other_result: dict[str, int]
    by_source: dict[str, dict[str, int]]  # source -> outcome -> count (all sources and outcomes present)
    terugvordering_total: Decimal
    terugvordering_count: int
    savings_total: Decimal
    savings_count: int
    boete_total: Decimal
    boete_count: int
    benadeling_total: Decimal
    aangifte_count: int
    average_duration_days: Decimal | None
    opened: int  # investigations opened in the period
    open_at_end: int  # still running at the end of the period
    signals_received: int
    signals_discarded: int
    outcome_labels: dict[str, str] = field(default_factory=lambda: dict(Outcome.choices))
    source_labels: dict[str, str] = field(default_factory=lambda: dict(SignalSource.choices))

    def source_rows(self) -> list[dict]:
        """One row per source: label, counts per outcome and the row total (for the report table)."""
        rows = []
        for source, label in SignalSource.choices:
            counts = self.by_source[source]
            rows.append(
                {
                    "source": source,
                    "label": label,
                    "counts": [counts[o] for o in Outcome.values],
                    "total": sum(counts.values()),
                }
            )
        return rows

    def outcome_totals(self) -> list[int]:
        return [self.by_outcome[o] for o in Outcome.values]


def closed_in_period(period_start: date, period_end: date) -> QuerySet[SrtInvestigation]:
    return SrtInvestigation.objects.filter(
        status=InvestigationStatus.AFGEROND, closed_on__gte=period_start, closed_on__lte=period_end
    )


def srt_results(period_start: date, period_end: date) -> SrtResults:
    """Aggregates for the report and the management dashboard (a handful of queries, all in SQL)."""
    closed = closed_in_period(period_start, period_end)
    by_source: dict[str, dict[str, int]] = {s: dict.fromkeys(Outcome.values, 0) for s in SignalSource.values}
    by_outcome = dict.fromkeys(Outcome.values, 0)
    for row in closed.values("source", "outcome").annotate(n=Count("id")).order_by():
        by_source[row["source"]][row["outcome"]] += row["n"]
        by_outcome[row["outcome"]] += row["n"]
    by_other = dict.fromkeys(OtherResult.values, 0)
    for row in (
        closed.filter(outcome=Outcome.ANDER_RESULTAAT)
        .values("other_result")
        .annotate(n=Count("id"))
        .order_by()
    ):
        by_other[row["other_result"]] = row["n"]
    totals = closed.aggregate(
        n=Count("id"),
        sum_terugvordering=Sum("terugvordering"),
        n_terugvordering=Count("id", filter=Q(terugvordering__gt=0)),
        sum_savings=Sum("bespaarde_uitkering"),
        n_savings=Count("id", filter=Q(outcome__in=SAVINGS_OUTCOMES)),
        sum_boete=Sum("boete"),
        n_boete=Count("id", filter=Q(boete__gt=0)),
        sum_benadeling=Sum("benadelingsbedrag"),
        n_aangifte=Count("id", filter=Q(aangifte=True)),
        sum_days=Sum("duration_days"),
        n_days=Count("duration_days"),
    )
    average = None
    if totals["n_days"]:
        average = (Decimal(totals["sum_days"]) / Decimal(totals["n_days"])).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )
    running = SrtInvestigation.objects.aggregate(
        opened=Count("id", filter=Q(opened_on__gte=period_start, opened_on__lte=period_end)),
        open_at_end=Count(
            "id",
            filter=Q(opened_on__lte=period_end) & (Q(closed_on__isnull=True) | Q(closed_on__gt=period_end)),
        ),
    )
    signals = SrtSignal.objects.filter(received_on__gte=period_start, received_on__lte=period_end).aggregate(
        received=Count("id"), discarded=Count("id", filter=Q(status=SignalStatus.VERWORPEN))
    )
    return SrtResults(
        period_start=period_start,
        period_end=period_end,
        investigations=totals["n"],
        by_outcome=by_outcome,
        by_other_result=by_other,
        by_source=by_source,
        terugvordering_total=money(totals["sum_terugvordering"] or 0),
        terugvordering_count=totals["n_terugvordering"],
        savings_total=money(totals["sum_savings"] or 0),
        savings_count=totals["n_savings"],
        boete_total=money(totals["sum_boete"] or 0),
        boete_count=totals["n_boete"],
        benadeling_total=money(totals["sum_benadeling"] or 0),
        aangifte_count=totals["n_aangifte"],
        average_duration_days=average,
        opened=running["opened"],
        open_at_end=running["open_at_end"],
        signals_received=signals["received"],
        signals_discarded=signals["discarded"],
    )


def recoveries_by_month(year: int) -> list[tuple[date, Decimal]]:
    """Terugvordering totals per month of ``year`` (by the month the investigation closed), all 12 months.

    For the budget app (baten). Aggregates only."""
    rows = (
        closed_in_period(date(year, 1, 1), date(year, 12, 31))
        .annotate(month=TruncMonth("closed_on"))
        .values("month")
        .annotate(total=Sum("terugvordering"))
        .order_by("month")
    )
    found: dict[int, Decimal] = {}
    for row in rows:
        month = row["month"]
        found[month.month] = money(row["total"] or 0)
    return [(date(year, m, 1), found.get(m, ZERO)) for m in range(1, 13)]
