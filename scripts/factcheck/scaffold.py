"""`factcheck new`: skeleton records with a fresh id for contributors to fill in: every field
meant for their words holds a placeholder that `validate` names (FC106) until it is replaced.
A claim's quote is looked up in its article first: its paragraph is found for the
contributor, and a quote that is not in the article is refused with the closest passage."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

from . import findings as F
from .checker import check
from .dataset import Dataset
from .files import NotARegularFile, refuse_links, write_atomic
from .fmt import render
from .link.placeholders import PLACEHOLDER, PLACEHOLDER_DATE
from .link.quotes import best_paragraph, closest_passage
from .schemas import Schemas
from .textnorm import MIN_EVIDENCE_LETTERS, MIN_WORD_LETTERS, find_fragments, quote_fragments, quote_problem


class ScaffoldError(Exception):
    """The record cannot be made as asked; the message says why and what to do. Nothing was written."""


def _next_id(ds: Dataset, kind: str, **fields: str) -> str:
    """The next free id of `kind`, numbered as the registry says (`id_prefix`, `id_digits`)."""
    registered = ds.kinds.get(kind)
    prefix = registered.id_prefix.format(**fields)
    numbers = [int(m.group(1)) for i in ds.records[kind] if (m := re.fullmatch(re.escape(prefix) + r"(\d+)", i))]
    return f"{prefix}{(max(numbers, default=0) + 1):0{registered.id_digits}d}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80] or "entity"


def find_paragraph(ds: Dataset, source: str, quote: str) -> int:
    article = ds.articles.get(source)
    if article is None:
        raise ScaffoldError(f"no source '{source}' (see facts/sources/)")
    problem = quote_problem(quote, MIN_EVIDENCE_LETTERS)
    if problem:  # the same words as validate's FC307
        finding = F.make("FC307", "", problem=problem, min_letters=MIN_EVIDENCE_LETTERS, min_word=MIN_WORD_LETTERS)
        raise ScaffoldError(f"FC307 {finding.message}. {finding.hint}")
    fragments = quote_fragments(quote)
    for n, text in enumerate(article.normalized, start=1):
        if find_fragments(fragments, text):
            return n
    best = best_paragraph(quote, article)
    raise ScaffoldError(
        f"the quote is not in {source}; closest passage, paragraph {best}: "
        f"«{closest_passage(quote, article.paragraphs[best - 1])}»"
    )


# The options `factcheck new KIND` takes (its builder's keywords), and those it cannot do without.
REQUIRED = {
    "claim": ("source", "quote", "subject", "property"),
    "entity": ("type", "name_ar", "name_en"),
    "source": ("file",),
    "contradiction": ("claims",),
}
OPTIONS = {
    **REQUIRED,
    "claim": (*REQUIRED["claim"], "value"),
    "contradiction": (*REQUIRED["contradiction"], "detected_by", "resolution"),
}


def claim(
    ds: Dataset, *, source: str, quote: str, subject: str, property: str, value: str | None = None
) -> tuple[str, dict]:
    if subject not in ds.entities:
        raise ScaffoldError(f"no entity '{subject}' (see facts/entities/, or `factcheck new entity`)")
    if property not in ds.properties:
        raise ScaffoldError(f"no property '{property}' (see facts/properties/)")
    paragraph = find_paragraph(ds, source, quote)
    cid = _next_id(ds, "claim", source=source.removeprefix(ds.kinds.get("source").id_prefix))
    record: dict[str, object] = {"id": cid, "statement": dict(PLACEHOLDER), "subject": subject, "property": property}
    value_type = ds.properties[property].data["value_type"]
    if value_type == "entity":
        if value not in ds.entities:
            raise ScaffoldError(f"property '{property}' takes an entity as value: give --value with an entity id")
        record["value"] = {"entity": value}
    elif value_type == "text":
        record["value"] = {"text": dict(PLACEHOLDER)}
    elif value_type == "quantity":
        record["value"] = {"quantity": {"amount": 0, "unit": dict(PLACEHOLDER)}}
    elif value_type == "date":
        record["value"] = {"date": PLACEHOLDER_DATE}
    record["evidence"] = [
        {
            "source": source,
            "quote": quote,
            "translation": PLACEHOLDER["en"],
            "paragraph": paragraph,
            "stance": "supports",
        }
    ]
    record["verdict"] = {
        "rating": "single-source",
        "reasoning": {
            "ar": "يرد في مصدر واحد من مصادر المشروع ولا يناقضه مصدر آخر.",
            "en": "Reported by one source in the corpus and contradicted by none.",
        },
    }
    return cid, record


def entity(ds: Dataset, *, type: str, name_ar: str, name_en: str) -> tuple[str, dict]:
    eid = slug(name_en)
    if eid in ds.entities:
        raise ScaffoldError(f"entity '{eid}' exists already: add your spelling to its aliases instead")
    return eid, {
        "id": eid,
        "type": type,
        "name": {"ar": name_ar, "en": name_en},
        "aliases": [],
        "description": dict(PLACEHOLDER),
    }


def source(ds: Dataset, *, root: Path, file: str) -> tuple[str, dict]:
    root = root.resolve()
    path = (root / file).resolve()
    try:
        refuse_links(root, root / "seeds")
    except NotARegularFile as exc:
        raise ScaffoldError(str(exc)) from None
    if not path.is_relative_to(root / "seeds") or not path.is_file():
        raise ScaffoldError(f"{file} is not a file under seeds/")
    sid = _next_id(ds, "source")
    rel = path.relative_to(root).as_posix()
    return sid, {
        "id": sid,
        "file": rel,
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "language": "ar",
        "outlet": {"shown": False},
        "title": {"shown": False, "text": dict(PLACEHOLDER)},
        "published": {"basis": "unknown", "reason": dict(PLACEHOLDER)},
    }


def contradiction(
    ds: Dataset, *, claims: list[str], detected_by: str = "manual", resolution: str = "unresolved"
) -> tuple[str, dict]:
    missing = [c for c in claims if c not in ds.claims]
    if missing:
        raise ScaffoldError(f"no such claim: {', '.join(missing)}")
    xid = _next_id(ds, "contradiction")
    return xid, {
        "id": xid,
        "claims": claims,
        "detected_by": detected_by,
        "resolution": resolution,
        "summary": dict(PLACEHOLDER),
        "explanation": dict(PLACEHOLDER),
    }


BUILDERS: dict[str, Callable[..., tuple[str, dict]]] = {
    "claim": claim,
    "entity": entity,
    "source": source,
    "contradiction": contradiction,
}


def create(root: Path, kind: str, **options) -> Path:
    """Make a new record of `kind` from the options its builder takes and write it; the new file."""
    ds = check(root).dataset
    if kind == "source":
        options["root"] = root
    rid, record = BUILDERS[kind](ds, **options)
    return write(root, ds, kind, rid, record)


def write(root: Path, ds: Dataset, kind: str, rid: str, record: dict) -> Path:
    """Write the record in canonical layout; never overwrite an existing file."""
    path = root / "facts" / ds.kinds.get(kind).folder / f"{rid}.yaml"
    try:
        refuse_links(root, path)  # a linked record folder would put the file outside the repository
        write_atomic(path, render(record, kind, Schemas(root / "schema")), exclusive=True)
    except FileExistsError:
        raise ScaffoldError(f"{path.relative_to(root)} exists already; nothing was written") from None
    except OSError as exc:
        raise ScaffoldError(f"{path.relative_to(root)}: {exc}; nothing was written") from None
    return path
