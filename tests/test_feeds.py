"""The Atom feeds: valid for a real feed parser, newest first, bounded, in the page's language."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import feedparser
import pytest

from conftest import REPO
from factcheck.history import Dates
from factcheck.schemas import Schemas
from factcheck.site.context import SiteData
from factcheck.site.feeds import FEED_SIZE, atom_feed

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def site(real_check):
    return SiteData(real_check.dataset, Schemas(REPO / "schema"))


def _dates(site, newest: str) -> dict[str, Dates]:
    """Every record first published on 1 March 2026; claim c-000-001 changed on `newest`."""
    dates = {rec.path: Dates("2026-03-01", "2026-03-01") for rec in site.ds.all_records()}
    dates[site.ds.claims["c-000-001"].path] = Dates("2026-03-01", newest)
    return dates


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_feed_parses_newest_first_and_bounded(site, lang):
    feed = feedparser.parse(atom_feed(site, lang, _dates(site, "2026-04-02")))
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert 0 < len(feed.entries) <= FEED_SIZE
    first = feed.entries[0]
    assert first.id == "urn:factcheck:claim:c-000-001"
    assert first.title == site.ds.claims["c-000-001"].data["statement"][lang]
    assert first.updated.startswith("2026-04-02") and first.published.startswith("2026-03-01")
    assert first.link.endswith("claims/c-000-001/")
    assert len({e.id for e in feed.entries}) == len(feed.entries)
    assert feed.feed.updated.startswith("2026-04-02")


def test_links_are_absolute_when_the_site_address_is_known(real_check):
    site = SiteData(real_check.dataset, Schemas(REPO / "schema"), site_url="https://example.org/fc/")
    feed = feedparser.parse(atom_feed(site, "en", _dates(site, "2026-04-02")))
    assert feed.entries[0].link == "https://example.org/fc/en/claims/c-000-001/"
    assert any(link.rel == "self" and link.href == "https://example.org/fc/feeds/en.xml" for link in feed.feed.links)


def test_record_text_is_escaped(site):
    claim = site.ds.claims["c-000-001"]
    original = claim.data["statement"]["en"]
    claim.data["statement"]["en"] = "</title><script>alert(1)</script> & more"
    try:
        xml = atom_feed(site, "en", _dates(site, "2026-04-02"))
    finally:
        claim.data["statement"]["en"] = original
    titles = [t.text for t in ET.fromstring(xml).iter("{http://www.w3.org/2005/Atom}title")]
    assert "</title><script>alert(1)</script> & more" in titles


def test_no_dates_no_entries(site):
    feed = feedparser.parse(atom_feed(site, "ar", {}))
    assert not feed.bozo and feed.entries == []
