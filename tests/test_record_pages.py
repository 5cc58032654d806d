"""The record pages (claim, entity, source, contradiction) as a reader meets them: the verdict before
the headline, record text escaped, rule codes in words, quotes marked over their whole extent,
long lists cut short with a link to the rest, chart rows named by what a reader knows."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO, claim_text, serve, write
from factcheck.checker import load
from factcheck.codes import CODES
from factcheck.schemas import Schemas
from factcheck.site import record_pages
from factcheck.site.context import SiteData
from factcheck.site.labels import LANGS, ui
from factcheck.textnorm import normalize, quote_fragments


def site_of(root: Path) -> SiteData:
    return SiteData(load(root), Schemas(root / "schema"))


@pytest.fixture(scope="module")
def real_site() -> SiteData:
    return site_of(REPO)


class _Reader(HTMLParser):
    """What a page shows: its text outside script, style and hidden elements, and its elements with
    their attributes in document order."""

    VOID = frozenset({"br", "img", "input", "meta", "link", "hr", "wbr"})

    def __init__(self):
        super().__init__()
        self.text: list[str] = []
        self.elements: list[tuple[str, dict]] = []
        self._skip: list[str] = []  # open elements whose text is not shown

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag in self.VOID:
            return
        if self._skip or tag in ("script", "style") or "hidden" in attrs:
            self._skip.append(tag)

    def handle_endtag(self, tag):
        if self._skip and self._skip[-1] == tag:
            self._skip.pop()

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    return reader


def shown_text(html: str) -> str:
    return " ".join(read(html).text)


# ---- claim pages


@pytest.mark.acceptance
@pytest.mark.parametrize("lang", LANGS)
def test_the_verdict_stands_above_the_headline_which_carries_no_id(real_site, lang):
    for cid, claim in real_site.ds.claims.items():
        title, body = record_pages.claim_page(real_site, cid, lang)
        elements = [tag if tag != "span" else attrs.get("class", "") for tag, attrs in read(body).elements]
        verdict = f"fc-verdict fc-verdict-{claim.data['verdict']['rating']}"
        assert verdict in elements and elements.index(verdict) < elements.index("h1"), cid
        headline = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S).group(1)
        assert cid not in headline and cid not in title


@pytest.mark.acceptance
def test_record_text_shows_as_text_on_every_page_that_carries_it(repo):
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    write(repo, "facts/claims/c-001-902.yaml", claim_text().replace("The ceasefire agreement was signed", hostile))
    site = site_of(repo)
    claim = site.ds.claims["c-001-902"].data
    pages = [
        record_pages.claim_page(site, "c-001-902", "en")[1],
        record_pages.entity_page(site, claim["subject"], "en")[1],
        record_pages.source_page(site, claim["evidence"][0]["source"], "en")[1],
    ]
    for body in pages:
        assert "<script>alert" not in body and "<img src=x" not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
        assert hostile in shown_text(body)


@pytest.mark.acceptance
def test_evidence_names_its_stance_in_words_and_its_source_by_name(real_site):
    for lang in LANGS:
        body = record_pages.claim_page(real_site, "c-000-047", lang)[1]
        stance = re.search(r'<span class="fc-stance fc-stance-supports">([^<]+)</span>', body)
        assert stance and stance.group(1) == real_site.label("claim", "evidence.stance", "supports", lang)
        assert "<figure" not in body and "<figcaption" not in body
        cite = re.search(r'<p class="fc-cite">(.*?)</p>', body, re.S).group(1)
        assert real_site.source_name("src-000", lang) in cite.replace("&#39;", "'")
        assert ">src-000<" not in cite and 'href="../../sources/src-000/#q-c-000-047-0"' in cite


# ---- rule codes in words


@pytest.mark.unit
def test_every_consistency_rule_has_words_for_readers_in_both_languages():
    for code in CODES:
        if code.startswith("FC4"):
            assert all(record_pages.rule_words(code, lang) != ui("detected_rule", lang) for lang in LANGS), code


@pytest.mark.acceptance
def test_no_rule_code_shows_on_an_arabic_record_page(repo):
    text = claim_text().replace(
        "verdict:",
        "silenced:\n- code: FC416\n  reason:\n"
        "    ar: تحقق المحرر من التاريخين.\n    en: An editor checked both dates.\nverdict:",
        1,
    )
    write(repo, "facts/claims/c-001-902.yaml", text)
    site = site_of(repo)
    detected = {x.data["detected_by"] for x in site.ds.contradictions.values()} - {"manual"}
    assert detected, "the minimal repository keeps contradictions found by a rule"
    pages = {("claims", "c-001-902"): record_pages.claim_page(site, "c-001-902", "ar")[1]}
    for xid in site.ds.contradictions:
        pages["contradictions", xid] = record_pages.contradiction_page(site, xid, "ar")[1]
    for where, body in pages.items():  # not in the text, nor in a tooltip (a reader meets those too)
        assert not re.search(r"FC\d{3}", body.split('<script type="application/ld+json">')[0]), where
    assert ui("rule_FC416", "ar") in shown_text(pages["claims", "c-001-902"])
    english = record_pages.contradiction_page(site, "x-cairo-for-egypt", "en")[1]
    assert ui("rule_FC406", "en") in shown_text(english) and "FC406" in shown_text(english)


# ---- source pages


@pytest.mark.acceptance
def test_every_quote_anchor_names_the_marked_segments_that_spell_the_whole_quote(real_site):
    """What records.js does, in Python: the marks of a paragraph whose offset lies in a quote's
    spans, read in order, are the quote's words (each fragment of it), and nothing else."""
    anchors = 0
    for sid in real_site.ds.sources:
        body = record_pages.source_page(real_site, sid, "ar")[1]
        paragraphs = re.findall(r'<p class="fc-para-text"[^>]*><span class="fc-para-no">(\d+)</span> (.*?)</p>', body)
        assert len(paragraphs) == len(real_site.ds.articles[sid].paragraphs)
        evidence = {
            f"q-{c.id}-{i}": ev
            for c in real_site.by_source[sid]
            for i, ev in enumerate(c.data["evidence"])
            if ev["source"] == sid
        }
        for n, html in paragraphs:
            marks = [
                (int(at), text) for at, text in re.findall(r'<mark class="fc-quoted" data-at="(\d+)">([^<]*)', html)
            ]
            for anchor, span in re.findall(r'<span id="([^"]+)" data-span="([\d ]+)"></span>', html):
                ev = evidence.pop(anchor)
                assert ev["paragraph"] == int(n)
                bounds = list(map(int, span.split()))
                pieces = [
                    "".join(t for at, t in marks if b <= at < e) for b, e in zip(bounds[::2], bounds[1::2], strict=True)
                ]
                assert [normalize(p) for p in pieces] == quote_fragments(ev["quote"]), anchor
                anchors += 1
        assert not evidence, f"quotes of {sid} without an anchor: {sorted(evidence)}"
    assert anchors >= len(real_site.ds.claims)


