"""The `factcheck` command. Each subcommand's help is its manual and ends with an example."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__, codes, published, scaffold
from .changes import ChangesError, base_commit, changed_paths
from .checker import InvalidDataset, check, find_root, load
from .kinds import RegistryError
from .reporters import REPORTERS
from .textnorm import visible

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command line that cannot be run as given; the message says what to do instead."""


def _root(args) -> Path:
    return Path(args.root).resolve() if args.root else find_root()


def _error(message: str) -> None:
    """`message` on stderr; it may echo file names or arguments, so controls are spelled out."""
    print(f"factcheck: {visible(message)}", file=sys.stderr)


def dataset_paths(root: Path, paths: list[str]) -> list[str]:
    """PATHs given on the command line as paths relative to root, each under facts/; ["facts"] for
    the repository itself. Raise UsageError for a path that does not exist or lies outside the
    dataset: a mistyped path must not pass for a check of nothing."""
    facts = (root / "facts").resolve()
    rels = []
    for p in paths:
        given = Path(os.path.abspath(p))
        # Folders are resolved, the last name is kept: a record that is a symbolic link is named as
        # the dataset lists it, not as where it points.
        path = given.parent.resolve() / given.name if given.name else given
        if not os.path.lexists(path):
            raise UsageError(
                f"{p}: no such file or folder (relative paths start from the current folder, "
                f"{Path.cwd()}); give a record file or a folder under {root / 'facts'}"
            )
        if path == root:
            rels.append("facts")
        elif path == facts or path.is_relative_to(facts):
            rels.append(("facts" / path.relative_to(facts)).as_posix())
        elif path.is_relative_to(root):
            raise UsageError(f"{p} is not in the dataset: give a record file or a folder under {root / 'facts'}")
        else:
            raise UsageError(
                f"{p} is outside the repository {root}: give a record file or a folder under "
                f"{root / 'facts'}, or run from another repository with --root"
            )
    return rels


def cmd_validate(args) -> int:
    """Check every record: YAML, schema, ids, references, dates, stored articles and exact quotes.

    All problems are reported in one pass as `path:line:col: CODE message` with a hint on how to
    fix each (`factcheck codes` lists every code). Cross-record checks always read the whole
    dataset; PATHs only limit which files' problems are shown.

    A PATH that does not exist, or is not under facts/, is a usage error: a mistyped path never
    passes for a clean check.

    With --changed BASE (a git revision), only problems that the changes since BASE touch are
    shown: in added, edited or deleted records, in records that refer to them, and conflicts that
    involve them. Every check still runs over the whole dataset: the fast path for pull requests.
    BASE is also taken as what was published: a claim it holds whose verdict, value or statement
    changed needs a new `changes` entry (FC501), and a record it holds may not disappear without a
    tombstone in facts/withdrawn/ (FC502).

    With --format github, problems are printed as workflow annotations, and the full list is also
    appended as a table to the file named by GITHUB_STEP_SUMMARY when that is set.

    Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error.

    Examples:
        factcheck validate facts/claims/c-000-001.yaml --format json
        factcheck validate --changed origin/main --format github
    """
    root = _root(args)
    try:
        only = dataset_paths(root, args.paths)
        changed = None if args.changed is None else changed_paths(root, args.changed)
        commit = None if args.changed is None else base_commit(root, args.changed)
    except (UsageError, ChangesError) as exc:
        _error(str(exc))
        return EXIT_USAGE
    result = check(root, only or None, changed)
    if commit is not None and changed is not None:
        result.findings = sorted(
            result.findings + published.check(root, commit, args.changed, result.dataset, changed),
            key=lambda f: (f.path, f.line or 0, f.col or 0, f.code),
        )
    reporter = REPORTERS[args.format]
    sys.stdout.write(reporter.findings(result))
    _append_step_summary(reporter.step_summary(result))
    return EXIT_FINDINGS if result.errors else EXIT_OK


def _append_step_summary(markdown: str) -> None:
    """Append to GitHub's step summary, when the workflow provides one; a failure only warns."""
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if not (summary_file and markdown):
        return
    try:
        with open(summary_file, "a", encoding="utf-8") as out:
            out.write(markdown)
    except OSError as exc:
        _error(f"could not write the step summary: {exc}")


