"""One JSON error shape for the whole API:

    {"message": "first human message", "code": "stable_code",
     "fields": {"field": [{"message": "...", "code": "..."}]}}

Domain errors (Django ValidationError from services) become 400 with the same Dutch text as the UI.
"""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from almelo_sociaal.core.rules import RuleViolation


def _flatten(detail, prefix: str = "") -> dict[str, list[dict]]:
    fields: dict[str, list[dict]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = "non_field_errors" if key in (NON_FIELD_ERRORS, "non_field_errors") else str(key)
            for sub, items in _flatten(value, f"{prefix}{name}.").items():
                fields.setdefault(sub, []).extend(items)
        return fields
    if isinstance(detail, list):
        if detail and all(isinstance(item, dict) for item in detail):  # list serializer (bulk rows)
            for index, item in enumerate(detail):
                for sub, items in _flatten(item, f"{prefix}{index}.").items():
                    fields.setdefault(sub, []).extend(items)
            return fields
        key = prefix.rstrip(".") or "non_field_errors"
        for item in detail:
            if isinstance(item, (dict, list)):
                for sub, items in _flatten(item, prefix).items():
                    fields.setdefault(sub, []).extend(items)
            else:
                fields.setdefault(key, []).append(
                    {"message": str(item), "code": getattr(item, "code", "invalid")}
                )
        return fields
    key = prefix.rstrip(".") or "non_field_errors"
    return {key: [{"message": str(detail), "code": getattr(detail, "code", "invalid")}]}


def django_error_fields(exc: DjangoValidationError) -> dict[str, list[dict]]:
    fields: dict[str, list[dict]] = {}
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            name = "non_field_errors" if field == NON_FIELD_ERRORS else field
            for error in errors:
                for message in error.messages:
                    fields.setdefault(name, []).append({"message": message, "code": error.code or "invalid"})
    else:
        for error in exc.error_list:
            for message in error.messages:
                fields.setdefault("non_field_errors", []).append(
                    {"message": message, "code": error.code or "invalid"}
                )
    return fields


def _body(fields: dict[str, list[dict]], fallback_message: str, fallback_code: str) -> dict:
    first = next((items[0] for items in fields.values() if items), None)
    return {
        "message": first["message"] if first else fallback_message,
        "code": first["code"] if first else fallback_code,
        "fields": fields,
    }


def exception_handler(exc, context):
    if isinstance(exc, RuleViolation):
        fields = {exc.field or "non_field_errors": [{"message": exc.message, "code": exc.code}]}
        return Response(_body(fields, exc.message, exc.code), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoValidationError):
        fields = django_error_fields(exc)
        return Response(_body(fields, "Ongeldige invoer.", "invalid"), status=status.HTTP_400_BAD_REQUEST)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = _body(_flatten(exc.detail), "Ongeldige invoer.", "invalid")
    else:
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else response.data
        code = getattr(detail, "code", None) or getattr(exc, "default_code", "error")
        response.data = {"message": str(detail), "code": code, "fields": {}}
    return response
