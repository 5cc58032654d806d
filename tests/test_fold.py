"""One Arabic search fold: the browser folds with the table Python writes into the search page, and
gives the same words as `fold_for_search` over every name and alias of the dataset and over the
characters the fold exists for."""

from __future__ import annotations

import pytest

from conftest import REPO, Visit, serve
from factcheck import load
from factcheck.textnorm import fold_for_search

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


def corpus() -> list[str]:
    dataset = load(REPO)
    names = [
        n
        for e in dataset.entities.values()
        for n in (e.data["name"]["ar"], e.data["name"]["en"], *(a["text"] for a in e.data["aliases"]))
    ]
    return sorted({w for n in names for w in n.split()} | set(HARD_WORDS))


def test_the_browser_folds_every_word_as_python_does(site_dir, browser):
    words = corpus()
    with serve(site_dir) as base:
        visit = Visit(browser, base, "search/")
        try:
            folded = visit.page.evaluate("words => words.map(w => window.factcheckFold(w))", words)
        finally:
            visit.close()
    differ = [(w, js, fold_for_search(w)) for w, js in zip(words, folded, strict=True) if js != fold_for_search(w)]
    assert len(words) > 300 and differ == []
