"""Pages over many records: home, the indexes, the timeline, the reference, downloads, search."""

from __future__ import annotations

from collections import Counter

from ..timespans import EARLIEST, LATEST, claim_span
from . import timebar
from .context import SiteData
from .fragments import contradiction_link, entity_link, source_link, verdict_badge
from .labels import ui
from .markup import a, bdi, esc, rel, table, time_words
from .templating import render

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


def _year(claim) -> str:
    time = claim.data.get("time") or {}
    value = time.get("point") or time.get("start") or time.get("end")
    return value[:4] if value else ""


def home_page(site: SiteData, lang: str) -> tuple[str, str]:
    here = "index"
    ds = site.ds
    scale = site.schemas.labels("claim", "verdict.rating")
    verdicts = Counter(c.data["verdict"]["rating"] for c in ds.claims.values())
    resolutions = Counter(x.data["resolution"] for x in ds.contradictions.values())
    counts = "".join(
        f"<li>{a(rel(here, f'{kind.folder}/index'), kind.plural[lang])}: {bdi(len(ds.records[kind.name]))}</li>"
        for kind in ds.kinds
        if kind.page
    )
    parts = [
        f"<h1>{esc(ui('site', lang))}</h1>",
        f"<p>{esc(INTRO[lang])}</p>",
        f'<ul class="fc-counts">{counts}'
        f"<li>{a(rel(here, 'timeline'), ui('timeline', lang))}</li>"
        f"<li>{a(rel(here, 'search'), ui('search', lang))}</li></ul>",
    ]
    rows = [
        [verdict_badge(site, k, lang), esc(v["description"][lang]), bdi(verdicts.get(k, 0))] for k, v in scale.items()
    ]
    parts.append(
        f"<h2>{esc(ui('how_to_read', lang))}</h2>"
        + table([ui("verdict", lang), ui("description", lang), ui("count_claims", lang)], rows)
    )
    order = [*site.resolutions(), *sorted(set(resolutions) - set(site.resolutions()))]
    res_rows = [
        [esc(site.label("contradiction", "resolution", k, lang)), bdi(resolutions[k])]
        for k in order
        if k in resolutions
    ]
    parts.append(
        f"<h2>{esc(ui('by_resolution', lang))}</h2>"
        + table([ui("resolution", lang), site.kind_plural("contradiction", lang)], res_rows)
    )
    first = sorted(ds.contradictions.values(), key=site.reading_order)[:6]
    parts.append(
        f"<h2>{esc(ui('first_see', lang))}</h2><ul>"
        + "".join(f"<li>{contradiction_link(site, x.id, lang, here)}</li>" for x in first)
        + "</ul>"
    )
    return ui("site", lang), f'<div class="fc-home">{"".join(parts)}</div>'


def claims_index(site: SiteData, lang: str) -> tuple[str, str]:
    here = "claims/index"
    claims = sorted(site.ds.claims.values(), key=lambda c: c.id)
    rows, attrs = [], []
    for c in claims:
        d = c.data
        sources = list(dict.fromkeys(ev["source"] for ev in d["evidence"]))
        rows.append(
            [
                a(rel(here, f"claims/{c.id}"), d["statement"][lang]),
                verdict_badge(site, d["verdict"]["rating"], lang),
                entity_link(site, d["subject"], lang, here),
                bdi(_year(c)),
                esc(" ".join(sources)),
            ]
        )
        attrs.append(
            f'data-verdict="{esc(d["verdict"]["rating"])}" data-source="{esc(" ".join(sources))}" '
            f'data-entity="{esc(d["subject"])}" data-year="{esc(_year(c))}"'
        )
    filters = _filters(site, claims, lang)
    body = f"<h1>{esc(site.kind_plural('claim', lang))}</h1>{filters}" + table(
        [
            ui("statement", lang),
            ui("verdict", lang),
            ui("subject", lang),
            ui("year", lang),
            site.kind_plural("source", lang),
        ],
        rows,
        cls="fc-table fc-claims",
        row_attrs=attrs,
    )
    return site.kind_plural("claim", lang), body


def _filters(site: SiteData, claims, lang: str) -> str:
    """Select boxes that filter the table (assets/site.js); without script the table is complete."""

    def select(key, label, options):
        opts = f'<option value="">{esc(ui("all", lang))}</option>' + "".join(
            f'<option value="{esc(v)}">{esc(t)}</option>' for v, t in options
        )
        return f'<label>{esc(label)} <select data-filter="{key}">{opts}</select></label>'

    verdicts = sorted({c.data["verdict"]["rating"] for c in claims})
    sources = sorted(site.ds.sources)
    entities = sorted({c.data["subject"] for c in claims}, key=lambda e: site.name(e, lang))
    years = sorted({_year(c) for c in claims} - {""})
    return (
        '<form class="fc-filters" hidden>'
        + select("verdict", ui("verdict", lang), [(v, site.verdict(v, lang)) for v in verdicts])
        + select("source", site.kind_label("source", lang), [(s, s) for s in sources])
        + select("entity", ui("subject", lang), [(e, site.name(e, lang)) for e in entities])
        + select("year", ui("year", lang), [(y, y) for y in years])
        + '<output class="fc-shown"></output></form>'
    )


