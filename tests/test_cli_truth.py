"""The command line tells the truth and nothing else: a mistyped path is not a pass, a revision is
never an option for git, and file names or record text never reach the terminal or a step summary
as anything but text."""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import COMMENTED, claim_text, run, write
from factcheck import reporters
from factcheck.checker import Result
from factcheck.findings import Finding

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"]


def git_repo(root):
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=root, check=True)
    subprocess.run([*GIT, "commit", "-qm", "base"], cwd=root, check=True)
    return root


# ---- 1. a PATH that is not in the dataset is a usage error, never "no problems"


@pytest.mark.acceptance
@pytest.mark.parametrize("command", [["validate"], ["fmt"], ["fmt", "--check"]])
def test_a_missing_path_is_a_usage_error(shared_repo, capsys, command):
    missing = shared_repo / "facts/claims/c-001-999.yaml"
    status, out = run(shared_repo, *command, str(missing))
    err = capsys.readouterr().err
    assert status == 2
    assert "no problems" not in out and "0 files" not in out
    assert str(missing) in err and "no such file" in err and "facts" in err


@pytest.mark.acceptance
def test_a_mistyped_relative_path_is_a_usage_error(shared_repo, capsys, monkeypatch):
    monkeypatch.chdir(shared_repo)
    assert run(shared_repo, "validate", "facts/clams")[0] == 2
    assert "facts/clams: no such file or folder" in capsys.readouterr().err
    assert run(shared_repo, "validate", "facts/claims")[0] == 0


@pytest.mark.acceptance
@pytest.mark.parametrize("command", [["validate"], ["fmt"]])
def test_a_path_outside_the_repository_is_a_usage_error(shared_repo, tmp_path, capsys, command):
    elsewhere = tmp_path.parent / (tmp_path.name + "-elsewhere")
    elsewhere.mkdir()
    status, out = run(shared_repo, *command, str(elsewhere))
    assert status == 2 and out == ""
    err = capsys.readouterr().err
    assert str(elsewhere) in err and "outside the repository" in err


@pytest.mark.acceptance
@pytest.mark.parametrize("command", [["validate"], ["fmt"]])
@pytest.mark.parametrize("rel", ["schema", "seeds", "facts/../schema"])
def test_a_path_outside_the_dataset_is_a_usage_error(shared_repo, capsys, command, rel):
    status, out = run(shared_repo, *command, str(shared_repo / rel))
    assert status == 2 and out == ""
    assert "not in the dataset" in capsys.readouterr().err


@pytest.mark.acceptance
def test_the_dataset_and_the_repository_itself_are_valid_paths(shared_repo):
    assert run(shared_repo, "validate", str(shared_repo))[0] == 0
    assert run(shared_repo, "validate", str(shared_repo / "facts"))[0] == 0
    assert run(shared_repo, "validate", str(shared_repo / "facts/claims/c-001-902.yaml"))[0] == 0
    assert run(shared_repo, "fmt", "--check", str(shared_repo))[0] == 0


@pytest.mark.acceptance
def test_fmt_with_a_path_formats_only_that_path(repo):
    target = write(repo, "facts/claims/c-001-902.yaml", COMMENTED)
    status, out = run(repo, "fmt", str(repo / "facts/entities"))
    assert status == 0 and target.read_text(encoding="utf-8") == COMMENTED
    status, out = run(repo, "fmt", str(target))
    assert status == 0 and "reformatted facts/claims/c-001-902.yaml" in out


# ---- 2. --changed takes a revision, never an option


@pytest.mark.acceptance
@pytest.mark.parametrize("value", ["--output={out}", "-o{out}", "--no-index", ""])
def test_changed_refuses_an_option_without_calling_git(shared_repo, tmp_path, monkeypatch, capsys, value):
    out_file = tmp_path / "x"
    calls = []
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: calls.append(a) or pytest.fail("git was called"))
    status, out = run(shared_repo, "validate", f"--changed={value.format(out=out_file)}")
    assert status == 2 and out == "" and calls == []
    assert "--changed takes a git revision" in capsys.readouterr().err
    assert not out_file.exists()


