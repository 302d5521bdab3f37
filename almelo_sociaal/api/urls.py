"""The API router: each domain app contributes ``<app>/api/routes.py`` with ROUTES.

Paths have no trailing slash (NL API Design Rules); ``middleware.ApiMiddleware`` redirects the old ones.
The landing resource ``/api/v1`` itself is in ``almelo_sociaal/urls.py`` (a path without a slash)."""

import importlib

from django.conf import settings
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from almelo_sociaal.core import module_exists

from .views import DocsView, MeView, OpenApiJsonView, OpenApiYamlView

API_MODULES = settings.DOMAIN_APPS

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
for module in API_MODULES:
    if module_exists(f"{module}.api.routes"):
        for prefix, viewset, basename in importlib.import_module(f"{module}.api.routes").ROUTES:
            router.register(prefix, viewset, basename=basename)

urlpatterns = [
    path("account", MeView.as_view(), name="api-me"),
    path("openapi.json", OpenApiJsonView.as_view(), name="api-schema"),
    path("openapi.yaml", OpenApiYamlView.as_view(), name="api-schema-yaml"),
    path("documentatie", DocsView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include(router.urls)),
]
