"""Cross-record checks: references, ids, dates, stored articles and exact quotes."""

from __future__ import annotations

import pytest

from conftest import CLAIM, check_one, claim_text, codes_at, line_of, run, write

pytestmark = pytest.mark.acceptance


def test_dangling_reference_suggests_the_close_id(repo):
    text = claim_text().replace("subject: ceasefire-agreement-2020", "subject: ceasefire-agreement-2021")
    out = check_one(repo, text, expect_code="FC203", expect_line=line_of(text, "subject:"))
    assert "Did you mean 'ceasefire-agreement-2020'" in out


def test_duplicate_id(repo):
    write(repo, "facts/claims/sub/c-001-902.yaml", claim_text())
    status, out = run(repo, "validate")
    assert status == 1 and "FC202" in out and "also used by" in out


def test_id_must_equal_file_name(repo):
    write(repo, "facts/claims/c-001-903.yaml", claim_text())
    status, out = run(repo, "validate")
    assert status == 1
    assert "facts/claims/c-001-903.yaml:1:5: FC201" in out


@pytest.mark.parametrize("date", ["2023-02-30", "2023-13", "2023-00-10"])
def test_impossible_date(repo, date):
    text = claim_text().replace("point: '2020-10-23'", f"point: '{date}'")
    check_one(repo, text, expect_code="FC110", expect_line=line_of(text, date))


def test_unquoted_impossible_date_is_a_finding_not_a_crash(repo):
    text = claim_text().replace("point: '2020-10-23'", "point: 2023-02-30")
    check_one(repo, text, expect_code="FC110", expect_line=line_of(text, "2023-02-30"))


def test_end_before_start(repo):
    text = claim_text().replace("  point: '2020-10-23'\n", "  start: '2020-10'\n  end: '2020-09-30'\n")
    check_one(repo, text, expect_code="FC111", expect_line=line_of(text, "end:"))


def test_same_day_at_different_precision_is_not_end_before_start(repo):
    text = claim_text().replace("  point: '2020-10-23'\n", "  start: '2020-10-23'\n  end: '2020-10'\n")
    write(repo, CLAIM, text)
    assert run(repo, "validate")[0] == 0


def test_value_type_must_match_the_property(repo):
    text = claim_text().replace("property: signed\n", "property: signed\nvalue:\n  entity: cairo\n")
    out = check_one(repo, text, expect_code="FC204", expect_line=line_of(text, "entity: cairo"))
    assert "takes a value of type none" in out


def test_value_entity_type_must_match_the_property(repo):
    text = (
        claim_text()
        .replace("property: signed\n", "property: held-in\nvalue:\n  entity: khalifa-haftar\n")
        .replace("subject: ceasefire-agreement-2020", "subject: paris-military-meeting")
    )
    out = check_one(repo, text, expect_code="FC204")
    assert "'khalifa-haftar' is a person" in out


def test_quote_with_one_letter_changed_is_rejected_and_shows_the_passage(repo):
    # ى for ي is a different letter: never forgiven.
    text = (
        claim_text()
        .replace("اتفاق وقف إطلاق النار الموقع", "اتفاق وقف إطلاق النار الموقع", 1)
        .replace(
            "quote: اتفاق وقف إطلاق النار الموقع في 23 أكتوبر 2020",
            "quote: اتفاق وقف إطلاق النار الموقع فى 23 أكتوبر 2020",
        )
    )
    out = check_one(repo, text, expect_code="FC301", expect_line=line_of(text, "quote:"))
    assert "Closest passage in paragraph 7" in out and "الموقع في 23 أكتوبر 2020" in out


