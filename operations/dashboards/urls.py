from django.urls import path

from . import views

app_name = "dashboards"

urlpatterns = [
    path("wijkteam/", views.CoordinatorDashboardView.as_view(), name="coordinator"),
    path("management/", views.ManagementDashboardView.as_view(), name="management"),
]
