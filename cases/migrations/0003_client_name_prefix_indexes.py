"""Prefix indexes for the client name search on PostgreSQL (UPPER(x) LIKE 'X%' from istartswith).

Not in Meta.indexes: an operator-class expression index is PostgreSQL syntax and would break SQLite.
Measured at 1M clients: name search 965 ms → 18 ms (docs/benchmarks.md, proposal 1).
"""

from django.db import migrations

INDEXES = {
    "client_achternaam_prefix_idx": 'UPPER("achternaam"::text) text_pattern_ops',
    "client_voornamen_prefix_idx": 'UPPER("voornamen"::text) text_pattern_ops',
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, expression in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON cases_client ({expression})")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_srtassignment_srtinvestigation_srtdocument_and_more")]
    operations = [migrations.RunPython(create, drop)]
