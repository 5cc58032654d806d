"""One page per record: claim, entity, source, contradiction. Each returns (title, body HTML)."""

from __future__ import annotations

import itertools

from ..dataset import leaves
from ..rules.succession import holders
from ..textnorm import fragment_spans, normalize_with_offsets, quote_fragments
from ..timespans import claim_span
from . import timebar
from .context import SiteData
from .fragments import (
    claim_link,
    contradiction_link,
    edit_links,
    entity_link,
    quote_html,
    source_link,
    value_html,
    verdict_badge,
)
from .labels import ui
from .markup import a, bdi, esc, json_script, rel, table, time_words


def _note(note: dict | None, lang: str, silenced: list | None = None) -> str:
    """The editor's note, and the engine's warnings an editor set aside for the record, with why."""
    parts = (
        [f'<aside class="fc-note"><strong>{esc(ui("editor_note", lang))}:</strong> {esc(note[lang])}</aside>']
        if note
        else []
    )
    parts += [
        f'<aside class="fc-note"><strong>{esc(ui("set_aside", lang))} <code dir="ltr">{esc(item["code"])}</code>:'
        f"</strong> {esc(item['reason'][lang])}</aside>"
        for item in silenced or ()
    ]
    return "".join(parts)


def _section(title: str, inner: str) -> str:
    return f"<h2>{esc(title)}</h2>{inner}" if inner else ""


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>" if items else ""


def timebar_rows(claims, label) -> list[dict]:
    rows = []
    for c in claims:
        lo, hi = claim_span(c)
        rows.append(
            {"label": label(c), "lo": lo, "hi": hi, "inferred": c.data.get("time", {}).get("basis") == "inferred"}
        )
    return rows


# ---------------------------------------------------------------- claim


def claim_page(site: SiteData, cid: str, lang: str) -> tuple[str, str]:
    here = f"claims/{cid}"
    c = site.ds.claims[cid]
    d = c.data
    parts = [
        f'<p class="fc-kicker">{esc(site.kind_label("claim", lang))} <code dir="ltr">{esc(cid)}</code></p>',
        f'<h1 dir="auto">{esc(d["statement"][lang])}</h1>',
    ]
    if lang == "en":
        parts.append(f'<p class="fc-original" lang="ar" dir="rtl">{esc(d["statement"]["ar"])}</p>')
    if d.get("rank") == "deprecated":
        parts.append(f'<p class="fc-deprecated">{esc(ui("deprecated", lang))}: {esc(d["rank_reason"][lang])}</p>')
    parts.append(
        f'<div class="fc-verdict-box"><p>{esc(ui("verdict", lang))}: '
        f"{verdict_badge(site, d['verdict']['rating'], lang)}</p>"
        f"<p>{esc(d['verdict']['reasoning'][lang])}</p></div>"
    )
    spo = [
        entity_link(site, d["subject"], lang, here),
        f'<span class="fc-prop">{esc(site.prop(d["property"], lang))}</span>',
    ]
    if d.get("value"):
        spo.append(value_html(site, c, lang, here))
    parts.append(_section(ui("what", lang), '<p class="fc-spo">' + " · ".join(spo) + "</p>"))
    time = d.get("time")
    when = f"<p>{time_words(time, lang)}</p>"
    if time and time.get("as_written"):
        when += f'<p>{esc(ui("as_written", lang))}: <q lang="ar" dir="rtl">{esc(time["as_written"])}</q></p>'
    if time and time.get("reason"):
        when += f'<p class="fc-inferred-reason">{esc(ui("why_inferred", lang))}: {esc(time["reason"][lang])}</p>'
    parts.append(_section(ui("when", lang), when))
    evidence = []
    for i, ev in enumerate(d["evidence"]):
        anchor = f"q-{cid}-{i}"
        stance = ui(ev["stance"], lang)
        evidence.append(
            f'<figure class="fc-evidence fc-{esc(ev["stance"])}">{quote_html(ev, lang)}<figcaption>'
            f"{source_link(site, ev['source'], lang, here)} · {esc(ui('paragraph', lang))} "
            f"{bdi(ev['paragraph'])} · {esc(stance)} · "
            f"{a(rel(here, 'sources/' + ev['source'], anchor), ui('see_in_article', lang))}"
            f"</figcaption></figure>"
        )
    parts.append(_section(ui("evidence", lang), "".join(evidence)))
    if d.get("attribution"):
        parts.append(
            f"<p>{esc('يستند إلى تصريح' if lang == 'ar' else 'Rests on the statement')}: "
            f"{claim_link(site, d['attribution'], lang, here)}</p>"
        )
    same = [x for x in site.same_fact[site.fact_of(c)] if x.id != cid]
    parts.append(_section(ui("corroborating", lang), _list([claim_link(site, x.id, lang, here) for x in same])))
    contradictions = site.contradictions_of.get(cid, [])
    conflicting = sorted(
        {o for x in contradictions if not site.about_names(x) for o in x.data.get("claims", ()) if o != cid}
    )
    parts.append(_section(ui("conflicting", lang), _list([claim_link(site, o, lang, here) for o in conflicting])))
    parts.append(
        _section(
            ui("its_contradictions", lang), _list([contradiction_link(site, x.id, lang, here) for x in contradictions])
        )
    )
    parts.append(_note(d.get("editor_note"), lang, d.get("silenced")))
    parts.append(edit_links(site, c.path, lang))
    parts.append(claimreview_script(site, cid, lang))
    return d["statement"][lang], "".join(parts)


