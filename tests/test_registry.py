"""Meanings live in the data: a new kind of record is a registry entry and a schema, a new
resolution type an enum value and its labels. Each test makes the change in a copy of the
repository, with the installed code untouched, and shows git that nothing else changed."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import codes_at, line_of, run, write
from factcheck import check
from factcheck.site.build import generate

pytestmark = pytest.mark.acceptance

DOSSIER_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "urn:factcheck:schema:dossier",
    "title": "Dossier",
    "description": "A file of claims on one question, opened and closed on given dates.",
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "title", "about", "opened"],
    "properties": {
        "id": {"$ref": "urn:factcheck:schema:common#/$defs/id", "description": "Its file name."},
        "title": {"$ref": "urn:factcheck:schema:common#/$defs/bilingual", "description": "Its title."},
        "about": {
            "$ref": "urn:factcheck:schema:common#/$defs/id",
            "x-references": "entity",
            "description": "The entity it is about.",
        },
        "opened": {"$ref": "urn:factcheck:schema:common#/$defs/date", "description": "When it was opened."},
        "closed": {
            "$ref": "urn:factcheck:schema:common#/$defs/date",
            "x-not-before": "opened",
            "description": "When it was closed.",
        },
        "claims": {
            "type": "array",
            "items": {"$ref": "urn:factcheck:schema:common#/$defs/id", "x-references": "claim"},
            "description": "Its claims.",
        },
    },
}

DOSSIER = """\
closed: '2020-11'
id: d-ceasefire
title:
  en: The ceasefire
  ar: وقف إطلاق النار
