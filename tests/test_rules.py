"""One test that triggers each consistency rule and one that must not, on a small repository."""

from __future__ import annotations

import json

import pytest

from conftest import run
from rulekit import add_claim, add_contradiction, add_entity, add_source

pytestmark = pytest.mark.acceptance


def rule_codes(repo) -> list[str]:
    _, out = run(repo, "validate", "--format", "json")
    return [f["code"] for f in json.loads(out)["findings"]]


def chiefs(repo, first: dict, second: dict):
    """Two holders of one post, from two sources that may report any date up to 2026."""
    add_claim(
        repo,
        "c-001-801",
        "abdulrazek-al-nadhuri",
        "holds-post",
        {"entity": "post-lna-chief-of-staff"},
        first,
        source="src-001",
    )
    add_claim(
        repo,
        "c-003-802",
        "khaled-haftar",
        "holds-post",
        {"entity": "post-lna-chief-of-staff"},
        second,
        source="src-003",
    )


# ---- FC402: one holder of a post at a time


def test_two_chiefs_with_terms_that_do_not_overlap(repo):
    chiefs(repo, {"start": "2017-05", "end": "2025-08-10"}, {"start": "2025-08-11"})
    assert rule_codes(repo) == []


def test_a_year_precision_term_may_overlap_a_day_within_it(repo):
    """Held at some time in 2025 and on 20 August 2025: the same day only if the year's day is that one."""
    chiefs(repo, {"point": "2025"}, {"point": "2025-08-20"})
    assert rule_codes(repo) == ["FC413"]


def test_a_term_with_exact_ends_certainly_overlaps_a_day_within_it(repo):
    chiefs(repo, {"start": "2025-01-01", "end": "2025-12-31"}, {"point": "2025-08-20"})
    assert rule_codes(repo) == ["FC402"]


def test_an_imprecise_range_may_overlap_only(repo):
    """'Some time between 2024 and 2026' against a term that certainly covers 2025."""
    chiefs(repo, {"earliest": "2024", "latest": "2026"}, {"start": "2025-01-01", "end": "2025-12-31"})
    assert rule_codes(repo) == ["FC413"]


def test_an_imprecise_range_that_ends_before_the_other_starts_is_disjoint(repo):
    chiefs(repo, {"earliest": "2019", "latest": "2020-06"}, {"start": "2021-01-01", "end": "2021-12-31"})
    assert rule_codes(repo) == []


def test_second_holder_at_the_same_time_names_both_files_lines_and_the_fix(repo):
    chiefs(repo, {"point": "2023-07-18"}, {"start": "2023-01", "end": "2023-12"})
    status, out = run(repo, "validate")
    assert status == 1
    assert (
        "facts/claims/c-001-801.yaml:8:3: FC402 'holds-post' post-lna-chief-of-staff has more than one subject" in out
    )
    assert "    see: facts/claims/c-003-802.yaml:8" in out
    assert "hint: Document it: add facts/contradictions/<id>.yaml naming claims: [c-001-801, c-003-802]" in out


def test_an_undated_claim_cannot_be_shown_apart(repo):
    chiefs(repo, {"point": "2018"}, None)
    assert rule_codes(repo) == ["FC413"]


def test_a_deprecated_claim_is_not_compared(repo):
    chiefs(repo, {"point": "2018"}, None)
    path = repo / "facts/claims/c-003-802.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "rank: deprecated\nrank_reason:\n  ar: خطأ.\n  en: Wrong.\n",
        encoding="utf-8",
    )
    assert rule_codes(repo) == []


# ---- documentation by contradiction records


def test_a_contradiction_record_documents_the_finding(repo):
    chiefs(repo, {"point": "2018"}, None)
    add_contradiction(repo, "x-test", "FC413", claims=["c-001-801", "c-003-802"])
    status, out = run(repo, "validate")
    assert status == 0 and "FC413" not in out, out


def test_a_record_with_the_wrong_code_does_not_document_it(repo):
    chiefs(repo, {"point": "2018"}, None)
    add_contradiction(repo, "x-test", "FC402", claims=["c-001-801", "c-003-802"])
    assert sorted(rule_codes(repo)) == ["FC413", "FC490"]


def test_a_stale_record_is_a_warning_only(repo):
    chiefs(repo, {"point": "2017"}, {"point": "2025"})
    add_contradiction(repo, "x-test", "FC402", claims=["c-001-801", "c-003-802"])
    status, out = run(repo, "validate")
    assert status == 0 and "FC490" in out and "(warning)" in out


