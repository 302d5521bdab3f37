from rest_framework import serializers

from almelo_sociaal.accounts.permissions import scope_allows
from almelo_sociaal.accounts.scopes import BSN

from ..models import Aanvraag, Client, LeefgebiedScore, Uitkeringsdossier, Wijkteam
from ..rules import mask_bsn
from ..services import CLIENT_FIELDS


class WijkteamSerializer(serializers.ModelSerializer):
    class Meta:
        model = Wijkteam
        fields = ["id", "code", "name"]


class ClientListSerializer(serializers.ModelSerializer):
    """List view: BSN masked (not needed to pick a client)."""

    # The declared fields are the contract (and the OpenAPI schema). The list reads plain rows
    # (``.values(*list_values)``: no model instance per client) and ``to_representation`` renders exactly the
    # declared fields from such a row, without DRF's per-field machinery: a 50-row page costs ~0.5 ms instead
    # of ~3 ms. tests/cases/test_api.py checks it against DRF's field-by-field rendering of the model.

    bsn_masked = serializers.CharField(read_only=True)
    wijkteam = serializers.SlugRelatedField(slug_field="code", read_only=True)

    # the columns of a list row
    list_values = (
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

    def to_representation(self, row):
        if not isinstance(row, dict):  # a model instance (not the list's path)
            return super().to_representation(row)
        born = row["geboortedatum"]
        return {
            "id": row["id"],
            "bsn_masked": mask_bsn(row["bsn"]),
            "voornamen": row["voornamen"],
            "tussenvoegsel": row["tussenvoegsel"],
            "achternaam": row["achternaam"],
            "geboortedatum": born.isoformat() if born is not None else None,
            "postcode": row["postcode"],
            "wijkteam": row["wijkteam__code"],
            "coach": row["coach_id"],
        }


class ClientSerializer(serializers.ModelSerializer):
    """Detail and write. Identifiers are validated by the service (same rules and messages as the UI)."""

    wijkteam = serializers.SlugRelatedField(slug_field="code", queryset=Wijkteam.objects.all())
    bsn = serializers.CharField(
        max_length=11,
        help_text="Het volledige BSN; voor een API-client zonder scope `bsn` gemaskeerd (•••••6782).",
    )
    postcode = serializers.CharField(max_length=7)

    class Meta:
        model = Client
        fields = ["id", "bsn", *CLIENT_FIELDS, "wijkteam", "coach", "created_at", "updated_at"]
        read_only_fields = ["id", "created_at", "updated_at"]

    def get_fields(self):
        fields = super().get_fields()
        if self.instance is not None and not isinstance(self.instance, list):
            fields["bsn"].read_only = True
        return fields

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or not scope_allows(request, BSN):  # no request: masked (fail closed)
            data["bsn"] = mask_bsn(data["bsn"])
        return data


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
