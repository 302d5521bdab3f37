"""Template helpers: hours in Dutch notation, the display term, and the client panel data."""

from __future__ import annotations

from django import template
from django.utils import timezone

from .. import rules, selectors
from ..terms import terms_context

register = template.Library()


@register.filter
def hours(value):
    """7.50 → '7,5'; None → '—'."""
    if value is None or value == "":
        return "—"
    return rules.format_hours(value)


@register.simple_tag
def tp_term(kind: str = "TERM") -> str:
    """{% tp_term %} → 'Tegenprestatie'; {% tp_term 'lower' %} → 'tegenprestatie'."""
    names = terms_context()
    return {"lower": names["tp_term_lower"], "plural": names["tp_term_plural"]}.get(kind, names["tp_term"])


@register.simple_tag(takes_context=True)
def tp_client_panel(context, client):
    """The data of the tegenprestatie panel on the client page (fixed number of queries)."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if user is None or client is None:
        return {"visible": False}
    return selectors.client_panel(user, client, timezone.localdate())
