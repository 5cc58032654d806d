"""Time spans of claims as day numbers, honest about precision.

A date means every day it can mean: '2017' runs from 1 January to 31 December 2017, so a
year-precision date overlaps every day of that year. A claim without time could hold at any time.
"""

from __future__ import annotations

import datetime as dt

from ..dataset import Record
from ..link import date_bounds

EARLIEST, LATEST = -(10**9), 10**9
Span = tuple[int, int]


def _day(ymd: tuple[int, int, int]) -> int:
    return dt.date(*ymd).toordinal()


def date_span(value: str) -> Span | None:
    b = date_bounds(value)
    return (_day(b[0]), _day(b[1])) if b else None


def claim_span(claim: Record) -> Span:
    """Every day at which the claim may hold."""
    span = claim.derived.get("span")
    if span is None:
        span = claim.derived["span"] = _span(claim)
    return span


def _span(claim: Record) -> Span:
    time = claim.data.get("time")
    if not time:
        return EARLIEST, LATEST
    if "point" in time:
        return date_span(time["point"]) or (EARLIEST, LATEST)
    lo = date_span(time["start"])[0] if "start" in time else EARLIEST
    hi = date_span(time["end"])[1] if "end" in time else LATEST
    return lo, hi


def overlap(a: Span, b: Span) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def describe(claim: Record) -> str:
    time = claim.data.get("time")
    if not time:
        return "no date"
    if "point" in time:
        text = time["point"]
    else:
        text = f"{time.get('start', '…')} to {time.get('end', '…')}"
    return text + (" (inferred)" if time.get("basis") == "inferred" else "")
