"""Pages over many records: home, the indexes, the timeline, downloads.

No page grows with the dataset: every index and the timeline come in pages of a fixed number of
records (paging), the first at the list's own address. The claims index's filters read the claims'
compact rows (claims/rows/<lang>/<n>.json, in shards of a fixed size), fetched only when a reader
filters (docs/assets/lists.js).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections import Counter
from collections.abc import Callable

from markupsafe import Markup

from ..dataset import Record
from ..kinds import Kind
from ..timespans import EARLIEST, LATEST, claim_span
from . import feeds, timebar
from .context import SiteData
from .labels import LANGS, ui
from .paging import Page, compact_json, paginate, shards
from .templating import render

Builder = Callable[[str], tuple[str, str]]  # lang -> (title, body HTML)

CLAIMS_PER_PAGE = 50
TIMELINE_ROWS_PER_PAGE = 50
ENTITIES_PER_PAGE = 200  # a name each: short rows
RECORDS_PER_PAGE = 50
CLAIMS_PER_SHARD = 1000  # compact rows per file the filters fetch

INTRO = {
    "ar": (
        "مجموعة بيانات مفتوحة تتحقق من كل ادعاء قابل للتحقق في مقالات عن جهود توحيد الجيش الليبي. "
        "يقتبس كل ادعاء مصدره حرفيًا ويحمل ترجمة إنجليزية أمينة ويذكر متى يصح، ويوثَّق كل تعارض بين المصادر وطريقة حله."
    ),
    "en": (
        "An open dataset that checks every checkable claim in articles on the efforts to unify Libya's army. "
        "Each claim quotes its source exactly, carries a faithful English translation and says when it holds; "
        "every disagreement between sources is documented with how it resolves."
    ),
}
SEPARATOR = {"ar": "، ", "en": ", "}


def _year(claim: Record) -> str:
    time = claim.data.get("time") or {}
    value = time.get("point") or time.get("start") or time.get("end") or time.get("earliest") or time.get("latest")
    return value[:4] if value else ""


def _sources(claim: Record) -> list[str]:
    return list(dict.fromkeys(ev["source"] for ev in claim.data["evidence"]))


def _titled(title: str, page: Page, lang: str) -> str:
    """A list's title, with the page number from page 2 on (every page's title differs)."""
    if page.number == 1:
        return title
    return f"{title} — {ui('page_of', lang).format(page=page.number, pages=page.count)}"


def _builders(pages: list[Page], build: Callable[[Page, str], tuple[str, str]]) -> dict[str, Builder]:
    return {page.id: functools.partial(build, page) for page in pages}


# ---------------------------------------------------------------- home


def home_page(site: SiteData, lang: str) -> tuple[str, str]:
    ds = site.ds
    resolutions = Counter(x.data["resolution"] for x in ds.contradictions.values())
    order = [*site.resolutions(), *sorted(set(resolutions) - set(site.resolutions()))]
    body = render(
        "home.html",
        site=site,
        lang=lang,
        here="index",
        intro=INTRO[lang],
        kinds=[kind for kind in ds.kinds if kind.page],
        counts={kind.name: len(ds.records[kind.name]) for kind in ds.kinds},
        scale=site.schemas.labels("claim", "verdict.rating"),
        verdicts=Counter(c.data["verdict"]["rating"] for c in ds.claims.values()),
        resolutions=[(k, resolutions[k]) for k in order if k in resolutions],
        first=sorted(ds.contradictions.values(), key=site.reading_order)[:6],
    )
    return ui("site", lang), body


# ---------------------------------------------------------------- indexes


def index_pages(site: SiteData, kind: Kind) -> dict[str, Builder]:
    """A kind's index: its pages, page 1 at <folder>/index."""
    special = {"claim": claims_index, "entity": entities_index, "source": sources_index}
    build = special.get(kind.page or "")
    if build:
        return build(site)
    if kind.page == "contradiction":
        records = sorted(site.ds.contradictions.values(), key=site.reading_order)
        template = "contradictions_index.html"
    else:
        records = sorted(site.ds.records[kind.name].values(), key=lambda r: r.id)
        template = "records_index.html"

    def page(p: Page, lang: str) -> tuple[str, str]:
        body = render(template, site=site, kind=kind, lang=lang, here=p.id, page=p)
        return _titled(kind.plural[lang], p, lang), body

    return _builders(paginate(records, RECORDS_PER_PAGE, f"{kind.folder}/index", kind.folder), page)


