from .views import HostViewSet, HourLogViewSet, PlacementViewSet

ROUTES = [
    ("tegenprestatie/gastorganisaties", HostViewSet, "tp-host"),
    ("tegenprestatie/plaatsingen", PlacementViewSet, "tp-placement"),
    ("tegenprestatie/uren", HourLogViewSet, "tp-hourlog"),
]