def records_index(site: SiteData, kind: str, lang: str) -> tuple[str, str]:
    """The index of a kind that has no index of its own: every record by its title."""
    registered = site.ds.kinds.get(kind)
    here = f"{registered.folder}/index"
    items = sorted(site.ds.records[kind].values(), key=lambda r: r.id)
    listing = "".join(
        f"<li>{a(rel(here, f'{registered.folder}/{r.id}'), registered.record_title(r.data, lang))}</li>" for r in items
    )
    return registered.plural[lang], f"<h1>{esc(registered.plural[lang])}</h1><ul>{listing}</ul>"


def entities_index(site: SiteData, lang: str) -> tuple[str, str]:
    here = "entities/index"
    by_type: dict[str, list] = {}
    for e in site.ds.entities.values():
        by_type.setdefault(e.data["type"], []).append(e)
    parts = [f"<h1>{esc(site.kind_plural('entity', lang))}</h1>"]
    for type_, items in sorted(by_type.items()):
        parts.append(
            f'<h2>{esc(site.label("entity", "type", type_, lang))}</h2><ul class="fc-columns">'
            + "".join(
                f"<li>{entity_link(site, e.id, lang, here)}</li>"
                for e in sorted(items, key=lambda e: e.data["name"][lang])
            )
            + "</ul>"
        )
    return site.kind_plural("entity", lang), "".join(parts)


def sources_index(site: SiteData, lang: str) -> tuple[str, str]:
    here = "sources/index"
    rows = []
    for sid, s in sorted(site.ds.sources.items()):
        pub = s.data["published"]
        date = (
            pub.get("date")
            or " – ".join(filter(None, (pub.get("not_before"), pub.get("not_after"))))
            or ui("unknown", lang)
        )
        rows.append([source_link(site, sid, lang, here), bdi(date), bdi(len(site.by_source.get(sid, [])))])
    return site.kind_plural("source", lang), f"<h1>{esc(site.kind_plural('source', lang))}</h1>" + table(
        [site.kind_label("source", lang), ui("published", lang), ui("count_claims", lang)], rows
    )


def contradictions_index(site: SiteData, lang: str) -> tuple[str, str]:
    here = "contradictions/index"
    rows = [
        [
            contradiction_link(site, x.id, lang, here),
            esc(site.label("contradiction", "resolution", x.data["resolution"], lang)),
            f'<code dir="ltr">{esc(x.data["detected_by"])}</code>',
        ]
        for x in sorted(site.ds.contradictions.values(), key=site.reading_order)
    ]
    return site.kind_plural("contradiction", lang), f"<h1>{esc(site.kind_plural('contradiction', lang))}</h1>" + table(
        [site.kind_label("contradiction", lang), ui("resolution", lang), ui("detected_by", lang)], rows
    )


def timeline_page(site: SiteData, lang: str) -> tuple[str, str]:
    here = "timeline"
    dated = [c for c in site.ds.claims.values() if c.data.get("time")]
    dated.sort(key=lambda c: (claim_span(c)[0], claim_span(c)[1], c.id))
    drawn_properties = {pid for pid, p in site.ds.properties.items() if p.data.get("timeline")}
    drawn = [c for c in dated if c.data["property"] in drawn_properties and claim_span(c) != (EARLIEST, LATEST)]
    rows = [
        {
            "label": site.name(c.data["subject"], lang),
            "lo": claim_span(c)[0],
            "hi": claim_span(c)[1],
            "inferred": c.data["time"]["basis"] == "inferred",
        }
        for c in drawn
    ]
    table_rows = [
        [time_words(c.data["time"], lang), a(rel(here, f"claims/{c.id}"), c.data["statement"][lang])] for c in dated
    ]
    body = (
        f"<h1>{esc(ui('timeline', lang))}</h1>"
        + str(timebar.svg(rows, ui("timeline", lang), lang))
        + table([ui("when", lang), site.kind_label("claim", lang)], table_rows)
    )
    return ui("timeline", lang), body


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
    return ui("downloads", lang), render("downloads.html", here=here, lang=lang, files=files + EXTRA_DOWNLOADS)
