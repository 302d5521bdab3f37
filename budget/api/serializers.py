"""Serializers of the budget API: shapes only; the rules run in services and rules."""

from __future__ import annotations

from rest_framework import serializers

from .. import rules
from ..models import BudgetRevision, ForecastRun, RealisationEntry, RealisationPost, RevisionKind

MONEY = {"max_digits": 14, "decimal_places": 2}


class ChangeSerializer(serializers.Serializer):
    """Wide enough for the change between any two amounts a money field can hold (budget.rules)."""

    base = serializers.DecimalField(**MONEY)
    eur = serializers.DecimalField(max_digits=rules.CHANGE_MAX_DIGITS, decimal_places=2)
    pct = serializers.DecimalField(max_digits=rules.PERCENT_MAX_DIGITS, decimal_places=2, allow_null=True)


class ComparisonSerializer(serializers.Serializer):
    """An effective revision with its changes (computed by ``budget.rules.compare_revisions``)."""

    id = serializers.IntegerField(source="entry.id")
    original_id = serializers.IntegerField()
    kind = serializers.CharField(source="entry.kind")
    amount = serializers.DecimalField(source="entry.amount", **MONEY)
    published_on = serializers.DateField(source="entry.published_on")
    corrected = serializers.BooleanField()
    vs_previous = ChangeSerializer(allow_null=True)
    vs_previous_year_definitief = ChangeSerializer(allow_null=True)


class BudgetYearSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2015, max_value=2100)
    caseload_uitgangspunt = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    note = serializers.CharField(allow_blank=True, required=False, default="")
    revisions = serializers.SerializerMethodField()

    def get_revisions(self, obj) -> list[dict]:
        comparisons = self.context.get("comparisons", {}).get(obj.year, [])
        return ComparisonSerializer(comparisons, many=True).data


class RevisionSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(source="budget_year.year")
    corrected_by = serializers.PrimaryKeyRelatedField(source="correction", read_only=True, allow_null=True)
    entered_by = serializers.CharField(source="entered_by.username", read_only=True)

    class Meta:
        model = BudgetRevision
        fields = [
            "id",
            "year",
            "kind",
            "amount",
            "published_on",
            "source",
            "note",
            "bezwaar",
            "bezwaar_on",
            "corrects",
            "corrected_by",
            "reason",
            "entered_by",
            "entered_at",
        ]
        read_only_fields = fields


class RevisionInputSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2015, max_value=2100)
    kind = serializers.ChoiceField(choices=RevisionKind.choices)
    amount = serializers.DecimalField(**MONEY)
    published_on = serializers.DateField()
    source = serializers.CharField(max_length=300)
    note = serializers.CharField(allow_blank=True, required=False, default="")
    bezwaar = serializers.BooleanField(required=False, default=False)
    bezwaar_on = serializers.DateField(allow_null=True, required=False, default=None)


class CorrectionInputSerializer(serializers.Serializer):
    amount = serializers.DecimalField(**MONEY)
    published_on = serializers.DateField()
    source = serializers.CharField(max_length=300)
    reason = serializers.CharField()
    note = serializers.CharField(allow_blank=True, required=False, default="")
    bezwaar = serializers.BooleanField(required=False, default=False)
    bezwaar_on = serializers.DateField(allow_null=True, required=False, default=None)


class RealisationSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(source="budget_year.year")
    reversed_by = serializers.PrimaryKeyRelatedField(source="reversal", read_only=True, allow_null=True)
    entered_by = serializers.CharField(source="entered_by.username", read_only=True)

    class Meta:
        model = RealisationEntry
        fields = [
            "id",
            "year",
            "month",
            "post",
            "amount",
            "source",
            "reference",
            "note",
            "reverses",
            "reversed_by",
            "reason",
            "entered_by",
            "entered_at",
        ]
        read_only_fields = fields


class RealisationInputSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2015, max_value=2100)
    month = serializers.DateField(help_text="Een dag in de maand; opgeslagen als de eerste van de maand.")
    post = serializers.ChoiceField(choices=RealisationPost.choices)
    amount = serializers.DecimalField(**MONEY)
    reference = serializers.CharField(max_length=200, allow_blank=True, required=False, default="")
    note = serializers.CharField(allow_blank=True, required=False, default="")


class ReversalInputSerializer(serializers.Serializer):
    reason = serializers.CharField()


class ForecastSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(source="budget_year.year")
    budget_kind = serializers.CharField(
        read_only=True, help_text="Soort bijstelling waartegen het tekort is berekend."
    )

    class Meta:
        model = ForecastRun
        fields = [
            "id",
            "year",
            "scenario",
            "run_on",
            "method",
            "lasten",
            "caseload",
            "cost_per_uitkering",
            "budget_kind",
            "budget_amount",
            "tekort",
            "tekort_pct",
            "vangnet",
            "inputs",
            "working",
            "computed_at",
        ]
        read_only_fields = fields
