"""The dataset as SQLite (factcheck export): tables, foreign keys and the full-text index, tested by
the queries a reader would run."""

from __future__ import annotations

import json
import sqlite3

import pytest

from conftest import REPO, run
from factcheck.textnorm import fold_for_search

pytestmark = pytest.mark.acceptance


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    status, printed = run(REPO, "export", str(out))
    assert status == 0, printed
    assert str(out / "factcheck.sqlite") in printed
    con = sqlite3.connect(out / "factcheck.sqlite")
    yield con, out
    con.close()


def test_every_record_is_in_its_table(db, real_check):
    con, _ = db
    ds = real_check.dataset
    for table, records in (
        ("claims", ds.claims),
        ("entities", ds.entities),
        ("sources", ds.sources),
        ("contradictions", ds.contradictions),
        ("properties", ds.properties),
    ):
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == len(records)
    evidence = sum(len(c.data["evidence"]) for c in ds.claims.values())
    assert con.execute("SELECT count(*) FROM evidence").fetchone()[0] == evidence
    kinds = dict(con.execute("SELECT kind, count(*) FROM records GROUP BY kind").fetchall())
    assert kinds == {kind.name: len(ds.records[kind.name]) for kind in ds.kinds if ds.records[kind.name]}


def test_foreign_keys_hold_and_are_declared(db):
    con, _ = db
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    targets = {row[2] for row in con.execute("PRAGMA foreign_key_list(evidence)")}
    assert targets == {"claims", "sources"}
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("INSERT INTO evidence VALUES ('c-000-001', 99, 'src-999', 1, 'supports', 'x', NULL)")
    con.rollback()


def test_a_join_reads_like_the_site(db):
    """The claims whose quotes come from one source, with their subject's English name."""
    con, _ = db
    rows = con.execute(
        "SELECT DISTINCT c.id, e.name_en FROM claims c JOIN evidence v ON v.claim = c.id "
        "JOIN entities e ON e.id = c.subject WHERE v.source = 'src-000' ORDER BY c.id"
    ).fetchall()
    assert rows and all(cid.startswith("c-") and name for cid, name in rows)


def test_full_text_search_in_english_and_arabic(db, real_check):
    con, _ = db
    english = con.execute("SELECT kind, id FROM search WHERE search MATCH 'text:Haftar'").fetchall()
    assert ("entity", "khalifa-haftar") in english
    # «والعاصمه» (with "and the", and ه for ة) finds «العاصمة الليبية طرابلس» once folded like the
    # index's column.
    query = fold_for_search("والعاصمه")
    arabic = con.execute("SELECT kind, id FROM search WHERE search MATCH ?", (f"folded:{query}",)).fetchall()
    assert ("entity", "tripoli") in arabic
    # Every alias is searchable.
    for eid, e in list(real_check.dataset.entities.items())[:20]:
        for alias in e.data["aliases"]:
            words = " ".join(f'"{w}"' for w in fold_for_search(alias["text"]).split())
            found = con.execute("SELECT id FROM search WHERE search MATCH ?", (f"folded:({words})",)).fetchall()
            assert (eid,) in found, alias["text"]


def test_datasette_metadata_describes_every_table(db):
    con, out = db
    meta = json.loads((out / "factcheck.metadata.json").read_text(encoding="utf-8"))
    tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    described = set(meta["databases"]["factcheck"]["tables"])
    assert {t for t in tables if not t.startswith("search_") and t != "sqlite_sequence"} == described


def test_records_carry_the_dates_of_their_files(db, real_check):
    from factcheck.history import record_dates

    con, _ = db
    dates = record_dates(REPO)
    rows = con.execute("SELECT file, date_published, date_modified FROM records").fetchall()
    assert rows and all((dates[f].published, dates[f].modified) == (p, m) for f, p, m in rows)


def test_a_records_changes_are_rows(copy, tmp_path):
    claim = copy / "facts/claims/c-000-001.yaml"
    claim.write_text(
        claim.read_text(encoding="utf-8")
        + "changes:\n- date: '2026-01-05'\n  kind: correction\n  what:\n    ar: صُحّحت الترجمة.\n"
        "    en: The translation was corrected.\n",
        encoding="utf-8",
    )
    status, printed = run(copy, "export", str(tmp_path / "out"))
    assert status == 0, printed
    con = sqlite3.connect(tmp_path / "out/factcheck.sqlite")
    rows = con.execute(
        "SELECT record_kind, record_id, date, kind, what_en FROM changes WHERE record_id = 'c-000-001'"
    ).fetchall()
    assert rows == [("claim", "c-000-001", "2026-01-05", "correction", "The translation was corrected.")]
    con.close()
