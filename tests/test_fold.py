"""One search fold: the browser folds with the table Python writes into the search page, and gives
the same words as `fold_for_search` (Arabic) and `search_key` (Arabic, then Latin transliteration)
over every name and alias of the dataset and over the characters and spellings the folds exist for."""

from __future__ import annotations

import pytest

from conftest import REPO, Visit, serve
from factcheck import load
from factcheck.textnorm import fold_for_search, search_key

pytestmark = pytest.mark.browser

# What the fold is for: alef and hamza forms, ى/ة at the end, joined prefixes, harakat, tatweel,
# presentation forms, Arabic-Indic digits, zero-width and bidi marks, and words it must leave alone.
HARD_WORDS = [
    "أإآٱا",
    "مصطفى",
    "الليبية",
    "والناظوري",
    "فبالجيش",
    "وللقوات",
    "كالعادة",
    "الى",
    "ال",
    "وال",
    "فالسلام",
    "مُحَمَّد",
    "الجيـــش",
    "ﻟﻴﺒﻴﺎ",
    "٢٠٢٣",
    "۱۴",
    "الدبي\u200bبة",
    "\u200fحفتر",
    "Haftar",
    "al-Nadhuri",
    "«الجيش»",
    "الجيش،",
    "ؤئ",
    "ببب",
]


# What the Latin fold is for: accents, apostrophes and ayn marks, articles, hyphens, doubled
# letters, the letter families and final vowels; Latin words beside Arabic ones and punctuation.
HARD_LATIN = [
    "Qaddafi",
    "al-Qadhafi",
    "El-Gaddafi",
    "ad-Dbeibah",
    "Dbaiba",
    "Al Nahyan",
    "AL-NADHURI",
    "Ba‘ath",
    "Sa'id",
    "Muʿammar",
    "Mu’ammar",
    "Égypte",
    "Ṭarābulus",
    "Hammad,",
    "(Libya)",
    "UN-mediated talks",
    "5+5 Joint Military Commission",
    "a-",
    "al",
    "Khalifa  Haftar ",
    "حفتر Haftar",
    "Zayed Yousef Thinni",
]


def names() -> list[str]:
    dataset = load(REPO)
    return [
        n
        for e in dataset.entities.values()
        for n in (e.data["name"]["ar"], e.data["name"]["en"], *(a["text"] for a in e.data["aliases"]))
    ]


def corpus() -> list[str]:
    return sorted({w for n in names() for w in n.split()} | set(HARD_WORDS))


def in_the_browser(site_dir, browser, function: str, texts: list[str]) -> list[str]:
    with serve(site_dir) as base:
        visit = Visit(browser, base, "search/")
        try:
            return visit.page.evaluate(f"texts => texts.map(t => window.{function}(t))", texts)
        finally:
            visit.close()


def test_the_browser_folds_every_word_as_python_does(site_dir, browser):
    words = corpus()
    folded = in_the_browser(site_dir, browser, "factcheckFold", words)
    differ = [(w, js, fold_for_search(w)) for w, js in zip(words, folded, strict=True) if js != fold_for_search(w)]
    assert len(words) > 300 and differ == []


def test_the_browser_makes_every_name_the_search_key_python_makes(site_dir, browser):
    texts = sorted(set(names()) | set(HARD_LATIN) | set(HARD_WORDS))
    keys = in_the_browser(site_dir, browser, "factcheckKey", texts)
    differ = [(t, js, search_key(t)) for t, js in zip(texts, keys, strict=True) if js != search_key(t)]
    assert len(texts) > 400 and differ == []
