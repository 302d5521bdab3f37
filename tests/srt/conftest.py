"""SRT fixtures: the parameter defaults (the SRT ones among them) in the database, and investigations in every state."""

from __future__ import annotations

import pytest

from almelo_sociaal.parameters.services import ensure_default_parameters


@pytest.fixture(autouse=True)
def srt_parameters(db):
    ensure_default_parameters()


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """Test users are made per parametrised case; a fast hasher keeps the permission tables quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
