"""One error format for the whole API: RFC 9457 problem details (``application/problem+json``).

    {"type": "urn:almelo-sociaal:probleem:scope_ontbreekt", "title": "Geen toegang", "status": 403,
     "detail": "Dit token heeft geen toegang: …", "instance": "/api/v1/clienten", "code": "scope_ontbreekt",
     "invalidParams": [{"name": "bsn", "code": "bsn_ongeldig", "reason": "Dit is geen geldig BSN."}]}

``code`` is stable (the catalogue of each app's ``error_codes.py``; DRF's own codes such as ``not_found``,
``permission_denied``, ``throttled``); ``detail`` is the same Dutch text as the UI; ``invalidParams`` names every
field error (``name`` is the field, nested as ``rows.0.hours``). Domain errors (``RuleViolation``, Django's
``ValidationError`` from services) become 400 like a serializer's field errors.

Deprecated, kept for one release so existing integrations keep working: ``message`` (= ``detail``) and
``fields`` (``{field: [{"message", "code"}]}``, the former shape).

Every API error leaves through ``exception_handler`` (DRF's EXCEPTION_HANDLER) or ``problem_response`` (Django's
404/500 handlers under /api/), so an endpoint added later gets this format without any code of its own.
"""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from almelo_sociaal.core.rules import RuleViolation

PROBLEM_CONTENT_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:almelo-sociaal:probleem:"

# The title of each status (Dutch, fixed per status; the detail says what happened).
TITLES = {
    400: "Ongeldig verzoek",
    401: "Niet geauthenticeerd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Niet aanvaardbaar",
    409: "Conflict",
    412: "Voorwaarde niet vervuld",
    415: "Mediatype niet ondersteund",
    429: "Te veel verzoeken",
    500: "Interne fout",
    503: "Dienst niet beschikbaar",
}
NOT_FOUND_DETAIL = "Niet gevonden."
SERVER_ERROR_DETAIL = "Er is een storing opgetreden; er is niets half opgeslagen."


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


def problem(
    status_code: int,
    *,
    code: str,
    detail: str,
    fields: dict[str, list[dict]] | None = None,
    instance: str | None = None,
) -> dict:
    """The problem-details body (RFC 9457) with the stable ``code`` and the Dutch ``detail``."""
    fields = fields or {}
    body = {
        "type": f"{TYPE_PREFIX}{code}",
        "title": TITLES.get(status_code, "Fout"),
        "status": status_code,
        "detail": detail,
        "code": code,
    }
    if instance:
        body["instance"] = instance
    if fields:
        body["invalidParams"] = [
            {"name": name, "code": item["code"], "reason": item["message"]}
            for name, items in fields.items()
            for item in items
        ]
    body["message"] = detail  # deprecated (one release): the former shape
    body["fields"] = fields
    return body


def _from_fields(status_code: int, fields: dict[str, list[dict]], request=None, **fallback) -> dict:
    first = next((items[0] for items in fields.values() if items), None)
    return problem(
        status_code,
        code=first["code"] if first else fallback.get("code", "invalid"),
        detail=first["message"] if first else fallback.get("detail", "Ongeldige invoer."),
        fields=fields,
        instance=request.path if request is not None else None,
    )


def problem_response(request, status_code: int, *, code: str, detail: str) -> JsonResponse:
    """A problem-details response outside DRF (Django's 404/500 handlers under /api/)."""
    body = problem(status_code, code=code, detail=detail, instance=request.path)
    return JsonResponse(body, status=status_code, content_type=PROBLEM_CONTENT_TYPE)


def exception_handler(exc, context):
    request = context.get("request")
    if isinstance(exc, RuleViolation):
        fields = {exc.field or "non_field_errors": [{"message": exc.message, "code": exc.code}]}
        body = _from_fields(400, fields, request)
        return Response(body, status=status.HTTP_400_BAD_REQUEST, content_type=PROBLEM_CONTENT_TYPE)
    if isinstance(exc, DjangoValidationError):
        body = _from_fields(400, django_error_fields(exc), request)
        return Response(body, status=status.HTTP_400_BAD_REQUEST, content_type=PROBLEM_CONTENT_TYPE)
    if isinstance(exc, Http404):  # Django's get_object_or_404 speaks English ("No Client matches …")
        exc = exceptions.NotFound(NOT_FOUND_DETAIL)
    elif isinstance(exc, DjangoPermissionDenied) and not exc.args:
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        body = _from_fields(response.status_code, _flatten(exc.detail), request)
    else:
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else response.data
        code = getattr(detail, "code", None) or getattr(exc, "default_code", "error")
        body = problem(
            response.status_code,
            code=code,
            detail=str(detail),
            instance=request.path if request is not None else None,
        )
    response.data = body
    response.content_type = PROBLEM_CONTENT_TYPE
    return response
