"""The built site: strict build, reproducible, every record a page in both languages, valid
ClaimReview and data package, escaped record text, idempotent generator."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import build_site, claim_text, write
from factcheck.site.build import generate


def tree_digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.mark.browser
def test_every_record_has_a_page_in_both_languages(site_dir, real_check):
    for kind, folder in (
        ("claims", "claims"),
        ("entities", "entities"),
        ("sources", "sources"),
        ("contradictions", "contradictions"),
    ):
        for rid in getattr(real_check.dataset, kind):
            assert (site_dir / folder / rid / "index.html").exists(), rid
            assert (site_dir / "en" / folder / rid / "index.html").exists(), rid


@pytest.mark.browser
@pytest.mark.parametrize(
    "page, lang, direction", [("claims/c-000-001", "ar", "rtl"), ("en/claims/c-000-001", "en", "ltr")]
)
def test_language_and_direction_in_the_html(site_dir, page, lang, direction):
    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    assert f'<body dir="{direction}"' in html


# Pagefind 1.5 writes each filter's values (kind, rating) in its hash map's order, which differs
# from run to run; the files' names (content hashes) follow, and the index files that name them.
# Those are compared by content in any order; every other file byte for byte.
PAGEFIND_ORDER_FREE = re.compile(r"^pagefind/(filter/[^/]+\.pf_filter|pagefind\.[^/]+\.pf_meta|pagefind-entry\.json)$")


def _filter_contents(site: Path) -> list[bytes]:
    """Each Pagefind filter file's decompressed bytes, sorted: the same values in any order."""
    return sorted(bytes(sorted(gzip.decompress(p.read_bytes()))) for p in (site / "pagefind/filter").glob("*"))


@pytest.mark.browser
def test_two_builds_are_byte_identical(site_dir, tmp_path):
    again = tmp_path / "again"
    build_site(again)
    first, second = tree_digest(site_dir), tree_digest(again)
    assert {k: v for k, v in second.items() if not PAGEFIND_ORDER_FREE.match(k)} == {
        k: v for k, v in first.items() if not PAGEFIND_ORDER_FREE.match(k)
    }
    assert _filter_contents(again) == _filter_contents(site_dir)


def _jsonld(html: str) -> dict:
    m = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_claimreview_json_ld(site_dir, prefix):
    for cid in ("c-000-001", "c-004-007"):
        doc = _jsonld((site_dir / prefix / "claims" / cid / "index.html").read_text(encoding="utf-8"))
        assert doc["@type"] == "ClaimReview" and doc["@context"] == "https://schema.org"
        assert doc["claimReviewed"] and doc["url"].endswith(f"/{prefix}claims/{cid}/")
        assert doc["reviewRating"]["alternateName"]
        assert doc["itemReviewed"]["@type"] == "Claim" and doc["itemReviewed"]["appearance"]
    single = _jsonld((site_dir / "en/claims/c-000-001/index.html").read_text(encoding="utf-8"))["reviewRating"]
    assert single == {"@type": "Rating", "alternateName": "Single source"}  # corroboration is not truth: no number
    inaccurate = _jsonld((site_dir / "en/claims/c-004-007/index.html").read_text(encoding="utf-8"))["reviewRating"]
    assert inaccurate == {
        "@type": "Rating",
        "alternateName": "Inaccurate",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
    }


