"""Recht en hoogte: the household over time, the facts of the right and the means, and every calculation.

Every fact has the date from which it counts (``ingangsdatum``) and, when it stopped, the last day it counted
(``einddatum``); a change is a new period, and django-simple-history keeps every edit. The household belongs to
the aanvrager (the client whose dossier it is); a partner is a client too (one joint right, gezinsbijstand).

No foreign key points at SRT models or at ``cases.Wijkteam``: the team is the client's.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from . import rules

MONEY = {"max_digits": 14, "decimal_places": 2}


class Rol(models.TextChoices):
    PARTNER = rules.PARTNER, "Partner"
    KIND = rules.KIND, "Kind"
    HUISGENOOT = rules.HUISGENOOT, "Huisgenoot"


class Relatie(models.TextChoices):
    GEHUWD = rules.GEHUWD, "Gehuwd"
    GEREGISTREERD = rules.GEREGISTREERD, "Geregistreerd partner"
    SAMENWONEND = rules.SAMENWONEND, "Samenwonend (gezamenlijke huishouding)"
    FAMILIE_EERSTE_GRAAD = rules.FAMILIE_EERSTE_GRAAD, "Familie eerste graad (ouder, kind)"
    FAMILIE_TWEEDE_GRAAD = rules.FAMILIE_TWEEDE_GRAAD, "Familie tweede graad (broer, zus, grootouder)"
    COMMERCIEEL = rules.COMMERCIEEL, "Commerciële relatie (huurder, kostganger)"
    OVERIG = rules.OVERIG, "Overige huisgenoot"


class Period(models.Model):
    ingangsdatum = models.DateField("ingangsdatum", help_text="De datum vanaf wanneer dit gegeven telt")
    einddatum = models.DateField("einddatum", null=True, blank=True, help_text="De laatste dag dat het telt")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True

    def valid_on(self, day) -> bool:
        return self.ingangsdatum <= day and (self.einddatum is None or self.einddatum >= day)


def _period_constraint(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(einddatum__isnull=True) | Q(einddatum__gte=F("ingangsdatum")), name=name
    )


class Huishoudlid(Period):
    """Someone who lives with the aanvrager: partner, child or housemate, for a period."""

    client = models.ForeignKey(
        "cases.Client", on_delete=models.PROTECT, related_name="huishoudleden", verbose_name="aanvrager"
    )
    rol = models.CharField("rol", max_length=12, choices=Rol.choices)
    partner_client = models.ForeignKey(
        "cases.Client",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="partner (cliënt)",
    )
    naam = models.CharField("naam", max_length=200)
    geboortedatum = models.DateField("geboortedatum")
    relatie = models.CharField("relatie", max_length=20, choices=Relatie.choices, default=Relatie.OVERIG)
    wederzijdse_zorg = models.BooleanField("wederzijdse zorg vastgesteld (art. 3 lid 3)", default=False)
    vermoedens = models.JSONField("vermoedens van zorg (art. 3 lid 4)", default=list, blank=True)
    duurzaam_gescheiden = models.BooleanField("duurzaam gescheiden levend", default=False)
    student = models.BooleanField("student met studiefinanciering of WTOS", default=False)
    in_inrichting = models.BooleanField("verblijft in een inrichting", default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "huishoudlid"
        verbose_name_plural = "huishoudleden"
        ordering = ["rol", "geboortedatum", "id"]
        indexes = [models.Index(fields=["client", "ingangsdatum"], name="bijstand_lid_client_idx")]
        constraints = [
            _period_constraint("bijstand_lid_period"),
            models.CheckConstraint(
                condition=~Q(rol=rules.PARTNER) | Q(partner_client__isnull=False),
                name="bijstand_partner_is_client",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_rol_display()}: {self.naam}"

    def as_member(self) -> rules.Member:
        return rules.Member(
            role=self.rol,
            birth_date=self.geboortedatum,
            name=self.naam,
            relation=self.relatie,
            wederzijdse_zorg=self.wederzijdse_zorg,
            vermoedens=tuple(self.vermoedens or ()),
            duurzaam_gescheiden=self.duurzaam_gescheiden,
            student=self.student,
            in_inrichting=self.in_inrichting,
        )


class Inkomen(Period):
    """Net income per month of the aanvrager or the partner, with its kind."""

    class Soort(models.TextChoices):
        ARBEID = rules.ARBEID, "Inkomsten uit arbeid"
        UITKERING = rules.UITKERING, "Uitkering"
        ALIMENTATIE = rules.ALIMENTATIE, "Alimentatie"
        OVERIG = rules.ANDERS, "Overige inkomsten"

    client = models.ForeignKey(
        "cases.Client", on_delete=models.PROTECT, related_name="inkomsten", verbose_name="aanvrager"
    )
    van_partner = models.BooleanField("inkomen van de partner", default=False)
    soort = models.CharField("soort", max_length=12, choices=Soort.choices)
    omschrijving = models.CharField("omschrijving", max_length=200, blank=True)
    bedrag = models.DecimalField("netto per maand", **MONEY)
    vrijlating_vanaf = models.DateField(
        "vrijlating vanaf",
        null=True,
        blank=True,
        help_text="Eerste maand waarin deze inkomsten uit arbeid tijdens de bijstand telden (art. 31 lid 2 n, r)",
    )
    medische_urenbeperking = models.BooleanField("medische urenbeperking (art. 31 lid 2 y)", default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "inkomen"
        verbose_name_plural = "inkomsten"
        ordering = ["-ingangsdatum", "id"]
        indexes = [models.Index(fields=["client", "ingangsdatum"], name="bijstand_inkomen_client_idx")]
        constraints = [
            _period_constraint("bijstand_inkomen_period"),
            models.CheckConstraint(condition=Q(bedrag__gte=0), name="bijstand_inkomen_not_negative"),
        ]

    def as_income(self) -> rules.Income:
        return rules.Income(
            kind=self.soort,
            amount=self.bedrag,
            of_partner=self.van_partner,
            label=self.omschrijving,
            vrijlating_since=self.vrijlating_vanaf,
            medische_urenbeperking=self.medische_urenbeperking,
        )


class Vermogen(Period):
    """The household's vermogen from a date: bezittingen minus schulden, and the overwaarde of the own home."""

    client = models.ForeignKey(
        "cases.Client", on_delete=models.PROTECT, related_name="vermogens", verbose_name="aanvrager"
    )
    bedrag = models.DecimalField("vermogen (bezittingen min schulden)", **MONEY)
    eigen_woning = models.DecimalField("overwaarde eigen woning", default=0, **MONEY)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "vermogen"
        verbose_name_plural = "vermogens"
        ordering = ["-ingangsdatum", "-id"]
        constraints = [
            _period_constraint("bijstand_vermogen_period"),
            models.CheckConstraint(condition=Q(eigen_woning__gte=0), name="bijstand_woning_not_negative"),
        ]


