"""Generate the site's pages and downloads from the dataset: idempotent, writes only what changed.

The mkdocs hook calls `generate` before every build (once per language with static-i18n), so a
run that finds everything up to date writes nothing, and `mkdocs serve` does not loop. Generated
files are listed in a manifest; a run deletes only the files of records that no longer exist.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from ..checker import InvalidDataset, load
from ..database import write_database
from ..export import write_export
from ..files import write_if_changed
from ..history import HistoryError, record_dates
from ..kinds import RegistryError
from ..schemas import Schemas
from . import downloads, feeds, list_pages, record_pages, reference_page, search_page, transparency
from .context import SiteData
from .labels import LANGS
from .markup import esc
from .paging import is_numbered
from .project import UnsetSettings, require_for_publishing
from .search_terms import search_extras
from .sharing import page_description

MANIFEST = ".generated"
Builder = Callable[[str], tuple[str, str]]  # lang -> (title, body HTML)

# Each kind's page (its registry entry's `page`); list_pages writes each kind's index.
RECORD_PAGES = {
    "claim": record_pages.claim_page,
    "entity": record_pages.entity_page,
    "source": record_pages.source_page,
    "contradiction": record_pages.contradiction_page,
}


class SiteError(Exception):
    """The data does not validate, so no site is built from it."""


def pages(site: SiteData) -> dict[str, Builder]:
    """page id (docs path without suffix) -> builder(lang) returning (title, body)."""
    out: dict[str, Builder] = {
        "index": lambda lang: list_pages.home_page(site, lang),
        "reference": lambda lang: reference_page.reference_page(site, lang),
        "downloads": lambda lang: list_pages.downloads_page(site, lang),
        "search": lambda lang: search_page.search_page(site, lang),
        "about": lambda lang: transparency.about_page(site, lang),
        "corrections": lambda lang: transparency.corrections_page(site, lang),
        "feedback": lambda lang: transparency.feedback_page(site, lang),
        **list_pages.timeline_pages(site),
    }
    for kind in site.ds.kinds:
        if kind.page is None:
            continue
        if kind.page == "withdrawn":
            # A withdrawn record's page stays where the record's page was.
            for rid, rec in sorted(site.ds.records[kind.name].items()):
                folder = site.ds.kinds.get(rec.data["kind"]).folder
                out[f"{folder}/{rid}"] = (lambda r: lambda lang: transparency.withdrawn_page(site, r, lang))(rid)
            continue
        out.update(list_pages.index_pages(site, kind))
        for rid in sorted(site.ds.records[kind.name]):
            out[f"{kind.folder}/{rid}"] = _record_builder(site, kind.name, kind.page, rid)
    return out


def _record_builder(site: SiteData, kind: str, page: str, rid: str) -> Builder:
    special = RECORD_PAGES.get(page)
    if special is not None:
        return lambda lang: special(site, rid, lang)
    return lambda lang: record_pages.record_page(site, kind, rid, lang)


def _page_folders(site: SiteData) -> tuple[str, ...]:
    """Folders of pages that come and go with records (and the downloads, and the timeline's pages)."""
    return (*(f"{kind.folder}/" for kind in site.ds.kinds if kind.page), "data/", "timeline/")


def render(title: str, body: str, searchable: bool, description: str = "", modified: str = "") -> str:
    """A Markdown file whose body is one raw HTML block (already escaped): Markdown never reads
    record text, so no record can smuggle in links, attributes or markup. `searchable` pages are
    in the search index; `description` goes to the page's meta and Open Graph tags, `modified`
    (a record's last change) to the sitemap's lastmod."""
    attrs = " data-pagefind-body" if searchable else ""
    # json.dumps gives a valid YAML string; the theme prints titles unescaped, so escape them (and
    # the description) here.
    front = f"title: {json.dumps(esc(title), ensure_ascii=False)}\n"
    if description:
        front += f"description: {json.dumps(esc(description), ensure_ascii=False)}\n"
    if modified:
        front += f"date_modified: {json.dumps(modified)}\n"
    return f'---\n{front}---\n\n<div class="fc"{attrs}>{body}</div>\n'


def sitemap_date(meta: dict, build_date: str) -> str:
    """A page's lastmod in the sitemap: its record's last change, else the build's date."""
    return str(meta.get("date_modified") or build_date)


def finish_html(html: str) -> str:
    """Last touches to a rendered page: Material puts `autocomplete` on its checkbox toggles,
    which HTML does not allow (the Nu checker reports it)."""
    return html.replace('type="checkbox" id="__drawer" autocomplete="off"', 'type="checkbox" id="__drawer"').replace(
        'type="checkbox" id="__search" autocomplete="off"', 'type="checkbox" id="__search"'
    )


PACKAGE = Path(__file__).resolve().parents[1]  # the generator's own code: a change to it changes the pages


def inputs_digest(root: Path, *settings) -> str:
    """What the pages depend on, cheaply: every data file's and generator file's path, size and
    modification time, and the settings."""
    stats = []
    for folder in (root / "facts", root / "schema", root / "seeds", PACKAGE):
        for dirpath, _, filenames in os.walk(folder):
            for name in filenames:
                st = os.stat(os.path.join(dirpath, name))
                stats.append((dirpath, name, st.st_size, st.st_mtime_ns))
    return hashlib.sha256(repr((settings, sorted(stats))).encode("utf-8")).hexdigest()


def _head(root: Path) -> str:
    """The commit checked out, or "" outside git: the records' dates change with it."""
    proc = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True)
    return proc.stdout.strip() if proc.returncode == 0 else ""


