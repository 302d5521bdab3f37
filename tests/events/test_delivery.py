"""Events end to end: a service publishes, Celery delivers a signed CloudEvent to a receiver on 127.0.0.1 that
fails twice and then accepts; the delivery log shows it; the body carries ids only."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import time_machine

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.events import catalogue
from almelo_sociaal.events.models import Delivery, Subscription
from almelo_sociaal.events.services import publish
from cases import services as cases_services

pytestmark = pytest.mark.django_db


class Receiver:
    """An HTTP server on 127.0.0.1 that answers 500 to the first ``failures`` requests, then 204."""

    def __init__(self, failures: int):
        self.failures = failures
        self.requests: list[tuple[dict, bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((dict(self.headers), body))
                self.send_response(500 if len(receiver.requests) <= receiver.failures else 204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/notificaties"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def subscriber(make_user):
    return make_user(Role.API_CLIENT)


@time_machine.travel("2026-03-04 10:00 +01:00", tick=False)
def test_an_aanvraag_event_is_delivered_signed_after_two_failures(
    subscriber, make_user, client_in_team, django_capture_on_commit_callbacks
):
    with Receiver(failures=2) as receiver:
        subscription = Subscription.objects.create(
            account=subscriber, event_type=catalogue.AANVRAAG_INGEDIEND, callback_url=receiver.url
        )
        with django_capture_on_commit_callbacks(execute=True):
            aanvraag = cases_services.submit_aanvraag(
                actor=make_user(Role.INTAKER, wijkteam=client_in_team.wijkteam),
                client=client_in_team,
                regeling="bijstand",
                aanvraagdatum=date(2026, 3, 2),
            )
    assert len(receiver.requests) == 3
    ids = set()
    for headers, body in receiver.requests:
        expected = "sha256=" + hmac.new(subscription.secret.encode(), body, hashlib.sha256).hexdigest()
        assert hmac.compare_digest(headers["Signature"], expected)
        assert headers["Content-Type"].startswith("application/cloudevents+json")
        ids.add(json.loads(body)["id"])
    assert len(ids) == 1  # the same idempotency id on every attempt
    event = json.loads(receiver.requests[-1][1])
    assert event == {
        "specversion": "1.0",
        "type": "nl.almelo.sociaal.aanvraag.ingediend",
        "source": "urn:nld:gemeente:almelo:sociaal",
        "id": ids.pop(),
        "time": "2026-03-04T09:00:00Z",
        "subject": str(aanvraag.pk),
        "datacontenttype": "application/json",
        "data": {"aanvraag": aanvraag.pk, "client": client_in_team.pk},
    }
    for value in (client_in_team.bsn, client_in_team.achternaam):
        assert value not in receiver.requests[-1][1].decode()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("delivered", 3, 204)


def test_nothing_is_sent_when_the_transaction_rolls_back(subscriber, django_capture_on_commit_callbacks):
    with Receiver(failures=0) as receiver:
        Subscription.objects.create(
            account=subscriber, event_type=catalogue.UREN_GEREGISTREERD, callback_url=receiver.url
        )
        with django_capture_on_commit_callbacks() as callbacks:
            publish(catalogue.UREN_GEREGISTREERD, "2026-W09", {"week": "2026-W09", "urenregistraties": [1]})
        assert len(callbacks) == 1 and receiver.requests == []  # delivery waits for the commit


def test_an_unreachable_receiver_is_retried_then_given_up(
    subscriber, django_capture_on_commit_callbacks, settings
):
    Subscription.objects.create(
        account=subscriber, event_type=catalogue.DOSSIER_BEEINDIGD, callback_url="http://127.0.0.1:9/weg"
    )
    with django_capture_on_commit_callbacks(execute=True):
        publish(catalogue.DOSSIER_BEEINDIGD, 7, {"dossier": 7, "client": 3})
    delivery = Delivery.objects.get()
    assert delivery.status == "failed" and delivery.attempts == 11 and delivery.last_error


def test_an_inactive_subscription_or_another_type_gets_nothing(
    subscriber, django_capture_on_commit_callbacks
):
    Subscription.objects.create(
        account=subscriber,
        event_type=catalogue.AANVRAAG_BESLOTEN,
        callback_url="http://127.0.0.1:9/a",
        active=False,
    )
    Subscription.objects.create(
        account=subscriber, event_type=catalogue.DOSSIER_GEOPEND, callback_url="http://127.0.0.1:9/b"
    )
    with django_capture_on_commit_callbacks(execute=True):
        publish(catalogue.AANVRAAG_BESLOTEN, 1, {"aanvraag": 1})
    assert not Delivery.objects.exists()


@pytest.mark.parametrize(
    "data", [{"naam": "Jan Jansen de Vries van Oranje-Nassau tot Zuylen"}, {"x": 1.5}, {"x": {"a": 1}}]
)
def test_event_data_carries_ids_and_codes_only(data):
    with pytest.raises(ValueError):
        publish(catalogue.AANVRAAG_BESLOTEN, 1, data)


def test_beheer_sees_the_delivery_log(subscriber, client, make_user):
    from django.utils import timezone

    subscription = Subscription.objects.create(
        account=subscriber, event_type=catalogue.GROEP_VASTGESTELD, callback_url="http://127.0.0.1:9/c"
    )
    Delivery.objects.create(
        subscription=subscription, event_type=subscription.event_type, subject="5", occurred_at=timezone.now()
    )
    admin = make_user(Role.BEHEER, is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.get("/beheer/events/delivery/")
    assert response.status_code == 200 and "groep.vastgesteld" in response.content.decode()
