import django_filters

from almelo_sociaal.api.filters import IdFilter

from ..models import Aanvraag, Client, Uitkeringsdossier


class ClientFilter(django_filters.FilterSet):
    wijkteam = django_filters.CharFilter(field_name="wijkteam__code", label="Wijkteam (code)")
    achternaam = django_filters.CharFilter(
        field_name="achternaam", lookup_expr="istartswith", label="Achternaam begint met"
    )
    postcode = django_filters.CharFilter(method="filter_postcode", label="Postcode")
    coach = IdFilter(field_name="coach_id", label="Werkcoach (id)")

    class Meta:
        model = Client
        fields = ["wijkteam", "achternaam", "postcode", "coach"]

    def filter_postcode(self, queryset, name, value):
        return queryset.filter(postcode=value.replace(" ", "").upper())


class AanvraagFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Aanvraag.Status.choices)
    regeling = django_filters.ChoiceFilter(choices=Aanvraag._meta.get_field("regeling").choices)
    aanvraagdatum_vanaf = django_filters.DateFilter(field_name="aanvraagdatum", lookup_expr="gte")
    aanvraagdatum_tot = django_filters.DateFilter(field_name="aanvraagdatum", lookup_expr="lte")
    wijkteam = django_filters.CharFilter(field_name="client__wijkteam__code")

    class Meta:
        model = Aanvraag
        fields = ["client", "status", "regeling"]


class DossierFilter(django_filters.FilterSet):
    actief = django_filters.BooleanFilter(field_name="einddatum", lookup_expr="isnull", label="Lopend")
    regeling = django_filters.ChoiceFilter(choices=Uitkeringsdossier._meta.get_field("regeling").choices)
    wijkteam = django_filters.CharFilter(field_name="client__wijkteam__code")
    gestart_vanaf = django_filters.DateFilter(field_name="startdatum", lookup_expr="gte")
    gestart_tot = django_filters.DateFilter(field_name="startdatum", lookup_expr="lte")

    class Meta:
        model = Uitkeringsdossier
        fields = ["client", "regeling"]
