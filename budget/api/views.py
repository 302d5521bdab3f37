"""Budget API: read for finance, beheer and coordinators; write (create, correct, reverse) for finance only.

There is no update or delete endpoint: the ledgers are append-only.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from .. import access, rules, selectors, services
from .filters import ForecastFilter, RealisationFilter, RevisionFilter
from .serializers import (
    BudgetYearSerializer,
    CorrectionInputSerializer,
    ForecastSerializer,
    RealisationInputSerializer,
    RealisationSerializer,
    ReversalInputSerializer,
    RevisionInputSerializer,
    RevisionSerializer,
)

READ_ROLES = access.READ_ROLES
WRITE_ROLES = access.WRITE_ROLES
READ_SCOPES = access.READ_SCOPES
WRITE_SCOPES = access.WRITE_SCOPES


class BudgetYearViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """BUIG-begrotingsjaren met hun bijstellingen en de verandering (€ en %) ten opzichte van de vorige
    bijstelling en het definitieve budget van het vorige jaar."""

    serializer_class = BudgetYearSerializer
    lookup_field = "year"
    lookup_value_regex = r"\d{4}"
    roles = READ_ROLES
    read_scopes = READ_SCOPES
    write_scopes = WRITE_SCOPES
    write_roles = WRITE_ROLES

    def get_queryset(self):
        return selectors.years_visible_to(self.request.user).order_by("-year")

    def _with_comparisons(self, years):
        numbers = [y.year for y in years]
        entries = selectors.revision_entries_by_year([*numbers, *(n - 1 for n in numbers)])
        comparisons = {
            y: rules.compare_revisions(
                entries.get(y, []), previous_year_definitief=rules.definitief_amount(entries.get(y - 1, []))
            )
            for y in numbers
        }
        return {**self.get_serializer_context(), "comparisons": comparisons}

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        serializer = BudgetYearSerializer(page, many=True, context=self._with_comparisons(page))
        return self.get_paginated_response(serializer.data)

    def retrieve(self, request, *args, **kwargs):
        obj = self.get_object()
        return Response(BudgetYearSerializer(obj, context=self._with_comparisons([obj])).data)

    def create(self, request, *args, **kwargs):
        serializer = BudgetYearSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        budget_year = services.create_year(
            year=data["year"],
            caseload_uitgangspunt=data.get("caseload_uitgangspunt"),
            note=data.get("note", ""),
            actor=request.user,
        )
        body = BudgetYearSerializer(budget_year, context=self._with_comparisons([budget_year])).data
        return Response(body, status=status.HTTP_201_CREATED)


class _LedgerViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """Base of an append-only ledger: list, read and append lines; a wrong line gets a new line (a detail action
    of the subclass that calls ``append``), never an update or a delete."""

    roles = READ_ROLES
    read_scopes = READ_SCOPES
    write_scopes = WRITE_SCOPES
    write_roles = WRITE_ROLES
    input_serializer_class: type

    def record(self, **data):
        """The service that appends a new line."""
        raise NotImplementedError

    def append(self, input_serializer_class, write, **target) -> Response:
        data = input_serializer_class(data=self.request.data)
        data.is_valid(raise_exception=True)
        line = write(actor=self.request.user, **target, **data.validated_data)
        return Response(self.serializer_class(line).data, status=status.HTTP_201_CREATED)

    def create(self, request, *args, **kwargs):
        return self.append(self.input_serializer_class, self.record)


@extend_schema_view(
    create=extend_schema(request=RevisionInputSerializer, responses={201: RevisionSerializer})
)
class RevisionViewSet(_LedgerViewSet):
    """Budgetbijstellingen (alleen toevoegen). Een foute regel wordt hersteld met ``POST …/{id}/corrigeren``."""

    serializer_class = RevisionSerializer
    input_serializer_class = RevisionInputSerializer
    filterset_class = RevisionFilter
    action_roles = {"correct": WRITE_ROLES}

    def get_queryset(self):
        return selectors.revisions_visible_to(self.request.user)

    def record(self, **data):
        return services.record_revision(**data)

    @extend_schema(request=CorrectionInputSerializer, responses={201: RevisionSerializer})
    @action(detail=True, methods=["post"], url_path="corrigeren")
    def correct(self, request, pk=None):
        """Budgetbijstelling corrigeren met een nieuwe regel."""
        return self.append(
            CorrectionInputSerializer, services.correct_revision, revision_id=self.get_object().pk
        )


@extend_schema_view(
    create=extend_schema(request=RealisationInputSerializer, responses={201: RealisationSerializer})
)
class RealisationViewSet(_LedgerViewSet):
    """Realisatieboekingen (alleen toevoegen). Een foute regel wordt teruggeboekt met ``POST …/{id}/terugboeken``."""

    serializer_class = RealisationSerializer
    input_serializer_class = RealisationInputSerializer
    filterset_class = RealisationFilter
    action_roles = {"reverse": WRITE_ROLES}

    def get_queryset(self):
        return selectors.realisation_visible_to(self.request.user)

    def record(self, **data):
        return services.record_realisation(**data)

    @extend_schema(request=ReversalInputSerializer, responses={201: RealisationSerializer})
    @action(detail=True, methods=["post"], url_path="terugboeken")
    def reverse(self, request, pk=None):
        """Realisatieboeking terugboeken met een tegenboeking."""
        return self.append(
            ReversalInputSerializer, services.reverse_realisation, entry_id=self.get_object().pk
        )


class ForecastViewSet(viewsets.ReadOnlyModelViewSet):
    """Opgeslagen prognoses (één per jaar, scenario en dag), zoals de herberekening ze schreef."""

    serializer_class = ForecastSerializer
    filterset_class = ForecastFilter
    roles = READ_ROLES
    read_scopes = READ_SCOPES
    write_scopes = WRITE_SCOPES

    def get_queryset(self):
        return selectors.forecasts_visible_to(self.request.user)
