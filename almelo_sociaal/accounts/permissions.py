"""Declarative, role-based access for views and API viewsets.

Browser views: ``RoleRequiredMixin`` with ``roles = (...)`` (and ``write_roles`` for POST).
API viewsets: ``RolePermission`` reads ``roles`` (read actions) and ``write_roles`` (unsafe methods) from the
viewset, or ``action_roles = {"approve": (...)}`` for named actions; ``required_scopes`` for token scopes.
Object-level scope (own wijkteam, need-to-know) is applied in the selectors, so rows a user may not see never
leave the database; a detail view of such a row answers 404 (list) or 403 (see the view).
"""

from __future__ import annotations

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from rest_framework import permissions

from .models import ApiToken
from .roles import has_role

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def roles_for(view, method: str, action: str | None = None) -> tuple[str, ...]:
    action_roles = getattr(view, "action_roles", None) or {}
    if action and action in action_roles:
        return tuple(action_roles[action])
    if method in SAFE_METHODS:
        return tuple(getattr(view, "roles", ()))
    write_roles = getattr(view, "write_roles", None)
    return tuple(write_roles if write_roles is not None else ())


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
    message = "U heeft geen toegang tot deze gegevens."

    def has_permission(self, request, view) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        allowed = roles_for(view, request.method, getattr(view, "action", None))
        if not has_role(request.user, *allowed):
            return False
        required_scopes = getattr(view, "required_scopes", ())
        if required_scopes and isinstance(request.auth, ApiToken):
            return set(required_scopes).issubset(set(request.auth.scopes))
        return True
