"""Mutation fuzz: real records with one scalar turned into a hostile form at a time.

Every scalar of a real record of each kind (a claim with a time span, a claim with a quantity, an
entity, a source, a contradiction, a property) is replaced, one at a time, by each hostile form
that fits it: a float or a huge number where a whole number is meant (one of them longer than
`int()` reads from text), infinity written `1e999`, negative zero, year 0 and impossible dates,
empty text, null, a list, a mapping, a trailing newline, surrounding spaces, a line separator,
bidi and invisible characters (as the character itself and as a YAML double-quoted escape), a
terminal escape, 5,000 characters, an ellipsis alone, a spreadsheet formula.

After each mutation `validate` (text, JSON and GitHub formats), `export`, `report` (JSON and
text) and the site generator must end in findings, never in a traceback:

- every command exits 0 or 1 (2 is a usage error, which none of these runs is);
- the JSON they print or write is strict JSON (no NaN, no Infinity);
- the site generator builds the pages when validate exits 0, and refuses (SiteError) otherwise.

The enumeration is deterministic: every scalar path × every form that fits its type (claims get
every form, the other kinds the core ones; lists through their first item, the others have the
same shape; a second record of a kind adds only the paths the first lacks). All failures are
collected and reported grouped by crash site, so one run shows every crash.

To stay well under a minute (about 35 s on 2 cores), the repository is the test fixture without
the entities no kept record names and the properties no kept claim uses, the commands of one
mutation share one `check` of the data, and the argument parser is built once. The commands' own
code (reporters, export, report, page generation) runs for real each time; `check` is
deterministic and runs once per mutation.
"""

from __future__ import annotations

import copy
import io
import json
import re
import shutil
import traceback
from collections import defaultdict
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
import yaml

from conftest import REPO, make_repo
from factcheck.cli import main
from factcheck.loader import parse_text

pytestmark = pytest.mark.fuzz

PLACEHOLDER = "zzhostilezz"  # a plain scalar no record holds; replaced by raw YAML text
DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}){0,2}$")


def raw(text: str):
    """A form written into the YAML text as it stands: escapes, numbers PyYAML cannot write."""
    return ("raw", text)


# (name, which scalars it replaces, core, form). The form is a Python value written with
# yaml.safe_dump, a function of the original value, or raw YAML text. "any": every scalar; "num":
# numbers; "text": text (dates included); "date": text that is a date. Claims get every form; the
# other kinds the core ones.
FORMS = [
    ("float 1.0", "any", True, 1.0),
    ("huge int 10**400", "any", True, 10**400),
    ("int of 4,401 digits (longer than int() reads)", "any", True, raw("1" + "0" * 4400)),
    ("1e999 (infinity)", "any", True, raw("1e999")),
    ("true", "any", True, True),
    ("empty text", "any", True, ""),
    ("null", "any", True, None),
    ("empty list", "any", True, []),
    ("empty mapping", "any", True, {}),
    ("original + trailing newline", "any", True, lambda v: f"{v}\n"),
    ("5,000 characters", "any", True, "x" * 5000),
    ("float 2.5", "num", True, 2.5),
    ("-1e999 (minus infinity)", "num", True, raw("-1e999")),
    ("-0", "num", True, raw("-0")),
    ("zero", "num", True, 0),
    ("huge int 10**20", "num", False, 10**20),
    ("-0.0", "num", False, raw("-0.0")),
    ("negative int", "num", False, -7),
    ("year 0000 as text", "num", False, "0000"),
    ("original + leading space", "text", True, lambda v: f" {v}"),
    ('escape "\\u202e"', "text", True, raw('"\\u202e"')),
    ('escape "\\u2028"', "text", True, raw('"\\u2028"')),
    ("ellipsis alone", "text", True, "…"),
    ("spreadsheet formula", "text", True, '=HYPERLINK("x")'),
    ("4,000 characters (the longest text allowed)", "text", True, "x" * 4000),
    ("x + trailing newline", "text", False, "x\n"),
    ("original + trailing space", "text", False, lambda v: f"{v} "),
    ("original + U+2028 + original", "text", False, lambda v: f"{v}\u2028{v}"),
    ("bidi override U+202E (character)", "text", False, "\u202e"),
    ("line separator U+2028 (character)", "text", False, "\u2028"),
    ("zero-width space U+200B (character)", "text", False, "\u200b"),
    ('escape "x\\u2029y" (paragraph separator)', "text", False, raw('"x\\u2029y"')),
    ('escape "\\u200b"', "text", False, raw('"\\u200b"')),
    ('escape "a\\Nb" (next line U+0085)', "text", False, raw('"a\\Nb"')),
    ('escape "\\0" (NUL)', "text", False, raw('"\\0"')),
    ('escape "\\e[31m" (terminal escape)', "text", False, raw('"\\e[31m"')),
    ("year 0000", "date", True, "0000"),
    ("month 13", "date", True, "2020-13"),
    ("30 February", "date", True, "2020-02-30"),
    ("date 0000-01-01", "date", False, "0000-01-01"),
]

