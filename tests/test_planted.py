"""The consistency engine measured on planted inconsistencies (a small fixed-seed run of the
benchmark `make bench` runs at full size): every kind caught, near misses left alone."""

from __future__ import annotations

import pytest

from conftest import REPO
from factcheck import planted

pytestmark = pytest.mark.acceptance


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    return planted.measure(REPO, tmp_path_factory.mktemp("planted") / "repo", per_kind=2, seed=7)


def test_at_least_twelve_kinds_are_planted_with_near_misses(scores):
    assert len(scores) >= 12
    assert all(s.planted == 2 and s.near_misses == 2 for s in scores.values())


@pytest.mark.parametrize("kind", list(planted.KINDS))
def test_every_kind_is_caught(scores, kind):
    assert scores[kind].recall >= 0.95, planted.table(scores)


def test_near_misses_raise_no_alarm(scores):
    assert planted.overall(scores).false_positive_rate <= 0.05, planted.table(scores)
