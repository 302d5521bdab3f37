"""This app's part in retention (``almelo_sociaal.security.retention``), registered in ``BijstandConfig.ready()``.

The household, the means and the calculations belong to the aanvrager's dossier and go with it. A partner is a
client too: kept while the partnership (a household member row naming the partner) runs or ended on/after the
cutoff, because the aanvrager's dossier needs it.
"""

from datetime import date

from django.db.models import Exists, OuterRef, Q

from almelo_sociaal.security.retention import RetentionRules

from .models import Huishoudlid


def retention_rules(cutoff: date) -> RetentionRules:
    return RetentionRules(
        keep=(
            Exists(
                Huishoudlid.objects.filter(partner_client=OuterRef("pk")).filter(
                    Q(einddatum__isnull=True) | Q(einddatum__gte=cutoff)
                )
            ),
        )
    )
