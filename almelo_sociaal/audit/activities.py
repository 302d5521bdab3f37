"""Which processing activity (the register ``ProcessingActivity``, maintained by beheer) a request belongs to."""

from __future__ import annotations

from django.core.cache import cache as django_cache

from .models import ProcessingActivity

ACTIVITIES_CACHE_KEY = "audit:processing-activities"


def _activity_prefixes() -> list[tuple[str, str]]:
    rows = ProcessingActivity.objects.filter(active=True).values_list("code", "path_prefixes")
    pairs = [(line.strip(), code) for code, text in rows for line in text.splitlines() if line.strip()]
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)


def activity_for(path: str) -> str:
    """The code of the processing activity whose path prefix is the longest match (cached for a minute: the
    register changes rarely, the read log is written on every page)."""
    prefixes = django_cache.get(ACTIVITIES_CACHE_KEY)
    if prefixes is None:
        prefixes = _activity_prefixes()
        django_cache.set(ACTIVITIES_CACHE_KEY, prefixes, 60)
    return next((code for prefix, code in prefixes if path.startswith(prefix)), "")
