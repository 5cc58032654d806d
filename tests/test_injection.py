"""Injection: a payload in every text field that reaches the site is shown as text, never run.

The payload carries script tags, event-handler attributes, a javascript: Markdown link, a raw HTML
block, attribute-list syntax and template syntax. The site is built from records holding it, and a
real browser (with the site's Content-Security-Policy) must show it literally and run none of it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest

from conftest import REPO, Visit, make_repo, serve

pytestmark = pytest.mark.browser

PAYLOAD = (
    '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> '
    '[x](javascript:window.__pwned=3){: onclick="window.__pwned=4" } {{ config.site_name }} {% raw %} '
    '<div onmouseover="window.__pwned=5">raw</div> &amp; </textarea></title>'
)
BI = {"ar": "نص " + PAYLOAD, "en": "Text " + PAYLOAD}
VALUE = {"ar": "قيمة " + PAYLOAD, "en": "Value " + PAYLOAD}  # not the entity's name (FC207)
REASONING = {"ar": BI["ar"] + " x-payload", "en": BI["en"] + " x-payload"}  # names its record (FC208)


def _dump(path, data):
    """Write a record in the project's own layout (safe_dump would anchor the repeated payload)."""
    from factcheck.fmt import render
    from factcheck.schemas import Schemas

    schemas = Schemas(REPO / "schema")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(data, schemas.kinds.by_folder(path.parent.name).name, schemas), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = make_repo(tmp_path_factory.mktemp("hostile"))
    # The headline is shown, so it is a line of the article, as FC309 asks.
    article = ("سطر أول.\n" + "قال المتحدث " + PAYLOAD + " في بيان.\n" + BI["ar"] + "\n").encode("utf-8")
    (root / "seeds/900_payload.txt").write_bytes(article)
    _dump(
        root / "facts/sources/src-900.yaml",
        {
            "id": "src-900",
            "file": "seeds/900_payload.txt",
            "sha256": hashlib.sha256(article).hexdigest(),
            "language": "ar",
            "url": "https://example.org/a?b=1&c=2",
            "outlet": {"shown": True, "as_shown": PAYLOAD, "name": BI},
            "title": {"shown": True, "text": BI},
            "published": {"basis": "inferred", "date": "2020", "reason": BI},
            "page_chrome": [{"paragraph": 1, "what": BI}],
            "notes": BI,
            "editor_note": BI,
        },
    )
    _dump(
        root / "facts/properties/x-payload.yaml",
        {"id": "x-payload", "label": BI, "description": BI, "value_type": "text"},
    )
    _dump(
        root / "facts/entities/x-payload.yaml",
        {
            "id": "x-payload",
            "type": "person",
            "name": BI,
            "aliases": [{"text": PAYLOAD, "lang": "ar", "kind": "error", "source": "src-900", "note": BI}],
            "description": BI,
            "editor_note": BI,
        },
    )
    _dump(
        root / "facts/claims/c-900-001.yaml",
        {
            "id": "c-900-001",
            "statement": BI,
            "subject": "x-payload",
            "property": "x-payload",
            "value": {"text": VALUE},
            "time": {"point": "2020", "basis": "inferred", "as_written": PAYLOAD, "reason": BI},
            "evidence": [
                {
                    "source": "src-900",
                    "quote": "قال المتحدث " + PAYLOAD,
                    "translation": "The spokesman said " + PAYLOAD,
                    "paragraph": 2,
                    "stance": "supports",
                }
            ],
            "verdict": {"rating": "single-source", "reasoning": REASONING},
            "editor_note": BI,
        },
    )
    _dump(
        root / "facts/claims/c-900-002.yaml",
        {
            "id": "c-900-002",
            "statement": BI,
            "subject": "x-payload",
            "property": "x-payload",
            "value": {"text": VALUE},
            "time": {"point": "2020-05", "basis": "stated"},
            "evidence": [
                {
                    "source": "src-900",
                    "quote": "قال المتحدث … في بيان",
                    "translation": "The spokesman said … in a statement",
                    "paragraph": 2,
                    "stance": "supports",
                }
            ],
            "verdict": {"rating": "single-source", "reasoning": REASONING},
        },
    )
    _dump(
        root / "facts/contradictions/x-payload.yaml",
        {
            "id": "x-payload",
            "claims": ["c-900-001", "c-900-002"],
            "detected_by": "manual",
            "resolution": "unresolved",
            "summary": BI,
            "explanation": BI,
            "editor_note": BI,
        },
    )
    from factcheck.site.standalone import configure

    config = configure(root)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("GITHUB_REPOSITORY", None)
    proc = subprocess.run(
        [
            str(os.path.dirname(sys.executable) + "/mkdocs"),
            "build",
            "--strict",
            "-f",
            str(config),
            "-d",
            str(root / "site"),
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return root / "site"


PAGES = [
    "claims/c-900-001/",
    "entities/x-payload/",
    "sources/src-900/",
    "contradictions/x-payload/",
    "claims/",
    "timeline/",
    "reference/",
    "entities/",
]


@pytest.fixture(scope="module")
def hostile_server(hostile_site):
    with serve(hostile_site) as base:
        yield base


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("page", PAGES)
def test_payload_shows_as_text_and_never_runs(browser, hostile_server, page, lang):
    v = Visit(browser, hostile_server, lang + page)
    try:
        v.page.mouse.move(200, 300)
        v.page.mouse.move(400, 500)
        assert v.page.evaluate("window.__pwned") is None
        text = v.page.evaluate("document.body.innerText")
        assert "<script>window.__pwned=1</script>" in text
        assert v.page.locator("img[src='x']").count() == 0
        assert v.page.locator("[onmouseover], [onclick], [onerror]").count() == 0
        assert v.page.locator("a[href^='javascript:']").count() == 0
        assert v.errors == [], v.errors
        assert v.outside == [], v.outside
    finally:
        v.close()


def test_the_title_carries_the_payload_as_text(browser, hostile_server):
    v = Visit(browser, hostile_server, "en/claims/c-900-001/")
    try:
        assert "</title>" in v.page.title() and v.page.evaluate("window.__pwned") is None
    finally:
        v.close()


def test_content_security_policy_is_in_every_page(hostile_site):
    for path in hostile_site.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        assert "Content-Security-Policy" in html and "script-src 'self' 'wasm-unsafe-eval';" in html, path