# (name, path in the repository, file to copy in first, or None when the fixture repository has it)
TARGETS = [
    ("claim with a span", "facts/claims/c-000-901.yaml", None),
    ("claim with a quantity", "facts/claims/c-003-032.yaml", REPO / "facts/claims/c-003-032.yaml"),
    ("entity", "facts/entities/abdulrazek-al-nadhuri.yaml", None),
    ("source", "facts/sources/src-001.yaml", None),
    ("contradiction", "facts/contradictions/x-haftar-bare-surname.yaml", None),
    ("property", "facts/properties/held-in.yaml", None),
]


def scalar_paths(node, prefix=()):
    """Paths to every scalar; lists are entered through their first item only."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from scalar_paths(value, prefix + (key,))
    elif isinstance(node, list):
        if node:
            yield from scalar_paths(node[0], prefix + (0,))
    else:
        yield prefix


def forms_for(value, every: bool) -> list[tuple[str, object]]:
    if isinstance(value, bool):
        kinds = {"any"}
    elif isinstance(value, (int, float)):
        kinds = {"any", "num"}
    elif isinstance(value, str):
        kinds = {"any", "text", "date"} if DATE.match(value) else {"any", "text"}
    else:
        kinds = {"any"}
    return [
        (name, form)
        for name, kind, core, form in FORMS
        if kind in kinds and (core or every) and not (isinstance(value, bool) and form is True)
    ]


def _get(data, path):
    for part in path:
        data = data[part]
    return data


def _set(data, path, value):
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def dump(data) -> str:
    return yaml.dump(
        data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, sort_keys=False, width=10**6
    )


def mutated_text(data: dict, path: tuple, form) -> str:
    data = copy.deepcopy(data)
    if isinstance(form, tuple) and form[0] == "raw":
        _set(data, path, PLACEHOLDER)
        text = dump(data)
        assert text.count(PLACEHOLDER) == 1
        return text.replace(PLACEHOLDER, form[1])
    _set(data, path, form(_get(data, path)) if callable(form) else form)
    return dump(data)


# ---- running the tools


def _no_constant(name):
    raise ValueError(f"non-standard JSON constant {name}")


def strict_json(text: str):
    return json.loads(text, parse_constant=_no_constant)


class SharedCheck:
    """`check` run once per mutation and shared by the commands that follow (reset between)."""

    def __init__(self, real):
        self.real = real
        self.outcome = None

    def reset(self):
        self.outcome = None

    def __call__(self, root, only=None, changed=None):
        if only or changed is not None:
            return self.real(root, only, changed)
        if self.outcome is None:
            try:
                self.outcome = ("ok", self.real(root))
            except Exception as exc:  # noqa: BLE001 - re-raised for every command that asks
                self.outcome = ("raised", exc)
        kind, value = self.outcome
        if kind == "raised":
            raise value
        return value


def crash_site(exc: BaseException) -> str:
    """Where an exception was raised, and the last frame in the project's code on the way."""
    frames = traceback.extract_tb(exc.__traceback__)
    last = frames[-1]
    ours = [f for f in frames if "/factcheck/" in f.filename.replace("\\", "/")]
    where = f"{Path(last.filename).name}:{last.lineno} {last.name}"
    if ours and ours[-1] is not last:
        where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno} {ours[-1].name} -> {where}"
    return where


