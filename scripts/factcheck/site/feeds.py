"""Atom feeds, one per language: the records most recently published or changed (claims,
contradictions), newest first, each linking to its page. A feed holds at most FEED_SIZE entries, so
its size does not grow with the dataset.

Entry ids are URNs made from the record's kind and id (`urn:factcheck:claim:c-000-001`): stable
whether or not the site's address is known. Links are absolute when SITE_URL is set, else relative
to the feed (Atom resolves them against the feed's own address).

Both feeds stand in feeds/ (feeds/ar.xml, feeds/en.xml) beside an empty sitemap.xml: the theme's
script fetches a sitemap.xml beside every `<link rel="alternate">` of a page, and the site's own
sitemap, at the root, lists every page (some megabytes at 10k claims, seconds of parsing on a phone).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..history import Dates
from .context import SiteData
from .labels import ui
from .templating import render_xml

FEED_SIZE = 50
FEED_FILES = {"ar": "feeds/ar.xml", "en": "feeds/en.xml"}
# What the theme's script finds beside the feeds: a valid sitemap that lists nothing.
EMPTY_SITEMAP_FILE = "feeds/sitemap.xml"
EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'
)
FEED_KINDS = ("claim", "contradiction")


def _address(site: SiteData, page: str, lang: str) -> str:
    """A page's address, absolute or from the site's root, where the feeds stand."""
    if site.site_url:
        return site.page_address(page, lang)
    return ("" if lang == "ar" else "en/") + site.page_address(page, lang)


def _entries(site: SiteData, lang: str, dates: Mapping[str, Dates]) -> list[dict]:
    entries = []
    for kind in FEED_KINDS:
        registered = site.ds.kinds.get(kind)
        for rid, rec in site.ds.records[kind].items():
            when = dates.get(rec.path)
            if when is None:
                continue
            summary = (
                f"{site.verdict(rec.data['verdict']['rating'], lang)}: {rec.data['verdict']['reasoning'][lang]}"
                if kind == "claim"
                else rec.data["explanation"][lang]
            )
            entries.append(
                {
                    "id": f"urn:factcheck:{kind}:{rid}",
                    "title": registered.record_title(rec.data, lang),
                    "category": registered.label[lang],
                    "href": _address(site, f"{registered.folder}/{rid}", lang),
                    "published": when.published,
                    "updated": when.modified,
                    "summary": summary,
                }
            )
    entries.sort(key=lambda e: (e["updated"], e["published"], e["id"]), reverse=True)
    return entries[:FEED_SIZE]


def atom_feed(site: SiteData, lang: str, dates: Mapping[str, Dates]) -> str:
    """The Atom document for `lang` (empty of entries when no record has dates)."""
    entries = _entries(site, lang, dates)
    return render_xml(
        "atom.xml",
        lang=lang,
        title=ui("site", lang),
        feed_id=f"urn:factcheck:feed:{lang}",
        self_href=(site.site_url.rstrip("/") + "/" if site.site_url else "") + FEED_FILES[lang],
        home_href=_address(site, "index", lang),
        updated=max((e["updated"] for e in entries), default="1970-01-01"),
        entries=entries,
    )


def feed_file(lang: str) -> str:
    """The feed's file in the docs folder (and the built site's root)."""
    return FEED_FILES[lang]
