"""Reporters: one registry (`REPORTERS`: text, json, github) that every command which reports uses.
Each reporter renders a check result (`validate`), the consistency report (`report`) and the
coverage of the articles (`coverage`).

They only return text; writing it anywhere (the terminal, GitHub's step summary) is the command's
job. Everything a record or a file name can put into a finding (paths, messages, hints) is shown
with its invisible and control characters spelled out (`textnorm.visible`), so a file named with a
newline or a terminal escape can neither forge a line of the report nor drive the terminal.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from .checker import Result
from .coverage import SourceCoverage
from .textnorm import one_line, visible


def _where(f) -> str:
    return f"{f.path}:{f.line or 1}:{f.col or 1}"


def _summary(result: Result) -> str:
    e, w = len(result.errors), len(result.warnings)
    files = len({f.path for f in result.findings})
    if not result.findings:
        return f"{result.files_checked} files checked: no problems."
    return (
        f"{e} error{'s' * (e != 1)}, {w} warning{'s' * (w != 1)} in {files} file{'s' * (files != 1)} "
        f"({result.files_checked} files checked)."
    )


def findings_text(result: Result) -> str:
    lines = []
    for f in result.findings:
        lines.append(visible(f"{_where(f)}: {f.code} {f.message}") + (" (warning)" if f.severity == "warning" else ""))
        lines.append(f"    hint: {visible(f.hint)}")
        for loc in f.related:
            lines.append(f"    see: {visible(loc.path)}:{loc.line or 1}")
    lines.append(_summary(result))
    return "\n".join(lines) + "\n"


def findings_json(result: Result) -> str:
    return strict_json(
        {
            "summary": {
                "errors": len(result.errors),
                "warnings": len(result.warnings),
                "files_checked": result.files_checked,
            },
            "findings": [f.as_dict() for f in result.findings],
        }
    )


def strict_json(doc) -> str:
    """`doc` as strict JSON: NaN or an infinity is refused (ValueError), never written."""
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _escape(value: str, is_property: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if is_property else value


def findings_github(result: Result) -> str:
    """Workflow commands: GitHub shows them inline on the pull request's diff.

    GitHub shows at most 10 annotations per step, so the command also appends the full list,
    `github_summary`, to the step summary when one is available.
    """
    lines = [
        _annotation(
            "error" if f.severity == "error" else "warning",
            f"{f.code} {f.title}",
            f.message,
            f"hint: {f.hint}",
            file=f.path,
            line=f.line or 1,
            col=f.col or 1,
        )
        for f in result.findings
    ]
    lines.append(_summary(result))
    return "\n".join(lines) + "\n"


def _annotation(level: str, title: str, *lines: str, **where) -> str:
    """One workflow command; `where` (file, line, col) places it on the pull request's diff. Each
    line has its controls spelled out; only the line breaks between them stay."""
    props = [f"{key}={_escape(visible(str(value)), True)}" for key, value in where.items()]
    props.append(f"title={_escape(visible(title), True)}")
    return f"::{level} {','.join(props)}::{_escape(chr(10).join(visible(line) for line in lines))}"


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


def report_text(doc: dict) -> str:
    out = ["Counts: " + ", ".join(f"{v} {k}" for k, v in doc["counts"].items()), ""]
    status = doc["findings_by_status"]
    out.append(
        f"Findings: {status['documented']} documented, {status['silenced']} set aside, "
        f"{status['undocumented']} undocumented"
    )
    for f in doc["findings"]:
        involved = ", ".join(f["claims"] + f["entities"] + f["sources"])
        status = f["documented_by"] or (f"set aside in {f['silenced_by']}" if f["silenced_by"] else "UNDOCUMENTED")
        out.append(one_line(f"  {f['code']} [{status}] {involved}: {f['message']}"))
    out += [
        "",
        "Contradictions by resolution: "
        + ", ".join(f"{k} {v}" for k, v in doc["contradictions_by_resolution"].items()),
    ]
    for x in doc["contradictions"]:
        out.append(one_line(f"  {x['id']} ({x['resolution']}, {x['detected_by']}): {x['summary']}"))
    out += [
        "",
        "Claims by verdict: " + ", ".join(f"{k} {v}" for k, v in doc["claims_by_verdict"].items()),
        "Entities by type: " + ", ".join(f"{k} {v}" for k, v in doc["entities_by_type"].items()),
        f"Aliases: {doc['aliases']}",
        "",
        "Successions (holders of a post in order; disjoint dated times explain themselves):",
    ]
    for post, succession in doc["successions"].items():
        steps = " → ".join(
            f"{t['holder']} ({t['time']}, {t['claim']}{'; ' if t['warnings'] else ''}{'; '.join(t['warnings'])})"
            for t in succession["holders"]
        )
        out.append(one_line(f"  {post}: {steps}"))
        for change in succession["changes"]:
            how = (
                f"{change['finding']} documented by {change['explained_by']}"
                if change["finding"]
                else change["explained_by"]
            )
            out.append(one_line(f"    {change['from']} → {change['to']}: {how}"))
    out += ["", "Per source:"]
    for sid, s in doc["per_source"].items():
        cov = s["coverage"] or {}
        verdicts = ", ".join(f"{k} {v}" for k, v in sorted(s["verdicts"].items()))
        out.append(
            f"  {sid}: {s['claims_extracted']} claims extracted ({verdicts}); cited by {s['claims_citing']}; "
            f"{s['contradictions']} contradictions; "
            f"sentences covered {cov.get('covered', 0)}/{cov.get('sentences', 0)}, "
            f"explained {cov.get('explained', 0)}, missing {cov.get('missing', 0)}"
        )
    return "\n".join(out) + "\n"


def coverage_text(coverages: list[SourceCoverage]) -> str:
    lines = []
    for cov in coverages:
        c = cov.counts
        lines.append(
            f"{cov.source} {visible(cov.file)}: {c['sentences']} sentences, {c['covered']} covered by claims "
            f"({c['covered_share']:.0%}), {c['explained']} explained, {c['missing']} missing"
        )
        for s in cov.sentences:
            snippet = s.text if len(s.text) <= 70 else s.text[:67] + "…"
            # Article text reaches a terminal: its control and invisible characters are spelled out.
            lines.append(f"  ¶{s.paragraph}.{s.index} {s.status:9} {s.share:4.0%}  {visible(snippet)}")
            if s.claims:
                lines.append(f"      claims: {', '.join(s.claims)}")
            if s.reasons:
                lines.append(f"      reason: {', '.join(dict.fromkeys(s.reasons))}")
    return "\n".join(lines) + "\n"


def coverage_json(coverages: list[SourceCoverage]) -> str:
    return strict_json(
        {
            "sources": [
                {
                    "source": cov.source,
                    "file": cov.file,
                    **cov.counts,
                    "sentences_detail": [
                        {
                            "paragraph": s.paragraph,
                            "index": s.index,
                            "text": s.text,
                            "status": s.status,
                            "covered_share": round(s.share, 3),
                            "claims": s.claims,
                            "reasons": list(dict.fromkeys(s.reasons)),
                        }
                        for s in cov.sentences
                    ],
                }
                for cov in coverages
            ]
        }
    )


def report_github(doc: dict) -> str:
    """The report as text, and each undocumented finding as an error annotation."""
    lines = [
        _annotation("error", f"{f['code']} undocumented", f["message"])
        for f in doc["findings"]
        if not f["documented_by"]
    ]
    return "\n".join(lines) + ("\n" if lines else "") + report_text(doc)


def coverage_github(coverages: list[SourceCoverage]) -> str:
    """The coverage as text, and each missing sentence as a warning on its stored article."""
    lines = [
        _annotation(
            "warning", "sentence without a claim", f"{cov.source} ¶{s.paragraph}.{s.index}: {s.text}", file=cov.file
        )
        for cov in coverages
        for s in cov.sentences
        if s.status == "missing"
    ]
    return "\n".join(lines) + ("\n" if lines else "") + coverage_text(coverages)


@dataclass(frozen=True)
class Reporter:
    """How one output format renders what each reporting command produces."""

    findings: Callable[[Result], str]
    report: Callable[[dict], str]
    coverage: Callable[[list[SourceCoverage]], str]
    step_summary: Callable[[Result], str] = lambda result: ""  # Markdown for GitHub's step summary


REPORTERS: dict[str, Reporter] = {
    "text": Reporter(findings_text, report_text, coverage_text),
    "json": Reporter(findings_json, strict_json, coverage_json),
    "github": Reporter(findings_github, report_github, coverage_github, github_summary),
}