@pytest.mark.acceptance
def test_changed_output_option_writes_no_file_in_a_git_repository(repo, tmp_path):
    git_repo(repo)
    out_file = tmp_path / "x"
    assert run(repo, "validate", f"--changed=--output={out_file}")[0] == 2
    assert not out_file.exists()


@pytest.mark.acceptance
def test_changed_needs_a_commit(repo, capsys):
    git_repo(repo)
    assert run(repo, "validate", "--changed", "no-such-branch")[0] == 2
    assert "no such commit" in capsys.readouterr().err
    tree = subprocess.run(["git", "rev-parse", "HEAD^{tree}"], cwd=repo, capture_output=True, text=True).stdout.strip()
    assert run(repo, "validate", "--changed", tree)[0] == 2, "a tree is not a commit"
    assert run(repo, "validate", "--changed", "HEAD")[0] == 0


@pytest.mark.acceptance
def test_changed_sees_file_names_git_would_quote(repo):
    """git quotes unusual names (core.quotePath) unless asked for NUL-separated output."""
    git_repo(repo)
    write(repo, "facts/claims/é-new.yaml", "id: [broken\n")  # untracked
    write(repo, "facts/claims/ü-old.yaml", claim_text().replace("c-001-902", "c-001-903"))
    subprocess.run([*GIT, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*GIT, "commit", "-qm", "more"], cwd=repo, check=True)
    write(repo, "facts/claims/ü-old.yaml", "id: [broken\n")  # tracked, edited
    write(repo, "facts/claims/é-new.yaml", "id: [broken\n")
    subprocess.run(["git", "rm", "-q", "--cached", "facts/claims/é-new.yaml"], cwd=repo, check=True)
    status, out = run(repo, "validate", "--changed", "HEAD")
    assert status == 1
    assert "facts/claims/é-new.yaml:" in out and "facts/claims/ü-old.yaml:" in out


# ---- 3. what reaches the terminal is text: controls in file names are spelled out

EVIL = "evil\x1b]0;pwned\x07\x1b[2J\nfacts/claims/c-001-902.yaml:1:1: FC000 all good\r"


@pytest.mark.acceptance
def test_text_report_spells_out_controls_in_file_names(repo):
    write(repo, f"facts/claims/{EVIL}.txt", "x\n")  # misplaced: reported with its path
    status, out = run(repo, "validate")
    assert status == 1
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", out)
    lines = out.splitlines()
    assert len(lines) == 3, out  # the finding, its hint, the summary: no forged line
    assert lines[0].startswith("facts/claims/evil<U+001B>]0;pwned<U+0007><U+001B>[2J<U+000A>facts/claims/")
    assert "<U+000D>.txt:1:1: FC010 " in lines[0]


@pytest.mark.unit
def test_text_report_spells_out_controls_in_messages_and_hints():
    f = Finding("FC104", "facts/claims/a\x1bb.yaml", "bad \x1b[31mvalue\n", "fix\x9bit", "error", line=1, col=1)
    out = reporters.findings_text(Result(None, [f], 1))
    assert "\x1b" not in out and "\x9b" not in out
    assert "bad <U+001B>[31mvalue<U+000A>" in out and "fix<U+009B>it" in out


@pytest.mark.acceptance
def test_github_annotations_spell_out_controls(repo):
    write(repo, f"facts/claims/{EVIL}.txt", "x\n")
    status, out = run(repo, "validate", "--format", "github")
    assert status == 1
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", out)
    assert len(out.splitlines()) == 2 and out.startswith("::error file=facts/claims/evil<U+001B>")


@pytest.mark.acceptance
def test_fmt_output_spells_out_controls(repo):
    name = "evil\x1b[2J\nreformatted facts/claims/x.yaml"
    write(repo, f"facts/claims/{name}.yaml", COMMENTED)
    write(repo, f"facts/claims/{name}-broken.yaml", "id: [broken\n")
    status, out = run(repo, "fmt", "--check")
    assert status == 1
    assert "\x1b" not in out
    assert len(out.splitlines()) == 3, out  # one broken, one to reformat, the summary
    assert "would reformat facts/claims/evil<U+001B>[2J<U+000A>reformatted facts/claims/x.yaml.yaml" in out
    status, out = run(repo, "fmt")
    assert "\x1b" not in out and "reformatted facts/claims/evil<U+001B>[2J<U+000A>" in out


