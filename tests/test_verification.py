"""Verification that a crafted record cannot fool: one failing fixture per code added for it, and
the hostile classes a reviewer found, each refused with its code, its line and a fix that fits."""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import CLAIM, REPO, check_one, claim_text, codes_at, line_of, run, write

SOURCE = "facts/sources/src-001.yaml"


def source_text(rel: str = SOURCE) -> str:
    return (REPO / rel).read_text(encoding="utf-8")


# ---- FC307: a quote carries words


@pytest.mark.acceptance
@pytest.mark.parametrize(
    "quote", ["…", "... … ...", "ـــ", "\u064e\u064f\u0650", "،", "اتفاق وقف إطلاق النار … و", "في 23"]
)
def test_a_quote_without_words_is_refused(repo, quote):
    text = claim_text().replace("quote: اتفاق وقف إطلاق النار الموقع في 23 أكتوبر 2020", f"quote: '{quote}'")
    out = check_one(repo, text, expect_code="FC307", expect_line=line_of(text, "quote:"))
    assert "hint: A quote proves a claim by its words" in out


@pytest.mark.acceptance
def test_a_short_passage_may_explain_page_chrome_but_not_an_empty_one(repo):
    text = source_text("facts/sources/src-002.yaml")
    assert "quote: عاجل" in text, "the real short passage this test relies on"
    write(repo, "facts/sources/src-002.yaml", text)
    assert run(repo, "validate")[0] == 0
    write(repo, "facts/sources/src-002.yaml", text.replace("quote: عاجل", "quote: …"))
    status, out = run(repo, "validate")
    assert status == 1 and "FC307" in out


# ---- FC308: one article, one source record


@pytest.mark.acceptance
def test_a_second_source_record_for_a_stored_article_is_refused(repo):
    write(repo, "facts/sources/src-009.yaml", source_text().replace("id: src-001", "id: src-009"))
    status, out = run(repo, "validate")
    assert status == 1
    assert "facts/sources/src-009.yaml" in out and "FC308 src-009 stores the same article as src-001" in out


def _stored_file(rel: str = SOURCE) -> str:
    return next(line.split(": ", 1)[1] for line in source_text(rel).splitlines() if line.startswith("file: "))


@pytest.mark.acceptance
@pytest.mark.parametrize(
    "change, how",
    [
        # Same words, other bytes: a trailing space and a tatweel change the sha256, not the text.
        (lambda t: t.replace("\n", " \n", 1).replace("الجيش", "الجيـش", 1), "the same text under another file name"),
        # One line added: new bytes and a new text, most paragraphs word for word.
        (lambda t: t + "سطر أضيف في آخر المقال.\n", "word for word"),
    ],
)
def test_a_copy_of_an_article_is_the_same_source(repo, change, how):
    import hashlib

    stored = _stored_file()
    write(repo, "seeds/009_copy.txt", change((repo / stored).read_text(encoding="utf-8")))
    digest = hashlib.sha256((repo / "seeds/009_copy.txt").read_bytes()).hexdigest()
    text = source_text().replace("id: src-001", "id: src-009").replace(stored, "seeds/009_copy.txt")
    text = "\n".join(f"sha256: {digest}" if line.startswith("sha256:") else line for line in text.splitlines()) + "\n"
    write(repo, "facts/sources/src-009.yaml", text)
    status, out = run(repo, "validate")
    assert status == 1 and "FC308 src-009 stores the same article as src-001" in out and how in out


@pytest.mark.acceptance
def test_corroboration_counts_articles_not_source_ids(repo):
    """Two source ids of one article are one source: the verdict check judges by content."""
    from factcheck.checker import check

    write(repo, "facts/sources/src-009.yaml", source_text().replace("id: src-001", "id: src-009"))
    text = (
        claim_text()
        .replace("rating: single-source", "rating: corroborated")
        .replace(
            "  stance: supports\n",
            "  stance: supports\n- source: src-009\n  quote: اتفاق وقف إطلاق النار الموقع في 23 أكتوبر 2020\n"
            "  paragraph: 7\n  stance: supports\n",
            1,
        )
    )
    write(repo, CLAIM, text)
    codes = {f.code for f in check(repo).findings if f.path == CLAIM}
    assert "FC205" in codes


