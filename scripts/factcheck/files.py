"""Writing files without losing anything: a temporary file in the same folder, then a rename.

An interrupted run leaves either the old file or the new one, never half of one. A rewritten file
keeps its mode; a new one is 0644 (readable by all, as a checkout's files are), whatever the umask.
A symbolic link, or anything else that is not a regular file, is never written through or replaced.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import stat
from pathlib import Path

NEW_FILE_MODE = 0o644


class NotARegularFile(OSError):
    """The path to write is a symbolic link, a folder or another non-regular file: left alone."""

    def __init__(self, path: Path, what: str):
        super().__init__(f"{path} is {what}, not a regular file; it was left as it is")
        self.path = path
        self.what = what


def describe_mode(mode: int) -> str:
    """What a file is, in words, from its `st_mode`: for messages that refuse it."""
    for test, words in (
        (stat.S_ISREG, "a regular file"),
        (stat.S_ISLNK, "a symbolic link"),
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return words
    return "a special file"


def read_regular_file(path: Path) -> bytes:
    """The bytes of `path`, which must be a regular file: a named pipe or a device is never read
    (opened without blocking, then judged by fstat). Raises NotARegularFile or OSError."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as f:
        mode = os.fstat(f.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(Path(path), describe_mode(mode))
        return f.read()


def refuse_links(root: Path, path: Path) -> None:
    """Raise NotARegularFile if any folder between `root` and `path`, or `path` itself, is a symbolic
    link: writing there would land outside the repository."""
    current = Path(root)
    for part in Path(path).relative_to(root).parts:
        current = current / part
        try:
            mode = os.lstat(current).st_mode
        except FileNotFoundError:
            return
        if stat.S_ISLNK(mode):
            raise NotARegularFile(current, "a symbolic link")


def _umask() -> int:
    mask = os.umask(0)  # reading the umask means setting it: put it straight back
    os.umask(mask)
    return mask


_temp_names = itertools.count()


def _create_temp(folder: Path, suffix: str, mode: int) -> tuple[int, str]:
    """A new file beside the target, created exclusively with `mode` (fchmod only when the umask
    would take bits away): cheaper than mkstemp's random names plus a chmod per file."""
    while True:
        tmp = os.path.join(folder, f".tmp-{os.getpid()}-{next(_temp_names)}{suffix}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, mode)
        except FileExistsError:
            continue
        if mode & _umask():
            os.fchmod(fd, mode)  # not subject to the umask
        return fd, tmp


def write_atomic(
    path: Path, content: str | bytes, *, exclusive: bool = False, existing: os.stat_result | None = None
) -> None:
    """Write `content` (text as UTF-8, or bytes) to `path`; with `exclusive`, refuse
    (FileExistsError) if anything exists there, a dangling symbolic link included. Otherwise raise
    NotARegularFile if `path` is a symbolic link or not a regular file. `existing` is `path`'s
    lstat when the caller has it."""
    path = Path(path)
    mode = NEW_FILE_MODE
    if not exclusive:
        st = existing
        if st is None:
            with contextlib.suppress(FileNotFoundError):
                st = os.lstat(path)
        if st is not None:
            if not stat.S_ISREG(st.st_mode):
                raise NotARegularFile(path, describe_mode(st.st_mode))
            mode = stat.S_IMODE(st.st_mode)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _create_temp(path.parent, path.suffix, mode)
    done = False
    try:
        if isinstance(content, bytes):
            with os.fdopen(fd, "wb") as out:
                out.write(content)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(content)
        if exclusive:
            os.link(tmp, path)  # fails if path exists (even a dangling link), atomically
            os.unlink(tmp)
        else:
            os.replace(tmp, path)  # replaces the name itself: never writes through a link
        done = True
    finally:
        if not done and os.path.lexists(tmp):
            os.unlink(tmp)


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Write `content` (text or bytes) unless `path` already holds it; True if it wrote. One lstat
    serves both the comparison and the refusal of links (many thousands of pages are written in a
    build)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISREG(st.st_mode) and st.st_size >= len(content):
        if isinstance(content, bytes):
            with open(path, "rb") as raw:
                if raw.read() == content:
                    return False
        else:
            with open(path, encoding="utf-8", newline="") as f:
                if f.read() == content:
                    return False
    write_atomic(path, content, existing=st)
    return True
