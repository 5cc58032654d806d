"""Schema validation: a fast gate (jsonschema-rs) and, for the few invalid records, detailed
findings from the reference implementation (jsonschema), which keeps the failing subschema at hand
for precise messages and hints."""

from __future__ import annotations

import json
import re
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import jsonschema_rs

from . import findings as F
from . import kinds as K

URN = "urn:factcheck:schema:"
Template = tuple  # keys from a record's root; ANY_ITEM stands for every item of a list
ANY_ITEM = "*"


class Schemas:
    def __init__(self, schema_dir: Path):
        """The schemas in schema_dir and the registry of kinds beside them; RegistryError names the
        file and the fix when one cannot be used (not JSON, no `$id`, not a valid JSON Schema, an
        annotation naming what does not exist)."""
        self.kinds = K.load(schema_dir)
        self.documents = {
            p.name.removesuffix(".schema.json"): _read_schema(p) for p in sorted(schema_dir.glob("*.schema.json"))
        }
        self._by_id = {doc["$id"]: doc for doc in self.documents.values()}
        registry = jsonschema_rs.Registry([(doc["$id"], doc) for doc in self.documents.values()])
        self.fast = {}
        for kind in self.kinds.names():
            try:
                self.fast[kind] = jsonschema_rs.Draft202012Validator(self.documents[kind], registry=registry)
            except (jsonschema_rs.ValidationError, ValueError) as exc:
                raise K.RegistryError(
                    f"{schema_dir / f'{kind}.schema.json'}: not a valid JSON Schema (draft 2020-12): {exc}"
                ) from None
        self._annotations: dict[tuple[str, str], list[tuple[Template, Any]]] = {}
        self._check_annotations(schema_dir)

    def _check_annotations(self, schema_dir: Path) -> None:
        """Annotations the checks read must name what exists: a registered kind, a known quote role."""
        allowed = {"x-references": set(self.kinds.names()), "x-quote": set(QUOTE_ROLES)}
        for kind in self.kinds.names():
            for keyword, values in allowed.items():
                for template, value in self.annotated(kind, keyword):
                    if value not in values:
                        raise K.RegistryError(
                            f"{schema_dir / f'{kind}.schema.json'}: {keyword} {value!r} at "
                            f"{'.'.join(template) or 'the root'} is not one of {', '.join(sorted(values))}"
                        )
            for template, value in self.annotated(kind, "x-not-before"):
                if not isinstance(value, str):
                    raise K.RegistryError(
                        f"{schema_dir / f'{kind}.schema.json'}: x-not-before at {'.'.join(template)} names a "
                        "sibling field (text)"
                    )

    @cached_property
    def detailed(self):
        """The reference validator per kind (the fast one is `fast`): slower, and precise about what is wrong."""
        from referencing import Registry, Resource

        registry = Registry().with_resources(
            (doc["$id"], Resource.from_contents(doc)) for doc in self.documents.values()
        )
        validator = _strict_validator()
        return {k: validator(self.documents[k], registry=registry) for k in self.kinds.names()}

    def annotated(self, kind: str, keyword: str) -> list[tuple[Template, Any]]:
        """(template, value) of every field the kind's schema marks with `keyword` (e.g. `x-references`,
        `x-date`), following `$ref`s into the shared definitions: the checks find references, dates
        and quotes from the schemas, so a new kind or field needs no code."""
        key = (kind, keyword)
        if key not in self._annotations:
            found: list[tuple[Template, Any]] = []
            self._walk(self.documents[kind], self.documents[kind], (), keyword, found, depth=0)
            self._annotations[key] = list(dict.fromkeys(found))
        return self._annotations[key]

    def _walk(self, node, document: dict, path: Template, keyword: str, found: list, depth: int) -> None:
        if not isinstance(node, dict) or depth > 20:  # the schemas' references never loop this deep
            return
        if keyword in node:
            found.append((path, _hashable(node[keyword])))
        if "$ref" in node:
            target, target_document = self.resolve(node["$ref"], document)
            self._walk(target, target_document, path, keyword, found, depth + 1)
        for name, child in node.get("properties", {}).items():
            self._walk(child, document, path + (name,), keyword, found, depth + 1)
        if "items" in node:
            self._walk(node["items"], document, path + (ANY_ITEM,), keyword, found, depth + 1)
        for combinator in ("allOf", "anyOf", "oneOf"):
            for branch in node.get(combinator, ()):
                self._walk(branch, document, path, keyword, found, depth + 1)

    def resolve(self, ref: str, document: dict) -> tuple[dict, dict]:
        """The schema node a `$ref` inside `document` names, and the document it lies in."""
        base, _, pointer = ref.partition("#")
        target_document = self._by_id[base] if base else document
        node = target_document
        for part in filter(None, pointer.split("/")):
            node = node[part]
        return node, target_document

    def labels(self, kind: str, field: str) -> dict:
        """The `x-labels` of an enumerated field, e.g. labels('claim', 'verdict.rating'); a part
        that names an array means its items, e.g. labels('entity', 'aliases.kind')."""
        node = self.documents[kind]
        for part in field.split("."):
            node = node.get("items", node)["properties"][part]
        return node.get("x-labels", {})

    def validate(self, kind: str, data, path: str, has_float: bool | None = None) -> list[F.Finding]:
        """Findings for `data` against the kind's schema; `has_float` (whether the record holds a float,
        as the loader knows) spares a walk over the record."""
        # jsonschema-rs counts 1.0 as an integer (as JSON Schema allows); records mean whole numbers
        # where they say integer, so a record with any float is judged by the strict validator.
        if has_float is None:
            has_float = _has_float(data)
        if not has_float and self.fast[kind].is_valid(data):
            return []
        errors = sorted(self.detailed[kind].iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
        out = []
        for error in errors:
            out.extend(_leaf_findings(error, path))
        return _dedupe(out)


QUOTE_ROLES = (
    "evidence",
    "passage",
)  # what `x-quote` may say: a claim's proof, or a passage of the record's own article


def _read_schema(path: Path) -> dict:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise K.RegistryError(f"{path}: cannot read it as JSON ({exc}); a schema is a JSON object") from None
    if not isinstance(document, dict) or not isinstance(document.get("$id"), str):
        raise K.RegistryError(f"{path}: a schema is a JSON object with an `$id` (e.g. urn:factcheck:schema:<name>)")
    return document


def _hashable(value):
    return json.dumps(value, sort_keys=True) if isinstance(value, (dict, list)) else value


def values_at(data, template: Template, pointer: tuple = ()):
    """(pointer, value) of every value of `data` a template reaches, e.g. ("evidence", "*", "source")
    gives each evidence item's source with its real pointer ("evidence", 0, "source")."""
    if not template:
        yield pointer, data
        return
    step, rest = template[0], template[1:]
    if step == ANY_ITEM:
        if isinstance(data, list):
            for i, item in enumerate(data):
                yield from values_at(item, rest, pointer + (i,))
    elif isinstance(data, dict) and step in data:
        yield from values_at(data[step], rest, pointer + (step,))


def _has_float(value) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_has_float(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_float(v) for v in value)
    return False


# ECMA-262's meaning of the classes Python's `re` reads differently (Python's are Unicode-wide).
_ECMA_SPACE = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
_ECMA_CLASS = {"s": _ECMA_SPACE, "d": "0-9", "w": "A-Za-z0-9_"}


def ecma_pattern(pattern: str) -> str:
    """A JSON Schema (ECMA-262) pattern in Python's dialect, read as jsonschema-rs reads it, so both
    validators agree: `$` matches only at the very end (Python's also before a final newline), and
    `\\s`, `\\d`, `\\w` (and their negations) have ECMA's meaning, not Python's Unicode-wide one.
    (`.` stops only at a newline in both.)"""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            letter = pattern[i + 1]
            i += 2
            if letter.lower() in _ECMA_CLASS:
                chars = _ECMA_CLASS[letter.lower()]
                if in_class:
                    if letter.isupper():
                        raise ValueError(f"pattern {pattern!r}: \\{letter} inside a class is not supported")
                    out.append(chars)
                else:
                    out.append(f"[^{chars}]" if letter.isupper() else f"[{chars}]")
            else:
                out.append("\\" + letter)
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        elif not in_class and ch == "$":
            ch = r"\Z"
        out.append(ch)
        i += 1
    return "".join(out)


@cache
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(ecma_pattern(pattern))


def _strict_validator():
    """The reference validator with the fast one's reading of patterns, and integers that are ints."""
    from jsonschema import Draft202012Validator, validators
    from jsonschema.exceptions import ValidationError

    def pattern(validator, patrn, instance, schema):
        if validator.is_type(instance, "string") and not _compiled(patrn).search(instance):
            yield ValidationError(f"{instance!r} does not match {patrn!r}")

    def is_integer(checker, instance) -> bool:
        return isinstance(instance, int) and not isinstance(instance, bool)

    checker = Draft202012Validator.TYPE_CHECKER.redefine("integer", is_integer)
    return validators.extend(Draft202012Validator, validators={"pattern": pattern}, type_checker=checker)


def _dedupe(items):
    seen, out = set(), []
    for f in items:
        key = (f.code, f.pointer, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _describe(schema: dict) -> str:
    return schema.get("description", "").split(". ")[0].rstrip(".") + "." if schema.get("description") else ""


def _describe_field(schema: dict) -> str:
    """What to write in a missing field: an enumeration's whole description and every choice (its
    first sentence alone would name one choice and hide the others)."""
    if "enum" in schema:
        choices = "Use one of: " + ", ".join(map(str, schema["enum"])) + "."
        return f"{schema['description']} {choices}" if schema.get("description") else choices
    return _describe(schema) or "see the schema reference."


_TYPE_NAMES = {
    "string": "text",
    "object": "a mapping",
    "array": "a list",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}


def _actual_type(value) -> str:
    return {
        dict: "a mapping",
        list: "a list",
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a decimal number",
        type(None): "empty",
    }.get(type(value), type(value).__name__)


def _leaf_findings(error, path):
    """Turn one jsonschema error into findings; combinators are reduced to their most useful branch."""
    pointer = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    v = error.validator
    where = ".".join(map(str, pointer)) or "the record"
    if v in ("anyOf", "oneOf") and error.context:
        from jsonschema.exceptions import best_match

        yield from _leaf_findings(best_match(error.context), path)
    elif v == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        for key in sorted(set(error.instance) - set(allowed)):
            yield F.make(
                "FC101", path, pointer=pointer + (key,), on_key=True, key=key, allowed=", ".join(allowed) or "nothing"
            )
    elif v == "required":
        props = schema.get("properties", {})
        for key in error.validator_value:
            if isinstance(error.instance, dict) and key not in error.instance:
                yield F.make("FC102", path, pointer=pointer, key=key, description=_describe_field(props.get(key, {})))
    elif v == "type":
        expected = error.validator_value
        expected = " or ".join(_TYPE_NAMES.get(t, t) for t in ([expected] if isinstance(expected, str) else expected))
        yield F.make(
            "FC103",
            path,
            pointer=pointer,
            what=where,
            expected=expected,
            actual=_actual_type(error.instance),
            description=_describe(schema),
        )
    elif v in ("enum", "const"):
        options = error.validator_value if v == "enum" else [error.validator_value]
        yield F.make(
            "FC104",
            path,
            pointer=pointer,
            value=json.dumps(error.instance, ensure_ascii=False),
            allowed="Use one of: " + ", ".join(map(str, options)) + ".",
        )
    elif v == "pattern":
        examples = schema.get("examples")
        extra = f" Examples: {', '.join(map(str, examples))}." if examples else ""
        yield F.make(
            "FC104",
            path,
            pointer=pointer,
            value=json.dumps(error.instance, ensure_ascii=False),
            allowed=(_describe(schema) + extra).strip(),
        )
    else:
        yield F.make(
            "FC105",
            path,
            pointer=pointer,
            problem=f"{where}: {error.message}",
            description=_describe(schema) or "See the schema reference for this field.",
        )
