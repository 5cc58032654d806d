"""GitHub workflows, forms and guides: actionlint is clean, the workflows run the README's
commands, forms are valid YAML in both languages, the code table in CONTRIBUTING is current."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import yaml

from conftest import REPO
from factcheck import codes

ACTIONLINT = REPO / ".venv/actionlint/package/node.cjs"
WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))
FORMS = sorted((REPO / ".github/ISSUE_TEMPLATE").glob("*.yml"))
LINT = """
const { createLinter } = require(process.argv[1]);
const fs = require("node:fs");
createLinter().then((lint) => {
  const out = [];
  for (const file of process.argv.slice(2)) out.push(...lint(fs.readFileSync(file, "utf8"), file));
  console.log(JSON.stringify(out));
});
"""


@pytest.mark.browser
def test_actionlint_is_clean():
    if not ACTIONLINT.exists():
        pytest.fail(f"actionlint is missing at {ACTIONLINT}: run `make test`, which installs it")
    if not shutil.which("node"):
        pytest.fail("actionlint runs on node")
    proc = subprocess.run(
        ["node", "-e", LINT, str(ACTIONLINT), *map(str, WORKFLOWS)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == []


@pytest.mark.browser
def test_actionlint_catches_a_broken_workflow(tmp_path):
    if not ACTIONLINT.exists():
        pytest.fail(f"actionlint is missing at {ACTIONLINT}")
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n"
    )
    proc = subprocess.run(["node", "-e", LINT, str(ACTIONLINT), str(bad)], capture_output=True, text=True, timeout=120)
    assert json.loads(proc.stdout), "actionlint must report the unknown context property"


def _run_steps(path):
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [step["run"] for job in doc["jobs"].values() for step in job.get("steps", []) if "run" in step]


@pytest.mark.acceptance
def test_workflow_steps_are_the_readme_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for path in WORKFLOWS:
        for command in _run_steps(path):
            target = command.split()[1] if command.startswith("make ") else None
            assert target, f"{path.name}: `{command}` is not a make target"
            assert f"make {target}" in readme, f"{path.name}: `make {target}` is not documented in the README"


@pytest.mark.acceptance
def test_pull_requests_get_read_only_permissions():
    doc = yaml.safe_load((REPO / ".github/workflows/check.yml").read_text(encoding="utf-8"))
    assert doc["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in doc["jobs"].values())


@pytest.mark.acceptance
@pytest.mark.parametrize("path", [p for p in FORMS if p.name != "config.yml"], ids=lambda p: p.name)
def test_issue_forms_are_bilingual(path):
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    for text in [doc["name"], *(item["attributes"]["label"] for item in doc["body"] if "label" in item["attributes"])]:
        assert "·" in text and any("\u0600" <= ch <= "\u06ff" for ch in text), text


@pytest.mark.acceptance
def test_issue_chooser_config_holds_only_what_github_reads():
    """config.yml is the template chooser's settings, not a form; GitHub ignores a misspelt key silently."""
    doc = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/config.yml").read_text(encoding="utf-8"))
    assert set(doc) <= {"blank_issues_enabled", "contact_links"}, doc
    assert isinstance(doc.get("blank_issues_enabled", True), bool), doc


@pytest.mark.acceptance
def test_report_form_has_the_field_claim_pages_prefill():
    doc = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/report-error.yml").read_text(encoding="utf-8"))
    assert "record" in {item.get("id") for item in doc["body"]}


@pytest.mark.acceptance
def test_contributing_code_table_is_current():
    text = (REPO / ".github/CONTRIBUTING.md").read_text(encoding="utf-8")
    assert codes.replace_table(text) == text, "run `factcheck codes --update .github/CONTRIBUTING.md`"


@pytest.mark.acceptance
def test_pre_commit_runs_fmt_and_validate():
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(REPO / ".pre-commit-config.yaml")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    doc = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = [hook["entry"] for repo in doc["repos"] for hook in repo["hooks"]]
    assert ".venv/bin/factcheck fmt" in entries and ".venv/bin/factcheck validate" in entries
