"""The reference page, in the reader's language: every record field with its description, type and
values, the shared definitions, verdicts, resolutions, finding codes and properties, from the
schemas, the code registry and the property vocabulary."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import codes
from .context import SiteData
from .labels import ui
from .markup import rel_file
from .templating import render

_CODE_SPAN = re.compile(r"`([^`]+)`")


@dataclass
class Prose:
    """Schema or vocabulary text, its Markdown `code` spans apart (the template shows them as
    left-to-right code; autoescape keeps the rest text), and the language it is written in."""

    parts: list[tuple[str, bool]]  # (text, whether it is a code span)
    lang: str


def prose(text: str, lang: str) -> Prose:
    pieces = _CODE_SPAN.split(text)  # the captured spans stand at the odd places
    return Prose([(piece, i % 2 == 1) for i, piece in enumerate(pieces) if piece], lang)


def described(node: dict, lang: str) -> Prose:
    """A schema node's description in `lang`; the English where no Arabic is written."""
    if lang == "ar" and "x-description-ar" in node:
        return prose(node["x-description-ar"], "ar")
    return prose(node.get("description", ""), "en")


def titled(node: dict, lang: str) -> str:
    return node.get("x-title-ar", node.get("title", "")) if lang == "ar" else node.get("title", "")


@dataclass
class TypeWords:
    """What a field holds, in words, and the shared definition they name (an anchor on the page)."""

    words: str
    anchor: str = ""


@dataclass
class Field:
    path: str
    required: bool
    type: TypeWords
    description: Prose
    values: list[tuple[str, str, Prose | None]] = field(default_factory=list)  # value, label, its description


@dataclass
class Section:
    anchor: str
    title: str
    description: Prose
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

    def values(self, node: dict, document: dict) -> list[tuple[str, str, Prose | None]]:
        """The values an enumerated field (or a list of them) takes, each with its label and, where
        the schema gives one, its description."""
        node, document = self.resolved(node, document)
        if "items" in node:
            node, document = self.resolved(node["items"], document)
        out = []
        for value in node.get("enum", ()):
            label = node["x-labels"][value]
            about = label.get("description", {}).get(self.lang)
            out.append((value, label[self.lang], prose(about, self.lang) if about else None))
        return out

    def type_of(self, node: dict, document: dict) -> TypeWords:
        """What a field holds: a record it refers to, a shared definition, a list of something, or a
        plain type."""
        lang = self.lang
        if "x-references" in node:
            return TypeWords(ui("id_of", lang).format(kind=self.site.kind_label(node["x-references"], lang)))
        if "$ref" in node:
            base, _, pointer = node["$ref"].partition("#")
            target, target_document = self.site.schemas.resolve(node["$ref"], document)
            shared = self.shared.get(base or document["$id"])
            if shared and pointer.startswith("/$defs/"):
                name = pointer.removeprefix("/$defs/")
                return TypeWords(titled(target, lang) or name, f"{shared}-{name}")
            return self.type_of(target, target_document)
        if "enum" in node:
            return TypeWords(ui("type_enum", lang))
        if node.get("type") == "array":
            items = self.type_of(node.get("items", {}), document)
            return TypeWords(f"{ui('type_array', lang)}: {items.words}", items.anchor)
        return TypeWords(ui(f"type_{node.get('type', 'object')}", lang))


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
    html = render(
        "reference.html",
        site=site,
        lang=lang,
        kinds=kinds,
        shared=shared,
        verdicts=schemas.labels("claim", "verdict.rating"),
        resolutions=site.resolutions(),
        codes=codes.CODES.values(),
        properties=sorted(site.ds.properties.values(), key=lambda p: p.id),
        prose=prose,
        english_codes=rel_file("reference", "en/reference/", lang) + "#codes",
    )
    return ui("reference", lang), html