def claimreview(site: SiteData, cid: str, lang: str) -> dict:
    """schema.org ClaimReview for one claim (one per page, as Google requires)."""
    c = site.ds.claims[cid].data
    labels = site.schemas.labels("claim", "verdict.rating")[c["verdict"]["rating"]]
    first = site.ds.sources[c["evidence"][0]["source"]].data
    appearance = {"@type": "CreativeWork", "headline": first["title"]["text"]["ar"], "inLanguage": first["language"]}
    if first["published"].get("date"):
        appearance["datePublished"] = first["published"]["date"]
    if first.get("url"):
        appearance["url"] = first["url"]
    if first["outlet"].get("as_shown"):
        appearance["publisher"] = {"@type": "Organization", "name": first["outlet"]["as_shown"]}
    prefix = "" if lang == "ar" else "en/"
    url = f"{site.site_url.rstrip('/')}/{prefix}claims/{cid}/" if site.site_url else f"/{prefix}claims/{cid}/"
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": c["statement"][lang],
        "inLanguage": lang,
        "author": {"@type": "Organization", "name": ui("site", lang)},
        "itemReviewed": {"@type": "Claim", "appearance": [appearance], "firstAppearance": appearance},
        "reviewRating": review_rating(labels, lang),
    }


def review_rating(labels: dict, lang: str) -> dict:
    """The verdict for machines: always its name; a number (1 false to 5 true) only where the verdict
    speaks of accuracy, since aggregators read any ratingValue as a degree of truth (the scale's
    `rating`, see the methodology)."""
    rating = {"@type": "Rating", "alternateName": labels[lang]}
    if "rating" in labels:
        rating.update(ratingValue=labels["rating"], bestRating=5, worstRating=1)
    return rating


def claimreview_script(site: SiteData, cid: str, lang: str) -> str:
    return f'<script type="application/ld+json">{json_script(claimreview(site, cid, lang))}</script>'


# ---------------------------------------------------------------- entity


