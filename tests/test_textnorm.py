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
