"""The one way generated HTML is made: Jinja2 templates (templates/) with autoescape on, so every
piece of record text is escaped unless a template says otherwise; no HTML is built from strings.

Pages are Markdown files whose body is one raw HTML block; Markdown would end that block at a
blank line, so the rendered HTML keeps no empty lines.
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .labels import ui
from .markup import date_words, json_script, precision, rel, rel_file

_ENV = Environment(
    loader=PackageLoader("factcheck.site", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.globals.update(ui=ui, rel=rel, rel_file=rel_file, date_words=date_words, precision=precision)
_ENV.filters.update(json_script=lambda data: Markup(json_script(data)))


def render(template: str, **context) -> Markup:
    """A template rendered with `context`, as markup safe to put inside another template."""
    html = _ENV.get_template(template).render(**context)
    return Markup("\n".join(line.strip() for line in html.splitlines() if line.strip()))


def render_xml(template: str, **context) -> str:
    """An XML document (a feed) from a template: the same escaping, the layout kept."""
    return _ENV.get_template(template).render(**context) + "\n"
