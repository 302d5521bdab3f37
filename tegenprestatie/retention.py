"""This app's part in retention (``almelo_sociaal.security.retention``), registered in ``TegenprestatieConfig.ready()``."""

from datetime import date

from django.db.models import Exists, OuterRef, Q

from almelo_sociaal.security.retention import RetentionRules

from .models import Placement, Sanction


def retention_rules(cutoff: date) -> RetentionRules:
    """Kept: a placement without an end or ending on/after the cutoff, a sanction decided on/after the cutoff."""
    return RetentionRules(
        keep=(
            Exists(
                Placement.objects.filter(client=OuterRef("pk")).filter(
                    Q(end_date__isnull=True) | Q(end_date__gte=cutoff)
                )
            ),
            Exists(Sanction.objects.filter(client=OuterRef("pk")).filter(decided_on__gte=cutoff)),
        )
    )
