"""Dates and time spans as day numbers, honest about precision: the helpers that link, the rules
and the site share.

Dates in records are truncated ISO dates. A date means every day it can mean: '2017' runs from
1 January to 31 December 2017, so a year-precision date overlaps every day of that year. A claim
without time could hold at any time.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .dataset import Record

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
Day = tuple[int, int, int]


def date_bounds(value: str) -> tuple[Day, Day] | None:
    """Earliest and latest day a truncated ISO date can mean, or None if it does not exist."""
    m = _DATE.match(value)
    if not m:
        return None
    year, month_text, day_text = int(m.group(1)), m.group(2), m.group(3)
    if year == 0:  # the Gregorian calendar (and Python's dates) run from year 1
        return None
    if month_text is None:
        return (year, 1, 1), (year, 12, 31)
    month = int(month_text)
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    if day_text is None:
        return (year, month, 1), (year, month, last)
    day = int(day_text)
    if not 1 <= day <= last:
        return None
    return (year, month, day), (year, month, day)


def date_parts(value: str) -> tuple[int, int | None, int | None]:
    """(year, month or None, day or None) of a truncated ISO date that exists."""
    year, *rest = (int(x) for x in value.split("-"))
    return year, rest[0] if rest else None, rest[1] if len(rest) > 1 else None


EARLIEST, LATEST = -(10**9), 10**9
Span = tuple[int, int]


def _day(ymd: Day) -> int:
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
    first, last = ("earliest", "latest") if "earliest" in time or "latest" in time else ("start", "end")
    lo = (date_span(time[first]) or (EARLIEST, LATEST))[0] if first in time else EARLIEST
    hi = (date_span(time[last]) or (EARLIEST, LATEST))[1] if last in time else LATEST
    return lo, hi


def certain_span(claim: Record) -> Span | None:
    """Days at which a claim certainly holds: a day-precision point, or from the latest day its
    start can mean to the earliest day its end can mean; None when its dates cannot say (a point at
    month or year precision, an imprecise range, no date). Two claims conflict for certain only
    where these meet; where only their `claim_span`s meet, they may."""
    time = claim.data.get("time") or {}
    if "point" in time:
        point = date_span(time["point"])
        return point if point and point[0] == point[1] else None
    start, end = date_span(time.get("start", "")), date_span(time.get("end", ""))
    first = start[1] if start else (end[0] if end else None)
    last = end[0] if end else (start[1] if start else None)
    return (first, last) if first is not None and last is not None and first <= last else None


def overlap(a: Span, b: Span) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def describe(claim: Record) -> str:
    time = claim.data.get("time")
    if not time:
        return "no date"
    if "point" in time:
        text = time["point"]
    elif "earliest" in time or "latest" in time:
        text = f"some time between {time.get('earliest', '…')} and {time.get('latest', '…')}"
    else:
        text = f"{time.get('start', '…')} to {time.get('end', '…')}"
    return text + (" (inferred)" if time.get("basis") == "inferred" else "")
