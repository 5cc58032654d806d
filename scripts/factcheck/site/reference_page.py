"""The reference page, in the reader's language: every record field with its description, type and
values, the shared definitions, verdicts, resolutions, finding codes and properties, from the
schemas, the code registry and the property vocabulary."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from .. import codes
from .context import SiteData
from .labels import ui
from .markup import rel_file
from .templating import render

_CODE_SPAN = re.compile(r"`([^`]+)`")


def inline_markdown(text: str) -> Markup:
    """Schema and vocabulary text with its `code` spans as left-to-right code. The text is escaped
    first, so nothing in it can become markup; only the spans are turned into elements."""
    return Markup(_CODE_SPAN.sub(lambda m: f'<code dir="ltr">{m.group(1)}</code>', str(escape(text))))


def described(node: dict, lang: str) -> Markup:
    """A schema node's description in `lang`; English, marked as such, where no Arabic is written."""
    if lang == "ar" and "x-description-ar" in node:
        return inline_markdown(node["x-description-ar"])
    text = inline_markdown(node.get("description", ""))
    return Markup('<span lang="en" dir="ltr">{}</span>').format(text) if lang == "ar" and text else text


def titled(node: dict, lang: str) -> str:
    return node.get("x-title-ar", node.get("title", "")) if lang == "ar" else node.get("title", "")


@dataclass
class Field:
    path: str
    required: bool
    type: Markup
    description: Markup
    values: list[tuple[str, str]] = field(default_factory=list)  # (value, its label)


@dataclass
class Section:
    anchor: str
    title: str
    description: Markup
    fields: list[Field]


class _Reader:
    """Reads schema nodes for one language: what type a field has and what values it takes."""

    def __init__(self, site: SiteData, lang: str):
        self.site, self.lang = site, lang
        self.kinds = site.ds.kinds.names()
        # Schema files that are no kind's (common.schema.json): their definitions are shared.
        self.shared = {doc["$id"]: name for name, doc in site.schemas.documents.items() if name not in self.kinds}

    def fields(self, node: dict, document: dict, prefix: str = "") -> list[Field]:
        """The fields of an object node, and those of objects written inline in it; a field that is a
        shared definition links to it instead of repeating its fields."""
        out = []
        required = set(node.get("required", ()))
        for name, child in node.get("properties", {}).items():
            path = f"{prefix}{name}"
            out.append(
                Field(
                    path,
                    name in required,
                    self.type_of(child, document),
                    described(child, self.lang),
                    self.values(child, document),
                )
            )
            inner = child.get("items", child)
            if "properties" in inner:
                out.extend(self.fields(inner, document, path + ("[]." if "items" in child else ".")))
        return out

    def resolved(self, node: dict, document: dict) -> tuple[dict, dict]:
        while "$ref" in node and "enum" not in node:
            node, document = self.site.schemas.resolve(node["$ref"], document)
        return node, document

    def values(self, node: dict, document: dict) -> list[tuple[str, str]]:
        """The values an enumerated field (or a list of them) takes, each with its label."""
        node, document = self.resolved(node, document)
        if "items" in node:
            node, document = self.resolved(node["items"], document)
        labels = node.get("x-labels", {})
        return [(value, labels.get(value, {}).get(self.lang, value)) for value in node.get("enum", ())]

    def type_of(self, node: dict, document: dict) -> Markup:
        """What a field holds, in words: a record it refers to, a shared definition (linked), a list of
        something, or a plain type."""
        lang = self.lang
        if "x-references" in node:
            return Markup(escape(ui("id_of", lang).format(kind=self.site.kind_label(node["x-references"], lang))))
        if "$ref" in node:
            base, _, pointer = node["$ref"].partition("#")
            target, target_document = self.site.schemas.resolve(node["$ref"], document)
            shared = self.shared.get(base or document["$id"])
            if shared and pointer.startswith("/$defs/"):
                name = pointer.removeprefix("/$defs/")
                return Markup('<a href="#{}-{}">{}</a>').format(shared, name, titled(target, lang) or name)
            return self.type_of(target, target_document)
        if "enum" in node:
            return Markup(escape(ui("type_enum", lang)))
        if node.get("type") == "array":
            return Markup("{}: {}").format(ui("type_array", lang), self.type_of(node.get("items", {}), document))
        return Markup(escape(ui(f"type_{node.get('type', 'object')}", lang)))


def reference_page(site: SiteData, lang: str) -> tuple[str, str]:
    reader = _Reader(site, lang)
    schemas = site.schemas
    kinds = [
        Section(
            kind,
            titled(schemas.documents[kind], lang) or site.kind_label(kind, lang),
            described(schemas.documents[kind], lang),
            reader.fields(schemas.documents[kind], schemas.documents[kind]),
        )
        for kind in reader.kinds
    ]
    shared = []
    for name in reader.shared.values():
        document = schemas.documents[name]
        definitions = [
            Section(
                f"{name}-{key}",
                titled(node, lang) or key,
                described(node, lang),
                reader.fields(node.get("items", node), document, "[]." if "items" in node else ""),
            )
            for key, node in document.get("$defs", {}).items()
        ]
        shared.append((Section(name, titled(document, lang) or name, described(document, lang), []), definitions))
    code_rows = [
        (
            c,
            ui(f"severity_{c.severity}", lang),
            inline_markdown(c.summary_ar),
            inline_markdown(c.message),
            inline_markdown(c.table_hint),
        )
        for c in codes.CODES.values()
    ]
    properties = [
        (
            p,
            site.label("property", "value_type", p.data["value_type"], lang),
            inline_markdown(p.data["description"][lang]),
        )
        for p in sorted(site.ds.properties.values(), key=lambda p: p.id)
    ]
    html = render(
        "reference.html",
        site=site,
        lang=lang,
        kinds=kinds,
        shared=shared,
        verdicts=schemas.labels("claim", "verdict.rating"),
        resolutions=site.resolutions(),
        codes=code_rows,
        properties=properties,
        english_codes=rel_file("reference", "en/reference/", lang) + "#codes",
    )
    return ui("reference", lang), html
