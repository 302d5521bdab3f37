"""SRT fixtures: the SRT parameters in the database, and investigations in every state."""

from __future__ import annotations

import pytest

from cases.srt.services import ensure_srt_parameters


@pytest.fixture(autouse=True)
def srt_parameters(db):
    ensure_srt_parameters()


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """Test users are made per parametrised case; a fast hasher keeps the permission tables quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
