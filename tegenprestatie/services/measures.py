"""Vrijstellingen (exemptions) and maatregelen (sanctions)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from almelo_sociaal.core.rules import rule_errors
from almelo_sociaal.parameters.selectors import parameter_values
from cases.models import Client

from .. import parameters as p
from .. import rules
from ..models import Exemption, Placement, Sanction
from ..terms import TERM_LOWER
from ._common import _event


@transaction.atomic
def record_exemption(
    *,
    actor,
    client: Client,
    kind: str,
    start_date: date,
    end_date: date | None,
    reason: str,
    youngest_child_born: date | None = None,
) -> Exemption:
    age_limit = None
    if kind == rules.SINGLE_PARENT:
        age_limit = int(
            parameter_values([p.SINGLE_PARENT_CHILD_AGE], on=start_date)[p.SINGLE_PARENT_CHILD_AGE]
        )
    with rule_errors():
        rules.check_exemption(
            kind=kind,
            start=start_date,
            end=end_date,
            reason=reason,
            youngest_child_born=youngest_child_born,
            child_age_limit=age_limit,
        )
    exemption = Exemption.objects.create(
        client=client,
        kind=kind,
        start_date=start_date,
        end_date=end_date,
        reason=reason.strip(),
        youngest_child_born=youngest_child_born,
        recorded_by=actor,
    )
    _event(
        client.pk,
        "tegenprestatie",
        f"Vrijstelling {TERM_LOWER} ({exemption.get_kind_display().lower()}) van "
        f"{rules.format_date(start_date)} t/m {rules.format_date(end_date)}.",
        actor,
    )
    return exemption


def sanction_proposal(*, client_id: int, offence_on: date) -> rules.SanctionProposal:
    policy = rules.SanctionPolicy.from_parameters(parameter_values(p.SANCTION_KEYS, on=offence_on))
    history = [
        rules.PriorSanction(offence_on=s.offence_on, culpable=s.culpability != rules.NOT_CULPABLE)
        for s in Sanction.objects.filter(client_id=client_id).only("offence_on", "culpability")
    ]
    return rules.propose_sanction(offence_on=offence_on, history=history, policy=policy)


@transaction.atomic
def record_sanction(
    *,
    actor,
    client: Client,
    offence_on: date,
    reason: str,
    culpability: str,
    urgent_reasons: str,
    circumstances: str,
    client_account: str,
    percentage: Decimal,
    heard_on: date | None = None,
    placement: Placement | None = None,
    decided_on: date | None = None,
) -> Sanction:
    """A maatregel, only with the weighing and the client's account; stricter for recidivists; 0% possible."""
    Client.objects.select_for_update().filter(pk=client.pk).first()
    if placement is not None and placement.client_id != client.pk:
        raise ValidationError(
            {
                "placement": [
                    ValidationError(
                        "Deze plaatsing hoort niet bij de cliënt.", code="plaatsing_andere_client"
                    )
                ]
            }
        )
    decided_on = decided_on or timezone.localdate()
    if offence_on > decided_on:
        raise ValidationError(
            {"offence_on": [ValidationError("De gedraging ligt na de besluitdatum.", code="datum_toekomst")]}
        )
    proposal = sanction_proposal(client_id=client.pk, offence_on=offence_on)
    with rule_errors():
        rules.check_sanction(
            proposal=proposal,
            percentage=percentage,
            reason=reason,
            culpability=culpability,
            urgent_reasons=urgent_reasons,
            circumstances=circumstances,
            client_account=client_account,
        )
    sanction = Sanction.objects.create(
        client=client,
        placement=placement,
        offence_on=offence_on,
        reason=reason.strip(),
        culpability=culpability,
        urgent_reasons=urgent_reasons.strip(),
        circumstances=circumstances.strip(),
        client_account=client_account.strip(),
        heard_on=heard_on,
        standard_percentage=proposal.percentage,
        level=proposal.level,
        prior_in_window=proposal.prior_in_window,
        percentage=percentage,
        months=proposal.months,
        decided_on=decided_on,
        decided_by=actor,
    )
    _event(
        client.pk,
        "maatregel",
        f"Maatregel {TERM_LOWER}: {rules.format_hours(percentage)}% gedurende {proposal.months} maand(en) "
        f"(beleid {rules.format_hours(proposal.percentage)}%, {proposal.level}).",
        actor,
    )
    return sanction