def _cli(root: Path, *args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(["--root", str(root), *args])
    return status, out.getvalue()


def check_json_files(folder: Path, label: str, step) -> None:
    """Every .json file of `folder` is strict JSON, and every line of every .jsonl file."""
    for file in sorted(folder.glob("*.json*")):
        text = file.read_text(encoding="utf-8")
        # JSON Lines end at "\n" only: U+2028 and the like may stand inside a string.
        lines = [line for line in text.split("\n") if line] if file.suffix == ".jsonl" else [text]
        step(f"{label} {file.name} is not strict JSON", lambda lines=lines: [strict_json(x) for x in lines])


def exercise(root: Path, scratch: Path, shared: SharedCheck) -> list[tuple[str, str]]:
    """Run every tool on the repository: (crash class, detail) of what went wrong, if anything."""
    from factcheck.site import build as site_build

    problems: list[tuple[str, str]] = []
    shared.reset()

    def step(name, fn):
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 - every crash is a finding of this test
            problems.append((f"{name}: {type(exc).__name__} at {crash_site(exc)}", str(exc)[:200]))
            return None

    def command(name, *args, json_when=()):
        """Run a command; its output must be strict JSON when it exits with a status in json_when."""
        result = step(name, lambda: _cli(root, *args))
        if result is None:
            return None
        status, out = result
        if status not in (0, 1):
            problems.append((f"{name}: exit status {status}", out[-200:]))
        elif status in json_when:
            step(f"{name} output is not strict JSON", lambda: strict_json(out))
        return status

    status = command("validate", "validate")
    if shared.outcome and shared.outcome[0] == "raised":  # every command would raise the same
        exc = shared.outcome[1]
        return [(f"check (every command): {type(exc).__name__} at {crash_site(exc)}", str(exc)[:200])]
    command("validate --format json", "validate", "--format", "json", json_when=(0, 1))
    command("validate --format github", "validate", "--format", "github")
    out_dir = scratch / "export"
    shutil.rmtree(out_dir, ignore_errors=True)
    if command("export", "export", str(out_dir)) == 0:
        check_json_files(out_dir, "export", step)
    command("report --format json", "report", "--format", "json", json_when=(0,))  # else the findings, as text
    command("report", "report")

    docs = scratch / "docs"  # kept between mutations: only changed pages are written again
    if status == 0:
        if step("site generator", lambda: site_build.generate(root, docs)) is not None:
            check_json_files(docs / "data", "site download", step)
    elif status == 1:

        def refused():
            try:
                site_build.generate(root, scratch / "docs-refused")
            except site_build.SiteError:
                return
            raise AssertionError("the site generator built pages from data that does not validate")

        step("site generator on invalid data", refused)
    return problems


# ---- the repository


def _strings(node):
    if isinstance(node, dict):
        for v in node.values():
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)
    elif isinstance(node, str):
        yield node


def small_repo(root: Path) -> Path:
    """The fixture repository with the targets copied in, less the entities no kept record names
    and the properties no kept claim uses (loading is most of a check's time)."""
    make_repo(root)
    for _, rel, copy_from in TARGETS:
        if copy_from is not None:
            shutil.copy(copy_from, root / rel)
    entities = {p.stem: p for p in (root / "facts/entities").glob("*.yaml")}
    keep = {Path(rel).stem for _, rel, _ in TARGETS if rel.startswith("facts/entities/")}
    todo = [p for folder in ("claims", "contradictions") for p in (root / "facts" / folder).glob("*.yaml")]
    todo += [entities[e] for e in keep]
    seen = set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for s in _strings(parse_text(path.read_text(encoding="utf-8"), path.name)):
            if s in entities and s not in keep:
                keep.add(s)
                todo.append(entities[s])
    for eid, path in entities.items():
        if eid not in keep:
            path.unlink()
    used = {
        parse_text(p.read_text(encoding="utf-8"), p.name)["property"] for p in (root / "facts/claims").glob("*.yaml")
    }
    used |= {Path(rel).stem for _, rel, _ in TARGETS if rel.startswith("facts/properties/")}
    for path in (root / "facts/properties").glob("*.yaml"):
        if path.stem not in used:
            path.unlink()
    return root


