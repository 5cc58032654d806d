"""Ids: each equals its file name and is unique within its kind (FC201, FC202)."""

from __future__ import annotations

from .. import findings as F
from ..dataset import Record


def check_ids(candidates: list[Record]) -> list[F.Finding]:
    """`candidates` holds every record with an id."""
    out: list[F.Finding] = []
    first: dict[tuple[str, str], Record] = {}
    for rec in candidates:
        stem = rec.path.rsplit("/", 1)[-1].removesuffix(".yaml")
        if rec.id != stem:
            out.append(F.make("FC201", rec.path, pointer=("id",), id=rec.id, stem=stem))
        key = (rec.kind, rec.id)
        if key in first:
            out.append(F.make("FC202", rec.path, pointer=("id",), kind=rec.kind, id=rec.id, other=first[key].path))
        else:
            first[key] = rec
    return out
