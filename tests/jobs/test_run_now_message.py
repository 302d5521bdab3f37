"""'Nu uitvoeren' says what happened: without a broker the job ran inside the request and has finished;
with a broker it is queued, not "gestart"."""

import pytest
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.celery import app

pytestmark = pytest.mark.django_db


def _messages(response):
    return [str(m) for m in response.context["messages"]]


def test_run_now_without_broker_says_it_has_run(client, make_user):
    client.force_login(make_user(Role.BEHEER))
    response = client.post(reverse("jobs:status"), {"job": "due_work"}, follow=True)
    (message,) = _messages(response)
    assert "is uitgevoerd (direct, zonder wachtrij)" in message and "gestart" not in message


def test_run_now_with_a_broker_says_it_is_queued(client, make_user, monkeypatch):
    app.conf.task_always_eager = False  # restored by the autouse fixture in tests/conftest.py
    monkeypatch.setattr("operations.jobs.views.enqueue_now", lambda task: True)
    client.force_login(make_user(Role.BEHEER))
    response = client.post(reverse("jobs:status"), {"job": "due_work"}, follow=True)
    (message,) = _messages(response)
    assert "staat in de wachtrij" in message
