"""Serializers of the SRT API. Parsing and shape only; the rules run in the services."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth import get_user_model
from rest_framework import serializers

from cases.api.serializers import WritableFieldsOnly
from cases.models import Aanvraag, Client, Uitkeringsdossier

from ..models import SrtDocument, SrtInvestigation, SrtNote, SrtSignal
from ..rules import (
    TRIAGE_DISCARD,
    TRIAGE_OPEN,
    BoeteAdvice,
    Culpability,
    InvestigationStatus,
    OtherResult,
    Outcome,
)


def money_field(**kwargs) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=14, decimal_places=2, min_value=0, **kwargs)


class SignalSerializer(serializers.ModelSerializer):
    investigation = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = SrtSignal
        fields = [
            "id",
            "client",
            "dossier",
            "aanvraag",
            "source",
            "risk_profile",
            "received_on",
            "description",
            "status",
            "discard_reason",
            "triaged_at",
            "investigation",
            "created_at",
        ]
        read_only_fields = fields


class SignalCreateSerializer(WritableFieldsOnly, serializers.Serializer):
    client = serializers.PrimaryKeyRelatedField(queryset=Client.objects.none())
    source = serializers.ChoiceField(choices=SrtSignal._meta.get_field("source").choices)
    risk_profile = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    received_on = serializers.DateField()
    description = serializers.CharField(max_length=5000)
    dossier = serializers.PrimaryKeyRelatedField(
        queryset=Uitkeringsdossier.objects.none(), required=False, allow_null=True, default=None
    )
    aanvraag = serializers.PrimaryKeyRelatedField(
        queryset=Aanvraag.objects.none(), required=False, allow_null=True, default=None
    )

    def __init__(self, *args, clients=None, **kwargs):
        super().__init__(*args, **kwargs)
        clients = clients if clients is not None else Client.objects.none()
        self.fields["client"].queryset = clients
        self.fields["dossier"].queryset = Uitkeringsdossier.objects.filter(client__in=clients)
        self.fields["aanvraag"].queryset = Aanvraag.objects.filter(client__in=clients)


class TriageSerializer(WritableFieldsOnly, serializers.Serializer):
    decision = serializers.ChoiceField(choices=[TRIAGE_OPEN, TRIAGE_DISCARD])
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    investigators = serializers.PrimaryKeyRelatedField(
        queryset=get_user_model().objects.all(),
        many=True,
        required=False,
        help_text="Ten minste één; weggelaten: wie het onderzoek opent.",
    )


class LinkSerializer(WritableFieldsOnly, serializers.Serializer):
    """Link an investigation to the client's uitkeringsdossier and/or aanvraag."""

    dossier = serializers.PrimaryKeyRelatedField(
        queryset=Uitkeringsdossier.objects.none(), required=False, allow_null=True, default=None
    )
    aanvraag = serializers.PrimaryKeyRelatedField(
        queryset=Aanvraag.objects.none(), required=False, allow_null=True, default=None
    )

    def __init__(self, *args, clients=None, **kwargs):
        super().__init__(*args, **kwargs)
        clients = clients if clients is not None else Client.objects.none()
        self.fields["dossier"].queryset = Uitkeringsdossier.objects.filter(client__in=clients)
        self.fields["aanvraag"].queryset = Aanvraag.objects.filter(client__in=clients)


class AssignSerializer(WritableFieldsOnly, serializers.Serializer):
    investigators = serializers.PrimaryKeyRelatedField(queryset=get_user_model().objects.all(), many=True)


class NoteSerializer(WritableFieldsOnly, serializers.ModelSerializer):
    author = serializers.StringRelatedField()

    class Meta:
        model = SrtNote
        fields = ["id", "kind", "text", "author", "at"]
        read_only_fields = ["id", "kind", "author", "at"]


class DocumentSerializer(WritableFieldsOnly, serializers.ModelSerializer):
    added_by = serializers.StringRelatedField()

    class Meta:
        model = SrtDocument
        fields = ["id", "kind", "title", "document_date", "dms_reference", "added_by", "added_at"]
        read_only_fields = ["id", "added_by", "added_at"]


class InvestigationSerializer(serializers.ModelSerializer):
    investigators = serializers.SerializerMethodField()
    boete_advice = serializers.ChoiceField(choices=BoeteAdvice.choices, allow_blank=True, read_only=True)

    class Meta:
        model = SrtInvestigation
        fields = [
            "id",
            "reference",
            "signal",
            "client",
            "dossier",
            "aanvraag",
            "source",
            "status",
            "opened_on",
            "started_on",
            "closed_on",
            "duration_days",
            "investigators",
            "outcome",
            "other_result",
            "conclusion",
            "inlichtingenplicht_geschonden",
            "culpability",
            "benadelingsbedrag",
            "terugvordering",
            "terugvordering_grond",
            "terugvordering_afgezien",
            "terugvordering_afzien_reden",
            "boete_advice",
            "boete_voorstel",
            "boete",
            "boete_reden",
            "recidive",
            "waarschuwing",
            "aangifte",
            "aangifte_reden",
            "maandbedrag_uitkering",
            "bespaarde_uitkering",
        ]
        read_only_fields = fields

    def get_investigators(self, obj) -> list[int]:
        users = getattr(obj, "investigator_list", None)
        if users is None:
            users = obj.investigators.all()
        return [u.pk for u in users]


class InvestigationDetailSerializer(InvestigationSerializer):
    notes = NoteSerializer(many=True, read_only=True)
    documents = DocumentSerializer(many=True, read_only=True)

    class Meta(InvestigationSerializer.Meta):
        fields = [*InvestigationSerializer.Meta.fields, "notes", "documents"]
        read_only_fields = fields


class StatusSerializer(WritableFieldsOnly, serializers.Serializer):
    status = serializers.ChoiceField(choices=InvestigationStatus.choices)


class OutcomeSerializer(WritableFieldsOnly, serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    other_result = serializers.ChoiceField(
        choices=OtherResult.choices, required=False, allow_blank=True, default=""
    )
    closed_on = serializers.DateField()
    conclusion = serializers.CharField(max_length=10000)
    inlichtingenplicht_geschonden = serializers.BooleanField(default=False)
    culpability = serializers.ChoiceField(choices=Culpability.choices, default=Culpability.GEEN)
    benadelingsbedrag = money_field(default=Decimal("0.00"))
    terugvordering = money_field(default=Decimal("0.00"))
    terugvordering_afgezien = serializers.BooleanField(default=False)
    terugvordering_afzien_reden = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, default=""
    )
    boete = money_field(required=False, allow_null=True, default=None)
    boete_reden = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    maandbedrag_uitkering = money_field(required=False, allow_null=True, default=None)
    aangifte = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Aangifte bij het OM (geen boete voor hetzelfde feit) of niet; leeg: volgens de aangiftedrempel.",
    )
    aangifte_reden = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
