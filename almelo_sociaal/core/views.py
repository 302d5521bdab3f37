"""Error pages: HTML for the browser, the API's JSON error shape under /api/."""

from django.http import JsonResponse
from django.views import defaults


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def not_found(request, exception=None):
    if _is_api(request):
        return JsonResponse({"message": "Niet gevonden.", "code": "not_found", "fields": {}}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if _is_api(request):
        return JsonResponse(
            {
                "message": "Er is een storing opgetreden; er is niets half opgeslagen.",
                "code": "server_error",
                "fields": {},
            },
            status=500,
        )
    return defaults.server_error(request)
