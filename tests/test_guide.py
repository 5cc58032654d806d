"""The contributor guide is the manual, and it is tested (as sqlite-utils checks its docs against its CLI).

Worked examples are the fenced blocks right after an HTML comment marker, so that only they run:

    <!-- example -->                    a ```sh block: every line exits 0
    <!-- example exit=1 codes=FC106 --> every line exits 1, and the findings are exactly these codes
    <!-- example file=PATH -->          a ```yaml block: the record PATH once its placeholders are filled
    <!-- record file=PATH -->           a ```yaml block that shows the repository's record PATH as it is

Example blocks run in order, on a copy of schema/, seeds/ and facts/: `factcheck …` through the
in-process CLI, while `make …`, `pre-commit …` and `. .venv/bin/activate` are checked (the target,
the hook configuration, the venv) rather than run. Every other `factcheck` command, flag and
`make` target the guides mention must exist, and both languages must say the same commands.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import shlex
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
import yaml

from factcheck.cli import build_parser, main
from factcheck.dataset import leaves

pytestmark = pytest.mark.acceptance

REPO = Path(__file__).resolve().parents[1]
GUIDES = {"ar": REPO / "docs/contribute.md", "en": REPO / "docs/contribute.en.md"}
CONTRIBUTING = REPO / ".github/CONTRIBUTING.md"
README = REPO / "README.md"
ALL_GUIDES = [*GUIDES.values(), CONTRIBUTING, README]
MARKER = re.compile(
    r"<!--\s*(example|record)\b(?P<args>[^>]*?)-->\s*\n(?:[ \t]*\n)*"
    r"```(?P<lang>\w+)\n(?P<body>.*?)\n```",
    re.DOTALL,
)
FENCE = re.compile(r"^```\w*\n(.*?)\n```", re.DOTALL | re.MULTILINE)
SPAN = re.compile(r"`([^`\n]+)`")


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def blocks(path: Path) -> list[dict]:
    """The marked blocks of a guide, in order: kind, lang, body and the marker's key=value arguments."""
    out = []
    for m in MARKER.finditer(text(path)):
        args = {key: value for key, _, value in (a.partition("=") for a in m["args"].split())}
        out.append({"kind": m[1], "lang": m["lang"], "body": m["body"], **args})
    return out


def commands(body: str) -> list[list[str]]:
    """The command lines of a shell block, continuation lines joined, comments dropped, split at && ."""
    out: list[list[str]] = []
    for line in body.replace("\\\n", " ").splitlines():
        words = shlex.split(line, comments=True)
        while words:
            n = words.index("&&") if "&&" in words else len(words)
            out.append(words[:n])
            words = words[n + 1 :]
    return [c for c in out if c]


def code_of(path: Path) -> list[str]:
    """What a guide shows as code: every line of its fenced blocks and every inline code span."""
    doc = text(path)
    lines = [line for body in FENCE.findall(doc) for line in body.splitlines()]
    prose = FENCE.sub("", doc)
    return lines + SPAN.findall(prose)


def makefile_targets() -> set[str]:
    targets: set[str] = set()
    for line in text(REPO / "Makefile").splitlines():
        if m := re.match(r"^([A-Za-z0-9_.-]+(?:\s+[A-Za-z0-9_.-]+)*)\s*:(?![:=])", line):
            targets.update(m[1].split())
        if line.startswith(".PHONY:"):
            targets.update(line.split(":", 1)[1].split())
    return targets - {".PHONY"}


def subcommands() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return parser, dict(sub.choices)


# ---- what the guides mention

FACTCHECK = re.compile(r"(?:^|[\s;&|(/])factcheck((?:\s+[^\s;&|#`]+)*)")
MAKE = re.compile(r"(?:^|[\s;&|(])make\s+([a-z][\w-]*)")


def mentions(path: Path) -> tuple[set[tuple[str, ...]], set[str]]:
    """(factcheck command, flag or positional choice) pairs and make targets that a guide mentions."""
    said: set[tuple[str, ...]] = set()
    targets: set[str] = set()
    for code in code_of(path):
        code = code.split(" #", 1)[0]
        for m in FACTCHECK.finditer(code):
            words = [w.strip("[]") for w in m[1].split()]
            if not words or words[0] in {"…", "COMMAND"}:
                said.add(("",))
                continue
            command = "" if words[0].startswith("-") else words[0]
            said.add((command,))
            args = words if command == "" else words[1:]
            if command and args and re.fullmatch(r"[a-z]+", args[0]):
                said.add((command, args[0]))  # a positional choice, as in `factcheck new claim`
            said.update((command, w.split("=", 1)[0]) for w in args if w.startswith("-"))
        targets.update(MAKE.findall(code))
    return said, targets


