"""Property tests (hypothesis, 10,000 examples each): the loader and the Arabic normalisation never
raise anything but the project's own error, normalisation is idempotent and never folds the
letters that tell words apart, and search folding is a fold of the verification form."""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.fmt import scalar
from factcheck.loader import LoadError, decode, parse_text
from factcheck.textnorm import FORBIDDEN_RE, fold_for_search, normalize, normalize_with_offsets

pytestmark = pytest.mark.fuzz

MANY = settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DISTINGUISHING = "أإآاىيةه"

# Arabic letters, harakat, tatweel, digits of three scripts, punctuation, spaces of several kinds,
# presentation forms, bidi and invisible characters, and YAML's own syntax characters.
ARABIC_TEXT = st.text(
    alphabet=st.sampled_from(
        list("ابتثجحخدذرزسشصضطظعغفقكلمنهوىيءأإآؤئة")
        + [chr(c) for c in range(0x064B, 0x0653)]
        + list("ـ٠١٢٣٤٥٦٧٨٩۰۱۲0123456789،؛؟.,:;!?«»“”\"'()- \u00a0\t\n")
        + ["\ufefb", "\ufe8e", "\u200c", "\u200f", "\u202e", "\u2066", "…"]
    ),
    max_size=60,
)
YAML_TEXT = st.lists(
    st.sampled_from(
        list("ab:- \n\t'\"[]{}#&*!|>%@`,?~0123456789.")
        + ["ي", "\u202e", "\x00", "!!int ", "!!float ", "!!bool ", "!!null ", "!!str ", "!!map ", "!!seq "]
    ),
    max_size=60,
).map("".join)


@MANY
@given(YAML_TEXT)
def test_loader_raises_only_its_own_error(text):
    try:
        data = parse_text(text, "fuzz.yaml")
    except LoadError as exc:
        assert exc.finding.code.startswith("FC0")
    else:
        assert isinstance(data, dict)


@MANY
@given(st.binary(max_size=200))
def test_decoding_raises_only_its_own_error(raw):
    try:
        text = decode(raw, "fuzz.yaml")
    except LoadError as exc:
        assert exc.finding.code in ("FC005", "FC006")
    else:
        assert isinstance(text, str)


@MANY
@given(ARABIC_TEXT)
def test_normalisation_is_idempotent(text):
    assert normalize(normalize(text)) == normalize(text)


@MANY
@given(ARABIC_TEXT)
def test_normalisation_never_folds_letters_that_tell_words_apart(text):
    text = "".join(ch for ch in text if not ("\ufb50" <= ch <= "\ufeff"))  # presentation forms expand to letters
    before = Counter(ch for ch in unicodedata.normalize("NFC", text) if ch in DISTINGUISHING)
    after = Counter(ch for ch in normalize(text) if ch in DISTINGUISHING)
    assert after == before


@MANY
@given(ARABIC_TEXT)
def test_search_folding_is_a_fold_of_the_verification_form(text):
    assert fold_for_search(text) == fold_for_search(normalize(text))


@MANY
@given(ARABIC_TEXT)
def test_offsets_agree_with_normalisation(text):
    text = unicodedata.normalize("NFC", text)
    norm, offsets = normalize_with_offsets(text)
    assert norm == normalize(text) and len(offsets) == len(norm)


@MANY
@given(st.text(max_size=40))
def test_formatted_scalars_read_back_unchanged(value):
    if FORBIDDEN_RE.search(value):
        return  # refused by the loader anyway
    assert parse_text(f"k: {scalar(value)}\n", "fuzz.yaml")["k"] == value
