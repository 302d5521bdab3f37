"""Login protection: brute-force lockout (axes), session expiry, logout everywhere, TOTP second factor."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.security.middleware import SlidingSessionMiddleware
from almelo_sociaal.security.models import UserSession

pytestmark = pytest.mark.django_db
LOGIN = "/inloggen/"


def _post_login(client, username, password, ip="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_lockout_after_the_failure_limit_shows_a_dutch_message(client, make_user, settings, password):
    user = make_user(Role.COACH)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _post_login(client, user.username, "fout-wachtwoord").status_code == 200
    # The fifth failure locks out; from then on even the right password is refused.
    assert _post_login(client, user.username, "fout-wachtwoord").status_code == 429
    response = _post_login(client, user.username, password)
    assert response.status_code == 429
    body = response.content.decode()
    assert "Te veel mislukte inlogpogingen" in body and "15 minuten" in body
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username_and_ip(client, make_user, settings, password):
    user = make_user(Role.COACH)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _post_login(client, user.username, "fout-wachtwoord", ip="10.0.0.1")
    # The same user from another address, and another user from the same address, can still log in.
    assert _post_login(Client(), user.username, password, ip="10.0.0.2").status_code == 302
    other = make_user(Role.COACH)
    assert _post_login(Client(), other.username, password, ip="10.0.0.1").status_code == 302


def test_beheer_unlocks_by_deleting_the_attempt_in_admin(client, make_user, settings, password):
    user = make_user(Role.COACH)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _post_login(client, user.username, "fout-wachtwoord")
    attempt = AccessAttempt.objects.get(username=user.username)
    beheer = make_user(Role.BEHEER, is_staff=True, is_superuser=True)
    admin = Client()
    admin.force_login(beheer)
    changelist = admin.get(reverse("admin:axes_accessattempt_changelist"))
    assert changelist.status_code == 200 and user.username in changelist.content.decode()
    admin.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
    )
    assert not AccessAttempt.objects.exists()
    assert _post_login(Client(), user.username, password).status_code == 302


def test_successful_login_resets_the_failure_count(client, make_user, settings, password):
    user = make_user(Role.COACH)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _post_login(client, user.username, "fout-wachtwoord")
    assert _post_login(Client(), user.username, password).status_code == 302
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _post_login(client, user.username, "fout-wachtwoord")
    assert _post_login(Client(), user.username, password).status_code == 302


def test_session_expires_after_inactivity(client, make_user, settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60 and settings.SESSION_REFRESH_SECONDS == 60
    client.force_login(make_user(Role.INTAKER))
    assert client.get("/").status_code == 200
    session = Session.objects.get(session_key=client.session.session_key)
    # A request pushes the expiry 30 minutes ahead (sliding window) ...
    remaining = session.expire_date - timezone.now()
    assert timedelta(minutes=29) < remaining <= timedelta(minutes=30)
    # ... and 30 minutes without a request end the session.
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def _age_refresh(client, seconds):
    """Pretend the session was last refreshed ``seconds`` ago (and expires accordingly)."""
    store = client.session
    store[SlidingSessionMiddleware.KEY] -= seconds
    store.save()
    Session.objects.filter(pk=store.session_key).update(
        expire_date=timezone.now() + timedelta(seconds=30 * 60 - seconds)
    )
    return store.session_key


def _session_writes(queries):
    return [q["sql"] for q in queries if "django_session" in q["sql"] and not q["sql"].startswith("SELECT")]


def test_session_is_not_written_on_every_request(client, make_user, django_assert_max_num_queries):
    """Requests within a minute of the last refresh read the session and write nothing; the expiry stays."""
    client.force_login(make_user(Role.INTAKER))
    client.get("/")
    key = _age_refresh(client, 20)
    before = Session.objects.get(pk=key).expire_date
    with django_assert_max_num_queries(50) as captured:
        assert client.get("/").status_code == 200
    assert _session_writes(captured.captured_queries) == []
    assert Session.objects.get(pk=key).expire_date == before


def test_session_expiry_slides_a_minute_after_the_last_refresh(
    client, make_user, django_assert_max_num_queries
):
    client.force_login(make_user(Role.INTAKER))
    client.get("/")
    key = _age_refresh(client, 61)
    with django_assert_max_num_queries(50) as captured:
        assert client.get("/").status_code == 200
    assert len(_session_writes(captured.captured_queries)) == 1
    remaining = Session.objects.get(pk=key).expire_date - timezone.now()
    assert timedelta(minutes=29, seconds=50) < remaining <= timedelta(minutes=30)


def test_anonymous_visit_creates_no_session(client):
    assert client.get(LOGIN).status_code == 200
    assert Session.objects.count() == 0


def test_logout_everywhere_ends_all_sessions_of_the_user_only(make_user, password):
    user = make_user(Role.COACH)
    other = make_user(Role.COACH)
    laptop, phone, colleague = Client(), Client(), Client()
    assert _post_login(laptop, user.username, password).status_code == 302
    assert _post_login(phone, user.username, password, ip="10.0.0.9").status_code == 302
    colleague.force_login(other)
    assert UserSession.objects.filter(user=user).count() == 2

    response = phone.post(reverse("security:logout-everywhere"))
    assert response.status_code == 302 and response["Location"] == reverse("login")
    for device in (laptop, phone):
        assert device.get("/")["Location"].startswith(LOGIN)
    assert colleague.get("/").status_code == 200
    assert not UserSession.objects.filter(user=user).exists()


def test_logout_everywhere_also_ends_a_session_whose_key_changed(make_user, password):
    """A password change cycles the session key after login; that session must end too."""
    from django.contrib.auth import update_session_auth_hash

    user = make_user(Role.COACH)
    laptop, phone = Client(), Client()
    _post_login(laptop, user.username, password)
    _post_login(phone, user.username, password, ip="10.0.0.9")
    request = type("R", (), {"session": laptop.session, "user": user})()
    update_session_auth_hash(request, user)  # cycles the laptop's key: no longer recorded
    laptop.cookies["sessionid"] = request.session.session_key
    assert laptop.get("/").status_code == 200
    phone.post(reverse("security:logout-everywhere"))
    assert laptop.get("/")["Location"].startswith(LOGIN)


def test_logout_everywhere_is_a_post(client, make_user):
    client.force_login(make_user(Role.COACH))
    assert client.get(reverse("security:logout-everywhere")).status_code == 405


def test_account_page_offers_a_qr_code_and_the_secret(client, make_user):
    client.force_login(make_user(Role.SRT))
    body = client.get(reverse("security:account")).content.decode()
    device = TOTPDevice.objects.get(confirmed=False)
    assert 'src="data:image/svg+xml;base64,' in body
    import base64

    assert base64.b32encode(device.bin_key).decode().rstrip("=") in body
    assert "Op alle apparaten uitloggen" in body


def test_enrolment_needs_a_correct_code(client, make_user, totp_code, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # throttling has its own test
    user = make_user(Role.SRT)
    client.force_login(user)
    client.get(reverse("security:account"))
    response = client.post(reverse("security:account"), {"action": "confirm", "code": "000000"})
    assert response.status_code == 400 and "Deze code klopt niet" in response.content.decode()
    device = TOTPDevice.objects.get(user=user)
    response = client.post(reverse("security:account"), {"action": "confirm", "code": totp_code(device)})
    assert response.status_code == 302
    assert TOTPDevice.objects.get(user=user).confirmed


def _enrol(user, totp_code):
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def test_wrong_codes_are_throttled(make_user, password, totp_code):
    user = make_user(Role.SRT)
    device = _enrol(user, totp_code)
    browser = Client()
    browser.post(LOGIN, {"username": user.username, "password": password})
    assert browser.post(reverse("security:otp-verify"), {"code": "000000"}).status_code == 400
    # Right after a wrong code even the right one is refused (exponential back-off: guessing is slow).
    assert browser.post(reverse("security:otp-verify"), {"code": totp_code(device)}).status_code == 400


def test_login_asks_for_the_code_once_a_device_is_confirmed(make_user, password, totp_code, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    user = make_user(Role.SRT)
    device = _enrol(user, totp_code)
    browser = Client()
    response = browser.post(LOGIN, {"username": user.username, "password": password, "next": "/srt/"})
    assert response.status_code == 302
    # Every page, including the admin and the API via the session, waits for the code.
    page = browser.get("/srt/")
    assert page.status_code == 302 and page["Location"].startswith(reverse("security:otp-verify"))
    assert browser.get("/beheer/")["Location"].startswith(reverse("security:otp-verify"))
    assert browser.get("/api/v1/account").status_code in (401, 403)

    wrong = browser.post(reverse("security:otp-verify"), {"code": "123456", "next": "/srt/"})
    assert wrong.status_code == 400 and "Deze code klopt niet" in wrong.content.decode()
    ok = browser.post(reverse("security:otp-verify"), {"code": totp_code(device), "next": "/srt/"})
    assert ok.status_code == 302 and ok["Location"] == "/srt/"
    assert browser.get("/srt/").status_code == 200
    assert browser.get("/api/v1/account").json()["username"] == user.username


def test_a_used_code_cannot_be_replayed(make_user, password, totp_code):
    user = make_user(Role.SRT)
    device = _enrol(user, totp_code)
    code = totp_code(device)
    first, second = Client(), Client()
    for browser in (first, second):
        browser.post(LOGIN, {"username": user.username, "password": password})
    assert first.post(reverse("security:otp-verify"), {"code": code})["Location"] == "/"
    assert second.post(reverse("security:otp-verify"), {"code": code}).status_code == 400


def test_verify_page_does_not_redirect_off_site(make_user, password, totp_code):
    user = make_user(Role.SRT)
    device = _enrol(user, totp_code)
    browser = Client()
    browser.post(LOGIN, {"username": user.username, "password": password})
    response = browser.post(
        reverse("security:otp-verify"), {"code": totp_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_users_without_a_device_log_in_with_the_password_only(make_user, password):
    user = make_user(Role.COACH)
    browser = Client()
    browser.post(LOGIN, {"username": user.username, "password": password})
    assert browser.get("/").status_code == 200


def test_removing_the_second_factor_needs_a_code(client, make_user, totp_code, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    user = make_user(Role.SRT)
    device = _enrol(user, totp_code)
    client.force_login(user)
    from django_otp import DEVICE_ID_SESSION_KEY

    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    assert client.post(reverse("security:account"), {"action": "remove", "code": "000000"}).status_code == 400
    client.post(reverse("security:account"), {"action": "remove", "code": totp_code(device, 1)})
    assert not TOTPDevice.objects.filter(user=user).exists()
