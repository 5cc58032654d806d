"""The theme in a real headless Chromium over the built site: the header's search form and worded
language link on every page type in both languages, the navigation's Home item and contributors'
section, the bilingual 404 page, the Arabic face (preloaded, a bold that renders bold) and a font
swap that leaves a claim page where it was."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from test_browser import LANGS, PAGE_TYPES

pytestmark = pytest.mark.browser

PAGES = {
    **PAGE_TYPES,
    "entities-index": "entities/",
    "sources-index": "sources/",
    "contradictions-index": "contradictions/",
    "downloads": "downloads/",
    "reference": "reference/",
    "methodology": "methodology/",
}
SEARCH_LABEL = {"ar": "ابحث في الموقع", "en": "Search the site"}
QUERY = {"ar": "حفتر", "en": "Haftar"}
HOME = {"ar": "الرئيسية", "en": "Home"}
CONTRIBUTORS = {"ar": "للمساهمين", "en": "For contributors"}
OTHER = {"ar": ("en", "English"), "en": ("ar", "العربية")}
FONT = "assets/fonts/noto-naskh-arabic-arabic-400-normal.woff2"


def _path(url: str) -> str:
    return urlparse(url).path


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGES)
def test_header_search_sends_q_to_the_search_page_of_the_pages_language(visit, server, lang, kind):
    """At 360 px (where the page does not scroll sideways) the magnifier, a label, opens the field;
    the form is labelled in the page's language, has a border and a focus ring, and submits to
    that language's search page."""
    v = visit(LANGS[lang] + PAGES[kind], 360)
    page = v.page
    scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client, f"{kind} ({lang}) scrolls sideways at 360 px: {scroll} > {client}"
    field = page.get_by_role("banner").get_by_role("searchbox", name=SEARCH_LABEL[lang])
    assert field.get_attribute("name") == "q"
    page.locator(".md-header .fc-hsearch__label").click()
    assert field.evaluate("el => el === document.activeElement")
    box = field.bounding_box()
    assert box and box["width"] >= 150 and box["x"] >= 0 and box["x"] + box["width"] <= 360, box
    border, border_style, ring, ring_width = field.evaluate(
        "el => ['borderTopWidth', 'borderTopStyle', 'outlineStyle', 'outlineWidth'].map(k => getComputedStyle(el)[k])"
    )
    assert border != "0px" and border_style == "solid", (border, border_style)
    assert ring == "solid" and float(ring_width.removesuffix("px")) >= 2, (ring, ring_width)
    field.fill(QUERY[lang])
    field.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert _path(page.url) == f"/{LANGS[lang]}search/"
    assert parse_qs(urlparse(page.url).query) == {"q": [QUERY[lang]]}
    assert v.errors == [], v.errors


@pytest.mark.parametrize("lang", LANGS)
def test_header_search_field_shows_without_a_tap_on_a_wide_screen(visit, lang):
    v = visit(LANGS[lang])
    field = v.page.locator(".md-header .fc-hsearch__input")
    assert field.is_visible()
    assert field.bounding_box()["width"] >= 150


@pytest.mark.parametrize("lang", LANGS)
def test_language_link_is_worded_and_reaches_the_same_page_in_the_other_language(visit, server, lang):
    other, word = OTHER[lang]
    v = visit(LANGS[lang] + PAGES["claim"], 360)
    link = v.page.locator(".md-header a.fc-lang")
    assert link.count() == 1 and link.is_visible()
    assert link.inner_text().strip() == word
    assert link.get_attribute("hreflang") == other and link.get_attribute("lang") == other
    # No icon-only language menu left, and no misspelled Material label in any attribute.
    assert v.page.locator(".md-select, [aria-label*='إختر']").count() == 0
    link.click()
    v.page.wait_for_url(server + LANGS[other] + PAGES["claim"])
    assert v.page.locator("html").get_attribute("lang") == other


@pytest.mark.parametrize("lang", LANGS)
def test_navigation_names_home_and_keeps_contributor_pages_apart(visit, lang):
    v = visit(LANGS[lang] + PAGES["claim"])
    primary = v.page.locator("nav.md-nav--primary > ul > li")
    first = primary.first.locator("a")
    assert first.inner_text().strip() == HOME[lang]
    assert _path(first.evaluate("a => a.href")) == "/" + LANGS[lang]
    section = primary.filter(has=v.page.locator(":scope > label", has_text=CONTRIBUTORS[lang]))
    assert section.count() == 1
    inside = {_path(h) for h in section.locator("a").evaluate_all("as => as.map(a => a.href)")}
    assert inside == {f"/{LANGS[lang]}{p}/" for p in ("contribute", "style", "reference")}
    readers = {_path(h) for h in primary.locator(":scope > a").evaluate_all("as => as.map(a => a.href)")}
    assert f"/{LANGS[lang]}claims/" in readers and not readers & inside


