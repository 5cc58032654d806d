"""Helpers the rules share: value keys and finding construction for a group of claims."""

from __future__ import annotations

from collections.abc import Iterable

from .. import findings as F
from ..dataset import Record
from ..textnorm import normalize


def active_claims(ds) -> Iterable[Record]:
    """Claims the rules compare: all but those an editor has deprecated."""
    return (c for c in ds.claims.values() if c.data.get("rank") != "deprecated")


def value_key(claim: Record):
    """What a claim's value is, for comparison: entity id, normalised Arabic text, amount or date."""
    value = claim.data.get("value")
    if not value:
        return None
    kind, v = next(iter(value.items()))
    if kind == "text":
        return ("text", normalize(v["ar"]))
    if kind == "quantity":
        return ("quantity", v["amount"], v.get("upper", v["amount"]), normalize(v["unit"]["ar"]))
    return (kind, v)


def value_words(claim: Record) -> str:
    value = claim.data.get("value")
    if not value:
        return "(no value)"
    kind, v = next(iter(value.items()))
    if kind == "text":
        return f"'{v['en']}'"
    if kind == "quantity":
        return f"{v['amount']:g}" + (f"–{v['upper']:g}" if "upper" in v else "") + f" {v['unit']['en']}"
    return str(v)


MAX_RELATED = 20  # places listed under a finding; `claims` still names every member


def for_claims(code: str, claims: list[Record], pointer=("value",), **fields) -> F.Finding:
    """A finding located at the first claim, with the others as related locations; `pointer` says
    which field of each claim the conflict is about."""
    claims = sorted(claims, key=lambda c: c.id)
    first = claims[0]
    return F.make(code, first.path, pointer=pointer, claims=tuple(c.id for c in claims),
                  related=[F.Location(c.path, pointer) for c in claims[1:MAX_RELATED + 1]], **fields)
