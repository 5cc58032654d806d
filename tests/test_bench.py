"""The benchmark's page-cost tools (scripts/bench_pages.py), without timing anything: the first-load
count sums exactly what a page requests, the local server compresses as GitHub Pages does, and the
Lighthouse figures and summaries come from the right fields of a report."""

from __future__ import annotations

import gzip
import random
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import bench_pages  # a script beside the package, not part of it

ARABIC_FACE = """/* the site's font */
@font-face {
  font-family: "Naskh";
  src: url(fonts/naskh.woff2) format("woff2");
  unicode-range: U+0600-06FF,
    U+FB50-FDFF;
}
@font-face { font-family: "Latin"; src: url('fonts/latin.woff2'); unicode-range: U+00??; }
"""


def page(head: str, body: str) -> str:
    return f"<!doctype html><html><head><meta charset=utf-8>{head}</head><body>{body}</body></html>\n"


HEAD = (
    '<link rel="icon" href="../../assets/favicon.png">'
    '<link rel="stylesheet" href="../../assets/site.css">'
    '<link rel="preload" as="font" href="../../assets/fonts/bold.woff2" crossorigin>'
    '<link rel="alternate" hreflang="en" href="../../en/claims/c-1/">'
    '<script src="../../assets/app.js"></script>'
    '<script type="application/json" id="cfg">{"src": "not/a/request.js"}</script>'
)


@pytest.fixture
def site(tmp_path) -> Path:
    files = {
        "assets/site.css": '@import url("extra.css");\nbody { color: black }\n',
        "assets/extra.css": ARABIC_FACE,
        "assets/app.js": "console.log('a script');\n" * 40,
        "assets/favicon.png": "not really a png",
        "assets/fonts/naskh.woff2": "arabic glyphs" * 50,
        "assets/fonts/latin.woff2": "latin glyphs" * 50,
        "assets/fonts/bold.woff2": "bold glyphs" * 50,
        "claims/c-1/index.html": page(HEAD, "<p>ادعاء تجريبي</p><img src='../../assets/chart.svg' alt=''>"),
        "assets/chart.svg": "<svg xmlns='http://www.w3.org/2000/svg'></svg>",
        "en/claims/c-1/index.html": page(HEAD.replace("../../", "../../../"), "<p>A claim</p>"),
        "index.html": page(
            '<link rel="stylesheet" href="assets/site.css">',
            "<p>" + "".join(random.Random(0).choices("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ", k=9000)) + "</p>",
        ),
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    return tmp_path


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


@pytest.mark.unit
def test_first_load_sums_every_file_the_page_requests(site):
    arabic = bench_pages.FirstLoad(site).requests(site / "claims/c-1/index.html")
    expected = [
        "claims/c-1/index.html",
        "assets/favicon.png",
        "assets/site.css",
        "assets/fonts/bold.woff2",
        "assets/app.js",
        "assets/chart.svg",
        "assets/extra.css",
        "assets/fonts/naskh.woff2",
        "assets/fonts/latin.woff2",  # U+00??: the markup's own characters
    ]
    assert list(arabic) == ["/claims/c-1/", *(f"/{rel}" for rel in expected[1:])]
    assert list(arabic.values()) == [gz(site / rel) for rel in expected]


@pytest.mark.unit
def test_a_font_counts_only_where_the_page_has_a_character_of_its_range(site):
    english = bench_pages.FirstLoad(site).requests(site / "en/claims/c-1/index.html")
    assert "/assets/fonts/latin.woff2" in english
    assert "/assets/fonts/naskh.woff2" not in english  # no Arabic letter on the page
    assert "/assets/fonts/bold.woff2" in english  # preloaded: requested whatever the text


@pytest.mark.unit
def test_a_request_outside_the_site_is_refused(site):
    (site / "claims/c-1/index.html").write_text(page('<script src="https://cdn.example/x.js"></script>', ""))
    with pytest.raises(ValueError, match="outside the site"):
        bench_pages.FirstLoad(site).requests(site / "claims/c-1/index.html")


@pytest.mark.unit
def test_scan_names_the_largest_page_overall_and_of_each_kind(site):
    found = bench_pages.scan(site, keep=("/en/claims/c-1/",))
    assert found["pages"] == 3
    assert found["largest_page"] == "/"
    assert found["largest_kb"] == bench_pages.kb(sum(found["largest_files"].values()))
    assert found["kinds"]["ar claims/*"] == {
        "pages": 1,
        "largest_page": "/claims/c-1/",
        "largest_kb": bench_pages.kb(
            sum(bench_pages.FirstLoad(site).requests(site / "claims/c-1/index.html").values())
        ),
    }
    assert set(found["kinds"]) == {"ar home", "ar claims/*", "en claims/*"}
    assert set(found["pages_kept"]) == {"/en/claims/c-1/"}


@pytest.mark.unit
@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("/", "ar home"),
        ("/en/", "en home"),
        ("/claims/", "ar claims/"),
        ("/en/claims/c-000-001/", "en claims/*"),
        ("/claims/2/", "ar claims/<page>"),
        ("/404.html", "ar 404.html"),
    ],
)
def test_page_kinds(url, kind):
    assert bench_pages.page_kind(url) == kind


