"""The activity catalogue, ensured after every migrate (also after a test flush), from the one list in the
data migration 0002 (functioneel beheer maintains the rows afterwards; nothing is overwritten)."""

import importlib

from django.apps import apps as global_apps


def ensure_activity_catalogue(**kwargs) -> None:
    migration = importlib.import_module("tegenprestatie.migrations.0002_activity_catalogue")
    migration.add_catalogue(kwargs.get("apps") or global_apps, None)