def cmd_export(args) -> int:
    """Write the dataset as JSON (claims, entities, sources, contradictions, properties), claims.csv
    and factcheck.sqlite (with Datasette metadata in factcheck.metadata.json).

    The data must validate first; nothing is written otherwise. Every record keeps all it holds,
    references stay ids, and each item carries the `file` it was read from. The JSON is strict
    (never NaN or Infinity). In claims.csv, a cell that would begin with =, +, -, @, a tab or a
    carriage return starts with a single quote (') so that spreadsheets show it as text and never
    run it as a formula (OWASP's advice against CSV injection); remove it to get the text back.
    Records carry `date_published` and `date_modified`: the first and last commit of their file
    (UTC), where the data is a git work tree; a shallow clone is refused (it cannot know them).
    The SQLite file has a table per kind and per list (evidence, aliases), foreign keys, and a
    full-text index `search` over statements and names in both languages (its `folded` column
    holds Arabic folded for search).

    Example:
        factcheck export site/data
    """
    from .database import write_database
    from .export import write_export
    from .history import HistoryError, record_dates

    try:
        dataset = load(_root(args))
    except InvalidDataset as exc:
        sys.stdout.write(REPORTERS["text"].findings(exc.result))
        _error("export refused: the data does not validate")
        return EXIT_FINDINGS
    try:
        dates = record_dates(dataset.root)
    except HistoryError as exc:
        _error(f"export refused: {exc}")
        return EXIT_USAGE
    out = Path(args.out_dir)
    for path in write_export(dataset, out, dates) + write_database(dataset, out, dates):
        print(path)
    return EXIT_OK


def cmd_coverage(args) -> int:
    """Show, per source, every sentence and the claims whose quotes cover it, and the share covered.

    A sentence is `covered` when a claim quotes part of it, `explained` when the source record's
    `uncovered` list (or `page_chrome`) gives the reason it yields no claim, and `missing`
    otherwise. The percentage is the share of the sentence's characters that quotes cover.

    Exit status: 0 when no sentence is missing, 1 otherwise, 2 usage error.

    Example:
        factcheck coverage --source src-002
    """
    from . import coverage

    try:
        dataset = load(_root(args))
    except InvalidDataset as exc:
        sys.stdout.write(REPORTERS["text"].findings(exc.result))
        return EXIT_FINDINGS
    unknown = sorted(set(args.source or ()) - set(dataset.sources))
    if unknown:
        _error(
            f"no source {', '.join(unknown)} (see facts/sources/); a mistyped source must not pass for a covered one"
        )
        return EXIT_USAGE
    coverages = [c for c in coverage.compute(dataset) if not args.source or c.source in args.source]
    sys.stdout.write(REPORTERS[args.format].coverage(coverages))
    return EXIT_FINDINGS if any(c.counts["missing"] for c in coverages) else EXIT_OK


def cmd_report(args) -> int:
    """Report on consistency: every rule finding and the contradiction record that documents it,
    contradictions by resolution type, claims by verdict, entities by type, per-source statistics.

    Exit status: 0 when the data validates, 1 otherwise (the report is still printed when the
    consistency rules could run), 2 usage error.

    Example:
        factcheck report --format json > report.json
    """
    from . import report

    result = check(_root(args))
    if result.consistency is None:
        sys.stdout.write(REPORTERS["text"].findings(result))
        return EXIT_FINDINGS
    sys.stdout.write(REPORTERS[args.format].report(report.build(result)))
    return EXIT_FINDINGS if result.errors else EXIT_OK


