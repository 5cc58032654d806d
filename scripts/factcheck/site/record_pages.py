"""One page per record: claim, entity, source, contradiction, and a plain page for a record of any
other kind. Each returns (title, body HTML); the HTML comes from the templates of the same names
(claim.html, entity.html, source.html, contradiction.html, record.html)."""

from __future__ import annotations

import itertools
from urllib.parse import urlencode

from markupsafe import Markup

from ..dataset import Record, leaves
from ..rules.succession import holders
from ..textnorm import fragment_spans, normalize_with_offsets, quote_fragments
from ..timespans import claim_span
from . import timebar
from .citation import claim_citation
from .context import SiteData
from .labels import UI, ui
from .markup import rel
from .templating import render

# A list of claims on a record page shows at most this many: an entity or a paragraph named in
# thousands of claims (10k-claim datasets have them) would otherwise make a page of megabytes. The
# whole list is one link away, in the claims index filtered by the record.
CLAIMS_SHOWN = 50


def _page(template: str, **context) -> str:
    # A plain str: the build appends the page's search extras to it, which Markup would escape.
    return str(render(template, **context))


def rule_words(code: str, lang: str) -> str:
    """What a consistency rule finds, in words (its code is for contributors, not readers)."""
    key = f"rule_{code}"
    return ui(key, lang) if key in UI else ui("detected_rule", lang)


def _set_aside(record: dict, lang: str) -> list[dict]:
    """The warnings an editor set aside for the record: each in words, its code, and why."""
    return [
        {"code": item["code"], "words": rule_words(item["code"], lang), "reason": item["reason"][lang]}
        for item in record.get("silenced", ())
    ]


def _capped(claims: list[Record], here: str, **index_filter: str) -> dict:
    """A list of claims cut to CLAIMS_SHOWN, with the link to all of them in the claims index."""
    more = f"{rel(here, 'claims/index')}?{urlencode(index_filter)}" if len(claims) > CLAIMS_SHOWN else None
    return {"claims": claims[:CLAIMS_SHOWN], "total": len(claims), "more": more}


def timebar_rows(claims, label) -> list[dict]:
    rows = []
    for c in claims:
        lo, hi = claim_span(c)
        rows.append(
            {"label": label(c), "lo": lo, "hi": hi, "inferred": c.data.get("time", {}).get("basis") == "inferred"}
        )
    return rows


def _chart(rows: list[dict], title: str, lang: str) -> Markup:
    """The time-bar chart, as markup a template puts in as it is (timebar escapes its own text)."""
    return Markup(timebar.svg(rows, title, lang))


# ---------------------------------------------------------------- claim


def claim_page(site: SiteData, cid: str, lang: str) -> tuple[str, str]:
    c = site.ds.claims[cid]
    d = c.data
    contradictions = site.contradictions_of.get(cid, [])
    same = [x for x in site.same_fact[site.fact_of(c)] if x.id != cid]
    # A claim of the same fact does not conflict with this one, even where a contradiction names both.
    conflicting = {o for x in contradictions if not site.about_names(x) for o in x.data.get("claims", ())}
    conflicting -= {cid, *(x.id for x in same)}
    body = _page(
        "claim.html",
        site=site,
        lang=lang,
        here=f"claims/{cid}",
        cid=cid,
        claim=c,
        d=d,
        time=d.get("time"),
        deprecated=d.get("rank") == "deprecated",
        path=c.path,
        same=same,
        conflicting=sorted(conflicting),
        contradictions=contradictions,
        set_aside=_set_aside(d, lang),
        claimreview=claimreview(site, cid, lang),
        citation=claim_citation(site, cid, lang),
    )
    return d["statement"][lang], body


def _appearance(site: SiteData, sid: str) -> dict:
    """A source article as schema.org sees it: what it is called, when and where it appeared."""
    d = site.ds.sources[sid].data
    work = {"@type": "CreativeWork", "headline": d["title"]["text"]["ar"], "inLanguage": d["language"]}
    if d["published"].get("date"):
        work["datePublished"] = d["published"]["date"]
    if d.get("url"):
        work["url"] = d["url"]
    if d["outlet"].get("as_shown"):
        work["publisher"] = {"@type": "Organization", "name": d["outlet"]["as_shown"]}
    return work


def _claim_author(site: SiteData, claim: dict) -> dict | None:
    """Who made the claim: the speaker a reported statement is attributed to, else the outlet the
    first source names (none when the stored page names no outlet)."""
    if "attribution" in claim:
        speaker = site.ds.claims[claim["attribution"]].data["subject"]
        kind = "Person" if site.ds.entities[speaker].data["type"] == "person" else "Organization"
        return {"@type": kind, "name": site.name(speaker, "ar"), "alternateName": site.name(speaker, "en")}
    outlet = site.ds.sources[claim["evidence"][0]["source"]].data["outlet"]
    return {"@type": "Organization", "name": outlet["as_shown"]} if outlet.get("as_shown") else None