@pytest.mark.acceptance
def test_a_source_page_is_headed_by_its_title_not_its_id(real_site):
    for sid, source in real_site.ds.sources.items():
        for lang in LANGS:
            title, body = record_pages.source_page(real_site, sid, lang)
            assert title == source.data["title"]["text"][lang]
            headline = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S).group(1)
            assert sid not in headline and "src-" not in headline


# ---- long lists


def _many_claims(repo: Path, count: int) -> None:
    """`count` more claims like c-001-901: about al-Nadhuri, each quoting src-001's paragraph 3."""
    text = claim_text("facts/claims/c-001-901.yaml")
    for i in range(count):
        cid = f"c-001-{700 + i}"
        write(repo, f"facts/claims/{cid}.yaml", text.replace("id: c-001-901", f"id: {cid}"))


@pytest.mark.acceptance
def test_long_lists_of_claims_are_cut_short_with_a_link_to_all_of_them(repo):
    _many_claims(repo, record_pages.CLAIMS_SHOWN + 10)
    site = site_of(repo)
    about = len(site.by_subject["abdulrazek-al-nadhuri"])
    assert about > record_pages.CLAIMS_SHOWN
    entity = record_pages.entity_page(site, "abdulrazek-al-nadhuri", "en")[1]
    section = entity.split(f"<h2>{ui('about_it', 'en')}</h2>", 1)[1].split("<h2>", 1)[0]
    assert section.count("<li>") == record_pages.CLAIMS_SHOWN
    assert f'<a href="../../claims/?entity=abdulrazek-al-nadhuri">{ui("show_all_claims", "en")}</a>' in section
    assert f"<bdi>{about}</bdi>" in section
    source = record_pages.source_page(site, "src-001", "ar")[1]
    paragraph = source.split('id="p3"', 1)[1].split('class="fc-para"', 1)[0]
    assert paragraph.count("<li>") == record_pages.CLAIMS_SHOWN
    assert 'href="../../claims/?source=src-001"' in paragraph


