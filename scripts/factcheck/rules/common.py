"""Helpers the rules share: the claims they compare, values in words, findings for a group of claims."""

from __future__ import annotations

from collections.abc import Iterable

from .. import findings as F
from ..dataset import Record
from ..values import value_text


def active_claims(ds) -> Iterable[Record]:
    """Claims the rules compare: all but those an editor has deprecated."""
    return (c for c in ds.claims.values() if c.data.get("rank") != "deprecated")


def value_words(claim: Record) -> str:
    """A claim's value in a finding's message: text quoted, '(no value)' when it has none."""
    value = claim.data.get("value")
    if not value:
        return "(no value)"
    words = value_text(value)
    return f"'{words}'" if "text" in value else words


MAX_RELATED = 20  # places listed under a finding; `claims` still names every member


def for_claims(code: str, claims: list[Record], pointer=("value",), **fields) -> F.Finding:
    """A finding located at the first claim, with the others as related locations; `pointer` says
    which field of each claim the conflict is about."""
    claims = sorted(claims, key=lambda c: c.id)
    first = claims[0]
    return F.make(
        code,
        first.path,
        pointer=pointer,
        claims=tuple(c.id for c in claims),
        related=[F.Location(c.path, pointer) for c in claims[1 : MAX_RELATED + 1]],
        **fields,
    )
