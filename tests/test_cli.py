"""The command line: output formats, exit codes, and help that is a manual."""

from __future__ import annotations

import csv
import json
import re
import subprocess

import pytest

from conftest import CLAIM, REPO, claim_text, run, write
from factcheck.cli import build_parser, subcommands

THREE_MISTAKES = (
    claim_text()
    .replace("subject: ceasefire-agreement-2020", "subject: ceasefire-agreement-2021")  # dangling reference
    .replace("point: '2020-10-23'", "point: '2020-10-32'")  # impossible date
    .replace("الموقع في 23", "الموقع يوم 23")  # quote altered
)
FINDING_LINE = re.compile(r"^(facts/\S+):(\d+):(\d+): (FC\d{3}) .+$")


@pytest.mark.acceptance
def test_three_independent_mistakes_give_three_located_errors_with_hints(repo):
    write(repo, CLAIM, THREE_MISTAKES)
    status, out = run(repo, "validate")
    lines = out.splitlines()
    findings = [(i, FINDING_LINE.match(line)) for i, line in enumerate(lines) if FINDING_LINE.match(line)]
    assert status == 1
    assert sorted(m.group(4) for _, m in findings) == ["FC110", "FC203", "FC301"]
    for i, m in findings:
        assert m.group(1) == CLAIM
        assert lines[i + 1].startswith("    hint: ")
    assert lines[-1].startswith("3 errors, 0 warnings in 1 file")


@pytest.mark.acceptance
def test_json_output_is_valid_json_with_the_same_findings(repo):
    write(repo, CLAIM, THREE_MISTAKES)
    status, out = run(repo, "validate", "--format", "json")
    doc = json.loads(out)
    assert status == 1
    assert doc["summary"]["errors"] == 3
    assert {f["code"] for f in doc["findings"]} == {"FC110", "FC203", "FC301"}
    assert all(f["path"] == CLAIM and f["line"] and f["hint"] for f in doc["findings"])


@pytest.mark.acceptance
def test_github_output_is_workflow_annotations(repo, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    write(repo, CLAIM, THREE_MISTAKES)
    status, out = run(repo, "validate", "--format", "github")
    annotations = [line for line in out.splitlines() if line.startswith("::error ")]
    assert status == 1 and len(annotations) == 3
    assert all(re.match(rf"::error file={re.escape(CLAIM)},line=\d+,col=\d+,title=FC\d{{3}} ", a) for a in annotations)
    assert all("%0Ahint: " in a for a in annotations)
    assert summary.read_text(encoding="utf-8").count(f"`{CLAIM}:") == 3


@pytest.mark.acceptance
def test_clean_repo_exits_zero(shared_repo):
    status, out = run(shared_repo, "validate")
    assert status == 0
    assert out.strip().endswith("no problems.")


@pytest.mark.acceptance
def test_paths_limit_the_report_not_the_checks(repo):
    write(repo, CLAIM, THREE_MISTAKES)
    assert run(repo, "validate", str(repo / "facts/entities"))[0] == 0
    assert run(repo, "validate", str(repo / CLAIM))[0] == 1


@pytest.mark.acceptance
def test_misplaced_file(repo):
    write(repo, "facts/claim.yaml", claim_text())
    status, out = run(repo, "validate")
    assert status == 1 and "FC010" in out


@pytest.mark.acceptance
def test_usage_error_exits_two(shared_repo):
    assert run(shared_repo, "validate", "--format", "xml")[0] == 2


@pytest.mark.unit
def test_every_command_has_a_manual_with_an_example():
    parser = build_parser()
    subparsers = subcommands(parser)
    assert set(subparsers) >= {"validate", "export", "codes", "fmt", "new", "coverage", "report", "search-index"}
    for name, (sub, _) in subparsers.items():
        examples = re.split(r"Examples?:", sub.description or "")
        assert len(examples) == 2, f"{name} has no example in its help"
        assert f"factcheck {name}" in examples[1], name


@pytest.mark.acceptance
def test_codes_table_lists_every_code():
    from factcheck import codes

    status, out = run(REPO, "codes")
    assert status == 0
    for code in codes.CODES:
        assert f"| {code} |" in out


@pytest.mark.acceptance
def test_export_writes_every_kind_and_csv(shared_repo, tmp_path):
    out_dir = tmp_path / "out"
    status, _ = run(shared_repo, "export", str(out_dir))
    assert status == 0
    claims = json.loads((out_dir / "claims.json").read_text(encoding="utf-8"))
    assert {c["id"] for c in claims} == {"c-000-901", "c-001-901", "c-001-902"}
    assert all(c["file"].startswith("facts/claims/") for c in claims)
    for name in ("entities", "sources", "contradictions", "properties"):
        assert isinstance(json.loads((out_dir / f"{name}.json").read_text(encoding="utf-8")), list)
    with open(out_dir / "claims.csv", encoding="utf-8", newline="") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    assert rows["c-000-901"]["time_start"] == "2017-10-29" and rows["c-000-901"]["value"] == "cairo"


@pytest.mark.acceptance
def test_export_refuses_invalid_data(repo, tmp_path):
    write(repo, CLAIM, THREE_MISTAKES)
    assert run(repo, "export", str(tmp_path / "out"))[0] == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.acceptance
def test_installed_command_runs():
    """The console script is installed and finds the repository from the working directory."""
    exe = REPO / ".venv/bin/factcheck"
    if not exe.exists():
        pytest.skip("factcheck is not installed in .venv")
    proc = subprocess.run([str(exe), "--version"], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0 and proc.stdout.startswith("factcheck ")


@pytest.mark.acceptance
def test_outside_a_repository_is_a_usage_error(tmp_path):
    assert run(tmp_path, "validate")[0] == 2


@pytest.mark.unit
def test_every_command_summary_is_a_whole_sentence():

    for name, (_, summary) in subcommands(build_parser()).items():
        assert summary.endswith("."), f"{name}: {summary!r}"
