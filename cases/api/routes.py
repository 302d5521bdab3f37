from .views import AanvraagViewSet, ClientViewSet, DossierViewSet, WijkteamViewSet

ROUTES = [
    ("wijkteams", WijkteamViewSet, "wijkteam"),
    ("clienten", ClientViewSet, "client"),
    ("aanvragen", AanvraagViewSet, "aanvraag"),
    ("dossiers", DossierViewSet, "dossier"),
]