@pytest.fixture(scope="module")
def base_repo(tmp_path_factory) -> Path:
    return small_repo(tmp_path_factory.mktemp("mutation") / "repo")


@pytest.fixture
def shared_check(monkeypatch):
    """One check per mutation for all the commands, and the argument parser built once (building
    it costs more than checking the small repository)."""
    from factcheck import checker, cli, scaffold

    shared = SharedCheck(checker.check)
    for module in (checker, cli, scaffold):  # checker's own `load` (exports, coverage, the site) included
        monkeypatch.setattr(module, "check", shared)
    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    return shared


def mutations(root: Path, rel: str):
    """(path, form name, form) of every mutation of the record at `rel`. Claims get every form,
    the other kinds the core ones; a second record of a kind adds only the paths the first lacks."""
    folder = rel.split("/")[1]
    earlier: set[tuple] = set()
    for _, other, _ in TARGETS:
        if other == rel:
            break
        if other.split("/")[1] == folder:
            earlier.update(scalar_paths(parse_text((root / other).read_text(encoding="utf-8"), other)))
    data = parse_text((root / rel).read_text(encoding="utf-8"), rel)
    for path in scalar_paths(data):
        if path not in earlier:
            for form_name, form in forms_for(_get(data, path), every=folder == "claims"):
                yield path, form_name, form


def _report(failures: dict[str, list[str]]) -> str:
    lines = [f"{sum(map(len, failures.values()))} failures in {len(failures)} classes:"]
    for cls, cases in sorted(failures.items(), key=lambda kv: -len(kv[1])):
        lines.append(f"\n[{len(cases)}x] {cls}")
        lines += [f"    {case}" for case in cases[:6]]
        if len(cases) > 6:
            lines.append(f"    ... and {len(cases) - 6} more")
    return "\n".join(lines)


def test_the_repository_and_its_round_trip_are_clean(base_repo, tmp_path, shared_check):
    """The controls: unmutated, and each target merely re-written by yaml.safe_dump, all is clean."""
    assert exercise(base_repo, tmp_path, shared_check) == []
    assert _cli(base_repo, "validate")[0] == 0
    for _, rel, _ in TARGETS:
        file = base_repo / rel
        original = file.read_text(encoding="utf-8")
        try:
            file.write_text(dump(parse_text(original, rel)), encoding="utf-8")
            assert exercise(base_repo, tmp_path, shared_check) == []
            status, out = _cli(base_repo, "validate")
            assert status == 0, out
        finally:
            file.write_text(original, encoding="utf-8")


@pytest.mark.parametrize("rel", [rel for _, rel, _ in TARGETS], ids=[name for name, _, _ in TARGETS])
def test_hostile_scalars_end_in_findings_never_a_traceback(base_repo, tmp_path, shared_check, rel):
    file = base_repo / rel
    original = file.read_text(encoding="utf-8")
    data = parse_text(original, rel)
    failures: dict[str, list[str]] = defaultdict(list)
    try:
        for path, form_name, form in list(mutations(base_repo, rel)):
            file.write_text(mutated_text(data, path, form), encoding="utf-8")
            for cls, detail in exercise(base_repo, tmp_path, shared_check):
                failures[cls].append(f"{'.'.join(map(str, path))} <- {form_name}: {detail}")
    finally:
        file.write_text(original, encoding="utf-8")
    if failures:
        print(_report(failures))
    assert not failures, _report(failures)
