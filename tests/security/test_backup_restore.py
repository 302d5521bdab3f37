"""Backup: pg_dump (custom format) + pg_restore of the demo data gives the same rows in every table.

The same commands as docs/operations.md, with the machine's PostgreSQL client binaries against a scratch
database next to the test database.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid

import pytest
from django.core.management import call_command
from django.db import connection

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _env_and_args(dbname: str) -> tuple[dict, list[str]]:
    params = connection.settings_dict
    env = dict(os.environ)
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = params["PASSWORD"]
    args = ["-h", params.get("HOST") or "127.0.0.1", "-p", str(params.get("PORT") or 5432)]
    args += ["-U", params.get("USER") or "postgres", "-d", dbname]
    return env, args


def _counts(dbname: str) -> dict[str, int]:
    import psycopg2

    params = connection.settings_dict
    conn = psycopg2.connect(
        dbname=dbname,
        user=params["USER"],
        password=params["PASSWORD"] or None,
        host=params["HOST"] or None,
        port=params["PORT"] or None,
    )
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
            tables = [row[0] for row in cursor.fetchall()]
            counts = {}
            for table in tables:
                cursor.execute(f'SELECT count(*) FROM "{table}"')
                counts[table] = cursor.fetchone()[0]
            cursor.execute("SELECT sum(maandbedrag), max(id) FROM cases_uitkeringsdossier")
            counts["dossier checksum"] = tuple(cursor.fetchone())
        return counts
    finally:
        conn.close()


@pytest.mark.skipif(
    not shutil.which("pg_dump") or not shutil.which("pg_restore"), reason="no pg_dump/pg_restore"
)
def test_dump_and_restore_of_demo_data_keeps_every_row(tmp_path):
    call_command("load_demo", "--clients", "150", stdout=open(os.devnull, "w"))
    source = connection.settings_dict["NAME"]
    scratch = f"{source}_restore_{uuid.uuid4().hex[:8]}"
    dump = tmp_path / "almelo.dump"
    env, source_args = _env_and_args(source)
    subprocess.run(["pg_dump", "-Fc", "--no-owner", "-f", str(dump), *source_args], env=env, check=True)
    _, admin_args = _env_and_args("postgres")
    subprocess.run(["psql", *admin_args, "-qc", f'CREATE DATABASE "{scratch}"'], env=env, check=True)
    try:
        _, scratch_args = _env_and_args(scratch)
        subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", *scratch_args, str(dump)], env=env, check=True
        )
        before, after = _counts(source), _counts(scratch)
        assert before["cases_client"] >= 150 and before["cases_uitkeringsdossier"] > 0
        assert after == before
    finally:
        subprocess.run(
            ["psql", *admin_args, "-qc", f'DROP DATABASE IF EXISTS "{scratch}"'], env=env, check=False
        )
