import django_filters
from django.db.models import Q

from .. import rules
from ..models import GroupAssignment, Profile, Trajectory


class ProfileFilter(django_filters.FilterSet):
    wijkteam = django_filters.CharFilter(field_name="client__wijkteam__code", label="Wijkteam (code)")
    suggested_group = django_filters.ChoiceFilter(choices=rules.Groep.choices, label="Voorgestelde groep")
    vanaf = django_filters.DateFilter(field_name="assessed_on", lookup_expr="gte", label="Datum vanaf")
    tot = django_filters.DateFilter(field_name="assessed_on", lookup_expr="lte", label="Datum tot en met")

    class Meta:
        model = Profile
        fields = ["client", "wijkteam", "suggested_group", "trede"]


class GroupAssignmentFilter(django_filters.FilterSet):
    group = django_filters.ChoiceFilter(choices=rules.Groep.choices, label="Groep")
    wijkteam = django_filters.CharFilter(field_name="client__wijkteam__code", label="Wijkteam (code)")
    current = django_filters.BooleanFilter(
        field_name="valid_to", lookup_expr="isnull", label="Alleen huidige"
    )
    review_due_before = django_filters.DateFilter(
        field_name="review_due", lookup_expr="lte", label="Herbeoordeling uiterlijk op of vóór"
    )

    class Meta:
        model = GroupAssignment
        fields = ["client", "group", "wijkteam", "current", "review_due_before"]


class TrajectoryFilter(django_filters.FilterSet):
    group = django_filters.ChoiceFilter(choices=rules.Groep.choices, label="Groep bij inzet")
    wijkteam = django_filters.CharFilter(field_name="client__wijkteam__code", label="Wijkteam (code)")
    instrument = django_filters.ChoiceFilter(choices=rules.TRAJECTORY_INSTRUMENT_CHOICES)
    active_on = django_filters.DateFilter(method="filter_active_on", label="Lopend op datum")

    class Meta:
        model = Trajectory
        fields = ["client", "group", "wijkteam", "instrument", "active_on"]

    def filter_active_on(self, queryset, name, value):
        return queryset.filter(Q(start__lte=value) & (Q(end__isnull=True) | Q(end__gte=value)))