class Omstandigheden(Period):
    """The facts of the right (art. 11, 13) from a date."""

    class Verblijfstatus(models.TextChoices):
        NEDERLANDER = rules.NEDERLANDER, "Nederlander"
        GELIJKGESTELD = rules.GELIJKGESTELD, "Gelijkgestelde vreemdeling"
        NIET_GELIJKGESTELD = rules.NIET_GELIJKGESTELD, "Niet gelijkgesteld"

    client = models.ForeignKey(
        "cases.Client", on_delete=models.PROTECT, related_name="omstandigheden", verbose_name="aanvrager"
    )
    verblijfstatus = models.CharField(
        "verblijfstatus", max_length=20, choices=Verblijfstatus.choices, default=Verblijfstatus.NEDERLANDER
    )
    woont_in_nederland = models.BooleanField("woont in Nederland", default=True)
    gedetineerd = models.BooleanField("gedetineerd", default=False)
    studiefinanciering = models.BooleanField("recht op studiefinanciering of WTOS", default=False)
    in_inrichting = models.BooleanField("verblijft in een inrichting", default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "omstandigheden"
        verbose_name_plural = "omstandigheden"
        ordering = ["-ingangsdatum", "-id"]
        constraints = [_period_constraint("bijstand_omstandigheden_period")]


class BuitenlandVerblijf(models.Model):
    """A stay abroad (art. 13 lid 1 e): counted in days per calendar year."""

    client = models.ForeignKey(
        "cases.Client",
        on_delete=models.PROTECT,
        related_name="buitenlandverblijven",
        verbose_name="aanvrager",
    )
    van = models.DateField("vertrek")
    tot = models.DateField("terugkeer")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "verblijf in het buitenland"
        verbose_name_plural = "verblijven in het buitenland"
        ordering = ["-van"]
        constraints = [
            models.CheckConstraint(condition=Q(tot__gte=F("van")), name="bijstand_buitenland_period")
        ]


class Berekening(models.Model):
    """One calculation, kept for ever (append-only): for a draft decision (``aanvraag`` and its version) or for a
    dossier from ``ingangsdatum`` until the next calculation of that dossier. ``bedrag`` is what the rules
    calculated; ``vastgesteld_bedrag`` what was decided (the same, or a deviation with ``afwijking_reden``)."""

    class Aanleiding(models.TextChoices):
        BESLUIT = "besluit", "Besluit op aanvraag"
        HERBEREKENING = "herberekening", "Herberekening na wijziging"
        PERIODIEK = "periodiek", "Periodieke herberekening"
        DEMO = "demo", "Demo"

    client = models.ForeignKey(
        "cases.Client", on_delete=models.PROTECT, related_name="berekeningen", verbose_name="aanvrager"
    )
    dossier = models.ForeignKey(
        "cases.Uitkeringsdossier",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="berekeningen",
        verbose_name="uitkeringsdossier",
    )
    aanvraag = models.ForeignKey(
        "cases.Aanvraag",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="berekeningen",
        verbose_name="aanvraag",
    )
    concept_versie = models.PositiveIntegerField("versie conceptbesluit", null=True, blank=True)
    ingangsdatum = models.DateField("geldt vanaf")
    leefvorm = models.CharField("leefvorm", max_length=20)
    kostendelers = models.PositiveSmallIntegerField("kostendelers")
    norm = models.DecimalField("norm", **MONEY)
    middelen = models.DecimalField("middelen", **MONEY)
    bedrag = models.DecimalField("berekend bedrag per maand", **MONEY)
    vakantietoeslag = models.DecimalField("waarvan vakantietoeslag", **MONEY)
    vastgesteld_bedrag = models.DecimalField("vastgesteld bedrag per maand", **MONEY)
    afwijking_reden = models.TextField("reden afwijking", blank=True)
    recht = models.BooleanField("recht op bijstand")
    regels = models.JSONField("berekening", default=list)
    redenen = models.JSONField("redenen geen recht", default=list, blank=True)
    aanleiding = models.CharField("aanleiding", max_length=20, choices=Aanleiding.choices)
    toelichting = models.CharField("toelichting", max_length=300, blank=True)
    berekend_op = models.DateTimeField("berekend op", auto_now_add=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "berekening"
        verbose_name_plural = "berekeningen"
        ordering = ["-ingangsdatum", "-id"]
        indexes = [
            models.Index(fields=["dossier", "ingangsdatum", "id"], name="bijstand_berekening_dossier"),
            models.Index(fields=["aanvraag", "concept_versie"], name="bijstand_berekening_aanvraag"),
            models.Index(fields=["client", "-berekend_op"], name="bijstand_berekening_client"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(bedrag__gte=0) & Q(vastgesteld_bedrag__gte=0) & Q(vakantietoeslag__gte=0),
                name="bijstand_berekening_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(bedrag=F("vastgesteld_bedrag")) | ~Q(afwijking_reden=""),
                name="bijstand_afwijking_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Berekening vanaf {self.ingangsdatum:%d-%m-%Y}: € {self.vastgesteld_bedrag}"

    @property
    def afwijking(self):
        return self.vastgesteld_bedrag - self.bedrag

    @property
    def leefvorm_label(self) -> str:
        return rules.KIND_LABELS.get(self.leefvorm, self.leefvorm)


class Herberekening(models.Model):
    """A recalculation with effect from a date: the difference per month (positive: nabetaling; negative: te
    veel betaald, for the terugvordering)."""

    client = models.ForeignKey(
        "cases.Client", on_delete=models.PROTECT, related_name="herberekeningen", verbose_name="aanvrager"
    )
    dossier = models.ForeignKey(
        "cases.Uitkeringsdossier", on_delete=models.PROTECT, related_name="herberekeningen"
    )
    vanaf = models.DateField("met ingang van")
    verschillen = models.JSONField("verschil per maand", default=list)
    totaal_verschil = models.DecimalField("totaal verschil", **MONEY)
    aanleiding = models.CharField("aanleiding", max_length=300)
    at = models.DateTimeField("tijdstip", auto_now_add=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "herberekening"
        verbose_name_plural = "herberekeningen"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["dossier", "-at"], name="bijstand_herberekening_dossier")]
