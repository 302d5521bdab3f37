"""Every refusal code a rule raises is in its app's catalogue (``<app>/error_codes.py``), and a code means one
thing across the product: the API returns it in ``code``."""

from __future__ import annotations

import ast
import importlib
from itertools import combinations
from pathlib import Path

import pytest

# app package -> packages inside it that keep their own catalogue
APPS = {
    "cases": ("srt",),
    "srt": (),
    "participation": (),
    "tegenprestatie": (),
    "bijstand": (),
    "budget": (),
}
# helpers that build a RuleViolation from a code passed to them: name -> position of the code argument
CODE_FACTORIES = {"RuleViolation": 0, "_min_age": 1, "_requires": 1}
# Codes that two apps already return with their own meaning. Renaming them would change the API for its clients;
# no code joins this list.
SHARED_CODES = {
    "bedrag_negatief",
    "bedrag_te_groot",
    "datum_toekomst",
    "geboortedatum_kind_verplicht",
    "groep_niet_toegestaan",
    "maandbedrag_verplicht",
    "reden_verplicht",
    "uren_ongeldig",
}


def _package_dir(package: str) -> Path:
    return Path(importlib.import_module(package).__file__).parent


def codes_raised(package: str) -> set[str]:
    root = _package_dir(package)
    skip = [_package_dir(sub) for sub in APPS[package]]
    found: set[str] = set()
    for path in root.rglob("*.py"):
        if "migrations" in path.parts or any(path.is_relative_to(s) for s in skip):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            position = CODE_FACTORIES.get(name)
            if position is None:
                continue
            code = node.args[position] if len(node.args) > position else None
            if code is None:
                code = next((k.value for k in node.keywords if k.arg == "code"), None)
            if isinstance(code, ast.Constant) and isinstance(code.value, str):
                found.add(code.value)
    return found


def catalogue(package: str) -> dict[str, str]:
    return importlib.import_module(f"{package}.error_codes").ERROR_CODES


@pytest.mark.parametrize("package", APPS)
def test_every_code_a_rule_raises_is_in_the_catalogue(package):
    assert sorted(codes_raised(package) - catalogue(package).keys()) == []


@pytest.mark.parametrize("package", APPS)
def test_the_catalogue_lists_no_code_that_is_no_longer_raised(package):
    assert sorted(catalogue(package).keys() - codes_raised(package)) == []


@pytest.mark.parametrize("package", APPS)
def test_every_code_is_described_in_dutch(package):
    assert all(description.strip() for description in catalogue(package).values())


def test_a_code_belongs_to_one_app():
    shared = set()
    for a, b in combinations(APPS, 2):
        shared |= catalogue(a).keys() & catalogue(b).keys()
    assert shared == SHARED_CODES
