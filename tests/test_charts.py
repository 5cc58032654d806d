"""The time-bar charts (site/timebar.py): rows merged by label, the key, truncated labels with their
full text, geometry that stays inside the chart in both directions, the spans in words; and in a
real Chromium, on every built page with a chart, in both languages at 360 and 1280 px: every
<text> inside its <svg>, the inferred hatching on screen, the key and the words there."""

from __future__ import annotations

import base64
import datetime as dt
import itertools
import re
import xml.etree.ElementTree as ET

import pytest
from markupsafe import escape

from conftest import REPO, serve
from factcheck.site import timebar
from factcheck.site.labels import ui
from factcheck.timespans import EARLIEST, LATEST


def day(text: str) -> int:
    return dt.date.fromisoformat(text).toordinal()


def row(label, lo, hi, inferred=False):
    return {"label": label, "lo": lo, "hi": hi, "inferred": inferred}


# The same post held twice (one stated, one inferred), a post still held, one never dated.
ROWS = [
    row("Chief of Staff", day("2014-03-01"), day("2017-05-31")),
    row("Chief of Staff", day("2020-01-01"), day("2021-12-31"), inferred=True),
    row("Commander", day("2019-06-01"), LATEST),
    row("Adviser", EARLIEST, LATEST),
]
LONG = "Cairo talks between the High Council of State and the House of Representatives on the army"


def picture(html: str) -> ET.Element:
    """The chart's <svg> element, parsed (the template writes it as well-formed XML)."""
    return ET.fromstring(re.search(r"<svg class=\"fc-timebar\".*?</svg>", html, re.S).group(0))


def percent(value: str) -> float:
    assert value.endswith("%"), value
    return float(value[:-1])


@pytest.mark.unit
def test_rows_with_the_same_label_are_one_row_with_several_bars():
    svg = picture(timebar.svg(ROWS, "Posts", "en"))
    labels = [t.text for t in svg.iter("text") if "fc-label" in t.get("class")]
    assert labels == ["Chief of Staff", "Commander", "Adviser"]
    bars = [r for r in svg.iter("rect") if "fc-bar" in (r.get("class") or "")]
    assert len(bars) == 3
    chief = [b for b in bars if float(b.get("y")) < 50]
    assert len(chief) == 2 and len({b.get("y") for b in chief}) == 1  # side by side on one line


@pytest.mark.unit
def test_overlapping_spans_of_one_row_lie_one_under_the_other():
    rows = [row("A", day("2015-01-01"), day("2018-12-31")), row("A", day("2017-01-01"), day("2019-12-31"), True)]
    bars = [r for r in picture(timebar.svg(rows, "t", "en")).iter("rect") if "fc-bar" in (r.get("class") or "")]
    assert len({b.get("y") for b in bars}) == 2


@pytest.mark.unit
def test_identical_rows_are_drawn_once():
    svg = picture(timebar.svg([ROWS[0], ROWS[0]], "t", "en"))
    assert len([r for r in svg.iter("rect") if "fc-bar" in (r.get("class") or "")]) == 1


@pytest.mark.unit
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_key_names_what_the_chart_draws(lang):
    html = timebar.svg(ROWS, "Posts", lang)
    key = re.search(r'<ul class="fc-key".*?</ul>', html, re.S).group(0)
    for word in ("chart_stated", "chart_inferred", "chart_open"):
        assert escape(ui(word, lang)) in key
    only_stated = timebar.svg(ROWS[:1], "Posts", lang)
    assert escape(ui("chart_inferred", lang)) not in only_stated and escape(ui("chart_open", lang)) not in only_stated


@pytest.mark.unit
def test_inferred_bars_are_hatched_and_outlined_stated_bars_solid():
    html = timebar.svg(ROWS, "Posts", "en")
    svg = picture(html)
    patterns = {p.get("id") for p in svg.iter("pattern")}
    bars = [r for r in svg.iter("rect") if "fc-bar" in (r.get("class") or "")]
    inferred = [b for b in bars if "fc-bar-inferred" in b.get("class")]
    stated = [b for b in bars if "fc-bar-stated" in b.get("class")]
    assert len(inferred) == 1 and len(stated) == 2
    assert re.fullmatch(r"url\(#(.+)\)", inferred[0].get("fill")).group(1) in patterns
    assert all(b.get("fill") is None for b in stated)
    css = (REPO / "docs/assets/charts.css").read_text(encoding="utf-8")
    assert re.search(r"\.fc-bar-inferred\s*\{[^}]*stroke-dasharray", css)
    assert not re.search(r"\.fc-bar-inferred\s*\{[^}]*fill", css), "a CSS fill would hide the hatching"
    assert not re.search(r"\.fc-bar\s*\{[^}]*fill", css), "a CSS fill would hide the hatching"


