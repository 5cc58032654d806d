"""Findings of the consistency rules meet the contradiction records that document them.

A finding is documented when a contradiction record with the same `detected_by` code names every
claim, entity and source the finding involves. Undocumented findings are errors; a record that
documents nothing and was not found by hand is stale (a warning).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import codes, rules
from . import findings as F
from .dataset import Dataset


@dataclass
class Consistency:
    findings: list[F.Finding]  # every rule finding, with documented_by set where a record covers it
    stale: list[F.Finding]  # warnings for records that document nothing

    @property
    def undocumented(self) -> list[F.Finding]:
        return [f for f in self.findings if f.documented_by is None and f.silenced_by is None]


def _covers(record, finding: F.Finding) -> bool:
    d = record.data
    return (
        d["detected_by"] == finding.code
        and set(finding.claims) <= set(d.get("claims", ()))
        and set(finding.entities) <= set(d.get("entities", ()))
        and set(finding.sources) <= set(d.get("sources", ()))
    )


def check(ds: Dataset) -> Consistency:
    found = rules.run(ds)
    by_code: dict[str, list] = {}
    for record in ds.contradictions.values():
        by_code.setdefault(record.data["detected_by"], []).append(record)
    used = set()
    for finding in found:
        for record in by_code.get(finding.code, ()):
            if _covers(record, finding):
                finding.documented_by = record.id
                used.add(record.id)
                break
    stale = _silence(ds, found)
    stale += [
        F.make("FC490", rec.path, pointer=("detected_by",), id=rec.id, detected_by=rec.data["detected_by"])
        for rec in sorted(ds.contradictions.values(), key=lambda r: r.id)
        if rec.data["detected_by"] != "manual" and rec.id not in used
    ]
    return Consistency(found, stale)


def _silence(ds: Dataset, found: list[F.Finding]) -> list[F.Finding]:
    """Set aside the warnings a record they involve silences (`silenced`: code and reason); an error
    cannot be set aside (FC491)."""
    out = []
    silenced: dict[tuple[str, str], str] = {}  # (record id, code) -> record id
    for kind in ("claim", "entity", "source"):
        for rec in ds.records[kind].values():
            for i, item in enumerate(rec.data.get("silenced", ())):
                known = codes.CODES.get(item["code"])
                if known is None or known.severity != codes.WARNING:
                    out.append(
                        F.make("FC491", rec.path, pointer=("silenced", i, "code"), id=rec.id, silenced=item["code"])
                    )
                else:
                    silenced[(rec.id, item["code"])] = rec.id
    for finding in found:
        if finding.severity == codes.WARNING and finding.documented_by is None:
            finding.silenced_by = next(
                (
                    silenced[(rid, finding.code)]
                    for rid in (*finding.claims, *finding.entities, *finding.sources)
                    if (rid, finding.code) in silenced
                ),
                None,
            )
    return out
