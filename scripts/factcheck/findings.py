"""Findings are data: every problem the tools detect is one `Finding`, never a print."""

from __future__ import annotations

from dataclasses import dataclass, field
from string import Formatter

from . import codes
from .textnorm import visible

Pointer = tuple  # keys and list indexes from the record's root, e.g. ("evidence", 0, "quote")


@dataclass
class Location:
    """Another place a finding involves (e.g. the other claim of a conflict)."""

    path: str
    pointer: Pointer = ("id",)
    line: int | None = None


class _Lenient(Formatter):
    """Leave a template field visible rather than crash when a finding lacks it."""

    def get_value(self, key, args, kwargs):
        return kwargs.get(key, "{" + str(key) + "}") if isinstance(key, str) else super().get_value(key, args, kwargs)


_fmt = _Lenient()


@dataclass
class Finding:
    code: str
    path: str  # relative to the repository root, with forward slashes
    message: str
    hint: str
    severity: str
    line: int | None = None
    col: int | None = None
    pointer: Pointer | None = None  # resolved to line/col lazily, only for files with findings
    on_key: bool = False  # point at the key itself, not its value (unknown keys)
    related: list[Location] = field(default_factory=list)
    # What a consistency finding is about; a contradiction record documents it by naming them.
    claims: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    documented_by: str | None = None
    silenced_by: str | None = None  # a record that set this warning aside (`silenced`), with its reason

    @property
    def title(self) -> str:
        return codes.get(self.code).title

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "path": visible(self.path),  # a file name that is not UTF-8 cannot be written as JSON text
            "line": self.line,
            "col": self.col,
            "message": self.message,
            "hint": self.hint,
            "related": [{"path": visible(loc.path), "line": loc.line} for loc in self.related],
            "claims": list(self.claims),
            "entities": list(self.entities),
            "sources": list(self.sources),
            "documented_by": self.documented_by,
            "silenced_by": self.silenced_by,
        }


def make(
    code: str,
    path: str,
    *,
    line=None,
    col=None,
    pointer=None,
    on_key=False,
    related=(),
    claims=(),
    entities=(),
    sources=(),
    **fields,
) -> Finding:
    c = codes.get(code)
    fields.setdefault("code", code)
    fields.setdefault("involved", _involved(claims, entities, sources))
    return Finding(
        code=code,
        path=path,
        # Record text and file names reach terminals and pages: invisible characters show as <U+200B>.
        message=visible(_fmt.format(c.message, **fields)),
        hint=visible(_fmt.format(c.hint, **fields)),
        severity=c.severity,
        line=line,
        col=col,
        pointer=tuple(pointer) if pointer is not None else None,
        on_key=on_key,
        related=list(related),
        claims=tuple(claims),
        entities=tuple(entities),
        sources=tuple(sources),
    )


def _involved(claims, entities, sources) -> str:
    parts = [
        f"{key}: [{', '.join(ids)}]"
        for key, ids in (("claims", claims), ("entities", entities), ("sources", sources))
        if ids
    ]
    return " and ".join(parts) or "the records involved"
