"""Existing tokens get scopes from the catalogue (almelo_sociaal/accounts/scopes.py, frozen here).

* A token of an API-client account gets what the Werkplein integration needs (the Werkplein preset without
  reporting signals, which it could not do before): clients with a masked BSN, wijkteams, participation groups,
  instruments and trajectories. It no longer reads the full BSN, aanvragen, dossiers, participation profiles,
  placements or hours (finding 8 of issue 14: the werkplein-api token read all of that for every wijkteam);
  beheer grants such a scope deliberately by issuing a new token.
* Its old scope ``srt`` becomes the SRT scopes an API client could use: read signals, report signals, read
  investigations.
* A token of a person (any other role, or staff) is revoked: tokens are for API-client accounts only.
"""

from django.db import migrations
from django.utils import timezone

READ = ["clienten:lezen", "participatie:lezen", "wijkteams:lezen"]
SRT = ["srt:onderzoek-lezen", "srt:signaal-lezen", "srt:signaal-melden"]


def forwards(apps, schema_editor):
    ApiToken = apps.get_model("accounts", "ApiToken")
    now = timezone.now()
    for token in ApiToken.objects.select_related("user").iterator():
        user = token.user
        roles = set(user.groups.values_list("name", flat=True))
        if roles != {"api_client"} or user.is_staff or user.is_superuser:
            token.revoked_at = token.revoked_at or now
            token.scopes = []
        else:
            token.scopes = sorted({*READ, *(SRT if "srt" in (token.scopes or []) else [])})
        token.save(update_fields=["scopes", "revoked_at"])


def backwards(apps, schema_editor):
    ApiToken = apps.get_model("accounts", "ApiToken")
    for token in ApiToken.objects.iterator():
        token.scopes = ["srt"] if any(s.startswith("srt:") for s in token.scopes or []) else []
        token.save(update_fields=["scopes"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_session_generation")]

    operations = [migrations.RunPython(forwards, backwards)]
