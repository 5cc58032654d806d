"""Search. In a real Chromium over the built site, generated from the data: every name and alias
of every entity, searched on the Arabic and the English search page, finds that entity's page
among the first three results. Then the hard cases (a family name shared by several people, a city
with a joined preposition, Latin spellings no record stores), what a result shows (chips, an
entity's description as its excerpt, never the folded names), "no results" and "did you mean",
the keyboard. Without a browser: what the build gives the index and the names file."""

from __future__ import annotations

import html
import re

import pytest

from conftest import REPO, Visit, serve
from factcheck import load
from factcheck.schemas import Schemas
from factcheck.site.context import SiteData
from factcheck.site.search_page import names_index
from factcheck.site.search_terms import NAME_SEPARATOR, entity_names, exact_token, search_extras
from factcheck.textnorm import search_key

LANGS = {"ar": "", "en": "en/"}

# Runs every query in the page, one after the other, and keeps what the reader would see first:
# the paths of the first `top` result links, and the status line.
RUN_ALL = """async ([queries, top]) => {
    const out = [];
    for (const q of queries) {
        await window.factcheckSearch(q);
        const links = [...document.querySelectorAll('#fc-results .fc-result-title')].slice(0, top);
        out.push({
            paths: links.map(a => new URL(a.href).pathname),
            status: document.getElementById('fc-search-status').textContent,
        });
    }
    return out;
}"""


@pytest.fixture(scope="module")
def server(site_dir):
    with serve(site_dir) as base:
        yield base


@pytest.fixture(scope="module")
def entities():
    return load(REPO).entities


def search_all(browser, server, lang: str, queries: list[str], top: int = 3) -> list[dict]:
    visit = Visit(browser, server, f"{LANGS[lang]}search/")
    try:
        found = visit.page.evaluate(RUN_ALL, [queries, top])
        assert visit.errors == [], visit.errors
        assert visit.outside == [], visit.outside
    finally:
        visit.close()
    return found


def entity_path(lang: str, eid: str) -> str:
    return f"/{LANGS[lang]}entities/{eid}/"


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_every_name_and_alias_finds_its_entity_among_the_first_three(browser, server, entities, lang):
    cases = [(eid, name) for eid, e in sorted(entities.items()) for name in dict.fromkeys(entity_names(e))]
    found = search_all(browser, server, lang, [name for _, name in cases])
    missed = [
        (name, eid, got["paths"])
        for (eid, name), got in zip(cases, found, strict=True)
        if entity_path(lang, eid) not in got["paths"]
    ]
    assert len(cases) > 400 and missed == []


# Spellings that no record stores, each with the entity it must find first.
HARD = [
    ("ar", "بطرابلس", "tripoli"),  # a city with a joined preposition
    ("ar", "وبنغازي", "benghazi"),
    ("ar", "لطرابلس", "tripoli"),
    ("ar", "ناظوري", "abdulrazek-al-nadhuri"),
    ("ar", "الناظورى", "abdulrazek-al-nadhuri"),
    ("ar", "الدبيبه", "abdul-hamid-dbeibah"),
    ("ar", "والدبيبة", "abdul-hamid-dbeibah"),
    ("en", "Qaddafi", "muammar-gaddafi"),  # Latin spellings of one Arabic name
    ("en", "Kadhafi", "muammar-gaddafi"),
    ("en", "Kaddafi", "muammar-gaddafi"),
    ("en", "el-Gathafi", "muammar-gaddafi"),
    ("en", "Moamar al-Qadhafi", "muammar-gaddafi"),
    ("en", "Hamad", "osama-hammad"),
    ("en", "Dbaiba", "abdul-hamid-dbeibah"),
    ("en", "Dbeibeh", "abdul-hamid-dbeibah"),
    ("en", "Nadori", "abdulrazek-al-nadhuri"),
    ("en", "El-Nadhouri", "abdulrazek-al-nadhuri"),
    ("en", "Sisy", "abdel-fattah-el-sisi"),
    ("en", "Shukri", "sameh-shoukry"),
    ("ar", "Qaddafi", "muammar-gaddafi"),  # Latin on the Arabic page, Arabic on the English one
    ("en", "القذافي", "muammar-gaddafi"),
]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_spellings_no_record_stores_find_the_entity_first(browser, server, lang):
    cases = [(q, eid) for case_lang, q, eid in HARD if case_lang == lang]
    found = search_all(browser, server, lang, [q for q, _ in cases], top=1)
    assert [(q, got["paths"]) for (q, _), got in zip(cases, found, strict=True)] == [
        (q, [entity_path(lang, eid)]) for q, eid in cases
    ]


