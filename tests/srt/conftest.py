"""SRT fixtures: the parameter defaults (the SRT ones among them) in the database, and investigations in every state."""

from __future__ import annotations

import pytest

from almelo_sociaal.parameters.services import ensure_default_parameters


@pytest.fixture(autouse=True)
def srt_parameters(db):
    ensure_default_parameters()
