"""Snapshot tables written by the periodic jobs; the dashboards read only these (and other aggregates)."""

from django.conf import settings
from django.db import models

NO_GROUP = 9  # "geen groep vastgesteld" (a sentinel keeps the unique key simple on every database)


class Period(models.TextChoices):
    DAY = "dag", "Dag"
    MONTH = "maand", "Maand"


class CaseloadSnapshot(models.Model):
    """Active dossiers at the end of the period, and instroom/uitstroom during it, per dimension.

    Keyed on (period, date, wijkteam, group, regeling): a rerun upserts, never doubles. For a month, ``date`` is
    the first day of the month and ``active`` the caseload on its last day.
    """

    period = models.CharField("periode", max_length=5, choices=Period.choices)
    date = models.DateField("datum")
    wijkteam = models.ForeignKey("accounts.Wijkteam", on_delete=models.CASCADE, related_name="+")
    group = models.SmallIntegerField("participatiegroep")
    regeling = models.CharField("regeling", max_length=10)
    active = models.PositiveIntegerField("lopend", default=0)
    instroom = models.PositiveIntegerField("instroom", default=0)
    uitstroom = models.PositiveIntegerField("uitstroom", default=0)

    class Meta:
        verbose_name = "momentopname caseload"
        verbose_name_plural = "momentopnamen caseload"
        constraints = [
            models.UniqueConstraint(
                fields=["period", "date", "wijkteam", "group", "regeling"], name="caseload_snapshot_key"
            )
        ]
        indexes = [models.Index(fields=["period", "wijkteam", "date"], name="caseload_period_team_idx")]


class CoachLoadSnapshot(models.Model):
    """Clients with a running dossier per coach on a date."""

    date = models.DateField("datum")
    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    wijkteam = models.ForeignKey("accounts.Wijkteam", null=True, on_delete=models.CASCADE, related_name="+")
    clients = models.PositiveIntegerField("cliënten")

    class Meta:
        verbose_name = "momentopname coachbelasting"
        verbose_name_plural = "momentopnamen coachbelasting"
        constraints = [models.UniqueConstraint(fields=["date", "coach"], name="coachload_snapshot_key")]


class TegenprestatieSnapshot(models.Model):
    """Per month and wijkteam: active placements per phase and registered hours."""

    month = models.DateField("maand")
    wijkteam = models.ForeignKey("accounts.Wijkteam", on_delete=models.CASCADE, related_name="+")
    phase = models.PositiveSmallIntegerField("fase")
    active_placements = models.PositiveIntegerField("actieve plaatsingen", default=0)
    hours = models.DecimalField("uren", max_digits=10, decimal_places=2, default=0)

    class Meta:
        verbose_name = "momentopname tegenprestatie"
        verbose_name_plural = "momentopnamen tegenprestatie"
        constraints = [models.UniqueConstraint(fields=["month", "wijkteam", "phase"], name="tp_snapshot_key")]
