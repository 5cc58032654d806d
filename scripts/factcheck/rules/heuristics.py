"""Heuristic rules, whose findings are warnings (they point at likely mistakes, never prove one):

FC414: a claim names whom its holder `replaces`, and the holder before it in time is someone else.
FC415: two entities of one type whose names read alike once spelling variants are folded (alef
forms, ى/ي, ة/ه, hamza seats, the article prefixes; Latin case and punctuation): possibly one
entity recorded twice.
FC416: unrelated holders (different people, different posts) whose holdings all end on one
day-precision date the sources show (`ending`): a date copied from one record to another, as
openstates learnt from real pull requests.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict

from .. import findings as F
from ..textnorm import fold_for_search, normalize
from .common import active_claims, for_claims
from .names import names_of
from .succession import PREDECESSOR, holders

_LATIN_NOISE = re.compile(r"[^a-z0-9]+")


def check(ds):
    yield from _predecessors(ds)
    yield from _duplicate_entities(ds)
    yield from _shared_ends(ds)


def _predecessors(ds):
    posts = {
        c.data["value"]["entity"]
        for c in active_claims(ds)
        if "replaces" in c.data and "entity" in (c.data.get("value") or {})
    }
    for post in sorted(posts):
        tenures = holders(ds, post)
        for before, after in itertools.pairwise(tenures):
            if (PREDECESSOR, before.claim.id) in after.warnings:
                yield F.make(
                    "FC414",
                    after.claim.path,
                    pointer=("replaces",),
                    claims=(after.claim.id, before.claim.id),
                    related=[F.Location(before.claim.path, ("value",))],
                    claim=after.claim.id,
                    holder=after.holder,
                    named=after.claim.data["replaces"],
                    post=post,
                    before=before.holder,
                )


# Latin spellings of one Arabic name differ in vowels, h, doubled letters and the article: a
# skeleton keeps the consonants that carry the name (Nadhuri, Nadori, Nazuri -> ndr is too short to
# trust alone, so the whole name's skeleton is compared: Abdulrazek al-Nadhuri -> bdlrzkndr).
_DIGRAPHS = (("dh", "d"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("ph", "f"), ("q", "k"))
_ARTICLE = re.compile(r"\b(?:al|el|ul)\b")
_SOFT = re.compile(r"[aeiouyh]+")


def latin_skeleton(name: str) -> str:
    """The consonant skeleton of a Latin-script name: one for all its usual transliterations."""
    text = _LATIN_NOISE.sub(" ", name.casefold())
    text = _ARTICLE.sub(" ", text)
    for digraph, letter in _DIGRAPHS:
        text = text.replace(digraph, letter)
    text = _SOFT.sub("", text.replace(" ", ""))
    return re.sub(r"([a-z])\1+", r"\1", text)  # doubled letters once; digits stay as written


def _name_keys(entity) -> set[str]:
    """The folded forms of an entity's names: Arabic folded for search; Latin as a consonant skeleton."""
    d = entity.data
    arabic = [d["name"]["ar"], *(a["text"] for a in d["aliases"] if a["lang"] == "ar" and a["kind"] != "short")]
    latin = [d["name"]["en"], *(a["text"] for a in d["aliases"] if a["lang"] == "en" and a["kind"] != "short")]
    keys = {f"ar:{fold_for_search(n)}" for n in arabic}
    keys |= {f"en:{latin_skeleton(n)}" for n in latin}
    return {k for k in keys if len(k) > 8}  # a short key (a bare surname, an acronym) matches by chance


def _duplicate_entities(ds):
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entity in ds.entities.values():
        for key in _name_keys(entity):
            owners[(entity.data["type"], key)].add(entity.id)
    shared = {frozenset(ids) for name, ids in _exact_owners(ds).items() if len(ids) > 1}
    reported: set[tuple[str, ...]] = set()
    for (type_, key), ids in sorted(owners.items()):
        group = tuple(sorted(ids))
        # One name written the same way for both is FC406 (names.py), with its own record.
        if len(group) < 2 or group in reported or any(set(group) <= ids for ids in shared):
            continue
        reported.add(group)
        first = ds.entities[group[0]]
        yield F.make(
            "FC415",
            first.path,
            pointer=("name",),
            entities=group,
            names=", ".join(group),
            type=type_,
            name=key.split(":", 1)[1],
            related=[F.Location(ds.entities[i].path, ("name",)) for i in group[1:]],
        )


def _exact_owners(ds) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in ds.entities.values():
        for text in names_of(entity):
            owners[normalize(text)].add(entity.id)
    return owners


def _shared_ends(ds):
    by_end = defaultdict(list)
    for claim in active_claims(ds):
        time = claim.data.get("time") or {}
        if time.get("ending") and len(time.get("end", "")) == 10 and "entity" in (claim.data.get("value") or {}):
            by_end[time["end"]].append(claim)
    for date, claims in sorted(by_end.items()):
        subjects = {c.data["subject"] for c in claims}
        posts = {c.data["value"]["entity"] for c in claims}
        if len(subjects) > 1 and len(posts) > 1:
            yield for_claims("FC416", claims, pointer=("time", "end"), date=date, holders=", ".join(sorted(subjects)))
