"""The real dataset: it validates, every stored article is byte-identical to its record's hash."""

from __future__ import annotations

import pytest

from conftest import REPO

pytestmark = pytest.mark.acceptance


def test_the_dataset_validates(real_check):
    assert [f"{f.path}:{f.line}: {f.code} {f.message}" for f in real_check.errors] == []


def test_every_seed_has_a_source_record(real_check):
    files = {rec.data["file"] for rec in real_check.dataset.sources.values()}
    seeds = {p.relative_to(REPO).as_posix() for p in (REPO / "seeds").glob("*.txt")}
    assert files == seeds
