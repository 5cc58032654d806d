"""Findings of the consistency rules meet the contradiction records that document them.

A finding is documented when a contradiction record with the same `detected_by` code names every
claim, entity and source the finding involves. Undocumented findings are errors; a record that
documents nothing and was not found by hand is stale (a warning).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import findings as F
from . import rules
from .dataset import Dataset


@dataclass
class Consistency:
    findings: list[F.Finding]  # every rule finding, with documented_by set where a record covers it
    stale: list[F.Finding]  # warnings for records that document nothing

    @property
    def undocumented(self) -> list[F.Finding]:
        return [f for f in self.findings if f.documented_by is None]


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
    stale = [
        F.make("FC490", rec.path, pointer=("detected_by",), id=rec.id, detected_by=rec.data["detected_by"])
        for rec in sorted(ds.contradictions.values(), key=lambda r: r.id)
        if rec.data["detected_by"] != "manual" and rec.id not in used
    ]
    return Consistency(found, stale)
