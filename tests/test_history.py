"""Records' first-published and last-changed dates from the git history of their files."""

from __future__ import annotations

import os
import subprocess

import pytest

from factcheck.history import Dates, HistoryError, record_dates

pytestmark = pytest.mark.unit


def _git(root, *args, date=None):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid")
    env.update(GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=root, env=env, check=True, capture_output=True)


def _commit(root, files: dict[str, str], date: str):
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", f"at {date}", date=date)


@pytest.fixture
def history(tmp_path):
    """A record added on 2 January, changed on 4 March (late in the evening west of UTC: 5 March
    in UTC); another added on 1 February; a third added then deleted."""
    root = tmp_path / "repo"
    root.mkdir()
    _git(root, "init", "-q")
    _commit(root, {"facts/claims/c-1.yaml": "a", "facts/claims/c-3.yaml": "x"}, "2025-01-02T10:00:00+00:00")
    _commit(root, {"facts/claims/c-2.yaml": "b", "README": "not a record"}, "2025-02-01T10:00:00+00:00")
    (root / "facts/claims/c-3.yaml").unlink()
    _commit(root, {"facts/claims/c-1.yaml": "a2"}, "2025-03-04T22:30:00-05:00")
    return root


def test_first_and_last_commit_of_each_file(history):
    assert record_dates(history) == {
        "facts/claims/c-1.yaml": Dates(published="2025-01-02", modified="2025-03-05"),
        "facts/claims/c-2.yaml": Dates(published="2025-02-01", modified="2025-02-01"),
        "facts/claims/c-3.yaml": Dates(published="2025-01-02", modified="2025-03-05"),
    }


def test_the_same_commit_gives_the_same_dates_whenever_it_is_built(history, monkeypatch):
    first = record_dates(history)
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    assert record_dates(history) == first


def test_uncommitted_changes_are_dated_source_date_epoch(history, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    (history / "facts/claims/c-2.yaml").write_text("b2", encoding="utf-8")
    (history / "facts/claims/c-4.yaml").write_text("new", encoding="utf-8")
    dates = record_dates(history)
    assert dates["facts/claims/c-2.yaml"] == Dates(published="2025-02-01", modified="2026-01-01")
    assert dates["facts/claims/c-4.yaml"] == Dates(published="2026-01-01", modified="2026-01-01")


def test_a_data_root_below_the_top_of_the_repository(tmp_path):
    top = tmp_path / "top"
    top.mkdir()
    _git(top, "init", "-q")
    _commit(top, {"data/facts/claims/c-1.yaml": "a"}, "2025-01-02T10:00:00+00:00")
    (top / "data/facts/claims/c-1.yaml").write_text("a2", encoding="utf-8")
    dates = record_dates(top / "data")
    assert dates["facts/claims/c-1.yaml"].published == "2025-01-02"
    assert set(dates) == {"facts/claims/c-1.yaml"}


def test_a_shallow_clone_is_refused_naming_the_fix(history, tmp_path):
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{history}", str(shallow)], check=True)
    with pytest.raises(HistoryError, match=r"shallow clone.*fetch-depth: 0"):
        record_dates(shallow)


def test_outside_git_there_are_no_dates(tmp_path):
    (tmp_path / "facts").mkdir()
    assert record_dates(tmp_path) == {}
