"""Reads of the intake domain, always scoped to what the user may see (filtered in SQL)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.db.models.functions import Upper
from django.shortcuts import get_object_or_404
from django.utils import timezone

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.core.rules import RuleViolation, format_euro
from almelo_sociaal.parameters.selectors import parameter_value, parameter_values

from . import access, rules
from .models import BUIG_REGELINGEN, Aanvraag, Client, Uitkeringsdossier, Wijkteam

ALL_CLIENT_ROLES = access.ALL_CLIENT_ROLES  # the declarations live in access.py; these names stay for callers
may_see_client = access.may_see_client
can_move_client = access.can_move_client
can_edit_client = access.can_edit_client
can_handle_aanvraag = access.can_handle_aanvraag


def clients_visible_to(user) -> QuerySet[Client]:
    """Clients whose personal data ``user`` may see: everyone for backoffice roles, own wijkteam for
    coach/matcher/coordinator, nobody for finance (and anyone without a role)."""
    qs = Client.objects.all()
    if access.sees_all_clients(user):
        return qs
    if access.sees_wijkteam_clients(user):
        return qs.filter(wijkteam_id=user.wijkteam_id)
    return qs.none()


def client_scope(user, field: str = "client") -> Q:
    """A condition on ``field`` (a foreign key to Client) that keeps the rows of clients ``user`` may see."""
    if access.sees_all_clients(user):
        return Q()
    if access.sees_wijkteam_clients(user):
        return Q(**{f"{field}__wijkteam_id": user.wijkteam_id})
    return Q(pk__in=[])


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


def wijkteams_visible_to(user) -> QuerySet[Wijkteam]:
    if access.sees_all_wijkteams(user):
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
        if values.get("voorliggend_afweging"):
            out["voorliggend_afweging"] = Aanvraag.VoorliggendAfweging(values["voorliggend_afweging"]).label
        return out

    current = {
        "besluit": aanvraag.concept_besluit,
        "reden": aanvraag.concept_reden,
        "ingangsdatum": aanvraag.concept_ingangsdatum.isoformat() if aanvraag.concept_ingangsdatum else "",
        "maandbedrag": str(aanvraag.concept_maandbedrag) if aanvraag.concept_maandbedrag is not None else "",
        "bedrag_motivering": aanvraag.concept_bedrag_motivering,
        "voorliggend_afweging": aanvraag.concept_voorliggend_afweging,
        "voorliggend_motivering": aanvraag.concept_voorliggend_motivering,
    }
    return rules.draft_changes(shown(previous), shown(current))


def home_counters(user, today: date) -> dict[str, int]:
    """The start page's counters of this app (registered on ``accounts.home.home_counters``)."""
    counters = {}
    if access.sees_overdue(user):
        counters["overdue_count"] = overdue_aanvragen(user, today).count()
    if access.can_toets(user):
        counters["toetsing_count"] = aanvragen_awaiting_toetsing(user).count()
    return counters


def client_with_bsn_visible_to(user, bsn: str | None) -> Client | None:
    """The registered client with this BSN (as typed; normalised by the rule), if this user may see them."""
    try:
        normalised = rules.normalise_bsn(bsn or "")
    except RuleViolation:
        return None
    return clients_visible_to(user).filter(bsn=normalised).first()