def claimreview(site: SiteData, cid: str, lang: str) -> dict:
    """schema.org ClaimReview for one claim (one per page, as Google requires): the claim with every
    article that carries it and who made it, the verdict, who reviewed it and when, and each logged
    correction."""
    record = site.ds.claims[cid]
    c = record.data
    labels = site.schemas.labels("claim", "verdict.rating")[c["verdict"]["rating"]]
    appearances = [_appearance(site, sid) for sid in dict.fromkeys(ev["source"] for ev in c["evidence"])]
    item: dict = {"@type": "Claim", "appearance": appearances, "firstAppearance": appearances[0]}
    author = _claim_author(site, c)
    if author:
        item["author"] = author
    if "datePublished" in appearances[0]:
        item["datePublished"] = appearances[0]["datePublished"]
    reviewer = {"@type": "Organization", "name": ui("site", lang)}
    if site.site_url:
        reviewer["url"] = site.page_address("index", lang)
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        # Without the site's address, the path from the site's root (the JSON Lines download has no page).
        "url": site.page_address(f"claims/{cid}", lang)
        if site.site_url
        else f"/{'' if lang == 'ar' else 'en/'}claims/{cid}/",
        "claimReviewed": c["statement"][lang],
        "inLanguage": lang,
        "author": reviewer,
        "itemReviewed": item,
        "reviewRating": review_rating(labels, lang),
    }
    when = site.dates_of(record)
    if when:
        review.update(datePublished=when.published, dateModified=when.modified)
    if c.get("changes"):
        review["correction"] = [
            {"@type": "CorrectionComment", "text": change["what"][lang], "datePublished": change["date"]}
            for change in c["changes"]
        ]
    return review


def review_rating(labels: dict, lang: str) -> dict:
    """The verdict for machines: always its name; a number (1 false to 5 true) only where the verdict
    speaks of accuracy, since aggregators read any ratingValue as a degree of truth (the scale's
    `rating`, see the methodology)."""
    rating = {"@type": "Rating", "alternateName": labels[lang]}
    if "rating" in labels:
        rating.update(ratingValue=labels["rating"], bestRating=5, worstRating=1)
    return rating


# ---------------------------------------------------------------- entity


def entity_page(site: SiteData, eid: str, lang: str) -> tuple[str, str]:
    e = site.ds.entities[eid]
    d = e.data
    here = f"entities/{eid}"
    holding = site.with_role("holds-post")
    posts = [c for c in site.by_subject.get(eid, []) if c.data["property"] in holding]
    posts_title = ui("posts_held", lang)
    body = _page(
        "entity.html",
        site=site,
        lang=lang,
        here=here,
        record=e,
        d=d,
        path=e.path,
        other="en" if lang == "ar" else "ar",
        posts=posts,
        posts_title=posts_title,
        posts_chart=_chart(
            timebar_rows(posts, lambda c: site.name(c.data["value"]["entity"], lang)), posts_title, lang
        ),
        succession=_succession(site, eid, lang),
        about=_capped(site.by_subject.get(eid, []), here, entity=eid),
        mentioning=_capped(site.by_value.get(eid, []), here, entity=eid),
        contradictions=site.contradictions_of.get(eid, []),
        set_aside=_set_aside(d, lang),
    )
    return d["name"][lang], body


def _succession(site: SiteData, post: str, lang: str) -> dict | None:
    """A post's holders in order, each with its sources and what its dates say against the others."""
    tenures = holders(site.ds, post)
    if not tenures:
        return None
    title = ui("holders", lang)
    rows = timebar_rows([t.claim for t in tenures], lambda c: site.name(c.data["subject"], lang))
    return {
        "title": title,
        "chart": _chart(rows, title, lang),
        "tenures": [
            {
                "holder": t.holder,
                "claim": t.claim,
                "time": t.claim.data.get("time"),
                "qualifier": t.claim.data.get("qualifier"),
                "sources": list(dict.fromkeys(ev["source"] for ev in t.claim.data["evidence"])),
                "warnings": t.warnings,
            }
            for t in tenures
        ],
    }


# ---------------------------------------------------------------- source


def quote_marks(site: SiteData, sid: str) -> dict[int, list[tuple[str, list[tuple[int, int]]]]]:
    """paragraph -> (anchor, spans in the original text) of every quote from the source; a quote
    joined with `…` has a span per fragment."""
    article = site.ds.articles[sid]
    offsets = {}
    out: dict[int, list] = {}
    for c in site.by_source.get(sid, []):
        for i, ev in enumerate(c.data["evidence"]):
            if ev["source"] != sid:
                continue
            n = ev["paragraph"]
            if n not in offsets:
                offsets[n] = normalize_with_offsets(article.paragraphs[n - 1])
            norm, where = offsets[n]
            spans = fragment_spans(quote_fragments(ev["quote"]), norm)
            if spans:
                out.setdefault(n, []).append((f"q-{c.id}-{i}", [(where[b], where[e - 1] + 1) for b, e in spans]))
    return out


