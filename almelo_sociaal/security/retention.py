"""Retention (bewaartermijn): remove clients whose benefit ended longer ago than the retention period.

A client is removed when **all** of these hold (cutoff = today − ``bewaartermijn_jaren``):
- at least one uitkeringsdossier, every dossier ended, the last one before the cutoff;
- no open aanvraag and no aanvraag on or after the cutoff;
- no SRT signal still to triage, no SRT investigation still running, none closed on or after the cutoff;
- no tegenprestatie placement or participation trajectory without an end date or ending on/after the cutoff,
  no tegenprestatie sanction decided on or after the cutoff.
Clients whose SRT investigation set a terugvordering (not waived) or a boete are **skipped for manual review**:
the system does not record when a repayment ends, and the law keeps the dossier while it runs.

What keeps a client is not known here: each domain app registers its ``RetentionRules`` on
``retention_rules`` in its ``AppConfig.ready()`` (the app holding the client also names the candidates).

Removal deletes the client and every row that depends on it, in every app (found by walking the reverse
foreign keys, so new apps are covered), then the django-simple-history rows of all of them. The access log keeps
its rows (who looked at what, when) with the client link emptied: they hold no personal data.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import reduce
from operator import or_

from django.apps import apps
from django.db import models, transaction
from django.db.models import Exists, QuerySet
from django.utils import timezone

from almelo_sociaal.core.dates import years_before
from almelo_sociaal.core.hooks import Hook

logger = logging.getLogger("almelo_sociaal.security.retention")
RETENTION_PARAMETER = "bewaartermijn_jaren"
DELETE_ON = (models.CASCADE, models.PROTECT, models.RESTRICT)


@dataclass(frozen=True)
class RetentionRules:
    """One app's part in retention, for a cutoff date.

    ``candidates``: the clients retention considers (given by the app that holds the client, once);
    ``keep``: conditions on the client (``Exists(...)``) that keep it; ``review``: conditions that keep it for
    review by hand."""

    candidates: QuerySet | None = None
    keep: tuple[Exists, ...] = ()
    review: tuple[Exists, ...] = ()


# Called with ``cutoff``; each registered function returns the app's RetentionRules.
retention_rules: Hook = Hook("security.retention_rules")
RulesFunction = Callable[[date], RetentionRules]


def retention_years(today: date) -> int:
    from almelo_sociaal.parameters.selectors import parameter_value

    return int(parameter_value(RETENTION_PARAMETER, today))


def expired_clients(cutoff: date):
    """(clients to remove, clients to review by hand) — both querysets, decided in SQL."""
    rules: list[RetentionRules] = retention_rules(cutoff)
    candidates = [r.candidates for r in rules if r.candidates is not None]
    if len(candidates) != 1:
        raise LookupError("Precies één app moet de kandidaten voor de bewaartermijn registreren.")
    qs = candidates[0]
    for condition in (c for r in rules for c in r.keep):
        qs = qs.exclude(condition)
    reviews = [c for r in rules for c in r.review]
    if not reviews:
        return qs.order_by("pk"), qs.model.objects.none()
    review = reduce(or_, reviews)
    return qs.exclude(review).order_by("pk"), qs.filter(review).order_by("pk")


def _plan(model, pks: list, order: list, depth: int = 0) -> None:
    """Children first: every row that references these rows (reverse FKs that would block or cascade)."""
    if not pks or depth > 8:
        return
    for rel in model._meta.get_fields(include_hidden=True):
        if not (rel.auto_created and not rel.concrete and (rel.one_to_many or rel.one_to_one)):
            continue
        if rel.field.remote_field.on_delete not in DELETE_ON:
            continue  # SET_NULL (access log), DO_NOTHING (history tables): handled below / kept
        child = rel.related_model
        child_pks = list(
            child._base_manager.filter(**{f"{rel.field.name}__in": pks}).values_list("pk", flat=True)
        )
        if child_pks:
            _plan(child, child_pks, order, depth + 1)
            order.append((child, child_pks))


def _history_model(model):
    attr = getattr(model._meta, "simple_history_manager_attribute", None)
    return getattr(model, attr).model if attr else None


@dataclass
class PurgeResult:
    cutoff: date
    years: int
    client_ids: list[int]
    review_ids: list[int]
    deleted: dict[str, int] = field(default_factory=dict)
    applied: bool = False


def purge_expired_dossiers(*, apply: bool = False, today: date | None = None) -> PurgeResult:
    """Find (and with ``apply`` remove) clients past retention; one transaction; a PurgeRun records the run."""
    from .models import PurgeRun

    today = today or timezone.localdate()
    years = retention_years(today)
    cutoff = years_before(today, years)
    with transaction.atomic():
        expired, review = expired_clients(cutoff)
        Client = expired.model  # noqa: N806 - the client model (registered by its app)
        client_ids = list(expired.values_list("pk", flat=True))
        result = PurgeResult(
            cutoff=cutoff,
            years=years,
            client_ids=client_ids,
            review_ids=list(review.values_list("pk", flat=True)),
        )
        if apply and client_ids:
            order: list = []
            _plan(Client, client_ids, order)
            order.append((Client, client_ids))
            for model, pks in order:
                _, per_model = model._base_manager.filter(pk__in=pks).delete()
                for label, count in per_model.items():
                    if count and not label.split(".")[-1].startswith("Historical"):
                        result.deleted[label] = result.deleted.get(label, 0) + count
            # History last: the deletes above add "-" history rows of their own.
            for model, pks in order:
                history = _history_model(model)
                if history is not None:
                    _count_delete(
                        result, history, history.objects.filter(**{model._meta.pk.attname + "__in": pks})
                    )
            for history in _history_models_with_client_field():
                _count_delete(result, history, history.objects.filter(client_id__in=client_ids))
        result.applied = apply
        PurgeRun.objects.create(
            applied=apply,
            retention_years=years,
            cutoff=cutoff,
            clients=len(client_ids),
            skipped=len(result.review_ids),
            deleted=result.deleted,
        )
    logger.info(
        "bewaartermijn: %s cliënten %s (peildatum %s, %s jaar), %s handmatig te beoordelen; %s",
        len(client_ids),
        "verwijderd" if apply else "gevonden (proefdraai)",
        cutoff,
        years,
        len(result.review_ids),
        result.deleted or "niets verwijderd",
    )
    return result


def _count_delete(result: PurgeResult, model, qs) -> None:
    count = qs._raw_delete(qs.db)  # history rows: plain DELETE, no signals, nothing references them
    if count:
        label = model._meta.label
        result.deleted[label] = result.deleted.get(label, 0) + count


def _history_models_with_client_field():
    for model in apps.get_models():
        if model.__name__.startswith("Historical") and hasattr(model, "history_id"):
            if any(f.name == "client" for f in model._meta.fields):
                yield model
