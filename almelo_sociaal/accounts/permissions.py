"""Declarative, role-based access for views and API viewsets.

Browser views: ``RoleRequiredMixin`` with ``roles = (...)`` (and ``write_roles`` for POST).
API viewsets: ``RolePermission`` reads ``roles`` (read actions) and ``write_roles`` (unsafe methods) from the
viewset, or ``action_roles = {"approve": (...)}`` for named actions; and in the same way the token scopes
(``scopes.SCOPES``) an API client needs: ``read_scopes``, ``write_scopes``, ``action_scopes``. A view that
declares no scope for a request is closed to API clients (``()`` declares "no scope needed").
Object-level scope (own wijkteam, need-to-know) is applied in the selectors, so rows a user may not see never
leave the database; a detail view of such a row answers 404 (list) or 403 (see the view).
"""

from __future__ import annotations

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from rest_framework import permissions

from .models import ApiToken
from .roles import Role, has_role

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def roles_for(view, method: str, action: str | None = None) -> tuple[str, ...]:
    action_roles = getattr(view, "action_roles", None) or {}
    if action and action in action_roles:
        return tuple(action_roles[action])
    if method in SAFE_METHODS:
        return tuple(getattr(view, "roles", ()))
    write_roles = getattr(view, "write_roles", None)
    return tuple(write_roles if write_roles is not None else ())


def scopes_for(view, method: str, action: str | None = None) -> tuple[str, ...] | None:
    """The scopes a token needs for this request, or None when the view declares none (closed to tokens)."""
    action_scopes = getattr(view, "action_scopes", None) or {}
    if action and action in action_scopes:
        return tuple(action_scopes[action])
    declared = getattr(view, "read_scopes" if method in SAFE_METHODS else "write_scopes", None)
    return None if declared is None else tuple(declared)


def scope_bound(request) -> bool:
    """Requests of an API client are limited by scopes: with a token, and with a session (no scopes)."""
    return isinstance(request.auth, ApiToken) or has_role(request.user, Role.API_CLIENT)


def granted_scopes(request) -> frozenset[str]:
    return frozenset(request.auth.scopes) if isinstance(request.auth, ApiToken) else frozenset()


def scope_allows(request, scope: str) -> bool:
    """For output rules such as the full BSN: a person's session is bound by roles only, an API client needs
    ``scope`` on its token."""
    return not scope_bound(request) or scope in granted_scopes(request)


class RoleRequiredMixin(AccessMixin):
    roles: tuple[str, ...] = ()
    write_roles: tuple[str, ...] | None = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        allowed = roles_for(self, request.method)
        if not has_role(request.user, *allowed):
            raise PermissionDenied("U heeft geen toegang tot deze pagina.")
        return super().dispatch(request, *args, **kwargs)


class RolePermission(permissions.BasePermission):
    """The one API permission: the role (``roles``/``write_roles``/``action_roles``) and, for an API client,
    the token's scopes (``read_scopes``/``write_scopes``/``action_scopes``)."""

    message = "U heeft geen toegang tot deze gegevens."

    def has_permission(self, request, view) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        action = getattr(view, "action", None)
        allowed = roles_for(view, request.method, action)
        if not has_role(request.user, *allowed):
            return False
        if not scope_bound(request):
            return True
        required = scopes_for(view, request.method, action)
        if required is None:
            self.message = "Dit endpoint is niet beschikbaar voor API-clients."
            self.code = "scope_ontbreekt"
            return False
        missing = sorted(set(required) - granted_scopes(request))
        if missing:
            self.message = f"Dit token heeft geen toegang: de scope {', '.join(missing)} ontbreekt."
            self.code = "scope_ontbreekt"
            return False
        return True
