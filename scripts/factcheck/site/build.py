"""Generate the site's pages and downloads from the dataset: idempotent, writes only what changed.

The mkdocs hook calls `generate` before every build (once per language with static-i18n), so a
run that finds everything up to date writes nothing, and `mkdocs serve` does not loop. Generated
files are listed in a manifest; a run deletes only the files of records that no longer exist.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from ..checker import check
from ..export import write_export
from ..files import write_if_changed
from ..schemas import Schemas
from . import downloads, list_pages, record_pages
from .context import SiteData
from .labels import LANGS
from .markup import esc

MANIFEST = ".generated"
STALE_FOLDERS = ("claims/", "entities/", "sources/", "contradictions/", "data/")  # pages that come and go


class SiteError(Exception):
    """The data does not validate, so no site is built from it."""


def pages(site: SiteData) -> dict[str, tuple]:
    """page id (docs path without suffix) -> builder(lang) returning (title, body)."""
    ds = site.ds
    out = {
        "index": lambda lang: list_pages.home_page(site, lang),
        "claims/index": lambda lang: list_pages.claims_index(site, lang),
        "entities/index": lambda lang: list_pages.entities_index(site, lang),
        "sources/index": lambda lang: list_pages.sources_index(site, lang),
        "contradictions/index": lambda lang: list_pages.contradictions_index(site, lang),
        "timeline": lambda lang: list_pages.timeline_page(site, lang),
        "reference": lambda lang: list_pages.reference_page(site, lang),
        "downloads": lambda lang: list_pages.downloads_page(site, lang),
        "search": lambda lang: list_pages.search_page(site, lang),
    }
    for kind, builder in (("claims", record_pages.claim_page), ("entities", record_pages.entity_page),
                          ("sources", record_pages.source_page), ("contradictions", record_pages.contradiction_page)):
        for rid in sorted(getattr(ds, kind)):
            out[f"{kind}/{rid}"] = (lambda b, r: lambda lang: b(site, r, lang))(builder, rid)
    return out


INDEXED = ("index", "claims/", "entities/", "sources/", "contradictions/", "timeline")


def render(page_id: str, title: str, body: str) -> str:
    """A Markdown file whose body is one raw HTML block (already escaped): Markdown never reads
    record text, so no record can smuggle in links, attributes or markup."""
    searchable = page_id.startswith(INDEXED) and not page_id.endswith("/index")
    attrs = ' data-pagefind-body' if searchable else ""
    # json.dumps gives a valid YAML string; the theme prints titles unescaped, so escape them here.
    return (f"---\ntitle: {json.dumps(esc(title), ensure_ascii=False)}\n---\n\n"
            f'<div class="fc"{attrs}>{body}</div>\n')


def finish_html(html: str) -> str:
    """Last touches to a rendered page: Material puts `autocomplete` on its checkbox toggles,
    which HTML does not allow (the Nu checker reports it)."""
    return html.replace('type="checkbox" id="__drawer" autocomplete="off"', 'type="checkbox" id="__drawer"').replace(
        'type="checkbox" id="__search" autocomplete="off"', 'type="checkbox" id="__search"')


_generated_from: dict[Path, tuple] = {}  # docs dir -> the inputs it was last generated from


def _inputs(root: Path, *settings) -> tuple:
    """What the pages depend on, cheaply: every data file's path, size and modification time."""
    stats = []
    for folder in ("facts", "schema", "seeds"):
        for dirpath, _, filenames in os.walk(root / folder):
            for name in filenames:
                st = os.stat(os.path.join(dirpath, name))
                stats.append((dirpath, name, st.st_size, st.st_mtime_ns))
    return (*settings, tuple(sorted(stats)))


def generate(root: Path, docs_dir: Path, *, repo_url: str | None = None, site_url: str | None = None) -> dict:
    """Write every generated page (both languages) and the downloads into docs_dir.

    static-i18n runs the build once per language, and `mkdocs serve` rebuilds on every change: a
    call whose inputs did not change since the last one in this process does nothing.
    """
    inputs = _inputs(root, repo_url, site_url)
    if _generated_from.get(docs_dir) == inputs and (docs_dir / MANIFEST).exists():
        return {"pages": 0, "written": 0, "removed": 0, "skipped": True}
    stats = _generate(root, docs_dir, repo_url=repo_url, site_url=site_url)
    _generated_from[docs_dir] = inputs
    return stats


def _generate(root: Path, docs_dir: Path, *, repo_url: str | None, site_url: str | None) -> dict:
    result = check(root)
    if result.errors:
        listing = "\n".join(f"{f.path}:{f.line}: {f.code} {f.message}" for f in result.errors[:20])
        raise SiteError(f"the data does not validate ({len(result.errors)} errors); run `factcheck validate`:\n{listing}")
    site = SiteData(result, Schemas(root / "schema"), repo_url=repo_url, site_url=site_url)
    written, files = 0, []
    for page_id, builder in pages(site).items():
        for lang in LANGS:
            title, body = builder(lang)
            rel = f"{page_id}.md" if lang == "ar" else f"{page_id}.en.md"
            files.append(rel)
            written += write_if_changed(docs_dir / rel, render(page_id, title, body))
    files += _write_downloads(site, docs_dir)
    removed = _remove_stale(docs_dir, set(files))
    write_if_changed(docs_dir / MANIFEST, "\n".join(sorted(files)) + "\n")
    return {"pages": len([f for f in files if f.endswith(".md")]), "written": written, "removed": removed}


def _write_downloads(site: SiteData, docs_dir: Path) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        produced = write_export(site.ds, Path(tmp))
        produced += downloads.write_extras(site, Path(tmp))
        names = []
        for path in produced:
            write_if_changed(docs_dir / "data" / path.name, path.read_text(encoding="utf-8"))
            names.append(f"data/{path.name}")
    return names


def _remove_stale(docs_dir: Path, current: set[str]) -> int:
    """Delete pages of records that no longer exist: only files the last run listed, only inside
    the folders of record pages and downloads, never anything else."""
    manifest = docs_dir / MANIFEST
    if not manifest.exists():
        return 0
    removed = 0
    root = docs_dir.resolve()
    for rel in manifest.read_text(encoding="utf-8").split():
        path = (docs_dir / rel).resolve()
        if (rel not in current and rel.startswith(STALE_FOLDERS) and path.is_relative_to(root)
                and path.is_file()):
            path.unlink()
            removed += 1
    return removed
