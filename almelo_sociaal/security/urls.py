from django.urls import path

from . import views

app_name = "security"

urlpatterns = [
    path("", views.SecurityOverviewView.as_view(), name="account"),
    path("code/", views.OtpVerifyView.as_view(), name="otp-verify"),
    path("overal-uitloggen/", views.LogoutEverywhereView.as_view(), name="logout-everywhere"),
    path("api-tokens/", views.ApiTokenListView.as_view(), name="api-tokens"),
    path("api-tokens/<int:pk>/intrekken/", views.ApiTokenRevokeView.as_view(), name="api-token-revoke"),
]