def entity_page(site: SiteData, eid: str, lang: str) -> tuple[str, str]:
    here = f"entities/{eid}"
    e = site.ds.entities[eid]
    d = e.data
    other = "en" if lang == "ar" else "ar"
    type_label = site.label("entity", "type", d["type"], lang)
    parts = [
        f'<p class="fc-kicker">{esc(type_label)}</p>',
        f'<h1 data-pagefind-weight="10">{bdi(d["name"][lang], lang)}</h1>',
        f'<p class="fc-other-name">{bdi(d["name"][other], other)}</p>',
        f"<p>{esc(d['description'][lang])}</p>",
    ]
    if d.get("parent"):
        parts.append(f"<p>{esc(ui('part_of', lang))}: {entity_link(site, d['parent'], lang, here)}</p>")
    rows = [
        [
            bdi(al["text"], al["lang"]),
            esc(al["lang"]),
            esc(al["kind"]),
            source_link(site, al["source"], lang, here, text=al["source"]) if al.get("source") else "",
            esc(al["note"][lang]) if al.get("note") else "",
        ]
        for al in d["aliases"]
    ]
    headers = [ui("names", lang), "lang", ui("kind", lang), site.kind_label("source", lang), ui("notes", lang)]
    parts.append(_section(ui("spellings", lang), table(headers, rows) if rows else ""))
    holding = site.with_role("holds-post")
    posts = [c for c in site.by_subject.get(eid, []) if c.data["property"] in holding]
    if posts:
        title = ui("posts_held", lang)
        bar = str(timebar.svg(timebar_rows(posts, lambda c: site.name(c.data["value"]["entity"], lang)), title, lang))
        items = [f"{claim_link(site, c.id, lang, here)} — {time_words(c.data.get('time'), lang)}" for c in posts]
        parts.append(_section(title, bar + _list(items)))
    parts.append(_succession(site, eid, lang, here))
    parts.append(
        _section(
            ui("about_it", lang), _list([claim_link(site, c.id, lang, here) for c in site.by_subject.get(eid, [])])
        )
    )
    parts.append(
        _section(
            ui("mentioning_it", lang), _list([claim_link(site, c.id, lang, here) for c in site.by_value.get(eid, [])])
        )
    )
    parts.append(
        _section(
            ui("its_contradictions", lang),
            _list([contradiction_link(site, x.id, lang, here) for x in site.contradictions_of.get(eid, [])]),
        )
    )
    parts.append(_note(d.get("editor_note"), lang, d.get("silenced")))
    parts.append(edit_links(site, e.path, lang))
    return d["name"][lang], "".join(parts)


def _succession(site: SiteData, post: str, lang: str, here: str) -> str:
    """A post's holders in order, each with its sources and what its dates say against the others."""
    tenures = holders(site.ds, post)
    if not tenures:
        return ""
    title = ui("holders", lang)
    bar = str(
        timebar.svg(timebar_rows([t.claim for t in tenures], lambda c: site.name(c.data["subject"], lang)), title, lang)
    )
    rows = []
    for t in tenures:
        sources = dict.fromkeys(ev["source"] for ev in t.claim.data["evidence"])
        notes = [
            esc(ui(f"warning_{kind}", lang)) + (f" {claim_link(site, other, lang, here)}" if other else "")
            for kind, other in t.warnings
        ]
        qualifier = t.claim.data.get("qualifier")
        rows.append(
            [
                entity_link(site, t.holder, lang, here) + (f" ({esc(ui(qualifier, lang))})" if qualifier else ""),
                time_words(t.claim.data.get("time"), lang),
                " ".join(source_link(site, sid, lang, here, text=sid) for sid in sources),
                claim_link(site, t.claim.id, lang, here),
                "<br>".join(f'<span class="fc-warning">{note}</span>' for note in notes),
            ]
        )
    headers = [
        ui("holder", lang),
        ui("when", lang),
        site.kind_plural("source", lang),
        site.kind_label("claim", lang),
        ui("notes", lang),
    ]
    return _section(title, f"<p>{esc(ui('succession_note', lang))}</p>" + bar + table(headers, rows))


# ---------------------------------------------------------------- source


def quote_marks(site: SiteData, sid: str) -> dict[int, list[tuple[int, int, str]]]:
    """paragraph -> (start, end, anchor) of every quote in the original text."""
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
            for j, (b, e) in enumerate(fragment_spans(quote_fragments(ev["quote"]), norm) or []):
                out.setdefault(n, []).append((where[b], where[e - 1] + 1, f"q-{c.id}-{i}" if j == 0 else ""))
    return out


