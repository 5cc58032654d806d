"""When each record was first published and last changed: the dates of the first and the last
commit that touched its file, read from git in one pass.

The dates are the commits' own (committer dates, in UTC), so every build of one commit prints the
same dates. A file changed but not committed yet (a local preview) is dated SOURCE_DATE_EPOCH when
it is set, else today. Outside a git work tree (a test copy, a generated benchmark) there are no
dates. A shallow clone is refused: its oldest commit would pass for the first publication of every
record (the Pages workflow fetches the whole history).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path


class HistoryError(Exception):
    """The history cannot give true dates (a shallow clone, or git failing)."""


@dataclass(frozen=True)
class Dates:
    published: str  # YYYY-MM-DD (UTC): the first commit that added the file
    modified: str  # YYYY-MM-DD (UTC): the last commit that changed it


def _git(root: Path, *args: str) -> str:
    # Dates in UTC whatever the machine's zone; paths unquoted.
    env = dict(os.environ, TZ="UTC")
    proc = subprocess.run(
        ["git", "-C", str(root), "-c", "core.quotepath=off", *args], capture_output=True, text=True, env=env
    )
    if proc.returncode != 0:
        raise HistoryError(f"git {' '.join(args)} failed in {root}: {proc.stderr.strip()}")
    return proc.stdout


def _today() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return now.date().isoformat()


def _in_work_tree(root: Path) -> bool:
    proc = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "--is-inside-work-tree"], capture_output=True, text=True
    )
    return proc.returncode == 0 and proc.stdout.strip() == "true"


def record_dates(root: Path, folder: str = "facts") -> dict[str, Dates]:
    """Dates of every file under root/folder, by path relative to root ('facts/claims/c-000-001.yaml').
    Empty outside a git work tree; HistoryError in a shallow clone."""
    if not _in_work_tree(root):
        return {}
    if _git(root, "rev-parse", "--is-shallow-repository").strip() == "true":
        raise HistoryError(
            f"{root} is a shallow clone: the first and last change of each record cannot be known. "
            "Fetch the whole history (git fetch --unshallow; in GitHub Actions, actions/checkout with "
            "fetch-depth: 0)."
        )
    dates: dict[str, Dates] = {}
    # Newest commit first: a path's first sighting is its last change, its last sighting its first.
    log = _git(
        root, "log", "--format=%x00%cd", "--date=format-local:%Y-%m-%d", "--name-only", "--relative", "--", folder
    )
    for block in log.split("\0")[1:]:
        day, *paths = block.strip("\n").split("\n")
        for path in filter(None, paths):
            known = dates.get(path)
            dates[path] = Dates(published=day, modified=known.modified if known else day)
    today = _today()
    prefix = _git(root, "rev-parse", "--show-prefix").strip()  # status names paths from the top
    status = _git(root, "status", "--porcelain", "-z", "--no-renames", "--untracked-files=all", "--", folder)
    for entry in filter(None, status.split("\0")):
        state, path = entry[:2], entry[3:].removeprefix(prefix)
        if "D" in state:
            dates.pop(path, None)
        elif path in dates and state != "??":
            dates[path] = Dates(published=dates[path].published, modified=today)
        else:
            dates[path] = Dates(published=today, modified=today)
    return dates
