"""Who may do what in budget: one place for the role tuples of views, API and selectors.

No personal data lives here; the figures are for finance (financieel medewerker), who reads and writes;
functioneel beheer reads; a coordinator reads the management view (the same figures without entry forms
and without who entered what).
"""

from __future__ import annotations

from almelo_sociaal.accounts import scopes
from almelo_sociaal.accounts.roles import Role, has_role

#: see years, revisions, realisation and forecasts
READ_ROLES = (Role.FINANCE, Role.BEHEER, Role.COORDINATOR)
#: create years, record and correct revisions, book and reverse realisation, recompute
WRITE_ROLES = (Role.FINANCE,)
#: the token scopes of API clients
READ_SCOPES = (scopes.BUDGET_LEZEN,)
WRITE_SCOPES = (scopes.BUDGET_SCHRIJVEN,)


def can_read(user) -> bool:
    return has_role(user, *READ_ROLES)


def can_write(user) -> bool:
    return has_role(user, *WRITE_ROLES)


def sees_management_view(user) -> bool:
    """A coordinator without finance or beheer: the figures without entry forms and without who entered what."""
    return has_role(user, Role.COORDINATOR) and not has_role(user, Role.FINANCE, Role.BEHEER)