def test_a_manual_record_is_never_stale(repo):
    chiefs(repo, {"point": "2017"}, {"point": "2025"})
    add_contradiction(repo, "x-test", "manual", claims=["c-001-801", "c-003-802"])
    status, out = run(repo, "validate")
    assert status == 0 and "FC490" not in out


# ---- FC401: one value at a time


@pytest.mark.parametrize(
    "times, expected",
    [
        (({"point": "2016"}, {"point": "2020"}), []),
        (({"start": "2016"}, {"point": "2020"}), ["FC413"]),
        (({"start": "2016-03-30", "end": "2021-03-15"}, {"point": "2020-05-01"}), ["FC401"]),
    ],
)
def test_single_value_property(repo, times, expected):
    add_claim(repo, "c-001-801", "gnu", "based-in", {"entity": "tripoli"}, times[0], source="src-001")
    add_claim(repo, "c-003-802", "gnu", "based-in", {"entity": "benghazi"}, times[1], source="src-003")
    assert rule_codes(repo) == expected


def test_same_value_twice_is_no_conflict(repo):
    add_claim(repo, "c-000-801", "gnu", "based-in", {"entity": "tripoli"})
    add_claim(repo, "c-001-801", "gnu", "based-in", {"entity": "tripoli"}, source="src-001")
    assert rule_codes(repo) == []


# ---- FC403: one event, one date


@pytest.mark.parametrize("second, expected", [({"point": "2017-10"}, []), ({"point": "2017-11-05"}, ["FC403"])])
def test_event_dates(repo, second, expected):
    add_claim(repo, "c-000-801", "egypt-initiative-meeting-4", "occurred", None, {"point": "2017-10-29"})
    add_claim(repo, "c-001-801", "egypt-initiative-meeting-4", "occurred", None, second, source="src-001")
    assert rule_codes(repo) == expected


def test_participation_dates_the_event_it_names(repo):
    add_claim(repo, "c-000-801", "egypt-initiative-meeting-4", "occurred", None, {"point": "2017-12"})
    add_claim(
        repo,
        "c-001-801",
        "sameh-shoukry",
        "participated-in",
        {"entity": "egypt-initiative-meeting-4"},
        {"point": "2018-02"},
        source="src-001",
    )
    assert rule_codes(repo) == ["FC403"]


# ---- FC405: counts


def count(amount, upper=None):
    q = {"amount": amount, "unit": {"ar": "حكومات", "en": "governments"}}
    if upper is not None:
        q["upper"] = upper
    return {"quantity": q}


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (count(3), count(2), ["FC405"]),
        (count(12, 18), count(15), []),
    ],
)
def test_counts(repo, a, b, expected):
    add_claim(repo, "c-000-801", "libya", "count", a, {"point": "2018-02-04"})
    add_claim(repo, "c-001-801", "libya", "count", b, {"point": "2018-02-04"}, source="src-001")
    assert rule_codes(repo) == expected


def test_undated_counts_may_conflict_only(repo):
    add_claim(repo, "c-000-801", "libya", "count", count(3))
    add_claim(repo, "c-001-801", "libya", "count", count(2), source="src-001")
    assert rule_codes(repo) == ["FC413"]


def test_counts_at_different_times_do_not_conflict(repo):
    add_claim(repo, "c-000-801", "libya", "count", count(3), {"point": "2016"})
    add_claim(repo, "c-001-801", "libya", "count", count(2), {"point": "2023"}, source="src-001")
    assert rule_codes(repo) == []


# ---- FC412: a source contradicting itself


def test_conflict_within_one_source_is_reported_as_such(repo):
    add_claim(repo, "c-000-801", "libya", "count", count(3), {"point": "2018-02-04"})
    add_claim(repo, "c-000-802", "libya", "count", count(2), {"point": "2018-02-04"})
    status, out = run(repo, "validate")
    assert status == 1 and "FC412 within src-000: libya is given different counts" in out


# ---- FC406 / FC407: names


def test_a_name_shared_by_two_entities(repo):
    add_entity(repo, "misrata-council", "organization", "مجلس مصراتة", aliases=["المجلس"])
    add_entity(repo, "tripoli-council", "organization", "مجلس طرابلس", aliases=["المجلس"])
    assert rule_codes(repo) == ["FC406"]


def test_distinct_names_are_fine(repo):
    add_entity(repo, "misrata-council", "organization", "مجلس مصراتة")
    add_entity(repo, "tripoli-council", "organization", "مجلس طرابلس")
    assert rule_codes(repo) == []


