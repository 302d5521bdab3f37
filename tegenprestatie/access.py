"""Who may do what in tegenprestatie: one place for the role tuples of views, API and templates.

The host contact (contactpersoon van een gastorganisatie) registers hours for the clients placed at their own
host organisation(s). The role is the group ``gastorganisatie`` (``Role.HOST_CONTACT``).
"""

from __future__ import annotations

from almelo_sociaal.accounts.roles import Role, has_role

HOST_CONTACT = str(Role.HOST_CONTACT)

#: see placements, hosts, progress (each within their scope)
READ_ROLES = (Role.COACH, Role.COORDINATOR, Role.BEHEER, HOST_CONTACT)
#: register weekly hours (coach: own wijkteam; host contact: own host organisation)
REGISTER_ROLES = (Role.COACH, HOST_CONTACT)
#: propose / change placements, vrijstellingen, maatregelen (own wijkteam)
COACH_ROLES = (Role.COACH,)
#: maintain host organisations and their verdringing declarations
HOST_ADMIN_ROLES = (Role.BEHEER, Role.COORDINATOR)
#: management overviews per wijkteam
COORDINATOR_ROLES = (Role.COORDINATOR, Role.BEHEER)
#: the weekly hour grid: those who register, and the coordinator who reads it
GRID_ROLES = (*REGISTER_ROLES, Role.COORDINATOR)
#: the naleving (compliance) page
COMPLIANCE_ROLES = (Role.COACH, Role.COORDINATOR)
#: a client's tegenprestatie file and the panel on the client page (not host contacts: they see only their rows)
CLIENT_FILE_ROLES = (Role.COACH, Role.COORDINATOR, Role.BEHEER)
#: see every placement and hour log (no wijkteam or host scope)
ALL_SCOPE_ROLES = (Role.BEHEER, Role.API_CLIENT)
#: read the tegenprestatie file of every client
ALL_CLIENT_FILES_ROLES = (Role.BEHEER,)
#: see the placements and hour logs of their own wijkteam
WIJKTEAM_ROLES = (Role.COACH, Role.COORDINATOR)
#: see every host organisation (a host contact sees their own)
ALL_HOSTS_ROLES = (Role.BEHEER, Role.COORDINATOR, Role.COACH, Role.API_CLIENT)
#: the REST API
API_READ_ROLES = (Role.COACH, Role.COORDINATOR, Role.BEHEER, Role.API_CLIENT, HOST_CONTACT)
API_WRITE_ROLES = REGISTER_ROLES
API_PLACEMENT_WRITE_ROLES = COACH_ROLES


def can_register(user) -> bool:
    return has_role(user, *REGISTER_ROLES)


def can_admin_hosts(user) -> bool:
    return has_role(user, *HOST_ADMIN_ROLES)


def can_manage(user) -> bool:
    """Propose placements, record vrijstellingen and maatregelen, act on signals (a coach, own wijkteam)."""
    return has_role(user, *COACH_ROLES)


def reads_client_files(user) -> bool:
    return has_role(user, *CLIENT_FILE_ROLES)


def is_host_contact(user) -> bool:
    return has_role(user, HOST_CONTACT)


def ensure_host_contact_group(**kwargs) -> None:
    """Create the host contact group (idempotent; after every migrate)."""
    from django.contrib.auth.models import Group

    Group.objects.get_or_create(name=HOST_CONTACT)
