"""Every state change of tegenprestatie: checked by ``rules``, in one transaction, recorded in the history.

One module per subject: ``hosts`` (host organisations), ``placements`` (admission and the placement's
life), ``hours`` (weekly hours, the CSV import) and ``measures`` (vrijstellingen, maatregelen). The public
names are re-exported here, so ``from tegenprestatie import services`` and ``services.x`` keep working.
"""

from .hosts import HOST_FIELDS, create_host, record_declaration, update_host
from .hours import (
    CSV_COLUMNS,
    HourRegistrationError,
    HourRow,
    hour_caps,
    import_week_hours,
    parse_hours_csv,
    register_week_hours,
)
from .measures import record_exemption, record_sanction, sanction_proposal
from .placements import (
    PLANNED_STATUSES,
    change_agreed_hours,
    change_placement_status,
    check_combined_hours_for_trajectory,
    open_placements_overlapping,
    propose_placement,
)

__all__ = [
    "CSV_COLUMNS",
    "HOST_FIELDS",
    "PLANNED_STATUSES",
    "HourRegistrationError",
    "HourRow",
    "change_agreed_hours",
    "change_placement_status",
    "check_combined_hours_for_trajectory",
    "create_host",
    "hour_caps",
    "import_week_hours",
    "open_placements_overlapping",
    "parse_hours_csv",
    "propose_placement",
    "record_declaration",
    "record_exemption",
    "record_sanction",
    "register_week_hours",
    "sanction_proposal",
    "update_host",
]
