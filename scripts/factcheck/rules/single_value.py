"""Rule 1: one value at a time, one holder at a time (FC401, FC402).

The property vocabulary says which properties hold a single value per subject (`single_value`)
and which values hold a single subject (`single_subject`, e.g. a post's holder). Claims with
different values whose time spans overlap, or cannot be shown apart at their precision, conflict;
each group of such claims is one finding. Date values conflict only when they cannot mean the
same day ('2017' and '2017-07' agree).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ..dataset import Record
from ..timespans import EARLIEST, LATEST, date_span, describe
from ..values import value_key
from .common import active_claims, conflict_findings, value_words
from .conflicts import ByClass, ByInterval, listing


def check(ds):
    by_subject, by_value = defaultdict(list), defaultdict(list)
    for claim in active_claims(ds):
        prop = ds.properties.get(claim.data["property"])
        key = value_key(claim)
        if prop is None or key is None:
            continue
        if prop.data.get("single_value"):
            by_subject[(claim.data["subject"], prop.id)].append(claim)
        if prop.data.get("single_subject"):
            by_value[(key, prop.id)].append(claim)
    for (subject, pid), claims in sorted(by_subject.items()):
        dated = all("date" in c.data["value"] and date_span(c.data["value"]["date"]) for c in claims)
        index = (
            (lambda: ByInterval(lambda claim: date_span(claim.data["value"]["date"]) or (EARLIEST, LATEST)))
            if dated
            else (lambda: ByClass(value_key))
        )
        timeless = ds.properties[pid].data.get("timeless", False)
        yield from conflict_findings("FC401", claims, index, _values_of(subject, pid), timeless=timeless)
    for (_, pid), claims in sorted(by_value.items(), key=lambda kv: str(kv[0])):
        timeless = ds.properties[pid].data.get("timeless", False)
        yield from conflict_findings("FC402", claims, lambda: ByClass(_subject_of), _holders_of(pid), timeless=timeless)


def _subject_of(claim: Record) -> str:
    return claim.data["subject"]


def _values_of(subject: str, pid: str) -> Callable[[list[Record]], dict]:
    def fields(group: list[Record]) -> dict:
        return {
            "subject": subject,
            "property": pid,
            "values": listing(group, lambda claim: f"{value_words(claim)} ({describe(claim)})"),
        }

    return fields


def _holders_of(pid: str) -> Callable[[list[Record]], dict]:
    def fields(group: list[Record]) -> dict:
        return {
            "value": value_words(group[0]),
            "property": pid,
            "subjects": listing(group, lambda claim: f"{claim.data['subject']} ({describe(claim)})"),
        }

    return fields
