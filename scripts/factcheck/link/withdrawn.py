"""Withdrawn records (tombstones): their ids stay taken (FC209) and a replacement names a record of
the same kind (FC210)."""

from __future__ import annotations

from .. import findings as F
from ..dataset import Dataset


def check(ds: Dataset) -> list[F.Finding]:
    out: list[F.Finding] = []
    for tid, tombstone in sorted(ds.records.get("withdrawn", {}).items()):
        if not tombstone.valid:
            continue
        kind = tombstone.data["kind"]
        live = ds.records[kind].get(tid)
        if live is not None:
            out.append(F.make("FC209", live.path, pointer=("id",), kind=kind, id=tid, tombstone=tombstone.path))
        ref = tombstone.data.get("replaced_by")
        if ref is not None and ds.valid_record(kind, ref) is None:
            folder = ds.kinds.get(kind).folder
            out.append(F.make("FC210", tombstone.path, pointer=("replaced_by",), ref=ref, kind=kind, folder=folder))
    return out
