"""SRT signals and investigations (need-to-know).

The tables keep the names they had while SRT lived inside ``cases`` (``db_table``), so moving the app moved no
data (``srt/migrations/0001_initial.py``).

Only SRT staff read these rows (see ``selectors``); every read is written to the access log. Amounts are
Decimal euros; the derived figures the report sums (savings, duration) are stored when the outcome is
recorded, computed by ``rules`` in one place.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from .rules import (
    BoeteAdvice,
    Culpability,
    InvestigationStatus,
    OtherResult,
    Outcome,
    SignalSource,
    SignalStatus,
    TerugvorderingGrond,
)

__all__ = ["SrtSignal", "SrtInvestigation", "SrtAssignment", "SrtNote", "SrtDocument"]

MONEY = {"max_digits": 14, "decimal_places": 2}


class SrtSignal(models.Model):
    """A fraud signal about a client; SRT triages it: discard (with reason) or open an investigation."""

    client = models.ForeignKey(
        "cases.Client", on_delete=models.PROTECT, related_name="srt_signals", verbose_name="cliënt"
    )
    dossier = models.ForeignKey(
        "cases.Uitkeringsdossier",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="srt_signals",
        verbose_name="uitkeringsdossier",
    )
    aanvraag = models.ForeignKey(
        "cases.Aanvraag",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="srt_signals",
        verbose_name="aanvraag",
    )
    source = models.CharField("bron", max_length=20, choices=SignalSource.choices)
    risk_profile = models.CharField(
        "risicoprofiel", max_length=120, blank=True, help_text="Verplicht bij een themacontrole"
    )
    received_on = models.DateField("ontvangen op")
    description = models.TextField("omschrijving")
    status = models.CharField(
        "status", max_length=20, choices=SignalStatus.choices, default=SignalStatus.NIEUW
    )
    discard_reason = models.TextField("reden verwerpen", blank=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    triaged_at = models.DateTimeField("beoordeeld op", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "cases_srtsignal"
        verbose_name = "SRT-signaal"
        verbose_name_plural = "SRT-signalen"
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["status", "-received_on"], name="srt_signal_status_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(source=SignalSource.THEMACONTROLE) | ~Q(risk_profile=""),
                name="srt_signal_themacontrole_has_profile",
            ),
            models.CheckConstraint(
                condition=~Q(status=SignalStatus.VERWORPEN) | ~Q(discard_reason=""),
                name="srt_signal_discard_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Signaal {self.pk} ({self.get_source_display()}, {self.received_on:%d-%m-%Y})"


class SrtInvestigation(models.Model):
    """An SRT investigation: gemeld → in onderzoek → afgerond, with an outcome and its money."""

    reference = models.CharField("kenmerk", max_length=20, unique=True)
    signal = models.OneToOneField(
        SrtSignal,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="investigation",
        verbose_name="signaal",
    )
    client = models.ForeignKey(
        "cases.Client", on_delete=models.PROTECT, related_name="srt_investigations", verbose_name="cliënt"
    )
    dossier = models.ForeignKey(
        "cases.Uitkeringsdossier",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="srt_investigations",
        verbose_name="uitkeringsdossier",
    )
    aanvraag = models.ForeignKey(
        "cases.Aanvraag",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="srt_investigations",
        verbose_name="aanvraag",
    )
    source = models.CharField("bron", max_length=20, choices=SignalSource.choices)
    status = models.CharField(
        "status", max_length=20, choices=InvestigationStatus.choices, default=InvestigationStatus.GEMELD
    )
    opened_on = models.DateField("geopend op")
    started_on = models.DateField("in onderzoek sinds", null=True, blank=True)
    closed_on = models.DateField("afgerond op", null=True, blank=True)
    duration_days = models.PositiveIntegerField("doorlooptijd (dagen)", null=True, blank=True)
    investigators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="SrtAssignment",
        through_fields=("investigation", "user"),
        related_name="srt_investigations",
        verbose_name="onderzoekers",
        blank=True,
    )

    # Outcome
    outcome = models.CharField("uitkomst", max_length=25, choices=Outcome.choices, blank=True)
    other_result = models.CharField("ander resultaat", max_length=20, choices=OtherResult.choices, blank=True)
    conclusion = models.TextField("conclusie", blank=True)
    inlichtingenplicht_geschonden = models.BooleanField("inlichtingenplicht geschonden", default=False)
    culpability = models.CharField("verwijtbaarheid", max_length=20, choices=Culpability.choices, blank=True)
    benadelingsbedrag = models.DecimalField("benadelingsbedrag", default=0, **MONEY)
    terugvordering = models.DecimalField("terugvordering", default=0, **MONEY)
    terugvordering_grond = models.CharField(
        "grond terugvordering", max_length=10, choices=TerugvorderingGrond.choices, blank=True
    )
    terugvordering_afgezien = models.BooleanField(
        "afgezien van terugvordering (dringende redenen)", default=False
    )
    terugvordering_afzien_reden = models.TextField("dringende reden", blank=True)
    boete_advice = models.CharField("advies sanctie", max_length=15, choices=BoeteAdvice.choices, blank=True)
    boete_voorstel = models.DecimalField("voorgestelde boete", null=True, blank=True, **MONEY)
    boete = models.DecimalField("opgelegde boete", default=0, **MONEY)
    boete_reden = models.TextField("reden afwijking boete", blank=True)
    recidive = models.BooleanField("recidive", default=False)
    waarschuwing = models.BooleanField("schriftelijke waarschuwing gegeven", default=False)
    aangifte = models.BooleanField("aangifte bij het OM", default=False)
    aangifte_reden = models.TextField(
        "reden keuze aangifte of boete",
        blank=True,
        help_text="Verplicht wanneer van het uitgangspunt wordt afgeweken: aangifte vanaf de drempel, anders een boete",
    )
    maandbedrag_uitkering = models.DecimalField("maandbedrag uitkering", null=True, blank=True, **MONEY)
    bespaarde_uitkering = models.DecimalField("bespaarde uitkering", default=0, **MONEY)
    outcome_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "cases_srtinvestigation"
        verbose_name = "SRT-onderzoek"
        verbose_name_plural = "SRT-onderzoeken"
        ordering = ["-opened_on", "-id"]
        indexes = [
            models.Index(fields=["status", "-opened_on"], name="srt_inv_status_idx"),
            models.Index(fields=["closed_on"], name="srt_inv_closed_idx"),
            models.Index(fields=["client", "closed_on"], name="srt_inv_client_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(benadelingsbedrag__gte=0)
                & Q(terugvordering__gte=0)
                & Q(boete__gte=0)
                & Q(bespaarde_uitkering__gte=0),
                name="srt_inv_amounts_not_negative",
            ),
            models.CheckConstraint(
                condition=~Q(status=InvestigationStatus.AFGEROND)
                | (Q(closed_on__isnull=False) & ~Q(outcome="")),
                name="srt_inv_closed_has_outcome",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("opened_on")),
                name="srt_inv_closed_after_opened",
            ),
            models.CheckConstraint(
                condition=~Q(outcome=Outcome.ANDER_RESULTAAT) | ~Q(other_result=""),
                name="srt_inv_other_result_given",
            ),
            models.CheckConstraint(
                condition=Q(terugvordering_afgezien=False) | ~Q(terugvordering_afzien_reden=""),
                name="srt_inv_waiver_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_closed(self) -> bool:
        return self.status == InvestigationStatus.AFGEROND


class SrtAssignment(models.Model):
    """An SRT investigator assigned to an investigation (only users with the SRT role)."""

    investigation = models.ForeignKey(SrtInvestigation, on_delete=models.CASCADE, related_name="assignments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="srt_assignments"
    )
    assigned_at = models.DateTimeField("toegewezen op", auto_now_add=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        db_table = "cases_srtassignment"
        verbose_name = "toewijzing onderzoeker"
        verbose_name_plural = "toewijzingen onderzoekers"
        ordering = ["assigned_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["investigation", "user"], name="srt_assignment_once"),
        ]


class SrtNote(models.Model):
    """The findings log: append-only lines with author and time (status changes are logged here too)."""

    class Kind(models.TextChoices):
        BEVINDING = "bevinding", "Bevinding"
        STATUS = "status", "Statuswijziging"
        UITKOMST = "uitkomst", "Uitkomst"
        TOEWIJZING = "toewijzing", "Toewijzing"

    investigation = models.ForeignKey(SrtInvestigation, on_delete=models.PROTECT, related_name="notes")
    kind = models.CharField("soort", max_length=12, choices=Kind.choices, default=Kind.BEVINDING)
    text = models.TextField("bevinding")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("tijdstip", auto_now_add=True)

    class Meta:
        db_table = "cases_srtnote"
        verbose_name = "bevinding"
        verbose_name_plural = "bevindingen"
        ordering = ["at", "id"]

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValueError("Bevindingen zijn onveranderlijk: voeg een nieuwe regel toe.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Bevindingen kunnen niet worden verwijderd.")


class SrtDocument(models.Model):
    """Metadata of a document in the investigation file (the document itself lives in the DMS)."""

    class Kind(models.TextChoices):
        PROCES_VERBAAL = "proces_verbaal", "Proces-verbaal"
        RAPPORT_HUISBEZOEK = "rapport_huisbezoek", "Rapport huisbezoek"
        VERKLARING = "verklaring", "Verklaring cliënt"
        BANKAFSCHRIFTEN = "bankafschriften", "Bankafschriften"
        SUWINET = "suwinet", "Suwinet-uitdraai"
        BESLUIT = "besluit", "Besluit"
        OVERIG = "overig", "Overig"

    investigation = models.ForeignKey(SrtInvestigation, on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField("soort", max_length=20, choices=Kind.choices)
    title = models.CharField("titel", max_length=200)
    document_date = models.DateField("documentdatum")
    dms_reference = models.CharField("kenmerk DMS", max_length=60, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField("toegevoegd op", auto_now_add=True)

    class Meta:
        db_table = "cases_srtdocument"
        verbose_name = "document"
        verbose_name_plural = "documenten"
        ordering = ["document_date", "id"]
