"""Coverage: which sentences of each article the claims' quotes cover, and why the rest yield none.

Sentences are cut from the verification form of each paragraph, so quote spans and sentence spans
are measured on the same text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dataset import Dataset
from .textnorm import fragment_spans, quote_fragments

# A sentence ends at . ! ? ؟ followed by a space or the end of the paragraph; a double dot ".."
# separates the parts of an Arabic headline and does not end it.
_SENTENCE_END = re.compile(r"(?:[!?؟]+|(?<!\.)\.(?!\.)|\.{3,})(?= |$)")


@dataclass
class Sentence:
    paragraph: int
    index: int  # within the paragraph, from 1
    start: int
    end: int
    text: str
    claims: list[str] = field(default_factory=list)
    covered_chars: int = 0
    reasons: list[str] = field(default_factory=list)  # from the source's `uncovered` list

    @property
    def share(self) -> float:
        return self.covered_chars / max(1, self.end - self.start)

    @property
    def status(self) -> str:
        return "covered" if self.claims else ("explained" if self.reasons else "missing")


@dataclass
class SourceCoverage:
    source: str
    file: str
    sentences: list[Sentence]

    @property
    def counts(self) -> dict:
        statuses = [s.status for s in self.sentences]
        n = len(statuses)
        return {
            "sentences": n,
            "covered": statuses.count("covered"),
            "explained": statuses.count("explained"),
            "missing": statuses.count("missing"),
            "covered_share": round(statuses.count("covered") / n, 3) if n else 1.0,
        }


def split_sentences(paragraph_no: int, text: str) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if text[start : m.end()].strip():
            out.append(Sentence(paragraph_no, len(out) + 1, start, m.end(), text[start : m.end()].strip()))
        start = m.end()
    if text[start:].strip():
        out.append(Sentence(paragraph_no, len(out) + 1, start, len(text), text[start:].strip()))
    return out


def _spans(quote: str, normalized: str) -> list[tuple[int, int]]:
    return fragment_spans(quote_fragments(quote), normalized) or []


def compute(ds: Dataset) -> list[SourceCoverage]:
    result = []
    for sid, src in sorted(ds.sources.items()):
        article = ds.articles.get(sid)
        if article is None:
            continue
        sentences = {n: split_sentences(n, text) for n, text in enumerate(article.normalized, start=1)}
        for cid, claim in sorted(ds.claims.items()):
            for ev in claim.data["evidence"]:
                if ev["source"] == sid and ev["paragraph"] in sentences:
                    _mark(
                        sentences[ev["paragraph"]],
                        _spans(ev["quote"], article.normalized[ev["paragraph"] - 1]),
                        claim_id=cid,
                    )
        for item in src.data.get("uncovered", []):
            if item["paragraph"] in sentences:
                _mark(
                    sentences[item["paragraph"]],
                    _spans(item["quote"], article.normalized[item["paragraph"] - 1]),
                    reason=item["reason"],
                )
        for item in src.data.get("page_chrome", []):
            for s in sentences.get(item["paragraph"], []):
                s.reasons.append("page-chrome")
        result.append(SourceCoverage(sid, article.file, [s for n in sorted(sentences) for s in sentences[n]]))
    return result


def _mark(sentences: list[Sentence], spans, *, claim_id=None, reason=None):
    for s in sentences:
        overlap = sum(max(0, min(e, s.end) - max(b, s.start)) for b, e in spans)
        if overlap <= 0:
            continue
        if claim_id:
            if claim_id not in s.claims:
                s.claims.append(claim_id)
            s.covered_chars = min(s.end - s.start, s.covered_chars + overlap)
        elif reason not in s.reasons:
            s.reasons.append(reason)
