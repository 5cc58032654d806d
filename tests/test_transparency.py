"""Showing our work on the pages: a corrected record says so, the corrections page lists every
logged change by kind, the about page states the maintainers' facts (or that they are not filled
in), and the machine-readable data carries dates, corrections and policies."""

from __future__ import annotations

import json
import re

import pytest
from markupsafe import escape

from conftest import REPO
from factcheck.history import record_dates
from factcheck.schemas import Schemas
from factcheck.site.build import pages
from factcheck.site.context import SiteData
from factcheck.site.project import SETTINGS

pytestmark = pytest.mark.acceptance

CORRECTED = "c-000-024"  # corrected on 2026-12-02 (its `changes` log)
ATTRIBUTED = "c-001-004"  # what the French Foreign Ministry said


@pytest.fixture(scope="module")
def site(real_check):
    return SiteData(real_check.dataset, Schemas(REPO / "schema"), dates=record_dates(REPO))


def _jsonld(body: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S).group(1))


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_corrected_claim_says_so_above_its_content(site, lang):
    _, body = pages(site)[f"claims/{CORRECTED}"](lang)
    notice = body.index('class="fc-notice fc-changed"')
    assert notice < body.index('class="fc-verdict-box"')
    label = site.label("claim", "changes.kind", "correction", lang)
    assert label in body[notice:] and 'datetime="2026-12-02"' in body[notice:]
    assert str(escape(site.ds.claims[CORRECTED].data["changes"][0]["what"][lang])) in body


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_claimreview_carries_dates_corrections_appearances_and_author(site, lang):
    _, body = pages(site)[f"claims/{CORRECTED}"](lang)
    review = _jsonld(body)
    when = site.dates_of(site.ds.claims[CORRECTED])
    assert (review["datePublished"], review["dateModified"]) == (when.published, when.modified)
    (correction,) = review["correction"]
    assert correction["@type"] == "CorrectionComment" and correction["datePublished"] == "2026-12-02"
    _, body = pages(site)[f"claims/{ATTRIBUTED}"](lang)
    item = _jsonld(body)["itemReviewed"]
    speaker = site.ds.claims[site.ds.claims[ATTRIBUTED].data["attribution"]].data["subject"]
    assert item["author"]["name"] == site.name(speaker, "ar")
    sources = dict.fromkeys(ev["source"] for ev in site.ds.claims[ATTRIBUTED].data["evidence"])
    assert len(item["appearance"]) == len(sources)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_corrections_page_lists_each_change_under_its_kind(site, lang):
    _, body = pages(site)["corrections"](lang)
    corrections = body.index('id="correction"')
    updates = body.index('id="update"')
    assert corrections < body.index(f"claims/{CORRECTED}/") < updates


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_about_page_never_fills_in_what_the_maintainers_have_not(real_check, lang):
    empty = SiteData(real_check.dataset, Schemas(REPO / "schema"))
    _, body = pages(empty)["about"](lang)
    assert body.count('class="fc-unset"') == len(SETTINGS)
    organization = _jsonld(body)
    assert organization["@type"] == "NewsMediaOrganization" and "contactPoint" not in organization
    for key in ("correctionsPolicy", "verificationFactCheckingPolicy", "actionableFeedbackPolicy"):
        assert organization[key].startswith("../")
    filled = SiteData(
        real_check.dataset,
        Schemas(REPO / "schema"),
        site_url="https://example.org/fc/",
        project={key: f"the {key}" for key in SETTINGS},
    )
    _, body = pages(filled)["about"](lang)
    assert "fc-unset" not in body and "the funding" in body
    organization = _jsonld(body)
    assert organization["correctionsPolicy"].startswith("https://example.org/fc/")
    assert organization["contactPoint"]["description"] == "the contact"


def test_cite_this_gives_a_sentence_bibtex_and_csl_json(site):
    _, body = pages(site)[f"claims/{CORRECTED}"]("en")
    cite = body[body.index('class="fc-cite-this"') :]
    assert f"@misc{{factcheck-{CORRECTED}," in cite and "url = {" in cite
    csl = re.search(r"<p>CSL-JSON</p><pre dir=\"ltr\"><code>(.*?)</code>", cite, re.S).group(1)
    data = json.loads(csl.replace("&#34;", '"').replace("&quot;", '"'))
    assert data["URL"].endswith(f"claims/{CORRECTED}/") and data["version"]


def test_every_record_page_shows_its_dates(site):
    built = pages(site)
    for page in ("claims/c-000-001", "entities/tripoli", "sources/src-000", "contradictions/x-gaddafi-title"):
        _, body = built[page]("ar")
        assert 'class="fc-dates"' in body, page
