"""Exports other programs can trust: JSON is strict (never NaN or Infinity) and claims.csv cannot
run as a spreadsheet formula (OWASP: CSV injection)."""

from __future__ import annotations

import csv
import json
import math
from types import SimpleNamespace

import pytest

from conftest import claim_text, run, write
from factcheck import export, reporters
from factcheck.checker import Result, check
from factcheck.findings import Finding
from factcheck.site import downloads

FORMULA = '=HYPERLINK("http://x","y")'


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return {r["id"]: r for r in csv.DictReader(f)}


@pytest.mark.acceptance
def test_a_formula_in_a_statement_is_exported_as_text(repo, tmp_path):
    text = claim_text().replace("en: The ceasefire agreement was signed on 23 October 2020.", f"en: '{FORMULA}'")
    assert FORMULA in text
    write(repo, "facts/claims/c-001-902.yaml", text)
    status, out = run(repo, "validate")
    assert status == 0, out
    assert run(repo, "export", str(tmp_path / "out"))[0] == 0
    rows = read_csv(tmp_path / "out/claims.csv")
    assert rows["c-001-902"]["statement_en"] == "'" + FORMULA
    assert (tmp_path / "out/claims.csv").read_text(encoding="utf-8").count("'=HYPERLINK") == 1
    # The JSON keeps the text as it is: it is data, not a sheet.
    claims = {c["id"]: c for c in json.loads((tmp_path / "out/claims.json").read_text(encoding="utf-8"))}
    assert claims["c-001-902"]["statement"]["en"] == FORMULA
    assert rows["c-001-901"]["statement_en"][0] not in "'=+-@"  # ordinary cells are untouched


@pytest.mark.unit
@pytest.mark.parametrize("cell", ["=1+1", "+1", "-5 fighters", "@SUM(A1)", "\tx", "\rx", "=", "-"])
def test_cells_that_could_start_a_formula_get_a_quote(cell):
    assert export.csv_cell(cell) == "'" + cell


@pytest.mark.unit
@pytest.mark.parametrize("cell", ["", "c-001-902", "1=1", "a-b", "'quoted", " =1", "وقف إطلاق النار", None, 3])
def test_other_cells_stay_as_they_are(cell):
    assert export.csv_cell(cell) == ("" if cell is None else str(cell))


@pytest.mark.acceptance
def test_every_column_is_protected(shared_repo, tmp_path):
    ds = check(shared_repo).dataset
    rec = ds.claims["c-001-902"]
    rec.data["statement"] = {"ar": "+ar", "en": "@en"}
    rec.data["time"] = {"point": "-2020", "basis": "\tstated"}
    rows = read_csv(export.write_export(ds, tmp_path)[-1])
    row = rows["c-001-902"]
    assert (row["statement_ar"], row["statement_en"], row["time_point"], row["time_basis"]) == (
        "'+ar",
        "'@en",
        "'-2020",
        "'\tstated",
    )


@pytest.mark.unit
def test_the_export_help_and_datapackage_say_so():
    from factcheck.cli import build_parser, subcommands

    sub = subcommands(build_parser())["export"][0]
    assert "single quote" in sub.format_help() and "formula" in sub.format_help()
    assert "single quote" in export.__doc__
    (resource,) = [r for r in downloads.datapackage(["claims.csv"])["resources"]]
    assert "single quote" in resource["description"]


@pytest.mark.acceptance
@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_the_export_never_writes_nan_or_infinity(shared_repo, tmp_path, bad):
    ds = check(shared_repo).dataset
    ds.claims["c-001-902"].data["value"] = {"quantity": {"amount": bad, "unit": {"ar": "x", "en": "x"}}}
    with pytest.raises(ValueError):
        export.write_export(ds, tmp_path / "out")
    assert not (tmp_path / "out/claims.json").exists()


@pytest.mark.unit
@pytest.mark.parametrize("bad", [math.nan, math.inf])
def test_the_report_and_json_reporter_never_write_nan_or_infinity(bad):
    with pytest.raises(ValueError):
        reporters.strict_json({"x": bad})
    with pytest.raises(ValueError):
        reporters.findings_json(Result(None, [Finding("FC104", "p", "m", "h", "error", line=bad)], 1))


@pytest.mark.unit
def test_the_downloads_never_write_nan_or_infinity(tmp_path, monkeypatch):
    monkeypatch.setattr(downloads, "claimreview", lambda site, cid, lang: {"ratingValue": math.nan})
    site = SimpleNamespace(ds=SimpleNamespace(claims={"c-001-902": None}))
    with pytest.raises(ValueError):
        downloads.write_extras(site, tmp_path)
    monkeypatch.setattr(downloads, "datapackage", lambda names: {"bytes": math.inf})
    monkeypatch.setattr(downloads, "claimreview", lambda site, cid, lang: {})
    with pytest.raises(ValueError):
        downloads.write_extras(site, tmp_path)


@pytest.mark.acceptance
def test_report_json_is_unchanged_for_finite_data(shared_repo):
    status, out = run(shared_repo, "report", "--format", "json")
    assert status == 0 and json.loads(out)["counts"]["claims"] == 3
