"""validate --changed BASE against what BASE published: a logged change and a tombstone pass."""

from __future__ import annotations

import pytest

from conftest import codes_at, run, write
from test_codes import commit_all

pytestmark = pytest.mark.acceptance

CLAIM = "facts/claims/c-001-901.yaml"
LOGGED = """changes:
- date: '2026-01-05'
  kind: verdict-change
  what:
    ar: صار الحكم «متنازع عليه» بعد مراجعة.
    en: The verdict became "disputed" after a review.
"""


def test_a_logged_change_to_a_published_claim_passes(repo):
    commit_all(repo)
    text = (repo / CLAIM).read_text(encoding="utf-8").replace("rating: single-source", "rating: disputed")
    write(repo, CLAIM, text)
    status, out = run(repo, "validate", "--changed", "HEAD")
    assert ("FC501" in out) and status == 1, out  # changed, not logged
    write(repo, CLAIM, text + LOGGED)
    status, out = run(repo, "validate", "--changed", "HEAD")
    assert "FC501" not in out, out


def test_the_verdict_change_is_named(repo):
    commit_all(repo)
    text = (repo / CLAIM).read_text(encoding="utf-8")
    write(repo, CLAIM, text.replace("rating: single-source", "rating: disputed"))
    _, out = run(repo, "validate", "--changed", "HEAD")
    assert "the verdict.rating of this published claim changed since HEAD" in out


def test_a_tombstone_keeps_a_removed_claim_published(repo):
    commit_all(repo)
    (repo / CLAIM).unlink()
    status, out = run(repo, "validate", "--changed", "HEAD")
    assert (CLAIM, 1, "FC502") in codes_at(out) and status == 1
    write(
        repo,
        "facts/withdrawn/c-001-901.yaml",
        "id: c-001-901\nkind: claim\nwithdrawn: '2026-01-05'\nreason:\n  ar: سُحب لأنه مكرر.\n"
        "  en: Withdrawn as a duplicate.\nreplaced_by: c-001-902\n",
    )
    status, out = run(repo, "validate", "--changed", "HEAD")
    assert status == 0 and "FC502" not in out, out


def test_a_record_new_since_base_needs_no_log(repo):
    commit_all(repo)
    text = (repo / CLAIM).read_text(encoding="utf-8")
    write(
        repo, "facts/claims/c-001-903.yaml", text.replace("c-001-901", "c-001-903").replace("single-source", "disputed")
    )
    _, out = run(repo, "validate", "--changed", "HEAD")
    assert "FC501" not in out
