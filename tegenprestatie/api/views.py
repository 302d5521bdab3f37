"""REST API of tegenprestatie: thin viewsets over selectors and services."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response

from almelo_sociaal.accounts import scopes

from .. import access, selectors, services
from .filters import HourLogFilter, PlacementFilter
from .serializers import (
    HostOrganisationSerializer,
    HourLogSerializer,
    PlacementCreateSerializer,
    PlacementSerializer,
    PlacementStatusChangeSerializer,
    WeekRegistrationSerializer,
)


class HostViewSet(viewsets.ReadOnlyModelViewSet):
    """Gastorganisaties met hun verklaring over verdringing."""

    serializer_class = HostOrganisationSerializer
    roles = access.API_READ_ROLES
    read_scopes = (scopes.TEGENPRESTATIE_LEZEN,)
    filterset_fields = ["active", "kind"]

    def get_queryset(self):
        return selectors.hosts_visible_to(self.request.user).order_by("-id")


class PlacementViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Plaatsingen (coach en coördinator: eigen wijkteam; contactpersoon: eigen gastorganisatie). Schrijven: coach."""

    roles = access.API_READ_ROLES
    write_roles = access.API_PLACEMENT_WRITE_ROLES
    action_roles = {"status": access.API_PLACEMENT_WRITE_ROLES}
    read_scopes = (scopes.TEGENPRESTATIE_LEZEN,)
    write_scopes = (scopes.TEGENPRESTATIE_SCHRIJVEN,)
    filterset_class = PlacementFilter

    def get_queryset(self):
        return selectors.placements_visible_to(self.request.user).select_related("client", "host", "activity")

    def get_serializer_class(self):
        if self.action == "create":
            return PlacementCreateSerializer
        if self.action == "status":
            return PlacementStatusChangeSerializer
        return PlacementSerializer

    @extend_schema(request=PlacementCreateSerializer, responses={201: PlacementSerializer})
    def create(self, request, *args, **kwargs):
        serializer = PlacementCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        client = selectors.clients_manageable_by(request.user).filter(pk=data.pop("client")).first()
        if client is None:
            raise NotFound("Cliënt niet gevonden in uw wijkteam.")
        placement = services.propose_placement(actor=request.user, client=client, **data)
        return Response(PlacementSerializer(placement).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=PlacementStatusChangeSerializer, responses={200: PlacementSerializer})
    @action(detail=True, methods=["post"])
    def status(self, request, pk=None):
        """Status van de plaatsing wijzigen (starten, onderbreken, beëindigen met reden)."""
        placement = self.get_object()
        if not selectors.can_manage_client(request.user, placement.client):
            raise PermissionDenied("Alleen de coach van het wijkteam van de cliënt wijzigt de plaatsing.")
        serializer = PlacementStatusChangeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        placement = services.change_placement_status(
            actor=request.user, placement=placement, **serializer.validated_data
        )
        return Response(PlacementSerializer(placement).data)


class HourLogViewSet(viewsets.ReadOnlyModelViewSet):
    """Uren per week; ``POST …/uren/week`` registreert een week voor veel plaatsingen tegelijk (alle regels of geen)."""

    serializer_class = HourLogSerializer
    roles = access.API_READ_ROLES
    write_roles = access.API_WRITE_ROLES
    action_roles = {"week": access.API_WRITE_ROLES}
    read_scopes = (scopes.UREN_LEZEN,)
    write_scopes = (scopes.UREN_SCHRIJVEN,)
    filterset_class = HourLogFilter

    def get_queryset(self):
        return selectors.hour_logs_visible_to(self.request.user)

    @extend_schema(request=WeekRegistrationSerializer, responses={201: HourLogSerializer(many=True)})
    @action(detail=False, methods=["post"], pagination_class=None)
    def week(self, request):
        """Een week uren registreren voor meerdere plaatsingen: alle regels of geen. Antwoordt met de regels."""
        serializer = WeekRegistrationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        rows = [
            services.HourRow(
                placement_id=row["placement"],
                hours=row["hours"],
                attendance=row["attendance"],
                note=row["note"],
            )
            for row in data["rows"]
        ]
        logs = services.register_week_hours(
            actor=request.user,
            week=data["week"],
            rows=rows,
            placements=selectors.registrable_placements(request.user),
        )
        return Response(HourLogSerializer(logs, many=True).data, status=status.HTTP_201_CREATED)
