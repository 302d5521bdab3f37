"""Factories for participation rows written directly (tests of reads); writes go through the services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory

from participation.models import GroupAssignment, Profile, Trajectory
from tests.factories import ClientFactory, UserFactory


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile

    client = factory.SubFactory(ClientFactory)
    assessed_on = date(2026, 1, 5)
    author = factory.SubFactory(UserFactory, password=None)
    motivatie = "matig"
    kans_arbeidsmarkt = "matig"
    opleiding = "matig"
    belemmeringen = "in_zekere_mate"
    belemmering_leefgebieden = factory.LazyFunction(lambda: ["schulden"])
    trede = 3
    uitkeringsduur_maanden = 10
    in_uitkering = True
    suggested_group = 2
    suggestion_reasons = factory.LazyFunction(lambda: ["kans op de arbeidsmarkt: matig → groep 2"])


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupAssignment

    client = factory.SubFactory(ClientFactory)
    group = 2
    valid_from = date(2026, 1, 5)
    review_due = date(2026, 7, 5)
    decided_by = factory.SubFactory(UserFactory, password=None)


class TrajectoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trajectory

    client = factory.SubFactory(ClientFactory)
    instrument = "scholing"
    group = 2
    start = date(2026, 1, 12)
    hours_per_week = Decimal("8.0")
    provider = "ROC van Twente"
    cost = Decimal("1250.00")
    created_by = factory.SubFactory(UserFactory, password=None)
