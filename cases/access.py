"""Who may do what in cases: one place for the role tuples and predicates of views, API and selectors.

Row scope: backoffice roles see every client, coach/matcher/coordinator their own wijkteam (``clients_visible_to``
in selectors applies it in SQL; ``may_see_client`` gives the same answer for one client without a query).
The SRT sub-domain keeps its own declarations (``srt``).
"""

from __future__ import annotations

from almelo_sociaal.accounts import scopes
from almelo_sociaal.accounts.roles import (
    CLIENT_EDIT_ROLES,
    PERSONAL_DATA_ROLES,
    WIJKTEAM_SCOPED_ROLES,
    Role,
    has_role,
    user_roles,
)

#: see clients, aanvragen and dossiers in the browser (each within their scope)
READ_ROLES = (Role.INTAKER, Role.COACH, Role.TOETSER, Role.MATCHER, Role.COORDINATOR, Role.SRT, Role.BEHEER)
#: see every client (no wijkteam scope)
ALL_CLIENT_ROLES = (Role.INTAKER, Role.TOETSER, Role.SRT, Role.BEHEER, Role.API_CLIENT)
#: see the clients of their own wijkteam only
WIJKTEAM_ROLES = WIJKTEAM_SCOPED_ROLES
#: see every wijkteam in pick lists and the API's reference data (finance: figures per wijkteam)
ALL_WIJKTEAM_ROLES = (*ALL_CLIENT_ROLES, Role.FINANCE)
#: register and change a client
EDIT_ROLES = CLIENT_EDIT_ROLES
#: register a client in any wijkteam (a coach only in their own)
REGISTER_ANYWHERE_ROLES = (Role.INTAKER, Role.BEHEER)
#: move a client to another wijkteam (the coordinator of the client's wijkteam; see ``can_move_client``)
MOVE_ROLES = (Role.COORDINATOR, Role.BEHEER)
#: prepare aanvragen and draft decisions (see ``can_handle_aanvraag``)
HANDLE_ROLES = (Role.INTAKER, Role.COACH)
#: approve or return a draft decision (four eyes)
TOETS_ROLES = (Role.TOETSER,)
#: post on the aanvraag page: handle or judge
AANVRAAG_WRITE_ROLES = (*HANDLE_ROLES, *TOETS_ROLES)
#: the list of aanvragen past their legal term
OVERDUE_ROLES = (Role.INTAKER, Role.COACH, Role.COORDINATOR, Role.TOETSER, Role.BEHEER)
#: end an uitkeringsdossier (a coach within their own wijkteam)
DOSSIER_END_ROLES = (Role.COACH, Role.BEHEER)
#: record a contact moment
CONTACT_ROLES = (Role.COACH, Role.INTAKER, Role.MATCHER)

#: the REST API: everyone who may see personal data (incl. API clients); wijkteams also for finance
API_READ_ROLES = PERSONAL_DATA_ROLES
API_WIJKTEAM_ROLES = (*PERSONAL_DATA_ROLES, Role.FINANCE)
#: the token scopes of API clients
WIJKTEAM_READ_SCOPES = (scopes.WIJKTEAMS_LEZEN,)
CLIENT_READ_SCOPES = (scopes.CLIENTEN_LEZEN,)
CLIENT_WRITE_SCOPES = (scopes.CLIENTEN_SCHRIJVEN,)
AANVRAAG_READ_SCOPES = (scopes.AANVRAGEN_LEZEN,)
AANVRAAG_WRITE_SCOPES = (scopes.AANVRAGEN_SCHRIJVEN,)
DOSSIER_READ_SCOPES = (scopes.DOSSIERS_LEZEN,)
DOSSIER_WRITE_SCOPES = (scopes.DOSSIERS_SCHRIJVEN,)


def can_edit(user) -> bool:
    return has_role(user, *EDIT_ROLES)


def sees_all_clients(user) -> bool:
    return has_role(user, *ALL_CLIENT_ROLES)


def sees_wijkteam_clients(user) -> bool:
    return has_role(user, *WIJKTEAM_ROLES) and bool(user.wijkteam_id)


def sees_all_wijkteams(user) -> bool:
    return has_role(user, *ALL_WIJKTEAM_ROLES)


def may_see_client(roles, user_wijkteam_id: int | None, client_wijkteam_id: int | None) -> bool:
    """The same answer as ``clients_visible_to`` for one client, from the roles (no query): used where records
    derived from a client (work items) are routed to a person."""
    roles = {str(r) for r in roles}
    if roles.intersection(str(r) for r in ALL_CLIENT_ROLES):
        return True
    scoped = roles.intersection(str(r) for r in WIJKTEAM_ROLES)
    return bool(scoped) and user_wijkteam_id is not None and user_wijkteam_id == client_wijkteam_id


def may_register_in(user, wijkteam_id: int | None) -> bool:
    """Intake and beheer register a client in any wijkteam, anyone else (a coach) only in their own."""
    return has_role(user, *REGISTER_ANYWHERE_ROLES) or (
        wijkteam_id is not None and wijkteam_id == user.wijkteam_id
    )


def can_move_client(user, client) -> bool:
    """Moving a client to another wijkteam hands the client over to another team: the coördinator of the
    client's current wijkteam (who answers for that caseload) or functioneel beheer (corrections). A coach may
    not: the move takes the client out of their own sight."""
    roles = user_roles(user)
    if Role.BEHEER in roles:
        return True
    return (
        Role.COORDINATOR in roles and user.wijkteam_id is not None and client.wijkteam_id == user.wijkteam_id
    )


def can_edit_client(user, client) -> bool:
    roles = user_roles(user)
    if Role.BEHEER in roles or Role.INTAKER in roles:
        return True
    return Role.COACH in roles and client.wijkteam_id == user.wijkteam_id


def can_handle_aanvraag(user, client) -> bool:
    """Intake staff and the coach of the client's wijkteam prepare aanvragen and draft decisions."""
    roles = user_roles(user)
    if Role.INTAKER in roles:
        return True
    return Role.COACH in roles and client.wijkteam_id == user.wijkteam_id


def can_toets(user) -> bool:
    return has_role(user, *TOETS_ROLES)


def can_contact(user) -> bool:
    return has_role(user, *CONTACT_ROLES)


def can_end_dossier(user, client) -> bool:
    """Functioneel beheer, or the coach of the client's wijkteam."""
    return has_role(user, Role.BEHEER) or (
        has_role(user, Role.COACH) and client.wijkteam_id == user.wijkteam_id
    )


def sees_overdue(user) -> bool:
    return has_role(user, *OVERDUE_ROLES)
