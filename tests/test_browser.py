"""The site in a real headless Chromium over a local server: languages and direction, the
language switcher, Arabic-aware search, quote links, no console errors, no request
leaving localhost, accessibility (axe-core), valid HTML (Nu checker), 360 px without sideways
scrolling; screenshots of every page type go to artifacts/screenshots/. (The claims filters:
test_list_pages.py.)"""

from __future__ import annotations

import json
import shutil
import subprocess
from urllib.parse import urlparse

import pytest

from conftest import REPO

pytestmark = pytest.mark.browser

VNU = REPO / ".venv/vnu/package/build/dist/vnu.jar"
SHOTS = REPO / "artifacts/screenshots"
PAGE_TYPES = {
    "home": "",
    "claim": "claims/c-000-001/",
    "entity": "entities/abdulrazek-al-nadhuri/",
    "source": "sources/src-000/",
    "contradiction": "contradictions/x-lna-chief-of-staff-succession/",
    "timeline": "timeline/",
    "claims-index": "claims/",
    "search": "search/",
    "corrected-claim": "claims/c-000-024/",
    "corrections": "corrections/",
    "about": "about/",
}
CHECKED_TYPES = ["home", "claim", "entity", "source", "contradiction", "timeline"]
LANGS = {"ar": "", "en": "en/"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_type(visit, lang, kind):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 360):
        v = visit(LANGS[lang] + PAGE_TYPES[kind], width)
        html = v.page.locator("html")
        assert html.get_attribute("lang") == lang
        assert v.page.locator("body").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
        assert v.errors == [], v.errors
        assert v.outside == [], v.outside
        scroll, client = v.page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert scroll <= client, f"{kind} ({lang}) scrolls sideways at {width} px: {scroll} > {client}"
        v.page.screenshot(path=str(SHOTS / f"{lang}-{kind}-{width}.png"), full_page=width == 360)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", CHECKED_TYPES)
def test_axe_finds_no_serious_violation(visit, lang, kind):
    from axe_playwright_python.sync_playwright import Axe

    v = visit(LANGS[lang] + PAGE_TYPES[kind])
    violations = Axe().run(v.page).response["violations"]
    serious = [
        (x["id"], x["impact"], [n["target"] for n in x["nodes"]][:3])
        for x in violations
        if x["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_nu_html_checker_finds_no_error(site_dir):
    if not VNU.exists():
        pytest.fail(f"the Nu HTML checker is missing at {VNU}: run `make test`, which installs it")
    if not shutil.which("java"):
        pytest.fail("the Nu HTML checker needs java")
    files = [str(site_dir / LANGS[lang] / PAGE_TYPES[k] / "index.html") for lang in LANGS for k in CHECKED_TYPES]
    proc = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files], capture_output=True, text=True
    )
    messages = json.loads(proc.stderr or "{}").get("messages", [])
    assert [(m.get("url", "").rsplit("site", 1)[-1], m.get("lastLine"), m["message"]) for m in messages] == []


def test_language_switcher_reaches_the_equivalent_page_and_back(visit, server):
    v = visit("claims/c-000-001/")
    v.page.locator('a.fc-lang[hreflang="en"]').first.dispatch_event("click")
    v.page.wait_for_url("**/en/claims/c-000-001/")
    assert v.page.locator("html").get_attribute("lang") == "en"
    v.page.locator('a.fc-lang[hreflang="ar"]').first.dispatch_event("click")
    v.page.wait_for_url(server + "claims/c-000-001/")
    assert v.page.locator("html").get_attribute("lang") == "ar"


def _search(visit, lang: str, query: str) -> list[str]:
    v = visit(f"{LANGS[lang]}search/?q={query}")
    v.page.wait_for_selector(".fc-results li", timeout=10_000)
    assert v.errors == [], v.errors
    return [urlparse(h).path for h in v.page.eval_on_selector_all(".fc-results li a", "els => els.map(e => e.href)")]


@pytest.mark.parametrize(
    "lang, query, entity",
    [
        ("ar", "ناظوري", "abdulrazek-al-nadhuri"),
        ("ar", "الدبيبه", "abdul-hamid-dbeibah"),
        ("ar", "والدبيبة", "abdul-hamid-dbeibah"),
        ("ar", "الناظورى", "abdulrazek-al-nadhuri"),
        ("en", "Nadhuri", "abdulrazek-al-nadhuri"),
    ],
)
def test_search_finds_the_entity_among_the_first_three(visit, lang, query, entity):
    results = _search(visit, lang, query)
    assert f"/{LANGS[lang]}entities/{entity}/" in results[:3], results[:5]
    if lang == "en":
        assert all(r.startswith("/en/") for r in results), results
    else:
        assert not any(r.startswith("/en/") for r in results), results


def test_a_quote_link_lands_on_its_highlighted_span(visit):
    v = visit("claims/c-000-047/")
    link = v.page.locator(".fc-cite a", has_text="موضعه في المقال").first
    link.click()
    v.page.wait_for_url("**/sources/src-000/#q-c-000-047-0")
    landed = v.page.evaluate("""() => {
        let el = document.querySelector(':target');
        const id = el && el.id;
        while (el && el.tagName !== 'MARK') el = el.nextElementSibling;
        return [id, el ? el.className : null];
    }""")
    assert landed == ["q-c-000-047-0", "fc-quoted fc-target"]
