from collections.abc import Mapping

from django.contrib.auth import get_user_model
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail

from almelo_sociaal.accounts.permissions import scope_allows
from almelo_sociaal.accounts.scopes import BSN

from ..models import CLIENT_FIELDS, Aanvraag, Client, LeefgebiedScore, Uitkeringsdossier, Wijkteam
from ..rules import mask_bsn

NOT_WRITABLE = "Dit veld kan hier niet worden gewijzigd."


# A write serializer declares exactly the fields its caller may write. Any other key in the body (a read-only field,
# an unknown name) is refused with 400 and code ``veld_niet_wijzigbaar`` instead of silently ignored, so nobody
# believes a change was made that was not, or slips one past a field meant to be read-only. (A comment, not a
# docstring: the schema would show a mixin's docstring as the description of every serializer without one.)
class WritableFieldsOnly:
    elsewhere: dict[str, str] = {}

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            writable = {name for name, field in self.fields.items() if not field.read_only}
            refused = sorted(str(key) for key in data if key not in writable)
            if refused:
                raise serializers.ValidationError(
                    {
                        name: [
                            ErrorDetail(self.elsewhere.get(name, NOT_WRITABLE), code="veld_niet_wijzigbaar")
                        ]
                        for name in refused
                    }
                )
        return super().to_internal_value(data)


# The API's JSON names of the client's fields whose model names were made English (docs/DEVELOPING.md, glossary).
# The JSON contract keeps its names; each is read from and written to its model field (``source``).
CLIENT_API_NAMES = {
    "birth_date": "geboortedatum",
    "street": "straat",
    "house_number": "huisnummer",
    "city": "woonplaats",
    "phone": "telefoon",
}
CLIENT_API_FIELDS = tuple(CLIENT_API_NAMES.get(name, name) for name in CLIENT_FIELDS)
_CLIENT_MODEL_NAMES = {api: model for model, api in CLIENT_API_NAMES.items()}


class ClientApiNames:
    """A client ModelSerializer whose ``Meta.fields`` use the API's names: each is built from its model field
    (type, title, length, required: as before) with ``source`` set to the model's name."""

    def build_field(self, field_name, info, model_class, nested_depth):
        model_name = _CLIENT_MODEL_NAMES.get(field_name)
        if model_name is None:
            return super().build_field(field_name, info, model_class, nested_depth)
        field_class, kwargs = super().build_field(model_name, info, model_class, nested_depth)
        return field_class, {**kwargs, "source": model_name}


class WijkteamSerializer(serializers.ModelSerializer):
    class Meta:
        model = Wijkteam
        fields = ["id", "code", "name"]


class ClientListSerializer(ClientApiNames, serializers.ModelSerializer):
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
        "birth_date",
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
        born = row["birth_date"]
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


