"""Rule 2: one event, one date (FC403).

Claims that date the same event (the property's `time_of` says whether the event is the claim's
subject or value) must have time spans that overlap. Different places for one event are rule 1
(`held-in` holds a single value).
"""

from __future__ import annotations

from collections import defaultdict

from ..timespans import claim_span, describe, overlap
from .common import active_claims, for_claims


def check(ds):
    by_event = defaultdict(list)
    for claim in active_claims(ds):
        prop = ds.properties.get(claim.data["property"])
        if prop is None or "time" not in claim.data:
            continue
        time_of = prop.data.get("time_of")
        if time_of == "subject":
            by_event[claim.data["subject"]].append(claim)
        elif time_of == "value" and "entity" in claim.data.get("value", {}):
            by_event[claim.data["value"]["entity"]].append(claim)
    for event, claims in sorted(by_event.items()):
        spans = sorted(((claim_span(c), c) for c in claims), key=lambda x: x[0][1])
        # Any two spans fail to overlap iff the earliest-ending one ends before the latest start.
        first_end = spans[0]
        last_start = max(spans, key=lambda x: x[0][0])
        if not overlap(first_end[0], last_start[0]):
            a, b = first_end[1], last_start[1]
            yield for_claims(
                "FC403",
                [a, b],
                pointer=("time",),
                event=event,
                dates=f"{describe(a)} ({a.id}) and {describe(b)} ({b.id})",
            )
