"""Who may do what in tegenprestatie: one place for the role tuples of views, API and templates.

The host contact (contactpersoon van een gastorganisatie) registers hours for the clients placed at their own
host organisation(s). The role is the group ``gastorganisatie``; ``Role.HOST_CONTACT`` is used when the
accounts app defines it, so both spellings name the same group.
"""

from __future__ import annotations

from almelo_sociaal.accounts.roles import Role, has_role

HOST_CONTACT = str(getattr(Role, "HOST_CONTACT", "gastorganisatie"))

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
#: the REST API
API_READ_ROLES = (Role.COACH, Role.COORDINATOR, Role.BEHEER, Role.API_CLIENT, HOST_CONTACT)
API_WRITE_ROLES = REGISTER_ROLES
API_PLACEMENT_WRITE_ROLES = COACH_ROLES


def is_host_contact(user) -> bool:
    return has_role(user, HOST_CONTACT)


def ensure_host_contact_group(**kwargs) -> None:
    """Create the host contact group (idempotent; after every migrate)."""
    from django.contrib.auth.models import Group

    Group.objects.get_or_create(name=HOST_CONTACT)
