from django.urls import path

from . import views

app_name = "srt"

urlpatterns = [
    path("", views.InvestigationListView.as_view(), name="investigations"),
    path("signalen/", views.SignalListView.as_view(), name="signals"),
    path("signalen/nieuw/", views.SignalCreateView.as_view(), name="signal-create"),
    path("signalen/<int:pk>/", views.SignalDetailView.as_view(), name="signal-detail"),
    path("onderzoeken/<int:pk>/", views.InvestigationDetailView.as_view(), name="investigation-detail"),
    path("onderzoeken/<int:pk>/starten/", views.InvestigationStartView.as_view(), name="investigation-start"),
    path("onderzoeken/<int:pk>/koppelen/", views.InvestigationLinkView.as_view(), name="investigation-link"),
    path("onderzoeken/<int:pk>/bevinding/", views.NoteCreateView.as_view(), name="investigation-note"),
    path("onderzoeken/<int:pk>/document/", views.DocumentCreateView.as_view(), name="investigation-document"),
    path("onderzoeken/<int:pk>/uitkomst/", views.OutcomeView.as_view(), name="investigation-outcome"),
    path("onderzoeken/<int:pk>/boetevoorstel/", views.ProposalView.as_view(), name="boete-proposal"),
    path("toewijzing/", views.AssignmentListView.as_view(), name="assignments"),
    path("onderzoeken/<int:pk>/toewijzen/", views.AssignView.as_view(), name="investigation-assign"),
    path("rapportage/", views.ReportView.as_view(), name="report"),
    path("rapportage/export.csv", views.ReportExportView.as_view(fmt="csv"), name="report-csv"),
    path("rapportage/export.xlsx", views.ReportExportView.as_view(fmt="xlsx"), name="report-xlsx"),
    path("clienten/<int:client_id>/signalering/", views.ClientMarkerView.as_view(), name="client-marker"),
]