def highlight(text: str, quotes: list[tuple[str, list[tuple[int, int]]]]) -> list[dict]:
    """The paragraph cut into segments at every quote's ends: each segment with its offset, whether
    a quote covers it, and the anchors of the quotes that start there. A quote's segments are then
    the marked ones whose offset lies in its spans (records.js marks them all when a link arrives)."""
    spans = [span for _, quote_spans in quotes for span in quote_spans]
    bounds = sorted({0, len(text), *(b for b, _ in spans), *(e for _, e in spans)})
    starts: dict[int, list[dict]] = {}
    for anchor, quote_spans in quotes:
        starts.setdefault(quote_spans[0][0], []).append(
            {"id": anchor, "span": " ".join(f"{b} {e}" for b, e in quote_spans)}
        )
    return [
        {
            "at": lo,
            "text": text[lo:hi],
            "quoted": any(b <= lo and hi <= e for b, e in spans),
            "anchors": starts.get(lo, []),
        }
        for lo, hi in itertools.pairwise(bounds)
    ]


_BOUNDS = {"earliest": "not_before", "latest": "not_after"}


def source_page(site: SiteData, sid: str, lang: str) -> tuple[str, str]:
    s = site.ds.sources[sid]
    d = s.data
    here = f"sources/{sid}"
    marks = quote_marks(site, sid)
    by_paragraph: dict[int, list] = {}
    for c in site.by_source.get(sid, []):
        for ev in c.data["evidence"]:
            if ev["source"] == sid and c not in by_paragraph.setdefault(ev["paragraph"], []):
                by_paragraph[ev["paragraph"]].append(c)
    paragraphs = [
        {
            "n": n,
            "segments": highlight(text, marks.get(n, [])),
            "claims": _capped(by_paragraph.get(n, []), here, source=sid),
        }
        for n, text in enumerate(site.ds.articles[sid].paragraphs, start=1)
    ]
    title = d["title"]["text"][lang]
    published = d["published"]
    # Bounds of an unknown publication date are the editors' inference (published.reason says how).
    bounds = {key: published[field] for key, field in _BOUNDS.items() if published.get(field)}
    body = _page(
        "source.html",
        site=site,
        lang=lang,
        here=here,
        record=s,
        d=d,
        path=s.path,
        title=title,
        paragraphs=paragraphs,
        bounds={**bounds, "basis": "inferred"} if bounds else None,
        contradictions=site.contradictions_of.get(sid, []),
        set_aside=_set_aside(d, lang),
    )
    return title, body


# ---------------------------------------------------------------- contradiction


def chart_labels(site: SiteData, claims: list[Record], lang: str) -> list[str]:
    """What a reader knows each claim by: the number of its card on the page and its subject's name.
    The number keeps two claims about one subject apart (a chart draws rows of one label as one row)
    where their statements, cut to a label's length, would often read the same."""
    return [f"{n} · {site.name(c.data['subject'], lang)}" for n, c in enumerate(claims, start=1)]


def contradiction_page(site: SiteData, xid: str, lang: str) -> tuple[str, str]:
    x = site.ds.contradictions[xid]
    d = x.data
    claims = [site.ds.claims[c] for c in d.get("claims", ())]
    labels = dict(zip((c.id for c in claims), chart_labels(site, claims, lang), strict=True))
    body = _page(
        "contradiction.html",
        site=site,
        lang=lang,
        here=f"contradictions/{xid}",
        record=x,
        d=d,
        path=x.path,
        claims=claims,
        chart=_chart(timebar_rows(claims, lambda c: labels[c.id]), ui("timeline", lang), lang),
        rule=None if d["detected_by"] == "manual" else rule_words(d["detected_by"], lang),
        set_aside=_set_aside(d, lang),
    )
    return d["summary"][lang], body


# ---------------------------------------------------------------- a record of any other registered kind


def _shown(value) -> str:
    """A field's value as a reader sees it: "—" for nothing, true/false as written in the record."""
    if value is None or value == [] or value == {}:
        return "—"
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def record_page(site: SiteData, kind: str, rid: str, lang: str) -> tuple[str, str]:
    """The page of a record whose kind has no page of its own: its title and every field."""
    rec = site.ds.records[kind][rid]
    registered = site.ds.kinds.get(kind)
    title = registered.record_title(rec.data, lang)
    fields = [
        (path, value[lang] if isinstance(value, dict) and value else None, _shown(value))
        for path, value in leaves(rec.data, bilingual_whole=True)
    ]
    body = _page(
        "record.html",
        site=site,
        lang=lang,
        kind_label=registered.label[lang],
        title=title,
        fields=fields,
        path=rec.path,
    )
    return title, body
