"""Conflict groups: the sweep finds exactly the claims a pairwise comparison finds, one finding per
group, and N claims that all conflict cost one finding, not N²/2."""

from __future__ import annotations

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


@pytest.mark.fuzz
@settings(max_examples=400, deadline=None)
@given(rows)
def test_by_class_finds_the_pairwise_members(data):
    items = _items(data)
    groups = conflict_groups(items, ByClass(lambda c: c.data["key"]))
    found = {c.id for g in groups for c in g}
    assert found == _members_by_pairs(items, lambda a, b: a.data["key"] != b.data["key"])
    assert all(len(g) >= 2 for g in groups)


@pytest.mark.fuzz
@settings(max_examples=400, deadline=None)
@given(rows)
def test_by_interval_finds_the_pairwise_members(data):
    items = _items(data)
    groups = conflict_groups(items, ByInterval(lambda c: c.data["range"]))

    def disjoint(a, b):
        (alo, ahi), (blo, bhi) = a.data["range"], b.data["range"]
        return ahi < blo or bhi < alo

    assert {c.id for g in groups for c in g} == _members_by_pairs(items, disjoint)


@pytest.mark.unit
def test_mutually_conflicting_claims_are_one_group():
    items = [((0, 10), _claim(i, i, 0, 0)) for i in range(3000)]
    groups = conflict_groups(items, ByClass(lambda c: c.data["key"]))
    assert len(groups) == 1 and len(groups[0]) == 3000


@pytest.mark.unit
def test_disjoint_spans_make_separate_groups():
    items = [
        ((0, 1), _claim(0, 0, 0, 0)),
        ((1, 2), _claim(1, 1, 0, 0)),
        ((5, 6), _claim(2, 0, 0, 0)),
        ((6, 7), _claim(3, 1, 0, 0)),
    ]
    groups = conflict_groups(items, ByClass(lambda c: c.data["key"]))
    assert [[c.id for c in g] for g in groups] == [["c-0000", "c-0001"], ["c-0002", "c-0003"]]


@pytest.mark.unit
def test_listing_caps_and_counts():
    names = [_claim(i, 0, 0, 0) for i in range(9)]
    assert listing(names[:2], lambda c: c.id) == "c-0000 and c-0001"
    assert listing(names, lambda c: c.id, cap=3) == "c-0000, c-0001, c-0002 and 6 more"
