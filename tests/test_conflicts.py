"""Conflict groups: the sweep finds exactly the claims a pairwise comparison finds, one finding per
group, and N claims that all conflict cost one finding, not N²/2."""

from __future__ import annotations

import operator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.dataset import Record
from factcheck.rules.conflicts import ByClass, ByInterval, conflict_groups, listing
from factcheck.timespans import overlap


def _claim(i: int, key: int, lo: int, hi: int) -> Record:
    return Record(
        "claim", f"c-{i:04d}", f"facts/claims/c-{i:04d}.yaml", {"key": key, "range": (lo, min(lo + hi, 9))}, ""
    )


def _members_by_pairs(items, conflict) -> set[str]:
    out = set()
    for a in range(len(items)):
        for b in range(a + 1, len(items)):
            (sa, ca), (sb, cb) = items[a], items[b]
            if overlap(sa, sb) and conflict(ca, cb):
                out |= {ca.id, cb.id}
    return out


spans = st.tuples(st.integers(0, 30), st.integers(0, 8)).map(lambda t: (t[0], t[0] + t[1]))
rows = st.lists(st.tuples(spans, st.integers(0, 3), st.integers(0, 9), st.integers(0, 3)), max_size=25)


def _items(data):
    return [(span, _claim(i, key, lo, hi)) for i, (span, key, lo, hi) in enumerate(data)]


def _key(claim: Record) -> int:
    return claim.data["key"]


def _range(claim: Record) -> tuple[int, int]:
    return claim.data["range"]


def _disjoint(a: tuple[int, int], b: tuple[int, int]) -> bool:
    (alo, ahi), (blo, bhi) = a, b
    return ahi < blo or bhi < alo


@pytest.mark.fuzz
@pytest.mark.parametrize(
    "sweep, value, conflict",
    [
        pytest.param(ByClass, _key, operator.ne, id="by class: keys differ"),
        pytest.param(ByInterval, _range, _disjoint, id="by interval: ranges disjoint"),
    ],
)
@settings(max_examples=400, deadline=None)
@given(rows)
def test_sweep_finds_the_pairwise_members(sweep, value, conflict, data):
    items = _items(data)
    groups = conflict_groups(items, sweep(value))
    found = {c.id for g in groups for c in g}
    assert found == _members_by_pairs(items, lambda a, b: conflict(value(a), value(b)))
    assert all(len(g) >= 2 for g in groups)


@pytest.mark.unit
def test_mutually_conflicting_claims_are_one_group():
    items = [((0, 10), _claim(i, i, 0, 0)) for i in range(3000)]
    groups = conflict_groups(items, ByClass(_key))
    assert len(groups) == 1 and len(groups[0]) == 3000


@pytest.mark.unit
def test_disjoint_spans_make_separate_groups():
    items = [
        ((0, 1), _claim(0, 0, 0, 0)),
        ((1, 2), _claim(1, 1, 0, 0)),
        ((5, 6), _claim(2, 0, 0, 0)),
        ((6, 7), _claim(3, 1, 0, 0)),
    ]
    groups = conflict_groups(items, ByClass(_key))
    assert [[c.id for c in g] for g in groups] == [["c-0000", "c-0001"], ["c-0002", "c-0003"]]


@pytest.mark.unit
def test_listing_caps_and_counts():
    names = [_claim(i, 0, 0, 0) for i in range(9)]
    assert listing(names[:2], lambda c: c.id) == "c-0000 and c-0001"
    assert listing(names, lambda c: c.id, cap=3) == "c-0000, c-0001, c-0002 and 6 more"
