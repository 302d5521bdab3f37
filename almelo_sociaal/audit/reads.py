"""The read log's collector: which clients' personal data a request loaded, fed by the data layer.

One mechanism instead of a ``log_access`` call in every view. While a request is handled
(``ReadLogMiddleware``) a request-scoped collector (a context variable) is active; the data layer notes every
client whose personal data is loaded from the database:

- **model instances** of the registered models (``register``): a ``Client``, and the records that carry
  personal data about one client (aanvraag with leefgebied scores, dossier, contact, timeline, participation
  profile/assignment/trajectory, placement, hour registration, exemption, sanction, SRT signal/investigation,
  work item, the client's change history). Every way Django builds an instance from a row goes through
  ``Model.from_db`` (querysets, ``select_related``, ``prefetch_related``, ``get``, ``iterator``, ``raw``), so that
  is where they are noted;
- **plain rows** (``values()``/``values_list()``) that select a client's personal field (``personal_fields``:
  BSN, names, date of birth, address, telephone, e-mail, IBAN) or a registered record's text field, noted with
  the client id selected in the same row. A row that carries such a field without the client id cannot be
  traced to the person: it is counted as ``untraced`` and the middleware warns (no personal data in the line).

The middleware then writes one access-log row per client for a successful response (2xx), in one statement,
with the purpose ``"<METHOD> <url name>"``. Outside a request (Celery workers, management commands) no
collector is active and nothing is noted: a job shows no one anything; what it produces for people (work
items) is logged when a person reads it.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.db.models import query as _query


@dataclass
class Reads:
    """What one request loaded: ``seen`` maps client id → (object type, object id) of the first record read."""

    seen: dict[int, tuple[str, str]] = field(default_factory=dict)
    untraced: int = 0

    def note(self, client_id, object_type: str, object_id) -> None:
        if client_id is not None and client_id not in self.seen:
            self.seen[client_id] = (object_type, str(object_id))


_current: ContextVar[Reads | None] = ContextVar("audit_reads", default=None)


@contextmanager
def collecting():
    """Collect the client reads of the enclosed code (a request); nested use shares the outer collector."""
    outer = _current.get()
    if outer is not None:
        yield outer
        return
    reads = Reads()
    token = _current.set(reads)
    try:
        yield reads
    finally:
        _current.reset(token)


def current() -> Reads | None:
    return _current.get()


@dataclass(frozen=True)
class Registration:
    object_type: str
    client: str  # attribute of an instance holding the client id ("pk" for the client itself)
    personal_fields: frozenset[str]  # fields that make a plain row personal data


_registry: dict[type, Registration] = {}


def register(model, *, object_type: str, client: str = "client_id", personal_fields: Iterable[str] = ()):
    """Note every instance of ``model`` loaded during a request as a read of its client's personal data."""
    registration = Registration(object_type, client, frozenset(personal_fields))
    _registry[model] = registration
    if "_read_log_from_db" in model.__dict__:
        return
    base = model.from_db.__func__

    def from_db(cls, db, field_names, values):
        instance = base(cls, db, field_names, values)
        reads = _current.get()
        if reads is not None:
            reg = _registry.get(cls) or registration
            client_id = instance.pk if reg.client == "pk" else instance.__dict__.get(reg.client)
            reads.note(client_id, reg.object_type, instance.pk)
        return instance

    model.from_db = classmethod(from_db)
    model._read_log_from_db = True


def register_with_history(model, *, object_type: str, client: str = "client_id", personal_fields=None):
    """``register`` the model and its django-simple-history model (past versions are personal data too).

    ``personal_fields`` defaults to the model's free-text fields (notes and reasons about the person).
    """
    from django.db import models

    if personal_fields is None:
        personal_fields = [f.name for f in model._meta.concrete_fields if isinstance(f, models.TextField)]
    register(model, object_type=object_type, client=client, personal_fields=personal_fields)
    history = getattr(model, "_meta", None) and getattr(model._meta, "simple_history_manager_attribute", None)
    if history:
        historical = getattr(model, history).model
        register(
            historical,
            object_type=f"{object_type} (historie)",
            client=model._meta.pk.attname if client == "pk" else client,
            personal_fields=personal_fields,
        )


