"""Ties the steps together: discover → load → validate (schema) → link → check (consistency) →
positions. `check` is the library's entry point for a whole dataset."""

from __future__ import annotations

import gc
import os
import stat
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import findings as F
from . import link
from .codes import ERROR, WARNING
from .consistency import Consistency
from .consistency import check as check_consistency
from .dataset import Dataset, Record
from .files import describe_mode
from .kinds import Kinds
from .loader import load_file
from .positions import PositionIndex
from .schemas import Schemas


@dataclass
class Result:
    """What a check found: the dataset of records that kept their schema (with the stored articles),
    every finding in file and line order, and the consistency rules' findings when they could run."""

    dataset: Dataset
    findings: list[F.Finding] = field(default_factory=list)
    files_checked: int = 0
    consistency: Consistency | None = None

    @property
    def errors(self) -> list[F.Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[F.Finding]:
        return [f for f in self.findings if f.severity == WARNING]


class InvalidDataset(Exception):
    """The data does not validate, so nothing may be built from it; `result` holds the findings."""

    def __init__(self, result: Result):
        super().__init__(f"the data does not validate ({len(result.errors)} errors); run `factcheck validate`")
        self.result = result


def find_root(start: Path | None = None) -> Path:
    """The repository root: the nearest folder at or above `start` that holds facts/ and schema/."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / "facts").is_dir() and (candidate / "schema").is_dir():
            return candidate
    return here


def _special(mode: int) -> str | None:
    """What an entry that is neither a regular file nor a folder is, in words; None for those two."""
    return None if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else describe_mode(mode)


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # os.fsdecode kept undecodable bytes as lone surrogates
        return False
    return True


def _misplaced(rel: str, name: str, in_record_folder: bool, kinds: Kinds) -> F.Finding:
    if in_record_folder and name.endswith(".yml"):
        problem, fix = "ends in .yml", f"Rename it to {name[:-4]}.yaml: records end in .yaml."
    elif in_record_folder:
        problem, fix = (
            "is not a .yaml record",
            "Records in this folder end in .yaml; move any other file out of facts/.",
        )
    else:
        problem, fix = "is not in a record folder", f"Records live in {kinds.folder_list()} and end in .yaml."
    return F.make("FC010", rel, line=1, col=1, file=rel, problem=problem, fix=fix)


def discover(root: Path, kinds: Kinds) -> tuple[list[tuple[Path, str, str]], list[F.Finding]]:
    """(file, path relative to root, kind) of every record under facts/, and findings for files
    in the wrong place or that are not regular files.

    Nothing is followed or opened on the way: entries are judged by `lstat`, so a link to a file
    outside the dataset, a named pipe or a device is refused before anything reads it.
    """
    files, problems = [], []
    facts = root / "facts"
    what = _special(os.lstat(facts).st_mode) if os.path.lexists(facts) else None
    if what:
        return [], [F.make("FC013", "facts", line=1, col=1, file="facts", what=what)]
    pending = [facts] if facts.is_dir() else []
    while pending:
        folder = pending.pop()
        rel_dir = folder.relative_to(root).as_posix()
        parts = rel_dir.split("/")
        registered = kinds.by_folder(parts[1]) if len(parts) > 1 else None
        kind = registered.name if registered else None
        with os.scandir(folder) as entries:
            listing = sorted(entries, key=lambda e: e.name)
        for entry in listing:
            if entry.name.startswith("."):
                continue
            rel = f"{rel_dir}/{entry.name}"
            what = _special(entry.stat(follow_symlinks=False).st_mode)
            if not _is_utf8(entry.name):
                problems.append(
                    F.make(
                        "FC010",
                        rel,
                        line=1,
                        col=1,
                        file=rel,
                        problem="has a name that is not UTF-8 text",
                        fix="Rename it in UTF-8: record files are named by their ids (a-z, 0-9 and -).",
                    )
                )
            elif what:
                problems.append(F.make("FC013", rel, line=1, col=1, file=rel, what=what))
            elif entry.is_dir(follow_symlinks=False):
                pending.append(Path(entry.path))
            elif kind is None or not entry.name.endswith(".yaml"):
                problems.append(_misplaced(rel, entry.name, kind is not None, kinds))
            else:
                files.append((Path(entry.path), rel, kind))
    files.sort(key=lambda f: f[1])
    return files, problems


@contextmanager
def paused_gc():
    """Loading builds millions of long-lived objects and no reference cycles; Python's cyclic
    collector would rescan them over and over, making time grow faster than the data. It waits
    until the check is done (reference counting still frees everything as usual)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check(root: Path | str, only: list[str] | None = None, changed: set[str] | None = None) -> Result:
    """Check the dataset of the repository at `root`: every finding, in file and line order.
    `only` (paths relative to root) or `changed` (paths a change added, edited or deleted) limit
    which findings are reported, never what is checked."""
    with paused_gc():
        return _check(Path(root), only, changed)


def load(root: Path | str) -> Dataset:
    """The dataset of the repository at `root`, for exports, pages and analyses: every record and
    stored article. Raise InvalidDataset (with the findings) if it does not validate."""
    result = check(root)
    if result.errors:
        raise InvalidDataset(result)
    return result.dataset


def _check(root: Path, only: list[str] | None, changed: set[str] | None) -> Result:
    """Check the whole dataset under `root`; report only findings in `only` paths if given, or
    only findings that a change touches if `changed` (paths, deleted ones included) is given.

    Cross-record checks always see the whole dataset, so restricting the report never hides a
    conflict with a record outside it.
    """
    schemas = Schemas(root / "schema")
    files, findings = discover(root, schemas.kinds)
    dataset = Dataset(root, schemas.kinds)
    texts: dict[str, str] = {}
    with_ids: list[Record] = []
    for file, rel, kind in files:
        loaded = load_file(file, rel)
        findings.extend(loaded.findings)
        if loaded.text is not None:
            texts[rel] = loaded.text
        data = loaded.data
        if not loaded.ok or data is None or loaded.text is None:
            continue
        problems = schemas.validate(kind, data, rel, has_float=loaded.has_float)
        findings.extend(problems)
        if isinstance(data.get("id"), str):
            rec = Record(kind, data["id"], rel, data, loaded.text, valid=not problems)
            with_ids.append(rec)
            dataset.add(rec)

    # A record that failed to load is known by its file name, so references to it do not also
    # report it missing: the file's own finding says what is wrong.
    known: dict[str, set[str]] = {kind: set() for kind in schemas.kinds.names()}
    for rec in with_ids:
        known[rec.kind].add(rec.id)
    for _, rel, kind in files:
        known[kind].add(rel.rsplit("/", 1)[-1].removesuffix(".yaml"))
    findings.extend(link.run(dataset, schemas, with_ids, known))

    valid = dataset.valid_only()
    consistency = None
    if not any(f.severity == ERROR for f in findings):
        # The rules compare records, so they run on a dataset whose every record is sound.
        consistency = check_consistency(valid)
        findings.extend(consistency.undocumented)
        findings.extend(consistency.stale)

    if only:
        prefixes = [p.rstrip("/") for p in only]
        findings = [f for f in findings if any(f.path == p or f.path.startswith(p + "/") for p in prefixes)]
    if changed is not None:
        # A changed stored article concerns the source record that names it.
        changed = changed | {src.path for src in dataset.sources.values() if src.valid and src.data["file"] in changed}
        findings = [f for f in findings if touches(f, changed)]
    resolve_positions(findings, texts)
    findings.sort(key=lambda f: (f.path, f.line or 0, f.col or 0, f.code))
    return Result(valid, findings, len(files), consistency)


def touches(finding: F.Finding, changed: set[str]) -> bool:
    """Whether a change (paths of added, edited or deleted records) concerns a finding: it is in a
    changed file, points at one, or involves a record whose file changed."""
    if finding.path in changed or any(loc.path in changed for loc in finding.related):
        return True
    ids = {p.rsplit("/", 1)[-1].removesuffix(".yaml") for p in changed}
    return bool(ids & {*finding.claims, *finding.entities, *finding.sources})


def resolve_positions(findings: list[F.Finding], texts: dict[str, str]) -> None:
    indexes: dict[str, PositionIndex] = {}

    def locate(path, pointer, on_key=False):
        index = indexes.get(path) or indexes.setdefault(path, PositionIndex(texts[path]))
        return index.locate(pointer, on_key)

    for f in findings:
        if f.line is None and f.pointer is not None and f.path in texts:
            f.line, f.col = locate(f.path, f.pointer, f.on_key)
        for loc in f.related:
            if loc.line is None and loc.path in texts:
                loc.line = locate(loc.path, loc.pointer)[0]
