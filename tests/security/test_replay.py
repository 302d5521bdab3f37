"""Replaying tasks that could not reach the broker: one implementation behind the management command and the
beat task, and every recorded job runs exactly once after a Redis outage."""

from __future__ import annotations

import io
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from almelo_sociaal.security.models import FailedEnqueue
from budget import services as budget_services
from budget.models import ForecastRun

ROOT = Path(__file__).resolve().parents[2]
YEARS = (2019, 2020, 2021)


def _plan(year: int, actor) -> None:
    """Finance sets the year's caseload assumption: a write that enqueues ``budget.recompute_budget_year`` on
    commit (its effect: the year's forecast rows)."""
    budget_services.create_year(year=year, actor=actor)
    budget_services.set_caseload_uitgangspunt(year=year, value=2600, actor=actor)


def test_beat_runs_the_replay_every_few_minutes():
    from almelo_sociaal.celery import app
    from almelo_sociaal.security.enqueue import task_by_name

    entries = [
        e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == "security.replay_failed_enqueues"
    ]
    assert len(entries) == 1
    assert entries[0]["schedule"].minute == set(range(0, 60, 5))
    assert task_by_name("security.replay_failed_enqueues") is app.tasks["security.replay_failed_enqueues"]


@pytest.mark.django_db
def test_the_command_replays_a_budget_recompute_row(make_user):
    """Eager mode (no broker): the replayed task runs inline and writes the year's forecast."""
    _plan(2021, make_user())
    ForecastRun.objects.all().delete()  # the recompute that ran on commit; the replay must write it again
    FailedEnqueue.objects.create(
        task_name="budget.recompute_budget_year", args=[2021], error="Connection refused"
    )
    out = io.StringIO()
    call_command("replay_failed_enqueues", stdout=out)
    assert out.getvalue().strip() == "opnieuw aangeboden: 1; nog niet gelukt: 0"
    assert FailedEnqueue.objects.get().replayed_at is not None
    assert ForecastRun.objects.filter(budget_year__year=2021).exists()


def _database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_command_in_a_fresh_process_knows_the_budget_task(make_user):
    """The reported outage: ``manage.py replay_failed_enqueues`` skipped every row as an unknown task, because a
    management command (unlike a worker) had not imported the apps' tasks modules."""
    _plan(2021, make_user())
    ForecastRun.objects.all().delete()
    FailedEnqueue.objects.create(
        task_name="budget.recompute_budget_year", args=[2021], error="Connection refused"
    )
    env = {k: v for k, v in os.environ.items() if k != "CELERY_BROKER_URL"}  # eager: runs inline
    env.update(DATABASE_URL=_database_url(), SECRET_KEY="test-only-not-a-secret")
    result = subprocess.run(
        [sys.executable, "manage.py", "replay_failed_enqueues"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "opnieuw aangeboden: 1; nog niet gelukt: 0" in result.stdout, result.stdout + result.stderr[-2000:]
    assert FailedEnqueue.objects.get().replayed_at is not None
    assert ForecastRun.objects.filter(budget_year__year=2021).exists()


# ----------------------------------------------------------------- a Redis outage with a real worker
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OwnRedis:
    """A redis-server of this test only, on its own port (the shared one on 6379 is never touched)."""

    def __init__(self):
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc = None

    def start(self):
        # On the real clock: under `make test-dates` libfaketime is preloaded, and redis-server cannot start with
        # it (recursive clock_gettime). Redis's expiries are relative, so its clock does not matter.
        env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD" and not k.startswith("FAKETIME")}
        self.proc = subprocess.Popen(
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("own redis-server did not start")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()  # an outage, not a clean shutdown
            self.proc.wait(timeout=10)


@pytest.fixture
def own_redis(monkeypatch):
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    from almelo_sociaal.celery import app

    redis = OwnRedis()
    redis.start()

    def use(url):  # the producer side of this process: publish to ``url`` from now on
        monkeypatch.setenv("CELERY_BROKER_URL", url)  # Celery lets the environment win over conf
        app.conf.broker_url = url
        app._pool = None  # kombu keeps one pool per broker URL (shared, so never closed here)
        app.amqp._producer_pool = None

    previous = app.conf.broker_url
    use(redis.url)
    yield redis
    redis.stop()
    use(previous or "")
    monkeypatch.undo()


@pytest.fixture
def worker_on(own_redis):
    env = dict(os.environ)
    env.update(DATABASE_URL=_database_url(), CELERY_BROKER_URL=own_redis.url)
    env.setdefault("SECRET_KEY", "test-only-not-a-secret")
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "almelo_sociaal", "worker", "--pool", "solo"]
        + ["--loglevel", "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield proc
    if proc.poll() is None:
        proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def _wait_for(predicate, timeout=90) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


@pytest.mark.worker
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_after_a_redis_outage_the_replay_runs_every_recorded_job_exactly_once(
    own_redis, worker_on, make_user
):
    actor = make_user()
    own_redis.stop()  # Redis goes down
    for year in YEARS:  # each write commits and then fails to enqueue its recompute
        _plan(year, actor)
    assert sorted(FailedEnqueue.objects.values_list("args", flat=True)) == [[y] for y in YEARS]
    assert not ForecastRun.objects.exists()

    own_redis.start()  # Redis is back (empty: the failed jobs were never in it)
    out = io.StringIO()
    call_command("replay_failed_enqueues", stdout=out)
    assert out.getvalue().strip() == f"opnieuw aangeboden: {len(YEARS)}; nog niet gelukt: 0"
    call_command("replay_failed_enqueues", stdout=out)  # a second replay (or the beat task) sends nothing
    assert out.getvalue().strip().splitlines()[-1] == "opnieuw aangeboden: 0; nog niet gelukt: 0"

    recomputed = _wait_for(
        lambda: set(ForecastRun.objects.values_list("budget_year__year", flat=True)) == set(YEARS)
    )
    # A marker job queued behind the replayed ones: when it has run, every job before it has run too.
    _plan(2022, actor)  # Redis is up: enqueued on commit as usual
    marker = _wait_for(lambda: ForecastRun.objects.filter(budget_year__year=2022).exists())
    worker_on.terminate()
    log = worker_on.communicate(timeout=30)[0]
    assert recomputed and marker, log[-3000:]
    runs = re.findall(r"Task budget\.recompute_budget_year\[[0-9a-f-]+\] succeeded", log)
    assert len(runs) == len(YEARS) + 1, log[-3000:]  # each replayed year once, plus the marker
    assert not FailedEnqueue.objects.filter(replayed_at__isnull=True).exists()
