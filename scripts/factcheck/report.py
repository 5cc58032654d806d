"""The consistency report: findings and what documents them, contradictions by resolution,
claims by verdict, and per-source statistics."""

from __future__ import annotations

import itertools
from collections import Counter

from .checker import Result
from .coverage import compute as compute_coverage
from .rules.succession import holders
from .timespans import describe


def build(result: Result) -> dict:
    ds, consistency = result.dataset, result.consistency
    claims = list(ds.claims.values())
    findings = consistency.findings if consistency else []
    coverage = {c.source: c.counts for c in compute_coverage(ds)}
    per_source = {}
    for sid in sorted(ds.sources):
        own = [c for c in claims if c.data["evidence"][0]["source"] == sid]  # the article it was read from
        cited = [c for c in claims if any(ev["source"] == sid for ev in c.data["evidence"])]
        per_source[sid] = {
            "claims_extracted": len(own),
            "claims_citing": len(cited),
            "verdicts": dict(Counter(c.data["verdict"]["rating"] for c in own)),
            "contradictions": sum(
                1
                for x in ds.contradictions.values()
                if sid in x.data.get("sources", ())
                or any(
                    cid in ds.claims and any(ev["source"] == sid for ev in ds.claims[cid].data["evidence"])
                    for cid in x.data.get("claims", ())
                )
            ),
            "coverage": coverage.get(sid),
        }
    return {
        "counts": {kind.folder: len(ds.records[kind.name]) for kind in ds.kinds},
        "findings": [
            {
                "code": f.code,
                "message": f.message,
                "claims": list(f.claims),
                "entities": list(f.entities),
                "sources": list(f.sources),
                "documented_by": f.documented_by,
                "silenced_by": f.silenced_by,
            }
            for f in findings
        ],
        "findings_by_status": {
            "documented": sum(1 for f in findings if f.documented_by),
            "silenced": sum(1 for f in findings if f.silenced_by),
            "undocumented": sum(1 for f in findings if not f.documented_by and not f.silenced_by),
        },
        "contradictions_by_resolution": dict(
            sorted(Counter(x.data["resolution"] for x in ds.contradictions.values()).items())
        ),
        "contradictions": [
            {
                "id": x.id,
                "resolution": x.data["resolution"],
                "detected_by": x.data["detected_by"],
                "summary": x.data["summary"]["en"],
            }
            for x in sorted(ds.contradictions.values(), key=lambda r: r.id)
        ],
        "claims_by_verdict": dict(sorted(Counter(c.data["verdict"]["rating"] for c in claims).items())),
        "entities_by_type": dict(sorted(Counter(e.data["type"] for e in ds.entities.values()).items())),
        "aliases": sum(len(e.data["aliases"]) for e in ds.entities.values()),
        "successions": _successions(ds, findings),
        "per_source": per_source,
    }


def _successions(ds, findings) -> dict:
    """Posts held by more than one person: their holders in order, the warnings between them, and
    how each change of holder is explained: by disjoint dated spans (it explains itself), or by the
    contradiction record that documents the finding (FC402, FC413) the change raised."""
    out = {}
    for post in sorted(ds.entities):
        tenures = holders(ds, post)
        if len({t.holder for t in tenures}) < 2:
            continue
        changes = []
        for before, after in itertools.pairwise(tenures):
            if before.holder == after.holder:
                continue
            pair = {before.claim.id, after.claim.id}
            finding = next((f for f in findings if pair <= set(f.claims)), None)
            changes.append(
                {
                    "from": before.claim.id,
                    "to": after.claim.id,
                    "explained_by": finding.documented_by if finding else "disjoint dated spans",
                    "finding": finding.code if finding else None,
                }
            )
        out[post] = {
            "holders": [
                {
                    "holder": t.holder,
                    "claim": t.claim.id,
                    "time": describe(t.claim),
                    "warnings": [f"{kind} {other}".strip() for kind, other in t.warnings],
                }
                for t in tenures
            ],
            "changes": changes,
        }
    return out
