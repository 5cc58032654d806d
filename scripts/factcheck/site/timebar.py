"""Time bars: when things held, drawn as an inline SVG at build time (no chart library).

`svg(rows, title, lang)` takes rows {label, lo, hi, inferred}: lo and hi are day numbers
(date.toordinal) or timespans.EARLIEST / LATEST for an open end; `inferred` marks dates an editor
inferred rather than read in the source. Rows with the same label are one row of the chart with
several bars (the same post held twice), overlapping bars one under the other, a span repeated
drawn once; a bar runs from the first to the last day a span may cover, so a year-precision date
fills its year. Other keys of a row are ignored. Inferred bars are hatched with a dashed outline,
open ends carry an arrow. Below the picture come its key and the same spans in words (a list in a
<details>, shown when printing): the picture itself holds no links, which an image cannot offer
to everyone; the pages list the same records as links.

Geometry. The SVG has no viewBox: it is as wide as the column, x positions are percentages of that
width, and y positions and font sizes are CSS pixels, so the text keeps its size at every width
and nothing sticks out. Each row's label has a line of its own above the row's bars, which use
the full width. What depends on the width the build cannot know (how long a label may be, how
many year labels fit) is worked out twice where the answers differ, for a chart NARROW px wide
and one WIDE px wide; charts.css shows one set with a container query at WIDE px.

Direction. Arabic charts run right to left: time runs from the right, labels start at the right
edge. Every <text> says its own `direction` and anchors at its start: SVG resolves text-anchor
against the text's direction, so an anchor alone would be read against the page's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from markupsafe import Markup

from ..timespans import EARLIEST, LATEST
from .labels import ui
from .templating import render

NARROW, WIDE = 300, 600  # px: a 360 px phone's column less its margins; charts.css switches at WIDE
LABEL_PX = 13  # font size of the labels (charts.css)
YEAR_GAP = 36  # px from one year label to the next at least ("2019" is about 25 px wide)
YEAR_ROOM = 30  # px a year label needs between its gridline and the end of the chart
AXIS = 20  # px: the line of year labels
LABEL_LINE, LANE, BAR, ROW_GAP = 18, 16, 12, 8  # px: a row's label line, each lane of bars, a bar, the gap after
INSET = 3  # px between a label and the chart's edge: a glyph may reach past its advance width
MIN_BAR = 0.8  # % of the width: a one-day span still shows
STEPS = (1, 2, 5, 10, 20, 50, 100)  # years between two year labels
BOTTOM_AXIS_FROM = 8  # rows: a chart this tall repeats its years below


def _em(ch: str) -> float:
    """A character's width in em, rounded up (measured on Noto Naskh Arabic and DejaVu Sans, the
    widest common Latin face): labels are cut by these before the browser measures anything."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Cf"):
        return 0.0
    if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff":
        return 0.47
    if ch in "mwMW":
        return 0.95
    if ch in " .,;:'’-ijlrtfI()":
        return 0.36
    return 0.75 if ch.isupper() else 0.62


def fit(text: str, budget: float) -> str:
    """`text`, or its beginning and "…" when it would be wider than `budget` px, cut at a word end
    when one is near (a cut inside an Arabic word changes its letters' shapes)."""
    ends = list(accumulate(_em(ch) * LABEL_PX for ch in text))
    if not ends or ends[-1] <= budget:
        return text
    cut = bisect_right(ends, budget - LABEL_PX)  # room for the ellipsis
    space = text.rfind(" ", 0, cut + 1)
    if space > cut // 2:
        cut = space
    return text[:cut].rstrip(" ،,;:-–—(") + "…"


def _year(day: int) -> float:
    """A day number as a year with its fraction: 1 July 2019 is about 2019.5."""
    year = dt.date.fromordinal(day).year
    start, end = dt.date(year, 1, 1).toordinal(), dt.date(year + 1, 1, 1).toordinal()
    return year + (day - start) / (end - start)


def _calendar(lo: int, hi: int) -> dict:
    """A span's ends as truncated ISO dates, at the coarsest unit (year, month, day) both ends
    fill exactly, so "2019" to "2021" names the same days as 1 January 2019 to 31 December 2021.
    An open end is None."""
    first = None if lo == EARLIEST else dt.date.fromordinal(lo)
    last = None if hi == LATEST else dt.date.fromordinal(hi)
    after = None if last is None else last + dt.timedelta(days=1)
    if (first is None or (first.month, first.day) == (1, 1)) and (after is None or (after.month, after.day) == (1, 1)):
        unit = "{0.year:04d}"
    elif (first is None or first.day == 1) and (after is None or after.day == 1):
        unit = "{0.year:04d}-{0.month:02d}"
    else:
        unit = "{0.year:04d}-{0.month:02d}-{0.day:02d}"
    return {
        "a": None if first is None else unit.format(first),
        "b": None if last is None else unit.format(last),
    }


def _years_shown(first: int, last: int, width: float) -> set[int]:
    """The years labelled on an axis from `first` to `last` (1 January of each) `width` px wide."""
    px_per_year = width / (last - first)
    step = next((s for s in STEPS if s * px_per_year >= YEAR_GAP), STEPS[-1])
    years = {y for y in range(first, last) if y % step == 0 and (last - y) * px_per_year >= YEAR_ROOM}
    return years or {first}


