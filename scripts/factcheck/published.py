"""What a change does to records already published (`validate --changed BASE`, BASE being what
the site last published): readers must see every change to a published claim's verdict, value or
statement in its `changes` log (FC501), and a published record may not disappear without a
tombstone that keeps its address (FC502)."""

from __future__ import annotations

from pathlib import Path

import yaml

from . import findings as F
from .changes import published_text
from .checker import resolve_positions
from .dataset import Dataset

# The fields whose change a reader of a published record must be told of, by kind.
WATCHED = {"claim": (("verdict", "rating"), ("value",), ("statement",))}


def _field(data: dict, path: tuple[str, ...]):
    value: object = data
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def check(root: Path, commit: str, base: str, ds: Dataset, changed: set[str]) -> list[F.Finding]:
    """Findings for the records in `changed` (paths) that `commit` (what `base` names) published."""
    out: list[F.Finding] = []
    by_path = {rec.path: rec for rec in ds.all_records()}
    tombstones = {(t.data["kind"], tid) for tid, t in ds.records.get("withdrawn", {}).items() if t.valid}
    texts = {}
    for path in sorted(changed):
        kind = ds.kinds.by_folder(path.split("/")[1]) if path.startswith("facts/") and path.count("/") == 2 else None
        if kind is None or not path.endswith(".yaml"):
            continue
        before = published_text(root, commit, path)
        if before is None:
            continue  # new since base: nothing published yet
        rec = by_path.get(path)
        rid = path.rsplit("/", 1)[-1].removesuffix(".yaml")
        if rec is None:
            if not (root / path).exists() and (kind.name, rid) not in tombstones and kind.name != "withdrawn":
                out.append(F.make("FC502", path, line=1, col=1, kind=kind.name, id=rid, base=base))
            continue
        try:
            old = yaml.safe_load(before)
        except yaml.YAMLError:
            continue  # base held a broken file: nothing a reader saw
        if not isinstance(old, dict):
            continue
        moved = [f for f in WATCHED.get(kind.name, ()) if _field(old, f) != _field(rec.data, f)]
        if moved and len(rec.data.get("changes", ())) <= len(old.get("changes") or ()):
            # At the log if there is one, else at the first field that changed.
            pointer = ("changes",) if "changes" in rec.data else moved[0][:1]
            out.append(
                F.make(
                    "FC501",
                    path,
                    pointer=pointer,
                    fields=", ".join(".".join(f) for f in moved),
                    kind=kind.name,
                    base=base,
                )
            )
            texts[path] = rec.text
    resolve_positions(out, texts)
    return out
