"""The API router: each domain app contributes ``<app>/api/routes.py`` with ROUTES."""

import importlib

from django.conf import settings
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from almelo_sociaal.core import module_exists

from .views import DocsView, MeView, SchemaView

API_MODULES = settings.DOMAIN_APPS

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
for module in API_MODULES:
    if module_exists(f"{module}.api.routes"):
        for prefix, viewset, basename in importlib.import_module(f"{module}.api.routes").ROUTES:
            router.register(prefix, viewset, basename=basename)

urlpatterns = [
    path("me/", MeView.as_view(), name="api-me"),
    path("schema/", SchemaView.as_view(), name="api-schema"),
    path("docs/", DocsView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include(router.urls)),
]
