"""Who may do what in participation: one place for the role tuples of views, API and selectors.

Each role sees participation data within the client scope of ``cases.selectors.clients_visible_to``.
"""

from __future__ import annotations

from almelo_sociaal.accounts.roles import Role, has_role

#: see profiles, groups, trajectories
READ_ROLES = (Role.COACH, Role.COORDINATOR, Role.MATCHER, Role.INTAKER, Role.BEHEER)
#: record profiles, assign groups, deploy and close instruments (a coach within their own wijkteam)
WRITE_ROLES = (Role.COACH, Role.BEHEER)
#: the REST API
API_READ_ROLES = (*READ_ROLES, Role.API_CLIENT)
#: the coordinator's dashboard per wijkteam
DASHBOARD_ROLES = (Role.COORDINATOR, Role.BEHEER)


def can_read(user) -> bool:
    return has_role(user, *READ_ROLES)


def can_edit_client(user, client) -> bool:
    """Coach of the client's wijkteam, or functioneel beheer."""
    if has_role(user, Role.BEHEER):
        return True
    return (
        has_role(user, Role.COACH) and user.wijkteam_id is not None and client.wijkteam_id == user.wijkteam_id
    )


def sees_every_wijkteam(user) -> bool:
    return has_role(user, Role.BEHEER)


def coordinates_own_wijkteam(user) -> bool:
    return has_role(user, Role.COORDINATOR) and bool(user.wijkteam_id)
