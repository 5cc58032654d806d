"""Downloads beyond the plain export: a Frictionless data package descriptor and ClaimReview lines."""

from __future__ import annotations

import json
from pathlib import Path

from ..export import CSV_COLUMNS
from .record_pages import claimreview

CSV_FIELDS = {
    "id": ("string", "Claim id (its file name)"),
    "subject": ("string", "Entity id the claim is about"),
    "property": ("string", "Property id from the vocabulary"),
    "value": ("string", "Entity id, English text, amount with unit, or date"),
    "time_point": ("string", "Date the claim holds at (ISO, truncated to its precision)"),
    "time_start": ("string", "First date the claim holds"),
    "time_end": ("string", "Last date the claim holds"),
    "time_basis": ("string", "stated or inferred"),
    "verdict": ("string", "Verdict on the project's scale"),
    "rank": ("string", "preferred, normal or deprecated"),
    "sources": ("string", "Source ids, separated by ;"),
    "statement_ar": ("string", "The claim in Arabic"),
    "statement_en": ("string", "The claim in English"),
}


def datapackage(names: list[str]) -> dict:
    resources = []
    for name in names:
        stem, ext = name.rsplit(".", 1)
        if ext == "csv":
            resources.append(
                {
                    "name": stem,
                    "path": name,
                    "format": "csv",
                    "mediatype": "text/csv",
                    "encoding": "utf-8",
                    "description": "A cell that would begin with =, +, -, @, a tab or a carriage return begins with "
                    "a single quote (') so that spreadsheets show it as text, not run it as a formula.",
                    "schema": {
                        "fields": [
                            {"name": c, "type": CSV_FIELDS[c][0], "description": CSV_FIELDS[c][1]} for c in CSV_COLUMNS
                        ],
                        "primaryKey": ["id"],
                    },
                }
            )
        else:
            mediatype = "application/x-ndjson" if ext == "jsonl" else "application/json"
            # Nested records, not tables: described as plain data files.
            resources.append(
                {
                    "name": stem if ext == "jsonl" else f"{stem}-json",
                    "type": "file",
                    "path": name,
                    "format": ext,
                    "mediatype": mediatype,
                    "encoding": "utf-8",
                }
            )
    return {
        "name": "libya-army-unification-factcheck",
        "title": "Fact-checking the unification of Libya's army",
        "description": "Claims from Arabic news articles on unifying Libya's army, with exact quotes, "
        "bilingual statements, dates, verdicts, entities and documented contradictions.",
        "resources": resources,
    }


def write_extras(site, out_dir: Path) -> list[Path]:
    """claimreview.jsonl and datapackage.json, next to the export already in out_dir."""
    lines = [
        json.dumps(claimreview(site, cid, "ar"), ensure_ascii=False, sort_keys=True, allow_nan=False)
        for cid in sorted(site.ds.claims)
    ]
    reviews = out_dir / "claimreview.jsonl"
    reviews.write_text("\n".join(lines) + "\n", encoding="utf-8")
    names = sorted(p.name for p in out_dir.iterdir() if p.name != "datapackage.json")
    package = out_dir / "datapackage.json"
    package.write_text(
        json.dumps(datapackage(names), ensure_ascii=False, indent=1, allow_nan=False) + "\n", encoding="utf-8"
    )
    return [reviews, package]
