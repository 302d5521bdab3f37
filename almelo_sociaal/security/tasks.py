"""Celery tasks of the security app (thin wrappers; the beat schedule lives in settings)."""

from celery import shared_task
from django.conf import settings


@shared_task(name="security.purge_expired_dossiers")
def purge_expired_dossiers() -> dict:
    """Retention purge; a dry run unless settings.RETENTION_PURGE_APPLY (env RETENTION_PURGE_APPLY=1)."""
    from .retention import purge_expired_dossiers as purge

    result = purge(apply=getattr(settings, "RETENTION_PURGE_APPLY", False))
    return {
        "applied": result.applied,
        "clients": len(result.client_ids),
        "review": len(result.review_ids),
        "deleted": result.deleted,
    }


@shared_task(name="security.replay_failed_enqueues")
def replay_failed_enqueues() -> dict:
    """Offer tasks that could not reach the broker again (schedule every few minutes)."""
    from .enqueue import replay_failed_enqueues as replay

    sent, failed = replay()
    return {"sent": sent, "failed": failed}
