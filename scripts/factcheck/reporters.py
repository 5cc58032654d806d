"""Reporters turn a check result into text, JSON or GitHub workflow annotations.

They only return text; writing it anywhere (the terminal, GitHub's step summary) is the command's
job. Everything a record or a file name can put into a finding (paths, messages, hints) is shown
with its invisible and control characters spelled out (`textnorm.visible`), so a file named with a
newline or a terminal escape can neither forge a line of the report nor drive the terminal.
"""

from __future__ import annotations

import html
import json
import re

from .checker import Result
from .textnorm import one_line, visible


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
        lines.append(visible(f"{_where(f)}: {f.code} {f.message}") + (" (warning)" if f.severity == "warning" else ""))
        lines.append(f"    hint: {visible(f.hint)}")
        for loc in f.related:
            lines.append(f"    see: {visible(loc.path)}:{loc.line or 1}")
    lines.append(_summary(result))
    return "\n".join(lines) + "\n"


def as_json(result: Result) -> str:
    doc = {
        "summary": {"errors": len(result.errors), "warnings": len(result.warnings),
                    "files_checked": result.files_checked},
        "findings": [f.as_dict() for f in result.findings],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _escape(value: str, is_property: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if is_property else value


def github(result: Result) -> str:
    """Workflow commands: GitHub shows them inline on the pull request's diff.

    GitHub shows at most 10 annotations per step, so the command also appends the full list,
    `github_summary`, to the step summary when one is available.
    """
    lines = []
    for f in result.findings:
        level = "error" if f.severity == "error" else "warning"
        props = (f"file={_escape(visible(f.path), True)},line={f.line or 1},col={f.col or 1},"
                 f"title={_escape(visible(f.code + ' ' + f.title), True)}")
        lines.append(f"::{level} {props}::{_escape(visible(f.message) + chr(10) + 'hint: ' + visible(f.hint))}")
    lines.append(_summary(result))
    return "\n".join(lines) + "\n"


# Every ASCII punctuation character may be backslash-escaped in (GitHub-flavoured) Markdown, and then
# stands for itself: no emphasis, link, image, heading, table cell, math or strike-through can start.
# `<`, `>` and `&` become character references instead, so no HTML tag or entity can form.
_MD_PUNCT = re.compile(r"""([!"#$%'()*+,\-./:;=?@\[\\\]^_`{|}~])""")


def md_text(value: str) -> str:
    """`value` as literal text in a Markdown table cell: one line, no markup, no HTML."""
    return html.escape(_MD_PUNCT.sub(r"\\\1", one_line(value)), quote=False)


def md_code(value: str) -> str:
    """`value` as a code span in a Markdown table cell; nothing in it can close the span or the cell."""
    value = visible(value).replace("`", "<U+0060>").replace("|", "\\|")
    return f"`{value}`"


def github_summary(result: Result) -> str:
    """The full list of findings as a Markdown table for GitHub's step summary ("" if none)."""
    if not result.findings:
        return ""
    out = ["### factcheck validate", "", "| where | code | message | hint |", "|---|---|---|---|"]
    for f in result.findings:
        out.append(f"| {md_code(_where(f))} | {md_text(f.code)} | {md_text(f.message)} | {md_text(f.hint)} |")
    return "\n".join(out) + "\n\n"


REPORTERS = {"text": text, "json": as_json, "github": github}