def test_every_factcheck_command_and_flag_the_guides_mention_exists():
    parser, subs = subcommands()
    top = set(parser._option_string_actions)
    for path in ALL_GUIDES:
        said, _ = mentions(path)
        assert said, f"{path.name} mentions no factcheck command"
        for command, *rest in sorted(said):
            if command == "":
                assert not rest or rest[0] in top, f"{path.name}: `factcheck {rest[0]}` is not an option"
                continue
            assert command in subs, f"{path.name}: `factcheck {command}` is not a command ({', '.join(subs)})"
            if rest:
                sub = subs[command]
                choices = {c for a in sub._actions if a.choices and not a.option_strings for c in a.choices}
                if not rest[0].startswith("-") and not choices:
                    continue  # a free positional argument, such as export's OUT_DIR
                assert rest[0] in set(sub._option_string_actions) | choices, (
                    f"{path.name}: `factcheck {command} {rest[0]}` is not in `factcheck {command} --help`"
                )


def test_every_flag_the_contributor_guides_show_is_a_factcheck_option():
    """A flag shown on its own (`--value`) is an option of factcheck or of one of its commands."""
    parser, subs = subcommands()
    options = set(parser._option_string_actions).union(*(s._option_string_actions for s in subs.values()))
    for path in [*GUIDES.values(), CONTRIBUTING]:
        for code in code_of(path):
            for flag in re.findall(r"(?<![\w-])--[a-z][\w-]*", code.split(" #", 1)[0]):
                assert flag in options, f"{path.name}: `{flag}` is no factcheck option"


def test_every_make_target_the_guides_mention_exists():
    targets = makefile_targets()
    for path in ALL_GUIDES:
        for target in mentions(path)[1]:
            assert target in targets, f"{path.name}: `make {target}` is not a Makefile target"


def test_both_languages_say_the_same_commands():
    ar, en = (mentions(GUIDES[lang]) for lang in ("ar", "en"))
    assert ar[0] ^ en[0] == set() and ar[1] ^ en[1] == set(), f"only in one language: {ar[0] ^ en[0]} {ar[1] ^ en[1]}"
    ar_blocks, en_blocks = (blocks(GUIDES[lang]) for lang in ("ar", "en"))
    assert [(b["kind"], b.get("file"), b.get("exit"), b.get("codes")) for b in ar_blocks] == [
        (b["kind"], b.get("file"), b.get("exit"), b.get("codes")) for b in en_blocks
    ]
    for a, e in zip(ar_blocks, en_blocks, strict=True):
        if a["lang"] == "sh":
            assert commands(a["body"]) == commands(e["body"])
        else:
            assert yaml.safe_load(a["body"]) == yaml.safe_load(e["body"])


@pytest.mark.parametrize("path", [*GUIDES.values(), CONTRIBUTING, README], ids=lambda p: p.name)
def test_commands_are_plain_after_the_venv_is_activated(path):
    """The guide says once how to activate the venv, before its first command, and never mixes in .venv/bin/."""
    doc = text(path)
    assert ". .venv/bin/activate" in doc, "say how to activate the venv"
    first = re.search(r"^factcheck ", doc, re.MULTILINE)
    assert first and doc.index(". .venv/bin/activate") < first.start(), "activate before the first command"
    assert ".venv/bin/factcheck" not in doc and ".venv/bin/pre-commit" not in doc


# ---- the worked examples run


