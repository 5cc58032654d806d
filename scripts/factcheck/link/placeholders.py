"""Placeholders that `factcheck new` writes where the contributor's words go (FC106): a record
holding one is unfinished."""

from __future__ import annotations

from .. import findings as F
from ..dataset import Record

PLACEHOLDER = {"ar": "اكتب هنا بالعربية.", "en": "Write here in English."}
PLACEHOLDER_DATE = "YYYY-MM-DD"
_PLACEHOLDERS = frozenset((*PLACEHOLDER.values(), PLACEHOLDER_DATE))
_PLACEHOLDER_WORDS = ("Write", "اكتب", PLACEHOLDER_DATE)


def check(rec: Record) -> list[F.Finding]:
    """Every field still holding a placeholder, named so the contributor knows what to fill in."""
    if "\\" not in rec.text and not any(word in rec.text for word in _PLACEHOLDER_WORDS):
        return []  # not in the file (YAML may fold a value across lines, never a word), nor escaped
    out = []
    stack: list[tuple[tuple, object]] = [((), rec.data)]
    while stack:
        pointer, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((pointer + (k,), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((pointer + (i,), v) for i, v in enumerate(value))
        elif isinstance(value, str) and " ".join(value.split()) in _PLACEHOLDERS:
            out.append(F.make("FC106", rec.path, pointer=pointer, field=".".join(map(str, pointer)), text=value))
    return sorted(out, key=lambda f: f.pointer or ())
