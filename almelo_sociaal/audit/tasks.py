"""Celery tasks of the audit app (thin wrappers; the beat schedule lives in settings)."""

from celery import shared_task
from django.conf import settings
from django.utils import timezone


@shared_task(name="audit.maintain_access_log")
def maintain_access_log() -> dict:
    """Monthly partitions ahead (idempotent); months past the bewaartermijn removed when
    settings.RETENTION_PURGE_APPLY (env RETENTION_PURGE_APPLY=1), like the dossier purge."""
    from . import partitions

    today = timezone.localdate()
    created = partitions.ensure_partitions(today=today)
    purge = partitions.purge_access_log(today=today, apply=getattr(settings, "RETENTION_PURGE_APPLY", False))
    return {"created": created, "dropped": purge.dropped, "deleted": purge.deleted}