def _highlight(text: str, spans: list[tuple[int, int, str]]) -> str:
    """The paragraph with quoted stretches marked; anchors sit where each quote starts."""
    bounds = sorted({0, len(text), *(b for b, _, _ in spans), *(e for _, e, _ in spans)})
    anchors: dict[int, list[str]] = {}
    for b, _, anchor in spans:
        if anchor:
            anchors.setdefault(b, []).append(anchor)
    out = []
    for lo, hi in itertools.pairwise(bounds):
        covered = sum(1 for b, e, _ in spans if b <= lo and hi <= e)
        for anchor in anchors.get(lo, []):
            out.append(f'<span class="fc-anchor" id="{esc(anchor)}"></span>')
        piece = esc(text[lo:hi])
        out.append(f'<mark class="fc-quoted" data-quotes="{covered}">{piece}</mark>' if covered else piece)
    return "".join(out)


def source_page(site: SiteData, sid: str, lang: str) -> tuple[str, str]:
    here = f"sources/{sid}"
    s = site.ds.sources[sid]
    d = s.data
    title = d["title"]["text"][lang]
    parts = [
        f'<p class="fc-kicker">{esc(site.kind_label("source", lang))} <code dir="ltr">{esc(sid)}</code></p>',
        f"<h1>{esc(title)}</h1>",
    ]
    shows = []
    outlet = d["outlet"]
    shows.append(
        f"{esc(ui('outlet', lang))}: "
        + (bdi(outlet["as_shown"], "ar") if outlet.get("as_shown") else esc(ui("not_shown", lang)))
    )
    headline = d["title"]
    shows.append(
        f"{esc(ui('headline', lang))}: "
        + (
            f'<q lang="ar" dir="rtl">{esc(headline["text"]["ar"])}</q>'
            if headline["shown"]
            else esc(ui("not_shown", lang)) + f" ({esc(ui('editors_title', lang))})"
        )
    )
    for item in d.get("page_chrome", []):
        shows.append(
            f"{esc(ui('page_chrome', lang))} ({esc(ui('paragraph', lang))} "
            f"{bdi(item['paragraph'])}): {esc(item['what'][lang])}"
        )
    parts.append(_section(ui("page_shows", lang), _list(shows)))
    pub = d["published"]
    infer = []
    if pub.get("date"):
        infer.append(f"{esc(ui('published', lang))}: {time_words({'point': pub['date'], 'basis': pub['basis']}, lang)}")
    else:
        bounds = [f"{esc(ui(k, lang))} {bdi(pub[k])}" for k in ("not_before", "not_after") if pub.get(k)]
        infer.append(
            f"{esc(ui('published', lang))}: {esc(ui('unknown', lang))}" + (f" ({', '.join(bounds)})" if bounds else "")
        )
    infer.append(esc(pub["reason"][lang]))
    if d.get("notes"):
        infer.append(esc(d["notes"][lang]))
    parts.append(_section(ui("we_infer", lang), _list(infer)))
    parts.append(_note(d.get("editor_note"), lang, d.get("silenced")))
    parts.append(
        f'<p>{esc(ui("stored_file", lang))}: <code dir="ltr">{esc(d["file"])}</code> · sha256 '
        f'<code dir="ltr" class="fc-hash">{esc(d["sha256"])}</code></p>'
    )
    marks = quote_marks(site, sid)
    by_paragraph: dict[int, list] = {}
    for c in site.by_source.get(sid, []):
        for ev in c.data["evidence"]:
            if ev["source"] == sid and c not in by_paragraph.setdefault(ev["paragraph"], []):
                by_paragraph[ev["paragraph"]].append(c)
    rows = []
    for n, text in enumerate(site.ds.articles[sid].paragraphs, start=1):
        claims = by_paragraph.get(n, [])
        listing = _list([claim_link(site, c.id, lang, here) for c in claims])
        rows.append(
            f'<div class="fc-para" id="p{n}"><p class="fc-para-text" lang="ar" dir="rtl">'
            f'<span class="fc-para-no">{n}</span> {_highlight(text, marks.get(n, []))}</p>'
            + (
                f'<details class="fc-para-claims"><summary>{esc(ui("claims_here", lang))} ({len(claims)})</summary>'
                f"{listing}</details>"
                if claims
                else ""
            )
            + "</div>"
        )
    parts.append(_section(ui("article", lang), f'<div class="fc-article">{"".join(rows)}</div>'))
    parts.append(
        _section(
            ui("its_contradictions", lang),
            _list([contradiction_link(site, x.id, lang, here) for x in site.contradictions_of.get(sid, [])]),
        )
    )
    parts.append(edit_links(site, s.path, lang))
    return f"{sid}: {title}", "".join(parts)


