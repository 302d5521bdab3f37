"""Reads of the intake domain, always scoped to what the user may see (filtered in SQL)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.db.models.functions import Upper
from django.shortcuts import get_object_or_404
from django.utils import timezone

from almelo_sociaal.accounts.roles import WIJKTEAM_SCOPED_ROLES, Role, has_role, user_roles
from almelo_sociaal.core.rules import RuleViolation, format_euro
from almelo_sociaal.parameters.selectors import parameter_value, parameter_values

from . import rules
from .models import BUIG_REGELINGEN, Aanvraag, Client, Uitkeringsdossier, Wijkteam

ALL_CLIENT_ROLES = (Role.INTAKER, Role.TOETSER, Role.SRT, Role.BEHEER, Role.API_CLIENT)


def clients_visible_to(user) -> QuerySet[Client]:
    """Clients whose personal data ``user`` may see: everyone for backoffice roles, own wijkteam for
    coach/matcher/coordinator, nobody for finance (and anyone without a role)."""
    qs = Client.objects.all()
    if has_role(user, *ALL_CLIENT_ROLES):
        return qs
    if has_role(user, *WIJKTEAM_SCOPED_ROLES) and user.wijkteam_id:
        return qs.filter(wijkteam_id=user.wijkteam_id)
    return qs.none()


def may_see_client(roles, user_wijkteam_id: int | None, client_wijkteam_id: int | None) -> bool:
    """The same answer as ``clients_visible_to`` for one client, from the roles (no query): used where records
    derived from a client (work items) are routed to a person."""
    roles = {str(r) for r in roles}
    if roles.intersection(str(r) for r in ALL_CLIENT_ROLES):
        return True
    scoped = roles.intersection(str(r) for r in WIJKTEAM_SCOPED_ROLES)
    return bool(scoped) and user_wijkteam_id is not None and user_wijkteam_id == client_wijkteam_id


def client_scope(user, field: str = "client") -> Q:
    """A condition on ``field`` (a foreign key to Client) that keeps the rows of clients ``user`` may see."""
    if has_role(user, *ALL_CLIENT_ROLES):
        return Q()
    if has_role(user, *WIJKTEAM_SCOPED_ROLES) and user.wijkteam_id:
        return Q(**{f"{field}__wijkteam_id": user.wijkteam_id})
    return Q(pk__in=[])


def can_move_client(user, client: Client) -> bool:
    """Moving a client to another wijkteam hands the client over to another team: the coördinator of the
    client's current wijkteam (who answers for that caseload) or functioneel beheer (corrections). A coach may
    not: the move takes the client out of their own sight."""
    roles = user_roles(user)
    if Role.BEHEER in roles:
        return True
    return (
        Role.COORDINATOR in roles and user.wijkteam_id is not None and client.wijkteam_id == user.wijkteam_id
    )


def coaches_of(wijkteams) -> QuerySet:
    """Active werkcoaches of these wijkteams: the only users a client of those wijkteams may be assigned to."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(groups__name=Role.COACH, is_active=True, wijkteam__in=wijkteams)
        .select_related("wijkteam")
        .order_by("wijkteam__name", "last_name", "first_name", "id")
        .distinct()
    )


def can_edit_client(user, client: Client) -> bool:
    roles = user_roles(user)
    if Role.BEHEER in roles or Role.INTAKER in roles:
        return True
    return Role.COACH in roles and client.wijkteam_id == user.wijkteam_id


def can_handle_aanvraag(user, client: Client) -> bool:
    """Intake staff and the coach of the client's wijkteam prepare aanvragen and draft decisions."""
    roles = user_roles(user)
    if Role.INTAKER in roles:
        return True
    return Role.COACH in roles and client.wijkteam_id == user.wijkteam_id


def wijkteams_visible_to(user) -> QuerySet[Wijkteam]:
    if has_role(user, *ALL_CLIENT_ROLES, Role.FINANCE):
        return Wijkteam.objects.all()
    if user.wijkteam_id:
        return Wijkteam.objects.filter(pk=user.wijkteam_id)
    return Wijkteam.objects.none()


POSTCODE_RE = re.compile(r"^\s*(\d{4})\s?([A-Za-z]{2})\s*$")
BSN_RE = re.compile(r"^\s*(\d{9})\s*$")


def search_clients(user, query: str = "", wijkteam_id: int | None = None) -> QuerySet[Client]:
    """Client search by name (prefix of achternaam, or any word), BSN (exact) or postcode."""
    qs = clients_visible_to(user).select_related("wijkteam", "coach")
    query = (query or "").strip()
    if wijkteam_id:
        qs = qs.filter(wijkteam_id=wijkteam_id)
    if not query:
        return qs
    if m := BSN_RE.match(query):
        return qs.filter(bsn=m.group(1))
    if m := POSTCODE_RE.match(query):
        return qs.filter(postcode=(m.group(1) + m.group(2)).upper())
    for term in query.split()[:4]:
        qs = qs.filter(Q(achternaam__istartswith=term) | Q(voornamen__istartswith=term))
    # Sort the matches (found by the prefix indexes, migration 0003) rather than walk the name index until 25 match.
    return qs.order_by(Upper("achternaam"), Upper("voornamen"), "id")


def get_client_for(user, pk: int) -> Client:
    return get_object_or_404(clients_visible_to(user).select_related("wijkteam", "coach"), pk=pk)


