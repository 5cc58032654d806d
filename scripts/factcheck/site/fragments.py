"""HTML pieces every page uses: links to records, verdict badges, values, edit links. Record text
goes through `esc` (or `a`/`bdi`, which call it)."""

from __future__ import annotations

from urllib.parse import urlencode

from ..dataset import Record
from ..values import value_text
from .context import SiteData
from .labels import ui
from .markup import a, bdi, date_words, esc, rel


def entity_link(site: SiteData, eid: str, lang: str, here: str) -> str:
    return f'<a href="{esc(rel(here, f"entities/{eid}"))}">{bdi(site.name(eid, lang))}</a>'


def claim_link(site: SiteData, cid: str, lang: str, here: str) -> str:
    return a(rel(here, f"claims/{cid}"), site.ds.claims[cid].data["statement"][lang])


def source_link(site: SiteData, sid: str, lang: str, here: str, anchor: str = "", text: str | None = None) -> str:
    return a(rel(here, f"sources/{sid}", anchor), text or f"{sid} — {site.source_title(sid, lang)}")


def contradiction_link(site: SiteData, xid: str, lang: str, here: str) -> str:
    return a(rel(here, f"contradictions/{xid}"), site.ds.contradictions[xid].data["summary"][lang])


def quote_html(evidence: dict, lang: str) -> str:
    """An evidence item's exact words (Arabic), and on English pages its own translation."""
    quote = f'<blockquote lang="ar" dir="rtl">{esc(evidence["quote"])}</blockquote>'
    if lang == "ar" or not evidence.get("translation"):
        return quote
    return f'{quote}<p class="fc-translation">{esc(ui("translation", lang))}: {esc(evidence["translation"])}</p>'


def verdict_badge(site: SiteData, rating: str, lang: str) -> str:
    return f'<span class="fc-verdict fc-verdict-{esc(rating)}">{esc(site.verdict(rating, lang))}</span>'


def value_html(site: SiteData, claim: Record, lang: str, here: str) -> str:
    value = claim.data.get("value")
    if value and "entity" in value:
        return entity_link(site, value["entity"], lang, here)
    words = value_text(value, lang, date=lambda d: date_words(d, lang))
    return esc(words) if value and "text" in value else bdi(words) if words else ""


def edit_links(site: SiteData, path: str, lang: str) -> str:
    if not site.repo_url:
        return ""
    edit = esc(f"{site.repo_url}/edit/main/{path}")
    # Issue forms take a field's value from the query parameter named after its id.
    query = urlencode({"template": "report-error.yml", "record": path, "title": f"{path}: "})
    report = esc(f"{site.repo_url}/issues/new?{query}")
    return (
        f'<p class="fc-edit"><a href="{edit}">{esc(ui("edit", lang))}</a> · '
        f'<a href="{report}">{esc(ui("report", lang))}</a> · '
        f'<span>{esc(ui("record_file", lang))}: <code dir="ltr">{esc(path)}</code></span></p>'
    )
