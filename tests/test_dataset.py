"""The real dataset: it validates, every stored article is byte-identical to its record's hash."""

from __future__ import annotations

from conftest import REPO
from factcheck.checker import check


def test_the_dataset_validates():
    result = check(REPO)
    assert [f"{f.path}:{f.line}: {f.code} {f.message}" for f in result.errors] == []


def test_every_seed_has_a_source_record():
    result = check(REPO)
    files = {rec.data["file"] for rec in result.dataset.sources.values()}
    seeds = {p.relative_to(REPO).as_posix() for p in (REPO / "seeds").glob("*.txt")}
    assert files == seeds
