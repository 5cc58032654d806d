"""Links never break: every page address the previous commit published is still served by the
current one, by the record itself or by its tombstone."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO
from factcheck.checker import load
from factcheck.schemas import Schemas
from factcheck.site.build import pages
from factcheck.site.context import SiteData
from factcheck.site.paging import is_numbered

pytestmark = pytest.mark.acceptance

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"]


def addresses(root: Path) -> set[str]:
    """The page addresses a site built from root serves (numbered index pages come and go with
    the number of records; they are not permanent links)."""
    site = SiteData(load(root), Schemas(root / "schema"))
    return {page for page in pages(site) if not is_numbered(page)}


def checkout(commit: str, into: Path) -> Path:
    """The data of `commit` of this repository (facts, schema, seeds) in a folder of its own."""
    into.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", commit, "facts", "schema", "seeds"], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def test_no_address_of_the_previous_commit_disappears(tmp_path):
    previous = subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD~1"], capture_output=True, text=True)
    if previous.returncode != 0:
        pytest.fail("the repository has no previous commit to compare with (a shallow clone?): fetch its history")
    old = addresses(checkout(previous.stdout.strip(), tmp_path / "previous"))
    gone = sorted(old - addresses(REPO))
    assert gone == [], f"addresses that no longer exist: add a tombstone in facts/withdrawn/ for each: {gone[:20]}"


def test_a_removed_claim_keeps_its_address_only_with_a_tombstone(copy):
    before = addresses(copy)
    (copy / "facts/claims/c-000-003.yaml").unlink()  # a claim no other record names
    assert "claims/c-000-003" in before - addresses(copy)
    (copy / "facts/withdrawn").mkdir()
    (copy / "facts/withdrawn/c-000-003.yaml").write_text(
        "id: c-000-003\nkind: claim\nwithdrawn: '2026-01-05'\nreason:\n  ar: سُحب لأنه مكرر.\n"
        "  en: Withdrawn as a duplicate.\n",
        encoding="utf-8",
    )
    assert before <= addresses(copy)


def test_the_tombstone_page_says_why_and_links_the_replacement(copy):
    (copy / "facts/withdrawn").mkdir()
    shutil.copy(copy / "facts/claims/c-000-003.yaml", copy / "facts/claims/c-000-901.yaml")
    (copy / "facts/claims/c-000-003.yaml").unlink()
    text = (copy / "facts/claims/c-000-901.yaml").read_text(encoding="utf-8").replace("c-000-003", "c-000-901")
    (copy / "facts/claims/c-000-901.yaml").write_text(text, encoding="utf-8")
    (copy / "facts/withdrawn/c-000-003.yaml").write_text(
        "id: c-000-003\nkind: claim\nwithdrawn: '2026-01-05'\nreason:\n  ar: أُعيدت تسميته.\n  en: Renamed.\n"
        "replaced_by: c-000-901\n",
        encoding="utf-8",
    )
    site = SiteData(load(copy), Schemas(copy / "schema"))
    _, body = pages(site)["claims/c-000-003"]("en")
    assert "Renamed." in body and 'href="../c-000-901/"' in body and "5 January 2026" in body
