from rest_framework import serializers

from ..models import Aanvraag, Client, LeefgebiedScore, Uitkeringsdossier, Wijkteam


class WijkteamSerializer(serializers.ModelSerializer):
    class Meta:
        model = Wijkteam
        fields = ["id", "code", "name"]


class ClientListSerializer(serializers.ModelSerializer):
    """List view: BSN masked (not needed to pick a client).

    The declared fields are the contract (and the OpenAPI schema); ``to_representation`` renders exactly those
    fields straight from the attributes, without DRF's per-field machinery: a 50-row page is ~0.5 ms instead of
    ~3 ms. tests/cases/test_api.py checks that it equals DRF's field-by-field rendering.
    """

    bsn_masked = serializers.CharField(read_only=True)
    wijkteam = serializers.SlugRelatedField(slug_field="code", read_only=True)

    # the columns the list reads (``.only(*list_columns)`` with the wijkteam selected)
    list_columns = (
        "id",
        "bsn",
        "voornamen",
        "tussenvoegsel",
        "achternaam",
        "geboortedatum",
        "postcode",
        "coach_id",
        "wijkteam__code",
    )

    class Meta:
        model = Client
        fields = [
            "id",
            "bsn_masked",
            "voornamen",
            "tussenvoegsel",
            "achternaam",
            "geboortedatum",
            "postcode",
            "wijkteam",
            "coach",
        ]

    def to_representation(self, instance):
        born = instance.geboortedatum
        return {
            "id": instance.pk,
            "bsn_masked": instance.bsn_masked,
            "voornamen": instance.voornamen,
            "tussenvoegsel": instance.tussenvoegsel,
            "achternaam": instance.achternaam,
            "geboortedatum": born.isoformat() if born is not None else None,
            "postcode": instance.postcode,
            "wijkteam": instance.wijkteam.code if instance.wijkteam_id is not None else None,
            "coach": instance.coach_id,
        }

    def field_by_field(self, instance):
        """DRF's own rendering of the declared fields (the reference the fast path is tested against)."""
        return super().to_representation(instance)


class ClientSerializer(serializers.ModelSerializer):
    """Detail and write. Identifiers are validated by the service (same rules and messages as the UI)."""

    wijkteam = serializers.SlugRelatedField(slug_field="code", queryset=Wijkteam.objects.all())
    bsn = serializers.CharField(max_length=11)
    postcode = serializers.CharField(max_length=7)

    class Meta:
        model = Client
        fields = [
            "id",
            "bsn",
            "voornamen",
            "tussenvoegsel",
            "achternaam",
            "geboortedatum",
            "straat",
            "huisnummer",
            "postcode",
            "woonplaats",
            "telefoon",
            "email",
            "iban",
            "leefvorm",
            "taaleis",
            "wijkteam",
            "coach",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "created_at", "updated_at"]

    def get_fields(self):
        fields = super().get_fields()
        if self.instance is not None and not isinstance(self.instance, list):
            fields["bsn"].read_only = True
        return fields


class BsnSearchSerializer(serializers.Serializer):
    """Look a client up by BSN in the request body (a BSN never goes into a URL or an access log)."""

    bsn = serializers.CharField(max_length=11)


class LeefgebiedScoreSerializer(serializers.ModelSerializer):
    class Meta:
        model = LeefgebiedScore
        fields = ["leefgebied", "score", "toelichting"]


class AanvraagSerializer(serializers.ModelSerializer):
    leefgebieden = LeefgebiedScoreSerializer(many=True, required=False)
    concept_besluit = serializers.ChoiceField(
        choices=Aanvraag.Besluit.choices, allow_blank=True, read_only=True
    )
    awaiting_toetsing = serializers.BooleanField(read_only=True)

    class Meta:
        model = Aanvraag
        fields = [
            "id",
            "client",
            "regeling",
            "aanvraagdatum",
            "status",
            "consulent",
            "voorliggende_voorziening",
            "voorliggende_toelichting",
            "leefgebieden",
            "concept_besluit",
            "concept_reden",
            "concept_ingangsdatum",
            "concept_maandbedrag",
            "concept_door",
            "toets_opmerking",
            "awaiting_toetsing",
            "besluitdatum",
            "besluit_reden",
            "getoetst_door",
            "intrekking_reden",
            "created_at",
        ]
        read_only_fields = [
            f
            for f in fields
            if f
            not in (
                "client",
                "regeling",
                "aanvraagdatum",
                "voorliggende_voorziening",
                "voorliggende_toelichting",
                "leefgebieden",
            )
        ]


class DraftDecisionSerializer(serializers.Serializer):
    besluit = serializers.ChoiceField(choices=Aanvraag.Besluit.choices)
    reden = serializers.CharField(max_length=4000)
    ingangsdatum = serializers.DateField(required=False, allow_null=True)
    maandbedrag = serializers.DecimalField(
        max_digits=10, decimal_places=2, required=False, allow_null=True, min_value=0
    )


class ReasonSerializer(serializers.Serializer):
    reden = serializers.CharField(max_length=4000, required=False, allow_blank=True)


class DossierSerializer(serializers.ModelSerializer):
    eindreden = serializers.ChoiceField(
        choices=Uitkeringsdossier.Eindreden.choices, allow_blank=True, read_only=True
    )

    class Meta:
        model = Uitkeringsdossier
        fields = [
            "id",
            "client",
            "aanvraag",
            "regeling",
            "startdatum",
            "einddatum",
            "eindreden",
            "maandbedrag",
        ]
        read_only_fields = fields


class EndDossierSerializer(serializers.Serializer):
    einddatum = serializers.DateField()
    eindreden = serializers.ChoiceField(choices=Uitkeringsdossier.Eindreden.choices)
