"""This app's part in retention (``almelo_sociaal.security.retention``), registered in ``CasesConfig.ready()``."""

from datetime import date

from django.db.models import Exists, OuterRef, Q

from almelo_sociaal.security.retention import RetentionRules

from .models import Aanvraag, Client, Uitkeringsdossier


def retention_rules(cutoff: date) -> RetentionRules:
    """Candidates: clients with an uitkeringsdossier. Kept: a dossier running or ended on/after the cutoff, an
    open aanvraag or one on/after the cutoff (SRT's part: ``srt/retention.py``)."""
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
        ),
    )