def test_404_page_speaks_both_languages_and_links_both_homes(visit, server):
    v = visit("404.html")
    page = v.page
    assert page.locator("html").get_attribute("lang") == "ar"
    for lang, (home_text, search_label) in {
        "ar": ("الذهاب إلى الصفحة الرئيسية", SEARCH_LABEL["ar"]),
        "en": ("Go to the home page", SEARCH_LABEL["en"]),
    }.items():
        section = page.locator(f"section.fc-404[lang='{lang}']")
        assert section.count() == 1
        home = section.get_by_role("link", name=home_text)
        assert _path(home.evaluate("a => a.href")) == "/" + LANGS[lang]
        form = section.get_by_role("search")
        assert form.get_by_role("searchbox", name=search_label).count() == 1
        assert _path(form.evaluate("f => f.action")) == f"/{LANGS[lang]}search/"
        footer = page.locator(f".md-copyright .fc-credit[lang='{lang}']")
        assert footer.count() == 1
    # No switcher to whichever page the last build rendered, nor either build's navigation.
    assert page.locator("a[hreflang], .md-select, nav.md-nav--primary").count() == 0
    assert v.errors == [], v.errors
    page.locator("section.fc-404[lang='en'] a").first.click()
    page.wait_for_url(server + "en/")
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize("lang", LANGS)
def test_footer_is_in_the_pages_language(visit, lang):
    v = visit(LANGS[lang] + PAGES["claim"])
    credit = v.page.locator(".md-copyright .fc-credit")
    assert credit.count() == 1 and credit.get_attribute("lang") == lang
    assert ("صُنع باستخدام" in credit.inner_text()) == (lang == "ar")


@pytest.mark.parametrize("kind", ["home", "claim", "entity", "claims-index"])
def test_arabic_pages_preload_their_face_and_english_pages_do_not(visit, server, kind):
    for lang in LANGS:
        v = visit(LANGS[lang] + PAGES[kind])
        preload = v.page.locator('link[rel="preload"][as="font"][type="font/woff2"][crossorigin]')
        if lang == "en":
            assert preload.count() == 0
            continue
        assert _path(preload.evaluate("l => l.href")) == "/" + FONT
        # The stylesheet's face is the preloaded file: one request, and the face loaded from it.
        fetched = v.page.evaluate("performance.getEntriesByType('resource').map(r => r.name)")
        assert [_path(u) for u in fetched].count("/" + FONT) == 1
        assert v.page.evaluate("document.fonts.check('16px \"Noto Naskh Arabic\"', 'ع')")


# Ink (summed alpha) of an Arabic line drawn by canvas in the face and weight of an element.
INK = """async ([selector, weight]) => {
  const el = document.querySelector(selector);
  const s = getComputedStyle(el);
  await document.fonts.load(`${weight} 40px "Noto Naskh Arabic"`, 'توحيد');
  const c = document.createElement('canvas');
  c.width = 900; c.height = 120;
  const x = c.getContext('2d');
  x.font = `${weight} 40px ${s.fontFamily}`;
  x.fillText('توحيد الجيش الليبي', 20, 80);
  const d = x.getImageData(0, 0, c.width, c.height).data;
  let ink = 0;
  for (let i = 3; i < d.length; i += 4) ink += d[i];
  return [s.fontWeight, ink / 255];
}"""


def test_arabic_bold_is_drawn_bold(visit):
    """A table head asks for 700; in the page's Arabic face, 700 draws heavier strokes than 400
    (with the face declared 400-700 for a regular file, both drew the same)."""
    v = visit(PAGES["home"])
    weight, bold = v.page.evaluate(INK, [".fc-table th", 700])
    _, regular = v.page.evaluate(INK, [".fc-table th", 400])
    assert weight == "700"
    assert bold > 1.2 * regular, (bold, regular)
    assert v.page.evaluate("document.fonts.check('700 16px \"Noto Naskh Arabic\"', 'ع')")


LAYOUT_SHIFTS = """
window.__shift = 0;
new PerformanceObserver(list => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
}).observe({type: 'layout-shift', buffered: true});
"""


def test_the_font_swap_leaves_a_claim_page_in_place(browser, server):
    """The Arabic file is held back until the page has painted in the fallback face; the swap that
    follows moves the page by a cumulative layout shift of at most 0.02 at 360 px."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.add_init_script(LAYOUT_SHIFTS)
        held = []
        page.route("**/*.woff2", lambda route: held.append(route))
        page.goto(server + PAGES["claim"], wait_until="commit")
        page.wait_for_function("() => performance.getEntriesByName('first-contentful-paint').length > 0")
        page.wait_for_timeout(300)
        assert held, "the page did not ask for the Arabic face"
        assert not page.evaluate("document.fonts.check('16px \"Noto Naskh Arabic\"', 'ع')")
        for route in held:
            route.continue_()
        page.wait_for_load_state("networkidle")
        page.wait_for_function("() => document.fonts.check('16px \"Noto Naskh Arabic\"', 'ع')")
        page.wait_for_timeout(300)  # let the swap's layout be observed
        shift = page.evaluate("window.__shift")
        assert shift <= 0.02, f"the font swap shifted the claim page by {shift:.4f}"
    finally:
        context.close()
