"""Hooks participation offers to the apps above it (tegenprestatie): they register a check here, so
participation never imports them (the dependency points down only).

A check receives the trajectory as it will be after the write and raises
``almelo_sociaal.core.rules.RuleViolation`` to refuse it; the participation service turns that into the usual
``ValidationError`` inside its transaction (the client row is locked).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class TrajectoryChange:
    """A trajectory as it will be: a new one (``trajectory_id`` None) or a change of an existing one.

    ``start``/``end``: the part of the period that is new (for a later end date: the days added).
    """

    client_id: int
    start: date
    end: date | None
    hours_per_week: Decimal
    trajectory_id: int | None = None


TrajectoryCheck = Callable[[TrajectoryChange], None]
_trajectory_checks: list[TrajectoryCheck] = []


def register_trajectory_check(check: TrajectoryCheck) -> TrajectoryCheck:
    """Register ``check`` once (AppConfig.ready of the app that owns the rule)."""
    if check not in _trajectory_checks:
        _trajectory_checks.append(check)
    return check


def run_trajectory_checks(change: TrajectoryChange) -> None:
    for check in list(_trajectory_checks):
        check(change)
