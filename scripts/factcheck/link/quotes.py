"""Quotes: every quote stands in its article, in the paragraph it names (FC301, FC302, FC305), and
carries words (FC307); an alias is written in the source it names (FC306); what a source record
says its page shows is there (FC309). Which fields are quotes, the schemas say (`x-quote`:
`evidence`, a claim's proof from the source it names; `passage`, a passage of the record's own
article)."""

from __future__ import annotations

import difflib

from .. import findings as F
from ..dataset import Article, Dataset, Record
from ..schemas import Schemas, values_at
from ..textnorm import (
    MIN_EVIDENCE_LETTERS,
    MIN_PASSAGE_LETTERS,
    MIN_WORD_LETTERS,
    contains_words,
    find_fragments,
    normalize,
    quote_fragments,
    quote_problem,
)

MIN_LETTERS = {"evidence": MIN_EVIDENCE_LETTERS, "passage": MIN_PASSAGE_LETTERS}  # per schemas.QUOTE_ROLES


def closest_passage(quote: str, paragraph: str) -> str:
    """The run of words in `paragraph` most like `quote`, to show a contributor what differs."""
    words, n = paragraph.split(), max(1, len(quote.split()))
    if len(words) <= n:
        return paragraph
    windows = [" ".join(words[i : i + n]) for i in range(len(words) - n + 1)]
    target = normalize(quote)
    return max(windows, key=lambda w: difflib.SequenceMatcher(None, normalize(w), target, autojunk=False).ratio())


def best_paragraph(quote: str, article: Article) -> int:
    """The paragraph (from 1) that shares most words with a quote found nowhere."""
    words = set(normalize(quote).split())
    return 1 + max(range(len(article.paragraphs)), key=lambda i: len(words & set(article.normalized[i].split())))


def _quoted_spans(schemas: Schemas, rec: Record):
    """(pointer, source id, quote, paragraph, letters needed) of every quote a record makes."""
    for template, role in schemas.annotated(rec.kind, "x-quote"):
        for pointer, item in values_at(rec.data, template):
            source = item["source"] if role == "evidence" else rec.id
            yield pointer, source, item["quote"], item["paragraph"], MIN_LETTERS[role]


def check(ds: Dataset, schemas: Schemas, rec: Record) -> list[F.Finding]:
    out = []
    for pointer, source_id, quote, given, min_letters in _quoted_spans(schemas, rec):
        problem = quote_problem(quote, min_letters)
        if problem:
            out.append(
                F.make(
                    "FC307",
                    rec.path,
                    pointer=pointer + ("quote",),
                    problem=problem,
                    min_letters=min_letters,
                    min_word=MIN_WORD_LETTERS,
                )
            )
            continue
        article = ds.articles.get(source_id)
        if article is not None:  # a dangling or unreadable source is reported elsewhere
            out.extend(_check_quote(rec, pointer, source_id, quote, given, article))
    if rec.kind == "entity":
        for i, alias in enumerate(rec.data["aliases"]):
            article = ds.articles.get(alias.get("source", ""))
            if article is not None and not contains_words(alias["text"], article.joined):
                out.append(
                    F.make(
                        "FC306", rec.path, pointer=("aliases", i, "text"), text=alias["text"], source=alias["source"]
                    )
                )
    if rec.kind == "source" and rec.id in ds.articles:
        out.extend(_check_shown(rec, ds.articles[rec.id]))
        count = len(ds.articles[rec.id].paragraphs)
        for i, item in enumerate(rec.data.get("page_chrome", [])):
            if item["paragraph"] > count:
                out.append(
                    F.make(
                        "FC305",
                        rec.path,
                        pointer=("page_chrome", i, "paragraph"),
                        source=rec.id,
                        count=count,
                        given=item["paragraph"],
                    )
                )
    return out


def _check_shown(src: Record, article: Article):
    """What a source record says its page shows (headline, outlet) is in the stored page."""
    d = src.data
    if d["title"]["shown"]:  # a headline is a line of the page, whole
        text = d["title"]["text"][d["language"]]
        if normalize(text) not in article.normalized:
            yield F.make(
                "FC309",
                src.path,
                pointer=("title", "text", d["language"]),
                field="title.text",
                text=text,
                file=article.file,
                what="headline, a whole line of the page,",
            )
    if d["outlet"]["shown"]:  # a name within a line (a byline, a footer), in whole words
        text = d["outlet"]["as_shown"]
        if quote_problem(text, MIN_PASSAGE_LETTERS) or not contains_words(text, article.joined):
            yield F.make(
                "FC309",
                src.path,
                pointer=("outlet", "as_shown"),
                field="outlet.as_shown",
                text=text,
                file=article.file,
                what="outlet's name (whole words)",
            )


def _check_quote(rec: Record, pointer: tuple, source_id: str, quote: str, given: int, article: Article):
    fragments = quote_fragments(quote)
    count = len(article.paragraphs)
    if given > count:
        yield F.make("FC305", rec.path, pointer=pointer + ("paragraph",), source=source_id, count=count, given=given)
        return
    if find_fragments(fragments, article.normalized[given - 1]):
        return
    found = next((i + 1 for i, p in enumerate(article.normalized) if find_fragments(fragments, p)), None)
    if found is not None:
        yield F.make("FC302", rec.path, pointer=pointer + ("paragraph",), source=source_id, found=found, given=given)
        return
    best = best_paragraph(quote, article)
    yield F.make(
        "FC301",
        rec.path,
        pointer=pointer + ("quote",),
        source=source_id,
        file=article.file,
        paragraph=best,
        closest=closest_passage(quote, article.paragraphs[best - 1]),
    )