# ---- FC007 on decoded values: escapes spell what the raw file does not show


@pytest.mark.acceptance
@pytest.mark.parametrize(
    "escape, name",
    [
        ("\\u202e", "bidi control"),
        ("\\u200b", "zero-width space"),
        ("\\u061c", "Arabic letter mark"),
        ("\\u2028", "line separator"),
        ("\\u2029", "paragraph separator"),
        ("\\x85", "control character"),
        ("\\u0600", "invisible formatting character"),
        ("\\r", "carriage return"),
    ],
)
@pytest.mark.parametrize(
    "spelling",
    [
        pytest.param('property: "sig{escape}ned"', id="in a value"),
        pytest.param('"prop{escape}erty": signed', id="in a key"),
    ],
)
def test_escaped_forbidden_characters_are_refused(repo, escape, name, spelling):
    line = spelling.format(escape=escape)
    text = claim_text().replace("property: signed", line)
    out = check_one(repo, text, expect_code="FC007", expect_line=line_of(text, line))
    assert name in out


@pytest.mark.acceptance
def test_a_line_separator_cannot_hide_a_key(repo):
    """U+2028 is a line break to YAML: one line in a diff would add `rank: deprecated`."""
    text = claim_text().replace("property: signed", "property: signed\u2028rank: deprecated")
    out = check_one(repo, text, expect_code="FC007", expect_line=line_of(text, "property:"))
    assert "line separator" in out and "a diff does not show" in out


@pytest.mark.acceptance
def test_crlf_gets_a_line_ending_hint_not_a_bidi_one(repo):
    out = check_one(repo, claim_text().replace("\n", "\r\n"), expect_code="FC007", expect_line=1)
    assert "LF line ends" in out and "bidi" not in out


# ---- FC013: record files are regular files


