"""REST API of recht en hoogte: the household of a client, the calculation of a dossier, a what-if calculation.
Thin views over selectors and rules; the same permissions, client scope and read log as the pages."""

from __future__ import annotations

from django.utils import timezone
from django.utils.dateparse import parse_date
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from almelo_sociaal.core.rules import RuleViolation

from .. import access, rules, selectors
from .serializers import (
    CalculationSerializer,
    DossierCalculationSerializer,
    HouseholdSerializer,
    WhatIfSerializer,
)

PEILDATUM = OpenApiParameter(
    "peildatum", str, description="De datum (JJJJ-MM-DD) waarop; standaard vandaag.", required=False
)


def _peildatum(request):
    raw = request.query_params.get("peildatum")
    if not raw:
        return timezone.localdate()
    value = parse_date(raw)
    if value is None:
        raise ValidationError({"peildatum": ["Vul een datum in als JJJJ-MM-DD."]})
    return value


class HouseholdViewSet(viewsets.ViewSet):
    """The household of a client (by the client's id) on ``peildatum``: its kind (derived), members with their
    periods, and incomes."""

    roles = access.API_READ_ROLES
    read_scopes = access.READ_SCOPES
    lookup_value_regex = r"\d+"

    @extend_schema(parameters=[PEILDATUM], responses=HouseholdSerializer)
    def retrieve(self, request, pk=None):
        client = selectors.get_client_for(request.user, int(pk))
        on = _peildatum(request)
        data = selectors.household(client, on)
        body = {
            "client": client.pk,
            "peildatum": on,
            "leefvorm": data["kind"],
            "leefvormLabel": data["kind_label"],
            "leden": [m for m in data["members"]],
            "inkomsten": data["incomes"],
        }
        return Response(HouseholdSerializer(body).data)


class DossierCalculationViewSet(viewsets.ViewSet):
    """The calculation of an uitkeringsdossier (by its id) on ``peildatum``: the decided calculation in force
    (``vastgesteld``) and the calculation from the facts recorded now (``berekening``), each with every line."""

    roles = access.API_READ_ROLES
    read_scopes = access.READ_SCOPES
    lookup_value_regex = r"\d+"

    @extend_schema(parameters=[PEILDATUM], responses=DossierCalculationSerializer)
    def retrieve(self, request, pk=None):
        dossier = selectors.get_dossier_for(request.user, int(pk))
        on = _peildatum(request)
        calculation, error = None, None
        try:
            calculation = selectors.calculate_for_client(dossier.client, on)
        except RuleViolation as violation:
            error = {"code": violation.code, "message": violation.message, "article": ""}
        body = {
            "dossier": dossier.pk,
            "peildatum": on,
            "vastgesteld": selectors.calculation_for(dossier, on),
            "berekening": calculation,
            "fout": error,
        }
        return Response(DossierCalculationSerializer(body).data)


class WhatIfViewSet(viewsets.ViewSet):
    """A what-if calculation: POST the situation, get the right, the amount and its working. Nothing is stored."""

    roles = access.WHAT_IF_ROLES
    write_roles = access.WHAT_IF_ROLES
    write_scopes = access.WHAT_IF_SCOPES

    @extend_schema(request=WhatIfSerializer, responses=CalculationSerializer)
    def create(self, request):
        body = WhatIfSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        facts = body.facts()
        calculation = rules.calculate(facts, selectors.parameters_on(facts.on))
        return Response(CalculationSerializer(calculation).data)
