"""What the search index learns about a page beyond its visible text: for an entity, every
spelling of its name and their search folds, so a query in any of them finds the page."""

from __future__ import annotations

from markupsafe import Markup

from ..textnorm import fold_for_search
from .context import SiteData
from .templating import render


def search_extras(site: SiteData, page_id: str, lang: str) -> Markup:
    """Hidden markup indexed with the page `page_id` (e.g. 'entities/khalifa-haftar')."""
    folder, _, rid = page_id.partition("/")
    entity = site.ds.entities.get(rid) if folder == "entities" else None
    if entity is None:
        return Markup("")
    d = entity.data
    names = [d["name"]["ar"], d["name"]["en"], *(al["text"] for al in d["aliases"])]
    folded = sorted({fold_for_search(n) for n in names} - set(names))
    return render("search_terms.html", names=names + folded)
