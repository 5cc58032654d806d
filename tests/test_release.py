"""The CHANGELOG from the git history and the records' `changes` logs, release by release."""

from __future__ import annotations

import subprocess

import pytest

from conftest import run

pytestmark = pytest.mark.acceptance

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"]
CORRECTION = (
    "changes:\n- date: '2999-01-05'\n  kind: correction\n  what:\n    ar: صُحّحت الترجمة.\n"
    "    en: The translation was corrected.\n"
)


def test_releases_newest_first_with_additions_withdrawals_and_corrections(copy):
    subprocess.run([*GIT, "tag", "-a", "v0.1.0", "-m", "first release"], cwd=copy, check=True)
    claim = copy / "facts/claims/c-000-001.yaml"
    claim.write_text(claim.read_text(encoding="utf-8") + CORRECTION, encoding="utf-8")
    (copy / "facts/withdrawn").mkdir()
    (copy / "facts/withdrawn/c-000-999.yaml").write_text(
        "id: c-000-999\nkind: claim\nwithdrawn: '2999-01-05'\nreason:\n  ar: مثال.\n  en: An example.\n",
        encoding="utf-8",
    )
    subprocess.run([*GIT, "add", "-A"], cwd=copy, check=True)
    subprocess.run([*GIT, "commit", "-qm", "after the release"], cwd=copy, check=True)
    status, out = run(copy, "changelog")
    assert status == 0, out
    unreleased, released = out.split("## Unreleased", 1)[1].split("## v0.1.0", 1)
    assert "### Added (1)\n\n- facts/withdrawn/c-000-999.yaml" in unreleased
    assert "### Corrections\n\n- facts/claims/c-000-001.yaml: The translation was corrected. (2999-01-05)" in unreleased
    assert "- facts/claims/c-000-001.yaml\n" in released and "The translation was corrected." not in released


def test_write_puts_it_in_a_file(copy):
    status, out = run(copy, "changelog", "--write", str(copy / "CHANGELOG.md"))
    assert status == 0 and out == ""
    assert (copy / "CHANGELOG.md").read_text(encoding="utf-8").startswith("# Changelog\n")
