"""X-Forwarded-* is believed only from a configured proxy (TRUSTED_PROXIES), so the lockout keys on the real client.

Reproduces the finding: with port 8000 open and BEHIND_PROXY=1 trusting the header from anyone, 12 wrong passwords
with a rotating X-Forwarded-For never locked the account, and 5 failures sent with a spoofed address locked another
user out at that address.
"""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory, override_settings

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.security.proxy import client_ip, is_trusted_proxy

pytestmark = pytest.mark.django_db
LOGIN = "/inloggen/"
PROXY = "10.9.0.1"


@pytest.fixture(autouse=True)
def _behind_a_proxy(settings):
    settings.TRUSTED_PROXIES = [PROXY, "192.168.50.0/24"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


def _request(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_only_configured_addresses_and_networks_are_proxies():
    assert is_trusted_proxy(PROXY) and is_trusted_proxy("192.168.50.77")
    assert not is_trusted_proxy("10.9.0.2") and not is_trusted_proxy("") and not is_trusted_proxy("nonsense")


def test_forwarded_for_from_an_untrusted_peer_is_ignored():
    assert client_ip(_request("198.51.100.4", "203.0.113.9")) == "198.51.100.4"


def test_behind_the_proxy_the_nearest_untrusted_address_counts():
    # The client forged the first entry; our proxy appended the address it really saw.
    assert client_ip(_request(PROXY, "1.2.3.4, 203.0.113.9")) == "203.0.113.9"
    # Two proxies of ours in a row: skip both.
    assert client_ip(_request(PROXY, "203.0.113.9, 192.168.50.3")) == "203.0.113.9"
    assert client_ip(_request(PROXY)) == PROXY


@override_settings(TRUSTED_PROXIES=[])
def test_without_a_configured_proxy_no_header_is_believed():
    assert client_ip(_request(PROXY, "203.0.113.9")) == PROXY


def _login(client, username, password, remote, forwarded):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_rotating_forwarded_for_from_outside_does_not_escape_the_lockout(make_user, settings, password):
    user = make_user(Role.COACH)
    statuses = [
        _login(Client(), user.username, "fout-wachtwoord", "198.51.100.4", f"203.0.113.{i}").status_code
        for i in range(12)
    ]
    assert statuses[settings.AXES_FAILURE_LIMIT - 1 :] == [429] * (12 - settings.AXES_FAILURE_LIMIT + 1)
    assert _login(Client(), user.username, password, "198.51.100.4", "203.0.113.99").status_code == 429


def test_a_spoofed_address_cannot_lock_out_someone_else(make_user, settings, password):
    victim = make_user(Role.COACH)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(Client(), victim.username, "fout-wachtwoord", "198.51.100.4", "203.0.113.50")
    # The victim, behind our proxy at 203.0.113.50, still logs in: the attacker was locked at its own address.
    response = _login(Client(), victim.username, password, PROXY, "203.0.113.50")
    assert response.status_code == 302


def test_https_is_claimed_only_through_the_proxy(client):
    response = client.get("/inloggen/", REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_PROTO="https")
    assert response.wsgi_request.is_secure() is False
    response = client.get("/inloggen/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_PROTO="https")
    assert response.wsgi_request.is_secure() is True
