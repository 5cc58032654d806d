"""The strict loader: every kind of bad YAML is rejected with its code and line, none crashes."""

from __future__ import annotations

import pytest

from conftest import CLAIM, check_one, claim_text, codes_at, line_of, run, write
from factcheck.loader import MAX_FILE_BYTES, LoadError, parse_text


@pytest.mark.acceptance
@pytest.mark.parametrize(
    "first, second",
    [
        pytest.param("property: signed", "property: held-in", id="top-level"),
        pytest.param("  basis: stated", "  basis: inferred", id="nested"),
    ],
)
def test_duplicate_key_is_rejected_with_the_second_key_line(repo, first, second):
    text = claim_text().replace(f"{first}\n", f"{first}\n{second}\n")
    out = check_one(repo, text, expect_code="FC002", expect_line=line_of(text, second))
    assert f"first on line {line_of(text, first)}" in out


@pytest.mark.acceptance
def test_syntax_error_has_a_line(repo):
    text = claim_text().replace("  point: '2020-10-23'", "  point: '2020-10-23")
    check_one(repo, text, expect_code="FC001")


@pytest.mark.acceptance
def test_python_tag_is_rejected(repo):
    text = claim_text() + "x: !!python/object/apply:os.system ['echo pwned']\n"
    out = check_one(repo, text, expect_code="FC003", expect_line=line_of(text, "x: !!python"))
    assert "python/object" in out


@pytest.mark.unit
@pytest.mark.parametrize("tag", ["!!binary aGVsbG8=", "!!timestamp 2020-10-23", "!custom x", "!!set {a: null}"])
def test_other_tags_are_rejected(tag):
    with pytest.raises(LoadError) as exc:
        parse_text(f"id: x\nv: {tag}\n", "f.yaml")
    assert exc.value.finding.code == "FC003"


@pytest.mark.acceptance
def test_alias_bomb_is_rejected_without_expanding(repo):
    bomb = "id: c-001-902\na: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n"
    for i in range(1, 9):
        bomb += f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join(["*" + chr(96 + i)] * 9) + "]\n"
    out = check_one(repo, bomb, expect_code="FC004", expect_line=2)
    assert "anchor 'a'" in out


@pytest.mark.acceptance
def test_oversize_file_is_rejected(repo):
    text = claim_text() + "# " + "x" * MAX_FILE_BYTES + "\n"
    check_one(repo, text, expect_code="FC005", expect_line=1)


@pytest.mark.acceptance
def test_non_utf8_file_is_rejected_with_its_line(repo):
    text = claim_text()
    write(repo, CLAIM, text.encode("utf-8").replace(b"basis: stated", b"basis: st\xe9ted"))
    status, out = run(repo, "validate")
    assert status == 1
    assert (CLAIM, line_of(text, "basis: stated"), "FC006") in codes_at(out)


@pytest.mark.acceptance
@pytest.mark.parametrize("prefix, problem", [(b"\xef\xbb\xbf", "byte-order mark"), (b"\xff\xfe", "UTF-16")])
def test_bom_and_utf16_are_rejected(repo, prefix, problem):
    write(repo, CLAIM, prefix + claim_text().encode("utf-8"))
    status, out = run(repo, "validate")
    assert status == 1 and "FC006" in out and problem in out


@pytest.mark.acceptance
def test_bidi_override_is_rejected(repo):
    text = claim_text().replace("en: The ceasefire", "en: The \u202eceasefire")
    out = check_one(repo, text, expect_code="FC007", expect_line=line_of(text, "\u202e"))
    assert "U+202E" in out


@pytest.mark.acceptance
def test_crlf_is_rejected(repo):
    check_one(repo, claim_text().replace("\n", "\r\n"), expect_code="FC007", expect_line=1)


@pytest.mark.unit
def test_dates_stay_text():
    data = parse_text("id: x\nd: 2020-10-23\nn: 12:30\no: 010\nb: yes\n", "f.yaml")
    assert data == {"id": "x", "d": "2020-10-23", "n": "12:30", "o": "010", "b": "yes"}


@pytest.mark.unit
@pytest.mark.parametrize(
    "text, code",
    [
        pytest.param("id: &x y\n", "FC004", id="unused anchor"),
        pytest.param("- a\n- b\n", "FC008", id="a list is not a record"),
        pytest.param("id: x\n1: y\n", "FC009", id="non-string key"),
        pytest.param("a: " + "[" * 200 + "]" * 200 + "\n", "FC011", id="200-deep nesting"),
        # libyaml's composer would crash the whole process (SIGSEGV) at this depth: refused before it sees it
        pytest.param(
            "a: " + "[" * 100_000 + "]" * 100_000 + "\n", "FC011", id="100000-deep flow nesting, refused before libyaml"
        ),
    ],
)
def test_bad_yaml_is_rejected_with_its_code(text, code):
    with pytest.raises(LoadError) as exc:
        parse_text(text, "f.yaml")
    assert exc.value.finding.code == code
