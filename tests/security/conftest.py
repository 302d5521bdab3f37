"""Fixtures of the security suite."""

from __future__ import annotations

import hashlib
import hmac
import time

import pytest

PASSWORD = "Test-wachtwoord-123"  # tests/factories.py UserFactory


def totp(key: bytes, *, at: float | None = None, step: int = 30, digits: int = 6) -> str:
    """RFC 6238 TOTP, computed here independently of django-otp (what the phone app shows)."""
    counter = int((time.time() if at is None else at) // step)
    mac = hmac.new(key, counter.to_bytes(8, "big"), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    code = (int.from_bytes(mac[offset : offset + 4], "big") & 0x7FFFFFFF) % 10**digits
    return f"{code:0{digits}d}"


@pytest.fixture
def totp_code():
    """totp_code(device, steps_ahead=0) -> the code of now (or of a later 30 s step, within the tolerance)."""

    def _code(device, steps_ahead: int = 0) -> str:
        return totp(device.bin_key, at=time.time() + steps_ahead * device.step, step=device.step)

    return _code


@pytest.fixture
def password():
    return PASSWORD