def client_detail(client: Client) -> dict:
    """Everything the client page shows about intake, in a fixed number of queries."""
    aanvragen = list(client.aanvragen.select_related("consulent", "concept_door", "getoetst_door"))
    dossiers = list(client.dossiers.all())
    events = list(client.events.select_related("actor")[:50])
    contacts = list(client.contacts.select_related("recorded_by")[:20])
    return {"aanvragen": aanvragen, "dossiers": dossiers, "events": events, "contacts": contacts}


def decision_term_weeks(on: date) -> int:
    return int(parameter_value("beslistermijn_weken", on))


def overdue_aanvragen(user, today: date) -> QuerySet[Aanvraag]:
    """Open aanvragen past the legal decision term, oldest first."""
    cutoff = today - timedelta(weeks=decision_term_weeks(today))
    return (
        Aanvraag.objects.filter(
            client__in=clients_visible_to(user),
            status__in=[Aanvraag.Status.GEMELD, Aanvraag.Status.IN_BEHANDELING],
            aanvraagdatum__lt=cutoff,
        )
        .select_related("client", "client__wijkteam", "consulent")
        .order_by("aanvraagdatum", "id")
    )


def aanvragen_awaiting_toetsing(user) -> QuerySet[Aanvraag]:
    return (
        Aanvraag.objects.filter(client__in=clients_visible_to(user), status=Aanvraag.Status.IN_BEHANDELING)
        .exclude(concept_besluit="")
        .select_related("client", "client__wijkteam", "concept_door")
        .order_by("concept_op", "id")
    )


def get_aanvraag_for(user, pk: int) -> Aanvraag:
    return get_object_or_404(
        Aanvraag.objects.filter(client__in=clients_visible_to(user)).select_related(
            "client", "client__wijkteam", "consulent", "concept_door", "getoetst_door"
        ),
        pk=pk,
    )


def aanvragen_visible_to(user) -> QuerySet[Aanvraag]:
    return Aanvraag.objects.filter(client__in=clients_visible_to(user)).select_related("client")


def dossiers_visible_to(user) -> QuerySet[Uitkeringsdossier]:
    return Uitkeringsdossier.objects.filter(client__in=clients_visible_to(user)).select_related("client")


def active_dossiers(on: date, regelingen=BUIG_REGELINGEN) -> QuerySet[Uitkeringsdossier]:
    """Dossiers running on ``on`` (started on or before, not ended before). BUIG regelingen by default."""
    return Uitkeringsdossier.objects.filter(startdatum__lte=on, regeling__in=regelingen).filter(
        Q(einddatum__isnull=True) | Q(einddatum__gt=on)
    )


def active_dossier_count(on: date, regelingen=BUIG_REGELINGEN) -> int:
    """Caseload on a date (aggregate; no personal data): BUIG-funded dossiers, TOZO excluded by default."""
    return active_dossiers(on, regelingen).count()


def maandbedrag_bound_for(aanvraag: Aanvraag, on: date | None) -> Decimal:
    """The highest monthly amount one toetser may approve for this aanvraag's client: the norm for the client's
    leefvorm plus the policy margin, as valid on ``on`` (the ingangsdatum). Raises MissingParameter (a Dutch
    RuleViolation) when functioneel beheer has not recorded a norm for that date."""
    values = parameter_values(
        ["norm_alleenstaande", "norm_gehuwden", "maandbedrag_marge_pct"], on or timezone.localdate()
    )
    return rules.maandbedrag_bound(
        leefvorm=aanvraag.client.leefvorm,
        norm_alleenstaande=values["norm_alleenstaande"],
        norm_gehuwden=values["norm_gehuwden"],
        marge_pct=values["maandbedrag_marge_pct"],
    )


def draft_changes(aanvraag: Aanvraag) -> list[tuple[str, str, str]]:
    """What the redraft under review changed against the version it replaced (label, previous, current), shown
    to the toetser; empty when no redraft replaced a version under review."""
    previous = aanvraag.vorig_concept
    if not previous or not aanvraag.awaiting_toetsing:
        return []

    def shown(values: dict) -> dict:
        out = dict(values)
        out["besluit"] = Aanvraag.Besluit(values["besluit"]).label if values.get("besluit") else ""
        if values.get("ingangsdatum"):
            out["ingangsdatum"] = date.fromisoformat(values["ingangsdatum"]).strftime("%d-%m-%Y")
        if values.get("maandbedrag"):
            out["maandbedrag"] = format_euro(Decimal(values["maandbedrag"]))
        return out

    current = {
        "besluit": aanvraag.concept_besluit,
        "reden": aanvraag.concept_reden,
        "ingangsdatum": aanvraag.concept_ingangsdatum.isoformat() if aanvraag.concept_ingangsdatum else "",
        "maandbedrag": str(aanvraag.concept_maandbedrag) if aanvraag.concept_maandbedrag is not None else "",
        "bedrag_motivering": aanvraag.concept_bedrag_motivering,
    }
    return rules.draft_changes(shown(previous), shown(current))


def home_counters(user, today: date) -> dict[str, int]:
    """The start page's counters of this app (registered on ``accounts.home.home_counters``)."""
    counters = {}
    if has_role(user, Role.INTAKER, Role.COACH, Role.COORDINATOR, Role.BEHEER, Role.TOETSER):
        counters["overdue_count"] = overdue_aanvragen(user, today).count()
    if has_role(user, Role.TOETSER):
        counters["toetsing_count"] = aanvragen_awaiting_toetsing(user).count()
    return counters


def client_with_bsn_visible_to(user, bsn: str | None) -> Client | None:
    """The registered client with this BSN (as typed; normalised by the rule), if this user may see them."""
    try:
        normalised = rules.normalise_bsn(bsn or "")
    except RuleViolation:
        return None
    return clients_visible_to(user).filter(bsn=normalised).first()