def test_a_quote_spelling_missing_from_the_aliases(repo):
    import yaml

    entity = repo / "facts/entities/abdulrazek-al-nadhuri.yaml"
    data = yaml.safe_load(entity.read_text(encoding="utf-8"))
    data["aliases"] = [a for a in data["aliases"] if "عبد الرزاق الناظوري" not in a["text"]]
    entity.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    status, out = run(repo, "validate")
    assert status == 1 and "FC407 the quote names abdulrazek-al-nadhuri as 'عبد الرزاق الناظوري'" in out


def test_a_quote_with_a_listed_spelling_is_fine(shared_repo):
    assert rule_codes(shared_repo) == []


# ---- FC408 / FC409 / FC410: dates


@pytest.mark.parametrize("weekday, expected", [("الجمعة", []), ("الخميس", ["FC408"])])
def test_weekday_beside_a_date(repo, weekday, expected):
    add_source(repo, "src-900", f"{weekday} 22 نوفمبر 2024\nنص.\n", "2024-11-22")
    assert rule_codes(repo) == expected


@pytest.mark.parametrize("hijri, expected", [("20 جمادى الأولى 1446", []), ("21 جمادى الأولى 1446", ["FC408"])])
def test_hijri_beside_a_date(repo, hijri, expected):
    add_source(repo, "src-900", f"الجمعة 22 نوفمبر 2024 الموافق {hijri}\n", "2024-11-22")
    assert rule_codes(repo) == expected


@pytest.mark.parametrize("point, expected", [("2017-12", []), ("2015-12", ["FC409"])])
def test_last_december_must_fit_the_publication_date(repo, point, expected):
    # src-000 is dated 2018: "last December" is December 2017, not 2015.
    add_claim(
        repo,
        "c-000-801",
        "egypt-initiative-meeting-4",
        "occurred",
        None,
        {
            "point": point,
            "as_written": "ديسمبر الماضي",
            "basis": "inferred",
            "reason": {"ar": "السنة من تاريخ النشر.", "en": "The year comes from the publication date."},
        },
    )
    assert rule_codes(repo) == expected


@pytest.mark.parametrize("prop, expected", [("occurred", ["FC410"]), ("scheduled", [])])
def test_past_event_after_the_source_date(repo, prop, expected):
    add_claim(repo, "c-000-801", "flintlock-2026", prop, None, {"point": "2026"})
    assert rule_codes(repo) == expected


# ---- FC411: order


@pytest.mark.parametrize("held, expected", [("2010", ["FC411"]), ("2016", [])])
def test_post_held_before_the_organisation_exists(repo, held, expected):
    add_claim(repo, "c-000-801", "fayez-al-sarraj", "holds-post", {"entity": "post-gna-head"}, {"point": held})
    add_claim(repo, "c-000-802", "gna", "established", None, {"point": "2015-12"})
    assert rule_codes(repo) == expected


def test_many_early_holders_and_establishment_claims_are_one_finding(repo):
    """Holders × establishment claims once gave a finding per pair; now one per post, against the earliest."""
    for i in range(30):
        add_claim(
            repo,
            f"c-000-{810 + i}",
            "fayez-al-sarraj",
            "holds-post",
            {"entity": "post-gna-head"},
            {"point": str(1990 + i % 10)},
        )
    for i in range(20):
        add_claim(repo, f"c-001-{810 + i}", "gna", "established", None, {"point": "2015-12"}, source="src-001")
    status, out = run(repo, "validate", "--format", "json")
    assert status == 1
    findings = [f for f in json.loads(out)["findings"] if f["code"] == "FC411"]
    assert len(findings) == 1 and len(findings[0]["claims"]) == 31


# ---- timeless properties: an event's place in a series holds whatever the dates


def test_two_events_with_one_place_in_a_series_conflict_for_certain_without_dates(repo):
    ordinal = {"quantity": {"amount": 1, "unit": {"ar": "في اجتماعات القاهرة", "en": "in the Cairo meetings"}}}
    add_claim(repo, "c-000-801", "egypt-initiative-meeting-4", "series-ordinal", ordinal)
    add_claim(repo, "c-001-801", "swg-tripoli-first-meeting", "series-ordinal", ordinal, source="src-001")
    assert rule_codes(repo) == ["FC402"]  # not FC413: a timeless fact has no imprecise dates to blame


def test_a_record_id_inside_another_id_does_not_count_as_named(repo):
    """FC208 wants the record's own id in the verdict, not a longer id that contains it."""
    add_claim(repo, "c-000-801", "libya", "count", count(3), {"point": "2018-02-04"})
    add_claim(repo, "c-001-801", "libya", "count", count(2), {"point": "2018-02-04"}, source="src-001")
    add_contradiction(repo, "x-count-2018", "FC405", claims=["c-000-801", "c-001-801"])
    add_contradiction(repo, "x-count", "manual", claims=["c-000-801"])  # its id stands inside x-count-2018
    path = repo / "facts/claims/c-000-801.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(" (x-count)", ""), encoding="utf-8")
    assert rule_codes(repo) == ["FC208", "FC208"]