def claims_index(site: SiteData) -> dict[str, Builder]:
    claims = sorted(site.ds.claims.values(), key=lambda c: c.id)
    ratings = {c.data["verdict"]["rating"] for c in claims}
    scale = [r for r in site.schemas.labels("claim", "verdict.rating") if r in ratings]
    scale += sorted(ratings - set(scale))
    years = sorted({_year(c) for c in claims} - {""})
    shard_count = len(shards(claims, CLAIMS_PER_SHARD))

    def page(p: Page, lang: str) -> tuple[str, str]:
        body = render(
            "claims_index.html",
            site=site,
            lang=lang,
            here=p.id,
            page=p,
            rows=[(c, _year(c), _sources(c)) for c in p.items],
            verdicts=[(r, site.verdict(r, lang)) for r in scale],
            years=years,
            shards=shard_count,
            per_page=CLAIMS_PER_PAGE,
            separator=SEPARATOR[lang],
        )
        return _titled(site.kind_plural("claim", lang), p, lang), body

    return _builders(paginate(claims, CLAIMS_PER_PAGE, "claims/index", "claims"), page)


def claim_rows(site: SiteData) -> dict[str, str]:
    """The claims' compact rows for the filters, per language: {path under docs/: JSON}. A shard
    holds CLAIMS_PER_SHARD claims in index order, with the names of the entities and sources they
    cite: [id, statement, verdict, subject, year, [source ids], [other entity ids]]."""
    claims = sorted(site.ds.claims.values(), key=lambda c: c.id)
    out = {}
    for lang in LANGS:
        for n, shard in enumerate(shards(claims, CLAIMS_PER_SHARD)):
            rows, entities, sources = [], {}, {}
            for c in shard:
                d = c.data
                mentioned = [d["value"]["entity"]] if d.get("value", {}).get("entity") else []
                rows.append(
                    [c.id, d["statement"][lang], d["verdict"]["rating"], d["subject"], _year(c), _sources(c), mentioned]
                )
                for eid in (d["subject"], *mentioned):
                    entities[eid] = site.name(eid, lang)
                for sid in _sources(c):
                    sources[sid] = site.source_name(sid, lang)
            out[f"claims/rows/{lang}/{n}.json"] = compact_json({"rows": rows, "entities": entities, "sources": sources})
    return out


def entities_index(site: SiteData) -> dict[str, Builder]:
    """Every entity by type (in the schema's order), then by name in each language."""
    order = list(site.schemas.labels("entity", "type"))
    rank = {t: i for i, t in enumerate(order)}
    pages_by_lang = {}
    for lang in LANGS:
        entities = sorted(
            site.ds.entities.values(),
            key=lambda e: (rank.get(e.data["type"], len(order)), e.data["type"], e.data["name"][lang]),
        )
        pages_by_lang[lang] = paginate(entities, ENTITIES_PER_PAGE, "entities/index", "entities")
    ids = [p.id for p in pages_by_lang["ar"]]

    types = {}  # where each type begins, per language: (its label, page id, anchor)
    for lang in LANGS:
        first: dict[str, str] = {}
        for p in pages_by_lang[lang]:
            for e in p.items:
                first.setdefault(e.data["type"], p.id)
        types[lang] = [(site.label("entity", "type", t, lang), pid, f"type-{t}") for t, pid in first.items()]

    def page(number: int, lang: str) -> tuple[str, str]:
        p = pages_by_lang[lang][number - 1]
        groups = [(t, list(g)) for t, g in itertools.groupby(p.items, key=lambda e: e.data["type"])]
        body = render("entities_index.html", site=site, lang=lang, here=p.id, page=p, groups=groups, types=types[lang])
        return _titled(site.kind_plural("entity", lang), p, lang), body

    return {pid: functools.partial(page, n) for n, pid in enumerate(ids, 1)}


def sources_index(site: SiteData) -> dict[str, Builder]:
    sources = [site.ds.sources[sid] for sid in sorted(site.ds.sources)]

    def page(p: Page, lang: str) -> tuple[str, str]:
        body = render("sources_index.html", site=site, lang=lang, here=p.id, page=p)
        return _titled(site.kind_plural("source", lang), p, lang), body

    return _builders(paginate(sources, RECORDS_PER_PAGE, "sources/index", "sources"), page)


