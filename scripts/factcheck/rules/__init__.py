"""The consistency rules: small functions over the loaded dataset that return findings.

No rule scans all pairs of claims: each groups claims by subject, property, post, event or
source first and compares only within a group. Claims ranked `deprecated` are skipped: an editor
has already said they are wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .. import findings as F
from ..dataset import Dataset
from . import dates, events, heuristics, names, order, quantities, single_value

Rule = Callable[[Dataset], Iterable[F.Finding]]

RULES: list[Rule] = [
    single_value.check,
    events.check,
    quantities.check,
    names.check,
    dates.check,
    order.check,
    heuristics.check,
]

# Codes whose findings compare claims; inside one source they become FC412.
_COMPARING = {"FC401", "FC402", "FC403", "FC405"}


def run(ds: Dataset) -> list[F.Finding]:
    out: list[F.Finding] = []
    for rule in RULES:
        out.extend(rule(ds))
    return [_within_source(ds, f) for f in out]


def _within_source(ds: Dataset, finding: F.Finding) -> F.Finding:
    """Two claims of one article that conflict: the article contradicts itself (rule 7)."""
    if finding.code not in _COMPARING or len(finding.claims) < 2:
        return finding
    sources = [{ev["source"] for ev in ds.claims[c].data["evidence"]} for c in finding.claims]
    shared = set.intersection(*sources)
    if not shared:
        return finding
    return F.make(
        "FC412",
        finding.path,
        pointer=finding.pointer,
        claims=finding.claims,
        related=finding.related,
        source=", ".join(sorted(shared)),
        inner=finding.message,
        inner_code=finding.code,
    )
