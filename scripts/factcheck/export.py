"""Exports of the loaded dataset: one JSON file per record kind (named by its folder in the
registry, e.g. claims.json) and a flat claims.csv.

JSON is strict: NaN and infinities are not JSON, so writing one raises ValueError rather than
producing a file other tools cannot read. The loader refuses them in records; one reaching an
export is a bug there.

claims.csv is safe to open in a spreadsheet: a cell that begins with `=`, `+`, `-`, `@`, a tab or a
carriage return, which spreadsheets may run as a formula, is written with a single quote `'` before
it, as OWASP advises against CSV injection ("=HYPERLINK(...)" is written "'=HYPERLINK(...)", and a
negative amount "-5 …" is written "'-5 …"). Remove that quote to get the text back.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from pathlib import Path

from .dataset import Dataset
from .history import Dates
from .values import value_text

# claims.csv's columns, in order, with what each holds (every cell is text; the data package says so).
CSV_COLUMNS = {
    "id": "Claim id (its file name)",
    "subject": "Entity id the claim is about",
    "property": "Property id from the vocabulary",
    "value": "Entity id, English text, amount with unit, or date",
    "time_point": "Date the claim holds at (ISO, truncated to its precision)",
    "time_start": "First date the claim holds",
    "time_end": "Last date the claim holds",
    "time_basis": "stated or inferred",
    "verdict": "Verdict on the project's scale",
    "rank": "preferred, normal or deprecated",
    "sources": "Source ids, separated by ;",
    "statement_ar": "The claim in Arabic",
    "statement_en": "The claim in English",
    "date_published": "When the claim was first published here (the first commit of its file, UTC)",
    "date_modified": "When the claim last changed (the last commit of its file, UTC)",
}


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """`value` as a CSV cell a spreadsheet shows as text: a leading `'` if it could start a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def claim_row(claim: dict, dates: Dates | None = None) -> dict:
    time = claim.get("time", {})
    return {
        "id": claim["id"],
        "subject": claim["subject"],
        "property": claim["property"],
        "value": value_text(claim.get("value")),
        "time_point": time.get("point", ""),
        "time_start": time.get("start", ""),
        "time_end": time.get("end", ""),
        "time_basis": time.get("basis", ""),
        "verdict": claim["verdict"]["rating"],
        "rank": claim.get("rank", "normal"),
        "sources": ";".join(dict.fromkeys(ev["source"] for ev in claim["evidence"])),
        "statement_ar": claim["statement"]["ar"],
        "statement_en": claim["statement"]["en"],
        "date_published": dates.published if dates else "",
        "date_modified": dates.modified if dates else "",
    }


def dated(data: dict, path: str, dates: Mapping[str, Dates]) -> dict:
    """A record as exported: its fields, the `file` it was read from and, where the history knows
    them, `date_published` and `date_modified`."""
    out = dict(data, file=path)
    if path in dates:
        out.update(date_published=dates[path].published, date_modified=dates[path].modified)
    return out


def write_export(ds: Dataset, out_dir: Path, dates: Mapping[str, Dates] | None = None) -> list[Path]:
    """Write <kind>.json for every kind and claims.csv; return the files written. `dates` (from
    history.record_dates) adds each record's first-published and last-changed dates."""
    dates = dates or {}
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in ds.kinds:
        items = [dated(rec.data, rec.path, dates) for _, rec in sorted(ds.records[kind.name].items())]
        path = out_dir / f"{kind.folder}.json"
        path.write_text(
            json.dumps(items, ensure_ascii=False, indent=1, sort_keys=False, allow_nan=False) + "\n", encoding="utf-8"
        )
        written.append(path)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for _, rec in sorted(ds.claims.items()):
        writer.writerow({k: csv_cell(v) for k, v in claim_row(rec.data, dates.get(rec.path)).items()})
    path = out_dir / "claims.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    written.append(path)
    return written
