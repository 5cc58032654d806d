"""The reference page: every record field, verdict, resolution, finding code and property, from
the schemas and the code registry."""

from __future__ import annotations

from .. import codes
from .context import SiteData
from .fragments import verdict_badge
from .labels import ui
from .markup import bdi, esc, table


def _fields(schema: dict, prefix: str = ""):
    required = set(schema.get("required", ()))
    for name, prop in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        yield path, name in required, prop.get("description", "")
        inner = prop.get("items", prop)
        if "properties" in inner:
            yield from _fields(inner, path + ("[]." if "items" in prop else "."))


def reference_page(site: SiteData, lang: str) -> tuple[str, str]:
    parts = [f"<h1>{esc(ui('reference', lang))}</h1>"]
    note = {
        "ar": "هذه الصفحة مولَّدة من أوصاف المخططات (schema/) وسجل الرموز، وهي بالإنجليزية كما في المخططات.",
        "en": "Generated from the schema descriptions (schema/) and the code registry.",
    }
    parts.append(f"<p>{esc(note[lang])}</p>")
    for kind in site.ds.kinds.names():
        doc = site.schemas.documents[kind]
        rows = [
            [f'<code dir="ltr">{esc(p)}</code>', "✔" if req else "", f'<span dir="ltr">{esc(desc)}</span>']
            for p, req, desc in _fields(doc)
        ]
        parts.append(
            f'<h2 dir="ltr">{esc(doc["title"])}</h2><p dir="ltr">{esc(doc["description"])}</p>'
            + table(["field", "required", "description"], rows)
        )
    scale = site.schemas.labels("claim", "verdict.rating")
    rows = [
        [
            f'<code dir="ltr">{esc(k)}</code>',
            verdict_badge(site, k, lang),
            bdi(v.get("rating", "—")),
            esc(v["description"][lang]),
        ]
        for k, v in scale.items()
    ]
    parts.append(
        '<h2 id="verdicts">'
        + esc({"ar": "سلّم الأحكام", "en": "Verdict scale"}[lang])
        + "</h2>"
        + table(["id", ui("verdict", lang), "ClaimReview ratingValue", ui("description", lang)], rows)
    )
    rows = [
        [f'<code dir="ltr">{esc(k)}</code>', esc(v[lang]), esc(v["description"][lang])]
        for k, v in site.resolutions().items()
    ]
    parts.append(
        '<h2 id="resolutions">'
        + esc(ui("resolution", lang))
        + "</h2>"
        + table(["id", ui("resolution", lang), ui("description", lang)], rows)
    )
    rows = [
        [
            f'<code dir="ltr">{esc(c.code)}</code>',
            esc(c.severity),
            f'<span dir="ltr">{esc(c.message)}</span>',
            f'<span dir="ltr">{esc(c.table_hint)}</span>',
        ]
        for c in codes.CODES.values()
    ]
    parts.append('<h2 id="codes">Codes</h2>' + table(["code", "severity", "message", "how to fix"], rows))
    props = [
        [
            f'<code dir="ltr">{esc(p.id)}</code>',
            esc(p.data["label"][lang]),
            esc(p.data["value_type"]),
            "✔" if p.data.get("single_value") else "",
            "✔" if p.data.get("single_subject") else "",
            esc(p.data["description"][lang]),
        ]
        for p in sorted(site.ds.properties.values(), key=lambda p: p.id)
    ]
    parts.append(
        '<h2 id="properties">Properties</h2>'
        + table(["id", "label", "value", "single value", "single holder", ui("description", lang)], props)
    )
    return ui("reference", lang), "".join(parts)