@pytest.mark.browser
def test_a_family_name_shared_by_several_people_finds_each_of_them_first(browser, server, entities):
    people = sorted(
        eid
        for eid, e in entities.items()
        if e.data["type"] == "person" and e.data["name"]["en"].split()[-1] == "Haftar"
    )
    assert len(people) >= 3
    for lang, query in (("ar", "حفتر"), ("en", "Haftar")):
        (found,) = search_all(browser, server, lang, [query], top=len(people))
        assert sorted(found["paths"]) == [entity_path(lang, eid) for eid in people]


@pytest.mark.browser
def test_a_latin_spelling_also_finds_the_claims_that_name_the_entity(browser, server):
    visit = Visit(browser, server, "en/search/?q=Qaddafi")
    try:
        visit.page.wait_for_selector("[data-group=claim] .fc-result")
        claims = visit.page.locator("[data-group=claim] .fc-result-title").all_inner_texts()
    finally:
        visit.close()
    assert claims and all("Gaddafi" in c for c in claims[:2])


READ_RESULTS = """() => [...document.querySelectorAll('#fc-results .fc-group')].map(section => ({
    group: section.dataset.group,
    items: [...section.querySelectorAll('.fc-result')].map(li => ({
        path: new URL(li.querySelector('a').href).pathname,
        chips: [...li.querySelectorAll('.fc-chips > span')].map(c => [c.className, c.textContent]),
        excerpt: li.querySelector('.fc-result-excerpt').textContent,
    })),
}))"""
GROUP_ORDER = ["entity", "claim", "contradiction", "source", "other"]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_results_come_grouped_entities_first_with_chips_and_descriptions(browser, server, entities, lang):
    query = {"ar": "الناظوري", "en": "Nadhuri"}[lang]
    visit = Visit(browser, server, f"{LANGS[lang]}search/?q={query}")
    try:
        visit.page.wait_for_selector(".fc-result")
        groups = visit.page.evaluate(READ_RESULTS)
        text = visit.page.locator("#fc-results").inner_text()
        status = visit.page.locator("#fc-search-status").inner_text()
        assert visit.errors == []
    finally:
        visit.close()
    order = [g["group"] for g in groups]
    assert order[:2] == ["entity", "claim"] and order == sorted(order, key=GROUP_ORDER.index)
    first = groups[0]["items"][0]
    assert first["path"] == entity_path(lang, "abdulrazek-al-nadhuri")
    assert first["excerpt"] == entities["abdulrazek-al-nadhuri"].data["description"][lang]
    assert first["chips"] == [["fc-chip fc-chip-entity", {"ar": "شخص", "en": "Person"}[lang]]]
    claims = next(g for g in groups if g["group"] == "claim")["items"]
    verdicts = {"ar": {"مصدر واحد", "مؤكَّد"}, "en": {"Single source", "Corroborated"}}[lang]
    for claim in claims:
        (kind, kind_label), (verdict_class, verdict) = claim["chips"]
        assert (kind, kind_label) == ("fc-chip fc-chip-claim", {"ar": "ادعاء", "en": "Claim"}[lang])
        assert verdict_class.startswith("fc-verdict fc-verdict-") and verdict
    assert {c["chips"][1][1] for c in claims} & verdicts
    # the folded spellings are searched, never shown: in no excerpt, nowhere in the results
    assert not {"|", "خليفه", "naduri", "_"} & set(text.split()) and "naduri" not in text
    # the count in words, for the live region
    count = {"ar": r"^(نتيجة واحدة|نتيجتان|\d+ نتائج|\d+ نتيجة) لـ«الناظوري»$", "en": r"^\d+ results? for “Nadhuri”$"}
    assert re.match(count[lang], status), status


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_no_results_is_a_message_and_suggests_the_nearest_names(browser, server, lang):
    query = {"ar": "حفتير", "en": "Haftr"}[lang]
    visit = Visit(browser, server, f"{LANGS[lang]}search/?q={query}")
    try:
        visit.page.wait_for_selector(".fc-did-you-mean a")
        status = visit.page.locator("#fc-search-status")
        shown = {
            "items": visit.page.locator("#fc-results li").count(),
            "role": status.get_attribute("role"),
            "text": status.inner_text(),
            "links": status.locator("a").evaluate_all("links => links.map(a => new URL(a.href).pathname)"),
            "names": status.locator("a").all_inner_texts(),
        }
        visit.page.evaluate("window.factcheckSearch('zzqqxxjj')")
        nothing_near = status.inner_text()
    finally:
        visit.close()
    haftars = {"khalifa-haftar": ("خليفة حفتر", "Khalifa Haftar"), "khaled-haftar": ("خالد حفتر", "Khaled Haftar")}
    assert shown["items"] == 0 and shown["role"] == "status"
    assert shown["text"].startswith({"ar": "لا نتائج لـ«حفتير».", "en": "No results for “Haftr”."}[lang])
    assert {"ar": "هل تقصد:", "en": "Did you mean:"}[lang] in shown["text"]
    assert set(shown["links"][:2]) == {entity_path(lang, eid) for eid in haftars}
    assert set(shown["names"][:2]) == {names[lang == "en"] for names in haftars.values()}
    assert nothing_near == {"ar": "لا نتائج لـ«zzqqxxjj».", "en": "No results for “zzqqxxjj”."}[lang]


