"""The API's own resources: the landing resource, the OpenAPI document (public), its documentation page and
the caller's account."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from almelo_sociaal.accounts.roles import ALL_ROLES, user_roles

API_TAG = "api"
CORS_ANY = OpenApiParameter(
    "access-control-allow-origin",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=True,
    description="Altijd `*`: het OpenAPI-document is openbaar en van elke herkomst op te halen.",
)


@lru_cache(maxsize=1)
def openapi_document() -> dict:
    """The OpenAPI document, generated once per process: the same as `make schema` writes (no request)."""
    return SchemaGenerator().get_schema(request=None, public=True)


class PublicApiView(APIView):
    """Open to anyone: no authentication, no login (the read log has nothing to record)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    read_scopes = ()  # also with any token (sent or not, it is not read)


class ApiRootView(PublicApiView):
    @extend_schema(
        tags=[API_TAG],
        summary="Startpunt van de API",
        description="Naam en versie van de API met verwijzingen naar het OpenAPI-document, de documentatie "
        "en het eigen account. Openbaar, zonder token.",
        responses=inline_serializer(
            "ApiRoot",
            {
                "naam": serializers.CharField(),
                "versie": serializers.CharField(),
                "openapi": serializers.URLField(),
                "documentatie": serializers.URLField(),
                "account": serializers.URLField(),
            },
        ),
    )
    def get(self, request):
        return Response(
            {
                "naam": settings.SPECTACULAR_SETTINGS["TITLE"],
                "versie": settings.API_VERSION,
                "openapi": reverse("api-schema", request=request),
                "documentatie": reverse("api-docs", request=request),
                "account": reverse("api-me", request=request),
            }
        )


class OpenApiJsonView(PublicApiView):
    renderer_classes = [OpenApiJsonRenderer]

    @extend_schema(
        tags=[API_TAG],
        summary="Het OpenAPI-document (JSON)",
        operation_id="openapi_json",
        description="Dit document, openbaar en zonder token. Ook als YAML op `/openapi.yaml`.",
        parameters=[CORS_ANY],
        responses={200: OpenApiResponse(OpenApiTypes.OBJECT, description="Het OpenAPI-document (3.0).")},
    )
    def get(self, request):
        return Response(openapi_document(), headers={"Access-Control-Allow-Origin": "*"})


class OpenApiYamlView(OpenApiJsonView):
    renderer_classes = [OpenApiYamlRenderer]

    @extend_schema(exclude=True)
    def get(self, request):
        return super().get(request)


class DocsView(SpectacularSwaggerSplitView):
    """Interactive API documentation (Swagger UI, served locally; no CDN, CSP-safe); public like the document."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    read_scopes = ()


class MeView(APIView):
    """Wie ben ik: de aangemelde gebruiker of het API-client-account met zijn rollen."""

    roles = ALL_ROLES
    read_scopes = ()  # any token

    @extend_schema(
        tags=[API_TAG],
        summary="Het eigen account opvragen",
        responses=inline_serializer(
            "Account",
            {
                "username": serializers.CharField(),
                "roles": serializers.ListField(child=serializers.CharField()),
            },
        ),
    )
    def get(self, request):
        return Response({"username": request.user.username, "roles": sorted(user_roles(request.user))})
