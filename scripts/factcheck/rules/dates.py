"""Rule 5: dates against the calendar and against the source's own date (FC408, FC409, FC410).

FC408: a weekday or a Hijri date written beside a Gregorian date must agree with it.
FC409: a relative date ("last December", "a year and a half ago", "the past three months") must
agree with the source's publication date (or its bounds).
FC410: a source must not report as past an event dated after its own publication.
"""

from __future__ import annotations

import datetime as dt
import re

from .. import findings as F
from ..datewords import HIJRI_MONTHS, MONTHS, WEEKDAYS, alternatives
from ..textnorm import normalize
from ..timespans import EARLIEST, LATEST, claim_span, date_span
from .common import active_claims

_GREGORIAN = rf"(\d{{1,2}}) ({alternatives(MONTHS)}) (\d{{4}})"
WEEKDAY_DATE = re.compile(rf"({alternatives(WEEKDAYS)}) {_GREGORIAN}")
HIJRI_BESIDE = re.compile(
    rf"{_GREGORIAN} (?:الموافق|الموافق ل|الموافق لـ) (\d{{1,2}}) ({alternatives(HIJRI_MONTHS)}) (\d{{4}})"
)
LAST_MONTH = re.compile(rf"({alternatives(MONTHS)})(?: / (?:{alternatives(MONTHS)}))? الماضي")
# Counts of at most three digits: "قبل 40 عاما" is a relative date, a run of digits is not.
AGO = re.compile(r"قبل (عام|سنة|عامين|سنتين|شهر|شهرين|(?<!\d)(\d{1,3}) (?:أشهر|شهور|أعوام|سنوات))( ونصف)?")
PAST_MONTHS = re.compile(r"(?:الأشهر|الشهور) (الثلاثة|الستة|(?<!\d)(\d{1,3})) (?:الماضية|الأخيرة)")
_COUNTS = {"الثلاثة": 3, "الستة": 6}


def check(ds):
    yield from _calendar(ds)
    yield from _relative(ds)


def _calendar(ds):
    """Weekdays and Hijri dates beside Gregorian ones, in articles and in claims' `as_written`."""
    for sid, article in sorted(ds.articles.items()):
        src = ds.sources.get(sid)
        if src is None:
            continue
        for n, text in enumerate(article.normalized, start=1):
            for problem in _calendar_problems(text):
                yield F.make(
                    "FC408", src.path, pointer=("id",), sources=(sid,), where=f"{sid} paragraph {n}", problem=problem
                )
    for claim in active_claims(ds):
        written = claim.data.get("time", {}).get("as_written")
        if written:
            for problem in _calendar_problems(normalize(written)):
                yield F.make(
                    "FC408",
                    claim.path,
                    pointer=("time", "as_written"),
                    claims=(claim.id,),
                    where=claim.id,
                    problem=problem,
                )


def _calendar_problems(text: str):
    for m in WEEKDAY_DATE.finditer(text):
        day = _gregorian(m.group(2), m.group(3), m.group(4))
        if day and day.weekday() != WEEKDAYS[m.group(1)]:
            yield f"{m.group(0)!r}: {day.isoformat()} was a {day.strftime('%A')}"
    for m in HIJRI_BESIDE.finditer(text):
        day = _gregorian(m.group(1), m.group(2), m.group(3))
        if day is None:
            continue
        from hijridate import Gregorian

        try:
            h = Gregorian(day.year, day.month, day.day).to_hijri()
        except OverflowError:  # the Umm al-Qura tables cover 1924 to 2077 only: nothing to compare
            continue
        stated = (int(m.group(6)), HIJRI_MONTHS[m.group(5)], int(m.group(4)))
        if (h.year, h.month, h.day) != stated:
            yield f"{m.group(0)!r}: {day.isoformat()} is {h.day} {h.month_name('ar')} {h.year} (Umm al-Qura)"


def _gregorian(day, month, year):
    try:
        return dt.date(int(year), MONTHS[month], int(day))
    except ValueError:
        return None


def _publication_window(src) -> tuple[int, int] | None:
    pub = src.data["published"]
    lo_text = pub.get("date") or pub.get("not_before")
    hi_text = pub.get("date") or pub.get("not_after")
    if not lo_text and not hi_text:
        return None
    lo = first[0] if lo_text and (first := date_span(lo_text)) else EARLIEST
    hi = last[1] if hi_text and (last := date_span(hi_text)) else LATEST
    return lo, hi


def _expected_window(written: str):
    """(days before publication at the earliest, at the latest) that a relative expression means."""
    if LAST_MONTH.search(written):
        return 366, 0
    if m := AGO.search(written):
        unit = m.group(1)
        months = {"عام": 12, "سنة": 12, "عامين": 24, "سنتين": 24, "شهر": 1, "شهرين": 2}.get(unit)
        if months is None:
            n = int(m.group(2))
            months = n if ("أشهر" in m.group(0) or "شهور" in m.group(0)) else 12 * n
        if m.group(3):
            months += 6 if months >= 12 else 0
        # Round figures in news copy: allow a quarter of the interval either way (at least 3 months).
        slack = max(3, months // 4)
        return int((months + slack) * 30.5), int(max(0, months - slack) * 30.5)
    if m := PAST_MONTHS.search(written):
        months = _COUNTS.get(m.group(1)) or int(m.group(2))
        return int((months + 1) * 30.5), 0
    return None


def _relative(ds):
    windows = {sid: _publication_window(src) for sid, src in ds.sources.items()}
    for claim in active_claims(ds):
        time = claim.data.get("time")
        if not time:
            continue
        span = claim_span(claim)
        for ev in claim.data["evidence"][:1]:  # the article the claim was read from
            src = ds.sources.get(ev["source"])
            window = windows.get(ev["source"])
            if window is None:
                continue
            written = normalize(time.get("as_written", ""))
            expected = _expected_window(written) if written else None
            if expected:
                earliest, latest = window[0] - expected[0], window[1] - expected[1]
                if span[1] < earliest or span[0] > latest:
                    yield F.make(
                        "FC409",
                        claim.path,
                        pointer=("time",),
                        claims=(claim.id,),
                        written=time["as_written"],
                        source=src.id,
                        published=_window_words(src),
                    )
            prop = ds.properties.get(claim.data["property"])
            if prop is not None and not prop.data.get("may_be_future") and span[0] > window[1]:
                yield F.make(
                    "FC410",
                    claim.path,
                    pointer=("time",),
                    claims=(claim.id,),
                    source=src.id,
                    published=_window_words(src),
                )


def _window_words(src) -> str:
    pub = src.data["published"]
    if "date" in pub:
        return pub["date"]
    return f"between {pub.get('not_before', '…')} and {pub.get('not_after', '…')}"
