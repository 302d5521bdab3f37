"""REST API of client intake: thin viewsets over selectors and services."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from almelo_sociaal.accounts.roles import CLIENT_EDIT_ROLES, PERSONAL_DATA_ROLES, Role, has_role
from almelo_sociaal.core.rules import RuleViolation, as_validation_error

from .. import selectors, services
from ..models import Wijkteam
from ..rules import normalise_bsn
from .filters import AanvraagFilter, ClientFilter, DossierFilter
from .serializers import (
    AanvraagSerializer,
    BsnSearchSerializer,
    ClientListSerializer,
    ClientSerializer,
    DossierSerializer,
    DraftDecisionSerializer,
    EndDossierSerializer,
    ReasonSerializer,
    WijkteamSerializer,
)

READ_ROLES = PERSONAL_DATA_ROLES
EDIT_ROLES = CLIENT_EDIT_ROLES
HANDLE_ROLES = (Role.INTAKER, Role.COACH)


class WijkteamViewSet(viewsets.ReadOnlyModelViewSet):
    """The wijkteams (reference data)."""

    serializer_class = WijkteamSerializer
    roles = (*READ_ROLES, Role.FINANCE)
    pagination_class = None
    queryset = Wijkteam.objects.all()


class ClientViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Clients (inwoners). Lists mask the BSN; reading one client is recorded in the access log."""

    roles = READ_ROLES
    write_roles = EDIT_ROLES
    action_roles = {"zoeken": READ_ROLES}
    filterset_class = ClientFilter
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        qs = selectors.clients_visible_to(self.request.user).order_by("-id")
        if self.action == "list":
            return qs.values(*ClientListSerializer.list_values)  # plain rows: see ClientListSerializer
        return qs.select_related("wijkteam")

    def get_serializer_class(self):
        return ClientListSerializer if self.action == "list" else ClientSerializer

    @extend_schema(request=BsnSearchSerializer, responses=ClientSerializer(many=True))
    @action(detail=False, methods=["post"], url_path="zoeken")
    def zoeken(self, request):
        """Find a client by BSN (POST body, so the BSN stays out of URLs and access logs). 0 or 1 result."""
        body = BsnSearchSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            bsn = normalise_bsn(body.validated_data["bsn"])
        except RuleViolation as violation:
            raise as_validation_error(violation)
        found = list(self.get_queryset().filter(bsn=bsn))
        return Response(ClientSerializer(found, many=True).data)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        user = self.request.user
        if not has_role(user, Role.INTAKER, Role.BEHEER) and data["wijkteam"].pk != user.wijkteam_id:
            raise PermissionDenied("U kunt alleen cliënten in uw eigen wijkteam registreren.")
        serializer.instance = services.register_client(actor=user, **data)

    def perform_update(self, serializer):
        client = serializer.instance
        if not selectors.can_edit_client(self.request.user, client):
            raise PermissionDenied("U kunt alleen cliënten van uw eigen wijkteam wijzigen.")
        serializer.instance = services.update_client(
            actor=self.request.user, client=client, **serializer.validated_data
        )


class AanvraagViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Aanvragen with their transitions. Decisions take effect after a toetser approves (four-eyes)."""

    serializer_class = AanvraagSerializer
    roles = READ_ROLES
    write_roles = HANDLE_ROLES
    action_roles = {"approve": (Role.TOETSER,), "return_draft": (Role.TOETSER,)}
    filterset_class = AanvraagFilter

    def get_queryset(self):
        return (
            selectors.aanvragen_visible_to(self.request.user)
            .select_related(None)
            .prefetch_related("leefgebieden")
            .order_by("-id")
        )

    def _handled(self):
        aanvraag = self.get_object()
        if not selectors.can_handle_aanvraag(self.request.user, aanvraag.client):
            raise PermissionDenied("U kunt alleen aanvragen van uw eigen wijkteam behandelen.")
        return aanvraag

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        client = data.pop("client")
        if not selectors.clients_visible_to(self.request.user).filter(pk=client.pk).exists() or not (
            selectors.can_handle_aanvraag(self.request.user, client)
        ):
            raise PermissionDenied("U kunt alleen aanvragen voor cliënten van uw eigen wijkteam registreren.")
        leefgebieden = {
            row["leefgebied"]: (row["score"], row.get("toelichting", ""))
            for row in data.pop("leefgebieden", [])
        }
        serializer.instance = services.submit_aanvraag(
            actor=self.request.user, client=client, leefgebieden=leefgebieden, **data
        )

    def _respond(self, aanvraag):
        aanvraag.refresh_from_db()
        return Response(AanvraagSerializer(aanvraag).data)

    @extend_schema(request=None, responses=AanvraagSerializer)
    @action(detail=True, methods=["post"])
    def start(self, request, pk=None):
        """gemeld → in behandeling."""
        return self._respond(services.start_behandeling(actor=request.user, aanvraag=self._handled()))

    @extend_schema(request=DraftDecisionSerializer, responses=AanvraagSerializer)
    @action(detail=True, methods=["post"])
    def draft(self, request, pk=None):
        """Prepare a decision (toekennen/afwijzen); it waits for a toetser."""
        aanvraag = self._handled()
        body = DraftDecisionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._respond(
            services.draft_decision(actor=request.user, aanvraag=aanvraag, **body.validated_data)
        )

    @extend_schema(request=None, responses=AanvraagSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        """Toetser approves the draft: toegekend (opens the uitkeringsdossier) or afgewezen."""
        return self._respond(services.approve_decision(toetser=request.user, aanvraag=self.get_object()))

    @extend_schema(request=ReasonSerializer, responses=AanvraagSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_draft(self, request, pk=None):
        """Toetser sends the draft back to the consulent with a reason."""
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._respond(
            services.reject_draft(
                toetser=request.user, aanvraag=self.get_object(), reden=body.validated_data.get("reden", "")
            )
        )

    @extend_schema(request=ReasonSerializer, responses=AanvraagSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """Withdraw the aanvraag (with a reason)."""
        aanvraag = self._handled()
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._respond(
            services.withdraw_aanvraag(
                actor=request.user, aanvraag=aanvraag, reden=body.validated_data.get("reden", "")
            )
        )


class DossierViewSet(viewsets.ReadOnlyModelViewSet):
    """Uitkeringsdossiers (created on toekenning)."""

    serializer_class = DossierSerializer
    roles = READ_ROLES
    action_roles = {"end": (Role.COACH, Role.BEHEER)}
    filterset_class = DossierFilter

    def get_queryset(self):
        return selectors.dossiers_visible_to(self.request.user).select_related(None).order_by("-id")

    @extend_schema(request=EndDossierSerializer, responses=DossierSerializer)
    @action(detail=True, methods=["post"])
    def end(self, request, pk=None):
        dossier = self.get_object()
        if not selectors.can_edit_client(request.user, dossier.client):
            raise PermissionDenied("U kunt alleen dossiers van uw eigen wijkteam beëindigen.")
        body = EndDossierSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        dossier = services.end_dossier(actor=request.user, dossier=dossier, **body.validated_data)
        return Response(DossierSerializer(dossier).data, status=status.HTTP_200_OK)
