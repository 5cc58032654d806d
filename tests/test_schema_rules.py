"""Schema findings: unknown keys, wrong types, missing fields, values not allowed; and the schemas
themselves are complete, valid JSON Schema 2020-12."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from conftest import REPO, check_one, claim_text, line_of, run

pytestmark = pytest.mark.acceptance

SCHEMAS = sorted((REPO / "schema").glob("*.schema.json"))


def test_unknown_key_points_at_the_key_and_lists_allowed_keys(repo):
    text = claim_text() + "colour: red\n"
    out = check_one(repo, text, expect_code="FC101", expect_line=line_of(text, "colour"))
    assert "Allowed here:" in out and "statement" in out


def test_wrong_type(repo):
    text = claim_text().replace("  paragraph: 7", "  paragraph: seven")
    out = check_one(repo, text, expect_code="FC103", expect_line=line_of(text, "paragraph: seven"))
    assert "must be a whole number" in out


def test_missing_field_names_it_and_describes_it(repo):
    text = claim_text().replace("subject: ceasefire-agreement-2020\n", "")
    out = check_one(repo, text, expect_code="FC102", expect_line=1)
    assert "'subject'" in out and "The entity the claim is about" in out


def test_value_not_allowed_lists_the_choices(repo):
    text = claim_text().replace("rating: single-source", "rating: true-ish")
    out = check_one(repo, text, expect_code="FC104", expect_line=line_of(text, "true-ish"))
    assert "corroborated" in out


def test_inferred_time_needs_a_reason(repo):
    text = claim_text().replace("basis: stated", "basis: inferred")
    check_one(repo, text, expect_code="FC102", expect_line=line_of(text, "point:"))


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_schema_is_valid_2020_12(path):
    Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def _object_schemas(node, where=""):
    if isinstance(node, dict):
        if "properties" in node:
            yield where, node
        for key, value in node.items():
            if key not in ("if", "not"):  # conditions restate properties; they need no docs
                yield from _object_schemas(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _object_schemas(value, f"{where}/{i}")


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_schema_is_documented_and_closed(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["$id"].startswith("urn:factcheck:schema:")
    assert doc.get("description")
    if path.name != "common.schema.json":
        assert doc.get("examples"), "record schemas carry an example"
    for where, obj in _object_schemas(doc):
        if obj.get("type") == "object":
            assert obj.get("additionalProperties") is False, f"{where} must reject unknown keys"
        for name, prop in obj["properties"].items():
            assert prop.get("description"), f"{path.name}{where}/properties/{name} needs a description"


@pytest.mark.parametrize("path", [p for p in SCHEMAS if p.name != "common.schema.json"], ids=lambda p: p.name)
def test_schema_examples_validate(path, tmp_path):
    """Each record schema's own example passes the schema (references aside)."""
    from factcheck.schemas import Schemas

    schemas = Schemas(REPO / "schema")
    kind = path.name.removesuffix(".schema.json")
    for example in schemas.documents[kind]["examples"]:
        assert schemas.validate(kind, example, "example.yaml") == []


def test_every_claim_field_in_the_example_repo_validates(shared_repo):
    status, out = run(shared_repo, "validate")
    assert status == 0, out
