"""factory_boy factories for the foundation; apps add their own in tests/<app>/factories.py."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cases.models import Aanvraag, Client, Uitkeringsdossier, Wijkteam
from cases.rules import bsn_with_check_digit


def _valid_bsn(n: int) -> str:
    prefix = 30_000_000 + n * 7
    while (bsn := bsn_with_check_digit(prefix)) is None:
        prefix += 1
    return bsn


class WijkteamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wijkteam
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"wijk-{n}")
    name = factory.Sequence(lambda n: f"Wijkteam {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    password = factory.django.Password("Test-wachtwoord-123")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set([Group.objects.get_or_create(name=str(r))[0] for r in extracted])


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client

    bsn = factory.Sequence(_valid_bsn)
    voornamen = factory.Iterator(["Jan", "Fatma", "Piet", "Ayse", "Sanne"])
    achternaam = factory.Sequence(lambda n: f"Achternaam{n:05d}")
    birth_date = date(1985, 5, 17)
    street = "Grotestraat"
    house_number = "12"
    postcode = "7607AB"
    city = "Almelo"
    leefvorm = "alleenstaand"
    wijkteam = factory.SubFactory(WijkteamFactory)


class AanvraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanvraag

    client = factory.SubFactory(ClientFactory)
    regeling = "bijstand"
    aanvraagdatum = factory.LazyFunction(date.today)
    status = "gemeld"


class DossierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Uitkeringsdossier

    client = factory.SubFactory(ClientFactory)
    regeling = "bijstand"
    startdatum = date(2020, 1, 1)
    maandbedrag = Decimal("1401.50")