def cmd_search_index(args) -> int:
    """Build the Pagefind search index of a built site (one index per page language).

    Run after `mkdocs build`; `make site` does both.

    Example:
        factcheck search-index site
    """
    from .site import search_index

    site = Path(args.site_dir)
    if not (site / "index.html").exists():
        _error(f"{site} is not a built site (no index.html)")
        return EXIT_USAGE
    try:
        search_index.build(site)
    except RuntimeError as exc:
        _error(str(exc))
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_fmt(args) -> int:
    """Rewrite records in the canonical layout: keys in schema order, two-space indentation, one
    line per value, quotes only where YAML needs them. Content and comments are kept as they are.

    With --check nothing is written: the files that would change are listed and the exit status
    is 1 if there are any (for CI and pre-commit). Files that do not load, and symbolic links or
    other entries that are not regular files, are reported and left untouched (exit status 1).
    A PATH that does not exist, or is not under facts/, is a usage error. A rewritten file keeps
    its permissions; a new one is 0644.

    Examples:
        factcheck fmt
        factcheck fmt --check facts/claims/c-000-001.yaml
    """
    from .fmt import format_records

    root = _root(args)
    try:
        wanted = dataset_paths(root, args.paths)
    except UsageError as exc:
        _error(str(exc))
        return EXIT_USAGE
    done = format_records(root, wanted, check=args.check)
    for f in done.broken:
        print(visible(f"{f.path}:{f.line or 1}:{f.col or 1}: {f.code} {f.message}") + " (not formatted)")
    for rel, what in done.refused:
        print(f"{visible(rel)}: not formatted: it is {what} now, not a regular file; left as it is")
    for rel in done.changed:
        print(f"{'would reformat' if args.check else 'reformatted'} {visible(rel)}")
    verb = "would be reformatted" if args.check else "reformatted"
    tail = f", {len(done.refused)} not regular files" if done.refused else ""
    n = len(done.changed)
    print(f"{n} file{'s' * (n != 1)} {verb}, {len(done.broken)} not loadable{tail}.")
    return EXIT_OK if done.ok else EXIT_FINDINGS


