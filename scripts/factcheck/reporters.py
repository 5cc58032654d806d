"""Reporters turn a check result into text, JSON or GitHub workflow annotations."""

from __future__ import annotations

import json
import os

from .checker import Result


def _where(f) -> str:
    return f"{f.path}:{f.line or 1}:{f.col or 1}"


def _summary(result: Result) -> str:
    e, w = len(result.errors), len(result.warnings)
    files = len({f.path for f in result.findings})
    if not result.findings:
        return f"{result.files_checked} files checked: no problems."
    return f"{e} error{'s' * (e != 1)}, {w} warning{'s' * (w != 1)} in {files} file{'s' * (files != 1)} ({result.files_checked} files checked)."


def text(result: Result) -> str:
    lines = []
    for f in result.findings:
        lines.append(f"{_where(f)}: {f.code} {f.message}" + (" (warning)" if f.severity == "warning" else ""))
        lines.append(f"    hint: {f.hint}")
        for loc in f.related:
            lines.append(f"    see: {loc.path}:{loc.line or 1}")
    lines.append(_summary(result))
    return "\n".join(lines) + "\n"


def as_json(result: Result) -> str:
    doc = {
        "summary": {"errors": len(result.errors), "warnings": len(result.warnings),
                    "files_checked": result.files_checked},
        "findings": [f.as_dict() for f in result.findings],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _escape(value: str, is_property: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if is_property else value


def github(result: Result) -> str:
    """Workflow commands: GitHub shows them inline on the pull request's diff.

    GitHub shows at most 10 annotations per step, so the full list also goes to the step summary
    when one is available.
    """
    lines = []
    for f in result.findings:
        level = "error" if f.severity == "error" else "warning"
        props = f"file={_escape(f.path, True)},line={f.line or 1},col={f.col or 1},title={_escape(f.code + ' ' + f.title, True)}"
        lines.append(f"::{level} {props}::{_escape(f.message + chr(10) + 'hint: ' + f.hint)}")
    lines.append(_summary(result))
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file and result.findings:
        with open(summary_file, "a", encoding="utf-8") as out:
            out.write("### factcheck validate\n\n| where | code | message | hint |\n|---|---|---|---|\n")
            for f in result.findings:
                out.write(f"| `{_where(f)}` | {f.code} | {f.message.replace('|', '/')} | {f.hint.replace('|', '/')} |\n")
    return "\n".join(lines) + "\n"


REPORTERS = {"text": text, "json": as_json, "github": github}
