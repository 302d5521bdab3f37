"""``{% participation_panel client %}``: the participation section of the client page (constant queries)."""

from __future__ import annotations

from django import template
from django.utils import timezone

from participation import selectors

register = template.Library()


@register.inclusion_tag("participation/_panel_body.html", takes_context=True)
def participation_panel(context, client):
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if user is None or client is None or not selectors.can_read_participation(user):
        return {"visible": False}
    data = selectors.client_panel(client, timezone.localdate())
    data.update(visible=True, client=client, can_edit=selectors.can_edit_participation(user, client))
    return data


@register.simple_tag
def ladder_points(ladder, width: int = 280, height: int = 90) -> str:
    """SVG polyline points for the participatieladder over time (trede 1 at the bottom, 6 at the top)."""
    if not ladder:
        return ""
    first, last = ladder[0][0], ladder[-1][0]
    span = max((last - first).days, 1)
    pad = 8
    points = []
    for day, trede, _label in ladder:
        x = pad + (width - 2 * pad) * ((day - first).days / span if len(ladder) > 1 else 0.5)
        y = height - pad - (height - 2 * pad) * (trede - 1) / 5
        points.append(f"{x:.1f},{y:.1f}")
    return " ".join(points)


@register.filter
def group_badge(group) -> str:
    """CSS modifier for a group badge (closer to work = calmer colour)."""
    if group is None:
        return ""
    return {
        -1: "badge-info",
        0: "badge-ok",
        1: "badge-ok",
        2: "badge-info",
        3: "badge-warn",
        4: "badge-danger",
    }.get(int(group), "")
