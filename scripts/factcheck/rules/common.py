"""Helpers the rules share: the claims they compare, values in words, findings for a group of claims."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .. import findings as F
from ..dataset import Record
from ..values import value_text
from .conflicts import by_certainty


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


def conflict_findings(
    code: str,
    claims: list[Record],
    index: Callable[[], object],
    fields: Callable[[list[Record]], dict],
    pointer=("value",),
    timeless: bool = False,
) -> Iterator[F.Finding]:
    """`code` for each group of claims that conflict for certain, and FC413 (a warning) for each
    group that may conflict only as far as its dates are imprecise; `fields` gives a group's message
    fields, `index` a fresh conflict index; a `timeless` property's claims conflict whatever their dates."""
    certain, possible = by_certainty(claims, index, timeless)
    for group in certain:
        yield for_claims(code, group, pointer, **fields(group))
    for group in possible:
        inner = for_claims(code, group, pointer, **fields(group))
        yield for_claims("FC413", group, pointer, inner=inner.message, rule=code)
