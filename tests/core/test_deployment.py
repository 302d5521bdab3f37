"""What an operator relies on before anything starts: docker-compose.yml, the Dockerfile, the locks, static files.

The running stack itself is exercised by tests/smoke/test_production.py (make smoke, on CI); these tests pin the
shape that made the production start fail before: migrate and collectstatic racing inside the web command, a
healthcheck refused by ALLOWED_HOSTS, port 8000 open on every interface, floating images and dependencies, a
vendored script pointing at a source map that is not shipped.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.test import Client, override_settings

from almelo_sociaal.core import beat_health

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def _requirement_pins(text: str) -> dict[str, str]:
    return {
        m.group(1).lower().replace("_", "-"): m.group(2)
        for m in re.finditer(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", text, re.M)
    }


def test_migrations_run_once_before_web_worker_and_beat():
    migrate = SERVICES["migrate"]
    assert "migrate" in migrate["command"] and migrate["restart"] == "no"
    for name in ("web", "worker", "beat"):
        assert SERVICES[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}
        assert "migrate" not in str(SERVICES[name]["command"])
        assert "collectstatic" not in str(SERVICES[name]["command"])


def test_static_files_are_collected_when_the_image_is_built():
    assert re.search(r"^RUN .*manage\.py collectstatic --noinput", DOCKERFILE.replace("\\\n", " "), re.M)


def test_every_long_running_service_has_a_healthcheck():
    for name, service in SERVICES.items():
        if name != "migrate":
            assert service.get("healthcheck", {}).get("test"), f"{name} has no healthcheck"


def test_web_is_published_on_loopback_only():
    assert SERVICES["web"]["ports"] == ["127.0.0.1:8000:8000"]
    for name, service in SERVICES.items():
        assert "ports" not in service or name == "web", f"{name} publishes a port"


def test_images_are_pinned_by_version():
    images = [s["image"] for s in SERVICES.values() if "image" in s and "build" not in s]
    assert images, "no pulled images found"
    for image in images + re.findall(r"^FROM (\S+)", DOCKERFILE, re.M):
        assert re.search(r":\d+\.\d+(\.\d+)?", image), f"{image} floats"
        assert not image.endswith(":latest")


def test_python_dependencies_are_installed_from_the_hash_lock():
    assert "--require-hashes" in DOCKERFILE and "requirements/production.txt" in DOCKERFILE
    assert "--upgrade pip" not in DOCKERFILE
    makefile = (ROOT / "Makefile").read_text()
    assert "--require-hashes" in makefile and "requirements/dev.txt" in makefile


def test_the_locks_hold_every_pin_of_pyproject():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    production = _requirement_pins((ROOT / "requirements/production.txt").read_text())
    dev = _requirement_pins((ROOT / "requirements/dev.txt").read_text())

    def pin(spec: str) -> tuple[str, str]:
        name, version = spec.split("==")
        return re.sub(r"\[.*\]", "", name).lower().replace("_", "-"), version

    for name, version in map(pin, project["dependencies"]):
        assert production.get(name) == version, name
    for name, version in map(pin, project["dependencies"] + project["optional-dependencies"]["dev"]):
        assert dev.get(name) == version, name
    assert "pytest" not in production and "numpy" not in production


def test_every_locked_package_carries_a_hash():
    for name in ("production.txt", "dev.txt"):
        blocks = re.split(r"\n(?=[A-Za-z0-9])", (ROOT / "requirements" / name).read_text())
        for block in blocks:
            if "==" in block.split("\n", 1)[0]:
                assert "--hash=sha256:" in block, block.split("\n", 1)[0]


@pytest.mark.django_db
@override_settings(ALLOWED_HOSTS=["sociaal.almelo.nl"], SECURE_SSL_REDIRECT=True)
def test_the_healthcheck_is_answered_whatever_the_host():
    client = Client()
    response = client.get("/healthz", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    # Everything else still refuses a host that is not ours.
    assert client.get("/inloggen/", HTTP_HOST="127.0.0.1:8000").status_code == 400


def test_collectstatic_with_the_production_manifest_succeeds(tmp_path):
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "SECRET_KEY": "collectstatic-test",
        "DATABASE_URL": "sqlite:///:memory:",
        "STATIC_ROOT": str(tmp_path),
        "STATIC_MANIFEST": "1",
    }
    env.pop("PYTEST_VERSION", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert '"img/favicon.svg"' in manifest and "vendor/chart-4.6.1.umd.min.js" in manifest


def test_vendored_scripts_point_at_no_missing_source_map():
    for path in (ROOT / "static").rglob("*.js"):
        for name in re.findall(r"sourceMappingURL=(\S+)", path.read_text(errors="replace")):
            assert (path.parent / name).exists(), f"{path.relative_to(ROOT)} names {name}"


def test_demo_logins_prints_the_address_make_run_serves():
    out = StringIO()
    call_command("demo_logins", "--url", "http://127.0.0.1:8101", stdout=out)
    assert "http://127.0.0.1:8101" in out.getvalue() and "8000" not in out.getvalue()
    dry_run = subprocess.run(
        ["make", "-n", "run", "PORT=8101"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "demo_logins --url http://127.0.0.1:8101" in dry_run and "runserver 127.0.0.1:8101" in dry_run


def test_beat_healthcheck_wants_a_fresh_schedule_file(tmp_path):
    schedule = tmp_path / "celerybeat-schedule"
    assert beat_health.main([str(schedule)]) == 1  # beat never started
    (tmp_path / "celerybeat-schedule.db").write_bytes(b"x")  # the dbm backend may add a suffix
    now = time.time()  # the file's time as this process's clock tells it (make test-dates fakes the clock)
    os.utime(tmp_path / "celerybeat-schedule.db", (now, now))
    assert beat_health.main([str(schedule)]) == 0
    old = time.time() - 900
    os.utime(tmp_path / "celerybeat-schedule.db", (old, old))
    assert beat_health.main([str(schedule), "--max-age", "600"]) == 1