@pytest.mark.unit
def test_open_ends_carry_an_arrow_at_the_edge_they_run_to():
    for lang, edge in (("en", "100%"), ("ar", "0%")):
        uses = list(picture(timebar.svg(ROWS, "t", lang)).iter("use"))
        assert [u.get("x") for u in uses] == [edge]


@pytest.mark.unit
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_long_label_is_cut_with_its_full_text_in_a_title(lang):
    html = timebar.svg([row(LONG, day("2020-01-01"), day("2020-12-31"))], "t", lang)
    texts = [t for t in picture(html).iter("text") if "fc-label" in t.get("class")]
    assert texts, html
    narrow = [t for t in texts if "fc-wide" not in t.get("class")]
    assert len(narrow) == 1
    title = narrow[0].find("title")
    assert title is not None and title.text == LONG
    assert narrow[0].text is None and title.tail.endswith("…")
    assert LONG.startswith(title.tail[:-1].rstrip())
    assert f"<bdi>{LONG}</bdi>" in html  # the words under the chart keep all of it


@pytest.mark.unit
def test_fit_cuts_by_estimated_width_at_a_word_end():
    assert timebar.fit("Short name", timebar.NARROW) == "Short name"
    cut = timebar.fit(LONG, timebar.NARROW)
    assert cut.endswith("…") and len(cut) < len(LONG)
    assert LONG.startswith(cut[:-1]) and LONG[len(cut) - 1] == " "
    arabic = "محادثات القاهرة بين المجلس الأعلى للدولة ومجلس النواب حول توحيد المؤسسة العسكرية الليبية"
    cut = timebar.fit(arabic, timebar.NARROW)
    assert cut.endswith("…") and arabic[len(cut) - 1] == " "
    assert timebar.fit(arabic, timebar.WIDE) == arabic
    # Arabic letters are narrower than Latin ones: more of them fit in the same room
    assert len(timebar.fit("ب" * 200, 300)) > len(timebar.fit("b" * 200, 300))


@pytest.mark.unit
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_position_lies_inside_the_chart_and_text_grows_inwards(lang):
    rows = [*ROWS, row("Earliest", EARLIEST, day("2012-06-30"), True), row("Day", day("2023-02-03"), day("2023-02-03"))]
    html = timebar.svg(rows, "t", lang)
    svg = picture(html)
    height = float(svg.get("height"))
    assert svg.get("viewBox") is None and svg.get("width") == "100%"  # scaled to the column, text unscaled
    for r in svg.iter("rect"):
        if "fc-bar" in (r.get("class") or ""):
            x, w = percent(r.get("x")), percent(r.get("width"))
            assert x >= 0 and x + w <= 100.001 and 0 <= float(r.get("y")) < height
    for line in svg.iter("line"):
        assert 0 <= percent(line.get("x1")) <= 100
        assert 0 <= float(line.get("y1")) < float(line.get("y2")) <= height
    rtl = lang == "ar"
    for t in svg.iter("text"):
        assert 0 < float(t.get("y")) <= height
        cls = t.get("class")
        if "fc-year" in cls:
            # beside its gridline, into the year it names; the last years are left out when no room
            assert t.get("direction") == "ltr"
            assert (t.get("text-anchor"), float(t.get("dx")) < 0) == (("end", True) if rtl else ("start", False))
            assert (percent(t.get("x")) > 0) if rtl else (percent(t.get("x")) < 100)
        else:
            # from the start edge, in the page's direction: SVG resolves the anchor by the text's own direction
            assert t.get("direction") == ("rtl" if rtl else "ltr") and t.get("text-anchor") == "start"
            assert (t.get("x"), float(t.get("dx")) < 0) == (("100%", True) if rtl else ("0", False))
    bars = [percent(r.get("x")) for r in svg.iter("rect") if "fc-bar" in (r.get("class") or "")]
    # time runs from the right in Arabic: the 2014 bar lies right of the 2019 one
    assert (bars[0] > bars[2]) if rtl else (bars[0] < bars[2])


@pytest.mark.unit
def test_year_labels_thin_out_on_narrow_charts_only():
    svg = picture(timebar.svg([row("A", day("2000-01-01"), day("2019-12-31"))], "t", "en"))
    years = [(int(t.text), t.get("class")) for t in svg.iter("text") if "fc-year" in t.get("class")]
    narrow = sorted(y for y, cls in years if "fc-wide" not in cls)
    wide = sorted(y for y, cls in years if "fc-narrow" not in cls)
    assert narrow == [2000, 2005, 2010, 2015]  # 20 years on 300 px: every 5th
    assert wide == list(range(2000, 2020, 2))  # on 600 px: every 2nd
    for shown, width in ((narrow, timebar.NARROW), (wide, timebar.WIDE)):
        px_per_year = width / 20
        assert min(b - a for a, b in itertools.pairwise(shown)) * px_per_year >= timebar.YEAR_GAP
        assert (2020 - shown[-1]) * px_per_year >= timebar.YEAR_ROOM


