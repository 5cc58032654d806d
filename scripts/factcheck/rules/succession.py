"""Successions: the holders of a single-holder post, in order, with what the dates allow one to say
between neighbours (as wikidata-position-history shows a position's holders).

Different holders whose dated spans are disjoint succeeded one another: that explains itself and
needs no contradiction record. Holders whose spans certainly overlap, or may overlap only because a
date is imprecise, are FC402 findings (single_value.py) and need a record; here they are marked so
a reader sees them beside the holders. Between neighbours in time, a gap shows where the sources
say one holding ended and the next began days later (`ending` / `starting`), and a predecessor
mismatch where a claim says whom its holder `replaces` and the holder before is someone else."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from ..dataset import Dataset, Record
from ..timespans import EARLIEST, LATEST, Span, certain_span, claim_span

OVERLAP, MAY_OVERLAP, UNDATED = "overlap", "may-overlap", "undated"
GAP, PREDECESSOR = "gap", "predecessor"


@dataclass
class Tenure:
    claim: Record
    holder: str  # entity id
    span: Span  # every day the holding may cover
    certain: Span | None  # days it certainly covers (None when the dates are too imprecise to say)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (kind, the other claim's id)


def _holdings(ds: Dataset) -> tuple[dict[str, bool], dict[str, list[Record]]]:
    """(holding property -> whether it promises one holder at a time, post -> the claims that hold
    it, deprecated ones left out), built once per dataset: every post's page asks for its holders."""
    if "holdings" not in ds.derived:
        holding = {
            pid: p.data.get("single_subject", False)
            for pid, p in ds.properties.items()
            if p.data.get("role") == "holds-post"
        }
        by_post: dict[str, list[Record]] = {}
        for c in ds.claims.values():
            post = (c.data.get("value") or {}).get("entity")
            if c.data["property"] in holding and post and c.data.get("rank") != "deprecated":
                by_post.setdefault(post, []).append(c)
        ds.derived["holdings"] = (holding, by_post)
    return ds.derived["holdings"]


def holders(ds: Dataset, post: str) -> list[Tenure]:
    """The tenures of `post` (claims of a property with `role: holds-post` whose value it is), in
    order of time, each with its warnings against the other holders."""
    holding, by_post = _holdings(ds)
    claims = by_post.get(post, [])
    undated = (EARLIEST, LATEST)
    tenures = sorted(
        (Tenure(c, c.data["subject"], claim_span(c), certain_span(c)) for c in claims),
        key=lambda t: (t.span == undated, t.span[0], t.span[1], t.claim.id),
    )
    for a in tenures:
        if a.span == undated:
            a.warnings.append((UNDATED, ""))
            continue
        for b in tenures:
            if b is a or b.holder == a.holder or b.span == undated or not holding[a.claim.data["property"]]:
                continue
            if a.certain and b.certain and a.certain[0] <= b.certain[1] and b.certain[0] <= a.certain[1]:
                a.warnings.append((OVERLAP, b.claim.id))
            elif a.span[0] <= b.span[1] and b.span[0] <= a.span[1]:
                a.warnings.append((MAY_OVERLAP, b.claim.id))
    dated = [t for t in tenures if t.span != undated]
    for before, after in itertools.pairwise(dated):
        _between(before, after)
    return tenures


def _between(before: Tenure, after: Tenure) -> None:
    """What the sources say about the change from one holding to the next in time."""
    named = after.claim.data.get("replaces")
    if named and named != before.holder:
        after.warnings.append((PREDECESSOR, before.claim.id))
    ended = (before.claim.data.get("time") or {}).get("ending")
    began = (after.claim.data.get("time") or {}).get("starting")
    if ended and began and after.span[0] > before.span[1] + 1 and before.holder != after.holder:
        after.warnings.append((GAP, before.claim.id))
