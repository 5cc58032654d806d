"""Every reader-facing word in the reader's language: each enumerated value of the schemas has a
label in Arabic and English, each described field an Arabic description, each finding code an
Arabic summary; `Schemas.labels` finds a field's labels through lists and shared definitions; the
reference page renders the schemas' Markdown without letting their text become markup; and, in a
real browser, no Arabic page shows a raw enumerated value or a finding code as text."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, serve
from factcheck import codes
from factcheck.kinds import RegistryError
from factcheck.schemas import Schemas
from factcheck.site.context import SiteData
from factcheck.site.reference_page import prose, reference_page

SCHEMA_DIR = REPO / "schema"
SCHEMA_FILES = sorted(SCHEMA_DIR.glob("*.schema.json"))
# Keywords whose subschemas are conditions on a value, not fields a record has.
CONDITIONS = {"if", "not", "dependentSchemas"}


def schema_nodes(node, where: str = ""):
    """(where, node) of every field-describing node of a schema document: what `properties` maps
    a name to, arrays' `items`, definitions, combinators' branches; conditions are left out, and so
    are `x-labels` and `examples`, which hold values, not schemas."""
    if isinstance(node, dict):
        yield where, node
        for key, child in node.items():
            if key in ("properties", "$defs"):
                for name, sub in child.items():
                    yield from schema_nodes(sub, f"{where}/{key}/{name}")
            elif key == "items" or key in ("allOf", "anyOf", "oneOf"):
                yield from schema_nodes(child, f"{where}/{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from schema_nodes(item, f"{where}/{i}")


def every_node():
    for path in SCHEMA_FILES:
        document = json.loads(path.read_text(encoding="utf-8"))
        for where, node in schema_nodes(document):
            yield f"{path.name}#{where or '/'}", node


ENUMS = [(where, node) for where, node in every_node() if "enum" in node]
DESCRIBED = [(where, node) for where, node in every_node() if isinstance(node.get("description"), str)]
TITLED = [(where, node) for where, node in every_node() if isinstance(node.get("title"), str)]


def enum_values() -> set[str]:
    """Every value a record may write in an enumerated field, and the words a pattern spells out
    (`manual` in `^(FC[0-9]{3}|manual)$`): what a reader should never meet as a raw word."""
    values = {str(v) for _, node in ENUMS for v in node["enum"]}
    for _, node in every_node():
        values |= set(re.findall(r"(?<=[(|])([a-z][a-z-]*)(?=[|)])", node.get("pattern", "")))
    return values


@pytest.mark.unit
def test_the_schemas_have_enumerations_to_check():
    assert len(ENUMS) >= 16 and len(DESCRIBED) >= 100


@pytest.mark.unit
@pytest.mark.parametrize("where, node", ENUMS, ids=[where for where, _ in ENUMS])
def test_every_enumerated_value_has_words_in_both_languages(where, node):
    labels = node.get("x-labels", {})
    for value in node["enum"]:
        entry = labels.get(value, {})
        for lang in ("ar", "en"):
            assert isinstance(entry.get(lang), str) and entry[lang].strip(), f"{where}: {value!r} has no {lang} label"
    assert set(labels) <= set(node["enum"]), f"{where}: labels for values it does not take"


@pytest.mark.unit
@pytest.mark.parametrize("where, node", DESCRIBED, ids=[where for where, _ in DESCRIBED])
def test_every_described_field_has_an_arabic_description(where, node):
    arabic = node.get("x-description-ar", "")
    assert isinstance(arabic, str) and re.search("[\u0600-\u06ff]", arabic), where
    # The backticks pair up (the page would show a stray one), and the identifiers are the same:
    # every code span of the English that is one word (a field, a value, a path) is in the Arabic
    # too; spans of several words (a pattern with placeholders) are worded in Arabic.
    assert arabic.count("`") % 2 == 0, where
    identifiers = {span for span in re.findall(r"`([^`]+)`", node["description"]) if not re.search(r"\s", span)}
    assert identifiers <= set(re.findall(r"`([^`]+)`", arabic)), where


@pytest.mark.unit
@pytest.mark.parametrize("where, node", TITLED, ids=[where for where, _ in TITLED])
def test_every_title_has_an_arabic_title(where, node):
    assert re.search("[\u0600-\u06ff]", node.get("x-title-ar", "")), where


@pytest.mark.unit
def test_every_finding_code_has_an_arabic_summary():
    for code in codes.CODES.values():
        assert re.search("[\u0600-\u06ff]", code.summary_ar), code.code
        assert code.summary_ar.count("`") % 2 == 0, code.code


@pytest.fixture(scope="module")
def schemas() -> Schemas:
    return Schemas(SCHEMA_DIR)


@pytest.mark.unit
@pytest.mark.parametrize(
    "kind, field, value, arabic",
    [
        ("claim", "verdict.rating", "single-source", "مصدر واحد"),
        ("entity", "aliases.kind", "spelling", "كتابة أخرى"),  # a list's items
        ("claim", "evidence.stance", "supports", "يؤيد"),
        ("claim", "time.basis", "inferred", "مستنتَج"),  # a shared definition in common.schema.json
        ("property", "subject_types", "person", "شخص"),  # a list of another schema's field
        ("source", "uncovered.reason", "page-chrome", "من واجهة الموقع"),
    ],
)
def test_labels_are_found_through_lists_and_references(schemas, kind, field, value, arabic):
    assert schemas.labels(kind, field)[value]["ar"] == arabic


@pytest.mark.unit
def test_labels_of_a_plain_field_are_empty_and_of_a_missing_one_an_error(schemas):
    assert schemas.labels("claim", "statement") == {}
    with pytest.raises(KeyError, match=re.escape("no field 'verdict.ratings'")):
        schemas.labels("claim", "verdict.ratings")


def _broken_schemas(tmp_path: Path, name: str, edit) -> Path:
    shutil.copytree(SCHEMA_DIR, tmp_path / "schema")
    path = tmp_path / "schema" / name
    document = json.loads(path.read_text(encoding="utf-8"))
    edit(document)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return tmp_path / "schema"


def _alias_kind(document: dict) -> dict:
    return document["properties"]["aliases"]["items"]["properties"]["kind"]


@pytest.mark.unit
@pytest.mark.parametrize(
    "name, edit, message",
    [
        pytest.param(
            "entity.schema.json",
            lambda d: _alias_kind(d)["enum"].append("nickname"),
            "entity.schema.json: aliases.*.kind: x-labels gives 'nickname' no words in both languages",
            id="a new value without its label",
        ),
        pytest.param(
            "entity.schema.json",
            lambda d: _alias_kind(d)["x-labels"]["spelling"].pop("en"),
            "x-labels gives 'spelling' no words in both languages",
            id="a label in one language",
        ),
        pytest.param(
            "entity.schema.json",
            lambda d: _alias_kind(d).pop("x-labels"),
            "aliases.*.kind: an enumeration needs `x-labels`",
            id="an enumeration without labels",
        ),
        pytest.param(
            "entity.schema.json",
            lambda d: _alias_kind(d)["x-labels"].update(nick={"ar": "كنية", "en": "Nickname"}),
            "x-labels names 'nick', not among the values",
            id="a label for no value",
        ),
        pytest.param(
            "common.schema.json",
            lambda d: d["$defs"]["time"]["properties"]["basis"].update({"x-description-ar": ["نص"]}),
            "common.schema.json: time.basis: x-description-ar is the Arabic text beside it",
            id="an Arabic description that is not text (in the shared definitions)",
        ),
    ],
)
def test_incomplete_labels_are_refused_naming_the_file_and_field(tmp_path, name, edit, message):
    with pytest.raises(RegistryError, match=re.escape(message)):
        Schemas(_broken_schemas(tmp_path, name, edit))


@pytest.mark.unit
def test_schema_text_is_split_at_its_code_spans():
    assert prose("Use `a<b>` or <i>x</i>, not ` alone", "en").parts == [
        ("Use ", False),
        ("a<b>", True),
        (" or <i>x</i>, not ` alone", False),
    ]


@pytest.mark.acceptance
def test_the_reference_page_renders_schema_markdown_and_never_markup_from_schema_text(real_check):
    schemas = Schemas(SCHEMA_DIR)
    statement = schemas.documents["claim"]["properties"]["statement"]
    statement["x-description-ar"] = "نص <script>alert(1)</script> و`<b>x</b>`"
    statement["description"] = "Text <img src=x onerror=alert(1)>"
    site = SiteData(real_check.dataset, schemas)
    arabic, english = reference_page(site, "ar")[1], reference_page(site, "en")[1]
    assert 'نص &lt;script&gt;alert(1)&lt;/script&gt; و<code dir="ltr">&lt;b&gt;x&lt;/b&gt;</code>' in arabic
    assert "Text &lt;img src=x onerror=alert(1)&gt;" in english
    for html in (arabic, english):
        assert "<script" not in html and "<img" not in html and "`" not in html


@pytest.mark.acceptance
def test_an_arabic_reference_page_marks_english_it_has_no_arabic_for(real_check):
    schemas = Schemas(SCHEMA_DIR)
    del schemas.documents["claim"]["properties"]["statement"]["x-description-ar"]
    html = reference_page(SiteData(real_check.dataset, schemas), "ar")[1]
    assert '<span lang="en" dir="ltr">What the source asserts' in html


# ---- in the browser: the words an Arabic reader sees

FINDING_CODE = re.compile(r"\bFC\d{3}\b")


def raw_words(text: str, words: set[str]) -> list[str]:
    """The enumerated values standing as whole words in `text` (hyphens belong to a word: the
    `source` of `single-source` is not one), and the finding codes."""
    found = [w for w in re.findall(r"[A-Za-z][A-Za-z-]*[A-Za-z]|[A-Za-z]", text) if w in words]
    return sorted(set(found + FINDING_CODE.findall(text)))


# The text a reader meets: visible text and what assistive technology reads (labels, titles,
# alternative text, SVG titles), in the header, the content and navigation, and the footer.
# On the reference page, code spans are the field names and values a contributor writes: left out.
VISIBLE_TEXT = """
(skipCode) => {
  const parts = [];
  for (const root of document.querySelectorAll("header, main, footer")) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, template")) continue;
      if (skipCode && parent.closest("code")) continue;
      const spoken = parent.closest("svg title, desc");
      if (spoken || parent.checkVisibility()) parts.push(node.data);
    }
    for (const el of root.querySelectorAll("[aria-label], [title], [alt], [placeholder]")) {
      if (skipCode && el.closest("code")) continue;
      for (const name of ["aria-label", "title", "alt", "placeholder"]) {
        if (el.hasAttribute(name)) parts.push(el.getAttribute(name));
      }
    }
  }
  return parts.join("\\n");
}
"""


def _sample(ids, count: int) -> list[str]:
    """`count` ids spread evenly over the sorted list (every one when there are fewer)."""
    ids = sorted(ids)
    step = max(1, len(ids) // count)
    return ids[::step][:count]


def arabic_pages(dataset) -> dict[str, list[str]]:
    """Paths of the Arabic site by page type: every contradiction and source, ~20 claims and entities."""
    first_entity = dataset.entities[sorted(dataset.entities)[0]].data["name"]["ar"]
    return {
        "home": [""],
        "claim": [f"claims/{cid}/" for cid in _sample(dataset.claims, 20)],
        "entity": [f"entities/{eid}/" for eid in _sample(dataset.entities, 20)],
        "source": [f"sources/{sid}/" for sid in sorted(dataset.sources)],
        "contradiction": [f"contradictions/{xid}/" for xid in sorted(dataset.contradictions)],
        "timeline": ["timeline/"],
        "claims-index": ["claims/"],
        "entities-index": ["entities/"],
        "sources-index": ["sources/"],
        "contradictions-index": ["contradictions/"],
        "downloads": ["downloads/"],
        "reference": ["reference/"],
        "search": ["search/", f"search/?q={first_entity}"],
    }


PAGE_TYPES = [
    "home",
    "claim",
    "entity",
    "source",
    "contradiction",
    "timeline",
    "claims-index",
    "entities-index",
    "sources-index",
    "contradictions-index",
    "downloads",
    "reference",
    "search",
]


@pytest.fixture(scope="module")
def arabic_reader(site_dir, browser):
    """One browser page over the served site, reused for every page visited."""
    with serve(site_dir) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()

        def read(path: str, skip_code: bool) -> str:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            assert page.locator("html").get_attribute("lang") == "ar", path
            return page.evaluate(VISIBLE_TEXT, skip_code)

        yield read
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_arabic_page_shows_a_raw_value_or_a_finding_code(arabic_reader, real_check, page_type):
    words = enum_values()
    leaks = {}
    for path in arabic_pages(real_check.dataset)[page_type]:
        found = raw_words(arabic_reader(path, skip_code=page_type == "reference"), words)
        if found:
            leaks[path or "/"] = found
    assert leaks == {}, f"raw values or codes on Arabic {page_type} pages: {leaks}"
