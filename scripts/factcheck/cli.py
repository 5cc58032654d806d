"""The `factcheck` command. Each subcommand's help is its manual and ends with an example."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__, codes
from .checker import check, find_root
from .reporters import REPORTERS

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _root(args) -> Path:
    return Path(args.root).resolve() if args.root else find_root()


def cmd_validate(args) -> int:
    """Check every record: YAML, schema, ids, references, dates, stored articles and exact quotes.

    All problems are reported in one pass as `path:line:col: CODE message` with a hint on how to
    fix each (`factcheck codes` lists every code). Cross-record checks always read the whole
    dataset; PATHs only limit which files' problems are shown.

    Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error.

    Example:
        factcheck validate facts/claims/c-000-001.yaml --format json
    """
    root = _root(args)
    only = []
    for p in args.paths:
        path = Path(p).resolve()
        if not path.is_relative_to(root):
            print(f"factcheck: {p} is outside the repository {root}", file=sys.stderr)
            return EXIT_USAGE
        only.append(path.relative_to(root).as_posix())
    result = check(root, only or None)
    sys.stdout.write(REPORTERS[args.format](result))
    return EXIT_FINDINGS if result.errors else EXIT_OK


def cmd_export(args) -> int:
    """Write the dataset as JSON (claims, entities, sources, contradictions, properties) and claims.csv.

    The data must validate first; nothing is written otherwise. Every record keeps all it holds,
    references stay ids, and each item carries the `file` it was read from.

    Example:
        factcheck export site/data
    """
    from .export import write_export

    result = check(_root(args))
    if result.errors:
        sys.stdout.write(REPORTERS["text"](result))
        print("factcheck: export refused: the data does not validate", file=sys.stderr)
        return EXIT_FINDINGS
    for path in write_export(result.dataset, Path(args.out_dir)):
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
    import json

    from . import coverage

    result = check(_root(args))
    if result.errors:
        sys.stdout.write(REPORTERS["text"](result))
        return EXIT_FINDINGS
    coverages = [c for c in coverage.compute(result.dataset) if not args.source or c.source in args.source]
    if args.format == "json":
        sys.stdout.write(json.dumps(coverage.as_json(coverages), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(coverage.as_text(coverages))
    return EXIT_FINDINGS if any(c.counts["missing"] for c in coverages) else EXIT_OK


def cmd_report(args) -> int:
    """Report on consistency: every rule finding and the contradiction record that documents it,
    contradictions by resolution type, claims by verdict, entities by type, per-source statistics.

    Exit status: 0 when the data validates, 1 otherwise (the report is still printed when the
    consistency rules could run), 2 usage error.

    Example:
        factcheck report --format json > report.json
    """
    import json

    from . import report

    result = check(_root(args))
    if result.consistency is None:
        sys.stdout.write(REPORTERS["text"](result))
        return EXIT_FINDINGS
    doc = report.build(result)
    if args.format == "json":
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(report.as_text(doc))
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
        print(f"factcheck: {site} is not a built site (no index.html)", file=sys.stderr)
        return EXIT_USAGE
    try:
        search_index.build(site)
    except RuntimeError as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_codes(args) -> int:
    """Print the table of finding codes (Markdown): every problem the tools can report and its fix.

    Example:
        factcheck codes > docs/codes.md
    """
    sys.stdout.write(codes.markdown_table())
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
        p = sub.add_parser(name, help=doc.splitlines()[0], description=doc,
                           formatter_class=argparse.RawDescriptionHelpFormatter, **kw)
        p.set_defaults(func=func)
        return p

    p = add("validate", cmd_validate)
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders whose problems to show (default: all)")
    p.add_argument("--format", choices=sorted(REPORTERS), default="text", help="output format (default: text)")
    p = add("export", cmd_export)
    p.add_argument("out_dir", metavar="OUT_DIR", help="folder to write the files into")
    p = add("coverage", cmd_coverage)
    p.add_argument("--source", action="append", metavar="ID", help="only this source (repeatable)")
    p.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    p = add("report", cmd_report)
    p.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    p = add("search-index", cmd_search_index)
    p.add_argument("site_dir", metavar="SITE_DIR", help="the built site (mkdocs's site_dir)")
    add("codes", cmd_codes)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    return args.func(args)
