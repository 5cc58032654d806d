"""The search page: a Pagefind search that also tries the query in folded Arabic spellings."""

from __future__ import annotations

from ..textnorm import search_fold_spec
from .context import SiteData
from .labels import ui
from .markup import esc, json_script, rel_file


def search_page(site: SiteData, lang: str) -> tuple[str, str]:
    here = "search"
    placeholder = {"ar": "ابحث عن اسم أو منصب أو حدث", "en": "Search for a name, post or event"}[lang]
    body = (
        f"<h1>{esc(ui('search', lang))}</h1>"
        f'<form class="fc-search" role="search" data-pagefind="{esc(rel_file(here, "pagefind/pagefind.js", lang))}">'
        f'<label for="fc-q">{esc(ui("search", lang))}</label>'
        f'<input id="fc-q" name="q" type="search" autocomplete="off" placeholder="{esc(placeholder)}">'
        '</form><ol class="fc-results" aria-live="polite"></ol>'
        f'<script type="application/json" id="fc-fold">{json_script(search_fold_spec())}</script>'
    )
    return ui("search", lang), body
