"""The dataset as one SQLite file, for readers who query rather than download: a table per kind
of record and per list inside records (evidence, aliases, the records a contradiction involves),
foreign keys between them, a full-text index over statements and names in both languages, and
Datasette metadata describing every table.

Every record of every registered kind is also in `records` as its JSON (query it with
json_extract), so a kind added to the registry is in the file before it has tables of its own.

Arabic in the full-text index: SQLite's unicode61 tokenizer splits Arabic words well but does not
fold hamza forms, taa marbuta or alif maqsura, nor strip the article ال with the letters before it;
the `folded` column holds each text after factcheck.textnorm.fold_for_search, so a query folded the
same way finds «العاصمة» from «والعاصمه» (see the `search` table's description).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from pathlib import Path

from .dataset import Dataset, Record
from .history import Dates
from .textnorm import fold_for_search
from .values import value_text

SCHEMA = """
CREATE TABLE sources (
  id TEXT PRIMARY KEY, file TEXT NOT NULL, sha256 TEXT NOT NULL, language TEXT NOT NULL,
  outlet_as_shown TEXT, outlet_ar TEXT, outlet_en TEXT, title_ar TEXT NOT NULL, title_en TEXT NOT NULL,
  title_shown INTEGER NOT NULL, published_date TEXT, published_not_before TEXT,
  published_not_after TEXT, published_basis TEXT NOT NULL, url TEXT, archive_url TEXT, retrieved TEXT
);
CREATE TABLE entities (
  id TEXT PRIMARY KEY, type TEXT NOT NULL, name_ar TEXT NOT NULL, name_en TEXT NOT NULL,
  description_ar TEXT NOT NULL, description_en TEXT NOT NULL, parent TEXT REFERENCES entities(id)
);
CREATE TABLE aliases (
  entity TEXT NOT NULL REFERENCES entities(id), text TEXT NOT NULL, lang TEXT NOT NULL,
  kind TEXT NOT NULL, source TEXT REFERENCES sources(id), note_ar TEXT, note_en TEXT
);
CREATE TABLE properties (
  id TEXT PRIMARY KEY, label_ar TEXT NOT NULL, label_en TEXT NOT NULL, value_type TEXT NOT NULL,
  description_ar TEXT NOT NULL, description_en TEXT NOT NULL
);
CREATE TABLE claims (
  id TEXT PRIMARY KEY, statement_ar TEXT NOT NULL, statement_en TEXT NOT NULL,
  subject TEXT NOT NULL REFERENCES entities(id), property TEXT NOT NULL REFERENCES properties(id),
  value_entity TEXT REFERENCES entities(id), value_ar TEXT, value_en TEXT,
  time_point TEXT, time_start TEXT, time_end TEXT, time_earliest TEXT, time_latest TEXT, time_basis TEXT,
  verdict TEXT NOT NULL, reasoning_ar TEXT NOT NULL, reasoning_en TEXT NOT NULL, rank TEXT NOT NULL,
  attribution TEXT REFERENCES claims(id), voice TEXT, file TEXT NOT NULL
);
CREATE TABLE evidence (
  claim TEXT NOT NULL REFERENCES claims(id), position INTEGER NOT NULL,
  source TEXT NOT NULL REFERENCES sources(id), paragraph INTEGER NOT NULL, stance TEXT NOT NULL,
  quote TEXT NOT NULL, translation TEXT, PRIMARY KEY (claim, position)
);
CREATE TABLE contradictions (
  id TEXT PRIMARY KEY, summary_ar TEXT NOT NULL, summary_en TEXT NOT NULL, resolution TEXT NOT NULL,
  detected_by TEXT NOT NULL, explanation_ar TEXT NOT NULL, explanation_en TEXT NOT NULL,
  preferred_claim TEXT REFERENCES claims(id)
);
CREATE TABLE contradiction_claims (
  contradiction TEXT NOT NULL REFERENCES contradictions(id), claim TEXT NOT NULL REFERENCES claims(id)
);
CREATE TABLE contradiction_entities (
  contradiction TEXT NOT NULL REFERENCES contradictions(id), entity TEXT NOT NULL REFERENCES entities(id)
);
CREATE TABLE contradiction_sources (
  contradiction TEXT NOT NULL REFERENCES contradictions(id), source TEXT NOT NULL REFERENCES sources(id)
);
CREATE TABLE changes (
  record_kind TEXT NOT NULL, record_id TEXT NOT NULL, position INTEGER NOT NULL, date TEXT NOT NULL,
  kind TEXT NOT NULL, what_ar TEXT NOT NULL, what_en TEXT NOT NULL, PRIMARY KEY (record_kind, record_id, position)
);
CREATE TABLE records (kind TEXT NOT NULL, id TEXT NOT NULL, file TEXT NOT NULL, json TEXT NOT NULL,
  date_published TEXT, date_modified TEXT, PRIMARY KEY (kind, id));