@pytest.mark.acceptance
def test_a_symlinked_record_is_refused_without_being_read(repo, tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text(
        claim_text().replace("c-001-902", "c-001-950").replace("signed", "SECRET-VALUE"), encoding="utf-8"
    )
    os.symlink(outside, repo / "facts/claims/c-001-950.yaml")
    status, out = run(repo, "validate")
    assert status == 1
    assert "facts/claims/c-001-950.yaml:1:1: FC013 'facts/claims/c-001-950.yaml' is a symbolic link" in out
    assert "SECRET-VALUE" not in out


@pytest.mark.acceptance
def test_a_symlinked_folder_is_refused_not_followed(repo, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    write(tmp_path, "elsewhere/c-001-951.yaml", claim_text().replace("c-001-902", "c-001-951"))
    os.symlink(tmp_path / "elsewhere", repo / "facts/claims/more")
    status, out = run(repo, "validate")
    assert status == 1 and "FC013 'facts/claims/more' is a symbolic link" in out


@pytest.mark.acceptance
def test_a_named_pipe_is_refused_without_blocking(repo):
    os.mkfifo(repo / "facts/claims/c-001-952.yaml")
    status, out = run(repo, "validate")  # opening a FIFO for reading would wait for a writer forever
    assert status == 1 and "FC013 'facts/claims/c-001-952.yaml' is a named pipe" in out


@pytest.mark.acceptance
def test_a_link_to_an_endless_device_is_not_read(repo):
    os.symlink("/dev/zero", repo / "facts/claims/c-001-953.yaml")
    status, out = run(repo, "validate")
    assert status == 1 and "FC013" in out


@pytest.mark.acceptance
def test_fmt_leaves_a_symlink_alone(repo, tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text(
        claim_text().replace("c-001-902", "c-001-954").replace("property: signed", "property:   signed"),
        encoding="utf-8",
    )
    link = repo / "facts/claims/c-001-954.yaml"
    os.symlink(outside, link)
    run(repo, "fmt")
    assert link.is_symlink() and "property:   signed" in outside.read_text(encoding="utf-8")


# ---- FC012 and friends: no input crashes the tools


@pytest.mark.acceptance
@pytest.mark.parametrize(
    "value, code",
    [
        ("paragraph: 7.0", "FC103"),  # a float where a whole number is meant
        ("paragraph: 1e999", "FC012"),  # not finite
        ("paragraph: " + "9" * 400, "FC012"),  # 10^400
        ("paragraph: " + "9" * 5000, "FC012"),  # past Python's int() digit limit
        ("paragraph: -1e20", "FC012"),
    ],
)
def test_numbers_out_of_range_are_findings(repo, value, code):
    text = claim_text().replace("paragraph: 7", value)
    check_one(repo, text, expect_code=code, expect_line=line_of(text, "paragraph:"))


@pytest.mark.acceptance
@pytest.mark.parametrize("date", ["'0000'", "'0000-01-01'"])
def test_year_zero_is_an_impossible_date(repo, date):
    text = claim_text().replace("point: '2020-10-23'", f"point: {date}")
    check_one(repo, text, expect_code="FC110", expect_line=line_of(text, "point:"))


@pytest.mark.acceptance
def test_a_trailing_newline_fails_a_pattern_in_both_validators(repo):
    text = claim_text().replace(
        "en: The ceasefire agreement was signed on 23 October 2020.",
        'en: "The ceasefire agreement was signed on 23 October 2020.\\n"',
    )
    check_one(repo, text, expect_code="FC104", expect_line=line_of(text, 'en: "The ceasefire'))


# ---- FC112: as_written agrees with its date


def _dated_claim(point: str, basis: str, written: str) -> str:
    return claim_text().replace(
        "point: '2020-10-23'\n  basis: stated", f"point: {point}\n  basis: {basis}\n  as_written: {written}"
    )


@pytest.mark.acceptance
@pytest.mark.parametrize(
    "point, written, problem",
    [
        ("'2020-11-23'", "في 23 أكتوبر 2020", "month 10"),
        ("'2020-10-27'", "في 23 أكتوبر 2020", "day 23"),
        ("'2021-10-23'", "في 23 أكتوبر 2020", "year 2020"),
        ("'2020-10-23'", "في أكتوبر 2020", "gives a day that the words do not"),
        ("2020-10", "عام 2020", "gives a month that the words do not"),
        ("'2020-10-23'", "يوم الأحد 23 تشرين الأول 2020", "was a Friday"),
    ],
)
def test_as_written_must_fit_its_date(repo, point, written, problem):
    text = _dated_claim(point, "stated", written)
    out = check_one(repo, text, expect_code="FC112", expect_line=line_of(text, "point:"))
    assert problem in out


@pytest.mark.acceptance
@pytest.mark.parametrize(
    "point, written, basis",
    [
        ("'2020-10-23'", "في 23 أكتوبر 2020", "stated"),
        ("'2020-10-23'", "الجمعة 23 تشرين الأول / أكتوبر 2020", "stated"),
        (
            "'2020-10-23'",
            "في 23 أكتوبر",
            "inferred\n  reason: {ar: السنة من سياق المقال., en: The year comes from the article.}",
        ),
        (
            "2020-10",
            "في أكتوبر / تشرين الأول الماضي",
            "inferred\n  reason: {ar: السنة من تاريخ النشر., en: The year comes from the publication date.}",
        ),
    ],
)
def test_as_written_that_fits_passes(repo, point, written, basis):
    write(repo, CLAIM, _dated_claim(point, basis, written))
    _, out = run(repo, "validate")  # a relative date may still disagree with the source's date (FC409)
    assert "FC112" not in out, out


# ---- FC309: shown headline and outlet are in the article


@pytest.mark.acceptance
@pytest.mark.parametrize(
    "shown, headline",
    [
        pytest.param("ar: بحضور نجل حفتر.. القاهرة", "ar: بحضور نجل حفتر.. طرابلس", id="a word not in the article"),
        # found by a hostile review: words of the article, but not a whole line of it
        pytest.param(
            "ar: بحضور نجل حفتر.. القاهرة تستضيف اجتماعا للقادة العسكريين الليبيين من الشرق والغرب",
            "ar: القاهرة تستضيف",
            id="a part of a line of the article",
        ),
    ],
)
def test_a_shown_headline_must_be_a_whole_line_of_the_article(repo, shown, headline):
    text = source_text("facts/sources/src-002.yaml")
    bad = text.replace(shown, headline)
    write(repo, "facts/sources/src-002.yaml", bad)
    status, out = run(repo, "validate")
    assert status == 1 and "FC309 title.text is marked as shown" in out
    assert "facts/sources/src-002.yaml:" + str(line_of(bad, headline)) in out


@pytest.mark.acceptance
@pytest.mark.parametrize("outlet", ["وكالة الأنباء", "ب"])  # not in the article; one letter found in any
def test_a_shown_outlet_must_be_in_the_article_in_whole_words(repo, outlet):
    text = source_text("facts/sources/src-002.yaml").replace("as_shown: الرئيس نيوز", f"as_shown: {outlet}")
    write(repo, "facts/sources/src-002.yaml", text)
    status, out = run(repo, "validate")
    assert status == 1 and "FC309 outlet.as_shown is marked as shown" in out


# ---- FC106: placeholders are unfinished work


@pytest.mark.acceptance
def test_a_placeholder_is_named_by_its_field(repo):
    text = claim_text().replace(
        "en: The ceasefire agreement was signed on 23 October 2020.", "en: Write here in English."
    )
    out = check_one(repo, text, expect_code="FC106", expect_line=line_of(text, "en: Write"))
    assert "statement.en still holds the placeholder" in out


# ---- messages that fit


@pytest.mark.acceptance
def test_fc303_names_the_wrong_file_instead_of_advising_a_checkout(repo):
    """The record points at another source's article, which was never edited."""
    text = source_text().replace(_stored_file(), _stored_file("facts/sources/src-003.yaml"))
    write(repo, SOURCE, text)
    status, out = run(repo, "validate")
    assert status == 1 and "FC303" in out and "git checkout" not in out and "names the wrong file" in out


@pytest.mark.acceptance
def test_a_yml_file_is_told_to_end_in_yaml(repo):
    write(repo, "facts/claims/c-001-960.yml", claim_text())
    status, out = run(repo, "validate")
    assert (
        status == 1
        and "FC010 'facts/claims/c-001-960.yml' ends in .yml" in out
        and "Rename it to c-001-960.yaml" in out
    )


@pytest.mark.acceptance
def test_a_missing_stance_hint_names_both_choices(repo):
    text = claim_text().replace("  stance: supports\n", "")
    out = check_one(repo, text, expect_code="FC102")
    assert "supports" in out and "contradicts" in out


@pytest.mark.acceptance
def test_invisible_characters_show_as_escapes_in_messages(repo):
    from factcheck.checker import check
    from factcheck.reporters import findings_text as report_text

    write(
        repo,
        CLAIM,
        claim_text().replace("subject: ceasefire-agreement-2020", 'subject: "ceasefire-agreement-2020\\u200b"'),
    )
    out = report_text(check(repo))
    assert "zero-width space (U+200B)" in out and "\u200b" not in out
    # A name with a control character reaches no terminal raw (here, a reference in another record).
    from factcheck import findings as F

    finding = F.make(
        "FC203",
        CLAIM,
        line=1,
        col=1,
        field="subject",
        kind="entity",
        ref="tri\u200bpoli\x1b[2J",
        folder="facts/entities/",
        suggestion=" Did you mean 'tripoli'?",
    )
    assert "tri<U+200B>poli<U+001B>[2J" in finding.message and "\x1b" not in finding.message


@pytest.mark.acceptance
def test_a_record_that_fails_to_load_is_not_also_reported_missing(repo):
    write(repo, "facts/entities/ceasefire-agreement-2020.yaml", "id: [broken\n")
    status, out = run(repo, "validate")
    found = codes_at(out)
    assert status == 1 and ("facts/entities/ceasefire-agreement-2020.yaml", 1, "FC001") in {
        (p, 1, c) for p, _, c in found
    }
    assert not any(code == "FC203" for _, _, code in found), out


@pytest.mark.acceptance
def test_nothing_is_lost_when_a_record_folder_is_a_link(tmp_path):
    """The whole facts/ folder as a link is refused, not followed."""
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copytree(REPO / "schema", root / "schema")
    os.symlink(REPO / "facts", root / "facts")
    status, out = run(root, "validate")
    assert status == 1 and "FC013 'facts' is a symbolic link" in out


@pytest.mark.acceptance
def test_the_documented_minimum_is_the_enforced_one():
    from factcheck.textnorm import MIN_EVIDENCE_LETTERS, MIN_PASSAGE_LETTERS, MIN_WORD_LETTERS

    claim = (REPO / "schema/claim.schema.json").read_text(encoding="utf-8")
    source = (REPO / "schema/source.schema.json").read_text(encoding="utf-8")
    assert f"at least {MIN_EVIDENCE_LETTERS} letters in all, and a word of {MIN_WORD_LETTERS} or more" in claim
    assert f"at least {MIN_PASSAGE_LETTERS} letters, with a word of {MIN_WORD_LETTERS} or more" in source


@pytest.mark.acceptance
def test_the_schema_number_range_is_the_loaders():
    import json

    from factcheck.loader import MAX_NUMBER

    quantity = json.loads((REPO / "schema/claim.schema.json").read_text(encoding="utf-8"))
    quantity = quantity["properties"]["value"]["properties"]["quantity"]["properties"]
    for key in ("amount", "upper"):
        assert quantity[key]["maximum"] == MAX_NUMBER and quantity[key]["minimum"] == -MAX_NUMBER


@pytest.mark.unit
def test_patterns_read_as_ecma_reads_them():
    import re

    from factcheck.schemas import ecma_pattern

    text = re.compile(ecma_pattern(r"^\S(.*\S)?$"))
    assert text.search("abc") and not text.search("abc\n") and not text.search("\ufeffabc")
    assert text.search("abc\x85") and text.search("abc\x1f"), "not white space to ECMA"
    assert not re.search(ecma_pattern(r"^\d+$"), "٣") and re.search(ecma_pattern(r"^[\s\d]+$"), "1 2")


@pytest.mark.unit
def test_every_format_character_unicode_knows_is_forbidden():
    import unicodedata

    from factcheck.textnorm import FORBIDDEN_RE

    missing = [
        f"U+{cp:04X}"
        for cp in range(0x110000)
        if unicodedata.category(chr(cp)) == "Cf" and not FORBIDDEN_RE.match(chr(cp))
    ]
    assert missing == []


# ---- found by a hostile review: each must stay fixed


@pytest.mark.acceptance
def test_a_quote_of_word_pieces_is_not_found(repo):
    """«لجيش» stands inside «للجيش» and «الجيش», but is no quote of them; a fragment repeated counts once."""
    text = claim_text().replace("quote: اتفاق وقف إطلاق النار الموقع في 23 أكتوبر 2020", "quote: لجيش … لجيش … لجيش")
    check_one(repo, text, expect_code="FC307")
    text = claim_text().replace(
        "quote: اتفاق وقف إطلاق النار الموقع في 23 أكتوبر 2020", "quote: اتفاق وقف إطلاق النار الموقع في 23 أكتوبر 202"
    )
    check_one(repo, text, expect_code="FC301")


@pytest.mark.unit
def test_a_quote_may_leave_off_a_joined_conjunction():
    from factcheck.textnorm import fragment_spans, quote_fragments

    paragraph = "دعت إلى توحيد المؤسسة العسكرية وإعادة هيكلة الجيش الوطني"
    assert fragment_spans(quote_fragments("إعادة هيكلة الجيش"), paragraph) is not None
    assert fragment_spans(quote_fragments("عادة هيكلة الجيش"), paragraph) is None
    assert fragment_spans(quote_fragments("إعادة هيكلة الجي"), paragraph) is None


@pytest.mark.acceptance
def test_a_placeholder_folded_over_two_lines_is_found(repo):
    text = claim_text().replace(
        "en: The ceasefire agreement was signed on 23 October 2020.", "en: Write here\n    in English."
    )
    check_one(repo, text, expect_code="FC106")


@pytest.mark.acceptance
def test_a_stored_article_that_is_a_pipe_is_refused_without_blocking(repo):
    stored = _stored_file()
    (repo / stored).unlink()
    os.mkfifo(repo / stored)
    status, out = run(repo, "validate")
    assert status == 1 and "FC304" in out and "not a regular file" in out


@pytest.mark.acceptance
def test_a_file_name_that_is_not_utf8_is_refused_and_shown_escaped(repo, tmp_path):
    name = os.fsdecode(b"c-\xff.yaml")
    shutil.copy(repo / CLAIM, repo / "facts/claims" / name)
    status, out = run(repo, "validate")
    assert status == 1 and "FC010 'facts/claims/c-<U+DCFF>.yaml' has a name that is not UTF-8 text" in out
    status, out = run(repo, "validate", "--format", "json")
    assert '"path": "facts/claims/c-<U+DCFF>.yaml"' in out
    out.encode("utf-8")  # strict UTF-8: no lone surrogate reaches the output


@pytest.mark.acceptance
def test_new_never_writes_through_a_linked_record_folder(repo, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.rmtree(repo / "facts/contradictions")
    os.symlink(outside, repo / "facts/contradictions")
    status, _ = run(repo, "new", "contradiction", "--claims", "c-001-901", "c-001-902")
    assert status == 1 and list(outside.iterdir()) == []


@pytest.mark.acceptance
def test_changed_sees_an_edited_stored_article(copy):
    article = sorted((copy / "seeds").glob("000_*.txt"))[0]
    with open(article, "a", encoding="utf-8") as f:
        f.write("سطر مضاف.\n")
    status, out = run(copy, "validate", "--changed", "HEAD")
    assert status == 1 and "FC303" in out


@pytest.mark.acceptance
def test_coverage_refuses_an_unknown_source(shared_repo):
    assert run(shared_repo, "coverage", "--source", "src-999")[0] == 2


@pytest.mark.acceptance
@pytest.mark.parametrize("written", ["1 يناير 1800 الموافق 5 رجب 1214", "قبل " + "1" * 400 + " سنوات"])
def test_dates_outside_the_tables_do_not_crash(repo, written):
    text = claim_text().replace(
        "point: '2020-10-23'\n  basis: stated",
        f"point: '2020-10-23'\n  basis: inferred\n  reason: {{ar: سبب., en: A reason.}}\n  as_written: {written}",
    )
    write(repo, CLAIM, text)
    assert run(repo, "validate")[0] in (0, 1)


@pytest.mark.acceptance
@pytest.mark.parametrize(
    "point, written",
    [
        ("'2017-07-15'", "في 15 من يوليو 2017"),
        ("'2017-07-05'", "في الخامس من يوليو 2017"),
        ("'2017-04-05'", "5 إبريل 2017"),
        ("'2017-06-05'", "5 يونيه 2017"),
        ("'2017-12-05'", "5 كانون الاول 2017"),
        ("'2017-07-05'", "11 شوال 1438"),
        ("'2017-07-16'", "الأحد 16/7/2017"),
        ("2017-07", "في يوليو 2017 بعد القرار 2146"),
    ],
)
def test_date_wordings_that_give_the_date(repo, point, written):
    write(repo, CLAIM, _dated_claim(point, "stated", written))
    status, out = run(repo, "validate")
    assert status == 0 and "FC112" not in out, out


@pytest.mark.acceptance
@pytest.mark.parametrize("point, written", [("'2017-05-05'", "5 إبريل 2017"), ("'2017-01-05'", "11 شوال 1438")])
def test_date_wordings_that_contradict_the_date(repo, point, written):
    check_one(repo, _dated_claim(point, "stated", written), expect_code="FC112")


@pytest.mark.acceptance
@pytest.mark.parametrize("char", ["\u3164", "\u115f", "\u034f", "\ufe0f", "\U000e0100", "\ue000", "\uffff"])
def test_other_invisible_characters_are_refused(repo, char):
    text = claim_text().replace("en: The ceasefire", f"en: The{char} ceasefire")
    check_one(repo, text, expect_code="FC007", expect_line=line_of(text, "en: The"))


@pytest.mark.acceptance
def test_the_articles_own_assessment_says_so(repo):
    """`voice: article` claims open «بحسب المقال،» / "According to the article," (FC206), in both languages."""
    marked = claim_text().replace("property: signed\n", "property: signed\nvoice: article\n")
    write(repo, CLAIM, marked)
    assert codes_at(run(repo, "validate")[1]) == [(CLAIM, 3, "FC206"), (CLAIM, 4, "FC206")]
    attributed = marked.replace("  ar: وُقّع", "  ar: بحسب المقال، وُقّع").replace(
        "  en: The ceasefire agreement was signed", "  en: According to the article, the ceasefire agreement was signed"
    )
    write(repo, CLAIM, attributed)
    assert run(repo, "validate")[0] == 0


@pytest.mark.unit
@pytest.mark.parametrize(
    "statement, lang, names, passes",
    [
        ("According to Egypt, it is committed.", "en", ["Egypt"], True),
        (
            "According to the French Ministry of Foreign Affairs, France supports dialogue.",
            "en",
            ["French Ministry of Foreign Affairs"],
            True,
        ),
        ("بحسب مصر، فإنها ملتزمة.", "ar", ["مصر"], True),
        ("According to a critic of Sameh Shoukry, Egypt is committed.", "en", ["Sameh Shoukry"], False),
        ("بحسب خصوم سامح شكري، تبذل مصر جهودًا.", "ar", ["سامح شكري"], False),
        ("بحسب ومصر، فإنها ملتزمة.", "ar", ["مصر"], False),
        ("According to rumours Egypt is committed.", "en", ["Egypt"], False),
        ("بحسب مصر, فإنها ملتزمة.", "ar", ["مصر"], False),
        ("according to Egypt, it is committed.", "en", ["Egypt"], False),
        ("According to Egypt's opponents, it is committed.", "en", ["Egypt"], False),
    ],
)
def test_the_speaker_is_named_whole_between_the_opening_and_its_comma(statement, lang, names, passes):
    from factcheck.link.references import attribution_problem

    assert (attribution_problem(statement, lang, names) is None) == passes


@pytest.mark.acceptance
@pytest.mark.parametrize(
    "old, new, code, at",
    [
        pytest.param(
            "property: signed\n",
            "property: signed\nvoice: article\nattribution: c-001-901\n",
            "FC204",
            "voice: article",
            id="voice and attribution both",
        ),
        pytest.param(
            "property: signed\n",
            "property: signed\nreplaces: khalifa-haftar\n",
            "FC204",
            "replaces:",
            id="replaces on a claim that holds no post",
        ),
        pytest.param(
            "  point: '2020-10-23'\n",
            "  start: '2020-10-23'\n  ending: true\n",
            "FC102",
            "  start:",
            id="an end shown with no end date",
        ),
    ],
)
def test_fields_that_mean_nothing_where_they_stand_are_refused(repo, old, new, code, at):
    text = claim_text().replace(old, new)
    check_one(repo, text, expect_code=code, expect_line=line_of(text, at))


@pytest.mark.acceptance
@pytest.mark.parametrize("ar, en", [("«مصر»", '"Egypt"'), ("(مصر)", "(Egypt)"), ("مصر؛", "Egypt;")])
def test_a_name_in_quotes_or_brackets_is_still_a_name(repo, ar, en):
    value = f"property: described-as\nvalue:\n  text:\n    ar: '{ar}'\n    en: '{en}'\n"
    text = claim_text().replace("property: signed\n", value)
    check_one(repo, text, expect_code="FC207", expect_line=line_of(text, "    ar:"))
