"""REST API of the SRT, with the same need-to-know as the UI.

Read: SRT staff, and API clients whose token carries ``srt:signaal-lezen`` (signals) or ``srt:onderzoek-lezen``
(investigations with their findings and documents). Writes: SRT staff; API clients may only deliver signals
(``srt:signaal-melden``, e.g. a Suwinet data match). Assignment of investigators: SRT and functioneel beheer.
Every investigation or signal that leaves the API is written to the access log.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from cases.selectors import clients_visible_to

from .. import selectors, services
from ..access import (
    API_ROLES,
    ASSIGN_ROLES,
    INVESTIGATION_READ_SCOPES,
    INVESTIGATION_WRITE_SCOPES,
    SIGNAL_READ_SCOPES,
    SIGNAL_TRIAGE_SCOPES,
    SIGNAL_WRITE_SCOPES,
    SRT_ONLY,
)
from ..rules import TRIAGE_OPEN
from .filters import InvestigationFilter, SignalFilter
from .serializers import (
    AssignSerializer,
    DocumentSerializer,
    InvestigationDetailSerializer,
    InvestigationSerializer,
    LinkSerializer,
    NoteSerializer,
    OutcomeSerializer,
    SignalCreateSerializer,
    SignalSerializer,
    StatusSerializer,
    TriageSerializer,
)


class SignalViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """SRT-signalen: lijst en lezen (SRT; API-client met ``srt:signaal-lezen``), melden (SRT; API-client met
    ``srt:signaal-melden``) en beoordelen (SRT)."""

    roles = API_ROLES
    write_roles = API_ROLES
    action_roles = {"triage": SRT_ONLY}
    read_scopes = SIGNAL_READ_SCOPES
    write_scopes = SIGNAL_WRITE_SCOPES
    action_scopes = {"triage": SIGNAL_TRIAGE_SCOPES}
    serializer_class = SignalSerializer
    filterset_class = SignalFilter

    def get_queryset(self):
        return selectors.signals_visible_to(self.request.user)

    @extend_schema(request=SignalCreateSerializer, responses={201: SignalSerializer})
    def create(self, request, *args, **kwargs):
        serializer = SignalCreateSerializer(data=request.data, clients=clients_visible_to(request.user))
        serializer.is_valid(raise_exception=True)
        signal = services.register_signal(actor=request.user, **serializer.validated_data)
        return Response(SignalSerializer(signal).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=TriageSerializer, responses={200: SignalSerializer})
    @action(detail=True, methods=["post"], url_path="beoordelen")
    def triage(self, request, pk=None):
        """Signaal beoordelen: terzijde leggen (met reden) of een onderzoek openen."""
        signal = self.get_object()
        serializer = TriageSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if data["decision"] == TRIAGE_OPEN:
            services.open_investigation(
                actor=request.user, signal=signal, investigators=data.get("investigators")
            )
        else:
            services.discard_signal(actor=request.user, signal=signal, reason=data["reason"])
        signal = selectors.get_signal_for(request.user, signal.pk)
        return Response(SignalSerializer(signal).data)


class InvestigationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """SRT-onderzoeken: lezen met bevindingen en documenten (SRT; API-client met ``srt:onderzoek-lezen``);
    status, bevindingen, documenten en uitkomst (SRT); onderzoekers (SRT en functioneel beheer)."""

    roles = API_ROLES
    write_roles = SRT_ONLY
    action_roles = {"assign": ASSIGN_ROLES}
    read_scopes = INVESTIGATION_READ_SCOPES
    write_scopes = INVESTIGATION_WRITE_SCOPES
    filterset_class = InvestigationFilter

    def get_queryset(self):
        if self.action == "assign":
            return selectors.investigations_assignable_by(self.request.user)
        return selectors.investigations_visible_to(self.request.user)

    def get_serializer_class(self):
        if self.action == "retrieve":
            return InvestigationDetailSerializer
        return InvestigationSerializer

    def _fresh(self, request, pk):
        return InvestigationSerializer(selectors.get_investigation_for(request.user, pk)).data

    @extend_schema(request=StatusSerializer, responses={200: InvestigationSerializer})
    @action(detail=True, methods=["post"], url_path="status")
    def change_status(self, request, pk=None):
        """Status wijzigen: gemeld → in onderzoek. Afsluiten gaat door de uitkomst vast te leggen (``uitkomst``)."""
        investigation = self.get_object()
        serializer = StatusSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.change_status(
            actor=request.user, investigation=investigation, target=serializer.validated_data["status"]
        )
        return Response(self._fresh(request, investigation.pk))

    @extend_schema(request=OutcomeSerializer, responses={200: InvestigationSerializer})
    @action(detail=True, methods=["post"], url_path="uitkomst")
    def outcome(self, request, pk=None):
        """Uitkomst vastleggen en het onderzoek afsluiten (boete weglaten: het voorstel geldt)."""
        investigation = self.get_object()
        serializer = OutcomeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.record_outcome(actor=request.user, investigation=investigation, **serializer.validated_data)
        return Response(self._fresh(request, investigation.pk))

    @extend_schema(request=LinkSerializer, responses={200: InvestigationSerializer})
    @action(detail=True, methods=["post"], url_path="koppelen")
    def link(self, request, pk=None):
        """Link the investigation to the client's uitkeringsdossier and/or aanvraag (while it runs)."""
        investigation = self.get_object()
        serializer = LinkSerializer(data=request.data, clients=clients_visible_to(request.user))
        serializer.is_valid(raise_exception=True)
        services.link_investigation(
            actor=request.user, investigation=investigation, **serializer.validated_data
        )
        return Response(self._fresh(request, investigation.pk))

    @extend_schema(request=NoteSerializer, responses={201: NoteSerializer})
    @action(detail=True, methods=["post"], url_path="bevindingen")
    def add_note(self, request, pk=None):
        """Bevinding toevoegen aan het onderzoek."""
        investigation = self.get_object()
        serializer = NoteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        note = services.add_note(
            actor=request.user, investigation=investigation, text=serializer.validated_data["text"]
        )
        return Response(NoteSerializer(note).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=DocumentSerializer, responses={201: DocumentSerializer})
    @action(detail=True, methods=["post"], url_path="documenten")
    def add_document(self, request, pk=None):
        """Document (verwijzing naar het DMS) toevoegen aan het onderzoek."""
        investigation = self.get_object()
        serializer = DocumentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        document = services.add_document(
            actor=request.user, investigation=investigation, **serializer.validated_data
        )
        return Response(DocumentSerializer(document).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=AssignSerializer, responses={200: AssignSerializer})
    @action(detail=True, methods=["post"], url_path="onderzoekers")
    def assign(self, request, pk=None):
        """Onderzoekers toewijzen (alleen SRT-medewerkers). Antwoordt met alleen de ids van de onderzoekers."""
        investigation = self.get_object()
        serializer = AssignSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.assign_investigators(
            actor=request.user,
            investigation=investigation,
            investigators=serializer.validated_data["investigators"],
        )
        ids = sorted(investigation.assignments.values_list("user_id", flat=True))
        return Response({"investigators": ids})
