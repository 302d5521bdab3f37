# The two commands of the README: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Dependencies are installed from the hash-locked requirements/dev.txt (made from pyproject.toml by `make lock`).
LOCK := requirements/dev.txt
STAMP := $(VENV)/.installed-$(shell cat $(LOCK) | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?= -n 2
# The published contract is generated for PostgreSQL (integer ranges); no connection is made.
SCHEMA_ENV := DJANGO_DEBUG=1 DATABASE_URL=postgres://schema@127.0.0.1:1/schema-only

.PHONY: smoke lock run test test-dates install migrate demo lint lint-api format check bench load fuzz e2e worker beat web schema clean

$(STAMP): $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r $(LOCK)
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

## make lock: re-resolve pyproject.toml into the hash-locked requirements (production and dev)
lock:
	test -x $(BIN)/uv || $(BIN)/pip install --quiet "uv==0.13.9"
	$(BIN)/uv pip compile pyproject.toml --generate-hashes --python-version 3.11 --universal -q -o requirements/production.txt
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 --universal -q -o requirements/dev.txt

## make run: venv + install + migrate (SQLite) + demo data + dev server on http://127.0.0.1:8000 (eager Celery)
run: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_demo
	DJANGO_DEBUG=1 $(BIN)/python manage.py demo_logins --url http://$(HOST):$(PORT)
	DJANGO_DEBUG=1 FRIENDLY_ERROR_PAGES=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

## make test: the whole suite (SQLite unless DATABASE_URL is set; postgres/worker tests run when their service is configured)
test: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

## make test-dates: the suite (without the browser tests) under a faked clock on 2026-12-31 (ISO week 53) and
## 2028-02-29 (libfaketime, installed with apt-get when missing); why and how: .ci/test-dates
test-dates: install
	PYTEST_ARGS="$(PYTEST_ARGS) -p no:cacheprovider" VENV=$(VENV) bash .ci/test-dates

## make lint: ruff, and the layer contracts of pyproject.toml [tool.importlinter] (docs/DEVELOPING.md "Layers")
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

## make lint-api: the NL API Design Rules (the official Spectral ruleset, vendored in tools/adr/) on the committed
## OpenAPI document: 0 errors. spectral-cli is pinned in tools/adr/package-lock.json (npm ci when missing).
ADR := tools/adr
lint-api:
	test -x $(ADR)/node_modules/.bin/spectral || npm ci --prefix $(ADR) --no-audit --no-fund --ignore-scripts
	$(ADR)/node_modules/.bin/spectral lint --ruleset $(ADR)/spectral.yml --fail-severity error docs/openapi.yaml

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## make smoke: the production smoke test — docker-compose.yml's commands and environment against the local
## PostgreSQL and Redis, in a virtualenv with only the production lock (tests/smoke/test_production.py)
smoke: install
	$(BIN)/pytest -p no:cacheprovider -m smoke tests/smoke -v

e2e: install
	$(BIN)/pytest tests/e2e -v

schema: install
	$(SCHEMA_ENV) $(BIN)/python manage.py spectacular --validate --fail-on-warn --file docs/openapi.yaml

fuzz: install
	$(BIN)/python tests/security/fuzz.py $(FUZZ_ARGS)

load: install
	$(BIN)/python tests/perf/load.py $(LOAD_ARGS)

bench: install
	$(BIN)/python tests/perf/bench.py $(BENCH_ARGS)

web: install
	$(BIN)/gunicorn almelo_sociaal.wsgi:application --bind $(HOST):$(PORT) --workers 2
worker: install
	$(BIN)/celery -A almelo_sociaal worker --loglevel=INFO --concurrency 2
beat: install
	$(BIN)/celery -A almelo_sociaal beat --loglevel=INFO --schedule /tmp/celerybeat-schedule

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles test-artifacts .pytest_cache
