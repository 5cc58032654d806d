"""What a page tells the places it is shared to and the engines that index it: a description of
its own (a claim and its verdict, an entity's description, a source's title, a contradiction's
summary), written into the page's front matter for the theme's meta and Open Graph tags."""

from __future__ import annotations

from .context import SiteData
from .labels import ui

LIMIT = 300  # longer descriptions are cut by the places that show them


def _short(text: str) -> str:
    return text if len(text) <= LIMIT else text[: LIMIT - 1].rsplit(" ", 1)[0] + "…"


def page_description(site: SiteData, page_id: str, lang: str) -> str:
    folder, _, rid = page_id.partition("/")
    ds = site.ds
    if folder == "claims" and rid in ds.claims:
        claim = ds.claims[rid].data
        return _short(f"{site.verdict(claim['verdict']['rating'], lang)}: {claim['statement'][lang]}")
    if folder == "entities" and rid in ds.entities:
        return _short(ds.entities[rid].data["description"][lang])
    if folder == "sources" and rid in ds.sources:
        return _short(site.source_name(rid, lang))
    if folder == "contradictions" and rid in ds.contradictions:
        return _short(ds.contradictions[rid].data["summary"][lang])
    return ui("site_description", lang)
