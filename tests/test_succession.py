"""Successions: a post's holders in order, and what their dates say between neighbours: certain
overlap, overlap only by imprecision, disjoint (a succession that explains itself), no date."""

from __future__ import annotations

import pytest

from factcheck import check
from factcheck.rules.succession import GAP, MAY_OVERLAP, OVERLAP, PREDECESSOR, UNDATED, holders
from rulekit import add_claim

pytestmark = pytest.mark.acceptance

POST = {"entity": "post-lna-chief-of-staff"}


def tenures(repo, first: dict | None, second: dict | None):
    """al-Nadhuri then Khaled Haftar in the post, at the times given (None: no date)."""
    add_claim(repo, "c-001-801", "abdulrazek-al-nadhuri", "holds-post", POST, first, source="src-001")
    add_claim(repo, "c-003-802", "khaled-haftar", "holds-post", POST, second, source="src-003")
    return [(t.claim.id, t.warnings) for t in holders(check(repo).dataset, "post-lna-chief-of-staff")]


@pytest.mark.parametrize(
    "first, second, expected",
    [
        pytest.param({"point": "2018"}, {"point": "2023"}, [("c-001-801", []), ("c-003-802", [])], id="disjoint"),
        pytest.param(
            {"start": "2014-05-02", "end": "2020-08-01"},
            {"point": "2019-03-04"},
            [("c-001-801", [(OVERLAP, "c-003-802")]), ("c-003-802", [(OVERLAP, "c-001-801")])],
            id="certain overlap",
        ),
        pytest.param(
            {"point": "2019"},
            {"point": "2019-06"},
            [("c-001-801", [(MAY_OVERLAP, "c-003-802")]), ("c-003-802", [(MAY_OVERLAP, "c-001-801")])],
            id="may overlap by precision",
        ),
        pytest.param({"point": "2019"}, None, [("c-001-801", []), ("c-003-802", [(UNDATED, "")])], id="undated last"),
    ],
)
def test_holders_in_order_with_what_their_dates_say(repo, first, second, expected):
    assert tenures(repo, first, second) == expected


def test_the_same_person_twice_is_no_conflict(repo):
    add_claim(repo, "c-001-801", "abdulrazek-al-nadhuri", "holds-post", POST, {"point": "2019"}, source="src-001")
    add_claim(repo, "c-003-802", "abdulrazek-al-nadhuri", "holds-post", POST, {"point": "2019-06"}, source="src-003")
    assert [t.warnings for t in holders(check(repo).dataset, "post-lna-chief-of-staff")] == [[], []]


def test_a_named_predecessor_who_is_not_the_holder_before_is_a_warning(repo):
    tenures(repo, {"start": "2017-05-01", "end": "2020-01-31"}, {"start": "2020-02-01", "end": "2021-01-01"})
    path = repo / "facts/claims/c-003-802.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "replaces: khalifa-haftar\n", encoding="utf-8")
    warnings = [t.warnings for t in holders(check(repo).dataset, "post-lna-chief-of-staff")]
    assert warnings == [[], [(PREDECESSOR, "c-001-801")]]


def test_a_gap_only_where_the_sources_show_an_end_and_a_start(repo):
    first = {"start": "2017-05-01", "end": "2019-12-31", "ending": True}
    assert tenures(repo, first, {"start": "2020-06-01", "starting": True})[1] == ("c-003-802", [(GAP, "c-001-801")])


def test_no_gap_where_the_start_is_only_a_day_the_post_was_held(repo):
    first = {"start": "2017-05-01", "end": "2019-12-31", "ending": True}
    assert tenures(repo, first, {"start": "2020-06-01"})[1] == ("c-003-802", [])
