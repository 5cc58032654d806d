"""The registry of record kinds (schema/kinds.json): one entry per kind names its folder under
facts/, its schema, how `factcheck new` numbers its ids, its labels and the page the site gives
each record. Discovery, validation, references, exports, scaffolding and the site all read it, so
a new kind is a registry entry and a schema, not a change to the code."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

REGISTRY = "kinds.json"
# The kinds the checks and rules are written for; a registry without one of them is refused.
CORE = ("claim", "entity", "source", "contradiction", "property")
PAGES = ("claim", "entity", "source", "contradiction", "record")  # `record`: a page of its fields


class RegistryError(Exception):
    """schema/kinds.json is missing or malformed; the message names the file and the fix."""


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
        return node.get(lang, data["id"]) if isinstance(node, dict) else str(node or data["id"])


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
    kinds = []
    for i, entry in enumerate(entries if isinstance(entries, list) else []):
        where = f"{path}: kinds[{i}]"
        for key, type_ in _FIELDS.items():
            if not isinstance(entry.get(key) if isinstance(entry, dict) else None, type_):
                raise RegistryError(
                    f"{where}: `{key}` is missing or not {type_.__name__}; every kind names {', '.join(_FIELDS)}"
                )
        if entry.get("page") not in (*PAGES, None):
            raise RegistryError(f"{where}: page {entry['page']!r} is not one of {', '.join(PAGES)} or null")
        if not (schema_dir / f"{entry['name']}.schema.json").is_file():
            raise RegistryError(f"{where}: kind {entry['name']!r} has no schema {entry['name']}.schema.json")
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
