"""Production smoke test: docker-compose.yml's own commands, with its environment, against real services.

There is no Docker engine on CI, so this test does what `docker compose up` would do, reading every command and
the environment from docker-compose.yml and the static-files step from the Dockerfile (if they change, this test
runs the new ones; if they break, it fails):

1. a virtualenv with only the production lock installed, the way the Dockerfile installs it;
2. the Dockerfile's collectstatic line, then the one-shot ``migrate`` service;
3. ``web`` (gunicorn), ``worker`` and ``beat`` with the x-app environment: DEBUG off, a public host name in
   ALLOWED_HOSTS, the proxy trusted only from 127.0.0.1 (as the host's TLS proxy would be);
4. every service's healthcheck command exactly as written;
5. log in over HTTP as every role (through the "proxy": Host, X-Forwarded-Proto/-For) and GET that role's main
   page; an API list with a token; the worker answers ``inspect ping`` (its healthcheck).

Compose's service names resolve to this machine's services: ``postgres`` → 127.0.0.1:5432 (a fresh database),
``redis`` → 127.0.0.1:6379 (a database number of its own). Marked ``smoke``: ``make smoke`` and .ci/run run it;
the normal suite deselects it.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest
import yaml

pytestmark = pytest.mark.smoke

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
LOCK = ROOT / "requirements" / "production.txt"
PUBLIC_HOST = "sociaal.almelo.nl"
WEB_PORT = 8000  # the port of the compose web command and its healthcheck
PG = os.environ.get("SMOKE_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("SMOKE_REDIS", "redis://127.0.0.1:6379/13")
DEMO_PASSWORD = "Smoke-" + secrets.token_urlsafe(12)

# Each role's main page: where the navigation takes that role first.
MAIN_PAGES = {
    "intaker": ["/", "/clienten/"],
    "coach": ["/", "/werk/werkvoorraad/"],
    "toetser": ["/", "/clienten/aanvragen/toetsing/"],
    "matcher": ["/", "/participatie/"],
    "coordinator": ["/", "/dashboard/wijkteam/"],
    "srt": ["/", "/srt/"],
    "financien": ["/", "/budget/"],
    "beheer": ["/", "/audit/", "/beheer/"],
    "gastorganisatie": ["/", "/tegenprestatie/uren/"],
}


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's variable syntax: ${VAR}, ${VAR:-default}, ${VAR:?error}, $$ for a literal $."""

    def repl(match: re.Match) -> str:
        name, op, arg = match.group(1), match.group(2), match.group(3)
        current = env.get(name, "")
        if op == ":-":
            return current or arg
        if op == ":?":
            if not current:
                raise AssertionError(f"compose needs {name}: {arg}")
            return current
        return current

    value = re.sub(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:-|:\?)([^}]*))?\}", repl, value)
    return value.replace("$$", "$")


def local_url(url: str, service: str, replacement: str) -> str:
    """Point a compose URL at this machine's service (the compose network's DNS name → 127.0.0.1)."""
    parts = urlsplit(url)
    assert parts.hostname == service, f"{url} should name the compose service {service!r}"
    target = urlsplit(replacement)
    return urlunsplit((parts.scheme, target.netloc, target.path or parts.path, "", ""))


def command_argv(command) -> list[str]:
    return list(command) if isinstance(command, list) else shlex.split(command)


def healthcheck_argv(test: list[str]) -> list[str]:
    kind, *rest = test
    if kind == "CMD":
        return rest
    assert kind == "CMD-SHELL", test
    return ["sh", "-c", rest[0]]


def wait_for(predicate, seconds: float, what: str, procs=()):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for proc in procs:
            if proc.poll() is not None:
                raise AssertionError(f"{what}: a process exited early with {proc.returncode}")
        if predicate():
            return
        time.sleep(1)
    raise AssertionError(f"{what}: not within {seconds:.0f} s")


def production_venv() -> Path:
    """A virtualenv with exactly the production lock, installed as the Dockerfile installs it (cached by lock hash)."""
    digest = hashlib.sha256(LOCK.read_bytes()).hexdigest()[:12]
    venv = Path(os.environ.get("SMOKE_VENV", ROOT / ".venv-production"))
    stamp = venv / f".installed-{digest}"
    if not stamp.exists():
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        dockerfile_pip = next(
            line.removeprefix("RUN ").strip()
            for line in (ROOT / "Dockerfile").read_text().splitlines()
            if line.startswith("RUN pip install")
        )
        subprocess.run(f"{venv}/bin/{dockerfile_pip}", shell=True, check=True, cwd=ROOT)
        stamp.touch()
    return venv


