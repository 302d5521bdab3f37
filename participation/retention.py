"""This app's part in retention (``almelo_sociaal.security.retention``), registered in ``ParticipationConfig.ready()``."""

from datetime import date

from django.db.models import Exists, OuterRef, Q

from almelo_sociaal.security.retention import RetentionRules

from .models import Trajectory


def retention_rules(cutoff: date) -> RetentionRules:
    """Kept: a trajectory without an end or ending on/after the cutoff."""
    return RetentionRules(
        keep=(
            Exists(
                Trajectory.objects.filter(client=OuterRef("pk")).filter(
                    Q(end__isnull=True) | Q(end__gte=cutoff)
                )
            ),
        )
    )
