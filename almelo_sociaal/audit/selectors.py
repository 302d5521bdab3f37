from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from almelo_sociaal.core.rules import mask_bsn

from .models import AccessLog
from .reads import client_model


def client_ids_matching(text: str) -> QuerySet:
    """The ids of the clients whose BSN is ``text`` (9 digits, spaces and dots ignored) or whose names start with
    its words; a subquery for the searches below."""
    Client = client_model()
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) == 9 and not any(ch.isalpha() for ch in text):
        return Client.objects.filter(bsn=digits).values("pk")
    qs = Client.objects.all()
    words = text.split()[:4]
    if not words:
        return Client.objects.none().values("pk")
    for word in words:
        qs = qs.filter(Q(achternaam__istartswith=word) | Q(voornamen__istartswith=word))
    return qs.values("pk")


def search_access_log(
    *,
    client: str = "",
    username: str = "",
    client_id: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    object_type: str = "",
) -> QuerySet[AccessLog]:
    qs = AccessLog.objects.select_related("user")
    if client:
        qs = qs.filter(client_id__in=client_ids_matching(client))
    if username:
        qs = qs.filter(user__username__icontains=username)
    if client_id:
        qs = qs.filter(client_id=client_id)
    if date_from:
        qs = qs.filter(at__date__gte=date_from)
    if date_to:
        qs = qs.filter(at__date__lte=date_to)
    if object_type:
        qs = qs.filter(object_type=object_type)
    return qs


def search_change_history(
    *,
    client: str = "",
    username: str = "",
    client_id: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
):
    """Client changes recorded by django-simple-history, newest first."""
    Client = client_model()

    qs = Client.history.select_related("history_user").order_by("-history_date", "-history_id")
    if client:
        qs = qs.filter(id__in=client_ids_matching(client))
    if username:
        qs = qs.filter(history_user__username__icontains=username)
    if client_id:
        qs = qs.filter(id=client_id)
    if date_from:
        qs = qs.filter(history_date__date__gte=date_from)
    if date_to:
        qs = qs.filter(history_date__date__lte=date_to)
    return qs


def with_changes(records) -> list:
    """Attach ``changes`` [(field label, before, after)] to each history record, in one extra query."""
    Client = client_model()

    records = list(records)
    if not records:
        return records
    ids = {r.id for r in records}
    all_versions = Client.history.filter(id__in=ids).order_by("id", "history_date", "history_id")
    previous: dict[int, object] = {}
    prev_of: dict[int, object] = {}
    for version in all_versions:
        prev_of[version.history_id] = previous.get(version.id)
        previous[version.id] = version
    tracked = [
        f
        for f in Client.history.model._meta.fields
        if f.attname in {fld.attname for fld in Client._meta.fields}
    ]
    for record in records:
        before = prev_of.get(record.history_id)
        changes = []
        for field in tracked:
            if field.attname in ("id",):
                continue
            new = getattr(record, field.attname)
            old = getattr(before, field.attname) if before is not None else None
            if before is None or old != new:
                if field.attname == "bsn":
                    old, new = mask_bsn(old), mask_bsn(new)
                changes.append((field.verbose_name, old, new))
        record.changes = changes if before is not None else [("(nieuw)", "", "cliënt aangemaakt")]
    return records
