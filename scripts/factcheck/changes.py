"""What a change touches: the record files and stored articles added, edited or deleted since a
git revision (for `validate --changed`, the fast path for pull requests)."""

from __future__ import annotations

import subprocess
from pathlib import Path


class ChangesError(Exception):
    """The revision cannot be compared with; the message says what to give instead."""


def _git(root: Path, *args: str) -> list[str]:
    """git's NUL-separated output (-z): file names come through as they are, never quoted."""
    proc = subprocess.run(["git", *args], cwd=root, capture_output=True, encoding="utf-8", errors="surrogateescape")
    if proc.returncode != 0:
        raise ChangesError(f"git {' '.join(args)} failed: {proc.stderr.strip() or 'no such commit'}")
    return proc.stdout.split("\0")


def base_commit(root: Path, base: str) -> str:
    """The commit id `base` names. It is never read as an option: one starting with `-` is refused
    before git runs, and git resolves it with `rev-parse --verify --end-of-options`. Raise
    ChangesError if it is not a commit here."""
    if not base or base.startswith("-"):
        raise ChangesError(f"--changed takes a git revision (a branch, tag or commit, e.g. origin/main), not {base!r}")
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{base}^{{commit}}")[0].strip()
    except ChangesError:
        raise ChangesError(
            f"--changed {base}: git knows no such commit here; give a branch, tag or commit "
            f"(fetch it first, e.g. git fetch origin main)"
        ) from None


def changed_paths(root: Path, base: str) -> set[str]:
    """Record files and stored articles added, edited or deleted since `base` (see base_commit),
    and untracked ones, relative to root."""
    commit = base_commit(root, base)
    # Both list paths relative to root, the working directory here. Stored articles too: an edited
    # article changes what its source record checks (FC303).
    names = _git(root, "diff", "-z", "--name-only", "--relative", "--end-of-options", commit, "--", "facts", "seeds")
    names += _git(root, "ls-files", "-z", "--others", "--exclude-standard", "--", "facts", "seeds")
    return {name for name in names if name}


def published_text(root: Path, commit: str, path: str) -> str | None:
    """The text of `path` (relative to root) as `commit` has it, or None if it has no such file."""
    try:
        return "\0".join(_git(root, "show", f"{commit}:./{path}"))
    except ChangesError:
        return None