about: ceasefire-agreement-2020
opened: '2020-10-23'
claims:
- c-001-902
"""


def _changed(root: Path) -> list[str]:
    out = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    return sorted(line[3:] for line in out.splitlines())


@pytest.fixture
def with_dossiers(copy) -> Path:
    """The repository with a new kind, `dossier`: a registry entry, a schema and one record."""
    registry = json.loads((copy / "schema/kinds.json").read_text(encoding="utf-8"))
    registry["kinds"].append(
        {
            "name": "dossier",
            "folder": "dossiers",
            "label": {"ar": "ملف", "en": "Dossier"},
            "plural": {"ar": "الملفات", "en": "Dossiers"},
            "title": "title",
            "page": "record",
        }
    )
    write(copy, "schema/kinds.json", json.dumps(registry, ensure_ascii=False, indent=2))
    write(copy, "schema/dossier.schema.json", json.dumps(DOSSIER_SCHEMA, ensure_ascii=False, indent=2))
    write(copy, "facts/dossiers/d-ceasefire.yaml", DOSSIER.replace("c-001-902", "c-000-001"))
    return copy


def test_a_new_kind_needs_only_its_registry_entry_and_schema(with_dossiers):
    root = with_dossiers
    assert _changed(root) == ["facts/dossiers/d-ceasefire.yaml", "schema/dossier.schema.json", "schema/kinds.json"]
    status, out = run(root, "validate")
    assert status == 0 and out.endswith(" files checked: no problems.\n"), out
    dataset = check(root).dataset
    assert list(dataset.records["dossier"]) == ["d-ceasefire"]

    # `fmt` puts its keys in the order of its schema.
    assert run(root, "fmt")[0] == 0
    assert (root / "facts/dossiers/d-ceasefire.yaml").read_text(encoding="utf-8").startswith("id: d-ceasefire\ntitle:")

    # Exports and the site: a JSON file, an index and a page per record in both languages.
    assert run(root, "export", str(root / "out"))[0] == 0
    assert (
        json.loads((root / "out/dossiers.json").read_text(encoding="utf-8"))[0]["about"] == "ceasefire-agreement-2020"
    )
    docs = root / "docs"
    generate(root, docs)
    page = (docs / "dossiers/d-ceasefire.md").read_text(encoding="utf-8")
    assert "وقف إطلاق النار" in page and "ceasefire-agreement-2020" in page
    assert "The ceasefire" in (docs / "dossiers/d-ceasefire.en.md").read_text(encoding="utf-8")
    assert "الملفات" in (docs / "dossiers/index.md").read_text(encoding="utf-8")
    assert "dossiers.json" in (docs / "downloads.en.md").read_text(encoding="utf-8")


def test_a_new_kinds_references_and_dates_are_checked_from_its_schema(with_dossiers):
    text = (
        DOSSIER.replace("ceasefire-agreement-2020", "nobody")
        .replace("'2020-11'", "'2020-09'")
        .replace("c-001-902", "c-999-999")
    )
    write(with_dossiers, "facts/dossiers/d-ceasefire.yaml", text)
    status, out = run(with_dossiers, "validate")
    rel = "facts/dossiers/d-ceasefire.yaml"
    assert status == 1
    assert sorted(codes_at(out)) == sorted(
        [
            (rel, line_of(text, "about:"), "FC203"),
            (rel, line_of(text, "- c-999-999"), "FC203"),
            (rel, line_of(text, "closed:"), "FC111"),
        ]
    )


DOSSIER_KIND = {
    "name": "dossier",
    "folder": "dossiers",
    "label": {"ar": "ملف", "en": "Dossier"},
    "plural": {"ar": "الملفات", "en": "Dossiers"},
    "title": "title",
}


@pytest.mark.parametrize(
    "change, message",
    [
        pytest.param({}, "kind 'dossier' has no schema dossier.schema.json", id="no schema"),
        pytest.param(
            {"folder": "../../escaped"}, "`folder` '../../escaped' is not a plain name", id="folder is a path"
        ),
        pytest.param({"name": "notes.yaml"}, "`name` 'notes.yaml' is not a plain name", id="name is a file name"),
        pytest.param(
            {"label": {"ar": "ملف"}}, "`label` needs non-empty `ar` and `en` texts", id="label in one language"
        ),
        pytest.param({"page": "gallery"}, "page 'gallery' is not one of", id="unknown page"),
    ],
)
def test_a_broken_registry_entry_is_refused_naming_the_fix(copy, capsys, change, message):
    registry = json.loads((copy / "schema/kinds.json").read_text(encoding="utf-8"))
    registry["kinds"].append({**DOSSIER_KIND, **change})
    write(copy, "schema/kinds.json", json.dumps(registry, ensure_ascii=False))
    assert run(copy, "validate")[0] == 2
    assert message in capsys.readouterr().err
    assert not (copy / "escaped").exists() and not (copy.parent / "escaped").exists()


def test_a_new_resolution_type_needs_only_the_schema(copy):
    path = copy / "schema/contradiction.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    resolution = schema["properties"]["resolution"]
    resolution["enum"].append("outdated-source")
    resolution["x-labels"]["outdated-source"] = {
        "ar": "مصدر متقادم",
        "en": "Outdated source",
        "priority": 0,
        "about": "claims",
        "description": {
            "ar": "كتب المصدر قبل أن تتغير الوقائع.",
            "en": "The source was written before the facts changed.",
        },
    }
    write(copy, "schema/contradiction.schema.json", json.dumps(schema, ensure_ascii=False, indent=2))
    record = yaml.safe_load((copy / "facts/contradictions/x-tunis-tunisia.yaml").read_text(encoding="utf-8"))
    record["id"], record["resolution"], record["detected_by"] = "x-outdated", "outdated-source", "manual"
    write(copy, "facts/contradictions/x-outdated.yaml", yaml.safe_dump(record, allow_unicode=True, sort_keys=False))
    assert _changed(copy) == ["facts/contradictions/x-outdated.yaml", "schema/contradiction.schema.json"]

    assert run(copy, "validate")[0] == 0
    status, report = run(copy, "report")
    assert status == 0 and "outdated-source 1" in report
    docs = copy / "docs"
    generate(copy, docs)
    index = (docs / "contradictions/index.en.md").read_text(encoding="utf-8")
    assert "Outdated source" in index
    # Priority 0 comes before every other type: the new contradiction is read first.
    assert index.index("x-outdated/") < index.index("x-tunis-tunisia/")
    assert "Outdated source" in (docs / "reference.en.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "schema, edit, message",
    [
        pytest.param("source", lambda text: "{ bad", "source.schema.json: cannot read it as JSON", id="not JSON"),
        pytest.param("source", lambda text: "[]", "a schema is a JSON object with an `$id`", id="a list"),
        pytest.param("source", lambda text: text.replace('"$id"', '"id"', 1), "a schema is a JSON object", id="no $id"),
        pytest.param(
            "source",
            lambda text: text.replace('"type": "object"', '"type": "bogus"', 1),
            "source.schema.json: not a valid JSON Schema",
            id="not JSON Schema",
        ),
        pytest.param(
            "claim",
            lambda text: text.replace('"x-references": "entity"', '"x-references": "widget"', 1),
            "claim.schema.json: x-references 'widget' at subject",
            id="a reference to an unregistered kind",
        ),
        pytest.param(
            "source",
            lambda text: text.replace('"x-quote": "passage"', '"x-quote": "citation"', 1),
            "source.schema.json: x-quote 'citation' at uncovered.*",
            id="an unknown quote role",
        ),
    ],
)
def test_a_broken_schema_is_a_usage_error_naming_the_file(copy, capsys, schema, edit, message):
    """Every kind brings a schema: one that cannot be used stops the run with the fix, never a traceback."""
    path = copy / f"schema/{schema}.schema.json"
    write(copy, f"schema/{schema}.schema.json", edit(path.read_text(encoding="utf-8")))
    assert run(copy, "validate")[0] == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err, err
