"""The OpenAPI document, made to the NL API Design Rules for every endpoint, also endpoints added later.

Nothing here names an app or a view: each convention is applied to whatever the router serves.

- ``AutoSchema`` (DEFAULT_SCHEMA_CLASS): a Dutch summary when a view gives none ("Cliënten opvragen",
  "Plaatsing aanmaken", an action's first docstring sentence); pagination and filters only on GET lists
  (a POST action that answers a list answers a plain array, and is documented so).
- ``postprocess`` (POSTPROCESSING_HOOKS): lowerCamelCase query parameters (``naming.camel``, the same
  function the filter backend reads them with); every response with the ``API-Version`` header; the problem
  responses (RFC 9457, ``application/problem+json``) of every operation: 400, 401, 403, 404, 429, and 409 on
  writes, 412 where the operation takes ``If-Match``; Dutch descriptions for path identifiers and responses;
  every tag used declared with a Dutch description (``settings.API_TAGS``, else a generated one); an enum
  default outside its enum (a blank default) documented as the enum or blank, without the default.
"""

from __future__ import annotations

import re

from django.conf import settings
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.plumbing import get_view_model

from .errors import PROBLEM_CONTENT_TYPE, TITLES
from .naming import camel

SAFE = ("GET", "HEAD", "OPTIONS")
ACTION_SUMMARIES = {
    "list": "{plural} opvragen",
    "retrieve": "{singular} opvragen",
    "create": "{singular} aanmaken",
    "update": "{singular} vervangen",
    "partial_update": "{singular} wijzigen",
    "destroy": "{singular} verwijderen",
}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    match = re.match(r"(.+?[.:;])(\s|$)", text)
    sentence = (match.group(1) if match else text).rstrip(".:;")
    return sentence if len(sentence) <= 100 else sentence[:97].rstrip() + "…"


class AutoSchema(SpectacularAutoSchema):
    def get_summary(self):
        summary = super().get_summary()
        if summary:
            return summary
        action = getattr(self.view, "action", None)
        method_doc = getattr(getattr(self.view, action or "", None), "__doc__", None) or ""
        if action not in ACTION_SUMMARIES and method_doc.strip():
            return _capital(_first_sentence(method_doc))
        model = get_view_model(self.view, emit_warnings=False)
        if model is not None and action in ACTION_SUMMARIES:
            meta = model._meta
            template = ACTION_SUMMARIES[action]
            return _capital(template.format(plural=meta.verbose_name_plural, singular=meta.verbose_name))
        doc = self.get_description()
        if doc:
            return _capital(_first_sentence(doc))
        return None

    def _get_paginator(self):
        if self.method != "GET":
            return None  # DRF paginates list(); an action that answers a list answers a plain array
        return super()._get_paginator()

    def get_filter_backends(self):
        if self.method != "GET":
            return []
        return super().get_filter_backends()


# --- postprocessing --------------------------------------------------------------------------------------

METHODS = ("get", "put", "post", "patch", "delete", "head", "options", "trace")
RESPONSE_DESCRIPTIONS = {
    "200": "Gelukt.",
    "201": "Aangemaakt.",
    "204": "Gelukt, zonder inhoud.",
    "400": "Ongeldig verzoek: een parameter of het bericht klopt niet; `invalidParams` noemt elk veld "
    "met zijn code en reden.",
    "401": "Niet geauthenticeerd: geen, een ongeldig, verlopen of ingetrokken token.",
    "403": "Geen toegang: de rol of de scopes van het token staan dit niet toe (code `scope_ontbreekt` "
    "of `permission_denied`).",
    "404": "Niet gevonden, of niet zichtbaar voor deze gebruiker.",
    "409": "Conflict met de huidige toestand van de resource.",
    "412": "Voorwaarde niet vervuld: de versie in `If-Match` is niet (meer) de huidige.",
    "429": "Te veel verzoeken; probeer het later opnieuw (zie `Retry-After`).",
}
VERSION_HEADER = {
    "description": "De volledige versie van de API (semantic versioning).",
    "schema": {"type": "string", "example": "1.0.0"},
}
PATH_ID = re.compile(r"^A unique (?:integer )?value identifying this (.+)\.$")


def _problem_schemas() -> dict:
    return {
        "Problem": {
            "type": "object",
            "description": "Een fout volgens RFC 9457 (problem details), met de vaste `code` en de Nederlandse "
            "tekst. `message` en `fields` zijn verouderd (één release nog aanwezig).",
            "required": ["type", "title", "status", "detail", "code"],
            "properties": {
                "type": {
                    "type": "string",
                    "description": "URI van het soort probleem: `urn:almelo-sociaal:probleem:<code>`.",
                    "example": "urn:almelo-sociaal:probleem:not_found",
                },
                "title": {
                    "type": "string",
                    "description": "Korte titel van de HTTP-status, in het Nederlands.",
                },
                "status": {"type": "integer", "description": "De HTTP-statuscode.", "example": 404},
                "detail": {"type": "string", "description": "Wat er mis is, in het Nederlands."},
                "instance": {"type": "string", "description": "Het pad van het verzoek."},
                "code": {"type": "string", "description": "Vaste foutcode (de codecatalogus van de app)."},
                "invalidParams": {
                    "type": "array",
                    "description": "Eén regel per fout in een veld of parameter.",
                    "items": {"$ref": "#/components/schemas/InvalidParam"},
                },
                "message": {
                    "type": "string",
                    "deprecated": True,
                    "description": "Verouderd: gelijk aan `detail`.",
                },
                "fields": {
                    "type": "object",
                    "deprecated": True,
                    "description": "Verouderd: de fouten per veld in de vorige vorm; gebruik `invalidParams`.",
                    "additionalProperties": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {"message": {"type": "string"}, "code": {"type": "string"}},
                        },
                    },
                },
            },
        },
        "InvalidParam": {
            "type": "object",
            "required": ["name", "code", "reason"],
            "properties": {
                "name": {"type": "string", "description": "Het veld, genest als `rows.0.hours`."},
                "code": {"type": "string", "description": "Vaste foutcode."},
                "reason": {"type": "string", "description": "De reden, in het Nederlands."},
            },
        },
    }


