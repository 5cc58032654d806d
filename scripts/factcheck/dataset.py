"""The loaded dataset: records by kind and id, and the stored articles they quote."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .kinds import Kinds
from .textnorm import normalize


def leaves(value, path: str = "", *, bilingual_whole: bool = False):
    """(dotted path, value) of every leaf of a record's data, e.g. ("evidence[0].quote", "…"); an
    empty list or mapping is a leaf; with `bilingual_whole`, an {ar, en} mapping of texts is one leaf."""
    bilingual = (
        isinstance(value, dict) and set(value) == {"ar", "en"} and all(isinstance(v, str) for v in value.values())
    )
    if value == [] or value == {}:
        yield path, value
    elif isinstance(value, dict) and not (bilingual_whole and bilingual):
        for key, inner in value.items():
            yield from leaves(inner, f"{path}.{key}" if path else key, bilingual_whole=bilingual_whole)
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from leaves(inner, f"{path}[{i}]", bilingual_whole=bilingual_whole)
    else:
        yield path, value


@dataclass
class Record:
    kind: str
    id: str
    path: str
    data: dict
    text: str
    valid: bool = True  # False when the record broke its schema: later checks must not trust its shape
    derived: dict = field(default_factory=dict, repr=False, compare=False)  # values computed once per run


@dataclass
class Article:
    """A stored source article split into paragraphs: the non-empty lines, counted from 1."""

    file: str  # relative to the repository root
    text: str
    paragraphs: list[str] = field(init=False)
    normalized: list[str] = field(init=False)
    joined: str = field(init=False)
    fingerprint: str = field(init=False)  # the same for two copies of one article, whatever their bytes

    def __post_init__(self):
        self.paragraphs = [line for line in self.text.split("\n") if line.strip()]
        self.normalized = [normalize(p) for p in self.paragraphs]
        self.joined = "\n".join(self.normalized)  # for spellings, which may stand in any paragraph
        self.fingerprint = hashlib.sha256(self.joined.encode("utf-8")).hexdigest()


class RecordsOf:
    """A Dataset attribute that is the records of one kind, by id."""

    def __init__(self, kind: str):
        self.kind = kind

    def __get__(self, dataset: Dataset, owner: type | None = None) -> dict[str, Record]:
        return dataset.records[self.kind]


@dataclass
class Dataset:
    root: Path
    kinds: Kinds  # the registry: which kinds of record there are and where they live
    records: dict[str, dict[str, Record]] = field(init=False)  # kind -> id -> record
    articles: dict[str, Article] = field(default_factory=dict)  # by source id
    derived: dict = field(default_factory=dict, repr=False, compare=False)  # lookups computed once per run

    def __post_init__(self):
        self.records = {name: {} for name in self.kinds.names()}

    # The core kinds' records by id, e.g. `dataset.claims["c-000-001"]`; any kind: `records[name]`.
    claims = RecordsOf("claim")
    entities = RecordsOf("entity")
    sources = RecordsOf("source")
    contradictions = RecordsOf("contradiction")
    properties = RecordsOf("property")

    def add(self, record: Record) -> None:
        self.records[record.kind].setdefault(record.id, record)

    def valid_record(self, kind: str, rid) -> Record | None:
        """The record of `kind` with id `rid` if it kept its schema, else None."""
        rec = self.records[kind].get(rid) if isinstance(rid, str) else None
        return rec if rec is not None and rec.valid else None

    def all_records(self):
        for records in self.records.values():
            yield from records.values()

    def valid_only(self) -> Dataset:
        """The dataset without records that broke their schema (for rules, pages and exports)."""
        ds = Dataset(self.root, self.kinds, articles=self.articles)
        for rec in self.all_records():
            if rec.valid:
                ds.add(rec)
        return ds

    def article_identity(self, source_id: str) -> str:
        """What makes an article itself: its normalised text (a source whose article is not at hand
        is known only by its id), so two source records of one article count as one source."""
        article = self.articles.get(source_id)
        return article.fingerprint if article is not None else f"id:{source_id}"
