"""A real Celery worker against Redis and PostgreSQL: enqueue, let the worker run it, check the rows."""

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from django.db import connection

from operations.dashboards.models import CaseloadSnapshot
from operations.jobs import tasks
from operations.jobs.models import JobRun

from ..factories import DossierFactory

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.worker, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker():
    db = connection.settings_dict
    env = dict(os.environ)
    env["DATABASE_URL"] = (
        f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    env.setdefault("SECRET_KEY", "test-only-not-a-secret")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "almelo_sociaal",
            "worker",
            "--pool",
            "solo",
            "--loglevel",
            "INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield proc
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def _wait_for(predicate, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def test_worker_runs_the_snapshot_job(worker):
    DossierFactory(startdatum=date(2020, 1, 1))
    DossierFactory(startdatum=date(2020, 3, 1), einddatum=date(2020, 6, 1), eindreden="werk")
    tasks.caseload_snapshot.delay(period="maand", day="2020-05-01")
    ok = _wait_for(lambda: JobRun.objects.filter(job="caseload_snapshot", status="success").exists())
    if not ok:
        worker.terminate()
        pytest.fail("worker did not finish the job:\n" + worker.stdout.read()[-3000:])
    assert sum(CaseloadSnapshot.objects.filter(date=date(2020, 5, 1)).values_list("active", flat=True)) == 2
    # a second run through the worker (as after a retry) writes the same rows, never doubles
    tasks.caseload_snapshot.delay(period="maand", day="2020-05-01")
    assert _wait_for(lambda: JobRun.objects.filter(job="caseload_snapshot", status="success").count() == 2)
    assert sum(CaseloadSnapshot.objects.filter(date=date(2020, 5, 1)).values_list("active", flat=True)) == 2
