"""Licence and citation: CITATION.cff is valid Citation File Format, and the release it names is
the one the data package carries; the licences cover the code and the data, not the articles."""

from __future__ import annotations

import json
import tomllib

import pytest
import yaml

from conftest import REPO

pytestmark = pytest.mark.acceptance

CFF_SCHEMA = REPO / ".venv/cff/schema.json"  # `make test` fetches it (Makefile: CFF_SCHEMA)


def _citation() -> dict:
    return yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))


def test_citation_cff_is_valid():
    import jsonschema

    if not CFF_SCHEMA.exists():
        pytest.fail(f"{CFF_SCHEMA} is missing: `make .venv/cff/schema.json` (make test does it)")
    schema = json.loads(CFF_SCHEMA.read_text(encoding="utf-8"))
    citation = _citation()
    # YAML reads an unquoted date as a date; CFF's schema wants the string.
    citation = json.loads(json.dumps(citation, default=str))
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(citation), key=str)
    assert errors == [], [e.message for e in errors]


def test_one_release_version_everywhere():
    from factcheck.site.downloads import datapackage
    from factcheck.site.project import release_version

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert _citation()["version"] == project == release_version() == datapackage([])["version"]


def test_the_data_package_names_its_licence():
    from factcheck.site.downloads import datapackage

    (licence,) = datapackage([])["licenses"]
    assert licence["name"] == "CC-BY-4.0" == _citation()["license"]
    assert licence["path"].startswith("https://creativecommons.org/licenses/by/4.0")


def test_the_licences_cover_code_and_data_and_not_the_articles():
    code = (REPO / "LICENSE").read_text(encoding="utf-8")
    data = (REPO / "LICENSE-DATA.md").read_text(encoding="utf-8")
    assert code.startswith("MIT License")
    assert "CC BY 4.0" in data and "seeds/" in data and "copyright of\ntheir publishers" in data
