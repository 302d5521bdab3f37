"""What tegenprestatie needs to know from participation, behind a few functions (the participation selectors),
and the check tegenprestatie registers on participation's trajectory writes (``participation.hooks``).

Kept in one module so tests can replace it and so there is no hard database dependency on participation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from . import rules

INSTRUMENT_CODE = "tegenprestatie"


@dataclass(frozen=True)
class ParticipationFacts:
    group: int | None
    instrument_allowed: bool
    reintegration_hours: Decimal


def participation_facts(client_id: int, on: date) -> ParticipationFacts:
    from participation import selectors as ps

    group = ps.current_group(client_id, on)
    allowed = group is not None and bool(ps.instrument_allowed_for_group(INSTRUMENT_CODE, group))
    hours = Decimal(ps.reintegration_hours_per_week(client_id, on) or 0)
    return ParticipationFacts(group=group, instrument_allowed=allowed, reintegration_hours=hours)


def reintegration_commitments(
    client_id: int, start: date, end: date | None, *, exclude_id: int | None = None
) -> list[rules.Commitment]:
    """The client's trajectories overlapping [start, end] as commitments of hours per week."""
    from participation import selectors as ps

    return [
        rules.Commitment(s, e, Decimal(h), rules.REINTEGRATION_KIND)
        for s, e, h in ps.trajectory_periods(client_id, start, end, exclude_id=exclude_id)
    ]


def reintegration_commitments_by_client(
    client_ids: list[int], start: date, end: date
) -> dict[int, list[rules.Commitment]]:
    from participation import selectors as ps

    return {
        cid: [rules.Commitment(s, e, Decimal(h), rules.REINTEGRATION_KIND) for s, e, h in periods]
        for cid, periods in ps.trajectory_periods_by_client(client_ids, start, end).items()
    }


def check_trajectory_change(change) -> None:
    """Registered in ``participation.hooks``: a new or longer trajectory keeps tegenprestatie + re-integration
    within the weekly maximum in every week it overlaps a placement."""
    from . import services

    services.check_combined_hours_for_trajectory(
        client_id=change.client_id,
        start=change.start,
        end=change.end,
        hours_per_week=Decimal(change.hours_per_week),
        trajectory_id=change.trajectory_id,
    )