@pytest.mark.parametrize(
    "variant",
    [
        "اتفاق\u00a0وقف إطلاق النار الموقع في 23 أكتوبر 2020",  # no-break space
        "اتفاق وقف إطــلاق النار الموقع في 23 أكتوبر 2020",  # tatweel
        "اتفاقُ وقفِ إطلاقِ النارِ الموقَّع في 23 أكتوبر 2020",  # harakat
        "اتفاق وقف إطلاق النار الموقع في ٢٣ أكتوبر ٢٠٢٠",  # Arabic-Indic digits
        "اتفاق  وقف إطلاق النار الموقع في 23 أكتوبر 2020",  # double space
        "بين الجانبين المنضوين في اللجنة العسكرية المشتركة «5 + 5»",  # « » for “ ”
        "اتفاق وقف إطلاق النار … في 23 أكتوبر 2020",  # in-order fragments
    ],
)
def test_harmless_quote_variants_are_accepted(repo, variant):
    text = claim_text().replace("quote: اتفاق وقف إطلاق النار الموقع في 23 أكتوبر 2020", f"quote: '{variant}'")
    write(repo, CLAIM, text)
    status, out = run(repo, "validate")
    assert status == 0, out


def test_fragments_out_of_order_are_rejected(repo):
    text = claim_text().replace(
        "quote: اتفاق وقف إطلاق النار الموقع في 23 أكتوبر 2020", "quote: في 23 أكتوبر 2020 … اتفاق وقف إطلاق النار"
    )
    check_one(repo, text, expect_code="FC301")


def test_quote_in_another_paragraph_names_the_right_one(repo):
    text = claim_text().replace("  paragraph: 7", "  paragraph: 6")
    out = check_one(repo, text, expect_code="FC302")
    assert "Set `paragraph: 7`" in out


def test_paragraph_beyond_the_article(repo):
    text = claim_text().replace("  paragraph: 7", "  paragraph: 70")
    check_one(repo, text, expect_code="FC305")


def test_changed_stored_article_is_detected(repo):
    seed = repo / "seeds/001_47f0d4ee64a09b26.txt"
    seed.write_bytes(seed.read_bytes() + b"\n")
    status, out = run(repo, "validate")
    assert status == 1
    assert "facts/sources/src-001.yaml" in out and "FC303" in out


def test_source_file_outside_seeds_is_rejected(repo):
    """The schema's pattern refuses the path (FC104), so the article is never looked for (no FC304)."""
    src = repo / "facts/sources/src-004.yaml"
    text = src.read_text(encoding="utf-8").replace("file: seeds/", "file: seeds/../")
    src.write_text(text, encoding="utf-8")
    status, out = run(repo, "validate")
    assert status == 1
    assert codes_at(out) == [("facts/sources/src-004.yaml", line_of(text, "file:"), "FC104")], out


def test_a_broken_record_still_gets_its_other_findings(repo):
    """Schema errors do not hide reference and quote errors in the same file."""
    text = (
        (claim_text() + "colour: red\n")
        .replace("subject: ceasefire-agreement-2020", "subject: nobody")
        .replace("  paragraph: 7", "  paragraph: 6")
    )
    write(repo, CLAIM, text)
    status, out = run(repo, "validate")
    assert status == 1
    for code in ("FC101", "FC203", "FC302"):
        assert code in out, out


def test_an_alias_must_be_written_in_the_source_it_names(repo):
    entity = repo / "facts/entities/osama-hammad.yaml"
    entity.write_text(
        entity.read_text(encoding="utf-8").replace(
            "aliases:\n", "aliases:\n- text: أسامه حماد\n  lang: ar\n  kind: spelling\n  source: src-001\n"
        ),
        encoding="utf-8",
    )
    status, out = run(repo, "validate")
    assert status == 1 and "FC306 alias 'أسامه حماد' is not written in src-001" in out


def test_corroborated_needs_two_sources(repo):
    text = claim_text().replace("rating: single-source", "rating: corroborated")
    out = check_one(repo, text, expect_code="FC205", expect_line=line_of(text, "rating:"))
    assert "supporting quotes from 2 or more sources" in out


def test_single_source_means_one_source(repo):
    text = claim_text().replace(
        "  stance: supports\n",
        "  stance: supports\n- source: src-000\n"
        "  quote: عقدت المفاوضات لتوحيد الجيش الليبي\n  translation: Negotiations were held to unify the Libyan army\n"
        "  paragraph: 5\n  stance: supports\n",
    )
    check_one(repo, text, expect_code="FC205")
