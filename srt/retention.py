"""This app's part in retention (``almelo_sociaal.security.retention``), registered in ``SrtConfig.ready()``."""

from datetime import date

from django.db.models import Exists, OuterRef, Q

from almelo_sociaal.security.retention import RetentionRules

from .models import SrtInvestigation, SrtSignal


def retention_rules(cutoff: date) -> RetentionRules:
    """Kept: an SRT signal to triage or received on/after the cutoff, an SRT investigation running or closed
    on/after the cutoff. For review by hand: a terugvordering (not waived) or a boete."""
    return RetentionRules(
        keep=(
            Exists(
                SrtSignal.objects.filter(client=OuterRef("pk")).filter(
                    Q(status="nieuw") | Q(received_on__gte=cutoff)
                )
            ),
            Exists(
                SrtInvestigation.objects.filter(client=OuterRef("pk")).filter(
                    ~Q(status="afgerond") | Q(closed_on__isnull=True) | Q(closed_on__gte=cutoff)
                )
            ),
        ),
        review=(
            Exists(
                SrtInvestigation.objects.filter(client=OuterRef("pk")).filter(
                    Q(terugvordering__gt=0, terugvordering_afgezien=False) | Q(boete__gt=0)
                )
            ),
        ),
    )
