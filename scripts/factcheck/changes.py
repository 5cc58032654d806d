"""What a change touches: the record files and stored articles added, edited or deleted since a
git revision (for `validate --changed`, the fast path for pull requests)."""

from __future__ import annotations

import subprocess
from pathlib import Path


class ChangesError(Exception):
    """The revision cannot be compared with; the message says what to give instead."""


def changed_paths(root: Path, base: str) -> set[str]:
    """Record files and stored articles added, edited or deleted since `base`, and untracked ones,
    relative to root.

    `base` must name a commit. It is never read as an option: one starting with `-` is refused
    before git runs, and git resolves it with `rev-parse --verify --end-of-options` first, so only
    the commit id it gives reaches `git diff`. Raise ChangesError if it is not a commit here."""
    if not base or base.startswith("-"):
        raise ChangesError(f"--changed takes a git revision (a branch, tag or commit, e.g. origin/main), not {base!r}")

    def git(*args: str) -> list[str]:
        proc = subprocess.run(["git", *args], cwd=root, capture_output=True, encoding="utf-8", errors="surrogateescape")
        if proc.returncode != 0:
            raise ChangesError(f"git {' '.join(args)} failed: {proc.stderr.strip() or 'no such commit'}")
        return proc.stdout.split("\0")

    try:
        commit = git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{base}^{{commit}}")[0].strip()
    except ChangesError:
        raise ChangesError(
            f"--changed {base}: git knows no such commit here; give a branch, tag or commit "
            f"(fetch it first, e.g. git fetch origin main)"
        ) from None
    # NUL-separated (-z): file names come through as they are, never quoted. Both list paths
    # relative to root, the working directory here.
    # Stored articles too: an edited article changes what its source record checks (FC303).
    names = git("diff", "-z", "--name-only", "--relative", "--end-of-options", commit, "--", "facts", "seeds") + git(
        "ls-files", "-z", "--others", "--exclude-standard", "--", "facts", "seeds"
    )
    return {name for name in names if name}
