"""The roles of the product, as Django groups. One place that says who may do what.

A role is a group; a user may have several. Row-level scope (own wijkteam) is applied in the selectors.
"""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    INTAKER = "intaker", "Intaker / screener"
    COACH = "coach", "Werkcoach / regievoerder"
    TOETSER = "toetser", "Toetser (backoffice)"
    MATCHER = "matcher", "Matcher / werkadviseur"
    COORDINATOR = "coordinator", "Wijkteamcoördinator"
    SRT = "srt", "SRT-rechercheur / handhaver"
    FINANCE = "financien", "Financieel medewerker"
    BEHEER = "beheer", "Functioneel beheer"
    API_CLIENT = "api_client", "API-client (Werkplein)"
    HOST_CONTACT = "gastorganisatie", "Contactpersoon gastorganisatie (tegenprestatie)"


ALL_ROLES = tuple(Role)

# Roles that may see a client's personal data (BSN, name, address), each within their scope.
PERSONAL_DATA_ROLES = (
    Role.INTAKER,
    Role.COACH,
    Role.TOETSER,
    Role.MATCHER,
    Role.COORDINATOR,
    Role.SRT,
    Role.BEHEER,
    Role.API_CLIENT,
)
# Roles whose client access is limited to their own wijkteam.
WIJKTEAM_SCOPED_ROLES = (Role.COACH, Role.MATCHER, Role.COORDINATOR)
# Roles that may register or change client data.
CLIENT_EDIT_ROLES = (Role.INTAKER, Role.COACH, Role.BEHEER)


def user_roles(user) -> frozenset[str]:
    """The role names of a user, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_role_cache", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._role_cache = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return bool(user_roles(user).intersection(str(r) for r in roles))


def is_api_client_account(user) -> bool:
    """A machine account: the role API-client and no other, and no staff or superuser rights.
    Only such an account may hold an API token (a person's token would bypass the second factor)."""
    return (
        user_roles(user) == {Role.API_CLIENT.value}
        and not getattr(user, "is_staff", False)
        and not getattr(user, "is_superuser", False)
    )


def ensure_role_groups(**kwargs) -> None:
    """Create one group per role (idempotent; runs after every migrate)."""
    from django.contrib.auth.models import Group

    for role in Role:
        Group.objects.get_or_create(name=role.value)
