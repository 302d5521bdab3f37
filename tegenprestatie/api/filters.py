import django_filters

from ..models import HourLog, Placement


class PlacementFilter(django_filters.FilterSet):
    class Meta:
        model = Placement
        fields = {
            "status": ["exact"],
            "phase": ["exact"],
            "host": ["exact"],
            "client": ["exact"],
            "start_date": ["gte", "lte"],
        }


class HourLogFilter(django_filters.FilterSet):
    class Meta:
        model = HourLog
        fields = {"iso_year": ["exact"], "iso_week": ["exact"], "placement": ["exact"], "client": ["exact"]}
