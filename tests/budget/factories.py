"""Factories for the budget app. Ledger lines go through the services in tests that check behaviour;
these factories build rows directly for selector, page and API tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory

from budget.models import BudgetRevision, BudgetYear, RealisationEntry
from tests.factories import UserFactory


class BudgetYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetYear
        django_get_or_create = ("year",)

    year = 2020


class RevisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetRevision

    budget_year = factory.SubFactory(BudgetYearFactory)
    kind = "voorlopig"
    amount = Decimal("35516242.00")
    published_on = date(2019, 10, 1)
    source = "Resultaten 2020"
    entered_by = factory.SubFactory(UserFactory, roles=["financien"])


class RealisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RealisationEntry

    budget_year = factory.SubFactory(BudgetYearFactory)
    month = date(2020, 1, 1)
    post = "algemene_bijstand"
    amount = Decimal("3000000.00")
    entered_by = factory.SubFactory(UserFactory, roles=["financien"])
