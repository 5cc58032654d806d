"""Dates in Arabic words: weekday and month names (Egyptian and Levantine), and what a written date
expression says of the day, month and year it names. Shared by the per-record date checks and the
consistency rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .textnorm import normalize

WEEKDAYS = {"الإثنين": 0, "الاثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2, "الخميس": 3,
            "الجمعة": 4, "السبت": 5, "الأحد": 6, "الاحد": 6}
MONTHS = {"يناير": 1, "كانون الثاني": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "آذار": 3, "أبريل": 4, "ابريل": 4,
          "نيسان": 4, "مايو": 5, "أيار": 5, "يونيو": 6, "حزيران": 6, "يوليو": 7, "تموز": 7, "أغسطس": 8, "اغسطس": 8,
          "آب": 8, "سبتمبر": 9, "أيلول": 9, "أكتوبر": 10, "اكتوبر": 10, "تشرين الأول": 10, "نوفمبر": 11,
          "تشرين الثاني": 11, "ديسمبر": 12, "كانون الأول": 12}
HIJRI_MONTHS = {"محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الآخر": 4, "ربيع الثاني": 4, "جمادى الأولى": 5,
                "جمادى الآخرة": 6, "جمادى الثانية": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
                "ذو القعدة": 11, "ذو الحجة": 12}


def alternatives(words) -> str:
    """A regex alternation of `words`, longest first so "كانون الثاني" wins over a shorter name."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


# A month name, and the days before it: "27 ديسمبر", "من 6 إلى 9 ديسمبر", "6 و7 ديسمبر".
_MONTH = re.compile(rf"(?:((?:\d{{1,2}} ?(?:إلى|الى|حتى|و|-) ?)?\d{{1,2}}) )?(?<!\w)و?({alternatives(MONTHS)})(?!\w)")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
_WEEKDAY = re.compile(rf"(?<!\w)({alternatives(WEEKDAYS)})(?!\w)")


@dataclass
class Written:
    """What a date expression states: years, months, (day, month) pairs and weekdays."""

    years: set[int] = field(default_factory=set)
    months: set[int] = field(default_factory=set)
    days: set[tuple[int, int]] = field(default_factory=set)  # (month, day)
    weekdays: set[int] = field(default_factory=set)  # Monday 0


def read_written(text: str) -> Written:
    text = normalize(text)
    out = Written()
    out.years = {int(y) for y in _YEAR.findall(text)}
    for days, month in _MONTH.findall(text):
        out.months.add(MONTHS[month])
        out.days.update((MONTHS[month], int(day)) for day in re.findall(r"\d+", days))
    out.weekdays = {WEEKDAYS[w] for w in _WEEKDAY.findall(text)}
    return out
