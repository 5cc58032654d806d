"""Downloads beyond the plain export: a Frictionless data package descriptor and ClaimReview lines."""

from __future__ import annotations

import json
from pathlib import Path

from ..export import CSV_COLUMNS
from .project import release_version
from .record_pages import claimreview

MEDIATYPES = {"jsonl": "application/x-ndjson", "sqlite": "application/vnd.sqlite3"}

# Our records' licence (LICENSE-DATA.md); the stored articles stay their publishers' copyright.
DATA_LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
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
                            {"name": c, "type": "string", "description": about} for c, about in CSV_COLUMNS.items()
                        ],
                        "primaryKey": ["id"],
                    },
                }
            )
        else:
            mediatype = MEDIATYPES.get(ext, "application/json")
            # Nested records and a database, not tables: described as plain data files.
            resources.append(
                {
                    "name": stem if ext == "jsonl" else f"{stem}-{ext}",
                    "type": "file",
                    "path": name,
                    "format": ext,
                    "mediatype": mediatype,
                    **({} if ext == "sqlite" else {"encoding": "utf-8"}),
                }
            )
    return {
        "name": "libya-army-unification-factcheck",
        "version": release_version(),
        "title": "Fact-checking the unification of Libya's army",
        "description": "Claims from Arabic news articles on unifying Libya's army, with exact quotes, "
        "bilingual statements, dates, verdicts, entities and documented contradictions.",
        "licenses": [DATA_LICENCE],
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
