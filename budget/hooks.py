"""Hooks of the budget app, registered by the layer above (operations.jobs: finance's work list)."""

from almelo_sociaal.core.hooks import Hook

# Called with ``year=`` after a year's forecast was recomputed.
after_recompute = Hook("budget.after_recompute")
