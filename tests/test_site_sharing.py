"""The built site as others read it: a feed per language linked from every page, a description
and Open Graph tags per page, sitemap dates from the records' history, the SQLite download."""

from __future__ import annotations

import posixpath
import re
import sqlite3

import feedparser
import pytest

from conftest import REPO
from factcheck.history import record_dates

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_page_links_its_languages_feed_which_parses(site_dir, prefix):
    html = (site_dir / prefix / "claims/c-000-001/index.html").read_text(encoding="utf-8")
    href = re.search(r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)"', html).group(1)
    feed_file = "feeds/ar.xml" if prefix == "" else "feeds/en.xml"
    assert posixpath.normpath(posixpath.join(f"/{prefix}claims/c-000-001/", href)) == f"/{feed_file}"
    feed = feedparser.parse((site_dir / feed_file).read_bytes())
    assert not feed.bozo and feed.entries
    assert feed.feed.language == ("ar" if prefix == "" else "en")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_claim_page_describes_itself(site_dir, prefix):
    html = (site_dir / prefix / "claims/c-000-024/index.html").read_text(encoding="utf-8")
    description = re.search(r'<meta name="description" content="([^"]+)"', html).group(1)
    og = dict(re.findall(r'<meta property="og:(\w+)" content="([^"]*)"', html))
    assert og["description"] == description and og["type"] == "article"
    assert og["locale"] == ("ar_AR" if prefix == "" else "en_GB")
    assert ("مصدر واحد" if prefix == "" else "Single source") in description


def test_the_sitemap_dates_records_by_their_last_change(site_dir, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # as the site was built (conftest.build_site)
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(r"<loc>[^<]*claims/c-000-024/</loc>\s*<lastmod>([^<]+)</lastmod>", sitemap)
    assert entry and entry.group(1) == record_dates(REPO)["facts/claims/c-000-024.yaml"].modified


def test_the_database_download_opens(site_dir):
    con = sqlite3.connect(site_dir / "data/factcheck.sqlite")
    try:
        assert con.execute("SELECT count(*) FROM changes WHERE kind = 'correction'").fetchone()[0] >= 1
    finally:
        con.close()


def test_generated_files_stay_out_of_git(site_dir):
    """Everything the generator wrote (its manifest) is ignored by git, so none is ever committed."""
    import subprocess

    manifest = (REPO / "docs/.generated").read_text(encoding="utf-8").splitlines()
    generated = [f"docs/{line}" for line in manifest if line and not line.startswith("#")]
    tracked = set(
        subprocess.run(["git", "-C", str(REPO), "ls-files", "docs"], capture_output=True, text=True).stdout.split()
    )
    assert tracked.isdisjoint(generated), sorted(tracked & set(generated))[:10]
    ignored = subprocess.run(
        ["git", "-C", str(REPO), "check-ignore", "--stdin"], input="\n".join(generated), capture_output=True, text=True
    ).stdout.split()
    assert sorted(set(generated) - set(ignored)) == []


def test_no_page_shows_its_own_markup_as_text(site_dir):
    """Markup escaped twice (a string joined to Markup) shows readers tags as text: on no page."""
    leaked = re.compile(r"&lt;/?(?:span|div|a|p|ul|li|section|svg|details|table)[\s&]")
    shown = [
        p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html") if leaked.search(p.read_text("utf-8"))
    ]
    assert shown == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_page_never_downloads_the_sites_sitemap(visit, prefix):
    """The theme's script fetches a sitemap.xml beside every rel=alternate link (the feed's): it
    must find the empty one in feeds/, never the site's, which lists every page (megabytes at 10k)."""
    fetched: list[str] = []
    v = visit(prefix + "claims/c-000-001/")
    v.page.on("request", lambda r: fetched.append(r.url))
    v.page.reload()
    v.page.wait_for_load_state("networkidle")
    sitemaps = [url for url in fetched if url.endswith("sitemap.xml")]
    assert sitemaps and all(url.endswith("/feeds/sitemap.xml") for url in sitemaps), sitemaps
