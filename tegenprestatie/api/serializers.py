"""Serializers: shape only. The rules run in the services (same messages as the UI)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from almelo_sociaal.core.rules import RuleViolation

from .. import rules
from ..models import Activity, HostOrganisation, HourLog, Phase, Placement


def _choice_field(choices, **kwargs) -> serializers.ChoiceField:
    """A ChoiceField documented as an inline enum (no shared component: no name collisions with other apps)."""
    values = [value for value, _label in choices]

    @extend_schema_field(
        {"type": "string", "enum": values}
        if all(isinstance(v, str) for v in values)
        else {"type": "integer", "enum": values}
    )
    class InlineChoiceField(serializers.ChoiceField):
        pass

    return InlineChoiceField(choices=choices, **kwargs)


@extend_schema_field({"type": "string", "pattern": r"^\d{4}-W\d{2}$", "example": "2026-W07"})
class WeekField(serializers.Field):
    """An ISO week as '2026-W07'."""

    default_error_messages = {"invalid": "Gebruik jjjj-Www, bijv. 2026-W07."}

    def to_internal_value(self, data):
        try:
            return rules.IsoWeek.parse(str(data))
        except RuleViolation as v:
            raise serializers.ValidationError(v.message, code=v.code) from None

    def to_representation(self, value):
        return value.label


class HostOrganisationSerializer(serializers.ModelSerializer):
    has_declaration = serializers.BooleanField(read_only=True)
    kind = _choice_field(HostOrganisation.Kind.choices, read_only=True)

    class Meta:
        model = HostOrganisation
        fields = [
            "id",
            "name",
            "kind",
            "street",
            "postcode",
            "city",
            "contact_name",
            "declaration_signed_on",
            "declaration_signed_by",
            "has_declaration",
            "active",
        ]


class PlacementSerializer(serializers.ModelSerializer):
    client_name = serializers.CharField(source="client.full_name", read_only=True)
    activity_code = serializers.CharField(source="activity.code", read_only=True)
    host_name = serializers.CharField(source="host.name", read_only=True, default=None, allow_null=True)
    status = _choice_field(Placement.Status.choices, read_only=True)
    end_reason = _choice_field([("", ""), *Placement.EndReason.choices], read_only=True)
    phase = _choice_field(Phase.choices, read_only=True)

    class Meta:
        model = Placement
        fields = [
            "id",
            "client",
            "client_name",
            "host",
            "host_name",
            "activity",
            "activity_code",
            "self_chosen",
            "description",
            "phase",
            "agreed_hours",
            "start_date",
            "end_date",
            "status",
            "end_reason",
            "end_reason_text",
            "created_at",
        ]
        read_only_fields = fields


class PlacementCreateSerializer(serializers.Serializer):
    client = serializers.IntegerField()
    activity = serializers.SlugRelatedField(slug_field="code", queryset=Activity.objects.filter(active=True))
    host = serializers.PrimaryKeyRelatedField(
        queryset=HostOrganisation.objects.all(), required=False, allow_null=True
    )
    self_chosen = serializers.BooleanField()
    description = serializers.CharField(required=False, allow_blank=True, default="")
    phase = _choice_field(Phase.choices)
    agreed_hours = serializers.DecimalField(max_digits=4, decimal_places=2)
    start_date = serializers.DateField()
    end_date = serializers.DateField(required=False, allow_null=True)
    activate = serializers.BooleanField(required=False, default=False)


class PlacementStatusChangeSerializer(serializers.Serializer):
    new_status = _choice_field([(s, label) for s, label in Placement.Status.choices if s != rules.PROPOSED])
    on = serializers.DateField()
    end_reason = _choice_field(Placement.EndReason.choices, required=False, allow_blank=True, default="")
    reason_text = serializers.CharField(required=False, allow_blank=True, default="")


class HourLogSerializer(serializers.ModelSerializer):
    week = serializers.CharField(source="week.label", read_only=True)
    attendance = _choice_field(HourLog.Attendance.choices, read_only=True)

    class Meta:
        model = HourLog
        fields = [
            "id",
            "placement",
            "client",
            "week",
            "iso_year",
            "iso_week",
            "hours",
            "attendance",
            "note",
            "registered_by",
            "registered_at",
        ]
        read_only_fields = fields


class HourRowSerializer(serializers.Serializer):
    placement = serializers.IntegerField()
    hours = serializers.DecimalField(max_digits=4, decimal_places=2)
    attendance = _choice_field(HourLog.Attendance.choices, required=False, allow_blank=True, default="")
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)


class WeekRegistrationSerializer(serializers.Serializer):
    """A week of hours for many placements at once; all rows or none."""

    week = WeekField()
    rows = HourRowSerializer(many=True, allow_empty=False)