class ClientSerializer(WritableFieldsOnly, ClientApiNames, serializers.ModelSerializer):
    """Detail and registration. Identifiers and the coach are validated by the service (same rules and messages as
    the UI): the coach must be an active werkcoach of the wijkteam."""

    wijkteam = serializers.SlugRelatedField(slug_field="code", queryset=Wijkteam.objects.all())
    coach = serializers.PrimaryKeyRelatedField(
        queryset=get_user_model().objects.all(), required=False, allow_null=True
    )
    bsn = serializers.CharField(
        max_length=11,
        help_text="Het volledige BSN; voor een API-client zonder scope `bsn` gemaskeerd (•••••6782).",
    )
    postcode = serializers.CharField(max_length=7)

    class Meta:
        model = Client
        fields = ["id", "bsn", *CLIENT_API_FIELDS, "wijkteam", "coach", "created_at", "updated_at"]
        read_only_fields = ["id", "created_at", "updated_at"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or not scope_allows(request, BSN):  # no request: masked (fail closed)
            data["bsn"] = mask_bsn(data["bsn"])
        return data


class ClientUpdateSerializer(ClientSerializer):
    """A change of a client (PATCH): the client's own data only. The BSN never changes; the coach and the
    wijkteam change through their own actions (``coach``, ``verhuizen``), which check who may and keep the coach
    within the client's wijkteam."""

    wijkteam = serializers.SlugRelatedField(slug_field="code", read_only=True)
    coach = serializers.PrimaryKeyRelatedField(read_only=True)
    bsn = serializers.CharField(
        read_only=True,
        help_text="Het volledige BSN; voor een API-client zonder scope `bsn` gemaskeerd (•••••6782).",
    )
    elsewhere = {
        "coach": "De werkcoach wijzigt u met POST /api/v1/clients/{id}/coach/.",
        "wijkteam": "Een cliënt naar een ander wijkteam verhuizen doet u met POST /api/v1/clients/{id}/verhuizen/.",
        "bsn": "Het BSN van een geregistreerde cliënt kan niet worden gewijzigd.",
    }

    class Meta(ClientSerializer.Meta):
        read_only_fields = ["id", "bsn", "wijkteam", "coach", "created_at", "updated_at"]


class AssignCoachSerializer(WritableFieldsOnly, serializers.Serializer):
    coach = serializers.PrimaryKeyRelatedField(queryset=get_user_model().objects.all(), allow_null=True)


class MoveClientSerializer(WritableFieldsOnly, serializers.Serializer):
    wijkteam = serializers.SlugRelatedField(slug_field="code", queryset=Wijkteam.objects.all())
    coach = serializers.PrimaryKeyRelatedField(
        queryset=get_user_model().objects.all(), required=False, allow_null=True
    )
    reden = serializers.CharField(max_length=1000)


class BsnSearchSerializer(serializers.Serializer):
    """Look a client up by BSN in the request body (a BSN never goes into a URL or an access log)."""

    bsn = serializers.CharField(max_length=11)


class LeefgebiedScoreSerializer(serializers.ModelSerializer):
    class Meta:
        model = LeefgebiedScore
        fields = ["leefgebied", "score", "toelichting"]


class AanvraagSerializer(WritableFieldsOnly, serializers.ModelSerializer):
    """An aanvraag; a registration writes only the intake fields. ``concept_versie`` is the version of the draft
    decision (also the ETag of the aanvraag): approve and return name it in ``If-Match``."""

    leefgebieden = LeefgebiedScoreSerializer(many=True, required=False)
    concept_besluit = serializers.ChoiceField(
        choices=Aanvraag.Besluit.choices, allow_blank=True, read_only=True
    )
    concept_voorliggend_afweging = serializers.ChoiceField(
        choices=Aanvraag.VoorliggendAfweging.choices, allow_blank=True, read_only=True
    )
    vorig_concept = serializers.DictField(
        read_only=True,
        allow_null=True,
        help_text="De versie die een herziening tijdens de toetsing verving (versie, besluit, reden, "
        "ingangsdatum, maandbedrag, bedrag_motivering).",
    )
    awaiting_toetsing = serializers.BooleanField(read_only=True)
    awaiting_second_toetser = serializers.BooleanField(read_only=True)

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
            "concept_versie",
            "concept_reden",
            "concept_ingangsdatum",
            "concept_maandbedrag",
            "concept_bedrag_motivering",
            "concept_voorliggend_afweging",
            "concept_voorliggend_motivering",
            "concept_door",
            "vorig_concept",
            "eerste_toets_door",
            "eerste_toets_versie",
            "toets_opmerking",
            "awaiting_toetsing",
            "awaiting_second_toetser",
            "besluitdatum",
            "besluit_reden",
            "getoetst_door",
            "intrekking_reden",
            "created_at",
        ]
        read_only_fields = [
            "id",
            "status",
            "consulent",
            "concept_versie",
            "concept_reden",
            "concept_ingangsdatum",
            "concept_maandbedrag",
            "concept_bedrag_motivering",
            "concept_voorliggend_afweging",
            "concept_voorliggend_motivering",
            "concept_door",
            "eerste_toets_door",
            "eerste_toets_versie",
            "toets_opmerking",
            "besluitdatum",
            "besluit_reden",
            "getoetst_door",
            "intrekking_reden",
            "created_at",
        ]


class DraftDecisionSerializer(WritableFieldsOnly, serializers.Serializer):
    besluit = serializers.ChoiceField(choices=Aanvraag.Besluit.choices)
    reden = serializers.CharField(max_length=4000)
    ingangsdatum = serializers.DateField(required=False, allow_null=True)
    maandbedrag = serializers.DecimalField(
        max_digits=10, decimal_places=2, required=False, allow_null=True, min_value=0
    )
    bedrag_motivering = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    voorliggend_afweging = serializers.ChoiceField(
        choices=Aanvraag.VoorliggendAfweging.choices, required=False, allow_blank=True
    )
    voorliggend_motivering = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    afwijking_reden = serializers.CharField(
        max_length=4000,
        required=False,
        allow_blank=True,
        help_text="Reden waarom het maandbedrag afwijkt van het berekende bedrag (zonder maandbedrag: het berekende).",
    )


class ReasonSerializer(WritableFieldsOnly, serializers.Serializer):
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


class EndDossierSerializer(WritableFieldsOnly, serializers.Serializer):
    einddatum = serializers.DateField()
    eindreden = serializers.ChoiceField(choices=Uitkeringsdossier.Eindreden.choices)
