"""The paths of API version 1.0 and their successors (version 1.1: Dutch plural resource names, no trailing
slash). The old paths redirect (308) for one release; then this module goes.

A new endpoint needs nothing here: a trailing slash on any path is redirected generically.
"""

from __future__ import annotations

import re

# (old path pattern, new path) — applied in order to the path below /api/v1/ without its trailing slash.
RENAMES: list[tuple[str, str]] = [
    (r"^me$", "account"),
    (r"^docs$", "documentatie"),
    (r"^clients(?=/|$)", "clienten"),
    (r"^(aanvragen/[^/]+)/start$", r"\1/behandelen"),
    (r"^(aanvragen/[^/]+)/draft$", r"\1/conceptbesluit"),
    (r"^(aanvragen/[^/]+)/approve$", r"\1/goedkeuren"),
    (r"^(aanvragen/[^/]+)/return$", r"\1/terugsturen"),
    (r"^(aanvragen/[^/]+)/withdraw$", r"\1/intrekken"),
    (r"^(dossiers/[^/]+)/end$", r"\1/beeindigen"),
    (r"^participation/profiles(?=/|$)", "participatie/profielen"),
    (r"^participation/assignments(?=/|$)", "participatie/groepsindelingen"),
    (r"^participation/instruments(?=/|$)", "participatie/instrumenten"),
    (r"^participation/trajectories(?=/|$)", "participatie/trajecten"),
    (r"^(participatie/trajecten/[^/]+)/close$", r"\1/afsluiten"),
    (r"^budget/years(?=/|$)", "budget/jaren"),
    (r"^budget/revisions(?=/|$)", "budget/bijstellingen"),
    (r"^(budget/bijstellingen/[^/]+)/correct$", r"\1/corrigeren"),
    (r"^budget/realisation(?=/|$)", "budget/realisaties"),
    (r"^(budget/realisaties/[^/]+)/reverse$", r"\1/terugboeken"),
    (r"^budget/forecasts(?=/|$)", "budget/prognoses"),
]


def rename(path: str, query: str = "") -> str:
    """The current path for ``path`` (below /api/v1/, without trailing slash)."""
    if path == "schema":
        return "openapi.json" if "format=json" in query else "openapi.yaml"
    for pattern, replacement in RENAMES:
        path = re.sub(pattern, replacement, path)
    return path
