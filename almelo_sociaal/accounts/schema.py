"""OpenAPI: the token authentication as a security scheme, and per operation the scopes a token needs.

Every operation's ``security`` lists ``tokenAuth`` (a bearer token) with the scopes of its viewset declaration
(the same ``permissions.scopes_for`` the permission checks), next to ``cookieAuth`` (a logged-in session, bound by
roles); ``almelo_sociaal.api.schema`` moves the scopes to ``x-scopes`` (OpenAPI 3.0 allows scopes in a requirement
only for OAuth2). An operation without a ``tokenAuth`` entry is closed to API clients.
"""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension

from .permissions import scopes_for
from .scopes import SCOPES


def scheme_description() -> str:
    lines = [
        "`Authorization: Bearer <sleutel>` (ook `Authorization: Token <sleutel>`). Alleen voor API-client-accounts; uitgegeven door functioneel beheer "
        "(`/account/api-tokens/` of `manage.py issue_api_token`). Een token mag wat zijn scopes toestaan "
        "(per operatie vermeld in `x-scopes` en in de beschrijving), binnen de rechten van de rol API-client.",
        "",
        "| scope | geeft toegang tot |",
        "|---|---|",
    ]
    lines += [f"| `{scope}` | {label} |" for scope, label in SCOPES.items()]
    return "\n".join(lines)


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "almelo_sociaal.accounts.authentication.ApiTokenAuthentication"
    name = "tokenAuth"
    priority = 1  # before drf-spectacular's own extension for TokenAuthentication

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "API-token",
            "description": scheme_description(),
        }

    def get_security_requirement(self, auto_schema):
        view = auto_schema.view
        required = scopes_for(view, auto_schema.method, getattr(view, "action", None))
        if required is None:
            return None  # closed to API clients
        return {self.name: list(required)}