def registered() -> dict[type, Registration]:
    return dict(_registry)


def client_model():
    """The model registered as the client itself (``client="pk"``): the audit pages' change history reads it."""
    for model, registration in _registry.items():
        if registration.client == "pk":
            return model
    raise LookupError("Geen cliëntmodel geregistreerd bij audit.reads (client='pk').")


# ------------------------------------------------------------------------------------- plain rows (values)
_plans: dict[tuple, tuple[list[tuple[int, str, bool]], bool]] = {}


def _names(queryset) -> list[str]:
    query = queryset.query
    if getattr(queryset, "_fields", None) and not query.selected:
        return list(queryset._fields)
    if query.selected:
        return list(query.selected)
    return [*query.extra_select, *query.values_select, *query.annotation_select]


def _plan(model, names: list[str]) -> tuple[list[tuple[int, str, bool]], bool]:
    """For a row shape: [(index of the client id, object type, whether the client is the object)] and whether
    personal data is untraceable."""
    key = (model, tuple(names))
    if key in _plans:
        return _plans[key]
    position = {name: i for i, name in enumerate(names)}
    found: list[tuple[int, str, bool]] = []
    untraced = False
    for name in names:
        parts = name.split("__")
        current_model, prefix, target = model, [], None
        try:
            for i, part in enumerate(parts):
                f = current_model._meta.get_field(part)
                if i < len(parts) - 1:
                    if not f.is_relation or f.related_model is None:
                        raise FieldDoesNotExist(part)
                    current_model, prefix = f.related_model, [*prefix, part]
                else:
                    target = f
        except FieldDoesNotExist:
            continue
        reg = _registry.get(current_model)
        if reg is None or target is None or target.name not in reg.personal_fields:
            continue
        stem = "__".join(prefix)
        if reg.client == "pk":
            pk = current_model._meta.pk
            candidates = (
                [pk.attname, "pk"]
                if not stem
                else [f"{stem}_id", f"{stem}__{pk.attname}", f"{stem}__pk", stem]
            )
        else:
            link = reg.client.removesuffix("_id")  # values("client_id") or values("client")
            candidates = [reg.client, link] if not stem else [f"{stem}__{reg.client}", f"{stem}__{link}"]
        index = next((position[c] for c in candidates if c in position), None)
        if index is None:
            untraced = True
        elif (index, reg.object_type, reg.client == "pk") not in found:
            found.append((index, reg.object_type, reg.client == "pk"))
    _plans[key] = (found, untraced)
    return _plans[key]


def _noting(iter_method, row_kind: str):
    def __iter__(self):
        reads = _current.get()
        if reads is None:
            yield from iter_method(self)
            return
        queryset = self.queryset
        found, untraced = _plan(queryset.model, _names(queryset))
        if untraced:
            reads.untraced += 1
        if not found:
            yield from iter_method(self)
            return
        for row in iter_method(self):
            values = list(row.values()) if row_kind == "dict" else row
            for index, object_type, is_client in found:
                reads.note(values[index], object_type, values[index] if is_client else "")
            yield row

    __iter__._read_log = True
    return __iter__


def _flat_noting(iter_method):
    """``values_list(<one field>, flat=True)``: a personal field alone cannot carry its client id."""

    def __iter__(self):
        reads = _current.get()
        if reads is not None:
            queryset = self.queryset
            found, untraced = _plan(queryset.model, _names(queryset))
            if untraced or found:
                reads.untraced += 1
        yield from iter_method(self)

    __iter__._read_log = True
    return __iter__


def install() -> None:
    """Hook the plain-row iterables (idempotent; called from the audit app's ``ready``)."""
    for cls, kind in (
        (_query.ValuesIterable, "dict"),
        (_query.ValuesListIterable, "tuple"),
        (_query.NamedValuesListIterable, "tuple"),
    ):
        if not getattr(cls.__dict__.get("__iter__"), "_read_log", False):
            cls.__iter__ = _noting(cls.__dict__["__iter__"], kind)
    flat = _query.FlatValuesListIterable
    if not getattr(flat.__dict__.get("__iter__"), "_read_log", False):
        flat.__iter__ = _flat_noting(flat.__dict__["__iter__"])
