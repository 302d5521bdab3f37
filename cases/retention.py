"""This app's part in retention (``almelo_sociaal.security.retention``), registered in ``CasesConfig.ready()``."""

from datetime import date

from django.db.models import Exists, OuterRef, Q

from almelo_sociaal.security.retention import RetentionRules

from .models import Aanvraag, Client, SrtInvestigation, SrtSignal, Uitkeringsdossier


def retention_rules(cutoff: date) -> RetentionRules:
    """Candidates: clients with an uitkeringsdossier. Kept: a dossier running or ended on/after the cutoff, an
    open aanvraag or one on/after the cutoff, an SRT signal to triage or received on/after the cutoff, an SRT
    investigation running or closed on/after the cutoff. For review by hand: a terugvordering (not waived) or
    a boete."""
    return RetentionRules(
        candidates=Client.objects.filter(Exists(Uitkeringsdossier.objects.filter(client=OuterRef("pk")))),
        keep=(
            Exists(
                Uitkeringsdossier.objects.filter(client=OuterRef("pk")).filter(
                    Q(einddatum__isnull=True) | Q(einddatum__gte=cutoff)
                )
            ),
            Exists(
                Aanvraag.objects.filter(client=OuterRef("pk")).filter(
                    Q(status__in=["gemeld", "in_behandeling"]) | Q(aanvraagdatum__gte=cutoff)
                )
            ),
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
