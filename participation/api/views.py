"""REST API of participation: thin viewsets over selectors and services, same permissions as the UI."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response

from almelo_sociaal.accounts import scopes
from cases.selectors import clients_visible_to

from .. import rules, selectors, services
from ..access import API_READ_ROLES, WRITE_ROLES
from .filters import GroupAssignmentFilter, ProfileFilter, TrajectoryFilter
from .serializers import (
    CloseTrajectorySerializer,
    GroupAssignmentSerializer,
    InstrumentSerializer,
    ProfileSerializer,
    TrajectorySerializer,
)


class _ParticipationViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    roles = API_READ_ROLES
    write_roles = WRITE_ROLES
    read_scopes = (scopes.PARTICIPATIE_LEZEN,)
    write_scopes = (scopes.PARTICIPATIE_SCHRIJVEN,)

    def _client_for_edit(self, client):
        """The client must be visible (400 otherwise, like an unknown id) and editable (403)."""
        if not clients_visible_to(self.request.user).filter(pk=client.pk).exists():
            raise NotFound("Onbekende cliënt.")
        if not selectors.can_edit_participation(self.request.user, client):
            raise PermissionDenied(
                "U kunt alleen de participatie van cliënten van uw eigen wijkteam wijzigen."
            )
        return client


class ProfileViewSet(_ParticipationViewSet):
    """Participatieprofielen. Bij het vastleggen berekent de API de voorgestelde groep met de redenen."""

    serializer_class = ProfileSerializer
    filterset_class = ProfileFilter
    read_scopes = (scopes.PARTICIPATIEPROFIELEN_LEZEN,)

    def get_queryset(self):
        return selectors.profiles_visible_to(self.request.user).select_related(None).order_by("-id")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        client = self._client_for_edit(data.pop("client"))
        serializer.instance = services.record_profile(actor=self.request.user, client=client, **data)


class GroupAssignmentViewSet(_ParticipationViewSet):
    """Groepsindelingen met hun geschiedenis (valid_from/valid_to; ``current=true`` voor de huidige).

    Een nieuwe indeling sluit de huidige af; een reden is verplicht als de groep afwijkt van het voorstel van
    het laatste profiel. De volgende herbeoordeling volgt uit de termijn van de groep."""

    serializer_class = GroupAssignmentSerializer
    filterset_class = GroupAssignmentFilter

    def get_queryset(self):
        return selectors.assignments_visible_to(self.request.user).select_related(None).order_by("-id")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        client = self._client_for_edit(data.pop("client"))
        serializer.instance = services.assign_group(actor=self.request.user, client=client, **data)


class TrajectoryViewSet(_ParticipationViewSet):
    """Trajecten: instrumenten ingezet voor een cliënt. Een inzet die een voorwaarde schendt, wordt geweigerd
    (400) met de reden; ``afsluiten`` legt het einde en het resultaat vast."""

    serializer_class = TrajectorySerializer
    filterset_class = TrajectoryFilter

    def get_queryset(self):
        return selectors.trajectories_visible_to(self.request.user).select_related(None).order_by("-id")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        client = self._client_for_edit(data.pop("client"))
        serializer.instance = services.deploy_instrument(actor=self.request.user, client=client, **data)

    @extend_schema(request=CloseTrajectorySerializer, responses=TrajectorySerializer)
    @action(detail=True, methods=["post"], url_path="afsluiten")
    def close(self, request, pk=None):
        """Traject afsluiten met einddatum en resultaat."""
        trajectory = self.get_object()
        if not selectors.can_edit_participation(request.user, trajectory.client):
            raise PermissionDenied("U kunt alleen trajecten van cliënten van uw eigen wijkteam afsluiten.")
        serializer = CloseTrajectorySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        trajectory = services.close_trajectory(
            actor=request.user, trajectory=trajectory, **serializer.validated_data
        )
        return Response(TrajectorySerializer(trajectory).data, status=status.HTTP_200_OK)


class InstrumentViewSet(viewsets.ViewSet):
    """De instrumentencatalogus: toegestane groepen en voorwaarden per instrument (referentiegegevens)."""

    roles = API_READ_ROLES
    read_scopes = (scopes.PARTICIPATIE_LEZEN,)
    serializer_class = InstrumentSerializer
    lookup_field = "code"

    @extend_schema(
        summary="Instrumenten opvragen",
        responses=InstrumentSerializer(many=True),
        parameters=[
            OpenApiParameter("group", int, description="Alleen instrumenten toegestaan in deze groep")
        ],
    )
    def list(self, request):
        items = rules.CATALOGUE
        group = request.query_params.get("group")
        if group not in (None, ""):
            try:
                group_value = int(group)
            except ValueError:
                group_value = None
            items = [i for i in items if group_value in i.groups]
        return Response([InstrumentSerializer.from_instrument(i) for i in items])

    @extend_schema(
        summary="Instrument opvragen",
        responses=InstrumentSerializer,
        parameters=[
            OpenApiParameter("code", str, OpenApiParameter.PATH, description="Code, bv. participatieplaats")
        ],
    )
    def retrieve(self, request, code=None):
        try:
            item = rules.instrument(code)
        except rules.RuleViolation:
            raise NotFound("Onbekend instrument.")
        return Response(InstrumentSerializer.from_instrument(item))