@pytest.mark.browser
def test_claimreview_download_has_one_line_per_claim(site_dir, real_check):
    lines = (site_dir / "data/claimreview.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(real_check.dataset.claims)
    assert all(json.loads(line)["@type"] == "ClaimReview" for line in lines)


@pytest.mark.browser
def test_datapackage_passes_frictionless(site_dir):
    from frictionless import Package

    package = Package(str(site_dir / "data/datapackage.json"))
    report = package.validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    names = {r.name for r in package.resources}
    assert {
        "claims",
        "claims-json",
        "entities-json",
        "sources-json",
        "contradictions-json",
        "properties-json",
        "claimreview",
    } <= names


@pytest.mark.browser
def test_quotes_are_highlighted_in_the_article(site_dir):
    html = (site_dir / "sources/src-000/index.html").read_text(encoding="utf-8")
    for cid in ("c-000-001", "c-000-047"):
        assert re.search(
            rf'id="q-{cid}-0" data-span="[\d ]+"></span>(<span id="[^"]+" data-span="[\d ]+"></span>)*'
            '<mark class="fc-quoted"',
            html,
        )


# ---- the generator itself, on a small repository


@pytest.fixture
def docs(tmp_path):
    return tmp_path / "docs"


@pytest.mark.acceptance
def test_record_text_is_escaped(repo, docs):
    text = claim_text().replace(
        "en: The ceasefire agreement was signed on 23 October 2020.",
        "en: '<script>alert(1)</script> [x](javascript:alert(2)) {{ config }} <img src=x onerror=alert(3)>'",
    )
    write(repo, "facts/claims/c-001-902.yaml", text)
    generate(repo, docs)
    page = (docs / "claims/c-001-902.en.md").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    front = yaml.safe_load(page.split("---")[1])
    assert "<" not in front["title"]


@pytest.mark.acceptance
def test_generator_is_idempotent_and_removes_pages_of_deleted_records(repo, docs):
    first = generate(repo, docs)
    assert first["written"] == first["pages"]
    assert generate(repo, docs)["skipped"], "nothing changed since the last run into docs"
    second = generate(repo, docs, force=True)  # everything is rendered again, nothing rewritten
    assert second["written"] == 0 and second["removed"] == 0 and second["pages"] == first["pages"]
    (repo / "facts/claims/c-001-902.yaml").unlink()
    third = generate(repo, docs)
    assert third["removed"] == 2
    assert not (docs / "claims/c-001-902.md").exists() and not (docs / "claims/c-001-902.en.md").exists()
    assert (docs / "claims/c-001-901.md").exists()


@pytest.mark.acceptance
def test_generator_refuses_invalid_data(repo, docs):
    from factcheck.site.build import SiteError

    write(repo, "facts/claims/c-001-902.yaml", "id: [\n")
    with pytest.raises(SiteError, match="FC001"):
        generate(repo, docs)
    assert not docs.exists()


@pytest.mark.acceptance
def test_pages_link_to_their_file_and_the_prefilled_report_form_when_the_repository_is_known(repo, docs):
    generate(repo, docs, repo_url="https://github.com/owner/name")
    page = (docs / "claims/c-001-902.en.md").read_text(encoding="utf-8")
    assert 'href="https://github.com/owner/name/edit/main/facts/claims/c-001-902.yaml"' in page
    assert (
        'href="https://github.com/owner/name/issues/new?template=report-error.yml&amp;'
        "record=facts%2Fclaims%2Fc-001-902.yaml"
    ) in page


@pytest.mark.acceptance
def test_no_edit_links_are_invented_when_the_repository_is_unknown(repo, docs):
    generate(repo, docs)
    assert "github.com" not in (docs / "claims/c-001-902.md").read_text(encoding="utf-8")


@pytest.mark.unit
def test_a_verdict_gets_a_number_for_machines_only_where_it_speaks_of_accuracy():
    from factcheck.schemas import Schemas
    from factcheck.site.record_pages import review_rating

    for name, labels in (
        Schemas(Path(__file__).resolve().parents[1] / "schema").labels("claim", "verdict.rating").items()
    ):
        rating = review_rating(labels, "ar")
        assert rating["alternateName"] == labels["ar"]
        assert ("ratingValue" in rating) == (name in {"inaccurate", "contradicted"}), name


@pytest.mark.acceptance
def test_english_pages_show_each_quotes_own_translation(repo, docs):
    generate(repo, docs)
    english = (docs / "claims/c-001-902.en.md").read_text(encoding="utf-8")
    arabic = (docs / "claims/c-001-902.md").read_text(encoding="utf-8")
    assert "Translation of the quote: the ceasefire agreement signed on 23 October 2020" in english
    assert "Translation of the quote" not in arabic and "ترجمة الاقتباس" not in arabic
