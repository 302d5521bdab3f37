from .views import AanvraagViewSet, ClientViewSet, DossierViewSet, WijkteamViewSet

ROUTES = [
    ("wijkteams", WijkteamViewSet, "wijkteam"),
    ("clients", ClientViewSet, "client"),
    ("aanvragen", AanvraagViewSet, "aanvraag"),
    ("dossiers", DossierViewSet, "dossier"),
]
