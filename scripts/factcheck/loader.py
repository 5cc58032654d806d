"""Strict YAML loading: safe, UTF-8 only, no duplicate keys, tags, anchors or aliases; dates stay text.

The fast path is libyaml (CSafeLoader) without positions. Positions are computed later, and only
for files that have findings (see `positions.py`). A file that fails to load does not stop the run:
the failure comes back as findings.
"""

from __future__ import annotations

import contextlib
import errno
import math
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import yaml

from . import findings as F
from .files import describe_mode
from .textnorm import forbidden_characters

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 32
# Numbers in records are counts, amounts and paragraph numbers: finite and within ±10^15, where a
# float still holds every whole number exactly and no tool's arithmetic overflows.
MAX_NUMBER = 10**15
_MAX_DIGITS = 16

if TYPE_CHECKING:
    _Base = yaml.SafeLoader
else:  # libyaml when PyYAML is built with it
    _Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LoadError(Exception):
    """A problem with a YAML file, carried as a finding."""

    def __init__(self, finding: F.Finding):
        super().__init__(finding.message)
        self.finding = finding


_TAG = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP = _TAG + "str", _TAG + "seq", _TAG + "map"
# Plain scalars resolve like YAML 1.2's core schema, stricter: dates and times stay text, and a
# float needs a point or an exponent so "010" stays text.
_IMPLICIT = [  # (tag, pattern, the characters a match can start with)
    (_TAG + "bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (_TAG + "int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    (
        _TAG + "float",
        r"^[-+]?(?:(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+)$",
        "-+0123456789.",
    ),
    (_TAG + "null", r"^(?:~|null|Null|NULL)$", "~nN"),
]
_IMPLICIT_BY_FIRST: dict[str, list] = {}  # most scalars (keys, Arabic text) start elsewhere and skip them all
_PATTERN_OF: dict[str, re.Pattern] = {}
for _tag, _pattern, _first in _IMPLICIT:
    _PATTERN_OF[_tag] = re.compile(_pattern)
    for _ch in _first:
        _IMPLICIT_BY_FIRST.setdefault(_ch, []).append((_tag, _PATTERN_OF[_tag]))


def _int(text: str) -> int:
    if len(text.lstrip("+-")) > _MAX_DIGITS:  # int() of thousands of digits is slow, then refused
        raise OverflowError
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise OverflowError
    return value


_NUMBERS = (_TAG + "int", _TAG + "float")
_SCALARS: dict[str, Callable[[str], object]] = {
    _STR: str,
    _TAG + "int": _int,
    _TAG + "float": _float,
    _TAG + "bool": lambda v: v in ("true", "True", "TRUE"),
    _TAG + "null": lambda v: None,
}


class _RecordLoader(_Base):
    """libyaml composes the node tree; this class resolves and builds the values itself.

    Only text, numbers, true/false, null, lists and mappings exist; any other tag is refused.
    Building straight from the nodes skips PyYAML's generic constructor machinery, so strict
    loading costs less than plain `yaml.load`.
    """

    path = "<string>"
    has_float = False  # set when a float is built: the schema check judges those records strictly
    escaped = True  # whether the text has a backslash, the only way to spell a character unwritten

    def descend_resolver(self, current_node, current_index):
        pass  # no path-dependent resolution

    def ascend_resolver(self):
        pass

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            if implicit[0]:
                if not value:
                    return _TAG + "null"
                for tag, regex in _IMPLICIT_BY_FIRST.get(value[0], ()):
                    if regex.match(value):
                        return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def get_single_data(self):
        node = self.get_single_node()
        return None if node is None else self._build(node, 1)

    def _refuse(self, code, node, **fields) -> NoReturn:
        raise LoadError(
            F.make(code, self.path, line=node.start_mark.line + 1, col=node.start_mark.column + 1, **fields)
        )

    def _text(self, value: str, node) -> str:
        """Text as decoded: a YAML escape ("\\u202e") spells a character the raw-file check never
        sees, so forbidden characters are looked for again in every decoded key and value."""
        if self.escaped:
            for _, cp, name in forbidden_characters(value):
                self._refuse("FC007", node, name=name, codepoint=cp, fix=_FIX_OF.get(name, _FIX_INVISIBLE))
        return value

    def _number(self, make, node) -> int | float:
        try:
            value = make(node.value)
            if abs(value) <= MAX_NUMBER:
                self.has_float = self.has_float or isinstance(value, float)
                return value
        except OverflowError:
            pass
        self._refuse("FC012", node, value=_shorten(node.value), limit=MAX_NUMBER)

    def _build(self, node, depth: int):
        if depth > MAX_DEPTH:
            self._refuse("FC011", node, limit=MAX_DEPTH)
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            make = _SCALARS.get(tag)
            # An explicit tag must fit its value: `!!int abc` or `!!bool yes` is refused, not guessed.
            if make is None or (
                tag in _PATTERN_OF
                and not (tag == _TAG + "null" and not node.value)
                and not _PATTERN_OF[tag].match(node.value)
            ):
                self._refuse("FC003", node, tag=tag)
            if make is str:
                return self._text(node.value, node)
            if tag in _NUMBERS:
                return self._number(make, node)
            return make(node.value)
        if isinstance(node, yaml.SequenceNode):
            if tag != _SEQ:
                self._refuse("FC003", node, tag=tag)
            return [self._build(item, depth + 1) for item in node.value]
        if tag != _MAP:
            self._refuse("FC003", node, tag=tag)
        mapping: dict = {}
        for key_node, value_node in node.value:
            if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag == _STR):
                self._refuse("FC009", key_node, key=repr(key_node.value))
            key = self._text(key_node.value, key_node)
            if key in mapping:
                first = next(k for k, _ in node.value if k.value == key)
                self._refuse("FC002", key_node, key=key, first_line=first.start_mark.line + 1)
            mapping[key] = self._build(value_node, depth + 1)
        return mapping


