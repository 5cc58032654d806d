"""Verification normalisation: forgives harmless variation, never folds letters."""

from __future__ import annotations

import pytest

from factcheck.textnorm import find_fragments, forbidden_characters, normalize, quote_fragments


@pytest.mark.unit
@pytest.mark.parametrize(
    "a, b",
    [
        ("جهودًا", "جهوداً"),  # tanween before/after alef
        ("الجيش\u00a0الليبي", "الجيش الليبي"),
        ("مصر ، ليبيا", "مصر، ليبيا"),  # space before Arabic comma
        ("عام ٢٠١١", "عام 2011"),
        ("عام ۲۰۱۱", "عام 2011"),  # Persian digits
        ("“5 + 5”", "«5 + 5»"),
        ("\ufefbبد", "لابد"),  # lam-alef presentation form
        ("الجيـــش", "الجيش"),
        ("الجيش\u200fالليبي", "الجيشالليبي"),
    ],
)
def test_harmless_variation_is_forgiven(a, b):
    assert normalize(a) == normalize(b)


@pytest.mark.unit
@pytest.mark.parametrize(
    "a, b",
    [
        ("أحمد", "احمد"),
        ("إلى", "الى"),
        ("آل", "ال"),
        ("الناظوري", "الناظورى"),
        ("الدبيبة", "الدبيبه"),
    ],
)
def test_letters_are_never_folded(a, b):
    assert normalize(a) != normalize(b)


@pytest.mark.unit
def test_superscript_is_not_flattened():
    assert normalize("10²") == "10²"


@pytest.mark.unit
@pytest.mark.parametrize("text", ["جهودًا ، «كبيرة»  ١٢", "  a  ,b ", "\ufefb", "(  x )"])
def test_normalize_is_idempotent(text):
    assert normalize(normalize(text)) == normalize(text)


@pytest.mark.unit
def test_fragments_must_appear_in_order():
    hay = normalize("عقد الاجتماع الرابع في الفترة من 6 إلى 9 ديسمبر لإعادة هيكلة الجيش")
    assert find_fragments(quote_fragments("عقد الاجتماع … لإعادة هيكلة"), hay)
    assert find_fragments(quote_fragments("عقد الاجتماع ... لإعادة هيكلة"), hay)
    assert not find_fragments(quote_fragments("لإعادة هيكلة … عقد الاجتماع"), hay)


@pytest.mark.unit
def test_forbidden_characters_are_found_with_offsets():
    found = list(forbidden_characters("ab\u202ecd\u2066"))
    assert [(o, cp) for o, cp, _ in found] == [(2, 0x202E), (5, 0x2066)]
    assert not list(forbidden_characters("نص عربي عادي\tمع\nسطر"))


@pytest.mark.acceptance
def test_offsets_map_the_verification_form_back_to_every_article():
    from conftest import REPO
    from factcheck.textnorm import normalize_with_offsets

    for seed in sorted((REPO / "seeds").glob("*.txt")):
        for paragraph in filter(str.strip, seed.read_text(encoding="utf-8").split("\n")):
            norm, offsets = normalize_with_offsets(paragraph)
            assert norm == normalize(paragraph)
            assert len(offsets) == len(norm) and offsets == sorted(offsets)
            assert all(paragraph[o] == c for o, c in zip(offsets, norm, strict=True) if c.isalpha() and c.isascii())


# ---- the search folds (never used to verify a quote)


@pytest.mark.unit
@pytest.mark.parametrize(
    "spellings",
    [
        ["Qaddafi", "Gaddafi", "Kadhafi", "Gadhafi", "al-Qaddafi", "el-Gaddafi", "Qadhdhafi"],
        ["Hamad", "Hammad"],
        ["Dbeibah", "Dbeiba", "Dbaiba", "Dbeibeh", "al-Dbeibah", "ad-Dbeibah"],
        ["al-Nadhuri", "Nadori", "al-Nazouri", "Nadoori", "Nadhouri", "an-Nadhuri", "Al Nadhuri"],
        ["Muammar", "Moammar", "Mu'ammar", "Muʿammar", "Mu‘ammar"],
        ["Shoukry", "Shukri", "Shoukri"],
        ["Sisi", "Sissi", "Sīsī"],
    ],
)
def test_latin_spellings_of_one_name_meet(spellings):
    from factcheck.textnorm import search_key

    assert len({search_key(s) for s in spellings}) == 1, {s: search_key(s) for s in spellings}


@pytest.mark.unit
@pytest.mark.parametrize("a, b", [("Hamad", "Hamid"), ("Haftar", "Hifter"), ("Sarraj", "Serraj"), ("Libya", "Lima")])
def test_the_latin_fold_keeps_other_names_apart(a, b):
    from factcheck.textnorm import search_key

    assert search_key(a) != search_key(b)


@pytest.mark.unit
def test_the_latin_fold_leaves_arabic_and_numbers_alone():
    from factcheck.textnorm import fold_latin, search_key

    for text in ["عبد الرازق الناظوري", "الجيش الليبي 2020", "5+5", "أإآ ى ة"]:
        assert fold_latin(text) == " ".join(text.split())
    assert search_key("عبد الرازق الناظورى") == "عبد رازق ناظوري"
    assert search_key("Abdullah bin Zayed Al Nahyan") == "abdula bin died nahian"
    assert search_key("UN-mediated talks (Libya)") == "un mediated talks libia"


@pytest.mark.unit
@pytest.mark.parametrize("text", ["Haftar", "al-Nadhuri", "Qaddafi", "الناظورى", "والدبيبة"])
def test_the_arabic_fold_is_unchanged_by_the_latin_one(text):
    """The name rules fold quotes and names with fold_for_search: it leaves Latin letters alone."""
    from factcheck.textnorm import fold_for_search

    assert fold_for_search(text) == {"الناظورى": "ناظوري", "والدبيبة": "دبيبه"}.get(text, text)
