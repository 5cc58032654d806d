"""Schema findings: unknown keys, wrong types, missing fields, values not allowed; and the schemas
themselves are complete, valid JSON Schema 2020-12."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from conftest import REPO, check_one, claim_text, line_of, run

pytestmark = pytest.mark.acceptance

SCHEMAS = sorted((REPO / "schema").glob("*.schema.json"))


@pytest.mark.parametrize(
    "old, new, code, at, phrases",
    [
        pytest.param(
            "contradicted by none.\n",
            "contradicted by none.\ncolour: red\n",
            "FC101",
            "colour",
            ["Allowed here:", "statement"],
            id="unknown key points at the key and lists allowed keys",
        ),
        pytest.param(
            "  paragraph: 7",
            "  paragraph: seven",
            "FC103",
            "paragraph: seven",
            ["must be a whole number"],
            id="wrong type",
        ),
        pytest.param(
            "subject: ceasefire-agreement-2020\n",
            "",
            "FC102",
            1,
            ["'subject'", "The entity the claim is about"],
            id="missing field names it and describes it",
        ),
        pytest.param(
            "rating: single-source",
            "rating: true-ish",
            "FC104",
            "true-ish",
            ["corroborated"],
            id="value not allowed lists the choices",
        ),
        pytest.param("basis: stated", "basis: inferred", "FC102", "point:", [], id="inferred time needs a reason"),
        pytest.param(
            "  translation: the ceasefire agreement signed on 23 October 2020\n",
            "",
            "FC102",
            "- source: src-001",
            ["required field 'translation' is missing", "faithful English translation"],
            id="every quote carries its own translation",
        ),
    ],
)
def test_schema_finding_has_its_code_line_and_explanation(repo, old, new, code, at, phrases):
    """`at` is the line the finding points at, or a text on that line."""
    text = claim_text().replace(old, new)
    out = check_one(repo, text, expect_code=code, expect_line=at if isinstance(at, int) else line_of(text, at))
    for phrase in phrases:
        assert phrase in out


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
