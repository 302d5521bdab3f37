import django_filters

from ..models import BudgetRevision, ForecastRun, RealisationEntry


class RevisionFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(field_name="budget_year__year")

    class Meta:
        model = BudgetRevision
        fields = ["year", "kind", "bezwaar"]


class RealisationFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(field_name="budget_year__year")
    month = django_filters.DateFilter(field_name="month")

    class Meta:
        model = RealisationEntry
        fields = ["year", "month", "post", "source"]


class ForecastFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(field_name="budget_year__year")

    class Meta:
        model = ForecastRun
        fields = ["year", "scenario", "run_on"]
