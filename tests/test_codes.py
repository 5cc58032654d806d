r"""One failing fixture per finding code, as tldr-lint tests its rules.

Each case in tests/codes/ (named after its code) breaks the minimal repository of conftest's
`make_repo` so that `validate` reports that code, and nothing else, at the places the case names.
A case file holds these keys, applied in this order (all but `expect` optional):

    edit:         {path: [{replace: text, with: text}, ...]}  each `replace` occurs exactly once
    write:        {path: text}                                a new or replaced file, UTF-8
    write_bytes:  {path: text}                                each character U+0000…U+00FF (e.g. "\xE9") is one byte
    delete:       [path, ...]
    symlink:      {path: target}                              target as the link stores it
    oversize:     [path, ...]                                 padded with a comment to one byte past the limit
    published:    true                                        the repository is committed first, as
                                                              what was published, and validate runs
                                                              with --changed against that commit
    expect:       ["path:line CODE", ...]                     every finding validate reports

The exit status follows from the code table: 1 for an error code, 0 for a warning.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import codes_at, make_repo, run, write
from factcheck import codes
from factcheck.loader import MAX_FILE_BYTES

pytestmark = pytest.mark.acceptance

CASE_FILES = sorted((Path(__file__).parent / "codes").glob("*"))
CASE_KEYS = {"published", "edit", "write", "write_bytes", "delete", "symlink", "oversize", "expect"}
SUMMARY = re.compile(r"^(\d+) errors?, (\d+) warnings? in ", re.M)


def load_case(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def expected_findings(case: dict) -> list[tuple[str, int, str]]:
    """The case's `expect` lines as (path, line, code), the shape of conftest's `codes_at`."""
    found = []
    for item in case["expect"]:
        where, code = item.split()
        path, line = where.rsplit(":", 1)
        found.append((path, int(line), code))
    return sorted(found)


def apply(case: dict, root: Path) -> None:
    for rel, edits in case.get("edit", {}).items():
        path = root / rel
        text = path.read_text(encoding="utf-8")
        for edit in edits:
            # Exactly once: a replacement that silently missed, or hit twice, would test something else.
            assert text.count(edit["replace"]) == 1, f"{rel}: {edit['replace']!r} must occur exactly once"
            text = text.replace(edit["replace"], edit["with"])
        path.write_text(text, encoding="utf-8")
    for rel, text in case.get("write", {}).items():
        write(root, rel, text)
    for rel, chars in case.get("write_bytes", {}).items():
        write(root, rel, chars.encode("latin-1"))
    for rel in case.get("delete", []):
        (root / rel).unlink()
    for rel, target in case.get("symlink", {}).items():
        os.symlink(target, root / rel)
    for rel in case.get("oversize", []):
        path = root / rel
        padding = MAX_FILE_BYTES + 1 - path.stat().st_size - len("#\n")
        with path.open("a", encoding="ascii") as f:
            f.write("#" + "x" * padding + "\n")


def commit_all(root: Path) -> None:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "published"], cwd=root, check=True)


def test_every_code_has_exactly_one_case_and_every_case_a_code():
    names = {p.name for p in CASE_FILES}
    wanted = {f"{code}.yaml" for code in codes.CODES}
    assert sorted(wanted - names) == [], "codes without a case"
    assert sorted(names - wanted) == [], "case files that name no code"


def test_the_minimal_repository_is_clean(tmp_path):
    """So every finding of a case is the case's own."""
    status, out = run(make_repo(tmp_path), "validate")
    assert status == 0 and out.endswith("no problems.\n"), out


@pytest.mark.parametrize("case_file", CASE_FILES, ids=lambda p: p.stem)
def test_case_reports_its_code_where_it_says(case_file, tmp_path):
    case = load_case(case_file)
    assert set(case) <= CASE_KEYS and "expect" in case, f"unknown keys or no `expect`: {sorted(case)}"
    expected = expected_findings(case)
    assert {code for _, _, code in expected} == {case_file.stem}, "a case expects its own code and no other"
    root = make_repo(tmp_path)
    if case.get("published"):
        commit_all(root)
    apply(case, root)
    status, out = run(root, "validate", *(["--changed", "HEAD"] if case.get("published") else []))
    assert status == (1 if codes.get(case_file.stem).severity == codes.ERROR else 0), out
    found = sorted(codes_at(out))
    assert found == expected, out
    # codes_at reads only findings under facts/: the summary's count shows there are no others.
    summary = SUMMARY.search(out)
    assert summary and int(summary[1]) + int(summary[2]) == len(found), out
