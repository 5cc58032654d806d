"""Linking, the step after schema validation: what one record says about others and about the
stored articles. Ids and file names, references, dates, the stored articles themselves, and every
quote against its article; each concern is a module of its own.

`run` is the step's one entry point; it adds the stored articles to the dataset for later steps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .. import findings as F
from ..dataset import Dataset, Record
from ..schemas import Schemas
from . import articles, dates, ids, placeholders, quotes, references, withdrawn


def run(ds: Dataset, schemas: Schemas, with_ids: list[Record], known: dict[str, set[str]]) -> list[F.Finding]:
    """Every linking finding. `with_ids` holds each record that has an id, valid or not; `known`
    the ids of every record that loaded (or whose file exists), so one broken record does not make
    every reference to it dangle."""
    out = ids.check_ids(with_ids)
    out.extend(withdrawn.check(ds))
    out.extend(articles.read_articles(ds))
    for rec in ds.all_records():
        out.extend(placeholders.check(rec))
        out.extend(_guarded(rec, dates.check, schemas, rec))
        out.extend(_guarded(rec, references.check, ds, schemas, known, rec))
        out.extend(_guarded(rec, quotes.check, ds, schemas, rec))
    return out


def _guarded(rec: Record, check_fn: Callable[..., Iterable[F.Finding]], *args) -> list[F.Finding]:
    """Run a per-record check; on a record that broke its schema, skip what its shape prevents.

    The schema findings already say what is wrong; the other checks still report what they can,
    so a contributor sees every mistake in one pass.
    """
    if rec.valid:
        return list(check_fn(*args))
    try:
        return list(check_fn(*args))
    except (KeyError, TypeError, AttributeError, IndexError, ValueError):
        return []
