"""The API's query parameters are lowerCamelCase (NL API Design Rules); the code names them in snake_case.

``camel`` is the one translation, used by the schema (``schema.camelize_query_parameters``) and at runtime
(``filters.FilterBackend``), so a filter declared as ``aanvraagdatum_vanaf`` or ``start_date__gte`` is
documented and accepted as ``aanvraagdatumVanaf`` and ``startDateGte`` without any code in the app.
"""

from __future__ import annotations

import re

_UPPER = re.compile(r"(?<=[a-z0-9])([A-Z])")


def camel(name: str) -> str:
    """``start_date__gte`` → ``startDateGte``; a name without underscores stays as it is."""
    parts = [part for part in name.split("_") if part]
    if len(parts) <= 1:
        return name
    return parts[0][:1].lower() + parts[0][1:] + "".join(part[:1].upper() + part[1:] for part in parts[1:])


def snake(name: str) -> str:
    """``receivedFrom`` → ``received_from`` (the inverse of ``camel`` for names without a lookup ``__``)."""
    return _UPPER.sub(r"_\1", name).lower()
