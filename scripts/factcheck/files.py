"""Writing files without losing anything: a temporary file in the same folder, then a rename.

An interrupted run leaves either the old file or the new one, never half of one. A rewritten file
keeps its mode; a new one is 0644 (readable by all, as a checkout's files are), whatever the umask.
A symbolic link, or anything else that is not a regular file, is never written through or replaced.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

NEW_FILE_MODE = 0o644


class NotARegularFile(OSError):
    """The path to write is a symbolic link, a folder or another non-regular file: left alone."""

    def __init__(self, path: Path, what: str):
        super().__init__(f"{path} is {what}, not a regular file; it was left as it is")
        self.path = path
        self.what = what


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a special file"


def write_atomic(path: Path, content: str, *, exclusive: bool = False) -> None:
    """Write `content` to `path`; with `exclusive`, refuse (FileExistsError) if anything exists
    there, a dangling symbolic link included. Otherwise raise NotARegularFile if `path` is a
    symbolic link or not a regular file."""
    path = Path(path)
    mode = NEW_FILE_MODE
    if not exclusive:
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            pass
        else:
            if not stat.S_ISREG(st.st_mode):
                raise NotARegularFile(path, _kind(st.st_mode))
            mode = stat.S_IMODE(st.st_mode)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            os.fchmod(f.fileno(), mode)  # mkstemp makes 0600; fchmod is not subject to the umask
            f.write(content)
        if exclusive:
            os.link(tmp, path)  # fails if path exists (even a dangling link), atomically
        else:
            os.replace(tmp, path)  # replaces the name itself: never writes through a link
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)


def write_if_changed(path: Path, content: str) -> bool:
    if path.is_file() and not path.is_symlink() and path.read_text(encoding="utf-8") == content:
        return False
    write_atomic(path, content)
    return True
