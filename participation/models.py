"""Participation: profiles, group assignments (with history) and trajectories (deployed instruments).

The instrument catalogue itself is data in ``participation/rules.py`` (groups and conditions are rules).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from cases.models import Client, Leefgebied

from .rules import (
    TRAJECTORY_INSTRUMENT_CHOICES,
    Belemmeringen,
    Coach,
    Groep,
    Kans,
    Motivatie,
    Opleiding,
    Preventiesignaal,
    Trede,
)

GROUP_RANGE = Q(group__gte=-1, group__lte=4)


class Profile(models.Model):
    """A participation profile of a client as assessed on a date.

    Never changed: a new assessment is a new row, so the profiles are the participatieladder over time.
    """

    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, related_name="participation_profiles", verbose_name="cliënt"
    )
    assessed_on = models.DateField("datum")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="vastgelegd door"
    )
    motivatie = models.CharField("motivatie", max_length=12, choices=Motivatie.choices)
    kans_arbeidsmarkt = models.CharField("kans op de arbeidsmarkt", max_length=10, choices=Kans.choices)
    opleiding = models.CharField("opleiding/kwalificatie", max_length=10, choices=Opleiding.choices)
    belemmeringen = models.CharField("belemmeringen", max_length=16, choices=Belemmeringen.choices)
    belemmering_leefgebieden = models.JSONField(
        "belemmeringen op leefgebieden", default=list, blank=True, help_text="Waarden uit cases.Leefgebied"
    )
    coach = models.CharField("wijk- of zorgcoach betrokken", max_length=10, choices=Coach.choices, blank=True)
    preventiesignaal = models.CharField(
        "preventiesignaal", max_length=16, choices=Preventiesignaal.choices, blank=True
    )
    trede = models.PositiveSmallIntegerField("trede participatieladder", choices=Trede.choices)
    # Derived from the uitkeringsdossiers when the profile is recorded (a snapshot, like the rest).
    uitkeringsduur_maanden = models.PositiveIntegerField("uitkeringsduur (maanden)")
    in_uitkering = models.BooleanField("ontvangt uitkering", default=False)
    # Facts the instrument conditions need.
    arbeidsbeperking = models.BooleanField("arbeidsbeperking", default=False)
    startkwalificatie = models.BooleanField("startkwalificatie", default=False)
    student = models.BooleanField("student (studiefinanciering/WTOS)", default=False)
    medisch_urenbeperkt = models.BooleanField("medische urenbeperking", default=False)
    andere_vrijlating_loopt = models.BooleanField("vrijlating 25% of 12,5% loopt", default=False)
    # Care duties and availability (weighed in the suggestion; may call for an ontheffing).
    zorg_kinderen = models.BooleanField("zorgt voor kinderen", default=False)
    jongste_kind_geboren = models.DateField("geboortedatum jongste kind", null=True, blank=True)
    mantelzorg_uren = models.DecimalField(
        "mantelzorg (uren per week)", max_digits=4, decimal_places=1, default=0
    )
    beschikbare_uren = models.DecimalField(
        "beschikbaar voor werk of re-integratie (uren per week)",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Leeg: niet vastgelegd.",
    )
    toelichting = models.TextField("toelichting", blank=True)
    # The suggestion computed by rules.suggest_group when the profile was recorded: the deciding factors, then
    # every other factor that was weighed.
    suggested_group = models.SmallIntegerField("voorgestelde groep", choices=Groep.choices)
    suggestion_reasons = models.JSONField("onderbouwing voorstel", default=list)
    aandachtspunten = models.JSONField(
        "aandachtspunten voor de coach", default=list, blank=True, help_text="Bijv. ontheffing art. 9a"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "participatieprofiel"
        verbose_name_plural = "participatieprofielen"
        ordering = ["-assessed_on", "-id"]
        indexes = [models.Index(fields=["client", "-assessed_on", "-id"], name="profile_client_date_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(trede__gte=1, trede__lte=6), name="profile_trede_1_6"),
            models.CheckConstraint(
                condition=Q(suggested_group__gte=-1, suggested_group__lte=4),
                name="profile_suggested_group_range",
            ),
            models.CheckConstraint(
                condition=Q(jongste_kind_geboren__isnull=True) | Q(zorg_kinderen=True),
                name="profile_child_birth_needs_care",
            ),
            models.CheckConstraint(
                condition=Q(mantelzorg_uren__gte=0, mantelzorg_uren__lte=168),
                name="profile_mantelzorg_hours_range",
            ),
            models.CheckConstraint(
                condition=Q(beschikbare_uren__isnull=True)
                | Q(beschikbare_uren__gte=0, beschikbare_uren__lte=40),
                name="profile_available_hours_range",
            ),
        ]

    def __str__(self) -> str:
        return f"Profiel {self.client} van {self.assessed_on:%d-%m-%Y}"

    @property
    def leefgebieden_display(self) -> str:
        labels = dict(Leefgebied.choices)
        return ", ".join(str(labels.get(v, v)).lower() for v in self.belemmering_leefgebieden)


class GroupAssignment(models.Model):
    """The coach's decision: the client's participation group from ``valid_from`` until ``valid_to``.

    ``valid_to`` is exclusive: it is the ``valid_from`` of the next assignment (null while current).
    The database allows exactly one current assignment per client.
    """

    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, related_name="group_assignments", verbose_name="cliënt"
    )
    group = models.SmallIntegerField("groep", choices=Groep.choices)
    valid_from = models.DateField("geldig vanaf")
    valid_to = models.DateField("geldig tot", null=True, blank=True)
    profile = models.ForeignKey(
        Profile,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assignments",
        verbose_name="profiel",
    )
    suggested_group = models.SmallIntegerField(
        "voorgestelde groep", choices=Groep.choices, null=True, blank=True
    )
    reason = models.TextField("reden", blank=True)
    review_due = models.DateField("herbeoordeling uiterlijk")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="besloten door"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "groepsindeling"
        verbose_name_plural = "groepsindelingen"
        ordering = ["-valid_from", "-id"]
        indexes = [
            models.Index(fields=["client", "-valid_from", "-id"], name="assignment_client_idx"),
            models.Index(fields=["valid_from"], name="assignment_from_idx"),
            models.Index(
                fields=["group", "review_due"],
                condition=Q(valid_to__isnull=True),
                name="assignment_current_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["client"],
                condition=Q(valid_to__isnull=True),
                name="assignment_one_current_per_client",
            ),
            models.CheckConstraint(condition=GROUP_RANGE, name="assignment_group_range"),
            models.CheckConstraint(
                condition=Q(suggested_group__isnull=True)
                | Q(suggested_group__gte=-1, suggested_group__lte=4),
                name="assignment_suggested_group_range",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="assignment_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.client}: groep {self.group} vanaf {self.valid_from:%d-%m-%Y}"

    @property
    def deviates(self) -> bool:
        return self.suggested_group is not None and self.suggested_group != self.group


class Trajectory(models.Model):
    """One instrument deployed for a client: a period, hours per week, a provider, a cost and an outcome."""

    class Outcome(models.TextChoices):
        LOPEND = "", "Lopend"
        WERK = "werk", "Afgerond: aan het werk"
        DOEL_BEREIKT = "doel_bereikt", "Afgerond: doel bereikt"
        NIET_BEREIKT = "niet_bereikt", "Afgerond: doel niet bereikt"
        VOORTIJDIG = "voortijdig", "Voortijdig gestopt"

    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, related_name="trajectories", verbose_name="cliënt"
    )
    instrument = models.CharField("instrument", max_length=30, choices=TRAJECTORY_INSTRUMENT_CHOICES)
    group = models.SmallIntegerField("groep bij inzet", choices=Groep.choices)
    start = models.DateField("startdatum")
    end = models.DateField("einddatum", null=True, blank=True, help_text="Laatste dag (gepland of werkelijk)")
    hours_per_week = models.DecimalField("uren per week", max_digits=4, decimal_places=1)
    provider = models.CharField("aanbieder", max_length=150)
    cost = models.DecimalField("kosten", max_digits=14, decimal_places=2)
    loonwaarde_pct = models.DecimalField(
        "loonwaarde (%)", max_digits=5, decimal_places=2, null=True, blank=True
    )
    monthly_subsidy = models.DecimalField(
        "loonkostensubsidie per maand", max_digits=14, decimal_places=2, null=True, blank=True
    )
    outcome = models.CharField("resultaat", max_length=16, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField("toelichting resultaat", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="ingezet door"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "traject"
        verbose_name_plural = "trajecten"
        ordering = ["-start", "-id"]
        indexes = [
            models.Index(fields=["client", "start", "end"], name="trajectory_client_period_idx"),
            models.Index(fields=["start", "end"], name="trajectory_period_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=GROUP_RANGE, name="trajectory_group_range"),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="trajectory_period_ordered"
            ),
            models.CheckConstraint(
                condition=Q(hours_per_week__gte=0, hours_per_week__lte=40), name="trajectory_hours_0_40"
            ),
            models.CheckConstraint(condition=Q(cost__gte=0), name="trajectory_cost_not_negative"),
            models.CheckConstraint(
                condition=Q(outcome="") | Q(end__isnull=False), name="trajectory_outcome_needs_end"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_instrument_display()} voor {self.client} vanaf {self.start:%d-%m-%Y}"

    def is_active_on(self, day) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)
