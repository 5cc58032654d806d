"""Dates in records: each exists (FC110), an end is not before its start (FC111), and dates agree
with the words they annotate (`as_written`, FC112). Which fields are dates, and which must not
come before which, the schemas say (`x-date`, `x-not-before`)."""

from __future__ import annotations

import datetime as dt

from .. import findings as F
from ..dataset import Record
from ..datewords import read_written
from ..schemas import Schemas, values_at
from ..timespans import date_bounds, date_parts


def check(schemas: Schemas, rec: Record) -> list[F.Finding]:
    out, bounds = [], {}
    for template, _ in schemas.annotated(rec.kind, "x-date"):
        for pointer, value in values_at(rec.data, template):
            b = date_bounds(value) if isinstance(value, str) else None
            if b is None:
                out.append(F.make("FC110", rec.path, pointer=pointer, date=value))
            else:
                bounds[pointer] = b
    for template, start_field in schemas.annotated(rec.kind, "x-not-before"):
        for end, _ in values_at(rec.data, template):
            start = end[:-1] + (start_field,)
            if start in bounds and end in bounds and bounds[end][1] < bounds[start][0]:
                out.append(
                    F.make(
                        "FC111",
                        rec.path,
                        pointer=end,
                        end_field=end[-1],
                        end=_at(rec.data, end),
                        start_field=start_field,
                        start=_at(rec.data, start),
                    )
                )
    for parent in dict.fromkeys(p[:-1] for p in bounds):
        holder = _at(rec.data, parent)
        if isinstance(holder, dict) and "as_written" in holder:
            dated = [(p[-1], holder[p[-1]]) for p in bounds if p[:-1] == parent]
            out.extend(_check_as_written(rec, parent, holder, dated))
    return out


def _at(data, pointer: tuple):
    for step in pointer:
        data = data[step]
    return data


def _check_as_written(rec: Record, parent: tuple, holder: dict, dates: list[tuple[str, str]]) -> list[F.Finding]:
    """Dates agree with the words they annotate: every year, month, day and weekday the words name
    fits one of them, and a date stated (not inferred) is no more precise than the words."""
    written = read_written(holder["as_written"])
    where = ".".join(map(str, parent))

    def finding(key, value, problem, fix):
        return F.make(
            "FC112",
            rec.path,
            pointer=parent + (key,),
            field=f"{where}.{key}",
            date=value,
            written=holder["as_written"],
            problem=problem,
            fix=fix,
        )

    out = []
    first_key, first_value = dates[0]
    parts = {key: date_parts(value) for key, value in dates}
    for year in sorted(written.years - {p[0] for p in parts.values()}):
        out.append(
            finding(
                first_key,
                first_value,
                f"the words name the year {year}",
                f"Write the year the words give ({year}), or correct `as_written`.",
            )
        )
    months = {p[1] for p in parts.values()} - {None}
    for named in sorted(written.months - months) if months else ():
        out.append(
            finding(
                first_key,
                first_value,
                f"the words name month {named}",
                f"Write month {named:02d}, as the words give it, or correct `as_written`.",
            )
        )
    for key, value in dates:
        year, month, day = parts[key]
        said = {d for m, d in written.days if m == month}
        if day is not None and said and day not in said:
            out.append(
                finding(
                    key,
                    value,
                    f"the words give day {min(said)} of that month",
                    f"Write day {min(said):02d}, as the words give it.",
                )
            )
        if day is not None and month is not None and written.weekdays:
            date = dt.date(year, month, day)
            if date.weekday() not in written.weekdays:
                out.append(
                    finding(
                        key,
                        value,
                        f"{value} was a {date:%A}, not the weekday the words name",
                        "Check the day: the weekday in the words and the date must agree.",
                    )
                )
        if holder.get("basis") == "stated" and not written.hijri_only:
            finer = (
                "a day"
                if day is not None and not written.gives_day
                else "a month"
                if month is not None and not written.months
                else "a year"
                if not written.years
                else None
            )
            if finer:
                out.append(
                    finding(
                        key,
                        value,
                        f"the date gives {finer} that the words do not",
                        "Keep only the precision the words give (YYYY or YYYY-MM), or set `basis: inferred` "
                        "with a `reason` saying where the rest comes from.",
                    )
                )
    return out
