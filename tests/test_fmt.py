"""`factcheck fmt`: one canonical layout; content and comments kept; the dataset is canonical."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import COMMENTED, REPO, claim_text, run, write
from factcheck.checker import discover
from factcheck.fmt import format_text, scalar
from factcheck.loader import parse_text
from factcheck.schemas import Schemas

SCHEMAS = Schemas(REPO / "schema")
RECORDS = discover(REPO, SCHEMAS.kinds)[0]


@pytest.mark.acceptance
@pytest.mark.parametrize("file, rel, kind", RECORDS, ids=[r for _, r, _ in RECORDS])
def test_round_trip_keeps_content_and_is_already_canonical(file, rel, kind):
    text = file.read_text(encoding="utf-8")
    formatted = format_text(text, kind, SCHEMAS, rel)
    assert parse_text(formatted, rel) == parse_text(text, rel)
    assert formatted == text, f"{rel} is not in canonical layout: run `factcheck fmt`"


@pytest.mark.acceptance
def test_comments_survive_reordering_byte_for_byte():
    out = format_text(COMMENTED, "claim", SCHEMAS)

    def comments(text):
        return sorted(line.split("#", 1)[1] for line in text.splitlines() if "#" in line)

    assert comments(out) == comments(COMMENTED)
    assert parse_text(out, "x") == parse_text(COMMENTED, "x")
    assert format_text(out, "claim", SCHEMAS) == out
    lines = out.splitlines()
    assert lines[:2] == ["# A claim kept with its comments.", "id: c-001-902  # the id is the file name"]
    assert lines.index("  # Arabic first") + 1 == lines.index("  ar: وُقّع اتفاق وقف إطلاق النار في 23 أكتوبر 2020.")
    assert "  stance: supports  # it supports" in lines and lines[-1] == "# end of record"
    assert lines.index("statement:") < lines.index("subject: ceasefire-agreement-2020") < lines.index("verdict:")


@pytest.mark.unit
@pytest.mark.parametrize(
    "value, expected",
    [
        ("2018", "'2018'"),
        ("yes", "'yes'"),
        ("null", "'null'"),
        ("a: b", "'a: b'"),
        ("it's", "it's"),
        ("'quoted'", "'''quoted'''"),
        ("- item", "'- item'"),
        ("نص عربي", "نص عربي"),
        ("x #y", "'x #y'"),
        ("line\nbreak", '"line\\nbreak"'),
        (" padded", "' padded'"),
        (7, "7"),
        (True, "true"),
    ],
)
def test_scalars_are_quoted_only_where_yaml_needs_it(value, expected):
    assert scalar(value) == expected
    assert parse_text(f"k: {scalar(value)}\n", "x")["k"] == value


@pytest.mark.acceptance
def test_fmt_check_lists_files_and_exits_one(repo):
    write(repo, "facts/claims/c-001-902.yaml", COMMENTED)
    status, out = run(repo, "fmt", "--check")
    assert status == 1 and "would reformat facts/claims/c-001-902.yaml" in out
    assert (repo / "facts/claims/c-001-902.yaml").read_text(encoding="utf-8") == COMMENTED
    status, out = run(repo, "fmt")
    assert status == 0 and "1 file reformatted" in out
    assert run(repo, "fmt", "--check")[0] == 0
    assert not list((repo / "facts/claims").glob(".tmp-*"))


@pytest.mark.acceptance
def test_fmt_leaves_a_broken_file_untouched(repo):
    broken = "id: c-001-902\nid: again\n"
    write(repo, "facts/claims/c-001-902.yaml", broken)
    status, out = run(repo, "fmt")
    assert status == 1 and "FC002" in out and "(not formatted)" in out
    assert (repo / "facts/claims/c-001-902.yaml").read_text(encoding="utf-8") == broken


@pytest.mark.acceptance
def test_fmt_limited_to_paths(repo):
    write(repo, "facts/claims/c-001-902.yaml", COMMENTED)
    assert run(repo, "fmt", "--check", str(repo / "facts/entities"))[0] == 0
    assert run(repo, "fmt", "--check", str(repo / "facts/claims/c-001-902.yaml"))[0] == 1


@pytest.mark.acceptance
def test_a_hand_written_record_with_a_comment_formats_and_validates(repo):
    write(repo, "facts/claims/c-001-902.yaml", claim_text().replace("subject:", "# note\nsubject:"))
    assert run(repo, "fmt")[0] == 0
    assert run(repo, "validate")[0] == 0
    assert "# note\nsubject:" in Path(repo / "facts/claims/c-001-902.yaml").read_text(encoding="utf-8")
