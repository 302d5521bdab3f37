"""Faults: the database connection drops, the broker (Redis) is down. Pages fail cleanly or keep working,
the next request works without a restart, and nothing is half written.

The PostgreSQL tests call the real WSGI handler (not Django's test client, which switches off the per-request
connection check) and terminate the backend with pg_terminate_backend from a second connection.
"""

from __future__ import annotations

import io
import re
import sys
from contextlib import contextmanager

import pytest
from celery import Celery
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection, transaction
from django.test import Client

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.security.enqueue import enqueue_now, enqueue_on_commit, replay_failed_enqueues
from almelo_sociaal.security.models import FailedEnqueue
from cases.models import Client as Inwoner
from tests.factories import ClientFactory

INTERNALS = ("Traceback", "OperationalError", "InterfaceError", "psycopg", 'File "', "SELECT ", "terminating")


# ----------------------------------------------------------------- a real WSGI call
class Wsgi:
    """Minimal browser over the real WSGI handler (request_started/finished signals included)."""

    def __init__(self, cookies: dict[str, str]):
        self.handler = WSGIHandler()
        self.cookies = dict(cookies)

    def request(self, method: str, path: str, data: dict | None = None):
        from urllib.parse import urlencode

        body = urlencode(data or {}, doseq=True).encode()
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_HOST": "testserver",
            "HTTP_COOKIE": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "CONTENT_TYPE": "application/x-www-form-urlencoded",
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr,
            "wsgi.url_scheme": "http",
            "wsgi.version": (1, 0),
            "wsgi.multithread": False,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
        }
        status_headers = {}

        def start_response(status, headers, exc_info=None):
            status_headers["status"] = int(status.split()[0])
            status_headers["headers"] = headers

        result = self.handler(environ, start_response)
        try:
            content = b"".join(result).decode()
        finally:
            result.close()  # request_finished: close_old_connections()
        for name, value in status_headers["headers"]:
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";")[0]
        return status_headers["status"], content


def _intake(wijkteam, *, achternaam: str) -> dict:
    """A valid intake form for a new client."""
    return {
        "bsn": "123456782",
        "voornamen": "Anna",
        "achternaam": achternaam,
        "birth_date": "1990-01-01",
        "street": "Grotestraat",
        "house_number": "1",
        "postcode": "7607AB",
        "city": "Almelo",
        "leefvorm": "alleenstaand",
        "taaleis": "niet_beoordeeld",
        "wijkteam": wijkteam.pk,
    }


def _terminate(pid: int) -> None:
    import psycopg2

    params = connection.settings_dict
    other = psycopg2.connect(
        dbname=params["NAME"],
        user=params["USER"],
        password=params["PASSWORD"] or None,
        host=params["HOST"] or None,
        port=params["PORT"] or None,
    )
    other.autocommit = True
    with other.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    other.close()


@contextmanager
def drop_connection_when(predicate):
    """Terminate this thread's backend right before the first SQL statement matching ``predicate``."""
    fired = []

    def wrapper(execute, sql, params, many, context):
        if not fired and predicate(sql):
            fired.append(sql)
            _terminate(context["connection"].connection.get_backend_pid())
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield fired


