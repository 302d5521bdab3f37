from django.urls import path

from . import views

app_name = "budget"

urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path("jaar/nieuw/", views.YearCreateView.as_view(), name="year-create"),
    path("<int:year>/", views.YearView.as_view(), name="year"),
    path("<int:year>/uitgangspunt/", views.UitgangspuntView.as_view(), name="uitgangspunt"),
    path("<int:year>/bijstelling/nieuw/", views.RevisionCreateView.as_view(), name="revision-create"),
    path("<int:year>/realisatie/nieuw/", views.RealisationCreateView.as_view(), name="realisation-create"),
    path("<int:year>/srt-overnemen/", views.SrtBookView.as_view(), name="srt-book"),
    path("<int:year>/herberekenen/", views.RecomputeView.as_view(), name="recompute"),
    path("<int:year>/export.xlsx", views.ExportView.as_view(), name="export"),
    path("bijstelling/<int:pk>/corrigeren/", views.RevisionCorrectView.as_view(), name="revision-correct"),
    path(
        "realisatie/<int:pk>/tegenboeken/", views.RealisationReverseView.as_view(), name="realisation-reverse"
    ),
]
