"""Small helpers the page generator shares: links between pages, dates in words, escaping for the
few strings made outside templates (page titles in front matter, JSON in a script element)."""

from __future__ import annotations

import html
import json
import posixpath

from .labels import MONTHS


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def json_script(data) -> str:
    """`data` as JSON for a <script> element: "</" cannot end the element early, "<!--" cannot
    open a comment state."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_url(page: str) -> str:
    """The URL path (relative to the language root) of a generated page, e.g. 'claims/c-000-001/'."""
    if page in ("index", ""):
        return ""
    return page.removesuffix("/index") + "/"


def rel(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative link between two pages of the same language, as the browser resolves it."""
    link = posixpath.relpath("/" + page_url(to_page), "/" + page_url(from_page))
    link = "./" if link == "." else link + "/"
    return link + (f"#{anchor}" if anchor else "")


def rel_file(from_page: str, path: str, lang: str) -> str:
    """A relative link to a static file (e.g. 'data/claims.json') from a page. Static files exist
    once, at the site root, while English pages live one level down under en/."""
    here = page_url(from_page) or "./"
    depth = (here.count("/") if here != "./" else 0) + (lang == "en")
    return "../" * depth + path


def date_words(value: str, lang: str) -> str:
    parts = value.split("-")
    year = parts[0]
    if len(parts) == 1:
        return ("عام " + year) if lang == "ar" else year
    month = MONTHS[lang][int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {year}"
    return f"{int(parts[2])} {month} {year}"


def precision(value: str, lang: str) -> str:
    n = len(value.split("-"))
    words = {
        "ar": ("دقة السنة", "دقة الشهر", "دقة اليوم"),
        "en": ("year precision", "month precision", "day precision"),
    }
    return words[lang][n - 1]
