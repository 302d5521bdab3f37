"""Who may do what in recht en hoogte: one place for the role tuples of views, API and selectors.

Every role sees within the client scope of ``cases.selectors.clients_visible_to``.
"""

from __future__ import annotations

from almelo_sociaal.accounts import scopes
from almelo_sociaal.accounts.roles import Role, has_role

#: see the household, the means and the calculations (the backoffice and the client's coach)
READ_ROLES = (Role.INTAKER, Role.COACH, Role.TOETSER, Role.COORDINATOR, Role.SRT, Role.BEHEER)
#: record the household and the means (intake and the coach of the client's wijkteam), recalculate
WRITE_ROLES = (Role.INTAKER, Role.COACH, Role.BEHEER)
#: the what-if calculator: nothing stored, no client data
WHAT_IF_ROLES = (Role.INTAKER, Role.COACH, Role.TOETSER, Role.BEHEER)
#: the REST API
API_READ_ROLES = (*READ_ROLES, Role.API_CLIENT)
#: token scopes: the household and the calculation belong to the benefit case
READ_SCOPES = (scopes.DOSSIERS_LEZEN,)
WHAT_IF_SCOPES = (scopes.DOSSIERS_LEZEN,)


def can_read(user) -> bool:
    return has_role(user, *READ_ROLES)


def can_write(user, client) -> bool:
    """Intake and functioneel beheer for every client they see; a coach for the clients of their own wijkteam."""
    if has_role(user, Role.INTAKER, Role.BEHEER):
        return True
    return (
        has_role(user, Role.COACH) and user.wijkteam_id is not None and client.wijkteam_id == user.wijkteam_id
    )
