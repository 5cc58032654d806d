"""What the search index learns about a page beyond its visible text, as Pagefind filters and
metadata on a hidden element: the page's kind (to group results), the words of its chips (kind or
entity type, verdict) in the page's language, and for an entity its description (the excerpt a
result shows), every spelling of its names with their search folds, and one word for each whole
name (searched, never shown)."""

from __future__ import annotations

import re

from markupsafe import Markup

from ..dataset import Record
from ..textnorm import fold_for_search, search_key
from .context import SiteData
from .templating import render

NAME_SEPARATOR = " | "  # between the forms of an entity's names in its `names` metadata
_NOT_IN_TOKEN = re.compile(r"[^\w ]")  # what Pagefind would drop from a word anyway


def exact_token(name: str) -> str:
    """One word that stands for a whole name: its search key, joined with "_" (which Pagefind keeps
    inside words) and closed at both ends, so that searching the token of a query finds only the
    entities with exactly that name however common its words are (مصر, Libya)."""
    return "_" + "_".join(_NOT_IN_TOKEN.sub("", search_key(name)).split()) + "_"


def entity_names(entity: Record) -> list[str]:
    """Every name of an entity as the records write it: standard names first, then the aliases."""
    d = entity.data
    return [d["name"]["ar"], d["name"]["en"], *(al["text"] for al in d["aliases"])]


def name_forms(names: list[str]) -> list[str]:
    """Each name as written, its Arabic search fold and its search key, once each."""
    forms = dict.fromkeys(form for n in names for form in (n, fold_for_search(n), search_key(n)))
    return [form.replace("|", " ") for form in forms if form]


def search_extras(site: SiteData, page_id: str, lang: str) -> Markup:
    """Hidden markup indexed with the page `page_id` (e.g. 'entities/khalifa-haftar')."""
    folder, _, rid = page_id.partition("/")
    kind = site.ds.kinds.by_folder(folder) if rid else None
    record = site.ds.records[kind.name].get(rid) if kind else None
    if kind is None or record is None:  # the home page, the timeline
        return render("search_terms.html", kind="page", filters={}, meta={})
    filters, meta = {}, {"chip": site.kind_label(kind.name, lang)}
    if kind.name == "entity":
        meta["chip"] = site.label("entity", "type", record.data["type"], lang)
        meta["description"] = record.data["description"][lang]
        names = entity_names(record)
        meta["names"] = NAME_SEPARATOR.join(name_forms(names))
        meta["exact"] = " ".join(dict.fromkeys(token for token in map(exact_token, names) if token != "__"))
    elif kind.name == "claim":
        rating = record.data["verdict"]["rating"]
        meta["verdict"] = site.verdict(rating, lang)
        filters["rating"] = rating  # a filter, not metadata: filters are not searched
    return render("search_terms.html", kind=kind.name, filters=filters, meta=meta)
