"""Pages over many records: home, the indexes, the timeline, the reference, downloads, search."""

from __future__ import annotations

from collections import Counter

from .. import codes
from ..rules.timeline import EARLIEST, LATEST, claim_span
from . import timebar
from .context import SiteData
from .labels import ui
from .markup import a, bdi, esc, rel, rel_file, table, time_words

FIRST_READ = ["genuine-conflict", "unresolved", "source-error", "translation-error", "temporal-succession",
              "different-entity", "spelling-variant", "granularity"]

INTRO = {
    "ar": ("مجموعة بيانات مفتوحة تتحقق من كل ادعاء قابل للتحقق في مقالات عن جهود توحيد الجيش الليبي. "
           "يقتبس كل ادعاء مصدره حرفيًا ويحمل ترجمة إنجليزية أمينة ويذكر متى يصح، ويوثَّق كل تعارض بين المصادر وطريقة حله."),
    "en": ("An open dataset that checks every checkable claim in articles on the efforts to unify Libya's army. "
           "Each claim quotes its source exactly, carries a faithful English translation and says when it holds; "
           "every disagreement between sources is documented with how it resolves."),
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
    parts = [f"<h1>{esc(ui('site', lang))}</h1>", f"<p>{esc(INTRO[lang])}</p>",
             '<ul class="fc-counts">'
             f'<li>{a(rel(here, "claims/index"), ui("claims", lang))}: {bdi(len(ds.claims))}</li>'
             f'<li>{a(rel(here, "entities/index"), ui("entities", lang))}: {bdi(len(ds.entities))}</li>'
             f'<li>{a(rel(here, "sources/index"), ui("sources", lang))}: {bdi(len(ds.sources))}</li>'
             f'<li>{a(rel(here, "contradictions/index"), ui("contradictions", lang))}: {bdi(len(ds.contradictions))}</li>'
             f'<li>{a(rel(here, "timeline"), ui("timeline", lang))}</li>'
             f'<li>{a(rel(here, "search"), ui("search", lang))}</li></ul>']
    rows = [[site.verdict_badge(k, lang), esc(v["description"][lang]), bdi(verdicts.get(k, 0))]
            for k, v in scale.items()]
    parts.append(f"<h2>{esc(ui('how_to_read', lang))}</h2>" + table([ui("verdict", lang), ui("description", lang),
                                                                      ui("count_claims", lang)], rows))
    res_rows = [[esc(site.label("contradiction", "resolution", k, lang)), bdi(n)] for k, n in sorted(resolutions.items())]
    parts.append(f"<h2>{esc(ui('by_resolution', lang))}</h2>" + table([ui("resolution", lang), ui("contradictions", lang)], res_rows))
    first = sorted(ds.contradictions.values(), key=lambda x: (FIRST_READ.index(x.data["resolution"]), x.id))[:6]
    parts.append(f"<h2>{esc(ui('first_see', lang))}</h2><ul>"
                 + "".join(f"<li>{site.contradiction_link(x.id, lang, here)}</li>" for x in first) + "</ul>")
    return ui("site", lang), f'<div class="fc-home">{"".join(parts)}</div>'


def claims_index(site: SiteData, lang: str) -> tuple[str, str]:
    here = "claims/index"
    claims = sorted(site.ds.claims.values(), key=lambda c: c.id)
    rows, attrs = [], []
    for c in claims:
        d = c.data
        sources = list(dict.fromkeys(ev["source"] for ev in d["evidence"]))
        rows.append([a(rel(here, f"claims/{c.id}"), d["statement"][lang]), site.verdict_badge(d["verdict"]["rating"], lang),
                     site.entity_link(d["subject"], lang, here), bdi(_year(c)), esc(" ".join(sources))])
        attrs.append(f'data-verdict="{esc(d["verdict"]["rating"])}" data-source="{esc(" ".join(sources))}" '
                     f'data-entity="{esc(d["subject"])}" data-year="{esc(_year(c))}"')
    filters = _filters(site, claims, lang)
    body = (f"<h1>{esc(ui('claims', lang))}</h1>{filters}"
            + table([ui("statement", lang), ui("verdict", lang), ui("subject", lang), ui("year", lang), ui("sources", lang)],
                    rows, cls="fc-table fc-claims", row_attrs=attrs))
    return ui("claims", lang), body


def _filters(site: SiteData, claims, lang: str) -> str:
    """Select boxes that filter the table (assets/site.js); without script the table is complete."""
    def select(key, label, options):
        opts = f'<option value="">{esc(ui("all", lang))}</option>' + "".join(
            f'<option value="{esc(v)}">{esc(t)}</option>' for v, t in options)
        return f'<label>{esc(label)} <select data-filter="{key}">{opts}</select></label>'

    verdicts = sorted({c.data["verdict"]["rating"] for c in claims})
    sources = sorted(site.ds.sources)
    entities = sorted({c.data["subject"] for c in claims}, key=lambda e: site.name(e, lang))
    years = sorted({_year(c) for c in claims} - {""})
    return ('<form class="fc-filters" hidden>'
            + select("verdict", ui("verdict", lang), [(v, site.verdict(v, lang)) for v in verdicts])
            + select("source", ui("source", lang), [(s, s) for s in sources])
            + select("entity", ui("subject", lang), [(e, site.name(e, lang)) for e in entities])
            + select("year", ui("year", lang), [(y, y) for y in years])
            + '<output class="fc-shown"></output></form>')


def entities_index(site: SiteData, lang: str) -> tuple[str, str]:
    here = "entities/index"
    by_type: dict[str, list] = {}
    for e in site.ds.entities.values():
        by_type.setdefault(e.data["type"], []).append(e)
    parts = [f"<h1>{esc(ui('entities', lang))}</h1>"]
    for type_, items in sorted(by_type.items()):
        parts.append(f"<h2>{esc(site.label('entity', 'type', type_, lang))}</h2><ul class=\"fc-columns\">"
                     + "".join(f"<li>{site.entity_link(e.id, lang, here)}</li>"
                               for e in sorted(items, key=lambda e: e.data["name"][lang])) + "</ul>")
    return ui("entities", lang), "".join(parts)


def sources_index(site: SiteData, lang: str) -> tuple[str, str]:
    here = "sources/index"
    rows = []
    for sid, s in sorted(site.ds.sources.items()):
        pub = s.data["published"]
        date = pub.get("date") or " – ".join(filter(None, (pub.get("not_before"), pub.get("not_after")))) or ui("unknown", lang)
        rows.append([site.source_link(sid, lang, here), bdi(date), bdi(len(site.by_source.get(sid, [])))])
    return ui("sources", lang), f"<h1>{esc(ui('sources', lang))}</h1>" + table(
        [ui("source", lang), ui("published", lang), ui("count_claims", lang)], rows)


def contradictions_index(site: SiteData, lang: str) -> tuple[str, str]:
    here = "contradictions/index"
    rows = [[site.contradiction_link(x.id, lang, here), esc(site.label("contradiction", "resolution", x.data["resolution"], lang)),
             f'<code dir="ltr">{esc(x.data["detected_by"])}</code>']
            for x in sorted(site.ds.contradictions.values(), key=lambda x: (FIRST_READ.index(x.data["resolution"]), x.id))]
    return ui("contradictions", lang), f"<h1>{esc(ui('contradictions', lang))}</h1>" + table(
        [ui("contradiction", lang), ui("resolution", lang), ui("detected_by", lang)], rows)


DRAWN = {"occurred", "signed", "established", "scheduled", "postponed", "holds-post"}


def timeline_page(site: SiteData, lang: str) -> tuple[str, str]:
    here = "timeline"
    dated = [c for c in site.ds.claims.values() if c.data.get("time")]
    dated.sort(key=lambda c: (claim_span(c)[0], claim_span(c)[1], c.id))
    drawn = [c for c in dated if c.data["property"] in DRAWN and claim_span(c) != (EARLIEST, LATEST)]
    rows = [{"label": site.name(c.data["subject"], lang), "lo": claim_span(c)[0], "hi": claim_span(c)[1],
             "inferred": c.data["time"]["basis"] == "inferred"} for c in drawn]
    table_rows = [[time_words(c.data["time"], lang), a(rel(here, f"claims/{c.id}"), c.data["statement"][lang])] for c in dated]
    body = (f"<h1>{esc(ui('timeline', lang))}</h1>" + timebar.svg(rows, ui("timeline", lang), lang)
            + table([ui("when", lang), ui("claim", lang)], table_rows))
    return ui("timeline", lang), body


def _fields(schema: dict, prefix: str = ""):
    required = set(schema.get("required", ()))
    for name, prop in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        yield path, name in required, prop.get("description", "")
        inner = prop.get("items", prop)
        if "properties" in inner:
            yield from _fields(inner, path + ("[]." if "items" in prop else "."))


def reference_page(site: SiteData, lang: str) -> tuple[str, str]:
    parts = [f"<h1>{esc(ui('reference', lang))}</h1>"]
    note = {"ar": "هذه الصفحة مولَّدة من أوصاف المخططات (schema/) وسجل الرموز، وهي بالإنجليزية كما في المخططات.",
            "en": "Generated from the schema descriptions (schema/) and the code registry."}
    parts.append(f"<p>{esc(note[lang])}</p>")
    for kind in ("claim", "entity", "source", "contradiction", "property"):
        doc = site.schemas.documents[kind]
        rows = [[f'<code dir="ltr">{esc(p)}</code>', "✔" if req else "", f'<span dir="ltr">{esc(desc)}</span>']
                for p, req, desc in _fields(doc)]
        parts.append(f'<h2 dir="ltr">{esc(doc["title"])}</h2><p dir="ltr">{esc(doc["description"])}</p>'
                     + table(["field", "required", "description"], rows))
    scale = site.schemas.labels("claim", "verdict.rating")
    rows = [[f'<code dir="ltr">{esc(k)}</code>', site.verdict_badge(k, lang), bdi(v["rating"]), esc(v["description"][lang])]
            for k, v in scale.items()]
    parts.append('<h2 id="verdicts">' + esc({"ar": "سلّم الأحكام", "en": "Verdict scale"}[lang]) + "</h2>"
                 + table(["id", ui("verdict", lang), "ClaimReview ratingValue", ui("description", lang)], rows))
    kinds = site.schemas.labels("contradiction", "resolution")
    rows = [[f'<code dir="ltr">{esc(k)}</code>', esc(v[lang]), esc(v["description"][lang])] for k, v in kinds.items()]
    parts.append('<h2 id="resolutions">' + esc(ui("resolution", lang)) + "</h2>"
                 + table(["id", ui("resolution", lang), ui("description", lang)], rows))
    rows = [[f'<code dir="ltr">{esc(c.code)}</code>', esc(c.severity), f'<span dir="ltr">{esc(c.message)}</span>',
             f'<span dir="ltr">{esc(c.table_hint)}</span>'] for c in codes.CODES.values()]
    parts.append('<h2 id="codes">Codes</h2>' + table(["code", "severity", "message", "how to fix"], rows))
    props = [[f'<code dir="ltr">{esc(p.id)}</code>', esc(p.data["label"][lang]), esc(p.data["value_type"]),
              "✔" if p.data.get("single_value") else "", "✔" if p.data.get("single_subject") else "",
              esc(p.data["description"][lang])] for p in sorted(site.ds.properties.values(), key=lambda p: p.id)]
    parts.append('<h2 id="properties">Properties</h2>' + table(
        ["id", "label", "value", "single value", "single holder", ui("description", lang)], props))
    return ui("reference", lang), "".join(parts)


DOWNLOADS = [
    ("claims.json", "JSON", {"ar": "كل الادعاءات بكل حقولها", "en": "Every claim with all its fields"}),
    ("claims.csv", "CSV", {"ar": "الادعاءات في جدول مسطح", "en": "Claims as a flat table"}),
    ("entities.json", "JSON", {"ar": "الكيانات وأسماؤها", "en": "Entities and their names"}),
    ("sources.json", "JSON", {"ar": "المصادر", "en": "Sources"}),
    ("contradictions.json", "JSON", {"ar": "التعارضات الموثقة", "en": "Documented contradictions"}),
    ("properties.json", "JSON", {"ar": "مفردات الخصائص", "en": "The property vocabulary"}),
    ("claimreview.jsonl", "JSON Lines", {"ar": "سجلات ClaimReview سطرًا لكل ادعاء", "en": "ClaimReview records, one per line"}),
    ("datapackage.json", "Frictionless", {"ar": "وصف حزمة البيانات", "en": "Data package descriptor"}),
]


def downloads_page(site: SiteData, lang: str) -> tuple[str, str]:
    here = "downloads"
    rows = [[a(rel_file(here, f"data/{name}", lang), name), esc(fmt), esc(desc[lang])] for name, fmt, desc in DOWNLOADS]
    return ui("downloads", lang), f"<h1>{esc(ui('downloads', lang))}</h1>" + table(
        [ui("file", lang), ui("format", lang), ui("description", lang)], rows)


def search_page(site: SiteData, lang: str) -> tuple[str, str]:
    here = "search"
    placeholder = {"ar": "ابحث عن اسم أو منصب أو حدث", "en": "Search for a name, post or event"}[lang]
    body = (f"<h1>{esc(ui('search', lang))}</h1>"
            f'<form class="fc-search" role="search" data-pagefind="{rel_file(here, "pagefind/pagefind.js", lang)}">'
            f'<label for="fc-q">{esc(ui("search", lang))}</label>'
            f'<input id="fc-q" name="q" type="search" autocomplete="off" placeholder="{esc(placeholder)}">'
            '</form><ol class="fc-results" aria-live="polite"></ol>')
    return ui("search", lang), body
