"""Who may do what in the SRT: one place for the role tuples and token scopes of views, API and selectors.

Need-to-know: only SRT staff see the content of signals and investigations (and API clients with the SRT
scopes). Functioneel beheer assigns investigators without seeing a case; coordinators and finance see the
report's aggregates only; a coach learns at most *that* an open investigation exists (a setting).
"""

from __future__ import annotations

from django.conf import settings

from almelo_sociaal.accounts import scopes
from almelo_sociaal.accounts.roles import Role, has_role

#: the browser UI of signals and investigations (read and write)
CONTENT_ROLES = (Role.SRT,)
#: the API; API clients also need the SRT token scopes below
API_ROLES = (Role.SRT, Role.API_CLIENT)
#: writes in the API other than delivering a signal: SRT staff only
SRT_ONLY = (Role.SRT,)
#: assign investigators (reference, status and investigators only)
ASSIGN_ROLES = (Role.SRT, Role.BEHEER)
#: the report: aggregates, no personal data
REPORT_ROLES = (Role.SRT, Role.COORDINATOR, Role.FINANCE)
#: the marker on the client page (whether an open investigation exists)
MARKER_ROLES = (Role.SRT, Role.COACH)
#: who may be assigned as investigator
INVESTIGATOR_ROLE = Role.SRT

#: the token scopes of API clients
SIGNAL_READ_SCOPES = (scopes.SRT_SIGNAAL_LEZEN,)
SIGNAL_WRITE_SCOPES = (scopes.SRT_SIGNAAL_MELDEN,)
SIGNAL_TRIAGE_SCOPES = (scopes.SRT_SIGNAAL_BEOORDELEN,)
INVESTIGATION_READ_SCOPES = (scopes.SRT_ONDERZOEK_LEZEN,)
INVESTIGATION_WRITE_SCOPES = (scopes.SRT_ONDERZOEK_SCHRIJVEN,)


def can_read_content(user) -> bool:
    return has_role(user, *API_ROLES)


def can_assign(user) -> bool:
    return has_role(user, *ASSIGN_ROLES)


def is_investigator(user) -> bool:
    """SRT staff: sees the case content and may be assigned to an investigation."""
    return has_role(user, INVESTIGATOR_ROLE)


def coach_sees_marker(user) -> bool:
    """A coach sees the open-investigation marker only when the municipality's setting allows it."""
    return has_role(user, Role.COACH) and settings.SRT_INVESTIGATION_VISIBLE_TO_COACH
