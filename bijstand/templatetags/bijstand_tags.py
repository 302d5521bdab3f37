"""Recht en hoogte on other apps' pages: the client page's panel and the draft decision's calculation (constant
queries)."""

from __future__ import annotations

from django import template
from django.utils import timezone

from almelo_sociaal.core.rules import RuleViolation
from bijstand import access, selectors

register = template.Library()


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None) or context.get("user")


@register.inclusion_tag("bijstand/_panel_body.html", takes_context=True)
def bijstand_panel(context, client):
    """The client page: the household kind, the amount in force, links to the tabs."""
    user = _user(context)
    if user is None or client is None or not access.can_read(user):
        return {"visible": False}
    today = timezone.localdate()
    dossier = selectors.running_dossier(client, today)
    stored = selectors.calculation_for(dossier, today) if dossier else None
    return {
        "visible": True,
        "client": client,
        "dossier": dossier,
        "stored": stored,
        "household": selectors.household_summary(client, today),
    }


@register.inclusion_tag("bijstand/_draft_body.html", takes_context=True)
def draft_calculation(context, aanvraag):
    """The toetser's view of a draft toekenning: the calculation and the drafted amount side by side."""
    user = _user(context)
    if user is None or aanvraag is None or not access.can_read(user):
        return {"visible": False}
    berekening = selectors.draft_calculation(aanvraag)
    live, error = None, None
    if berekening is None and aanvraag.concept_ingangsdatum:
        try:
            live = selectors.calculate_for_client(aanvraag.client, aanvraag.concept_ingangsdatum)
        except RuleViolation as violation:
            error = violation.message
    return {"visible": True, "aanvraag": aanvraag, "berekening": berekening, "live": live, "error": error}
