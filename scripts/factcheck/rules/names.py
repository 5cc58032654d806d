"""Rule 4: names (FC406, FC407).

FC406: one name or alias text (in verification form) belongs to two entities, so a reader or a
search cannot tell which is meant — typically a bare surname shared by relatives.
FC407: a claim's quote names its subject (a person) by a spelling close to, but not among, the
entity's names: a new spelling to record as an alias, or a different person.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from functools import lru_cache

from .. import findings as F
from ..textnorm import fold_for_search, normalize
from .common import active_claims

SIMILAR = 0.8  # the whole name
SIMILAR_LAST = 0.7  # its last word: people who share a given name differ in the family name
_NOT_LETTER = re.compile(r"[^\w]+")


def names_of(entity) -> list[str]:
    d = entity.data
    return [d["name"]["ar"], *(a["text"] for a in d["aliases"] if a["lang"] == "ar")]


def check(ds):
    yield from _shared_names(ds)
    yield from _unlisted_spellings(ds)


def _shared_names(ds):
    owners = defaultdict(set)
    for entity in ds.entities.values():
        for text in names_of(entity):
            owners[normalize(text)].add(entity.id)
    for text, owner_set in sorted(owners.items()):
        if len(owner_set) > 1:
            ids = sorted(owner_set)
            first = ds.entities[ids[0]]
            yield F.make(
                "FC406",
                first.path,
                pointer=("aliases",),
                entities=tuple(ids),
                related=[F.Location(ds.entities[i].path, ("aliases",)) for i in ids[1:]],
                name=text,
                owners=", ".join(ids),
            )


def _unlisted_spellings(ds):
    folded_names = {}
    for claim in active_claims(ds):
        subject = ds.entities.get(claim.data["subject"])
        if subject is None or subject.data["type"] != "person":
            continue
        if subject.id not in folded_names:
            folded_names[subject.id] = (
                [normalize(n) for n in names_of(subject)],
                tuple(dict.fromkeys(tuple(_words(fold_for_search(n))) for n in names_of(subject))),
            )
        exact, folded = folded_names[subject.id]
        for i, ev in enumerate(claim.data["evidence"]):
            quote = normalize(ev["quote"])
            if any(name in quote for name in exact):
                continue
            spelling = _closest_spelling(
                tuple(_words(fold_for_search(ev["quote"]))), tuple(_words(normalize(ev["quote"]))), folded
            )
            if spelling:
                yield F.make(
                    "FC407",
                    claim.path,
                    pointer=("evidence", i, "quote"),
                    claims=(claim.id,),
                    spelling=spelling,
                    subject=subject.id,
                    source=ev["source"],
                )


@lru_cache(maxsize=4096)
def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@lru_cache(maxsize=1024)
def _closest_spelling(folded_words: tuple, words: tuple, names: tuple) -> str | None:
    """The words of the quote that look like one of the (multi-word) names, if any.

    A misspelt name keeps some of its words (a given name, a family prefix), so only names
    sharing a word with the quote are compared letter by letter. Comparisons are remembered: the
    same quote under many claims, or the same words against many aliases, cost one comparison."""
    if len(folded_words) != len(words):
        return None
    present = set(folded_words)
    for name in names:
        n = len(name)
        if n < 2 or present.isdisjoint(name):
            continue  # a lone word matches too much by chance
        target = " ".join(name)
        for i in range(len(words) - n + 1):
            if _ratio(folded_words[i + n - 1], name[-1]) < SIMILAR_LAST:
                continue
            if _ratio(" ".join(folded_words[i : i + n]), target) >= SIMILAR:
                return " ".join(words[i : i + n])
    return None


def _words(text: str) -> list[str]:
    """Words without punctuation, so 'باثيلي،' compares as 'باثيلي'."""
    return [w for w in (_NOT_LETTER.sub("", w) for w in text.split(" ")) if w]