# ---- contradiction charts


@pytest.mark.acceptance
@pytest.mark.parametrize("lang", LANGS)
def test_contradiction_chart_rows_are_named_by_subject_never_by_claim_id(real_site, lang):
    charted = 0
    for xid in real_site.ds.contradictions:
        body = record_pages.contradiction_page(real_site, xid, lang)[1]
        labels = re.findall(r'class="fc-label"[^>]*>([^<]*)<', body)
        charted += bool(labels)
        assert not any(re.search(r"\bc-\d{3}-\d{3}\b", label) for label in labels), (xid, labels)
    assert charted


# ---- a record of a kind without a page of its own


@pytest.mark.acceptance
def test_a_record_of_any_other_kind_gets_a_page_of_its_fields_in_the_readers_language(repo):
    kinds = (repo / "schema/kinds.json").read_text(encoding="utf-8")
    write(
        repo,
        "schema/kinds.json",
        kinds.replace('"title": "label",\n      "page": null', '"title": "label",\n      "page": "record"'),
    )
    site = site_of(repo)
    assert site.ds.kinds.get("property").page == "record"
    for lang in LANGS:
        title, body = record_pages.record_page(site, "property", "holds-post", lang)
        prop = site.ds.properties["holds-post"].data
        assert title == prop["label"][lang]
        text = shown_text(body)
        assert prop["description"][lang] in text and "holds-post" not in re.search(r"<h1[^>]*>(.*?)</h1>", body).group(
            1
        )
        assert site.kind_label("property", lang) in text


# ---- in a browser


@pytest.mark.browser
def test_the_verdict_of_every_claim_shows_in_the_first_screen_of_a_phone(site_dir, browser, real_site):
    below = []
    # Without script, which moves nothing on these pages and would double the time of 600 loads:
    # the verdict has to show in the first screen whether or not scripts run.
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    with serve(site_dir) as base:
        for prefix in ("", "en/"):
            for cid in sorted(real_site.ds.claims):
                page.goto(f"{base}{prefix}claims/{cid}/")
                box = page.locator(".fc-kicker .fc-verdict").bounding_box()
                if box is None or box["y"] < 0 or box["y"] + box["height"] > 740:
                    below.append((prefix, cid, box))
    context.close()
    assert below == []


@pytest.mark.browser
def test_arriving_at_a_quote_marks_every_segment_of_it(site_dir, browser):
    """Quotes that overlap others (src-002, paragraph 8) and quotes in several fragments (src-004,
    paragraph 5): the one a link names is marked whole, and following another link moves the mark."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    with serve(site_dir) as base:
        for source, first, then in (
            ("src-002", "q-c-002-004-0", "q-c-002-008-0"),
            ("src-004", "q-c-004-023-0", "q-c-004-022-0"),
        ):
            page.goto(f"{base}sources/{source}/#{first}")
            for anchor in (first, then):
                if anchor == then:
                    page.evaluate("id => { location.hash = id; }", anchor)
                expected = page.evaluate(
                    """id => {
                        const a = document.getElementById(id), s = a.dataset.span.split(' ').map(Number);
                        const inside = at => s.some((b, i) => i % 2 === 0 && b <= at && at < s[i + 1]);
                        return [...a.parentNode.querySelectorAll('mark.fc-quoted')]
                            .filter(m => inside(+m.dataset.at)).map(m => m.dataset.at);
                    }""",
                    anchor,
                )
                page.wait_for_function(
                    "n => document.querySelectorAll('mark.fc-target').length === n", arg=len(expected)
                )
                marked = page.eval_on_selector_all("mark.fc-target", "ms => ms.map(m => m.dataset.at)")
                assert marked == expected and len(marked) >= 2, (anchor, marked)
    context.close()
