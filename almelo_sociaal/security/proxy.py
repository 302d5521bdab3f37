"""Which `X-Forwarded-*` headers to believe: only those set by a proxy we run ourselves.

A reverse proxy in front of gunicorn tells us the client's address (`X-Forwarded-For`) and that the request came
in over HTTPS (`X-Forwarded-Proto`). Anybody can send those headers, so they are believed only when the TCP peer
(`REMOTE_ADDR`) is one of ``settings.TRUSTED_PROXIES`` (addresses or networks, env ``TRUSTED_PROXIES``). From any
other peer the middleware removes them before anything reads them: Django's ``SECURE_PROXY_SSL_HEADER``, the
login lockout (axes keys on :func:`client_ip`) and the logs.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings

FORWARDED_HEADERS = (
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_FORWARDED",
)


@lru_cache(maxsize=32)
def _networks(proxies: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(p.strip(), strict=False) for p in proxies if p.strip())


def is_trusted_proxy(address: str) -> bool:
    """True when ``address`` is one of the configured proxies (an unparsable address never is)."""
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ()) or ()))
    if not networks:
        return False
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in net for net in networks)


def client_ip(request) -> str:
    """The client's address: the peer, or — when the peer is a trusted proxy — the nearest address in
    `X-Forwarded-For` that is not itself a trusted proxy (each proxy appends the address it saw)."""
    remote = request.META.get("REMOTE_ADDR", "")
    if not is_trusted_proxy(remote):
        return remote
    forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if p.strip()]
    for address in reversed(forwarded):
        if not is_trusted_proxy(address):
            return address
    return forwarded[0] if forwarded else remote


class TrustedProxyMiddleware:
    """First in MIDDLEWARE: drop forwarding headers that did not come from a trusted proxy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_trusted_proxy(request.META.get("REMOTE_ADDR", "")):
            for header in FORWARDED_HEADERS:
                request.META.pop(header, None)
        return self.get_response(request)
