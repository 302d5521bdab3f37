from django.urls import path

from . import views

app_name = "participation"

urlpatterns = [
    path("", views.ClientListView.as_view(), name="list"),
    path("wijkteam/", views.CoordinatorDashboardView.as_view(), name="dashboard"),
    path("instrumenten/", views.InstrumentCatalogueView.as_view(), name="instruments"),
    path("clienten/<int:pk>/", views.ClientParticipationView.as_view(), name="client"),
    path("clienten/<int:pk>/profiel/", views.ProfileCreateView.as_view(), name="profile-create"),
    path("clienten/<int:pk>/groep/", views.AssignGroupView.as_view(), name="assign"),
    path("clienten/<int:pk>/traject/", views.TrajectoryCreateView.as_view(), name="trajectory-create"),
    path("trajecten/<int:pk>/afsluiten/", views.TrajectoryCloseView.as_view(), name="trajectory-close"),
]
