from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import JsonResponse
from django.urls import include, path
from django.views.decorators.http import require_GET

from almelo_sociaal.accounts.views import HomeView, StartPageLoginView
from almelo_sociaal.api.views import ApiRootView
from almelo_sociaal.audit.views import AuditLogView
from almelo_sociaal.core.health import database_ok


@require_GET
def healthz(request):
    """Normally answered by core.health.HealthCheckMiddleware before this view; kept for reverse() and tests."""
    ok = database_ok()
    return JsonResponse({"status": "ok" if ok else "unavailable"}, status=200 if ok else 503)


admin.site.site_header = "Almelo Sociaal — functioneel beheer"
admin.site.site_title = "Almelo Sociaal beheer"

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("healthz", healthz, name="healthz"),
    path(
        "inloggen/",
        StartPageLoginView.as_view(extra_context={"session_minutes": settings.SESSION_COOKIE_AGE // 60}),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", include("almelo_sociaal.security.urls")),
    path("audit/", AuditLogView.as_view(), name="audit-log"),
    path("werk/", include("operations.jobs.urls")),
    path("dashboard/", include("operations.dashboards.urls")),
    path("clienten/", include("cases.urls")),
    path("participatie/", include("participation.urls")),
    path("tegenprestatie/", include("tegenprestatie.urls")),
    path("bijstand/", include("bijstand.urls")),
    path("budget/", include("budget.urls")),
    path("srt/", include("srt.urls")),
    path("beheer/", admin.site.urls),
    path("api/v1", ApiRootView.as_view(), name="api-root"),
    path("api/v1/", include("almelo_sociaal.api.urls")),
]

handler404 = "almelo_sociaal.core.views.not_found"
handler500 = "almelo_sociaal.core.views.server_error"