@pytest.mark.unit
def test_pages_to_measure_take_the_largest_record_page_of_each_language():
    kinds = {
        f"{lang} {kind}": {"largest_page": f"/{lang}-{kind}"}
        for lang in ("ar", "en")
        for kind in ("claims/*", "entities/*", "sources/*")
    }
    pages = bench_pages.pages_to_measure({"kinds": kinds})
    assert pages["ar home"] == "/" and pages["en home"] == "/en/"
    assert pages["en search"] == "/en/search/" and pages["ar claims index"] == "/claims/"
    assert pages["en entity"] == "/en-entities/*"
    assert len(pages) == 14


@pytest.mark.unit
def test_the_server_gzips_text_and_serves_the_404_page(site):
    (site / "404.html").write_text(page("", "<p>not found</p>"), encoding="utf-8")
    with bench_pages.serve(site) as base:
        request = urllib.request.Request(base + "claims/c-1/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()) == (site / "claims/c-1/index.html").read_bytes()
        request = urllib.request.Request(base + "assets/fonts/naskh.woff2", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] is None  # fonts are compressed already
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "claims/c-2/")
        assert missing.value.code == 404 and b"not found" in missing.value.read()


def report(performance: float, tbt: float, *, contrast_fails: bool = False) -> dict:
    """The parts of a Lighthouse JSON report the benchmark reads."""
    audits = {
        "largest-contentful-paint": {"numericValue": 1822.9},
        "cumulative-layout-shift": {"numericValue": 0.20667},
        "total-blocking-time": {"numericValue": tbt},
        "first-contentful-paint": {"numericValue": 1500.2},
        "total-byte-weight": {"numericValue": 138569},
        "color-contrast": {"score": 0 if contrast_fails else 1},
        "html-has-lang": {"score": 1},
        "tabindex": {"score": None},
    }
    categories = {name: {"score": 1} for name in bench_pages.CATEGORIES}
    categories["performance"]["score"] = performance
    categories["accessibility"]["auditRefs"] = [
        {"id": "color-contrast", "weight": 7},
        {"id": "html-has-lang", "weight": 7},
        {"id": "tabindex", "weight": 7},
    ]
    return {"audits": audits, "categories": categories, "runWarnings": [], "environment": {"benchmarkIndex": 2309}}


@pytest.mark.unit
def test_figures_read_scores_metrics_and_failed_accessibility_audits():
    got = bench_pages.figures(report(0.88, 12.4, contrast_fails=True))
    assert got == {
        "performance": 88,
        "accessibility": 100,
        "best-practices": 100,
        "seo": 100,
        "lcp_ms": 1823,
        "cls": 0.2067,
        "tbt_ms": 12,
        "fcp_ms": 1500,
        "transfer_bytes": 138569,
        "accessibility_failures": ["color-contrast"],
        "warnings": [],
        "benchmark_index": 2309,
    }


@pytest.mark.unit
def test_the_median_run_is_one_real_run_and_the_summary_takes_the_worst_page():
    runs = [bench_pages.figures(report(p, tbt)) for p, tbt in ((0.97, 10), (0.60, 900), (0.91, 200))]
    median = bench_pages.median_run(runs)
    assert (median["performance"], median["tbt_ms"]) == (91, 200)
    assert median["performance_runs"] == [97, 60, 91]
    worst = {**median, "accessibility": 92, "cls": 0.3}
    assert bench_pages.summary({"a": median, "b": worst}) == {
        "min_performance": 91,
        "min_accessibility": 92,
        "max_cls": 0.3,
        "median_performance": 91,
        "unmeasured": [],
    }


@pytest.mark.unit
def test_a_page_lighthouse_cannot_measure_scores_zero_and_is_named(monkeypatch):
    def run(url):
        if url.endswith("/claims/"):
            raise bench_pages.Unmeasured("PROTOCOL_TIMEOUT: Waiting for DevTools protocol response")
        return report(0.99, 0)

    monkeypatch.setattr(bench_pages, "lighthouse_report", run)
    measured = bench_pages.measure("http://127.0.0.1:1/", {"ar home": "/", "ar claims index": "/claims/"}, runs=2)
    assert measured["ar home"]["performance"] == 99 and "errors" not in measured["ar home"]
    assert measured["ar claims index"]["performance"] == 0 == measured["ar claims index"]["accessibility"]
    assert len(measured["ar claims index"]["errors"]) == 2
    overall = bench_pages.summary(measured)
    assert overall["min_performance"] == 0 and overall["unmeasured"] == ["ar claims index"]
    assert overall["max_cls"] == 0.2067
