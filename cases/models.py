"""Clients (inwoners), intake/aanvragen, uitkeringsdossiers, wijkteams, contacts and the client timeline."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from almelo_sociaal.accounts.models import Wijkteam  # the organisational unit lives in the foundation

from . import rules


class Leefvorm(models.TextChoices):
    ALLEENSTAAND = "alleenstaand", "Alleenstaande"
    ALLEENSTAANDE_OUDER = "alleenstaande_ouder", "Alleenstaande ouder"
    GEHUWD = "gehuwd", "Gehuwd / samenwonend"


class Taaleis(models.TextChoices):
    NIET_BEOORDEELD = "niet_beoordeeld", "Nog niet beoordeeld"
    VOLDAAN = "voldaan", "Voldoet aan taaleis (1F)"
    TRAJECT = "traject", "Voldoet niet: taaltraject"
    VRIJGESTELD = "vrijgesteld", "Vrijgesteld"


class Client(models.Model):
    """An inwoner, identified by BSN (one client per BSN)."""

    bsn = models.CharField("BSN", max_length=9, unique=True)
    voornamen = models.CharField("voornamen", max_length=100)
    tussenvoegsel = models.CharField("tussenvoegsel", max_length=20, blank=True)
    achternaam = models.CharField("achternaam", max_length=100)
    birth_date = models.DateField("geboortedatum")
    street = models.CharField("straat", max_length=100)
    house_number = models.CharField("huisnummer", max_length=12)
    postcode = models.CharField("postcode", max_length=6, help_text="Bijvoorbeeld 7607AB")
    city = models.CharField("woonplaats", max_length=60, default="Almelo")
    phone = models.CharField("telefoon", max_length=20, blank=True)
    email = models.EmailField("e-mail", blank=True)
    iban = models.CharField("IBAN", max_length=34, blank=True)
    leefvorm = models.CharField("leefvorm", max_length=20, choices=Leefvorm.choices)
    taaleis = models.CharField(
        "taaleis (art. 18b)", max_length=20, choices=Taaleis.choices, default=Taaleis.NIET_BEOORDEELD
    )
    wijkteam = models.ForeignKey(
        Wijkteam, on_delete=models.PROTECT, related_name="clients", verbose_name="wijkteam"
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="clients",
        verbose_name="werkcoach",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = "cliënt"
        verbose_name_plural = "cliënten"
        ordering = ["achternaam", "voornamen", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(bsn__regex=r"^[0-9]{9}$"), name="client_bsn_nine_digits"),
        ]
        indexes = [
            models.Index(fields=["achternaam", "voornamen", "id"], name="client_name_idx"),
            models.Index(fields=["postcode"], name="client_postcode_idx"),
            models.Index(fields=["wijkteam", "achternaam"], name="client_wijkteam_name_idx"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.voornamen, self.tussenvoegsel, self.achternaam) if p)

    @property
    def bsn_masked(self) -> str:
        return rules.mask_bsn(self.bsn)

    @property
    def postcode_display(self) -> str:
        return f"{self.postcode[:4]} {self.postcode[4:]}" if len(self.postcode) == 6 else self.postcode


class Regeling(models.TextChoices):
    BIJSTAND = "bijstand", "Algemene bijstand (Participatiewet)"
    IOAW = "ioaw", "IOAW"
    IOAZ = "ioaz", "IOAZ"
    BBZ = "bbz", "Bbz (levensonderhoud)"
    TOZO = "tozo", "TOZO"


# Regelingen paid from the BUIG (TOZO had separate funding): the caseload of the BUIG counts these.
#: A client's fields that staff write (register, change); the BSN is written once, at registration.
CLIENT_FIELDS = (
    "voornamen",
    "tussenvoegsel",
    "achternaam",
    "birth_date",
    "street",
    "house_number",
    "postcode",
    "city",
    "phone",
    "email",
    "iban",
    "leefvorm",
    "taaleis",
)
#: Which of them, with the BSN, are personal data in a plain row (``values()``): identity, contact and payment
#: details (the read log registers them; the admin does not filter on them).
CLIENT_PERSONAL_FIELDS = (
    "bsn",
    *(f for f in CLIENT_FIELDS if f not in ("city", "leefvorm", "taaleis")),
)

BUIG_REGELINGEN = (Regeling.BIJSTAND, Regeling.IOAW, Regeling.IOAZ, Regeling.BBZ)


class Leefgebied(models.TextChoices):
    WERK = "werk", "Werk"
    INKOMEN = "inkomen", "Inkomen"
    SCHULDEN = "schulden", "Schulden"
    GEZONDHEID_FYSIEK = "gezondheid_fysiek", "Gezondheid (fysiek)"
    GEZONDHEID_PSYCHISCH = "gezondheid_psychisch", "Gezondheid (psychisch)"
    WONEN = "wonen", "Wonen"
    SOCIAAL_NETWERK = "sociaal_netwerk", "Sociaal netwerk"
    TAAL = "taal", "Taal"
    DAGBESTEDING = "dagbesteding", "Dagbesteding"
    VERSLAVING = "verslaving", "Verslaving"
    JUSTITIE = "justitie", "Justitie"


class Aanvraag(models.Model):
    """An application for a benefit. States: gemeld → in behandeling → toegekend | afgewezen | ingetrokken.

    A decision is drafted by the consulent (``concept_*``) and takes effect only when a toetser approves it.
    """

    Status = rules.AanvraagStatus

    class Besluit(models.TextChoices):
        TOEKENNEN = "toekennen", "Toekennen"
        AFWIJZEN = "afwijzen", "Afwijzen"

    class Voorliggend(models.TextChoices):
        NIET_GECONTROLEERD = "niet_gecontroleerd", "Nog niet gecontroleerd"
        GEEN = "geen", "Geen voorliggende voorziening"
        WW = "ww", "WW (UWV)"
        DUO = "duo", "Studiefinanciering (DUO)"
        ZW_WIA = "zw_wia", "ZW / WIA / Wajong (UWV)"
        ANDERS = "anders", "Andere voorziening"

    class VoorliggendAfweging(models.TextChoices):
        """Why bijstand is granted although a voorliggende voorziening was found (art. 15 Participatiewet)."""

        AANVULLING = "aanvulling", "Aanvulling: de voorziening ligt onder de bijstandsnorm"
        VOORSCHOT = "voorschot", "Voorziening aangevraagd, nog geen besluit: bijstand tot dat besluit"
        GEEN_RECHT = "geen_recht", "Geen recht op de voorziening (afgewezen, beëindigd of niet passend)"

    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, related_name="aanvragen", verbose_name="cliënt"
    )
    regeling = models.CharField("regeling", max_length=10, choices=Regeling.choices)
    aanvraagdatum = models.DateField("aanvraagdatum", help_text="Start van de beslistermijn")
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.GEMELD)
    consulent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="consulent",
    )
    voorliggende_voorziening = models.CharField(
        "voorliggende voorziening",
        max_length=20,
        choices=Voorliggend.choices,
        default=Voorliggend.NIET_GECONTROLEERD,
    )
    voorliggende_toelichting = models.TextField("toelichting voorliggende voorziening", blank=True)
    # Draft decision (four-eyes)
    concept_besluit = models.CharField("conceptbesluit", max_length=10, choices=Besluit.choices, blank=True)
    concept_reden = models.TextField("motivering", blank=True)
    concept_ingangsdatum = models.DateField("ingangsdatum uitkering", null=True, blank=True)
    concept_maandbedrag = models.DecimalField(
        "maandbedrag", max_digits=10, decimal_places=2, null=True, blank=True
    )
    concept_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    concept_op = models.DateTimeField(null=True, blank=True)
    # Four eyes pinned to a version: every (re)draft gets the next number; an approval names the number it
    # approves (the form's hidden field, the API's If-Match against the aanvraag's ETag).
    concept_versie = models.PositiveIntegerField("versie conceptbesluit", default=0)
    concept_bedrag_motivering = models.TextField("motivering maandbedrag boven de grens", blank=True)
    concept_voorliggend_afweging = models.CharField(
        "afweging voorliggende voorziening", max_length=20, choices=VoorliggendAfweging.choices, blank=True
    )
    concept_voorliggend_motivering = models.TextField(
        "motivering afweging voorliggende voorziening", blank=True
    )
    vorig_concept = models.JSONField(
        "vorige versie conceptbesluit",
        null=True,
        blank=True,
        help_text="De versie die een herziening tijdens de toetsing verving, om de wijzigingen te tonen.",
    )
    # A monthly amount above the bound needs two toetsers: the first approval is recorded here.
    eerste_toets_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="eerste toetser",
    )
    eerste_toets_versie = models.PositiveIntegerField("versie eerste toetsing", null=True, blank=True)
    toets_opmerking = models.TextField("opmerking toetser", blank=True)
    # Final decision
    besluitdatum = models.DateField("besluitdatum", null=True, blank=True)
    besluit_reden = models.TextField("besluit motivering", blank=True)
    getoetst_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="getoetst door",
    )
    intrekking_reden = models.TextField("reden intrekking", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "aanvraag"
        verbose_name_plural = "aanvragen"
        ordering = ["-aanvraagdatum", "-id"]
        indexes = [
            models.Index(fields=["status", "aanvraagdatum"], name="aanvraag_status_date_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(concept_maandbedrag__isnull=True) | Q(concept_maandbedrag__gte=0),
                name="aanvraag_bedrag_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"Aanvraag {self.get_regeling_display()} van {self.aanvraagdatum:%d-%m-%Y}"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.GEMELD, self.Status.IN_BEHANDELING)

    @property
    def awaiting_toetsing(self) -> bool:
        return self.status == self.Status.IN_BEHANDELING and bool(self.concept_besluit)

    @property
    def awaiting_second_toetser(self) -> bool:
        return self.awaiting_toetsing and self.eerste_toets_door_id is not None

    @property
    def etag(self) -> str:
        """The version of the draft decision as an HTTP entity tag (the API's ETag / If-Match)."""
        return f'"{self.concept_versie}"'


class LeefgebiedScore(models.Model):
    """Assessment of one leefgebied at intake: 1 (acuut probleem) … 5 (geen probleem)."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="leefgebieden")
    leefgebied = models.CharField("leefgebied", max_length=25, choices=Leefgebied.choices)
    score = models.PositiveSmallIntegerField("score")
    toelichting = models.TextField("toelichting", blank=True)

    class Meta:
        verbose_name = "leefgebied"
        verbose_name_plural = "leefgebieden"
        ordering = ["leefgebied"]
        constraints = [
            models.UniqueConstraint(fields=["aanvraag", "leefgebied"], name="leefgebied_once_per_aanvraag"),
            models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name="leefgebied_score_1_5"),
        ]


class Uitkeringsdossier(models.Model):
    """A benefit case: created on toekenning. Instroom = started in a period, uitstroom = ended."""

    class Eindreden(models.TextChoices):
        WERK = "werk", "Werk"
        ANDER_INKOMEN = "ander_inkomen", "Ander inkomen"
        VERHUISD = "verhuisd", "Verhuisd"
        FRAUDE = "fraude", "Fraude / geen recht"
        OVERIG = "overig", "Overig"

    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, related_name="dossiers", verbose_name="cliënt"
    )
    aanvraag = models.OneToOneField(
        Aanvraag, null=True, blank=True, on_delete=models.PROTECT, related_name="dossier"
    )
    regeling = models.CharField("regeling", max_length=10, choices=Regeling.choices)
    startdatum = models.DateField("startdatum")
    einddatum = models.DateField("einddatum", null=True, blank=True)
    eindreden = models.CharField("reden beëindiging", max_length=20, choices=Eindreden.choices, blank=True)
    maandbedrag = models.DecimalField("maandbedrag", max_digits=10, decimal_places=2)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "uitkeringsdossier"
        verbose_name_plural = "uitkeringsdossiers"
        ordering = ["-startdatum", "-id"]
        indexes = [
            models.Index(fields=["startdatum", "einddatum"], name="dossier_period_idx"),
            models.Index(fields=["einddatum"], name="dossier_end_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(maandbedrag__gte=0), name="dossier_bedrag_not_negative"),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("startdatum")),
                name="dossier_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True, eindreden="")
                | Q(einddatum__isnull=False) & ~Q(eindreden=""),
                name="dossier_end_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_regeling_display()} vanaf {self.startdatum:%d-%m-%Y}"

    @property
    def is_active(self) -> bool:
        return self.einddatum is None


class Contact(models.Model):
    """A recorded contact with the client (keeps clients 'in view')."""

    class Kind(models.TextChoices):
        GESPREK = "gesprek", "Gesprek"
        HUISBEZOEK = "huisbezoek", "Huisbezoek"
        TELEFOON = "telefoon", "Telefoon"
        MAIL = "mail", "Mail"

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="contacts")
    date = models.DateField("datum")
    kind = models.CharField("soort", max_length=12, choices=Kind.choices)
    summary = models.TextField("verslag", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "contactmoment"
        verbose_name_plural = "contactmomenten"
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["client", "-date"], name="contact_client_date_idx")]


class ClientEvent(models.Model):
    """The client timeline: one line per thing that happened, written by the services
    (``cases.events.record_client_event``)."""

    class Kind(models.TextChoices):
        INTAKE = "intake", "Intake"
        WIJZIGING = "wijziging", "Wijziging"
        VERHUIZING = "verhuizing", "Verhuizing"
        CONTACT = "contact", "Contact"
        AANVRAAG = "aanvraag", "Aanvraag"
        BESLUIT = "besluit", "Besluit"
        DOSSIER = "dossier", "Uitkeringsdossier"
        PARTICIPATIE = "participatie", "Participatie"
        TEGENPRESTATIE = "tegenprestatie", "Tegenprestatie"
        MAATREGEL = "maatregel", "Maatregel"

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField("tijdstip", default=timezone.now)
    kind = models.CharField("soort", max_length=30, choices=Kind.choices)
    text = models.CharField("omschrijving", max_length=300)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "gebeurtenis"
        verbose_name_plural = "tijdlijn"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["client", "-at"], name="event_client_at_idx")]
