"""Every test is in exactly one tier: unit, acceptance, browser or fuzz (pyproject lists them).

conftest's collection hook notes, before `-m` deselects anything, each collected test that has no
tier marker or more than one; the first test fails on that list. The second shows the hook at work
on a module of its own, collected for real.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from conftest import TIER_PROBLEMS, TIERS, pytest_collection_modifyitems

pytestmark = pytest.mark.unit


def test_every_collected_test_has_exactly_one_tier(pytestconfig):
    problems = pytestconfig.stash[TIER_PROBLEMS]
    advice = "give the module a `pytestmark = pytest.mark.<tier>` line, or mark each test of a module that mixes tiers"
    listing = "\n".join(problems)
    assert problems == [], f"{len(problems)} tests without exactly one of {', '.join(TIERS)}: {advice}\n{listing}"


def test_the_hook_reports_no_tier_and_two_tiers_and_passes_one(pytester):
    pytester.makeini("[pytest]\nmarkers =\n    unit\n    fuzz\n    acceptance\n")
    pytester.makepyfile(
        test_sample="""
        import pytest

        def test_none():
            pass

        @pytest.mark.unit
        def test_one():
            pass

        @pytest.mark.unit
        @pytest.mark.fuzz
        def test_two():
            pass

        class TestKind:
            pytestmark = pytest.mark.acceptance

            def test_from_the_class(self):
                pass

            @pytest.mark.unit
            def test_class_and_own(self):
                pass
    """
    )
    items, _ = pytester.inline_genitems()
    assert len(items) == 5
    config = SimpleNamespace(stash=pytest.Stash())
    pytest_collection_modifyitems(config, items)
    assert config.stash[TIER_PROBLEMS] == [
        "test_sample.py::test_none: no tier",
        "test_sample.py::test_two: fuzz, unit",
        "test_sample.py::TestKind::test_class_and_own: acceptance, unit",
    ]
