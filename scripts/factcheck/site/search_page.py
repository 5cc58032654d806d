"""The search page (assets/search.js runs it): Pagefind, searched once per kind so that entities
come first, with the query also tried in its Arabic and Latin folds; when nothing is found, the
entity names closest to the query (from NAMES_FILE, fetched only then)."""

from __future__ import annotations

import json
from pathlib import Path

from markupsafe import Markup

from ..files import write_if_changed
from ..textnorm import search_fold_spec, search_key
from .context import SiteData
from .labels import ui
from .search_terms import entity_names
from .templating import render

NAMES_FILE = "data/search-names.json"
# Result groups in the order readers meet them, and how many results each shows at first.
GROUPS = {"entity": 6, "claim": 10, "contradiction": 5, "source": 5}
OTHER_PAGES = 5  # pages of other kinds, the home page and the timeline

WORDS = {
    "label": {"ar": "ابحث في الموقع", "en": "Search the site"},
    "placeholder": {"ar": "اسم شخص أو مكان أو حدث", "en": "A person, place or event"},
    "help": {
        "ar": "يجد الاسم بأي صيغة كُتب بها، بالعربية أو بالحروف اللاتينية.",
        "en": "Finds a name in any of its spellings, in Arabic or in Latin letters.",
    },
    "searching": {"ar": "جارٍ البحث…", "en": "Searching…"},
    "none": {"ar": "لا نتائج لـ«{q}».", "en": "No results for “{q}”."},
    "did_you_mean": {"ar": "هل تقصد:", "en": "Did you mean:"},
    "more": {"ar": "عرض المزيد", "en": "Show more"},
    "other_pages": {"ar": "صفحات أخرى", "en": "Other pages"},
    "failed": {"ar": "تعذّر تحميل فهرس البحث.", "en": "The search index could not be loaded."},
    "noscript": {
        "ar": "يحتاج البحث إلى جافاسكربت؛ الفهارس تسرد كل الكيانات والادعاءات والمصادر.",
        "en": "Search needs JavaScript; the indexes list every entity, claim and source.",
    },
}
# "{n} results", by the plural category Intl.PluralRules gives for n in the page's language.
COUNTS = {
    "ar": {
        "zero": "لا نتائج",
        "one": "نتيجة واحدة",
        "two": "نتيجتان",
        "few": "{n} نتائج",
        "many": "{n} نتيجة",
        "other": "{n} نتيجة",
    },
    "en": {"one": "1 result", "other": "{n} results"},
}
COUNT_FOR = {"ar": "{count} لـ«{q}»", "en": "{count} for “{q}”"}


def search_page(site: SiteData, lang: str) -> tuple[str, Markup]:
    here = "search"
    groups = [{"kind": k, "title": site.kind_plural(k, lang), "show": n} for k, n in GROUPS.items()]
    groups.append({"kind": None, "title": WORDS["other_pages"][lang], "show": OTHER_PAGES})
    config = {
        "fold": search_fold_spec(),
        "groups": groups,
        "words": {key: words[lang] for key, words in WORDS.items() if key not in ("label", "help", "noscript")},
        "counts": COUNTS[lang],
        "countFor": COUNT_FOR[lang],
    }
    body = render(
        "search.html",
        here=here,
        lang=lang,
        words={key: words[lang] for key, words in WORDS.items()},
        names_file=NAMES_FILE,
        config=config,
    )
    return ui("search", lang), body


def names_index(site: SiteData) -> dict:
    """What "did you mean" compares a query with: each entity's id, its standard names, and the
    search keys of all its names."""
    return {
        "entities": [
            [eid, e.data["name"]["ar"], e.data["name"]["en"], *dict.fromkeys(map(search_key, entity_names(e)))]
            for eid, e in sorted(site.ds.entities.items())
        ]
    }


def write_names(site: SiteData, docs_dir: Path) -> str:
    """Write NAMES_FILE into docs_dir; returns its path there."""
    text = json.dumps(names_index(site), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    write_if_changed(docs_dir / NAMES_FILE, text + "\n")
    return NAMES_FILE