@pytest.mark.unit
@pytest.mark.parametrize(
    "lo, hi, words",
    [
        ("2014-01-01", "2017-12-31", "from 2014 to 2017 (year precision), stated in the source"),
        ("2019-03-01", "2019-03-31", "March 2019 (month precision), stated in the source"),
        ("2019-03-01", "2020-02-29", "from March 2019 to February 2020 (month precision)"),
        ("2019-03-05", "2019-03-05", "5 March 2019 (day precision)"),
        ("2019-01-01", "2019-01-20", "from 1 January 2019 to 20 January 2019 (day precision)"),
    ],
)
def test_the_spans_in_words_say_the_same_days_at_their_precision(lo, hi, words):
    html = timebar.svg([row("A", day(lo), day(hi))], "t", "en")
    assert words in re.search(r'<details class="fc-chart-text">.*</details>', html, re.S).group(0)


@pytest.mark.unit
def test_the_spans_in_words_in_arabic_with_open_ends_and_inferred_dates():
    html = timebar.svg(ROWS, "المناصب", "ar")
    words = re.search(r'<details class="fc-chart-text">.*</details>', html, re.S).group(0)
    assert "<summary>التواريخ نفسها كتابةً</summary>" in words
    assert (
        "من مارس 2014 إلى مايو 2017 (دقة الشهر)، مذكور في المصدر؛ من عام 2020 إلى عام 2021 (دقة السنة)، مستنتَج" in words
    )
    assert "من يونيو 2019، والنهاية غير معروفة (دقة الشهر)" in words
    assert "<bdi>Adviser</bdi>: لا تاريخ في المصدر" in words


@pytest.mark.unit
def test_the_picture_is_named_and_holds_no_link():
    html = timebar.svg(ROWS, "Posts over time", "en")
    svg = picture(html)
    assert svg.get("role") == "img"
    title = svg.find("title")
    assert title.get("id") == svg.get("aria-labelledby")
    assert title.text == "Posts over time: time bars from 2014 to 2021"
    assert not list(svg.iter("a"))


@pytest.mark.unit
def test_record_text_is_escaped():
    html = timebar.svg([row('<script>alert(1)</script> & "x"', day("2020-01-01"), day("2020-12-31"))], "<b>", "en")
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.unit
def test_no_chart_without_a_date_and_distinct_ids_for_distinct_charts():
    assert timebar.svg([ROWS[3]], "t", "en") == ""
    ids = {re.search(r'id="(fc-chart-[0-9a-f]+)"', timebar.svg(ROWS[:k], "t", "en")).group(1) for k in (1, 2, 3)}
    assert len(ids) == 3
    assert timebar.svg(ROWS, "t", "en") == timebar.svg(ROWS, "t", "en")  # the build stays reproducible


@pytest.mark.unit
def test_the_stylesheet_switches_at_the_width_the_code_plans_for():
    css = (REPO / "docs/assets/charts.css").read_text(encoding="utf-8")
    assert f"(width < {timebar.WIDE}px)" in css and f"(width >= {timebar.WIDE}px)" in css
    assert ".fc-timebar" not in (REPO / "docs/assets/site.css").read_text(encoding="utf-8")
    assert "min-width" not in css
    assert "assets/charts.css" in (REPO / "mkdocs.yml").read_text(encoding="utf-8")


# ---- in Chromium, on the built site

WIDTHS = (360, 1280)

# Per chart on the page: every rendered <text> against its <svg>'s box, the inferred bars' fill and
# its pattern's colours, the key and the words under the chart.
MEASURE = """() => {
  const allInferred = [...document.querySelectorAll('svg.fc-timebar rect.fc-bar-inferred')];
  return [...document.querySelectorAll('.fc-chart')].map(chart => {
    const svg = chart.querySelector('svg.fc-timebar'), box = svg.getBoundingClientRect();
    const outside = [...svg.querySelectorAll('text')].filter(t => t.checkVisibility()).map(t => {
      const r = t.getBoundingClientRect();
      return [t.textContent, r.left - box.left, box.right - r.right, r.top - box.top, box.bottom - r.bottom];
    }).filter(([, ...margins]) => Math.min(...margins) < -0.5);
    const inferred = [...svg.querySelectorAll('rect.fc-bar-inferred')].map(r => {
      const fill = getComputedStyle(r).fill, id = (fill.match(/#([^"')]+)/) || [])[1];
      const pattern = id ? document.getElementById(id) : null;
      return {
        fill, pattern: pattern ? pattern.tagName : null,
        colours: pattern ? [...pattern.querySelectorAll('rect')].map(p => getComputedStyle(p).fill) : [],
        width: r.getBoundingClientRect().width, index: allInferred.indexOf(r),
      };
    });
    return {
      name: svg.getAttribute('role') === 'img'
        && document.getElementById(svg.getAttribute('aria-labelledby')).textContent,
      width: box.width, column: chart.parentElement.getBoundingClientRect().width,
      right: box.right, left: box.left, viewport: document.documentElement.clientWidth,
      outside, inferred,
      labels: [...svg.querySelectorAll('text.fc-label')].filter(t => t.checkVisibility()).length,
      key: chart.querySelectorAll('.fc-key li').length,
      words: chart.querySelectorAll('.fc-chart-text > ul > li').length,
      summary: chart.querySelector('.fc-chart-text > summary').textContent.trim(),
    };
  });
}"""