def run(root: Path, args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(out):
        try:
            status = main(["--root", str(root), *args])
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else 2
    return status, out.getvalue()


def check_line(words: list[str], root: Path, marker: dict) -> str:
    """Run or check one command of an example block; return its output."""
    if words[0] == "factcheck":
        status, out = run(root, words[1:])
        want = int(marker.get("exit", 0))
        assert status == want, f"`{shlex.join(words)}` exited {status}, the guide says {want}:\n{out}"
        if "codes" in marker:
            found = set(re.findall(r":\d+:\d+: (FC\d{3}) ", out))
            assert found == set(marker["codes"].split(",")), out
        return out
    if words[0] == "make":
        assert words[1] in makefile_targets(), f"`make {words[1]}` is not a Makefile target"
    elif words[0] == "pre-commit":
        config = yaml.safe_load(text(REPO / ".pre-commit-config.yaml"))
        entries = [hook["entry"] for repo in config["repos"] for hook in repo["hooks"]]
        assert words[1:] == ["install"], "the guide only installs the hooks"
        assert any("factcheck fmt" in e for e in entries) and any("factcheck validate" in e for e in entries)
    elif words[0] in {".", "source"}:
        assert words[1] == ".venv/bin/activate" and "VENV := .venv" in text(REPO / "Makefile")
    else:
        pytest.fail(f"an example runs only factcheck, make, pre-commit and the venv: `{shlex.join(words)}`")
    return ""


def fill(root: Path, marker: dict) -> None:
    """The guide's filled-in record replaces the skeleton `factcheck new` wrote: it may fill the
    placeholders validate names (FC106) and add fields, and changes nothing else."""
    rel = marker["file"]
    path = root / rel
    assert path.is_file(), f"the example before this one should have written {rel}"
    _, out = run(root, ["validate", "--format", "json", rel])
    placeholders = {  # findings name list items `evidence.0.quote`, leaves() `evidence[0].quote`
        re.sub(r"\.(\d+)", r"[\1]", f["message"].split(" still holds the placeholder", 1)[0])
        for f in json.loads(out)["findings"]
        if f["code"] == "FC106"
    }
    assert placeholders, "the skeleton holds placeholders for the guide to fill in"
    written = dict(leaves(yaml.safe_load(path.read_text(encoding="utf-8"))))
    shown = dict(leaves(yaml.safe_load(marker["body"])))
    for field, value in written.items():
        if field in placeholders:
            assert shown.get(field) not in (None, value), f"the guide leaves {field} unfilled"
        else:
            assert shown.get(field) == value, f"the guide changes {field}, which `factcheck new` wrote"
    path.write_text(marker["body"] + "\n", encoding="utf-8")


def repo_copy(tmp_path: Path) -> Path:
    for folder in ("schema", "seeds", "facts"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    return tmp_path


@pytest.mark.parametrize("lang", GUIDES)
def test_the_worked_example_runs_as_written(lang, tmp_path, monkeypatch):
    root = repo_copy(tmp_path)
    monkeypatch.chdir(root)
    examples = [b for b in blocks(GUIDES[lang]) if b["kind"] == "example"]
    assert any(b["lang"] == "yaml" for b in examples) and sum(b["lang"] == "sh" for b in examples) >= 3
    for marker in examples:
        if marker["lang"] == "sh":
            for words in commands(marker["body"]):
                check_line(words, root, marker)
        else:
            fill(root, marker)
    for marker in examples:
        if "file" in marker:  # the guide shows the record as fmt leaves it
            assert (root / marker["file"]).read_text(encoding="utf-8") == marker["body"] + "\n"


def test_the_worked_example_adds_a_fact_the_dataset_does_not_have():
    record = next(yaml.safe_load(b["body"]) for b in blocks(GUIDES["en"]) if "file" in b and b["kind"] == "example")
    assert not (REPO / "facts/claims" / f"{record['id']}.yaml").exists(), (
        f"{record['id']} exists now: give the worked example the next free id"
    )
    for path in (REPO / "facts/claims").glob("*.yaml"):
        claim = yaml.safe_load(path.read_text(encoding="utf-8"))
        same = (claim["subject"], claim["property"], claim.get("value"))
        assert same != (record["subject"], record["property"], record.get("value")), (
            f"{path.name} records the worked example's fact already: pick another"
        )


def test_no_sentence_is_missing_as_the_worked_example_says():
    """The guide picks its example from a quote claims already use because every sentence of every
    article is covered or explained; once one is missing, the example should record that one instead."""
    status, out = run(REPO, ["coverage"])
    assert status == 0, "a sentence is missing now: make it the worked example's quote\n" + out[-2000:]


@pytest.mark.parametrize("lang", GUIDES)
def test_records_the_guide_shows_are_the_repositorys(lang):
    shown = [b for b in blocks(GUIDES[lang]) if b["kind"] == "record"]
    assert shown
    for marker in shown:
        real = yaml.safe_load(text(REPO / marker["file"]))
        assert yaml.safe_load(marker["body"]) == real, f"{marker['file']} has changed: show it as it is"


def test_the_seeds_naming_rule_the_guide_gives_holds():
    """seeds/NNN_<16 hex>.txt, where NNN is the number of the source record that names the file."""
    for path in (REPO / "facts/sources").glob("*.yaml"):
        source = yaml.safe_load(path.read_text(encoding="utf-8"))
        m = re.fullmatch(r"seeds/(\d{3})_[0-9a-f]{16}\.txt", source["file"])
        assert m, f"{path.name}: {source['file']} is not named seeds/NNN_<16 hex digits>.txt"
        assert source["id"] == f"src-{m[1]}", f"{path.name} stores {source['file']}: the numbers differ"