def cmd_new(args) -> int:
    """Write a new record with a fresh id, ready to fill in.

    Every field meant for your words holds a placeholder ("Write here in English.", "اكتب هنا
    بالعربية.", a date value "YYYY-MM-DD"); `factcheck validate` names each one still there (FC106),
    so a skeleton never passes until it is filled in.

    For a claim, give the source and the exact quote: the paragraph is found for you; a quote that is
    not in the article is refused with the closest passage, and one that carries too few words (at
    least 12 letters, a word of 3 or more between any two `…`: FC307) is refused too. An existing file is never
    overwritten.

    Examples:
        factcheck new claim --source src-002 --quote "وترأس الوفد نائب رئيس المخابرات العامة أيمن بديع" \\
            --subject ayman-badie --property visited --value tripoli
        factcheck new entity --type person --name-ar "أسامة حماد" --name-en "Osama Hammad"
        factcheck new source --file seeds/005_example.txt
        factcheck new contradiction --claims c-000-002 c-003-002 --detected-by FC402 --resolution temporal-succession
    """
    missing = [f"--{k.replace('_', '-')}" for k in scaffold.REQUIRED[args.kind] if not getattr(args, k)]
    if missing:
        print(f"factcheck: new {args.kind} needs {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    root = _root(args)
    options = {k: getattr(args, k) for k in scaffold.OPTIONS[args.kind] if getattr(args, k) is not None}
    try:
        path = scaffold.create(root, args.kind, **options)
    except scaffold.ScaffoldError as exc:
        _error(str(exc))
        return EXIT_FINDINGS
    print(path.relative_to(root).as_posix())
    return EXIT_OK


def cmd_codes(args) -> int:
    """Print the table of finding codes (Markdown): every problem the tools can report and its fix.

    With --update FILE, the table replaces what stands between the lines `<!-- codes:start -->`
    and `<!-- codes:end -->` of FILE instead, so copies of the table never drift from the code.

    Examples:
        factcheck codes
        factcheck codes --update .github/CONTRIBUTING.md
    """
    if not args.update:
        sys.stdout.write(codes.markdown_table())
        return EXIT_OK
    from .files import write_atomic

    path = Path(args.update)
    try:
        updated = codes.replace_table(path.read_text(encoding="utf-8"))
        write_atomic(path, updated)
    except (OSError, ValueError) as exc:
        _error(str(exc))
        return EXIT_USAGE
    return EXIT_OK


def cmd_changelog(args) -> int:
    """Print the CHANGELOG (Markdown), made from the git history and the records' `changes` logs.

    One section per release (a tag `v<version>`), newest first, after what is not released yet:
    the records added and withdrawn (files added and deleted under facts/ between the tags), and
    every `changes` entry dated in the release's span, as corrections, verdicts changed and
    updates. With --write FILE, the Markdown goes to FILE instead. The release process is in the
    README ("Releases").

    Examples:
        factcheck changelog
        factcheck changelog --write CHANGELOG.md
    """
    from .files import write_atomic
    from .history import HistoryError
    from .release import changelog

    root = _root(args)
    try:
        text = changelog(root, load(root))
    except InvalidDataset as exc:
        sys.stdout.write(REPORTERS["text"].findings(exc.result))
        _error("changelog refused: the data does not validate")
        return EXIT_FINDINGS
    except HistoryError as exc:
        _error(str(exc))
        return EXIT_USAGE
    if args.write:
        write_atomic(Path(args.write), text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Validate, check and export the Libya army-unification fact-check dataset.",
        epilog="Run `factcheck COMMAND --help` for a command's manual.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    parser.add_argument("--root", help="repository root (default: the nearest folder above with facts/ and schema/)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name, func, **kw):
        doc = func.__doc__
        summary = " ".join(doc.split("\n\n", 1)[0].split())  # the first paragraph, whole
        p = sub.add_parser(
            name, help=summary, description=doc, formatter_class=argparse.RawDescriptionHelpFormatter, **kw
        )
        p.set_defaults(func=func)
        return p

    p = add("validate", cmd_validate)
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders whose problems to show (default: all)")
    p.add_argument("--format", choices=sorted(REPORTERS), default="text", help="output format (default: text)")
    p.add_argument(
        "--changed",
        metavar="BASE",
        help="show only problems touched by changes since git revision BASE (a branch, tag or commit)",
    )
    p = add("export", cmd_export)
    p.add_argument("out_dir", metavar="OUT_DIR", help="folder to write the files into")
    p = add("fmt", cmd_fmt)
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to format (default: all records)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    p = add("new", cmd_new)
    p.add_argument("kind", choices=list(scaffold.BUILDERS))
    p.add_argument("--source", help="claim: the source id")
    p.add_argument("--quote", help="claim: the exact words of the article")
    p.add_argument("--subject", help="claim: the entity id the claim is about")
    p.add_argument("--property", help="claim: a property id from facts/properties/")
    p.add_argument("--value", help="claim: the value's entity id, for properties that take an entity")
    p.add_argument("--type", help="entity: person, organization, post, place, agreement, event, group, document")
    p.add_argument("--name-ar", help="entity: the Arabic name")
    p.add_argument("--name-en", help="entity: the English name")
    p.add_argument("--file", help="source: the stored article under seeds/")
    p.add_argument("--claims", nargs="+", help="contradiction: the claim ids involved")
    p.add_argument("--detected-by", default="manual", help="contradiction: rule code or manual")
    p.add_argument("--resolution", default="unresolved", help="contradiction: resolution type")
    p = add("coverage", cmd_coverage)
    p.add_argument("--source", action="append", metavar="ID", help="only this source (repeatable)")
    p.add_argument("--format", choices=sorted(REPORTERS), default="text", help="output format (default: text)")
    p = add("report", cmd_report)
    p.add_argument("--format", choices=sorted(REPORTERS), default="text", help="output format (default: text)")
    p = add("search-index", cmd_search_index)
    p.add_argument("site_dir", metavar="SITE_DIR", help="the built site (mkdocs's site_dir)")
    p = add("codes", cmd_codes)
    p.add_argument("--update", metavar="FILE", help="replace the table between the codes markers in FILE")
    p = add("changelog", cmd_changelog)
    p.add_argument("--write", metavar="FILE", help="write the Markdown to FILE instead of printing it")
    return parser


def subcommands(parser: argparse.ArgumentParser) -> dict[str, tuple[argparse.ArgumentParser, str]]:
    """Each command's parser and its one-line summary, by name (for the manual's tests and docs)."""
    # argparse keeps its subcommands only in private attributes; this is the one place that reads them.
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    summaries = {choice.dest: choice.help or "" for choice in action._choices_actions}
    return {name: (sub, summaries[name]) for name, sub in action.choices.items()}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    if args.func is not cmd_codes:
        root = _root(args)
        if not ((root / "facts").is_dir() and (root / "schema").is_dir()):
            _error(
                f"{root} is not a repository of this project (it needs facts/ and schema/); "
                "run it inside one or give --root"
            )
            return EXIT_USAGE
    try:
        return args.func(args)
    except RegistryError as exc:
        _error(str(exc))
        return EXIT_USAGE