class Browser:
    """Just enough of a browser behind the TLS proxy: Host, X-Forwarded-*, cookies (Secure ones too), CSRF."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict | None = None, headers: dict | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        sent = {
            "Host": PUBLIC_HOST,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": "203.0.113.10",
            "Accept": "text/html,application/json",
        }
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = f"https://{PUBLIC_HOST}"
            sent["Referer"] = f"https://{PUBLIC_HOST}{path}"
        sent.update(headers or {})
        conn.request(method, path, body=data, headers=sent)
        response = conn.getresponse()
        content = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                cookie = SimpleCookie()
                cookie.load(value)
                for key, morsel in cookie.items():
                    self.cookies[key] = morsel.value
        conn.close()
        return response.status, dict(response.getheaders()), content

    def login(self, username: str, password: str):
        status, _, page = self.request("GET", "/inloggen/")
        assert status == 200, f"login page: {status}"
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        status, headers, _ = self.request(
            "POST", "/inloggen/", {"username": username, "password": password, "csrfmiddlewaretoken": token}
        )
        assert status == 302, f"login of {username}: {status}"
        return headers.get("Location")


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"]).returncode != 0:
        pytest.fail("the smoke test needs PostgreSQL on 127.0.0.1:5432")
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", WEB_PORT)) == 0:
            pytest.fail(f"port {WEB_PORT} is taken: the compose web command binds it")

    venv = production_venv()
    import redis

    redis.Redis.from_url(REDIS).flushdb()  # the smoke test's own broker database: start empty
    database = f"almelo_smoke_{os.getpid()}"
    subprocess.run(["psql", f"{PG}/postgres", "-q", "-c", f'CREATE DATABASE "{database}"'], check=True)
    tmp = tmp_path_factory.mktemp("smoke")

    compose_env = {
        "POSTGRES_PASSWORD": secrets.token_urlsafe(16),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": PUBLIC_HOST,
        "CSRF_TRUSTED_ORIGINS": f"https://{PUBLIC_HOST}",
        "TRUSTED_PROXIES": "127.0.0.1",
        "WEB_WORKERS": "2",
        "WORKER_CONCURRENCY": "2",
    }
    app = COMPOSE["x-app"]
    env = {k: interpolate(str(v), compose_env) for k, v in app["environment"].items()}
    env["DATABASE_URL"] = local_url(env["DATABASE_URL"], "postgres", f"{PG}/{database}")
    env["CELERY_BROKER_URL"] = local_url(env["CELERY_BROKER_URL"], "redis", REDIS)
    assert env["DJANGO_DEBUG"] == "0" and env["ALLOWED_HOSTS"] == PUBLIC_HOST
    process_env = {
        "PATH": f"{venv}/bin:{os.environ['PATH']}",
        "HOME": str(tmp),
        "LANG": "C.UTF-8",
        "STATIC_ROOT": str(tmp / "staticfiles"),
        "HOSTNAME": socket.gethostname(),
        "DEMO_PASSWORD": DEMO_PASSWORD,
        **env,
    }

    def run(argv, **kwargs):
        return subprocess.run(argv, cwd=ROOT, env=process_env, check=True, **kwargs)

    collectstatic = next(
        line.removeprefix("RUN ").rstrip("\\").strip()
        for line in (ROOT / "Dockerfile").read_text().replace("\\\n", " ").splitlines()
        if "collectstatic" in line and line.startswith("RUN")
    )
    run(["sh", "-c", collectstatic.replace("python ", "exec python ", 1)])
    services = COMPOSE["services"]
    for name in ("web", "worker", "beat"):
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    run(command_argv(services["migrate"]["command"]))
    # Production has no demo data; the smoke test loads a small demo for the logins of every role.
    run(["python", "manage.py", "load_demo", "--clients", "60"], stdout=subprocess.DEVNULL)

    procs = {}
    logs = {}
    for name in ("web", "worker", "beat"):
        argv = command_argv(interpolate(services[name]["command"], compose_env))
        argv = [a.replace(f"0.0.0.0:{WEB_PORT}", f"127.0.0.1:{WEB_PORT}") for a in argv]
        logs[name] = open(tmp / f"{name}.log", "w")  # noqa: SIM115 - closed in teardown
        procs[name] = subprocess.Popen(
            argv,
            cwd=ROOT,
            env=process_env,
            stdout=logs[name],
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def healthy(name: str) -> bool:
        # Compose interpolates every string of the file ($$ → $) before the container sees it.
        argv = healthcheck_argv(
            [interpolate(part, compose_env) for part in services[name]["healthcheck"]["test"]]
        )
        return subprocess.run(argv, cwd=ROOT, env=process_env, capture_output=True).returncode == 0

    try:
        wait_for(lambda: healthy("web"), 90, "web healthcheck", procs.values())
        wait_for(lambda: healthy("worker"), 120, "worker healthcheck", procs.values())
        wait_for(lambda: healthy("beat"), 60, "beat healthcheck", procs.values())
        yield {"env": process_env, "healthy": healthy, "logs": tmp}
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs.values():
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        for log in logs.values():
            log.close()
        for name in logs:
            text = (tmp / f"{name}.log").read_text()
            print(f"--- {name} (last lines)\n" + "\n".join(text.splitlines()[-15:]))
        subprocess.run(
            ["psql", f"{PG}/postgres", "-q", "-c", f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)']
        )


def test_every_healthcheck_passes_as_written(stack):
    for name, service in COMPOSE["services"].items():
        assert "healthcheck" in service or name == "migrate", f"{name} has no healthcheck"
    for name in ("web", "worker", "beat"):
        assert stack["healthy"](name), name


# Where a login lands: the start page, except the coach, who starts on their own caseload (issue 18).
START_PAGES = {"coach": "/participatie/"}


@pytest.mark.parametrize("role", sorted(MAIN_PAGES))
def test_every_role_logs_in_and_sees_its_main_pages(stack, role):
    browser = Browser(WEB_PORT)
    assert browser.login(role, DEMO_PASSWORD) == START_PAGES.get(role, "/")
    for path in MAIN_PAGES[role]:
        status, headers, body = browser.request("GET", path)
        assert status == 200, f"{role} GET {path}: {status}"
        assert "Strict-Transport-Security" in headers
    status, _, _ = browser.request("GET", "/static/img/favicon.svg")
    assert status == 200


def test_an_api_client_lists_with_its_token(stack):
    out = subprocess.run(
        ["python", "manage.py", "issue_api_token", "werkplein-api", "--preset", "werkplein"],
        cwd=ROOT,
        env=stack["env"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    token = out.strip().rsplit(": ", 1)[1]
    status, _, body = Browser(WEB_PORT).request(
        "GET", "/api/v1/clienten", headers={"Authorization": f"Token {token}"}
    )
    assert status == 200, body[:300]
    assert json.loads(body)["results"]
