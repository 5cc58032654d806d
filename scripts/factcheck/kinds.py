"""The registry of record kinds (schema/kinds.json): one entry per kind names its folder under
facts/, its schema, how `factcheck new` numbers its ids, its labels and the page the site gives
each record. Discovery, validation, references, exports, scaffolding and the site all read it, so
a new kind is a registry entry and a schema, not a change to the code."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

REGISTRY = "kinds.json"
# The kinds the checks and rules are written for; a registry without one of them is refused.
CORE = ("claim", "entity", "source", "contradiction", "property")
PAGES = ("claim", "entity", "source", "contradiction", "withdrawn", "record")  # `record`: a page of its fields


class RegistryError(Exception):
    """schema/ cannot be used: the registry of kinds or a schema file is missing or malformed; the
    message names the file and the fix."""


@dataclass(frozen=True)
class Kind:
    name: str  # `claim`: the schema is schema/claim.schema.json
    folder: str  # `claims`: records live in facts/claims/
    label: dict[str, str]  # one record, per language
    plural: dict[str, str]  # the index page's title, per language
    title: str  # the field (dotted path to bilingual text) that names a record on pages
    page: str | None  # the page builder for each record; None: no page of its own
    id_prefix: str = ""  # for `factcheck new`: `{source}` stands for the source's number
    id_digits: int = 3

    def record_title(self, data: dict, lang: str) -> str:
        """The record's name on pages and in links, in `lang` (its id if the field is missing)."""
        node = data
        for part in self.title.split("."):
            node = node.get(part, {}) if isinstance(node, dict) else {}
        title = node.get(lang) if isinstance(node, dict) else node
        return title if isinstance(title, str) and title else data["id"]


@dataclass(frozen=True)
class Kinds:
    """Every registered kind, in registry order."""

    all: tuple[Kind, ...]

    def __iter__(self):
        return iter(self.all)

    def names(self) -> list[str]:
        return [k.name for k in self.all]

    def get(self, name: str) -> Kind:
        return next(k for k in self.all if k.name == name)

    def by_folder(self, folder: str) -> Kind | None:
        return next((k for k in self.all if k.folder == folder), None)

    def folder_list(self) -> str:
        """`facts/claims/, facts/entities/, …` for messages."""
        return ", ".join(f"facts/{k.folder}/" for k in self.all)


_FIELDS = {"name": str, "folder": str, "label": dict, "plural": dict, "title": str}
_PLAIN_NAME = re.compile(r"[a-z][a-z0-9-]*")  # a folder or schema name: never a path, never a file name
_LANGS = ("ar", "en")


def _entry_problem(entry, schema_dir: Path) -> str | None:
    """What is wrong with one registry entry, or None."""
    if not isinstance(entry, dict):
        return "is not an object"
    for key, type_ in _FIELDS.items():
        if not isinstance(entry.get(key), type_):
            return f"`{key}` is missing or not {type_.__name__}; every kind names {', '.join(_FIELDS)}"
    for key in ("name", "folder"):
        if not _PLAIN_NAME.fullmatch(entry[key]):
            return f"`{key}` {entry[key]!r} is not a plain name (a-z, 0-9 and -, starting with a letter)"
    for key in ("label", "plural"):
        if not all(isinstance(entry[key].get(lang), str) and entry[key][lang] for lang in _LANGS):
            return f"`{key}` needs non-empty `ar` and `en` texts"
    if entry.get("page") not in (*PAGES, None):
        return f"page {entry['page']!r} is not one of {', '.join(PAGES)} or null"
    if not isinstance(entry.get("id_prefix", ""), str) or not isinstance(entry.get("id_digits", 3), int):
        return "`id_prefix` is text and `id_digits` a whole number"
    if not (schema_dir / f"{entry['name']}.schema.json").is_file():
        return f"kind {entry['name']!r} has no schema {entry['name']}.schema.json"
    return None


def load(schema_dir: Path) -> Kinds:
    """The registry in schema_dir; RegistryError says what is wrong with it and how to fix it."""
    path = schema_dir / REGISTRY
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["kinds"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise RegistryError(
            f"{path}: cannot read the registry of record kinds ({exc}); it is a JSON object "
            "with a `kinds` list (see the project's schema/kinds.json)"
        ) from None
    if not isinstance(entries, list):
        raise RegistryError(f"{path}: `kinds` is not a list; it lists one object per kind of record")
    kinds = []
    for i, entry in enumerate(entries):
        problem = _entry_problem(entry, schema_dir)
        if problem:
            raise RegistryError(f"{path}: kinds[{i}]: {problem}")
        kinds.append(Kind(**{k: v for k, v in entry.items() if k in Kind.__dataclass_fields__}))
    names = [k.name for k in kinds]
    missing = [name for name in CORE if name not in names]
    duplicated = {n for n in names if names.count(n) > 1} | {
        k.folder for k in kinds if [x.folder for x in kinds].count(k.folder) > 1
    }
    if missing or duplicated:
        raise RegistryError(
            f"{path}: "
            + (
                f"the kinds {', '.join(missing)} are missing"
                if missing
                else f"{', '.join(sorted(duplicated))} named twice"
            )
            + "; each kind and folder is registered once, and the core kinds are kept"
        )
    return Kinds(tuple(kinds))