def _lanes(spans: list[dict]) -> list[list[dict]]:
    """Spans of one row in lanes, so overlapping spans lie one under the other."""
    lanes: list[list[dict]] = []
    for span in sorted(spans, key=lambda s: (s["lo"], s["hi"])):
        lane = next((lane for lane in lanes if lane[-1]["hi"] < span["lo"]), None)
        if lane is None:
            lanes.append([span])
        else:
            lane.append(span)
    return lanes


def _tier(narrow: bool, wide: bool) -> str:
    """The class that shows an element on narrow charts only, wide ones only, or both."""
    return "" if narrow and wide else "fc-narrow" if narrow else "fc-wide"


def _undated(span: dict) -> bool:
    return (span["lo"], span["hi"]) == (EARLIEST, LATEST)


@dataclass(frozen=True)
class _Axis:
    """Years from 1 January of `first` to 1 January of `last`, in percent of the chart's width."""

    first: int
    last: int
    rtl: bool

    def place(self, year: float) -> float:
        share = (year - self.first) / (self.last - self.first) * 100
        return 100 - share if self.rtl else share

    def ticks(self) -> list[dict]:
        narrow, wide = _years_shown(self.first, self.last, NARROW), _years_shown(self.first, self.last, WIDE)
        return [
            {
                "x": f"{self.place(y):.2f}%",
                "year": y,
                "cls": _tier(y in narrow, y in wide),
                # the label sits just after its gridline, inside the year it names
                "anchor": "end" if self.rtl else "start",
                "dx": -3 if self.rtl else 3,
            }
            for y in sorted(narrow | wide)
        ]

    def row(self, label: str, spans: list[dict], top: int) -> tuple[dict, int]:
        """One row of the chart from `top` px down, and its height."""
        short, long = fit(label, NARROW - INSET), fit(label, WIDE - INSET)
        bars, arrows = [], []
        lanes = _lanes([s for s in spans if not _undated(s)])
        for i, lane in enumerate(lanes):
            bar_y = top + LABEL_LINE + i * LANE
            for s in lane:
                start = self.first if s["lo"] == EARLIEST else _year(s["lo"])
                end = self.last if s["hi"] == LATEST else _year(s["hi"] + 1)
                left, right = sorted((self.place(start), self.place(end)))
                bars.append({"x": f"{left:.2f}%", "width": f"{max(right - left, MIN_BAR):.2f}%", "y": bar_y, **s})
                # an arrow at the chart's edge points where the span may go on
                for is_open, edge in ((s["lo"] == EARLIEST, self.first), (s["hi"] == LATEST, self.last)):
                    if is_open:
                        at = self.place(edge)
                        shape = "to-left" if at == 0 else "to-right"
                        arrows.append({"x": f"{at:.0f}%", "y": bar_y - 2, "shape": shape})
        drawn = {
            "label": label,
            "labels": [(short, "")] if short == long else [(short, "fc-narrow"), (long, "fc-wide")],
            "label_y": top + LABEL_PX,
            "bar_y": top + LABEL_LINE,
            "bars": bars,
            "arrows": arrows,
            "spans": [{**_calendar(s["lo"], s["hi"]), "inferred": s["inferred"]} for s in spans],
        }
        return drawn, LABEL_LINE + max(1, len(lanes)) * LANE + ROW_GAP


def svg(rows: list[dict], title: str, lang: str) -> Markup:
    """The chart of `rows` named `title`, with its key and the same spans in words; empty Markup
    when no row has a date."""
    merged: dict[str, list[dict]] = {}
    for r in rows:
        span = {"lo": r["lo"], "hi": r["hi"], "inferred": bool(r["inferred"])}
        spans = merged.setdefault(r["label"], [])
        if span not in spans:
            spans.append(span)
    dated = [s for spans in merged.values() for s in spans if not _undated(s)]
    if not dated:
        return Markup("")
    ends = [_year(s["lo"]) for s in dated if s["lo"] != EARLIEST]
    ends += [_year(s["hi"] + 1) for s in dated if s["hi"] != LATEST]
    first, last = math.floor(min(ends)), math.ceil(max(ends))
    if last - first < 3:  # a short chart still shows a few years around its spans
        first, last = first - 1, max(last + 1, first + 2)
    axis = _Axis(first, last, rtl=lang == "ar")

    drawn_rows, y = [], AXIS
    for label, spans in merged.items():
        drawn, height = axis.row(label, spans, y)
        drawn_rows.append(drawn)
        y += height
    axes = [AXIS - 6] + ([y + AXIS - 6] if len(drawn_rows) >= BOTTOM_AXIS_FROM else [])
    bars = [b for r in drawn_rows for b in r["bars"]]
    key = json.dumps([title, lang, merged], sort_keys=True, ensure_ascii=False)
    chart = {
        "id": "fc-chart-" + hashlib.sha256(key.encode()).hexdigest()[:10],
        "name": ui("chart_name", lang).format(title=title, first=first, last=last - 1),
        "dir": "rtl" if axis.rtl else "ltr",
        "height": y + AXIS * (len(axes) - 1),
        "label_x": "100%" if axis.rtl else "0",
        "label_dx": -INSET if axis.rtl else INSET,
        "ticks": axis.ticks(),
        "axes": axes,
        "grid": (AXIS - 2, y),
        "rows": drawn_rows,
        "bar": BAR,
        "key": {
            "stated": any(not b["inferred"] for b in bars),
            "inferred": any(b["inferred"] for b in bars),
            "open": any(r["arrows"] for r in drawn_rows),
        },
        # the arrow of a span that goes on after the chart's end
        "open_shape": "to-left" if axis.rtl else "to-right",
    }
    return render("timebar.html", chart=chart, lang=lang)
