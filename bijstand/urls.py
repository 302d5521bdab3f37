from django.urls import path

from . import views

app_name = "bijstand"

urlpatterns = [
    path("proefberekening/", views.WhatIfView.as_view(), name="what-if"),
    path("clienten/<int:pk>/huishouden/", views.HouseholdView.as_view(), name="household"),
    path("clienten/<int:pk>/huishouden/lid/", views.MemberAddView.as_view(), name="member-add"),
    path(
        "clienten/<int:pk>/huishouden/lid/<int:member>/einde/",
        views.MemberEndView.as_view(),
        name="member-end",
    ),
    path("clienten/<int:pk>/huishouden/inkomen/", views.IncomeAddView.as_view(), name="income-add"),
    path(
        "clienten/<int:pk>/huishouden/inkomen/<int:income>/einde/",
        views.IncomeEndView.as_view(),
        name="income-end",
    ),
    path("clienten/<int:pk>/huishouden/vermogen/", views.VermogenView.as_view(), name="vermogen"),
    path(
        "clienten/<int:pk>/huishouden/omstandigheden/",
        views.OmstandighedenView.as_view(),
        name="omstandigheden",
    ),
    path("clienten/<int:pk>/huishouden/buitenland/", views.StayAbroadView.as_view(), name="stay-abroad"),
    path("clienten/<int:pk>/berekening/", views.CalculationView.as_view(), name="calculation"),
    path(
        "clienten/<int:pk>/berekening/vastleggen/",
        views.StoreCalculationView.as_view(),
        name="calculation-store",
    ),
]
