"""REST API of client intake: thin viewsets over selectors and services."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, PermissionDenied
from rest_framework.response import Response

from almelo_sociaal.core.rules import rule_errors

from .. import access, selectors, services
from ..models import Wijkteam
from ..rules import normalise_bsn
from .filters import AanvraagFilter, ClientFilter, DossierFilter
from .serializers import (
    AanvraagSerializer,
    AssignCoachSerializer,
    BsnSearchSerializer,
    ClientListSerializer,
    ClientSerializer,
    ClientUpdateSerializer,
    DossierSerializer,
    DraftDecisionSerializer,
    EndDossierSerializer,
    MoveClientSerializer,
    ReasonSerializer,
    WijkteamSerializer,
)

READ_ROLES = access.API_READ_ROLES
EDIT_ROLES = access.EDIT_ROLES
HANDLE_ROLES = access.HANDLE_ROLES


class WijkteamViewSet(viewsets.ReadOnlyModelViewSet):
    """De wijkteams (referentiegegevens)."""

    serializer_class = WijkteamSerializer
    roles = access.API_WIJKTEAM_ROLES
    read_scopes = access.WIJKTEAM_READ_SCOPES
    pagination_class = None
    queryset = Wijkteam.objects.all()


class ClientViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Cliënten (inwoners). Lijsten tonen het BSN gemaskeerd; elk gelezen cliënt komt in het leesverslag."""

    roles = READ_ROLES
    write_roles = EDIT_ROLES
    action_roles = {"zoeken": READ_ROLES, "move": access.MOVE_ROLES}
    read_scopes = access.CLIENT_READ_SCOPES
    write_scopes = access.CLIENT_WRITE_SCOPES
    action_scopes = {"zoeken": access.CLIENT_READ_SCOPES}
    filterset_class = ClientFilter
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        qs = selectors.clients_visible_to(self.request.user).order_by("-id")
        if self.action == "list":
            return qs.values(*ClientListSerializer.list_values)  # plain rows: see ClientListSerializer
        return qs.select_related("wijkteam")

    def get_serializer_class(self):
        if self.action == "list":
            return ClientListSerializer
        if self.action in ("update", "partial_update"):
            return ClientUpdateSerializer
        return ClientSerializer

    @extend_schema(request=BsnSearchSerializer, responses=ClientSerializer(many=True))
    @action(detail=False, methods=["post"], url_path="zoeken", pagination_class=None)
    def zoeken(self, request):
        """Cliënt zoeken op BSN. Het BSN staat in het bericht (POST), nooit in een URL of log; het antwoord is een lijst met 0 of 1 cliënt."""
        body = BsnSearchSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        with rule_errors():
            bsn = normalise_bsn(body.validated_data["bsn"])
        found = list(self.get_queryset().filter(bsn=bsn))
        return Response(ClientSerializer(found, many=True, context=self.get_serializer_context()).data)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        user = self.request.user
        if not access.may_register_in(user, data["wijkteam"].pk):
            raise PermissionDenied("U kunt alleen cliënten in uw eigen wijkteam registreren.")
        serializer.instance = services.register_client(actor=user, **data)

    def perform_update(self, serializer):
        client = serializer.instance
        if not selectors.can_edit_client(self.request.user, client):
            raise PermissionDenied("U kunt alleen cliënten van uw eigen wijkteam wijzigen.")
        serializer.instance = services.update_client(
            actor=self.request.user, client=client, **serializer.validated_data
        )

    @extend_schema(request=AssignCoachSerializer, responses=ClientSerializer)
    @action(detail=True, methods=["post"], url_path="coach")
    def assign_coach(self, request, pk=None):
        """Werkcoach toewijzen: een werkcoach van het eigen wijkteam van de cliënt (``null``: geen; de coördinator wijst toe)."""
        client = self.get_object()
        if not selectors.can_edit_client(request.user, client):
            raise PermissionDenied("U kunt alleen cliënten van uw eigen wijkteam wijzigen.")
        body = AssignCoachSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        client = services.assign_coach(actor=request.user, client=client, coach=body.validated_data["coach"])
        return Response(ClientSerializer(client).data)

    @extend_schema(request=MoveClientSerializer, responses=ClientSerializer)
    @action(detail=True, methods=["post"], url_path="verhuizen")
    def move(self, request, pk=None):
        """Cliënt verhuizen naar een ander wijkteam (coördinator van het huidige wijkteam, functioneel beheer).
        De cliënt krijgt de opgegeven coach van het nieuwe wijkteam, of geen."""
        client = self.get_object()
        if not selectors.can_move_client(request.user, client):
            raise PermissionDenied(
                "Alleen de coördinator van het wijkteam of functioneel beheer kan een cliënt verhuizen."
            )
        body = MoveClientSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        client = services.move_client(actor=request.user, client=client, **body.validated_data)
        return Response(ClientSerializer(client).data)


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "De versie in If-Match is niet de huidige versie van het conceptbesluit."
    default_code = "versie_verouderd"


IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description='De ETag van de aanvraag (de versie van het conceptbesluit) die u toetst, bijv. `"3"`. '
    "Een andere of ontbrekende versie: 412 met code `versie_verouderd` of `versie_ontbreekt`.",
)
STALE = OpenApiResponse(
    description="Ontbrekende of verouderde versie (If-Match); het antwoord noemt de code."
)


