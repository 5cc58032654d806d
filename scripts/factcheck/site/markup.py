"""HTML building blocks. Every piece of record text goes through `esc` (or a helper that calls
it): a record can never inject markup, script or links into the site."""

from __future__ import annotations

import html
import json
import posixpath

from .labels import MONTHS, ui


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def bdi(text, lang: str | None = None) -> str:
    """Text whose direction the browser works out from its own letters (names, dates, numbers)."""
    attr = f' lang="{lang}"' if lang else ""
    return f"<bdi{attr}>{esc(text)}</bdi>"


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


def a(href: str, text: str, cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return f'<a href="{esc(href)}"{c}>{esc(text)}</a>'


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


def time_words(time: dict | None, lang: str) -> str:
    """A claim's time in words, with precision visible and inferred dates marked."""
    if not time:
        return esc(ui("no_date", lang))
    if "point" in time:
        text = bdi(date_words(time["point"], lang))
        prec = precision(time["point"], lang)
    elif "earliest" in time or "latest" in time:  # somewhere in a stretch of time
        first = bdi(date_words(time["earliest"], lang)) if "earliest" in time else "…"
        last = bdi(date_words(time["latest"], lang)) if "latest" in time else "…"
        text = f"في وقت ما بين {first} و{last}" if lang == "ar" else f"some time between {first} and {last}"
        prec = precision(time.get("earliest") or time["latest"], lang)
    else:
        start = bdi(date_words(time["start"], lang)) if "start" in time else "…"
        end = bdi(date_words(time["end"], lang)) if "end" in time else "…"
        text = f"من {start} إلى {end}" if lang == "ar" else f"from {start} to {end}"
        prec = precision(time.get("start") or time["end"], lang)
    mark = ui("inferred", lang) if time["basis"] == "inferred" else ui("stated", lang)
    cls = "fc-inferred" if time["basis"] == "inferred" else "fc-stated"
    flags = "".join(
        f' <span class="fc-stated">{esc(ui(flag, lang))}</span>' for flag in ("starting", "ending") if time.get(flag)
    )
    return f'{text} <span class="fc-precision">({esc(prec)})</span> <span class="{cls}">{esc(mark)}</span>{flags}'


def table(headers: list[str], rows: list[list[str]], cls: str = "fc-table", row_attrs: list[str] | None = None) -> str:
    """Cells are HTML already; headers are escaped here."""
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    body = []
    for i, row in enumerate(rows):
        attrs = f" {row_attrs[i]}" if row_attrs else ""
        body.append(f"<tr{attrs}>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>")
    return (
        f'<div class="fc-scroll" tabindex="0"><table class="{cls}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )
