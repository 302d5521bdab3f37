"""What tegenprestatie needs to know from participation, behind one function (the participation selectors).

Kept in one module so tests can replace it and so there is no hard database dependency on participation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

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
