from drf_spectacular.utils import extend_schema, inline_serializer
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from almelo_sociaal.accounts.roles import ALL_ROLES, user_roles


class MeView(APIView):
    """Who am I: the authenticated user and roles (also the trivial endpoint for benchmarks)."""

    roles = ALL_ROLES
    read_scopes = ()  # any token

    @extend_schema(
        responses=inline_serializer(
            "Me",
            {
                "username": serializers.CharField(),
                "roles": serializers.ListField(child=serializers.CharField()),
            },
        )
    )
    def get(self, request):
        return Response({"username": request.user.username, "roles": sorted(user_roles(request.user))})


class SchemaView(SpectacularAPIView):
    """The OpenAPI 3 schema, for any authenticated user or API client."""

    roles = ALL_ROLES
    read_scopes = ()


class DocsView(SpectacularSwaggerSplitView):
    """Interactive API documentation (Swagger UI, served locally; no CDN, CSP-safe)."""

    roles = ALL_ROLES
    read_scopes = ()
