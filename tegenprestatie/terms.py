"""The display name of the concept, in one place.

From 1 January 2027 (Participatiewet in balans) the tegenprestatie becomes "maatschappelijke participatie".
Change the constants here (and nothing else) when the municipality switches the wording; code identifiers
(app label, URLs, model names) keep the technical name ``tegenprestatie``.
"""

from __future__ import annotations

TERM = "Tegenprestatie"
TERM_PLURAL = "Tegenprestaties"
TERM_LOWER = "tegenprestatie"

RENAME_ON = "2027-01-01"
NEXT_TERM = "Maatschappelijke participatie"


def terms_context() -> dict[str, str]:
    """Template context: ``{{ tp_term }}``, ``{{ tp_term_plural }}``, ``{{ tp_term_lower }}``."""
    return {"tp_term": TERM, "tp_term_plural": TERM_PLURAL, "tp_term_lower": TERM_LOWER}
