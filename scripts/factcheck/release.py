"""Releases: the CHANGELOG, made from the git history and the records' own `changes` logs.

A release is a git tag `v<version>` whose version equals the project's (pyproject.toml and
CITATION.cff; the data package and the site carry it). For each release, newest first, and for
what is not released yet: the records added and withdrawn (their files added and deleted between
the tags) and every `changes` entry dated in the release's span, by kind.
"""

from __future__ import annotations

import subprocess
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .dataset import Dataset
from .history import HistoryError

CHANGE_KINDS = {"correction": "Corrections", "verdict-change": "Verdicts changed", "update": "Updates"}


@dataclass
class Span:
    name: str  # the tag, or "Unreleased"
    date: str  # the tag's day, or "" for what is not released
    added: list[str] = field(default_factory=list)  # record paths
    removed: list[str] = field(default_factory=list)
    changes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # kind -> lines


def _git(root: Path, *args: str) -> str:
    proc = subprocess.run(["git", "-C", str(root), "-c", "core.quotepath=off", *args], capture_output=True, text=True)
    if proc.returncode != 0:
        raise HistoryError(f"git {' '.join(args)} failed in {root}: {proc.stderr.strip()}")
    return proc.stdout


def _tags(root: Path) -> list[tuple[str, str]]:
    """(tag, day) of every release tag, oldest first."""
    out = _git(root, "tag", "--list", "v*", "--sort=creatordate", "--format=%(refname:short) %(creatordate:short)")
    return [tuple(line.split(" ", 1)) for line in out.splitlines() if line.strip()]  # type: ignore[misc]


def _files(root: Path, old: str | None, new: str) -> tuple[list[str], list[str]]:
    """Record files added and deleted between two revisions (from the start of history if old is None)."""
    args = [
        "diff",
        "--name-status",
        "--no-renames",
        "--relative",
        old or _git(root, "hash-object", "-t", "tree", "/dev/null").strip(),
    ]
    status = _git(root, *args, new, "--", "facts")
    added = [line.split("\t", 1)[1] for line in status.splitlines() if line.startswith("A\t")]
    removed = [line.split("\t", 1)[1] for line in status.splitlines() if line.startswith("D\t")]
    return sorted(added), sorted(removed)


def spans(root: Path, ds: Dataset) -> list[Span]:
    """Every release, newest first, after what is not released yet (if anything is)."""
    tags = _tags(root)
    out: list[Span] = []
    previous: str | None = None
    bounds = [(tag, day, tag) for tag, day in tags] + [("Unreleased", "", "HEAD")]
    for name, day, rev in bounds:
        span = Span(name, day)
        span.added, span.removed = _files(root, previous, rev)
        out.append(span)
        previous = rev
    starts = [""] + [day for _, day in tags]
    for rec in ds.all_records():
        for change in rec.data.get("changes", ()):
            index = sum(1 for start in starts[1:] if change["date"] > start)  # the span whose end is after it
            line = f"{rec.path}: {change['what']['en']} ({change['date']})"
            out[index].changes[change["kind"]].append(line)
    unreleased = out[-1]
    if not (unreleased.added or unreleased.removed or unreleased.changes):
        out.pop()
    return out[::-1]


def changelog(root: Path, ds: Dataset) -> str:
    """The CHANGELOG as Markdown."""
    lines = [
        "# Changelog",
        "",
        "Made by `factcheck changelog` from the git history and the records' `changes` logs.",
        "",
    ]
    for span in spans(root, ds):
        lines += [f"## {span.name}" + (f" ({span.date})" if span.date else ""), ""]
        for title, paths in (("Added", span.added), ("Withdrawn", span.removed)):
            if paths:
                lines += [f"### {title} ({len(paths)})", "", *(f"- {p}" for p in paths), ""]
        for kind, title in CHANGE_KINDS.items():
            if span.changes.get(kind):
                lines += [f"### {title}", "", *(f"- {line}" for line in sorted(span.changes[kind])), ""]
    return "\n".join(lines).rstrip() + "\n"