def _problem_response(status: str) -> dict:
    return {
        "description": RESPONSE_DESCRIPTIONS.get(status) or TITLES.get(int(status), "Fout") + ".",
        "content": {PROBLEM_CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def _is_public(operation: dict) -> bool:
    security = operation.get("security")
    return not security or all(not requirement for requirement in security)


def _error_statuses(method: str, operation: dict) -> list[str]:
    statuses = ["400", "404", "429"]
    if not _is_public(operation):
        statuses += ["401", "403"]
    if method not in ("get", "head", "options"):
        statuses.append("409")
    if any(
        p.get("in") == "header" and p.get("name", "").lower() == "if-match"
        for p in operation.get("parameters", [])
    ):
        statuses.append("412")
    return sorted(statuses)


def _fix_enum_defaults(schemas: dict) -> None:
    """``allOf: [$ref Enum], default: ''`` with '' outside the enum (a blank default of a choice field):
    generators refuse it (openapi-python-client drops the operation). Document it as the enum or blank."""
    used_blank = False
    for component in schemas.values():
        for prop in (component.get("properties") or {}).values():
            refs = prop.get("allOf")
            if not refs or len(refs) != 1 or "default" not in prop:
                continue
            name = refs[0].get("$ref", "").rsplit("/", 1)[-1]
            enum = schemas.get(name, {}).get("enum")
            if enum is None or prop["default"] in enum:
                continue
            if prop["default"] == "":
                del prop["allOf"]
                prop["oneOf"] = [
                    {"$ref": f"#/components/schemas/{name}"},
                    {"$ref": "#/components/schemas/BlankEnum"},
                ]
                used_blank = True
            del prop["default"]
    if used_blank and "BlankEnum" not in schemas:
        schemas["BlankEnum"] = {"enum": [""]}


def _scopes_outside_security(operation: dict, schemes: dict) -> None:
    """OpenAPI 3.0 allows scopes in a security requirement only for OAuth2/OpenID Connect; our token is a
    bearer token with scopes of its own. The scopes an operation needs move to ``x-scopes`` and the
    description; the requirement stays (empty)."""
    needed: list[str] = []
    for requirement in operation.get("security", []):
        for name, scopes in requirement.items():
            if scopes and schemes.get(name, {}).get("type") not in ("oauth2", "openIdConnect"):
                needed += [scope for scope in scopes if scope not in needed]
                requirement[name] = []
    if needed:
        operation["x-scopes"] = needed
        line = "Scope van het API-token: " + ", ".join(f"`{scope}`" for scope in needed) + "."
        operation["description"] = (
            f"{operation['description']}\n\n{line}" if operation.get("description") else line
        )


def _tag_description(name: str) -> str:
    return settings.API_TAGS.get(name) or f"Bewerkingen op de resources onder `/{name}`."


def postprocess(result, generator, request, public):
    components = result.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas.update(_problem_schemas())
    _fix_enum_defaults(schemas)
    used_tags: list[str] = []
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in METHODS:
                continue
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query":
                    parameter["name"] = camel(parameter["name"])
                    parameter.setdefault("description", "")
                    if not parameter["description"]:
                        parameter["description"] = f"Filter op `{parameter['name']}`."
                match = PATH_ID.match(parameter.get("description", ""))
                if parameter.get("in") == "path" and match:
                    parameter["description"] = f"De identificatie van de/het {match.group(1)}."
            _scopes_outside_security(operation, components.get("securitySchemes", {}))
            responses = operation.setdefault("responses", {})
            for status in _error_statuses(method, operation):
                responses.setdefault(status, _problem_response(status))
            for status, response in responses.items():
                if not response.get("description"):
                    response["description"] = RESPONSE_DESCRIPTIONS.get(status, "Antwoord.")
                if status.startswith(("4", "5")):
                    content = response.get("content") or {}
                    if PROBLEM_CONTENT_TYPE not in content:
                        response["content"] = {
                            PROBLEM_CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}
                        }
                response.setdefault("headers", {})["API-Version"] = VERSION_HEADER
            for tag in operation.get("tags", []):
                if tag not in used_tags:
                    used_tags.append(tag)
    declared = {tag["name"]: tag for tag in result.get("tags", [])}
    result["tags"] = [
        declared.get(name) or {"name": name, "description": _tag_description(name)}
        for name in sorted(used_tags)
    ]
    return result