CREATE VIRTUAL TABLE search USING fts5(
  kind UNINDEXED, id UNINDEXED, lang UNINDEXED, text, folded, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE INDEX claims_subject ON claims(subject);
CREATE INDEX claims_value_entity ON claims(value_entity);
CREATE INDEX evidence_source ON evidence(source);
CREATE INDEX aliases_entity ON aliases(entity);
"""

# Datasette's metadata: what each table holds (https://docs.datasette.io/en/stable/metadata.html).
TABLES = {
    "sources": "The stored articles: outlet and title as shown, publication date (or bounds) and its basis.",
    "entities": "People, organisations, places, posts and events, with names in Arabic and English.",
    "aliases": "Every spelling of an entity's name that the sources use, with its kind and source.",
    "properties": "The vocabulary of properties that claims use.",
    "claims": "One row per claim: statement in both languages, subject, property, value, time and verdict.",
    "evidence": "The exact quotes each claim rests on, with their source paragraph and stance.",
    "contradictions": "Documented disagreements between sources and how each resolves.",
    "contradiction_claims": "The claims a contradiction involves.",
    "contradiction_entities": "The entities a contradiction involves.",
    "contradiction_sources": "The sources a contradiction involves.",
    "changes": "Each record's public log of changes after it was first published: correction, verdict-change "
    "or update, with what changed in both languages (the site's corrections page).",
    "records": "Every record of every kind as JSON (query with json_extract), with the dates it was first "
    "published and last changed (the first and last commit of its file, UTC) where known.",
    "search": "Full-text index (FTS5) over claim statements, entity names and aliases, contradiction "
    "summaries and source titles in both languages. `folded` holds Arabic text with hamza forms, taa "
    "marbuta and alif maqsura folded and the article ال stripped with و/ف/ب/ك/ل before it: match a "
    "query folded the same way against it, e.g. search MATCH 'folded:عاصمه'.",
}


def _bilingual(data: dict | None, lang: str) -> str | None:
    return data.get(lang) if data else None


def _rows(ds: Dataset):
    """(table, row) pairs for every table but `records` and `search`, parents before children."""
    for sid, s in sorted(ds.sources.items()):
        d = s.data
        outlet, title, pub = d["outlet"], d["title"], d["published"]
        yield (
            "sources",
            {
                "id": sid,
                "file": d["file"],
                "sha256": d["sha256"],
                "language": d["language"],
                "outlet_as_shown": outlet.get("as_shown"),
                "outlet_ar": _bilingual(outlet.get("name"), "ar"),
                "outlet_en": _bilingual(outlet.get("name"), "en"),
                "title_ar": title["text"]["ar"],
                "title_en": title["text"]["en"],
                "title_shown": int(title["shown"]),
                "published_date": pub.get("date"),
                "published_not_before": pub.get("not_before"),
                "published_not_after": pub.get("not_after"),
                "published_basis": pub["basis"],
                "url": d.get("url"),
                "archive_url": d.get("archive_url"),
                "retrieved": d.get("retrieved"),
            },
        )
    for eid, e in sorted(ds.entities.items()):
        d = e.data
        yield (
            "entities",
            {
                "id": eid,
                "type": d["type"],
                "name_ar": d["name"]["ar"],
                "name_en": d["name"]["en"],
                "description_ar": d["description"]["ar"],
                "description_en": d["description"]["en"],
                "parent": d.get("parent"),
            },
        )
        for alias in d["aliases"]:
            yield (
                "aliases",
                {
                    "entity": eid,
                    "text": alias["text"],
                    "lang": alias["lang"],
                    "kind": alias["kind"],
                    "source": alias.get("source"),
                    "note_ar": _bilingual(alias.get("note"), "ar"),
                    "note_en": _bilingual(alias.get("note"), "en"),
                },
            )
    for pid, p in sorted(ds.properties.items()):
        d = p.data
        yield (
            "properties",
            {
                "id": pid,
                "label_ar": d["label"]["ar"],
                "label_en": d["label"]["en"],
                "value_type": d["value_type"],
                "description_ar": d["description"]["ar"],
                "description_en": d["description"]["en"],
            },
        )
    for cid, c in sorted(ds.claims.items()):
        yield "claims", _claim_row(c)
        for position, ev in enumerate(c.data["evidence"]):
            yield (
                "evidence",
                {
                    "claim": cid,
                    "position": position,
                    "source": ev["source"],
                    "paragraph": ev["paragraph"],
                    "stance": ev["stance"],
                    "quote": ev["quote"],
                    "translation": ev.get("translation"),
                },
            )
    for xid, x in sorted(ds.contradictions.items()):
        d = x.data
        yield (
            "contradictions",
            {
                "id": xid,
                "summary_ar": d["summary"]["ar"],
                "summary_en": d["summary"]["en"],
                "resolution": d["resolution"],
                "detected_by": d["detected_by"],
                "explanation_ar": d["explanation"]["ar"],
                "explanation_en": d["explanation"]["en"],
                "preferred_claim": d.get("preferred_claim"),
            },
        )
        for key, column in (("claims", "claim"), ("entities", "entity"), ("sources", "source")):
            for rid in d.get(key, ()):
                yield f"contradiction_{key}", {"contradiction": xid, column: rid}
    for kind in ds.kinds:
        for rid, rec in sorted(ds.records[kind.name].items()):
            for position, change in enumerate(rec.data.get("changes", ())):
                yield (
                    "changes",
                    {
                        "record_kind": kind.name,
                        "record_id": rid,
                        "position": position,
                        "date": change["date"],
                        "kind": change["kind"],
                        "what_ar": change["what"]["ar"],
                        "what_en": change["what"]["en"],
                    },
                )


def _claim_row(claim: Record) -> dict:
    d = claim.data
    value = d.get("value") or {}
    time = d.get("time") or {}
    words = {lang: (value_text(value, lang) if value and "entity" not in value else None) for lang in ("ar", "en")}
    return {
        "id": claim.id,
        "statement_ar": d["statement"]["ar"],
        "statement_en": d["statement"]["en"],
        "subject": d["subject"],
        "property": d["property"],
        "value_entity": value.get("entity"),
        "value_ar": words["ar"],
        "value_en": words["en"],
        **{f"time_{key}": time.get(key) for key in ("point", "start", "end", "earliest", "latest", "basis")},
        "verdict": d["verdict"]["rating"],
        "reasoning_ar": d["verdict"]["reasoning"]["ar"],
        "reasoning_en": d["verdict"]["reasoning"]["en"],
        "rank": d.get("rank", "normal"),
        "attribution": d.get("attribution"),
        "voice": d.get("voice"),
        "file": claim.path,
    }


def _searchable(ds: Dataset):
    """(kind, id, lang, text) of every text the full-text index holds."""
    for cid, c in sorted(ds.claims.items()):
        for lang in ("ar", "en"):
            yield "claim", cid, lang, c.data["statement"][lang]
    for eid, e in sorted(ds.entities.items()):
        for lang in ("ar", "en"):
            yield "entity", eid, lang, e.data["name"][lang]
        for alias in e.data["aliases"]:
            yield "entity", eid, alias["lang"], alias["text"]
    for xid, x in sorted(ds.contradictions.items()):
        for lang in ("ar", "en"):
            yield "contradiction", xid, lang, x.data["summary"][lang]
    for sid, s in sorted(ds.sources.items()):
        for lang in ("ar", "en"):
            yield "source", sid, lang, s.data["title"]["text"][lang]


def write_sqlite(ds: Dataset, path: Path, dates: Mapping[str, Dates] | None = None) -> Path:
    """Write the dataset to a new SQLite file at `path` (replacing one there); return the path.
    `dates` (history.record_dates) fill the records' date columns."""
    dates = dates or {}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    try:
        con.executescript(SCHEMA)
        con.execute("PRAGMA foreign_keys = ON")
        # Records refer to records written later (an entity's parent, a claim's attribution):
        # the keys are checked when the transaction commits.
        con.execute("PRAGMA defer_foreign_keys = ON")
        with con:
            for table, row in _rows(ds):
                columns = ", ".join(row)
                marks = ", ".join("?" * len(row))
                con.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))
            con.executemany(
                "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        kind.name,
                        rid,
                        rec.path,
                        json.dumps(rec.data, ensure_ascii=False, sort_keys=True),
                        *((dates[rec.path].published, dates[rec.path].modified) if rec.path in dates else (None, None)),
                    )
                    for kind in ds.kinds
                    for rid, rec in sorted(ds.records[kind.name].items())
                ],
            )
            con.executemany(
                "INSERT INTO search VALUES (?, ?, ?, ?, ?)",
                [(kind, rid, lang, text, fold_for_search(text)) for kind, rid, lang, text in _searchable(ds)],
            )
        problems = con.execute("PRAGMA foreign_key_check").fetchall()
        if problems:  # the linker refuses dangling references; one here is a bug in this module
            raise ValueError(f"foreign keys broken in {path.name}: {problems[:5]}")
        con.execute("VACUUM")
    finally:
        con.close()
    return path


DATABASE = "factcheck.sqlite"
METADATA = "factcheck.metadata.json"  # `datasette factcheck.sqlite --metadata factcheck.metadata.json`


def datasette_metadata() -> dict:
    """Datasette's metadata for the file write_database writes."""
    return {
        "title": "Fact-checking the unification of Libya's army",
        "description": "Claims from Arabic news articles on unifying Libya's army, with exact quotes, bilingual "
        "statements, dates, verdicts, entities and documented contradictions.",
        "databases": {
            DATABASE.removesuffix(".sqlite"): {
                "tables": {name: {"description": about} for name, about in TABLES.items()}
            }
        },
    }


def write_database(ds: Dataset, out_dir: Path, dates: Mapping[str, Dates] | None = None) -> list[Path]:
    """factcheck.sqlite and its Datasette metadata in out_dir; return both paths."""
    metadata = out_dir / METADATA
    database = write_sqlite(ds, out_dir / DATABASE, dates)
    metadata.write_text(json.dumps(datasette_metadata(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return [database, metadata]
