"""Hostile records: each is refused with its file, line and code, and none crashes the tool.

(`pytest --durations` shows the time of each; the benchmark, not a timed test, watches speed.)
"""

from __future__ import annotations

import json
import os

import pytest

from conftest import claim_text, codes_at, line_of, run, write

pytestmark = pytest.mark.acceptance

CLAIM = "facts/claims/c-001-902.yaml"
BASE = claim_text()
APPENDED = BASE.count("\n") + 1  # the line a case adds at the end of the record


def bomb() -> str:
    text = "id: c-001-902\na: &a ['x','x','x','x','x','x','x','x','x']\n"
    for i in range(1, 12):
        text += f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join(["*" + chr(96 + i)] * 9) + "]\n"
    return text


CASES = {
    "alias bomb": (bomb(), "FC004", 2),
    "anchor": (BASE.replace("id: c-001-902", "id: &x c-001-902"), "FC004", 1),
    "deep flow nesting": ("id: c-001-902\nx: " + "[" * 50_000 + "]" * 50_000 + "\n", "FC011", 1),
    "deep block nesting": (
        "id: c-001-902\n" + "".join(" " * i + f"k{i}:\n" for i in range(60)) + " " * 60 + "v: 1\n",
        "FC011",
        34,
    ),
    "huge scalar": (BASE.replace("en: The ceasefire", "en: " + "x" * 100_000 + " The ceasefire"), "FC105", 4),
    "huge file": (BASE + "#" + "x" * 400_000 + "\n", "FC005", 1),
    "python tag": (BASE + "x: !!python/object/apply:os.system ['true']\n", "FC003", APPENDED),
    "custom tag": (BASE.replace("rating: single-source", "rating: !vote single-source"), "FC003", "!vote"),
    "binary tag": (BASE + "x: !!binary aGk=\n", "FC003", APPENDED),
    "int tag on text": (BASE + "x: !!int abc\n", "FC003", APPENDED),
    "bool tag on yes": (BASE + "x: !!bool yes\n", "FC003", APPENDED),
    "duplicate key at the top": (BASE + "id: again\n", "FC002", APPENDED),
    "duplicate key in a mapping": (BASE.replace("  ar: وُقّع", "  en: twice\n  ar: وُقّع"), "FC002", "  en: The"),
    "duplicate key in a list item": (
        BASE.replace("  paragraph: 7", "  paragraph: 7\n  paragraph: 8"),
        "FC002",
        "paragraph: 8",
    ),
    "duplicate key three deep": (
        BASE.replace("    en: Reported", "    en: once\n    en: Reported"),
        "FC002",
        "    en: Reported",
    ),
    "NUL byte": (BASE.replace("property: signed", "property: sig\x00ned"), "FC007", 6),
    "bell character": (BASE.replace("property: signed", "property: sig\x07ned"), "FC007", 6),
    "CRLF line ends": (BASE.replace("\n", "\r\n"), "FC007", 1),
    "bidi override in a quote": (BASE.replace("quote: اتفاق", "quote: \u202eاتفاق"), "FC007", 12),
    "bidi isolate in a name": (BASE.replace("en: The ceasefire", "en: The \u2066ceasefire"), "FC007", 4),
    "zero-width joiner": (BASE.replace("ar: وُقّع", "ar: وُ\u200dقّع"), "FC007", 3),
    "right-to-left mark": (BASE.replace("ar: وُقّع", "ar: \u200fوُقّع"), "FC007", 3),
    "id with a slash": (BASE.replace("id: c-001-902", "id: c-001/902"), "FC104", 1),
    "id with dots": (BASE.replace("id: c-001-902", "id: ../../etc"), "FC104", 1),
    "several documents": (BASE + "---\nid: other\n", "FC001", None),
    "empty file": ("", "FC008", 1),
    "a list, not a record": ("- a\n- b\n", "FC008", 1),
    "a key that is a number": (BASE + "7: seven\n", "FC009", APPENDED),
    "tabs for indentation": (BASE.replace("  ar: وُقّع", "\tar: وُقّع"), "FC001", None),
}


@pytest.mark.parametrize("name", CASES)
def test_hostile_text_is_refused_with_code_and_line(repo, name):
    text, code, line = CASES[name]
    write(repo, CLAIM, text)
    status, out = run(repo, "validate", "--format", "json")
    findings = [f for f in json.loads(out)["findings"] if f["path"] == CLAIM]
    assert status == 1
    assert code in {f["code"] for f in findings}, findings
    if isinstance(line, str):  # the line holding this text
        line = text[: text.index(line)].count("\n") + 1
    if line is not None:
        assert any(f["code"] == code and f["line"] == line for f in findings), findings


@pytest.mark.parametrize(
    "raw, problem",
    [
        ("é".encode("latin-1"), "not UTF-8"),
        (BASE.encode("utf-16"), "UTF-16"),
        (b"\xef\xbb\xbf" + BASE.encode("utf-8"), "byte-order mark"),
    ],
)
def test_hostile_bytes_are_refused(repo, raw, problem):
    write(repo, CLAIM, raw)
    status, out = run(repo, "validate")
    assert status == 1 and "FC006" in out and problem in out


def test_thousands_of_bad_files_are_each_reported(repo):
    for i in range(2000):
        write(repo, f"facts/claims/bad/c-900-{i:04d}.yaml", f"id: c-900-{i:04d}\nid: twice\n")
    status, out = run(repo, "validate", "--format", "json")
    doc = json.loads(out)
    assert status == 1 and doc["summary"]["errors"] == 2000


@pytest.mark.parametrize("file", ["seeds/../README.md", "/etc/passwd", "seeds/x.txt\n"])
def test_source_files_outside_seeds_are_refused(repo, file):
    """The schema's pattern refuses each path (FC104), so no file outside seeds/ is ever opened (no FC304)."""
    src = repo / "facts/sources/src-004.yaml"
    text = src.read_text(encoding="utf-8").replace("file: seeds/004_638a8e7db8bfb0a6.txt", f"file: {json.dumps(file)}")
    src.write_text(text, encoding="utf-8")
    status, out = run(repo, "validate")
    assert status == 1
    assert codes_at(out) == [("facts/sources/src-004.yaml", line_of(text, "file:"), "FC104")], out


def test_a_symlink_out_of_seeds_is_refused(repo, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("not an article\n", encoding="utf-8")
    os.symlink(secret, repo / "seeds/link.txt")
    src = repo / "facts/sources/src-004.yaml"
    src.write_text(
        src.read_text(encoding="utf-8").replace("seeds/004_638a8e7db8bfb0a6.txt", "seeds/link.txt"), encoding="utf-8"
    )
    status, out = run(repo, "validate")
    assert status == 1 and "FC304" in out and "outside seeds/" in out


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<b>x</b>",
        'https://example.com/"><script>alert(1)</script>',
        "ftp://example.com/a",
    ],
)
def test_urls_other_than_http_are_refused(repo, url):
    src = repo / "facts/sources/src-004.yaml"
    src.write_text(
        src.read_text(encoding="utf-8").replace("language: ar\n", f"language: ar\nurl: {json.dumps(url)}\n"),
        encoding="utf-8",
    )
    status, out = run(repo, "validate")
    assert status == 1 and "FC104" in out


def test_an_http_url_is_accepted(repo):
    src = repo / "facts/sources/src-004.yaml"
    src.write_text(
        src.read_text(encoding="utf-8").replace("language: ar\n", "language: ar\nurl: https://example.org/a?b=c\n"),
        encoding="utf-8",
    )
    assert run(repo, "validate")[0] == 0