def if_match_version(request) -> int | None:
    """The draft version named in If-Match (``"3"``, ``W/"3"``); None when absent, ``*`` or not a version."""
    value = (request.headers.get("If-Match") or "").strip()
    if value.startswith("W/"):
        value = value[2:]
    value = value.strip('"')
    return int(value) if value.isdigit() else None


class AanvraagViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Aanvragen met hun behandeling. Een besluit geldt pas als een toetser (vier ogen) de versie van het
    conceptbesluit goedkeurt die in If-Match staat (de ETag van de aanvraag)."""

    serializer_class = AanvraagSerializer
    roles = READ_ROLES
    write_roles = HANDLE_ROLES
    action_roles = {"approve": access.TOETS_ROLES, "return_draft": access.TOETS_ROLES}
    read_scopes = access.AANVRAAG_READ_SCOPES
    write_scopes = access.AANVRAAG_WRITE_SCOPES
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

    def retrieve(self, request, *args, **kwargs):
        aanvraag = self.get_object()
        return Response(self.get_serializer(aanvraag).data, headers={"ETag": aanvraag.etag})

    def _respond(self, aanvraag):
        aanvraag.refresh_from_db()
        return Response(AanvraagSerializer(aanvraag).data, headers={"ETag": aanvraag.etag})

    def _judge(self, judge):
        """Run a toetser's judgement; a draft version other than the current one answers 412 (nothing changed)."""
        try:
            return self._respond(judge(if_match_version(self.request)))
        except services.StaleDraft as exc:
            error = exc.error_dict["versie"][0]
            raise PreconditionFailed(detail=error.message, code=error.code)

    @extend_schema(request=None, responses=AanvraagSerializer)
    @action(detail=True, methods=["post"], url_path="behandelen")
    def start(self, request, pk=None):
        """Aanvraag in behandeling nemen: gemeld → in behandeling."""
        return self._respond(services.start_behandeling(actor=request.user, aanvraag=self._handled()))

    @extend_schema(request=DraftDecisionSerializer, responses=AanvraagSerializer)
    @action(detail=True, methods=["post"], url_path="conceptbesluit")
    def draft(self, request, pk=None):
        """Conceptbesluit vastleggen (toekennen of afwijzen); het wacht op een toetser."""
        aanvraag = self._handled()
        body = DraftDecisionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._respond(
            services.draft_decision(actor=request.user, aanvraag=aanvraag, **body.validated_data)
        )

    @extend_schema(request=None, parameters=[IF_MATCH], responses={200: AanvraagSerializer, 412: STALE})
    @action(detail=True, methods=["post"], url_path="goedkeuren")
    def approve(self, request, pk=None):
        """Conceptbesluit goedkeuren (toetser), de versie uit If-Match: toegekend (opent het uitkeringsdossier)
        of afgewezen. Boven de grens van het maandbedrag is een tweede toetser nodig: de eerste goedkeuring wordt
        vastgelegd (``awaiting_second_toetser``) en het besluit wacht."""
        aanvraag = self.get_object()
        return self._judge(
            lambda versie: services.approve_decision(toetser=request.user, aanvraag=aanvraag, versie=versie)
        )

    @extend_schema(
        request=ReasonSerializer, parameters=[IF_MATCH], responses={200: AanvraagSerializer, 412: STALE}
    )
    @action(detail=True, methods=["post"], url_path="terugsturen")
    def return_draft(self, request, pk=None):
        """Conceptbesluit terugsturen (toetser): de versie uit If-Match gaat met een reden terug naar de consulent."""
        aanvraag = self.get_object()
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        reden = body.validated_data.get("reden", "")
        return self._judge(
            lambda versie: services.reject_draft(
                toetser=request.user, aanvraag=aanvraag, reden=reden, versie=versie
            )
        )

    @extend_schema(request=ReasonSerializer, responses=AanvraagSerializer)
    @action(detail=True, methods=["post"], url_path="intrekken")
    def withdraw(self, request, pk=None):
        """Aanvraag intrekken (met een reden)."""
        aanvraag = self._handled()
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._respond(
            services.withdraw_aanvraag(
                actor=request.user, aanvraag=aanvraag, reden=body.validated_data.get("reden", "")
            )
        )


class DossierViewSet(viewsets.ReadOnlyModelViewSet):
    """Uitkeringsdossiers (geopend bij toekenning)."""

    serializer_class = DossierSerializer
    roles = READ_ROLES
    action_roles = {"end": access.DOSSIER_END_ROLES}
    read_scopes = access.DOSSIER_READ_SCOPES
    write_scopes = access.DOSSIER_WRITE_SCOPES
    filterset_class = DossierFilter

    def get_queryset(self):
        return selectors.dossiers_visible_to(self.request.user).select_related(None).order_by("-id")

    @extend_schema(request=EndDossierSerializer, responses=DossierSerializer)
    @action(detail=True, methods=["post"], url_path="beeindigen")
    def end(self, request, pk=None):
        """Uitkeringsdossier beëindigen met einddatum en eindreden."""
        dossier = self.get_object()
        if not selectors.can_edit_client(request.user, dossier.client):
            raise PermissionDenied("U kunt alleen dossiers van uw eigen wijkteam beëindigen.")
        body = EndDossierSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        dossier = services.end_dossier(actor=request.user, dossier=dossier, **body.validated_data)
        return Response(DossierSerializer(dossier).data, status=status.HTTP_200_OK)