@pytest.mark.browser
def test_the_keyboard_moves_between_the_field_and_the_results(browser, server):
    visit = Visit(browser, server, "en/search/?q=Haftar")
    try:
        visit.page.wait_for_selector(".fc-result")
        titles = visit.page.locator(".fc-result-title").evaluate_all("links => links.map(a => a.href)")
        focused = []
        visit.page.focus("#fc-q")
        for key in ("ArrowDown", "ArrowDown", "ArrowUp", "ArrowUp"):
            visit.page.keyboard.press(key)
            focused.append(visit.page.evaluate("document.activeElement.href || document.activeElement.id"))
    finally:
        visit.close()
    assert focused == [titles[0], titles[1], titles[0], "fc-q"]


@pytest.fixture(scope="module")
def site():
    return SiteData(load(REPO), Schemas(REPO / "schema"))


HIDDEN_DATA = re.compile(r'<span hidden class="fc-search-data"([^>]*)></span>')


@pytest.mark.acceptance
def test_an_entity_page_carries_its_names_for_the_index_only(site):
    for eid, entity in site.ds.entities.items():
        for lang in LANGS:
            extras = str(search_extras(site, f"entities/{eid}", lang))
            (attrs,) = HIDDEN_DATA.fullmatch(extras).groups()  # hidden, and no text to show or excerpt
            assert 'data-kind="entity"' in attrs
            for name in entity_names(entity):
                assert search_key(name).replace("|", " ") in html.unescape(attrs), (eid, name)
                assert exact_token(name) in attrs or exact_token(name) == "__", (eid, name)
            assert f'data-description="{entity.data["description"][lang]}"' in html.unescape(attrs)


@pytest.mark.acceptance
def test_every_searched_page_says_its_kind_and_a_claim_its_verdict(site):
    cid, claim = next(iter(sorted(site.ds.claims.items())))
    for page_id, kind in (
        ("index", "page"),
        ("timeline", "page"),
        (f"claims/{cid}", "claim"),
        ("sources/src-000", "source"),
    ):
        (attrs,) = HIDDEN_DATA.fullmatch(str(search_extras(site, page_id, "ar"))).groups()
        assert f'data-kind="{kind}"' in attrs and "data-names" not in attrs
    (attrs,) = HIDDEN_DATA.fullmatch(str(search_extras(site, f"claims/{cid}", "en"))).groups()
    rating = claim.data["verdict"]["rating"]
    assert f'data-rating="{rating}"' in attrs and f'data-verdict="{site.verdict(rating, "en")}"' in html.unescape(attrs)


@pytest.mark.unit
def test_exact_tokens_are_one_word_per_whole_name():
    assert exact_token("Dbeibah") == exact_token("ad-Dbaiba") == "_dbiba_"
    assert exact_token("Abdul Hamid Dbeibah") == "_abdul_hamid_dbiba_"
    assert (
        exact_token("مصر") == "_مصر_" and exact_token("اللجنة العسكرية المشتركة “5 + 5”") == "_لجنه_عسكريه_مشتركه_5_5_"
    )
    assert exact_token("«») ") == "__" and NAME_SEPARATOR.strip() not in exact_token("a | b")


@pytest.mark.acceptance
def test_the_names_file_holds_every_entity_with_the_keys_of_its_names(site):
    entries = {entry[0]: entry for entry in names_index(site)["entities"]}
    assert set(entries) == set(site.ds.entities)
    for eid, entity in site.ds.entities.items():
        _, ar, en, *keys = entries[eid]
        assert (ar, en) == (entity.data["name"]["ar"], entity.data["name"]["en"])
        assert set(keys) == {search_key(n) for n in entity_names(entity)}