# ---------------------------------------------------------------- contradiction


def contradiction_page(site: SiteData, xid: str, lang: str) -> tuple[str, str]:
    here = f"contradictions/{xid}"
    x = site.ds.contradictions[xid]
    d = x.data
    resolution = site.label("contradiction", "resolution", d["resolution"], lang)
    parts = [
        f'<p class="fc-kicker">{esc(site.kind_label("contradiction", lang))} <code dir="ltr">{esc(xid)}</code></p>',
        f"<h1>{esc(d['summary'][lang])}</h1>",
        f'<p>{esc(ui("resolution", lang))}: <span class="fc-resolution fc-resolution-{esc(d["resolution"])}">'
        f"{esc(resolution)}</span>"
        f" · {esc(ui('detected_by', lang))}: "
        + (
            esc(ui("manual", lang))
            if d["detected_by"] == "manual"
            else f'<code dir="ltr">{esc(d["detected_by"])}</code>'
        )
        + "</p>",
        _section(ui("explanation", lang), f"<p>{esc(d['explanation'][lang])}</p>"),
    ]
    claims = [site.ds.claims[c] for c in d.get("claims", ())]
    if claims:
        cards = []
        for c in claims:
            preferred = " fc-preferred" if d.get("preferred_claim") == c.id else ""
            quotes = "".join(
                f'{quote_html(ev, lang)}<p class="fc-cite">{source_link(site, ev["source"], lang, here)} · '
                f"{esc(ui('paragraph', lang))} {bdi(ev['paragraph'])}</p>"
                for ev in c.data["evidence"]
            )
            badge = f'<p class="fc-preferred-badge">{esc(ui("preferred", lang))}</p>' if preferred else ""
            cards.append(
                f'<article class="fc-side{preferred}">{badge}<h3>{claim_link(site, c.id, lang, here)}</h3>'
                f"<p>{time_words(c.data.get('time'), lang)}</p>{quotes}"
                f"<p>{verdict_badge(site, c.data['verdict']['rating'], lang)}</p></article>"
            )
        parts.append(f'<div class="fc-sides">{"".join(cards)}</div>')
        rows = timebar_rows(claims, lambda c: c.id)
        parts.append(timebar.svg(rows, ui("timeline", lang), lang))
    if d.get("entities"):
        parts.append(
            _section(ui("involved_entities", lang), _list([entity_link(site, e, lang, here) for e in d["entities"]]))
        )
    if d.get("sources"):
        parts.append(
            _section(ui("involved_sources", lang), _list([source_link(site, s, lang, here) for s in d["sources"]]))
        )
    parts.append(_note(d.get("editor_note"), lang, d.get("silenced")))
    parts.append(edit_links(site, x.path, lang))
    return d["summary"][lang], "".join(parts)


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
    rows = [
        [
            f'<code dir="ltr">{esc(path)}</code>',
            esc(value[lang]) if isinstance(value, dict) and value else bdi(_shown(value)),
        ]
        for path, value in leaves(rec.data, bilingual_whole=True)
    ]
    parts = [
        f'<p class="fc-kicker">{esc(registered.label[lang])} <code dir="ltr">{esc(rid)}</code></p>',
        f"<h1>{esc(title)}</h1>",
        table([ui("field", lang), ui("value", lang)], rows),
        edit_links(site, rec.path, lang),
    ]
    return title, "".join(parts)
