"""Tegenprestatie: host organisations, the activity catalogue, placements, weekly hours, vrijstellingen and
maatregelen. The display name of the concept lives in ``terms.py`` (renamed in 2027)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from . import rules


class HostOrganisation(models.Model):
    """A gastorganisatie for tegenprestatie. Without a verdringing declaration: no placement."""

    class Kind(models.TextChoices):
        VERENIGING = "vereniging", "Vereniging (sport, cultuur)"
        STICHTING = "stichting", "Stichting / maatschappelijke organisatie"
        BUURTHUIS = "buurthuis", "Buurthuis / wijkcentrum"
        ONDERWIJS = "onderwijs", "School / onderwijs"
        ZORG = "zorg", "Zorginstelling / ziekenhuis"
        GEMEENTE = "gemeente", "Gemeentelijke dienst"
        KRINGLOOP = "kringloop", "Kringloop / tweedehands"
        OVERIG = "overig", "Overig"

    name = models.CharField("naam", max_length=150, unique=True)
    kind = models.CharField("soort", max_length=20, choices=Kind.choices)
    street = models.CharField("straat en huisnummer", max_length=150)
    postcode = models.CharField("postcode", max_length=7)
    city = models.CharField("plaats", max_length=60, default="Almelo")
    wijkteam = models.ForeignKey(
        "accounts.Wijkteam",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tp_hosts",
        verbose_name="wijk(team)",
    )
    contact_name = models.CharField("contactpersoon", max_length=120)
    contact_phone = models.CharField("telefoon contactpersoon", max_length=20, blank=True)
    contact_email = models.EmailField("e-mail contactpersoon", blank=True)
    contact_users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="tp_host_organisations",
        verbose_name="accounts van contactpersonen",
        help_text="Deze accounts registreren uren voor cliënten die hier geplaatst zijn.",
    )
    declaration_signed_on = models.DateField("verdringingsverklaring getekend op", null=True, blank=True)
    declaration_signed_by = models.CharField(
        "verdringingsverklaring getekend door", max_length=150, blank=True, help_text="Naam en functie"
    )
    active = models.BooleanField("actief", default=True)
    notes = models.TextField("opmerkingen", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[])

    class Meta:
        verbose_name = "gastorganisatie"
        verbose_name_plural = "gastorganisaties"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(declaration_signed_on__isnull=True, declaration_signed_by="")
                | Q(declaration_signed_on__isnull=False) & ~Q(declaration_signed_by=""),
                name="tp_host_declaration_date_and_signer",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def has_declaration(self) -> bool:
        return self.declaration_signed_on is not None


class Activity(models.Model):
    """The catalogue: activities the municipality can impose, and the kinds a client may choose."""

    class Kind(models.TextChoices):
        OPGELEGD = "opgelegd", "Door de gemeente op te leggen"
        ZELFGEKOZEN = "zelfgekozen", "Zelf gekozen door de cliënt"

    code = models.SlugField("code", max_length=40, unique=True)
    name = models.CharField("naam", max_length=120)
    kind = models.CharField("soort", max_length=12, choices=Kind.choices)
    needs_host = models.BooleanField("bij een gastorganisatie", default=True)
    needs_description = models.BooleanField("omschrijving verplicht", default=False)
    active = models.BooleanField("actief", default=True)
    sort_order = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        verbose_name = "activiteit"
        verbose_name_plural = "activiteiten"
        ordering = ["kind", "sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_self_chosen_kind(self) -> bool:
        return self.kind == self.Kind.ZELFGEKOZEN


class Phase(models.IntegerChoices):
    FORMALISEREN = 1, "Fase 1 – formaliseren reeds actieve inwoners"
    ACTIVEREN = 2, "Fase 2 – activeren en formaliseren niet-actieve inwoners"
    REGULIER = 3, "Fase 3 – werkwijze in reguliere dienstverlening"


class Placement(models.Model):
    """A client's tegenprestatie at a host (or self-chosen), with agreed hours 'naar vermogen'."""

    class Status(models.TextChoices):
        VOORGESTELD = rules.PROPOSED, "Voorgesteld"
        ACTIEF = rules.ACTIVE, "Actief"
        GEPAUZEERD = rules.PAUSED, "Gepauzeerd"
        BEEINDIGD = rules.ENDED, "Beëindigd"

    class EndReason(models.TextChoices):
        WERK = "werk", "Uitstroom naar werk"
        OPLEIDING = "opleiding", "Start opleiding"
        REINTEGRATIE = "reintegratie", "Re-integratie gaat voor"
        VRIJSTELLING = "vrijstelling", "Vrijstelling"
        AFGEROND = "afgerond", "Afgesproken periode afgerond"
        NIET_NAGEKOMEN = "niet_nagekomen", "Afspraken niet nagekomen"
        UITKERING_BEEINDIGD = "uitkering_beeindigd", "Uitkering beëindigd"
        GASTORGANISATIE = "gastorganisatie", "Gastorganisatie stopt"
        ANDERS = "anders", "Anders"

    client = models.ForeignKey(
        "cases.Client", on_delete=models.PROTECT, related_name="tp_placements", verbose_name="cliënt"
    )
    host = models.ForeignKey(
        HostOrganisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="placements",
        verbose_name="gastorganisatie",
    )
    activity = models.ForeignKey(
        Activity, on_delete=models.PROTECT, related_name="placements", verbose_name="activiteit"
    )
    self_chosen = models.BooleanField("zelf gekozen", default=False)
    description = models.TextField("omschrijving", blank=True)
    phase = models.PositiveSmallIntegerField("fase", choices=Phase.choices, default=Phase.REGULIER)
    agreed_hours = models.DecimalField("afgesproken uren per week", max_digits=4, decimal_places=2)
    start_date = models.DateField("startdatum")
    end_date = models.DateField("einddatum", null=True, blank=True)
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.VOORGESTELD)
    end_reason = models.CharField("reden beëindiging", max_length=20, choices=EndReason.choices, blank=True)
    end_reason_text = models.TextField("toelichting beëindiging", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="vastgelegd door",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "plaatsing"
        verbose_name_plural = "plaatsingen"
        ordering = ["-start_date", "-id"]
        indexes = [
            models.Index(fields=["client", "status"], name="tp_placement_client_status"),
            models.Index(fields=["host", "status"], name="tp_placement_host_status"),
            models.Index(fields=["status", "start_date"], name="tp_placement_status_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(agreed_hours__gt=0) & Q(agreed_hours__lte=40),
                name="tp_placement_agreed_hours_range",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="tp_placement_end_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(status=rules.ENDED) | ~Q(end_reason="") & Q(end_date__isnull=False),
                name="tp_placement_ended_has_reason_and_date",
            ),
            models.CheckConstraint(condition=Q(phase__in=[1, 2, 3]), name="tp_placement_phase_1_3"),
        ]

    def __str__(self) -> str:
        where = f" bij {self.host.name}" if self.host_id else ""
        return f"{self.activity.name}{where} vanaf {self.start_date:%d-%m-%Y}"

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.BEEINDIGD


class PlacementEvent(models.Model):
    """Status history of a placement (pauses are read from it for missed weeks)."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField("van", max_length=12, blank=True)
    to_status = models.CharField("naar", max_length=12)
    on = models.DateField("per")
    reason = models.TextField("toelichting", blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "statuswijziging plaatsing"
        verbose_name_plural = "statuswijzigingen plaatsingen"
        ordering = ["on", "id"]


class HourLog(models.Model):
    """The hours of one placement in one ISO week (one row per placement and week)."""

    class Attendance(models.TextChoices):
        AANWEZIG = rules.PRESENT, "Aanwezig"
        AFGEMELD = rules.EXCUSED, "Afgemeld (met bericht)"
        NIET_VERSCHENEN = rules.NO_SHOW, "Niet verschenen"

    placement = models.ForeignKey(Placement, on_delete=models.PROTECT, related_name="hour_logs")
    client = models.ForeignKey("cases.Client", on_delete=models.PROTECT, related_name="tp_hour_logs")
    week_start = models.DateField("week (maandag)")
    iso_year = models.PositiveSmallIntegerField("ISO-jaar")
    iso_week = models.PositiveSmallIntegerField("ISO-week")
    month = models.DateField(
        "maand", help_text="Eerste dag van de maand waarin de donderdag van de week valt"
    )
    hours = models.DecimalField("uren", max_digits=4, decimal_places=2)
    attendance = models.CharField("aanwezigheid", max_length=16, choices=Attendance.choices)
    note = models.CharField("opmerking", max_length=200, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="geregistreerd door",
    )
    registered_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "urenregistratie"
        verbose_name_plural = "urenregistraties"
        ordering = ["-week_start", "id"]
        indexes = [
            models.Index(fields=["client", "iso_year"], name="tp_hourlog_client_year"),
            models.Index(fields=["week_start"], name="tp_hourlog_week"),
            models.Index(fields=["month"], name="tp_hourlog_month"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["placement", "week_start"], name="tp_hourlog_once_per_week"),
            models.CheckConstraint(
                condition=Q(hours__gte=0) & Q(hours__lte=40), name="tp_hourlog_hours_range"
            ),
            models.CheckConstraint(
                condition=Q(iso_week__gte=1) & Q(iso_week__lte=53), name="tp_hourlog_week_1_53"
            ),
        ]

    @property
    def week(self) -> rules.IsoWeek:
        return rules.IsoWeek(self.iso_year, self.iso_week)


class Exemption(models.Model):
    """Vrijstelling (ontheffing) of the tegenprestatie for a period: no new placement in it."""

    class Kind(models.TextChoices):
        MEDISCH = rules.MEDICAL, "Medisch"
        ALLEENSTAANDE_OUDER = rules.SINGLE_PARENT, "Alleenstaande ouder met jonge kinderen"
        MANTELZORG = rules.CARER, "Mantelzorg"

    client = models.ForeignKey(
        "cases.Client", on_delete=models.PROTECT, related_name="tp_exemptions", verbose_name="cliënt"
    )
    kind = models.CharField("soort", max_length=20, choices=Kind.choices)
    start_date = models.DateField("vanaf")
    end_date = models.DateField("tot en met")
    reason = models.TextField("onderbouwing")
    youngest_child_born = models.DateField("geboortedatum jongste kind", null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "vrijstelling"
        verbose_name_plural = "vrijstellingen"
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="tp_exemption_end_after_start"
            ),
        ]

    def as_period(self) -> rules.ExemptionPeriod:
        return rules.ExemptionPeriod(self.get_kind_display().lower(), self.start_date, self.end_date)


class Sanction(models.Model):
    """A maatregel for not complying, with the weighing (menselijke maat) and the client's account.

    Append-only: a maatregel is never edited; a correction is a new decision.
    """

    class Culpability(models.TextChoices):
        VOLLEDIG = rules.CULPABLE, "Volledig verwijtbaar"
        VERMINDERD = rules.REDUCED, "Verminderd verwijtbaar"
        GEEN = rules.NOT_CULPABLE, "Niet verwijtbaar"

    client = models.ForeignKey(
        "cases.Client", on_delete=models.PROTECT, related_name="tp_sanctions", verbose_name="cliënt"
    )
    placement = models.ForeignKey(
        Placement,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sanctions",
        verbose_name="plaatsing",
    )
    offence_on = models.DateField("datum gedraging")
    reason = models.TextField("gedraging")
    culpability = models.CharField("verwijtbaarheid", max_length=12, choices=Culpability.choices)
    urgent_reasons = models.TextField("dringende redenen")
    circumstances = models.TextField("omstandigheden van de cliënt")
    client_account = models.TextField("zienswijze van de cliënt (hoor en wederhoor)")
    heard_on = models.DateField("gehoord op", null=True, blank=True)
    standard_percentage = models.DecimalField("percentage volgens beleid", max_digits=5, decimal_places=2)
    level = models.CharField("niveau", max_length=12)
    prior_in_window = models.PositiveSmallIntegerField("eerdere gedragingen in recidivetermijn", default=0)
    percentage = models.DecimalField("percentage opgelegd", max_digits=5, decimal_places=2)
    months = models.PositiveSmallIntegerField("duur (maanden)")
    decided_on = models.DateField("besluitdatum")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="besloten door",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "maatregel"
        verbose_name_plural = "maatregelen"
        ordering = ["-offence_on", "-id"]
        indexes = [models.Index(fields=["client", "offence_on"], name="tp_sanction_client_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(percentage__gte=0) & Q(percentage__lte=F("standard_percentage")),
                name="tp_sanction_percentage_within_policy",
            ),
            models.CheckConstraint(
                condition=~Q(culpability=rules.NOT_CULPABLE) | Q(percentage=0),
                name="tp_sanction_not_culpable_is_zero",
            ),
            models.CheckConstraint(
                condition=~Q(urgent_reasons="") & ~Q(circumstances="") & ~Q(client_account=""),
                name="tp_sanction_weighing_recorded",
            ),
        ]

    @property
    def is_culpable(self) -> bool:
        return self.culpability != self.Culpability.GEEN
