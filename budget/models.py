"""BUIG budget: years, revisions and realisation (append-only ledgers), forecast runs, vangnet rules.

The ledgers never change a written row: a wrong revision is corrected by a new entry that points at the
entry it corrects (with a reason); a wrong realisation line is reversed by a tegenboeking. The model
and its queryset refuse update and delete, the admin is read-only, and the database enforces the
invariants that matter under concurrency (one non-correction entry per kind per year; one correction per
entry; one reversal per line).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from . import rules

MONEY = {"max_digits": 14, "decimal_places": 2}
PERCENT = {"max_digits": 6, "decimal_places": 2}


class AppendOnlyQuerySet(models.QuerySet):
    """A ledger is append-only: no bulk update or delete path."""

    def update(self, **kwargs):
        raise ValidationError("Boekingen worden nooit gewijzigd; leg een correctie vast.", code="append_only")

    def delete(self):
        raise ValidationError(
            "Boekingen worden nooit verwijderd; leg een correctie vast.", code="append_only"
        )


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValidationError(
                "Boekingen worden nooit gewijzigd; leg een correctie vast.", code="append_only"
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(
            "Boekingen worden nooit verwijderd; leg een correctie vast.", code="append_only"
        )


class BudgetYear(models.Model):
    """A BUIG budget year; the row finance locks (select_for_update) while entering a revision."""

    year = models.PositiveSmallIntegerField(
        "jaar", unique=True, validators=[MinValueValidator(2015), MaxValueValidator(2100)]
    )
    caseload_uitgangspunt = models.PositiveIntegerField(
        "uitgangspunt aantal uitkeringen",
        null=True,
        blank=True,
        help_text="Verwacht gemiddeld aantal uitkeringen volgens financiën. Leeg: het aantal lopende "
        "uitkeringsdossiers wordt gebruikt.",
    )
    note = models.TextField("toelichting", blank=True)
    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "begrotingsjaar"
        verbose_name_plural = "begrotingsjaren"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"BUIG {self.year}"


class RevisionKind(models.TextChoices):
    VOORLOPIG = rules.VOORLOPIG, "Voorlopig"
    NADER_VOORLOPIG = rules.NADER_VOORLOPIG, "Nader voorlopig"
    DEFINITIEF = rules.DEFINITIEF, "Definitief"
    BIJSTELLING = rules.BIJSTELLING, "Bijstelling"


class BudgetRevision(AppendOnlyModel):
    """One published BUIG budget figure for a year (append-only)."""

    budget_year = models.ForeignKey(
        BudgetYear, on_delete=models.PROTECT, related_name="revisions", verbose_name="begrotingsjaar"
    )
    kind = models.CharField("soort", max_length=20, choices=RevisionKind.choices)
    amount = models.DecimalField("bedrag", **MONEY)
    published_on = models.DateField("publicatiedatum")
    source = models.CharField(
        "bron", max_length=300, help_text="Bijvoorbeeld de beschikking of Staatscourant."
    )
    note = models.TextField("toelichting", blank=True)
    bezwaar = models.BooleanField("pro-forma bezwaar ingediend", default=False)
    bezwaar_on = models.DateField("datum bezwaar", null=True, blank=True)
    corrects = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="correction",
        verbose_name="corrigeert",
    )
    reason = models.TextField("reden correctie", blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="ingevoerd door"
    )
    entered_at = models.DateTimeField("ingevoerd op", auto_now_add=True)

    class Meta:
        verbose_name = "budgetbijstelling"
        verbose_name_plural = "budgetbijstellingen"
        ordering = ["budget_year__year", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["budget_year", "kind"],
                condition=Q(corrects__isnull=True) & Q(kind__in=rules.SINGLE_KINDS),
                name="budget_revision_one_per_kind_per_year",
                violation_error_message="Voor dit jaar is al een budget van deze soort vastgelegd.",
            ),
            models.CheckConstraint(condition=Q(amount__gt=0), name="budget_revision_amount_positive"),
            models.CheckConstraint(
                condition=Q(corrects__isnull=True) | ~Q(reason=""),
                name="budget_revision_correction_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(bezwaar=True, bezwaar_on__isnull=False)
                | Q(bezwaar=False, bezwaar_on__isnull=True),
                name="budget_revision_bezwaar_has_date",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=[k.value for k in RevisionKind]), name="budget_revision_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.budget_year.year}: {self.amount}"

    def as_entry(self) -> rules.RevisionEntry:
        return rules.RevisionEntry(
            id=self.pk,
            year=self.budget_year.year,
            kind=self.kind,
            amount=self.amount,
            published_on=self.published_on,
            corrects=self.corrects_id,
        )


class RealisationPost(models.TextChoices):
    ALGEMENE_BIJSTAND = "algemene_bijstand", "Algemene bijstand (Participatiewet)"
    IOAW = "ioaw", "IOAW"
    IOAZ = "ioaz", "IOAZ"
    BBZ = "bbz_levensonderhoud", "Bbz levensonderhoud"
    LOONKOSTENSUBSIDIE = "loonkostensubsidie", "Loonkostensubsidie"
    TERUGVORDERING = "terugvordering_verhaal", "Baten: terugvordering en verhaal"


assert {c.value for c in RealisationPost} == set(rules.LASTEN_POSTS + rules.BATEN_POSTS)


class RealisationEntry(AppendOnlyModel):
    """One booking of realised lasten or baten for a month (append-only; reversed by a tegenboeking).

    Amounts are positive; a tegenboeking carries the negated amount so that sums in SQL are right.
    """

    class Source(models.TextChoices):
        HANDMATIG = "handmatig", "Handmatig (financiën)"
        SRT = "srt", "Overgenomen uit SRT-terugvorderingen"

    budget_year = models.ForeignKey(
        BudgetYear,
        on_delete=models.PROTECT,
        related_name="realisation_entries",
        verbose_name="begrotingsjaar",
    )
    month = models.DateField("maand", help_text="De eerste dag van de maand.")
    post = models.CharField("post", max_length=30, choices=RealisationPost.choices)
    amount = models.DecimalField("bedrag", **MONEY)
    source = models.CharField("herkomst", max_length=12, choices=Source.choices, default=Source.HANDMATIG)
    reference = models.CharField("referentie", max_length=200, blank=True, help_text="Bijv. maandrapportage.")
    note = models.TextField("toelichting", blank=True)
    reverses = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reversal",
        verbose_name="tegenboeking van",
    )
    reason = models.TextField("reden tegenboeking", blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="ingevoerd door"
    )
    entered_at = models.DateTimeField("ingevoerd op", auto_now_add=True)

    class Meta:
        verbose_name = "realisatieboeking"
        verbose_name_plural = "realisatieboekingen"
        ordering = ["budget_year__year", "month", "id"]
        indexes = [models.Index(fields=["budget_year", "month"], name="budget_realisation_year_month")]
        constraints = [
            models.CheckConstraint(
                condition=Q(reverses__isnull=True, amount__gt=0) | Q(reverses__isnull=False, amount__lt=0),
                name="budget_realisation_sign",
            ),
            models.CheckConstraint(
                condition=Q(reverses__isnull=True) | ~Q(reason=""),
                name="budget_realisation_reversal_has_reason",
            ),
            models.CheckConstraint(condition=Q(month__day=1), name="budget_realisation_first_of_month"),
            models.CheckConstraint(
                condition=Q(post__in=[p.value for p in RealisationPost]), name="budget_realisation_post_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_post_display()} {self.month:%m-%Y}: {self.amount}"

    @property
    def is_reversal(self) -> bool:
        return self.reverses_id is not None


class ForecastScenario(models.TextChoices):
    BASIS = "basis", "Basis"
    HOOG = "hoog", "Hoog"
    LAAG = "laag", "Laag"
    REALISATIE = "realisatie", "Realisatie doorgetrokken"


class ForecastRun(models.Model):
    """The result of one forecast computation: one row per year, scenario and run date (idempotent upsert)."""

    budget_year = models.ForeignKey(
        BudgetYear, on_delete=models.CASCADE, related_name="forecast_runs", verbose_name="begrotingsjaar"
    )
    scenario = models.CharField("scenario", max_length=12, choices=ForecastScenario.choices)
    run_on = models.DateField("datum berekening")
    method = models.CharField("methode", max_length=20)
    lasten = models.DecimalField("verwachte netto lasten", **MONEY)
    caseload = models.PositiveIntegerField("aantal uitkeringen", null=True, blank=True)
    cost_per_uitkering = models.DecimalField("kosten per uitkering", null=True, blank=True, **MONEY)
    budget_kind = models.CharField("budget (soort)", max_length=20, choices=RevisionKind.choices, blank=True)
    budget_amount = models.DecimalField("budget", null=True, blank=True, **MONEY)
    tekort = models.DecimalField("tekort (+) / overschot (−)", null=True, blank=True, **MONEY)
    tekort_pct = models.DecimalField(
        "tekort in % van het budget", null=True, blank=True, max_digits=18, decimal_places=2
    )  # wide enough for any budget and lasten the rules accept (budget.rules.PERCENT_MAX_DIGITS)
    vangnet = models.DecimalField("geschatte vangnetuitkering", null=True, blank=True, **MONEY)
    inputs = models.JSONField("uitgangspunten", default=dict)
    working = models.JSONField("berekening", default=list)
    computed_at = models.DateTimeField("berekend op", auto_now=True)
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="berekend door",
    )

    class Meta:
        verbose_name = "prognose"
        verbose_name_plural = "prognoses"
        ordering = ["budget_year__year", "-run_on", "scenario"]
        constraints = [
            models.UniqueConstraint(
                fields=["budget_year", "scenario", "run_on"], name="budget_forecast_one_per_scenario_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"Prognose {self.budget_year.year} {self.get_scenario_display()} ({self.run_on:%d-%m-%Y})"


class VangnetRegel(models.Model):
    """The vangnet rules of one year (configuration, maintained by financiën / functioneel beheer)."""

    year = models.PositiveSmallIntegerField("jaar", unique=True)
    eigen_risico_pct = models.DecimalField("eigen risico (% van het budget)", **PERCENT)
    multiyear_years = models.PositiveSmallIntegerField(
        "meerjarige toets: aantal jaren",
        default=0,
        help_text="3 = cumulatief tekort over t−2..t; 0 = geen toets.",
    )
    multiyear_threshold_pct = models.DecimalField(
        "meerjarige toets: drempel (% van het cumulatieve budget)", null=True, blank=True, **PERCENT
    )
    extended_threshold_pct = models.DecimalField(
        "uitgebreid vangnet: drempel (%)", null=True, blank=True, **PERCENT
    )
    extended_reference_from = models.PositiveSmallIntegerField(
        "uitgebreid vangnet: referentie vanaf", null=True, blank=True
    )
    extended_reference_to = models.PositiveSmallIntegerField(
        "uitgebreid vangnet: referentie t/m", null=True, blank=True
    )
    extended_min_years = models.PositiveSmallIntegerField(
        "uitgebreid vangnet: minimaal aantal jaren boven de drempel", null=True, blank=True
    )
    source = models.CharField("bron", max_length=300)
    note = models.TextField("toelichting", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "vangnetregel"
        verbose_name_plural = "vangnetregels"
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(eigen_risico_pct__gte=0, eigen_risico_pct__lt=100),
                name="budget_vangnet_eigen_risico",
            ),
            models.CheckConstraint(
                condition=Q(extended_reference_to__isnull=True) | Q(extended_reference_to__lt=F("year")),
                name="budget_vangnet_reference_before_year",
            ),
        ]

    def __str__(self) -> str:
        return f"Vangnetregel {self.year}"

    def as_config(self, bands=None) -> rules.VangnetConfig:
        bands = list(self.bands.all()) if bands is None else bands
        return rules.VangnetConfig(
            year=self.year,
            eigen_risico_pct=self.eigen_risico_pct,
            bands=tuple(b.as_band() for b in bands if b.kind == VangnetSchijf.Kind.REGULIER),
            multiyear_years=self.multiyear_years,
            multiyear_threshold_pct=self.multiyear_threshold_pct,
            extended_threshold_pct=self.extended_threshold_pct,
            extended_reference_from=self.extended_reference_from,
            extended_reference_to=self.extended_reference_to,
            extended_min_years=self.extended_min_years,
            extended_bands=tuple(b.as_band() for b in bands if b.kind == VangnetSchijf.Kind.UITGEBREID),
        )


class VangnetSchijf(models.Model):
    """A compensation band: ``share_pct`` of the tekort between ``from_pct`` and ``to_pct`` of the budget."""

    class Kind(models.TextChoices):
        REGULIER = "regulier", "Regulier vangnet"
        UITGEBREID = "uitgebreid", "Uitgebreid vangnet"

    regel = models.ForeignKey(
        VangnetRegel, on_delete=models.CASCADE, related_name="bands", verbose_name="regel"
    )
    kind = models.CharField("soort", max_length=12, choices=Kind.choices, default=Kind.REGULIER)
    from_pct = models.DecimalField("vanaf (% van het budget)", **PERCENT)
    to_pct = models.DecimalField("tot (% van het budget)", null=True, blank=True, **PERCENT)
    share_pct = models.DecimalField("vergoeding (%)", **PERCENT)

    class Meta:
        verbose_name = "vangnetschijf"
        verbose_name_plural = "vangnetschijven"
        ordering = ["regel", "kind", "from_pct"]
        constraints = [
            models.CheckConstraint(
                condition=Q(share_pct__gt=0, share_pct__lte=100), name="budget_vangnet_band_share"
            ),
            models.CheckConstraint(
                condition=Q(to_pct__isnull=True) | Q(to_pct__gt=F("from_pct")),
                name="budget_vangnet_band_range",
            ),
        ]

    def __str__(self) -> str:
        upper = "∞" if self.to_pct is None else f"{self.to_pct}%"
        return f"{self.from_pct}%–{upper}: {self.share_pct}%"

    def as_band(self) -> rules.VangnetBand:
        return rules.VangnetBand(from_pct=self.from_pct, to_pct=self.to_pct, share_pct=self.share_pct)
