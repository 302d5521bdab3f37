"""The changes proposed in docs/benchmarks.md ("Proposed changes"), applied by monkeypatching so that they can be
measured without editing the apps that own the code. ``apply()`` is called by ``patched_wsgi`` (gunicorn) and by
``probe.py --proposals``; the database indexes are created by ``create_indexes()`` (PostgreSQL only).

When the owners apply the patches, delete the matching part here.
"""

from __future__ import annotations

from datetime import date

from django.db import connection
from django.db.models import Count, FilteredRelation, Q, Value
from django.db.models.functions import Coalesce

# --- 1. name search: prefix indexes on UPPER(name) (the SQL that __istartswith produces on PostgreSQL) -------

INDEXES = {
    "client_achternaam_prefix_idx": (
        'CREATE INDEX IF NOT EXISTS client_achternaam_prefix_idx ON cases_client (UPPER("achternaam"::text) '
        "text_pattern_ops)"
    ),
    "client_voornamen_prefix_idx": (
        'CREATE INDEX IF NOT EXISTS client_voornamen_prefix_idx ON cases_client (UPPER("voornamen"::text) '
        "text_pattern_ops)"
    ),
}


def create_indexes() -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for sql in INDEXES.values():
            cursor.execute(sql)
        cursor.execute("ANALYZE cases_client")


def drop_indexes() -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for name in INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")


# --- 2. caseload snapshot: one pass over the dossiers, the group joined instead of a subquery per row -------


def caseload_counts(first: date, last: date) -> tuple[dict, dict, dict]:
    """(active, instroom, uitstroom) per (wijkteam, regeling, group on ``last``), in one GROUP BY.

    Joins the assignment valid on ``last`` (FilteredRelation = LEFT JOIN ... ON with the period condition).
    Relies on the invariant that a client's assignments do not overlap (valid_to is the next valid_from), which
    the participation service keeps and the partial unique constraint guards for the current one.
    """
    from almelo_sociaal.dashboards.models import NO_GROUP
    from cases.models import Uitkeringsdossier

    on_day = Q(client__group_assignments__valid_from__lte=last) & (
        Q(client__group_assignments__valid_to__isnull=True) | Q(client__group_assignments__valid_to__gt=last)
    )
    rows = (
        Uitkeringsdossier.objects.filter(startdatum__lte=last)
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=first))
        .annotate(ga=FilteredRelation("client__group_assignments", condition=on_day))
        .annotate(grp=Coalesce("ga__group", Value(NO_GROUP)))
        .values("client__wijkteam_id", "regeling", "grp")
        .annotate(
            active=Count("id", filter=Q(einddatum__isnull=True) | Q(einddatum__gt=last)),
            instroom=Count("id", filter=Q(startdatum__gte=first)),
            uitstroom=Count("id", filter=Q(einddatum__gte=first, einddatum__lte=last)),
        )
        .order_by()
    )
    active, instroom, uitstroom = {}, {}, {}
    for r in rows:
        key = (r["client__wijkteam_id"], r["regeling"], r["grp"])
        for target, value in ((active, r["active"]), (instroom, r["instroom"]), (uitstroom, r["uitstroom"])):
            if value:
                target[key] = value
    return active, instroom, uitstroom


OLD_COUNTS = """    dossiers = Uitkeringsdossier.objects.all()
    active = _counts(
        dossiers.filter(startdatum__lte=last).filter(Q(einddatum__isnull=True) | Q(einddatum__gt=last)), last
    )
    instroom = _counts(dossiers.filter(startdatum__range=(first, last)), last)
    uitstroom = _counts(dossiers.filter(einddatum__range=(first, last)), last)
"""
NEW_COUNTS = """    active, instroom, uitstroom = _caseload_counts(first, last)
"""


def apply() -> None:
    """Apply the proposals to the running process (measurement only): the snapshot patch is the literal text
    replacement of docs/benchmarks.md, executed in the module's namespace."""
    import inspect
    import textwrap

    from almelo_sociaal.dashboards import services

    source = textwrap.dedent(inspect.getsource(services.take_caseload_snapshot))
    if OLD_COUNTS not in source:
        raise RuntimeError("take_caseload_snapshot changed: update tests/perf/proposals.py")
    services._caseload_counts = caseload_counts
    exec(compile(source.replace(OLD_COUNTS, NEW_COUNTS), services.__file__, "exec"), services.__dict__)  # noqa: S102


# --- 3. client search: count at most 1,000 rows (exact below, "meer dan 1.000" above) -----------------------

from functools import cached_property  # noqa: E402

from django.core.paginator import Paginator  # noqa: E402


class CappedCountPaginator(Paginator):
    """Counts at most ``cap`` + 1 rows (``SELECT COUNT(*) FROM (... LIMIT cap+1)``): exact for small results,
    a constant cost for large ones. Pages stop at cap / per_page; the user refines the search."""

    def __init__(self, *args, cap: int = 1000, **kwargs):
        super().__init__(*args, **kwargs)
        self.cap = cap

    @cached_property
    def count(self) -> int:
        n = self.object_list[: self.cap + 1].count()
        self.capped = n > self.cap
        return min(n, self.cap)

    @property
    def is_capped(self) -> bool:
        return self.count == self.cap and getattr(self, "capped", False)


# --- 4. client search: sort the matches instead of walking the name index ------------------------------------


def search_order():
    """The ORDER BY for a name search: not served by client_name_idx, so PostgreSQL finds the matches with the
    prefix indexes (bitmap) and sorts them (top-N), instead of walking the name index in order until 25 rows
    match (which reads most of the table when the matches sit late in the alphabet)."""
    from django.db.models.functions import Upper

    return (Upper("achternaam"), Upper("voornamen"), "id")


def patched_search_clients(original):
    from cases.selectors import BSN_RE, POSTCODE_RE

    def search_clients(user, query: str = "", wijkteam_id: int | None = None):
        qs = original(user, query, wijkteam_id)
        query = (query or "").strip()
        if query and not BSN_RE.match(query) and not POSTCODE_RE.match(query):
            qs = qs.order_by(*search_order())
        return qs

    return search_clients


# --- 5. API list: the access-log rows of a page in one INSERT ... SELECT unnest() (PostgreSQL) ----------------


def log_access_many_unnest(
    *, user, object_type: str, client_ids, action: str = "api", purpose: str = ""
) -> None:
    """One statement and no model instances: the same rows as audit.services.log_access_many."""
    ids = [int(i) for i in client_ids]
    if not ids:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO audit_accesslog (at, user_id, action, client_id, object_type, object_id, purpose) "
            "SELECT now(), %s, %s, x, %s, x::text, %s FROM unnest(%s::bigint[]) AS x",
            [user.pk, action, object_type, purpose[:200], ids],
        )


def apply_all() -> None:
    """Everything measurable in-process (used by patched_wsgi and probe --proposals)."""
    apply()
    from cases import selectors, views
    from cases.api import views as api_views

    views.Paginator = CappedCountPaginator
    selectors.search_clients = patched_search_clients(selectors.search_clients)
    if connection.vendor == "postgresql":
        api_views.log_access_many = log_access_many_unnest
