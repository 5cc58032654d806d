"""The pages over many records (site/list_pages.py, site/paging.py, assets/lists.js): every list in
pages of a fixed size that do not grow with the dataset, the claims filters kept in the URL and
counted in words, cards on narrow screens, sources named and dated honestly, pages that work
without script."""

from __future__ import annotations

import html
import importlib.util
import itertools
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from conftest import REPO
from factcheck.site import list_pages, paging
from factcheck.site.build import generate
from factcheck.site.labels import ui

LANGS = {"ar": "", "en": "en/"}
COUNT_LABEL = {"ar": "الادعاءات المطابقة", "en": "Matching claims"}
OF = {"ar": "من", "en": "of"}
IDS = re.compile(r"\b(?:src-\d{3}|c-\d{3}-\d{3}|x-[a-z0-9-]+|FC\d{3})\b")


def visible_text(page_md: str) -> str:
    """The words a reader sees in a generated page (no tags, attributes or front matter)."""
    body = page_md.split("---", 2)[2]
    body = re.sub(r"<(template|datalist)\b.*?</\1>", " ", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def list_files(docs: Path, first: str, folder: str, lang: str) -> list[Path]:
    """Every page of a list in one language, in order."""
    suffix = ".md" if lang == "ar" else ".en.md"
    numbered = sorted(
        (p for p in (docs / folder / "page").glob(f"*{suffix}") if p.name.split(".")[0].isdigit()),
        key=lambda p: int(p.name.split(".")[0]),
    )
    if lang == "ar":
        numbered = [p for p in numbered if not p.name.endswith(".en.md")]
    return [docs / f"{first}{suffix}", *numbered]


@pytest.fixture(scope="module")
def real_docs(tmp_path_factory) -> Path:
    """The real data's generated pages (no mkdocs build)."""
    docs = tmp_path_factory.mktemp("list-pages") / "docs"
    generate(REPO, docs)
    return docs


@pytest.fixture(scope="module")
def real_claims(real_check):
    return real_check.dataset.claims


# ---------------------------------------------------------------- paging


@pytest.mark.unit
@pytest.mark.parametrize("count", [1, 2, 7, 1_000, 100_000])
def test_a_pager_links_a_bounded_window_with_the_first_and_last_page(count):
    for number in {1, min(2, count), count // 2 or 1, count - 1 or 1, count}:
        shown = paging.window(number, count)
        numbers = [n for n in shown if n is not None]
        assert len(shown) <= 9
        assert numbers == sorted(set(numbers)) and {1, count, number} <= set(numbers)
        for before, after in itertools.pairwise(shown):  # a gap stands between numbers that are not next
            assert before is not None or after is not None
            if before is not None and after is not None:
                assert after == before + 1
        gaps = [i for i, n in enumerate(shown) if n is None]
        assert all(shown[i + 1] - shown[i - 1] > 1 for i in gaps)


@pytest.mark.unit
def test_lists_are_cut_into_pages_with_the_first_at_the_lists_own_address():
    pages = paging.paginate(list(range(101)), 50, "claims/index", "claims")
    assert [p.id for p in pages] == ["claims/index", "claims/page/2", "claims/page/3"]
    assert [len(p.items) for p in pages] == [50, 50, 1] and pages[2].start == 100
    assert [p.count for p in pages] == [3, 3, 3] and all(p.total == 101 for p in pages)
    empty = paging.paginate([], 50, "timeline", "timeline")
    assert [(p.id, list(p.items)) for p in empty] == [("timeline", [])]
    assert paging.is_numbered("claims/page/2") and paging.is_numbered("timeline/page/10")
    assert not paging.is_numbered("claims/index") and not paging.is_numbered("entities/page")


# ---------------------------------------------------------------- the real data's pages


@pytest.mark.acceptance
@pytest.mark.parametrize("lang", LANGS)
def test_every_claim_is_on_one_page_of_the_index_in_order(real_docs, real_claims, lang):
    seen = []
    pages = list_files(real_docs, "claims/index", "claims", lang)
    assert len(pages) == -(-len(real_claims) // list_pages.CLAIMS_PER_PAGE)
    for n, page in enumerate(pages, 1):
        text = page.read_text(encoding="utf-8")
        found = re.findall(r'<td class="fc-c-statement"><a href="(?:\.\./)*(?:claims/)?(c-\d{3}-\d{3})/"', text)
        assert len(found) <= list_pages.CLAIMS_PER_PAGE
        seen += found
        assert ui("page_of", lang).format(page=n, pages=len(pages)) in text
    assert seen == sorted(real_claims)


@pytest.mark.acceptance
@pytest.mark.parametrize("lang", LANGS)
def test_the_filters_are_labelled_and_the_count_is_in_words(real_docs, real_claims, lang):
    page = (real_docs / ("claims/index.md" if lang == "ar" else "claims/index.en.md")).read_text(encoding="utf-8")
    form = page[page.index('<form class="fc-filters"') : page.index("</form>")]
    for key in ("verdict", "source", "entity", "year", "q"):  # each control inside its label
        assert re.search(rf'<label>[^<]+<(select|input) data-filter="{key}"', form), key
    total = len(real_claims)
    assert (
        f'<label for="fc-count">{COUNT_LABEL[lang]}</label>: <output id="fc-count">{total} {OF[lang]} {total}' in form
    )
    verdict_options = re.findall(r'<option value="([a-z-]+)">([^<]+)</option>', form)
    assert {v for v, _ in verdict_options} == {c.data["verdict"]["rating"] for c in real_claims.values()}
    assert all(value != text for value, text in verdict_options)  # worded, not the enum value


@pytest.mark.acceptance
@pytest.mark.parametrize(
    "first, folder",
    [
        ("claims/index", "claims"),
        ("entities/index", "entities"),
        ("sources/index", "sources"),
        ("timeline", "timeline"),
    ],
)
@pytest.mark.parametrize("lang", LANGS)
def test_indexes_show_no_ids_or_codes(real_docs, first, folder, lang):
    for page in list_files(real_docs, first, folder, lang):
        assert IDS.findall(visible_text(page.read_text(encoding="utf-8"))) == [], page


@pytest.mark.acceptance
@pytest.mark.parametrize("lang", LANGS)
def test_home_and_contradictions_show_ids_only_where_a_summary_writes_them(real_docs, real_check, lang):
    """A contradiction's summary is the editors' text (some name sources by id); nothing else is."""
    summaries = [x.data["summary"][lang] for x in real_check.dataset.contradictions.values()]
    for first in ("index", "contradictions/index"):
        text = visible_text((real_docs / (f"{first}.md" if lang == "ar" else f"{first}.en.md")).read_text("utf-8"))
        for summary in summaries:
            text = text.replace(summary, " ")
        assert IDS.findall(text) == [], first


@pytest.mark.acceptance
@pytest.mark.parametrize("lang", LANGS)
def test_the_sources_index_says_how_each_date_is_known(real_docs, real_check, lang):
    text = visible_text(
        (real_docs / ("sources/index.md" if lang == "ar" else "sources/index.en.md")).read_text("utf-8")
    )
    sources = real_check.dataset.sources
    words = {"ar": {"inferred": "مستنتَج", "unknown": "غير معروف", "stated": "مذكور في المصدر"}, "en": {}}
    words["en"] = {"inferred": "inferred", "unknown": "unknown", "stated": "stated in the source"}
    for s in sources.values():
        assert words[lang][s.data["published"]["basis"]] in text
    assert not re.search(r"\d{4}-\d{2}", text)  # dates in words, never bare ISO dates


@pytest.mark.acceptance
def test_claim_rows_hold_every_claim_once_in_bounded_shards(real_docs, real_claims):
    for lang in LANGS:
        shards = sorted((real_docs / "claims/rows" / lang).glob("*.json"), key=lambda p: int(p.stem))
        rows = []
        for shard in shards:
            data = json.loads(shard.read_text(encoding="utf-8"))
            assert len(data["rows"]) <= list_pages.CLAIMS_PER_SHARD
            for cid, statement, verdict, subject, _year, sources, mentioned in data["rows"]:
                claim = real_claims[cid].data
                assert (statement, verdict, subject) == (
                    claim["statement"][lang],
                    claim["verdict"]["rating"],
                    claim["subject"],
                )
                assert set(sources) <= set(data["sources"]) and {subject, *mentioned} <= set(data["entities"])
                assert not any(IDS.fullmatch(name) for name in data["sources"].values())
            rows += [r[0] for r in data["rows"]]
        assert rows == sorted(real_claims)


@pytest.mark.acceptance
@pytest.mark.parametrize("lang", LANGS)
def test_the_timeline_lists_every_dated_claim_once_and_its_year_links_land_on_their_year(real_docs, real_claims, lang):
    pages = list_files(real_docs, "timeline", "timeline", lang)
    anchors, listed = {}, []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.count("<tr") - 1 <= list_pages.TIMELINE_ROWS_PER_PAGE
        listed += re.findall(r'<a href="(?:\.\./)*claims/(c-\d{3}-\d{3})/"', text)
        for year in re.findall(r'<tr id="y(\d{4})"', text):
            anchors[year] = page
    assert sorted(listed) == sorted(cid for cid, c in real_claims.items() if c.data.get("time"))
    first = pages[0].read_text(encoding="utf-8")
    links = re.findall(r'<li><a href="([^"]*)#y(\d{4})">(\d{4})</a></li>', first)
    assert {year for _, year, _ in links} == set(anchors)
    for href, year, text in links:
        assert year == text
        expected = anchors[year].name.split(".")[0]
        assert (href in ("./", "") and anchors[year] == pages[0]) or href.rstrip("/").endswith(expected), (href, year)


# ---------------------------------------------------------------- growth


def _bench():
    spec = importlib.util.spec_from_file_location("bench", REPO / "scripts/bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


LISTS = {"claims/index": "claims", "timeline": "timeline", "entities/index": "entities", "sources/index": "sources"}


@pytest.mark.acceptance
def test_no_page_of_a_list_grows_with_the_number_of_claims(tmp_path, monkeypatch):
    """Four times the claims: the lists have more pages, each page stays the size it was. Pages
    are made small here so both datasets fill several of them, and the smaller dataset is large
    enough for its pages to hold what a page can hold (at 100 claims some timeline pages drew
    fewer chart rows than a page allows)."""
    from factcheck.checker import load
    from factcheck.schemas import Schemas
    from factcheck.site.context import SiteData

    for name, size in (("CLAIMS_PER_PAGE", 10), ("TIMELINE_ROWS_PER_PAGE", 10), ("ENTITIES_PER_PAGE", 20)):
        monkeypatch.setattr(list_pages, name, size)
    monkeypatch.setattr(list_pages, "CLAIMS_PER_SHARD", 40)
    bench = _bench()
    largest, pages, shard_rows = {}, {}, {}
    for claims in (400, 1600):
        root = bench.generate(claims, tmp_path / f"claims-{claims}")
        site = SiteData(load(root), Schemas(root / "schema"))
        builders = list_pages.timeline_pages(site)
        for kind in site.ds.kinds:
            builders.update(list_pages.index_pages(site, kind) if kind.page else {})
        for first, folder in LISTS.items():
            ids = [pid for pid in builders if pid == first or pid.startswith(f"{folder}/page/")]
            pages[claims, first] = len(ids)
            largest[claims, first] = max(len(str(builders[pid](lang)[1]).encode()) for pid in ids for lang in LANGS)
        shard_rows[claims] = max(len(json.loads(text)["rows"]) for text in list_pages.claim_rows(site).values())
    for first in LISTS:
        if first != "sources/index":  # the sources are the real five at both sizes
            assert pages[1600, first] > pages[400, first], first
        assert largest[1600, first] <= 1.25 * largest[400, first], (first, largest[400, first], largest[1600, first])
    assert shard_rows[1600] == shard_rows[400] == 40


# ---------------------------------------------------------------- in a browser


def _shown(v) -> dict:
    """What the claims index shows: the count's label and words, the rows' verdicts and links."""
    v.page.wait_for_function("!document.querySelector('.fc-claims[aria-busy]')")
    return v.page.evaluate("""() => ({
        label: document.querySelector('label[for="fc-count"]').textContent,
        count: document.querySelector('#fc-count').textContent,
        verdicts: [...document.querySelectorAll('.fc-claims tbody .fc-verdict')].map(e => e.className),
        claims: [...document.querySelectorAll('.fc-claims tbody .fc-c-statement a')].map(a => a.pathname),
        subjects: [...document.querySelectorAll('.fc-claims tbody .fc-c-subject a')].map(a => a.pathname),
        none: !document.querySelector('.fc-none').hidden,
    })""")


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_url_filters_show_only_matching_claims_and_say_how_many_in_words(visit, real_claims, lang):
    v = visit(f"{LANGS[lang]}claims/?verdict=corroborated")
    shown = _shown(v)
    corroborated = sorted(cid for cid, c in real_claims.items() if c.data["verdict"]["rating"] == "corroborated")
    assert 0 < len(corroborated) <= list_pages.CLAIMS_PER_PAGE
    assert shown["label"] == COUNT_LABEL[lang]
    assert shown["count"] == f"{len(corroborated)} {OF[lang]} {len(real_claims)}"
    assert shown["verdicts"] == ["fc-verdict fc-verdict-corroborated"] * len(corroborated)
    assert [p.split("/")[-2] for p in shown["claims"]] == corroborated
    assert v.page.locator('select[data-filter="verdict"]').input_value() == "corroborated"
    assert v.page.locator(".fc-clear").is_visible()
    assert v.errors == [] and v.outside == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_changing_a_filter_updates_the_url_and_back_returns_to_the_view_before(visit, real_claims, lang):
    v = visit(f"{LANGS[lang]}claims/?verdict=single-source")
    before = _shown(v)
    single = [list_pages._year(c) for c in real_claims.values() if c.data["verdict"]["rating"] == "single-source"]
    year = max(set(single) - {""}, key=single.count)
    v.page.select_option('select[data-filter="year"]', year)
    v.page.wait_for_url(re.compile(rf"year={year}"))
    assert parse_qs(urlparse(v.page.url).query) == {"verdict": ["single-source"], "year": [year]}
    after = _shown(v)
    assert int(after["count"].split()[0]) == single.count(year) < int(before["count"].split()[0])
    v.page.go_back()
    v.page.wait_for_url(re.compile(r"verdict=single-source$"))
    assert _shown(v)["count"] == before["count"]
    assert v.page.locator('select[data-filter="year"]').input_value() == ""


@pytest.mark.browser
def test_an_entity_in_the_url_shows_its_claims_and_its_name_and_a_source_is_chosen_by_name(visit, real_claims):
    eid = "abdulrazek-al-nadhuri"
    v = visit(f"en/claims/?entity={eid}")
    shown = _shown(v)
    about = [
        cid
        for cid, c in sorted(real_claims.items())
        if eid in (c.data["subject"], c.data.get("value", {}).get("entity"))
    ]
    assert [p.split("/")[-2] for p in shown["claims"]] == about[: list_pages.CLAIMS_PER_PAGE]
    assert v.page.locator('input[data-filter="entity"]').input_value() == "Abdulrazek al-Nadhuri"
    sources = v.page.eval_on_selector_all("#fc-sources option", "os => os.map(o => o.value)")
    assert sources and not any(IDS.fullmatch(s) for s in sources)
    v.page.fill('input[data-filter="source"]', sources[0])
    v.page.locator('input[data-filter="source"]').dispatch_event("change")
    v.page.wait_for_url(re.compile(r"source=src-\d{3}"))
    assert parse_qs(urlparse(v.page.url).query)["entity"] == [eid]
    v.page.fill('input[data-filter="source"]', "no such source")
    v.page.locator('input[data-filter="source"]').dispatch_event("change")
    v.page.wait_for_selector('input[data-filter="source"][aria-invalid="true"]')


@pytest.mark.browser
@pytest.mark.parametrize("lang, exact, variant", [("ar", "القاهرة", "القاهره"), ("en", "Cairo", "cAIRO")])
def test_words_find_claims_whatever_the_ta_marbuta_or_the_case(visit, real_claims, lang, exact, variant):
    counts = {}
    for words in (exact, variant):
        v = visit(f"{LANGS[lang]}claims/?q={words}")
        shown = _shown(v)
        assert v.page.locator('input[data-filter="q"]').input_value() == words
        counts[words] = int(shown["count"].split()[0])
    in_statements = sum(exact in c.data["statement"][lang] for c in real_claims.values())
    assert counts[variant] == counts[exact] >= in_statements > 0
    v = visit(f"{LANGS[lang]}claims/?q=zzzqqq")
    shown = _shown(v)
    assert shown["none"] and shown["claims"] == [] and shown["count"].startswith("0 ")


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_at_360_px_the_claims_index_is_cards_and_every_control_is_at_least_24_px(visit, lang):
    v = visit(f"{LANGS[lang]}claims/", width=360)
    layout = v.page.evaluate("""() => ({
        head: getComputedStyle(document.querySelector('.fc-claims thead')).display,
        row: getComputedStyle(document.querySelector('.fc-claims tbody tr')).display,
        widths: [...document.querySelectorAll('.fc-claims tbody tr')].map(r => r.getBoundingClientRect().width),
        controls: [...document.querySelectorAll('.fc-filters select, .fc-filters input, .fc-pager a')]
            .map(e => e.getBoundingClientRect().height),
    })""")
    assert layout["head"] == "none" and layout["row"] == "flex"
    assert v.page.locator(".fc-filters").is_visible() and v.page.locator(".fc-clear").is_hidden()  # nothing to clear
    assert max(layout["widths"]) <= 360
    assert layout["controls"] and min(layout["controls"]) >= 24, layout["controls"]
    wide = visit(f"{LANGS[lang]}claims/")
    assert wide.page.evaluate("getComputedStyle(document.querySelector('.fc-claims thead')).display") != "none"


@pytest.mark.browser
def test_without_script_the_first_page_and_the_page_links_work(browser, server, real_claims):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(server + "claims/")
        assert page.locator(".fc-filters").is_hidden()
        assert page.locator(".fc-claims tbody tr").count() == list_pages.CLAIMS_PER_PAGE
        page.locator('.fc-pager a[rel="next"]').click()
        page.wait_for_url("**/claims/page/2/")
        first = page.locator(".fc-claims tbody .fc-c-statement a").first.get_attribute("href")
        assert first.endswith(f"{sorted(real_claims)[list_pages.CLAIMS_PER_PAGE]}/")
        page.goto(server + "en/timeline/")
        page.locator('.fc-pager a[rel="next"]').click()
        page.wait_for_url("**/en/timeline/page/2/")
        assert page.locator(".fc-timeline tbody tr").count() > 0
    finally:
        context.close()
