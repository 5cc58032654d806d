"""Rule 1: one value at a time, one holder at a time (FC401, FC402).

The property vocabulary says which properties hold a single value per subject (`single_value`)
and which values hold a single subject (`single_subject`, e.g. a post's holder). Two claims with
different values whose time spans overlap, or cannot be shown apart at their precision, conflict.
"""

from __future__ import annotations

from collections import defaultdict

from .common import active_claims, for_claims, value_key, value_words
from .timeline import claim_span, describe, overlapping_pairs


def check(ds):
    by_subject, by_value = defaultdict(list), defaultdict(list)
    for claim in active_claims(ds):
        prop = ds.properties.get(claim.data["property"])
        if prop is None:
            continue
        key = value_key(claim)
        if prop.data.get("single_value") and key is not None:
            by_subject[(claim.data["subject"], prop.id)].append(claim)
        if prop.data.get("single_subject") and key is not None:
            by_value[(key, prop.id)].append(claim)
    for (subject, pid), claims in sorted(by_subject.items()):
        for a, b in overlapping_pairs([(claim_span(c), c) for c in claims]):
            if value_key(a) != value_key(b) and not _compatible_dates(a, b):
                yield for_claims("FC401", [a, b], subject=subject, property=pid,
                                 values=f"{value_words(a)} ({describe(a)}) and {value_words(b)} ({describe(b)})")
    for (_, pid), claims in sorted(by_value.items(), key=lambda kv: str(kv[0])):
        for a, b in overlapping_pairs([(claim_span(c), c) for c in claims]):
            if a.data["subject"] != b.data["subject"]:
                yield for_claims("FC402", [a, b], value=value_words(a), property=pid,
                                 subjects=f"{a.data['subject']} ({describe(a)}) and {b.data['subject']} ({describe(b)})")


def _compatible_dates(a, b) -> bool:
    """Date values agree when one can mean the other at their precision ('2017' and '2017-07')."""
    va, vb = a.data.get("value", {}), b.data.get("value", {})
    if "date" not in va or "date" not in vb:
        return False
    from .timeline import date_span, overlap

    sa, sb = date_span(va["date"]), date_span(vb["date"])
    return bool(sa and sb and overlap(sa, sb))
