import django_filters

from almelo_sociaal.api.filters import IdFilter

from ..models import SrtInvestigation, SrtSignal
from ..rules import InvestigationStatus, Outcome, SignalSource, SignalStatus


class SignalFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=SignalStatus.choices)
    source = django_filters.ChoiceFilter(choices=SignalSource.choices)
    client = IdFilter(field_name="client_id", label="Cliënt (id)")
    received_from = django_filters.DateFilter(field_name="received_on", lookup_expr="gte")
    received_to = django_filters.DateFilter(field_name="received_on", lookup_expr="lte")

    class Meta:
        model = SrtSignal
        fields = ["status", "source", "client", "received_from", "received_to"]


class InvestigationFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=InvestigationStatus.choices)
    source = django_filters.ChoiceFilter(choices=SignalSource.choices)
    outcome = django_filters.ChoiceFilter(choices=Outcome.choices)
    client = IdFilter(field_name="client_id", label="Cliënt (id)")
    closed_from = django_filters.DateFilter(field_name="closed_on", lookup_expr="gte")
    closed_to = django_filters.DateFilter(field_name="closed_on", lookup_expr="lte")

    class Meta:
        model = SrtInvestigation
        fields = ["status", "source", "outcome", "client", "closed_from", "closed_to"]