# ---- heuristic warnings: predecessors, one entity twice, a shared end date


def _three_chiefs(repo, named):
    for cid, who, start, end, source in (
        ("c-000-801", "abdulrazek-al-nadhuri", "2014-05-02", "2016-12-31", "src-000"),
        ("c-001-801", "khaled-haftar", "2017-01-01", "2017-12-31", "src-001"),
        ("c-003-801", "khalifa-haftar", "2018-01-01", "2018-12-31", "src-003"),
    ):
        add_claim(
            repo,
            cid,
            who,
            "holds-post",
            {"entity": "post-lna-chief-of-staff"},
            {"start": start, "end": end},
            source=source,
        )
    path = repo / "facts/claims/c-003-801.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f"replaces: {named}\n", encoding="utf-8")


@pytest.mark.parametrize("named, expected", [("abdulrazek-al-nadhuri", ["FC414"]), ("khaled-haftar", [])])
def test_a_named_predecessor_must_be_the_holder_before(repo, named, expected):
    _three_chiefs(repo, named)
    assert rule_codes(repo) == expected


@pytest.mark.parametrize("second, expected", [("فلان الفلانى", ["FC415"]), ("فلان العلاني", [])])
def test_two_records_whose_names_fold_alike(repo, second, expected):
    add_entity(repo, "fulan-a", "person", "فلان الفلاني")
    add_entity(repo, "fulan-b", "person", second)
    assert rule_codes(repo) == expected


@pytest.mark.parametrize("ending, expected", [(True, ["FC416"]), (False, [])])
def test_one_shown_end_date_for_unrelated_holders(repo, ending, expected):
    for cid, who, post, source in (
        ("c-000-801", "abdulrazek-al-nadhuri", "post-lna-chief-of-staff", "src-000"),
        ("c-001-801", "mohammed-al-haddad", "post-libyan-army-chief-of-general-staff", "src-001"),
    ):
        time = {"start": "2015-01-01", "end": "2017-03-31", **({"ending": True} if ending else {})}
        add_claim(repo, cid, who, "holds-post", {"entity": post}, time, source=source)
    assert rule_codes(repo) == expected


def test_a_warning_set_aside_with_its_reason_is_not_reported_and_the_page_says_why(repo, tmp_path):
    from factcheck.site.build import generate

    add_entity(repo, "fulan-a", "person", "فلان الفلاني")
    add_entity(repo, "fulan-b", "person", "فلان الفلانى")
    path = repo / "facts/entities/fulan-b.yaml"
    reason = (
        "silenced:\n- code: FC415\n  reason: {ar: شخصان مختلفان في المصدر., en: Two different people in the source.}\n"
    )
    path.write_text(path.read_text(encoding="utf-8") + reason, encoding="utf-8")
    assert rule_codes(repo) == []
    status, out = run(repo, "report")
    assert status == 0 and "FC415 [set aside in fulan-b]" in out and "1 set aside, 0 undocumented" in out
    generate(repo, tmp_path / "docs")
    page = (tmp_path / "docs/entities/fulan-b.en.md").read_text(encoding="utf-8")
    assert "Warning set aside" in page and "Two different people in the source." in page


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Abdulrazek al-Nadhuri", "Abdel Razek Nadori", True),
        ("Abdul Hamid Dbeibah", "Abdel-Hamid Dbaiba", True),
        ("Fayez al-Sarraj", "Fayez Serraj", True),
        ("Eastern Libya", "Western Libya", False),
        ("Khalifa Haftar", "Khaled Haftar", False),
    ],
)
def test_latin_spellings_of_one_name_share_a_skeleton(a, b, same):
    from factcheck.rules.heuristics import latin_skeleton

    assert (latin_skeleton(a) == latin_skeleton(b)) == same


def test_two_records_whose_latin_names_are_one_transliteration(repo):
    add_entity(repo, "nadhuri-a", "person", "شخص أول")
    add_entity(repo, "nadhuri-b", "person", "شخص ثان")
    for eid, latin in (("nadhuri-a", "Abdulrazek al-Nadhuri"), ("nadhuri-b", "Abdel Razek Nadori")):
        path = repo / f"facts/entities/{eid}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(f"en: {eid}", f"en: {latin}"), encoding="utf-8")
    assert rule_codes(repo) == ["FC415"]
