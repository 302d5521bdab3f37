from django.urls import path

from . import views

app_name = "tegenprestatie"

urlpatterns = [
    path("", views.PlacementListView.as_view(), name="placement-list"),
    path("plaatsingen/<int:pk>/", views.PlacementDetailView.as_view(), name="placement-detail"),
    path("plaatsingen/<int:pk>/status/", views.PlacementStatusView.as_view(), name="placement-status"),
    path("plaatsingen/<int:pk>/uren/", views.PlacementHoursView.as_view(), name="placement-hours"),
    path("uren/", views.WeekGridView.as_view(), name="week-grid"),
    path("naleving/", views.ComplianceView.as_view(), name="compliance"),
    path("overzicht/", views.CoordinatorOverviewView.as_view(), name="overview"),
    path("gastorganisaties/", views.HostListView.as_view(), name="host-list"),
    path("gastorganisaties/nieuw/", views.HostCreateView.as_view(), name="host-create"),
    path("gastorganisaties/<int:pk>/", views.HostDetailView.as_view(), name="host-detail"),
    path("gastorganisaties/<int:pk>/wijzigen/", views.HostEditView.as_view(), name="host-edit"),
    path(
        "gastorganisaties/<int:pk>/verklaring/", views.HostDeclarationView.as_view(), name="host-declaration"
    ),
    path("clienten/<int:pk>/", views.ClientProgressView.as_view(), name="client-progress"),
    path("clienten/<int:client_pk>/plaatsing/", views.PlacementCreateView.as_view(), name="placement-create"),
    path(
        "clienten/<int:client_pk>/vrijstelling/", views.ExemptionCreateView.as_view(), name="exemption-create"
    ),
    path("clienten/<int:client_pk>/maatregel/", views.SanctionCreateView.as_view(), name="sanction-create"),
]