@pytest.fixture
def browser(make_user, wijkteam):
    user = make_user(Role.INTAKER, wijkteam=wijkteam)
    client = Client()
    client.force_login(user)
    return Wsgi({"sessionid": client.cookies["sessionid"].value})


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_connection_dropped_mid_request_gives_a_dutch_error_page_and_the_next_request_works(browser):
    ClientFactory.create_batch(3)
    assert browser.request("GET", "/clienten/")[0] == 200
    with drop_connection_when(lambda sql: "cases_client" in sql) as fired:
        status, body = browser.request("GET", "/clienten/")
    assert fired and status == 500
    assert "Er ging iets mis" in body and not any(word in body for word in INTERNALS)
    status, body = browser.request("GET", "/clienten/")  # no restart: the broken connection was replaced
    assert status == 200 and "Cliënten" in body


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_connection_dropped_between_requests_is_noticed_by_the_health_check(browser):
    assert browser.request("GET", "/")[0] == 200
    _terminate(connection.connection.get_backend_pid())
    assert browser.request("GET", "/clienten/")[0] == 200


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_connection_dropped_while_saving_leaves_no_half_written_client(browser, wijkteam):
    status, form = browser.request("GET", "/clienten/nieuw/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = {"csrfmiddlewaretoken": token, **_intake(wijkteam, achternaam="Storing")}
    # The client row is written first; the connection drops at the next write (history / timeline).
    with drop_connection_when(
        lambda sql: sql.startswith("INSERT") and ("historicalclient" in sql or "clientevent" in sql)
    ) as fired:
        status, body = browser.request("POST", "/clienten/nieuw/", data)
    assert fired and status == 500 and "niets half opgeslagen" in body
    assert not Inwoner.objects.filter(bsn="123456782").exists()
    assert not Inwoner.history.filter(bsn="123456782").exists()
    status, _ = browser.request("POST", "/clienten/nieuw/", data)  # the retry succeeds, once
    assert status == 302 and Inwoner.objects.filter(bsn="123456782").count() == 1


# ----------------------------------------------------------------- broker (Redis) down
@pytest.fixture
def dead_broker_task(monkeypatch):
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)  # Celery lets the environment win over broker=
    app = Celery(
        "dead-broker-test", broker="redis://127.0.0.1:1/0", set_as_current=False
    )  # keep our app current
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    app.conf.task_always_eager = False

    # shared=False: a shared task would also be registered on the project's app (and every later dead-broker
    # app would reach the callable of the first test that ran), so tests would depend on their order.
    @app.task(name="tests.security.recompute", shared=False)
    def recompute(year):  # pragma: no cover - never reaches a worker
        return year

    return recompute


def test_plain_on_commit_delay_raises_after_the_commit_when_the_broker_is_down(
    db, dead_broker_task, django_capture_on_commit_callbacks
):
    from kombu.exceptions import OperationalError

    with pytest.raises(OperationalError):
        with django_capture_on_commit_callbacks(execute=True):
            with transaction.atomic():
                ClientFactory(achternaam="Opgeslagen")
                transaction.on_commit(lambda: dead_broker_task.delay(2026))
    assert Inwoner.objects.filter(achternaam="Opgeslagen").exists()  # saved, yet the page would be a 500


def test_enqueue_on_commit_records_instead_of_raising(
    db, dead_broker_task, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            ClientFactory(achternaam="Opgeslagen")
            enqueue_on_commit(dead_broker_task, 2026)
    assert Inwoner.objects.filter(achternaam="Opgeslagen").exists()
    failed = FailedEnqueue.objects.get()
    assert failed.task_name == "tests.security.recompute" and failed.args == [2026]
    assert failed.error  # the broker's error as raised: refused, or a timeout when the machine is slow
    assert failed.replayed_at is None


def test_enqueue_after_a_rollback_sends_nothing(db, dead_broker_task, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                enqueue_on_commit(dead_broker_task, 2026)
                raise RuntimeError
    assert callbacks == [] and not FailedEnqueue.objects.exists()


def test_replay_sends_recorded_tasks_once_the_broker_is_back(db, monkeypatch):
    from almelo_sociaal.security import tasks

    FailedEnqueue.objects.create(task_name="security.purge_expired_dossiers", error="down")
    sent = []
    monkeypatch.setattr(tasks.purge_expired_dossiers, "apply_async", lambda *a, **k: sent.append(k))
    assert replay_failed_enqueues() == (1, 0)
    assert len(sent) == 1 and FailedEnqueue.objects.get().replayed_at is not None
    assert replay_failed_enqueues() == (0, 0)


def test_pages_keep_working_when_every_enqueue_fails(client, make_user, wijkteam, monkeypatch):
    """Redis down: sessions live in the database and no page needs the broker to render or save."""
    from celery.app.task import Task
    from kombu.exceptions import OperationalError

    def broker_down(self, *args, **kwargs):
        raise OperationalError("Error 111 connecting to redis:6379. Connection refused.")

    monkeypatch.setattr(Task, "apply_async", broker_down)
    client.force_login(make_user(Role.INTAKER, wijkteam=wijkteam))
    assert client.get("/").status_code == 200
    assert client.get("/clienten/").status_code == 200
    response = client.post(
        "/clienten/nieuw/",
        _intake(wijkteam, achternaam="Redisloos"),
    )
    assert response.status_code == 302
    assert (
        enqueue_now(__import__("almelo_sociaal.security.tasks", fromlist=["x"]).purge_expired_dossiers)
        is False
    )
    assert FailedEnqueue.objects.count() == 1