# ---------------------------------------------------------------- timeline


def _start_year(claim: Record) -> int | None:
    lo = claim_span(claim)[0]
    return None if lo == EARLIEST else dt.date.fromordinal(lo).year


def timeline_pages(site: SiteData) -> dict[str, Builder]:
    """Every dated claim in order of time, TIMELINE_ROWS_PER_PAGE a page, each page with its own
    chart; links to where each year begins."""
    dated = [c for c in site.ds.claims.values() if c.data.get("time")]
    dated.sort(key=lambda c: (*claim_span(c), c.id))
    drawn_properties = {pid for pid, p in site.ds.properties.items() if p.data.get("timeline")}
    rows: list[tuple[Record, str]] = []  # (claim, the anchor where its year begins, if it does)
    years: list[tuple[int, int]] = []  # (year, the row where it begins)
    for c in dated:
        year = _start_year(c)
        begins = year is not None and (not years or years[-1][0] != year)
        if year is not None and begins:
            years.append((year, len(rows)))
        rows.append((c, f"y{year}" if begins else ""))
    pages = paginate(rows, TIMELINE_ROWS_PER_PAGE, "timeline", "timeline")
    jumps = [(str(year), pages[i // TIMELINE_ROWS_PER_PAGE].id, f"y{year}") for year, i in years]

    def page(p: Page, lang: str) -> tuple[str, str]:
        bars = [
            {
                "label": site.name(c.data["subject"], lang),
                "lo": claim_span(c)[0],
                "hi": claim_span(c)[1],
                "inferred": c.data["time"]["basis"] == "inferred",
            }
            for c, _ in p.items
            if c.data["property"] in drawn_properties and claim_span(c) != (EARLIEST, LATEST)
        ]
        title = _titled(ui("timeline", lang), p, lang)
        body = render(
            "timeline.html",
            site=site,
            lang=lang,
            here=p.id,
            page=p,
            years=jumps,
            chart=Markup(timebar.svg(bars, title, lang)),  # HTML, its text escaped by timebar
        )
        return title, body

    return _builders(pages, page)


# ---------------------------------------------------------------- downloads

# Beside one JSON file per kind of record (exports.write_export).
EXTRA_DOWNLOADS = [
    (
        "claims.csv",
        "CSV",
        {
            "ar": "الادعاءات في جدول مسطّح لبرامج الجداول: صف لكل ادعاء",
            "en": "Claims as a flat table for spreadsheets: one row per claim",
        },
    ),
    (
        "claimreview.jsonl",
        "JSON Lines",
        {
            "ar": "حكم كل ادعاء بصيغة ClaimReview من schema.org",
            "en": "Each claim's verdict as a schema.org ClaimReview",
        },
    ),
    (
        "factcheck.sqlite",
        "SQLite",
        {
            "ar": "كل البيانات في قاعدة بيانات واحدة: جدول لكل نوع، ومفاتيح بين الجداول، وبحث نصي كامل بالعربية "
            "والإنجليزية، مع تاريخ نشر كل سجل وآخر تعديل له",
            "en": "All the data in one database: a table per kind, keys between tables, full-text search in Arabic "
            "and English, and when each record was first published and last changed",
        },
    ),
    (
        "factcheck.metadata.json",
        "Datasette",
        {
            "ar": "وصف جداول قاعدة البيانات لبرنامج Datasette",
            "en": "The database's tables described, for Datasette",
        },
    ),
    (
        "datapackage.json",
        "Frictionless",
        {
            "ar": "ما يحمله كل ملف ومعنى كل عمود في الجدول، للأدوات التي تقرأ حزم البيانات",
            "en": "What each file holds and what each column of the table means, for tools that read data packages",
        },
    ),
]


def downloads_page(site: SiteData, lang: str) -> tuple[str, str]:
    here = "downloads"
    files = [
        (
            f"{kind.folder}.json",
            "JSON",
            {
                "ar": f"{kind.plural['ar']}: كل سجل بكل حقوله",
                "en": f"{kind.plural['en']}: every record with all its fields",
            },
        )
        for kind in site.ds.kinds
    ]
    return ui("downloads", lang), render(
        "downloads.html", here=here, lang=lang, files=files + EXTRA_DOWNLOADS, feed=feeds.feed_file(lang)
    )