def generate(
    root: Path,
    docs_dir: Path,
    *,
    repo_url: str | None = None,
    site_url: str | None = None,
    project: Mapping[str, str] | None = None,
    publish: bool = False,
    force: bool = False,
) -> dict:
    """Write every generated page (both languages) and the downloads into docs_dir.

    `project` holds the maintainers' facts (mkdocs.yml extra.project); a `publish`ing build
    refuses to run without them, without site_url, or without the whole git history.

    static-i18n runs the build once per language, and `mkdocs serve` rebuilds on every change: a
    call whose inputs did not change since the last run into docs_dir (the manifest keeps their
    digest) does nothing, unless `force`d.
    """
    project = dict(project or {})
    if publish:
        try:
            require_for_publishing(project, site_url)
        except UnsetSettings as exc:
            raise SiteError(str(exc)) from None
    digest = inputs_digest(root, repo_url, site_url, sorted(project.items()), _head(root))
    if not force and _manifest(docs_dir)[0] == digest:
        return {"pages": 0, "written": 0, "removed": 0, "skipped": True}
    return _generate(root, docs_dir, digest, repo_url=repo_url, site_url=site_url, project=project, publish=publish)


def _manifest(docs_dir: Path) -> tuple[str | None, list[str]]:
    """(inputs digest, generated files) the last run wrote into docs_dir."""
    try:
        lines = (docs_dir / MANIFEST).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None, []
    digest = lines[0].removeprefix(_DIGEST_LINE) if lines and lines[0].startswith(_DIGEST_LINE) else None
    return digest, [line for line in lines if line and not line.startswith("#")]


_DIGEST_LINE = "# inputs: "


def _dates(root: Path, publish: bool):
    """The records' dates; a shallow clone stops a publishing build, and other builds show none."""
    try:
        return record_dates(root)
    except HistoryError as exc:
        if publish:
            raise SiteError(str(exc)) from None
        print(f"factcheck: no record dates on the pages: {exc}", file=sys.stderr)
        return {}


def _generate(
    root: Path,
    docs_dir: Path,
    digest: str,
    *,
    repo_url: str | None,
    site_url: str | None,
    project: Mapping[str, str],
    publish: bool,
) -> dict:
    try:
        dataset = load(root)
    except RegistryError as exc:
        raise SiteError(str(exc)) from None
    except InvalidDataset as exc:
        errors = exc.result.errors
        listing = "\n".join(f"{f.path}:{f.line}: {f.code} {f.message}" for f in errors[:20])
        raise SiteError(
            f"the data does not validate ({len(errors)} errors); run `factcheck validate`:\n{listing}"
        ) from None
    site = SiteData(
        dataset,
        Schemas(root / "schema"),
        repo_url=repo_url,
        site_url=site_url,
        dates=_dates(root, publish),
        project=project,
    )
    folders = _page_folders(site)
    modified = {
        f"{kind.folder}/{rid}": site.dates[rec.path].modified
        for kind in site.ds.kinds
        for rid, rec in site.ds.records[kind.name].items()
        if rec.path in site.dates
    }
    written, files = 0, []
    for page_id, builder in pages(site).items():
        # Record pages and the timeline are searched; indexes and tool pages would only repeat them.
        searchable = (
            page_id == "index"
            or page_id == "timeline"
            or (page_id.startswith(folders) and not page_id.endswith("/index") and not is_numbered(page_id))
        )
        for lang in LANGS:
            title, body = builder(lang)
            if searchable:
                body = f"{body}{search_extras(site, page_id, lang)}"  # both HTML: joined as text, never escaped
            rel = f"{page_id}.md" if lang == "ar" else f"{page_id}.en.md"
            files.append(rel)
            page = render(title, body, searchable, page_description(site, page_id, lang), modified.get(page_id, ""))
            written += write_if_changed(docs_dir / rel, page)
    for rel, text in list_pages.claim_rows(site).items():  # data the pages fetch, not pages
        files.append(rel)
        write_if_changed(docs_dir / rel, text)
    files += _write_downloads(site, docs_dir)
    for lang in LANGS:
        files.append(feeds.feed_file(lang))
        write_if_changed(docs_dir / feeds.feed_file(lang), feeds.atom_feed(site, lang, site.dates))
    files.append(feeds.EMPTY_SITEMAP_FILE)
    write_if_changed(docs_dir / feeds.EMPTY_SITEMAP_FILE, feeds.EMPTY_SITEMAP)
    files.append(search_page.write_names(site, docs_dir))
    removed = _remove_stale(docs_dir, set(files), folders)
    write_if_changed(docs_dir / MANIFEST, "\n".join([_DIGEST_LINE + digest, *sorted(files)]) + "\n")
    return {"pages": len([f for f in files if f.endswith(".md")]), "written": written, "removed": removed}


def _write_downloads(site: SiteData, docs_dir: Path) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        produced = write_export(site.ds, Path(tmp), site.dates)
        produced += write_database(site.ds, Path(tmp), site.dates)
        produced += downloads.write_extras(site, Path(tmp))
        names = []
        for path in produced:
            write_if_changed(docs_dir / "data" / path.name, path.read_bytes())
            names.append(f"data/{path.name}")
    return names


def _remove_stale(docs_dir: Path, current: set[str], folders: tuple[str, ...]) -> int:
    """Delete pages of records that no longer exist: only files the last run listed, only inside
    the folders of record pages and downloads, never anything else."""
    removed = 0
    root = docs_dir.resolve()
    for rel in _manifest(docs_dir)[1]:
        path = (docs_dir / rel).resolve()
        if rel not in current and rel.startswith(folders) and path.is_relative_to(root) and path.is_file():
            path.unlink()
            removed += 1
    return removed
