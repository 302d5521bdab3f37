"""Writes the read log of every request: one access-log row per client whose personal data the response carries."""

from __future__ import annotations

import logging

from .models import AccessLog
from .reads import collecting
from .services import log_reads

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
# Refusals and not-found show no record; a redirect has no body; a 5xx shows an error page. A form re-rendered
# with its errors (400) does show the client, so it is logged like a 200.
NOT_SERVED = {401, 403, 404, 405, 429}
SEARCH_SUFFIXES = ("search", "zoeken")


def served(status: int) -> bool:
    return status < 300 or (400 <= status < 500 and status not in NOT_SERVED)


def purpose_of(request) -> str:
    """``"<METHOD> <url name>"`` (e.g. ``GET cases:client-detail``, ``GET admin:cases_client_change``)."""
    match = getattr(request, "resolver_match", None)
    name = (match.view_name if match else "") or request.path_info.split("?")[0][:150]
    return f"{request.method} {name}"


def action_of(request, response) -> str:
    if response.get("Content-Disposition", "").startswith("attachment"):
        return AccessLog.Action.EXPORT
    if request.path_info.startswith(API_PREFIX):
        match = getattr(request, "resolver_match", None)
        if match and match.url_name and match.url_name.endswith(SEARCH_SUFFIXES):
            return AccessLog.Action.SEARCH
        return AccessLog.Action.API
    match = getattr(request, "resolver_match", None)
    if match and match.url_name and match.url_name.endswith(SEARCH_SUFFIXES):
        return AccessLog.Action.SEARCH
    return AccessLog.Action.VIEW


class ReadLogMiddleware:
    """Collects the clients whose personal data the request loads (``audit.reads``) and, when the response is
    served (2xx, or a 4xx form re-rendered with its errors) to a signed-in user, writes one access-log row per client in one statement.

    A failing write fails the response (500): personal data is not served without its log row.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with collecting() as reads:
            response = self.get_response(request)
        if not served(response.status_code):
            return response
        if reads.untraced:
            logger.warning("read log: personal data without a client id in %s", purpose_of(request))
        if not reads.seen:
            return response
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            logger.warning(
                "read log: personal data served without a signed-in user in %s", purpose_of(request)
            )
            return response
        log_reads(
            user=user,
            reads=reads.seen,
            action=action_of(request, response),
            purpose=purpose_of(request),
            path=request.path_info,
        )
        return response
