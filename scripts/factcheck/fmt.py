"""One canonical layout for records, so diffs stay small: keys in schema order, two-space
indentation, one line per scalar (never wrapped), quotes only where YAML needs them.

Content and comments survive byte for byte: a comment line stays above the key (or list item) it
preceded, an end-of-line comment stays on its line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .checker import discover
from .files import NotARegularFile, write_atomic
from .findings import Finding
from .loader import LoadError, decode, parse_text, read_record_bytes
from .schemas import Schemas

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\ufeff]")


# ---------------------------------------------------------------- key order from the schema


class KeyOrder:
    """Schema nodes travel with the document they belong to, so local `#/$defs/...` refs resolve."""

    def __init__(self, schemas: Schemas):
        self.schemas = schemas

    def root(self, kind: str):
        return self.schemas.documents[kind], self.schemas.documents[kind]

    def _resolve(self, ref):
        node, doc = ref
        while "$ref" in node:
            node, doc = self.schemas.resolve(node["$ref"], doc)
        return node, doc

    def child(self, ref, key):
        """The schema of a mapping's key, or of a list's items (key None)."""
        if ref is None:
            return None
        node, doc = self._resolve(ref)
        found = node.get("items") if key is None else node.get("properties", {}).get(key)
        return (found, doc) if found is not None else None

    def order(self, ref, keys) -> list:
        props = list(self._resolve(ref)[0].get("properties", {})) if ref else []
        known = [k for k in props if k in keys]
        return known + [k for k in keys if k not in props]


# ---------------------------------------------------------------- comments


def _comments(text: str) -> tuple[dict, dict]:
    """(comment lines above a path, end-of-line comment of a path), read against the node tree."""
    lines = text.split("\n")
    starts: list[tuple[int, tuple]] = []  # (line, path) of every key and list item
    ends: dict[tuple, tuple[int, int]] = {}  # path -> (line, column) where its scalar value ends

    def walk(node, path):
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                starts.append((k.start_mark.line, path + (k.value,)))
                walk(v, path + (k.value,))
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                starts.append((v.start_mark.line, path + (i,)))
                walk(v, path + (i,))
        else:
            ends[path] = (node.end_mark.line, node.end_mark.column)

    root = yaml.compose(text, Loader=_Loader)
    if root is not None:
        walk(root, ())
    starts.sort(key=lambda s: s[0])
    above: dict[tuple, list[str]] = {}
    pending: list[str] = []
    first_path_at: dict[int, tuple] = {}
    for start, path in starts:
        first_path_at.setdefault(start, path)
    for n, line in enumerate(lines):
        if line.strip().startswith("#"):
            pending.append(line.strip())
        elif n in first_path_at and pending:
            above[first_path_at[n]] = pending
            pending = []
    if pending:
        above[("<end>",)] = pending
    eol = {}
    for path, (end_line, col) in ends.items():
        rest = lines[end_line][col:] if end_line < len(lines) else ""
        if rest.strip().startswith("#"):
            eol[path] = rest.strip()
    return above, eol


# ---------------------------------------------------------------- scalars


def _resolves_to_text(value: str) -> bool:
    """True if `value`, written plain, reads back as this text for us and for YAML 1.1 tools."""
    try:
        ours = parse_text(f"k: {value}\n", "<fmt>")["k"]
        theirs = yaml.load(f"k: {value}\n", Loader=_Loader)["k"]
    except Exception:  # noqa: BLE001 - whatever fails to read back as this text gets quoted
        return False
    return ours == value and theirs == value


def scalar(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    if _CONTROL.search(text) or "\n" in text:
        return json.dumps(text, ensure_ascii=False)
    plain = (
        text
        and text == text.strip()
        and text[0] not in _INDICATORS
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and "\t" not in text
        and _resolves_to_text(text)
    )
    return text if plain else "'" + text.replace("'", "''") + "'"


# ---------------------------------------------------------------- emitter


class _Emitter:
    def __init__(self, order: KeyOrder, above: dict, eol: dict):
        self.order, self.above, self.eol = order, above, eol
        self.lines: list[str] = []

    def comments(self, path, indent):
        for c in self.above.get(path, ()):
            self.lines.append(" " * indent + c)

    def tail(self, path) -> str:
        return f"  {self.eol[path]}" if path in self.eol else ""

    def mapping(self, data: dict, schema, path, indent, first_prefix=None):
        for i, key in enumerate(self.order.order(schema, list(data))):
            kpath = path + (key,)
            prefix = first_prefix if (i == 0 and first_prefix is not None) else " " * indent
            if not (i == 0 and first_prefix is not None):
                self.comments(kpath, indent)
            self.value(f"{prefix}{scalar(key)}:", data[key], self.order.child(schema, key), kpath, indent)

    def value(self, head: str, value, schema, path, indent):
        if isinstance(value, dict) and value:
            self.lines.append(head)
            self.mapping(value, schema, path, indent + 2)
        elif isinstance(value, list) and value:
            self.lines.append(head)
            self.sequence(value, self.order.child(schema, None), path, indent)
        else:
            empty = "{}" if isinstance(value, dict) else "[]" if isinstance(value, list) else scalar(value)
            self.lines.append(f"{head} {empty}{self.tail(path)}")

    def sequence(self, items: list, schema, path, indent):
        for i, item in enumerate(items):
            ipath = path + (i,)
            self.comments(ipath, indent)
            if isinstance(item, dict) and item:
                first_key = self.order.order(schema, list(item))[0]
                self.comments(ipath + (first_key,), indent + 2)
                self.mapping(item, schema, ipath, indent + 2, first_prefix=" " * indent + "- ")
            elif isinstance(item, list) and item:
                self.lines.append(" " * indent + "-")
                self.sequence(item, self.order.child(schema, None), ipath, indent + 2)
            else:
                empty = "{}" if isinstance(item, dict) else "[]" if isinstance(item, list) else scalar(item)
                self.lines.append(f"{' ' * indent}- {empty}{self.tail(ipath)}")


def render(data: dict, kind: str, schemas: Schemas, above: dict | None = None, eol: dict | None = None) -> str:
    """A record's data in the canonical layout, with comments placed by path."""
    order = KeyOrder(schemas)
    emitter = _Emitter(order, above or {}, eol or {})
    emitter.mapping(data, order.root(kind), (), 0)
    emitter.comments(("<end>",), 0)
    return "\n".join(emitter.lines) + "\n"


