from django.urls import path

from . import views

app_name = "jobs"

urlpatterns = [
    path("werkvoorraad/", views.InboxView.as_view(), name="inbox"),
    path("taken/", views.JobStatusView.as_view(), name="status"),
]