@dataclass
class LoadedFile:
    path: str  # relative to the root, forward slashes
    text: str | None = None
    data: dict | None = None  # the record, when the file holds one mapping
    has_float: bool = False
    findings: list[F.Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _scan_anchors(text: str, path: str) -> None:
    """Reject anchors and aliases (the billion-laughs vector) without expanding anything."""
    for event in yaml.parse(text, Loader=_Base):
        name = getattr(event, "anchor", None)
        if name is not None:
            what = "alias" if isinstance(event, yaml.AliasEvent) else "anchor"
            mark = event.start_mark
            raise LoadError(
                F.make(
                    "FC004",
                    path,
                    line=mark.line + 1 if mark else 1,
                    col=mark.column + 1 if mark else 1,
                    what=what,
                    name=name,
                )
            )


def _flow_nesting_ok(text: str, limit: int) -> bool:
    """libyaml's C composer recurses once per level of `[`/`{` nesting and crashes the process
    (not a Python error) past some tens of thousands, so deep flow nesting is refused before
    parsing. Block nesting needs indentation, which the file-size limit keeps shallow."""
    if text.count("[") + text.count("{") <= limit:
        return True
    depth = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            if depth > limit:
                return False
        elif ch in "]}":
            depth = max(0, depth - 1)
    return True


_FIX_INVISIBLE = (
    "Delete it: bidi controls and invisible characters can make text display differently "
    "from what it says, and no record needs them."
)
_FIX_OF = {
    "carriage return": "Save the file with LF line ends (Unix), not CRLF: most editors have a line-ending "
    "setting, and `git config core.autocrlf input` keeps them.",
    "line separator": "Delete it: YAML reads it as a line break that a diff does not show, so one visible "
    "line can hide another key.",
    "paragraph separator": "Delete it: YAML reads it as a line break that a diff does not show, so one "
    "visible line can hide another key.",
    "control character": "Delete it: control characters are not text; write the character you mean.",
}


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)"


def parse_text(text: str, path: str):
    """Parse a record's text; raises LoadError."""
    return _parse(text, path)[0]


def _parse(text: str, path: str) -> tuple[dict, bool]:
    """The record and whether it holds a float; raises LoadError."""
    for offset, cp, name in forbidden_characters(text):
        line, col = _line_col(text, offset)
        raise LoadError(
            F.make("FC007", path, line=line, col=col, name=name, codepoint=cp, fix=_FIX_OF.get(name, _FIX_INVISIBLE))
        )
    if not _flow_nesting_ok(text, MAX_DEPTH):
        raise LoadError(F.make("FC011", path, line=1, col=1, limit=MAX_DEPTH))
    if "&" in text or "*" in text:
        with contextlib.suppress(yaml.YAMLError):  # reported with its position by the load below
            _scan_anchors(text, path)
    loader = _RecordLoader(text)
    loader.path = path
    loader.escaped = "\\" in text
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(x for x in (exc.context, exc.problem) if x)
        raise LoadError(
            F.make(
                "FC001",
                path,
                line=mark.line + 1 if mark else None,
                col=mark.column + 1 if mark else None,
                problem=problem,
            )
        ) from None
    except yaml.YAMLError as exc:
        raise LoadError(F.make("FC001", path, problem=str(exc))) from None
    except RecursionError:
        raise LoadError(F.make("FC011", path, line=1, col=1, limit=MAX_DEPTH)) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        found = "nothing" if data is None else f"a {type(data).__name__}"
        raise LoadError(F.make("FC008", path, line=1, col=1, found=found))
    return data, loader.has_float


def decode(raw: bytes, path: str) -> str:
    if len(raw) > MAX_FILE_BYTES:
        raise LoadError(F.make("FC005", path, line=1, col=1, size=len(raw), limit=MAX_FILE_BYTES))
    if raw.startswith(b"\xef\xbb\xbf"):
        raise LoadError(F.make("FC006", path, line=1, col=1, problem="it starts with a byte-order mark"))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(F.make("FC006", path, line=1, col=1, problem="it is UTF-16"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8", "replace")
        line, col = _line_col(good, len(good))
        raise LoadError(
            F.make(
                "FC006",
                path,
                line=line,
                col=col,
                problem=f"byte 0x{raw[exc.start]:02x} at offset {exc.start} is not UTF-8",
            )
        ) from None


def read_record_bytes(file: Path, rel: str) -> bytes:
    """The bytes of a record file, which must be a regular file: a link is not followed and a pipe or
    device is not read (O_NOFOLLOW, O_NONBLOCK, then fstat), even if one replaced the file since
    it was listed. Raises LoadError."""
    try:
        fd = os.open(file, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        what = "a symbolic link" if exc.errno == errno.ELOOP else f"unreadable ({exc.strerror})"
        raise LoadError(F.make("FC013", rel, line=1, col=1, file=rel, what=what)) from None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise LoadError(F.make("FC013", rel, line=1, col=1, file=rel, what=describe_mode(info.st_mode)))
        if info.st_size > MAX_FILE_BYTES:  # don't read a huge file into memory to reject it
            raise LoadError(F.make("FC005", rel, line=1, col=1, size=info.st_size, limit=MAX_FILE_BYTES))
        return f.read(MAX_FILE_BYTES + 1)


def load_file(file: Path, rel: str) -> LoadedFile:
    loaded = LoadedFile(rel)
    try:
        loaded.text = decode(read_record_bytes(file, rel), rel)
        loaded.data, loaded.has_float = _parse(loaded.text, rel)
    except LoadError as exc:
        loaded.findings.append(exc.finding)
    return loaded