# The spread of brightness in a PNG, read back by the browser itself (no image library here).
BRIGHTNESS_SPREAD = """async (png) => {
  const img = new Image(); img.src = 'data:image/png;base64,' + png; await img.decode();
  const canvas = document.createElement('canvas'); canvas.width = img.width; canvas.height = img.height;
  const g = canvas.getContext('2d'); g.drawImage(img, 0, 0);
  const d = g.getImageData(0, 0, img.width, img.height).data;
  let lo = 255, hi = 0;
  for (let i = 0; i < d.length; i += 4) {
    const y = 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2];
    lo = Math.min(lo, y); hi = Math.max(hi, y);
  }
  return hi - lo;
}"""


def brightness_spread_inside(page, element) -> float:
    """How far apart the darkest and lightest pixels inside `element` (less its outline) are on screen."""
    element.scroll_into_view_if_needed()
    box = element.bounding_box()
    inside = {"x": box["x"] + 3, "y": box["y"] + 3, "width": box["width"] - 6, "height": box["height"] - 6}
    png = page.screenshot(clip=inside, style=".md-header { visibility: hidden; }")
    return page.evaluate(BRIGHTNESS_SPREAD, base64.b64encode(png).decode())


def chart_pages(site_dir) -> list[str]:
    """Every built page with a chart, found by the chart's class."""
    return sorted(
        p.parent.relative_to(site_dir).as_posix() + "/"
        for p in site_dir.rglob("index.html")
        if 'class="fc-chart"' in p.read_text(encoding="utf-8")
    )


def chart_problems(chart: dict, where: str) -> list[str]:
    problems = []
    if chart["outside"]:
        problems.append(f"{where}: text outside its chart {chart['outside'][:3]}")
    if chart["left"] < -0.5 or chart["right"] > chart["viewport"] + 0.5 or chart["width"] > chart["column"] + 0.5:
        problems.append(f"{where}: wider than its column ({chart['width']} px in {chart['column']} px)")
    if not chart["name"]:
        problems.append(f"{where}: the picture has no name")
    if chart["key"] < 1:
        problems.append(f"{where}: no key")
    if chart["words"] != chart["labels"] or not chart["summary"]:
        problems.append(f"{where}: {chart['words']} rows in words for {chart['labels']} in the picture")
    for bar in chart["inferred"]:
        if not bar["fill"].startswith("url(") or bar["pattern"] != "pattern" or len(set(bar["colours"])) < 2:
            problems.append(f"{where}: an inferred bar is not hatched: {bar}")
    return problems


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_charts_read_inside_their_box_at_every_width(site_dir, browser, lang):
    pages = [p for p in chart_pages(site_dir) if p.startswith("en/") == (lang == "en")]
    assert {"timeline", "entities", "contradictions"} <= {p.removeprefix("en/").split("/")[0] for p in pages}
    problems, hatch_spread = [], None
    with serve(site_dir) as base:
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            for path in pages:
                page.goto(base + path)
                charts = page.evaluate(MEASURE)
                assert charts, path
                for i, chart in enumerate(charts):
                    problems += chart_problems(chart, f"{path} chart {i} at {width} px")
                wide = [bar for chart in charts for bar in chart["inferred"] if bar["width"] >= 16]
                if wide and hatch_spread is None:
                    # on screen an inferred bar shows light and dark stripes, not one flat colour
                    hatch_spread = brightness_spread_inside(
                        page, page.locator("svg.fc-timebar rect.fc-bar-inferred").nth(wide[0]["index"])
                    )
                if width == WIDTHS[-1]:
                    # on paper the words stand under the chart without a click
                    page.emulate_media(media="print")
                    printed = page.evaluate(
                        "[...document.querySelectorAll('.fc-chart-text > ul')].map(u => u.checkVisibility())"
                    )
                    page.emulate_media(media="screen")
                    if not all(printed):
                        problems.append(f"{path}: the spans in words do not print")
            context.close()
    assert hatch_spread is not None, "no inferred bar wide enough to look at"
    assert hatch_spread > 100, f"the inferred bar shows one flat colour (brightness spread {hatch_spread})"
    assert problems == []
