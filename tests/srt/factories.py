"""Factories for SRT signals and investigations (states are set directly; services are tested separately)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import factory

from srt.models import SrtInvestigation, SrtNote, SrtSignal
from srt.rules import InvestigationStatus, Outcome, SignalSource, SignalStatus

from ..factories import ClientFactory


class SignalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SrtSignal

    client = factory.SubFactory(ClientFactory)
    source = SignalSource.MELDING
    received_on = factory.LazyFunction(lambda: date.today() - timedelta(days=10))
    description = "Tip: mogelijk samenwonend."


class InvestigationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SrtInvestigation

    reference = factory.Sequence(lambda n: f"SRT-T-{n:05d}")
    client = factory.SubFactory(ClientFactory)
    signal = factory.SubFactory(
        SignalFactory, client=factory.SelfAttribute("..client"), status=SignalStatus.IN_ONDERZOEK
    )
    source = SignalSource.MELDING
    status = InvestigationStatus.GEMELD
    opened_on = factory.LazyFunction(lambda: date.today() - timedelta(days=5))

    class Params:
        running = factory.Trait(
            status=InvestigationStatus.IN_ONDERZOEK,
            started_on=factory.LazyAttribute(lambda o: o.opened_on),
        )
        closed = factory.Trait(
            status=InvestigationStatus.AFGEROND,
            started_on=factory.LazyAttribute(lambda o: o.opened_on),
            closed_on=factory.LazyAttribute(lambda o: o.opened_on + timedelta(days=30)),
            duration_days=30,
            outcome=Outcome.ANDER_RESULTAAT,
            other_result="geen_overtreding",
            conclusion="Geen overtreding.",
        )


def note(investigation, author, text="Bevinding") -> SrtNote:
    return SrtNote.objects.create(investigation=investigation, author=author, text=text)


ZERO = Decimal("0.00")
