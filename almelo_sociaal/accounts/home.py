"""The start page's counters: each domain app registers what needs attention for a user (in its ``ready()``).

A counter is called as ``counter(user, today)`` and returns a dict of template variables (empty when the user's
roles do not concern it)."""

from almelo_sociaal.core.hooks import Hook

home_counters = Hook("accounts.home_counters")

# The start page of a user: a function ``(user) -> url or None`` per app; the first URL wins, else the
# counters page. The coach's start page is the own caseload (registered by participation).
start_page = Hook("accounts.start_page")
