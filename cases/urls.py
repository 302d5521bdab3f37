from django.urls import path

from . import views

app_name = "cases"

urlpatterns = [
    path("", views.ClientSearchView.as_view(), name="client-search"),
    path("nieuw/", views.ClientCreateView.as_view(), name="client-create"),
    path("<int:pk>/", views.ClientDetailView.as_view(), name="client-detail"),
    path("<int:pk>/wijzigen/", views.ClientEditView.as_view(), name="client-edit"),
    path("<int:pk>/verhuizen/", views.ClientMoveView.as_view(), name="client-move"),
    path("<int:pk>/paneel/<slug:name>/", views.ClientPanelView.as_view(), name="client-panel"),
    path("<int:pk>/aanvraag/", views.AanvraagCreateView.as_view(), name="aanvraag-create"),
    path("<int:pk>/contact/", views.ContactCreateView.as_view(), name="contact-create"),
    path("aanvragen/<int:pk>/", views.AanvraagDetailView.as_view(), name="aanvraag-detail"),
    path("aanvragen/te-laat/", views.OverdueAanvragenView.as_view(), name="overdue"),
    path("aanvragen/toetsing/", views.ToetsingQueueView.as_view(), name="toetsing"),
    path("dossiers/<int:pk>/beeindigen/", views.DossierEndView.as_view(), name="dossier-end"),
]