# ---- 4. the GitHub step summary: written by the command, not the reporter, and only text

PAYLOAD = "| x | <img src=x onerror=alert(1)> [link](javascript:alert(1)) ` and a backtick"


def hostile_result() -> Result:
    f = Finding(
        "FC104",
        "facts/claims/a`b|c <i>.yaml",
        PAYLOAD + "\n# heading *em* _u_ \\ ! ~~s~~ $x$ &amp;",
        "fix it | <script>alert(1)</script> ![i](x)",
        "error",
        line=2,
        col=3,
    )
    return Result(None, [f], 1)


@pytest.mark.unit
def test_the_github_reporter_writes_no_file(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    out = reporters.findings_github(hostile_result())
    assert out.startswith("::error file=") and not summary.exists()


@pytest.mark.acceptance
def test_validate_appends_the_summary_and_prints_annotations(repo, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    write(repo, "facts/claims/c-001-902.yaml", claim_text().replace("point: '2020-10-23'", "point: '2020-10-32'"))
    status, out = run(repo, "validate", "--format", "github")
    assert status == 1 and out.startswith("::error file=facts/claims/c-001-902.yaml,line=")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### factcheck validate\n") and "| `facts/claims/c-001-902.yaml:" in text


@pytest.mark.acceptance
def test_validate_writes_no_summary_when_clean_or_not_github(repo, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert run(repo, "validate", "--format", "github")[0] == 0
    write(repo, "facts/claims/c-001-902.yaml", claim_text().replace("point: '2020-10-23'", "point: '2020-10-32'"))
    assert run(repo, "validate")[0] == 1
    assert not summary.exists()


@pytest.mark.acceptance
def test_an_unwritable_summary_warns_and_keeps_the_status(repo, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "no-such-folder" / "summary.md"))
    write(repo, "facts/claims/c-001-902.yaml", claim_text().replace("point: '2020-10-23'", "point: '2020-10-32'"))
    status, out = run(repo, "validate", "--format", "github")
    assert status == 1 and "::error " in out
    assert "could not write the step summary" in capsys.readouterr().err


@pytest.mark.unit
def test_summary_markdown_is_inert():
    md = reporters.github_summary(hostile_result())
    rows = [line for line in md.splitlines() if line.startswith("| ")]
    assert len(rows) == 2  # header and one finding: the newline in the message made no new row
    where, rest = rows[1][2:].split(" | ", 1)
    assert where == "`facts/claims/a<U+0060>b\\|c <i>.yaml:2:3`"  # a code span shows <i> as text
    assert "<" not in rest and ">" not in rest
    for ch in "[]*_#!~$`":
        assert not re.search(rf"(?<!\\){re.escape(ch)}", rest), ch


@pytest.mark.unit
def test_summary_markdown_renders_as_text():
    markdown_it = pytest.importorskip("markdown_it")
    md = reporters.github_summary(hostile_result())
    html = (
        markdown_it.MarkdownIt("commonmark").enable("table").render(md)
    )  # raw HTML allowed, as GitHub's sanitiser is not relied on
    assert "<img" not in html and "<script" not in html and "<i>" not in html
    assert "<a " not in html and "<em>" not in html and "<h1" not in html and "<del>" not in html
    cells = re.findall(r"<td>(.*?)</td>", html, re.S)
    assert len(cells) == 4, html
    assert cells[0] == "<code>facts/claims/a&lt;U+0060&gt;b|c &lt;i&gt;.yaml:2:3</code>"
    assert cells[1] == "FC104"
    assert cells[2].startswith("| x | &lt;img src=x onerror=alert(1)&gt; [link](javascript:alert(1)) ` and a backtick ")
    assert cells[2].endswith("# heading *em* _u_ \\ ! ~~s~~ $x$ &amp;amp;")
    assert cells[3] == "fix it | &lt;script&gt;alert(1)&lt;/script&gt; ![i](x)"


@pytest.mark.unit
def test_no_findings_no_summary():
    assert reporters.github_summary(Result(None, [], 3)) == ""
