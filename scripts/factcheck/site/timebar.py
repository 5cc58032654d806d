"""Time bars: the spans of claims drawn as an inline SVG at build time (no chart library).

Each row is one claim: a bar from its first to its last possible day, at the precision of its
dates (a year-precision date fills the year), hatched when the dates are inferred, with an arrow
where a span is open-ended. Overlaps and successions can be seen at a glance.
"""

from __future__ import annotations

import datetime as dt

from ..timespans import EARLIEST, LATEST
from .markup import esc

WIDTH, ROW, LABEL, PAD = 720, 26, 210, 20


def _year_of(day: int) -> float:
    d = dt.date.fromordinal(day)
    return d.year + (d.timetuple().tm_yday - 1) / 366


def svg(rows: list[dict], title: str, lang: str) -> str:
    """rows: {label, lo, hi (day numbers or EARLIEST/LATEST), inferred}. The picture holds no links
    (an image with links inside is not accessible); each page lists the same claims as links."""
    dated = [r for r in rows if r["lo"] != EARLIEST or r["hi"] != LATEST]
    if not dated:
        return ""
    years = [_year_of(r["lo"]) for r in dated if r["lo"] != EARLIEST]
    years += [_year_of(r["hi"]) for r in dated if r["hi"] != LATEST]
    first, last = int(min(years)), int(max(years)) + 1
    if last - first < 2:
        first, last = first - 1, last + 1
    plot = WIDTH - LABEL - 2 * PAD
    rtl = lang == "ar"

    def x(year: float) -> float:
        pos = (year - first) / (last - first) * plot
        return PAD + (plot - pos if rtl else pos) + (0 if rtl else LABEL)

    height = ROW * len(rows) + 30
    parts = [
        f'<div class="fc-scroll" tabindex="0"><svg class="fc-timebar" role="img" viewBox="0 0 {WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{esc(title)}</title>",
        '<defs><pattern id="fc-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="3" height="6" class="fc-hatch"/></pattern></defs>',
    ]
    step = max(1, (last - first) // 8)
    for year in range(first, last + 1, step):
        parts.append(
            f'<line x1="{x(year):.1f}" x2="{x(year):.1f}" y1="0" y2="{height - 20}" class="fc-grid"/>'
            f'<text x="{x(year):.1f}" y="{height - 6}" class="fc-year" text-anchor="middle">{year}</text>'
        )
    label_x = WIDTH - PAD if rtl else PAD
    anchor = "end" if rtl else "start"
    for i, r in enumerate(rows):
        y = i * ROW + 4
        label = esc(r["label"] if len(r["label"]) <= 34 else r["label"][:33] + "…")
        parts.append(f'<text x="{label_x}" y="{y + 15}" text-anchor="{anchor}" class="fc-label">{label}</text>')
        if r["lo"] == EARLIEST and r["hi"] == LATEST:
            continue
        lo = _year_of(r["lo"]) if r["lo"] != EARLIEST else first
        hi = _year_of(r["hi"] + 1) if r["hi"] != LATEST else last
        x1, x2 = sorted((x(lo), x(hi)))
        hatch = ' fill="url(#fc-hatch)"' if r["inferred"] else ""
        cls = "fc-bar fc-bar-inferred" if r["inferred"] else "fc-bar"
        parts.append(
            f'<rect x="{x1:.1f}" y="{y + 3}" width="{max(3.0, x2 - x1):.1f}" height="{ROW - 10}" rx="2" '
            f'class="{cls}"{hatch}/>'
        )
        if r["lo"] == EARLIEST or r["hi"] == LATEST:
            open_end = x1 if (r["lo"] == EARLIEST) != rtl else x2
            parts.append(f'<text x="{open_end:.1f}" y="{y + 15}" class="fc-open" text-anchor="middle">…</text>')
    parts.append("</svg></div>")
    return "".join(parts)