def format_text(text: str, kind: str, schemas: Schemas, path: str = "<record>") -> str:
    """The canonical form of a record's text (raises loader.LoadError if it does not load)."""
    data = parse_text(text, path)
    above, eol = _comments(text)
    return render(data, kind, schemas, above, eol)


# ---------------------------------------------------------------- a repository's records


@dataclass
class Formatted:
    """What formatting the records did, or would do (`check`)."""

    check: bool
    changed: list[str] = field(default_factory=list)  # files rewritten (or that would be)
    broken: list[Finding] = field(default_factory=list)  # not loadable, or not regular files: untouched
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file, what it is now) found a link at write

    @property
    def ok(self) -> bool:
        return not (self.broken or self.refused or (self.check and self.changed))


def format_records(root: Path, wanted: list[str] | None = None, *, check: bool = False) -> Formatted:
    """Put the records under root (or those under the `wanted` paths, relative to root) in the
    canonical layout; with `check`, write nothing and only say which files would change.

    Entries discovery refuses to open (symbolic links, special files) are left alone and reported;
    misplaced files (FC010) are not records at all. A rewritten file keeps its permissions."""
    schemas = Schemas(root / "schema")
    files, problems = discover(root, schemas.kinds)
    done = Formatted(check)

    def wanted_path(rel: str) -> bool:
        return not wanted or any(rel == p or rel.startswith(p.rstrip("/") + "/") for p in wanted)

    done.broken = [f for f in problems if f.code != "FC010" and wanted_path(f.path)]
    for file, rel, kind in files:
        if not wanted_path(rel):
            continue
        try:
            text = decode(read_record_bytes(file, rel), rel)
            formatted = format_text(text, kind, schemas, rel)
        except LoadError as exc:
            done.broken.append(exc.finding)
            continue
        if formatted == text:
            continue
        if not check:
            try:
                write_atomic(file, formatted)
            except NotARegularFile as exc:
                done.refused.append((rel, exc.what))
                continue
        done.changed.append(rel)
    return done
