"""Bounded loopback load test: mixed reads and writes against gunicorn + PostgreSQL, then count the rows.

    .venv/bin/python tests/perf/load.py [--requests 1200] [--seconds 90] [--threads 8]   (or: make load)

Creates a scratch database (almelo_load), a wijkteam, an intaker with an API token; starts gunicorn (3 workers)
on a free 127.0.0.1 port; threads send ~70% reads (API client list, cursor page, /me) and ~30% writes (POST
/api/v1/clienten with fresh valid BSNs). Passes when every response is the expected status and every
acknowledged write is in the database exactly once (no lost or doubled writes). Bounded in count and time.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DB = "almelo_load"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def django_shell(code: str, env: dict) -> str:
    """Run ``code`` in ``manage.py shell`` against the load-test database; its standard output."""
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=1200)
    parser.add_argument("--seconds", type=int, default=90)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()

    env = dict(
        os.environ,
        DATABASE_URL=f"{SERVER}/{DB}",
        SECRET_KEY="load-test-only",
        DJANGO_DEBUG="0",
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS="127.0.0.1",
        CELERY_BROKER_URL="",
    )
    env.pop("CELERY_BROKER_URL")
    subprocess.run(["psql", SERVER + "/postgres", "-qc", f"DROP DATABASE IF EXISTS {DB}"], check=True)
    subprocess.run(["psql", SERVER + "/postgres", "-qc", f"CREATE DATABASE {DB}"], check=True)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    setup = (  # an intaker is a person: a session (with a CSRF secret), never a token
        "from django.test import Client;"
        "from django.middleware.csrf import _get_new_csrf_string;"
        "from tests.factories import UserFactory, WijkteamFactory;"
        "w=WijkteamFactory(code='load', name='Load');"
        "u=UserFactory(username='load-intaker', roles=['intaker']);"
        "c=Client(); c.force_login(u);"
        "print(c.cookies['sessionid'].value + ' ' + _get_new_csrf_string())"
    )
    key = django_shell(setup, env).strip().splitlines()[-1]
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "almelo_sociaal.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "3",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        result = run_load(port, key, args)
    finally:
        server.terminate()
        server.wait(timeout=20)
    check = (
        "from cases.models import Client;"
        "print(Client.objects.filter(achternaam__startswith='Load').count(),"
        " Client.objects.values('bsn').distinct().count() == Client.objects.count())"
    )
    out = django_shell(check, env).split()
    stored, unique = int(out[-2]), out[-1] == "True"
    result.update(stored=stored, unique_bsns=unique, lost_or_doubled=result["created"] - stored)
    print(json.dumps(result, indent=2))
    ok = result["errors"] == 0 and result["lost_or_doubled"] == 0 and unique
    print("load test", "PASSED" if ok else "FAILED")
    return 0 if ok else 1


def run_load(port: int, key: str, args) -> dict:
    from stdnum.nl import bsn as stdnum_bsn

    lock = threading.Lock()
    state = {"sent": 0, "created": 0, "reads": 0, "errors": 0, "statuses": {}, "latencies": []}
    deadline = time.monotonic() + args.seconds
    counter = iter(range(50_000_000, 60_000_000))  # 8-digit prefixes; the 9th digit is the check digit

    def next_bsn() -> str:
        while True:
            with lock:
                prefix = next(counter)
            for d in range(10):
                candidate = f"{prefix:08d}{d}"
                if stdnum_bsn.is_valid(candidate):
                    return candidate

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        session, csrf = key.split()
        headers = {
            "Cookie": f"sessionid={session}; csrftoken={csrf}",
            "X-CSRFToken": csrf,
            "Content-Type": "application/json",
        }
        while time.monotonic() < deadline:
            with lock:
                if state["sent"] >= args.requests:
                    return
                state["sent"] += 1
            write = rng.random() < 0.3
            started = time.monotonic()
            if write:
                body = {
                    "bsn": next_bsn(),
                    "voornamen": "Lasta",
                    "achternaam": f"Load{rng.randint(0, 10**6)}",
                    "geboortedatum": "1990-01-01",
                    "straat": "Grotestraat",
                    "huisnummer": "1",
                    "postcode": "7607AB",
                    "leefvorm": "alleenstaand",
                    "wijkteam": "load",
                }
                conn.request("POST", "/api/v1/clienten", json.dumps(body), headers)
                expected = 201
            else:
                path = rng.choice(["/api/v1/clienten?pageSize=20", "/api/v1/account", "/api/v1/aanvragen"])
                conn.request("GET", path, headers=headers)
                expected = 200
            response = conn.getresponse()
            response.read()
            with lock:
                state["latencies"].append(time.monotonic() - started)
                state["statuses"][response.status] = state["statuses"].get(response.status, 0) + 1
                if response.status != expected:
                    state["errors"] += 1
                elif write:
                    state["created"] += 1
                else:
                    state["reads"] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.threads)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    latencies = sorted(state.pop("latencies"))
    state.update(
        seconds=round(elapsed, 1),
        throughput=round(state["sent"] / elapsed, 1),
        p50_ms=round(latencies[len(latencies) // 2] * 1000, 1) if latencies else None,
        p95_ms=round(latencies[int(len(latencies) * 0.95)] * 1000, 1) if latencies else None,
    )
    return state


if __name__ == "__main__":
    sys.exit(main())
