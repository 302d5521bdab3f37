"""Functioneel beheer: the ledgers are read-only here (no add, change or delete path); the vangnet rules
are configuration and can be maintained (with history)."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseInlineFormSet
from simple_history.admin import SimpleHistoryAdmin

from almelo_sociaal.core.admin import ReadOnlyAdmin
from almelo_sociaal.core.rules import RuleViolation

from . import rules, services
from .models import BudgetRevision, BudgetYear, ForecastRun, RealisationEntry, VangnetRegel, VangnetSchijf


@admin.register(BudgetYear)
class BudgetYearAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ("year", "caseload_uitgangspunt", "created_at")


@admin.register(BudgetRevision)
class BudgetRevisionAdmin(ReadOnlyAdmin):
    list_display = (
        "budget_year",
        "kind",
        "amount",
        "published_on",
        "bezwaar",
        "corrects",
        "entered_by",
        "entered_at",
    )
    list_filter = ("kind", "bezwaar", "budget_year")


@admin.register(RealisationEntry)
class RealisationEntryAdmin(ReadOnlyAdmin):
    list_display = (
        "budget_year",
        "month",
        "post",
        "amount",
        "source",
        "reverses",
        "entered_by",
        "entered_at",
    )
    list_filter = ("post", "source", "budget_year")


@admin.register(ForecastRun)
class ForecastRunAdmin(ReadOnlyAdmin):
    list_display = ("budget_year", "scenario", "run_on", "lasten", "tekort", "tekort_pct", "vangnet")
    list_filter = ("scenario", "budget_year")


class BandFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        regel = self.instance
        bands = [f.cleaned_data for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        by_kind = {kind: [] for kind in VangnetSchijf.Kind.values}
        for b in sorted(bands, key=lambda b: b["from_pct"]):
            by_kind[b["kind"]].append(rules.VangnetBand(b["from_pct"], b.get("to_pct"), b["share_pct"]))
        try:
            rules.check_vangnet_config(
                rules.VangnetConfig(
                    year=regel.year,
                    eigen_risico_pct=regel.eigen_risico_pct,
                    bands=tuple(by_kind[VangnetSchijf.Kind.REGULIER]),
                    multiyear_years=regel.multiyear_years,
                    multiyear_threshold_pct=regel.multiyear_threshold_pct,
                    extended_threshold_pct=regel.extended_threshold_pct,
                    extended_reference_from=regel.extended_reference_from,
                    extended_reference_to=regel.extended_reference_to,
                    extended_min_years=regel.extended_min_years,
                    extended_bands=tuple(by_kind[VangnetSchijf.Kind.UITGEBREID]),
                )
            )
        except RuleViolation as v:
            raise ValidationError(v.message, code=v.code)


class VangnetSchijfInline(admin.TabularInline):
    model = VangnetSchijf
    formset = BandFormSet
    extra = 1


@admin.register(VangnetRegel)
class VangnetRegelAdmin(SimpleHistoryAdmin):
    """Saved through ``services.configure_vangnet`` (the rule check, the history user and the recompute of the
    year); the year of a saved rule is fixed."""

    list_display = (
        "year",
        "eigen_risico_pct",
        "multiyear_years",
        "multiyear_threshold_pct",
        "extended_threshold_pct",
    )
    inlines = [VangnetSchijfInline]

    def get_readonly_fields(self, request, obj=None):
        return ("year",) if obj is not None else ()

    def save_model(self, request, obj, form, change):
        pass  # saved with its bands by the service in save_related

    def save_related(self, request, form, formsets, change):
        bands = {kind: [] for kind in VangnetSchijf.Kind.values}
        for formset in formsets:
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            for f in formset.forms:
                data = f.cleaned_data
                if data and not data.get("DELETE"):
                    bands[data["kind"]].append((data["from_pct"], data.get("to_pct"), data["share_pct"]))
        obj = form.instance
        regel = services.configure_vangnet(
            year=obj.year,
            eigen_risico_pct=obj.eigen_risico_pct,
            bands=sorted(bands[VangnetSchijf.Kind.REGULIER]),
            extended_bands=sorted(bands[VangnetSchijf.Kind.UITGEBREID]),
            source=obj.source,
            note=obj.note,
            actor=request.user,
            multiyear_years=obj.multiyear_years,
            multiyear_threshold_pct=obj.multiyear_threshold_pct,
            extended_threshold_pct=obj.extended_threshold_pct,
            extended_reference_from=obj.extended_reference_from,
            extended_reference_to=obj.extended_reference_to,
            extended_min_years=obj.extended_min_years,
        )
        obj.pk, obj._state.adding = regel.pk, False

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":  # a "revert" would save an old version past the service
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)
