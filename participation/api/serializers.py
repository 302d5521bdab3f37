"""Serializers of the participation API: shapes only; the rules live in the services."""

from __future__ import annotations

from rest_framework import serializers

from cases.models import Leefgebied

from .. import rules
from ..models import GroupAssignment, Profile, Trajectory

OUTCOMES = [c for c in Trajectory.Outcome.choices if c[0]]

PROFILE_FIELDS = [
    "id",
    "client",
    "assessed_on",
    "author",
    "motivatie",
    "kans_arbeidsmarkt",
    "opleiding",
    "belemmeringen",
    "belemmering_leefgebieden",
    "coach",
    "preventiesignaal",
    "trede",
    "uitkeringsduur_maanden",
    "in_uitkering",
    "arbeidsbeperking",
    "startkwalificatie",
    "student",
    "medisch_urenbeperkt",
    "andere_vrijlating_loopt",
    "zorg_kinderen",
    "jongste_kind_geboren",
    "mantelzorg_uren",
    "beschikbare_uren",
    "toelichting",
    "suggested_group",
    "suggestion_reasons",
    "aandachtspunten",
    "created_at",
]


class ProfileSerializer(serializers.ModelSerializer):
    """A participation profile with the suggested group and its reasons (computed by the service)."""

    belemmering_leefgebieden = serializers.ListField(
        child=serializers.ChoiceField(choices=Leefgebied.choices), required=False, default=list
    )
    suggestion_reasons = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="De doorslaggevende factoren, daarna elke andere meegewogen factor",
    )
    aandachtspunten = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="Wat de coach moet bespreken, bijv. een ontheffing (art. 9a Participatiewet)",
    )
    suggested_group = serializers.IntegerField(
        read_only=True, help_text="Voorgestelde groep (-1 tot en met 4)"
    )

    class Meta:
        model = Profile
        fields = PROFILE_FIELDS
        read_only_fields = [
            "id",
            "author",
            "uitkeringsduur_maanden",
            "in_uitkering",
            "suggested_group",
            "suggestion_reasons",
            "aandachtspunten",
            "created_at",
        ]


class GroupAssignmentSerializer(serializers.ModelSerializer):
    """One group assignment; the history of a client is the list filtered on ``client``."""

    is_current = serializers.SerializerMethodField()
    suggested_group = serializers.IntegerField(
        read_only=True, allow_null=True, help_text="Voorstel uit het profiel (-1 tot en met 4)"
    )
    deviates = serializers.BooleanField(read_only=True, help_text="Afwijkend van het voorstel")

    class Meta:
        model = GroupAssignment
        fields = [
            "id",
            "client",
            "group",
            "valid_from",
            "valid_to",
            "is_current",
            "profile",
            "suggested_group",
            "deviates",
            "reason",
            "review_due",
            "decided_by",
            "created_at",
        ]
        read_only_fields = ["id", "valid_to", "suggested_group", "review_due", "decided_by", "created_at"]
        extra_kwargs = {"valid_from": {"required": False}, "profile": {"required": False}}

    def get_is_current(self, obj) -> bool:
        return obj.valid_to is None


class TrajectorySerializer(serializers.ModelSerializer):
    instrument_name = serializers.CharField(source="get_instrument_display", read_only=True)

    class Meta:
        model = Trajectory
        fields = [
            "id",
            "client",
            "instrument",
            "instrument_name",
            "group",
            "start",
            "end",
            "hours_per_week",
            "provider",
            "cost",
            "loonwaarde_pct",
            "monthly_subsidy",
            "outcome",
            "outcome_note",
            "created_by",
            "created_at",
        ]
        read_only_fields = [
            "id",
            "group",
            "monthly_subsidy",
            "outcome",
            "outcome_note",
            "created_by",
            "created_at",
        ]


class CloseTrajectorySerializer(serializers.Serializer):
    end = serializers.DateField()
    outcome = serializers.ChoiceField(choices=OUTCOMES)
    outcome_note = serializers.CharField(required=False, allow_blank=True, max_length=4000, default="")


class InstrumentSerializer(serializers.Serializer):
    """An instrument of the catalogue (seed 002 §5.4 and bijlage 2)."""

    code = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    groups = serializers.ListField(child=serializers.IntegerField(min_value=-1, max_value=4))
    conditions = serializers.ListField(child=serializers.CharField())
    counts_as_instrument = serializers.BooleanField(help_text="Telt mee voor het maximum van 2 in groep 2")
    trajectory = serializers.BooleanField(help_text="In te zetten als traject (tegenprestatie: eigen module)")

    @staticmethod
    def from_instrument(item: rules.Instrument) -> dict:
        return {
            "code": item.code,
            "name": item.name,
            "description": item.description,
            "groups": sorted(item.groups),
            "conditions": [c.text for c in item.conditions],
            "counts_as_instrument": item.counts_as_instrument,
            "trajectory": item.trajectory,
        }
