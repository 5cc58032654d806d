"""Dates in Arabic words: weekday and month names (Egyptian and Levantine), and what a written date
expression says of the day, month and year it names. Shared by the per-record date checks and the
consistency rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .textnorm import normalize

WEEKDAYS = {
    "الإثنين": 0,
    "الاثنين": 0,
    "الثلاثاء": 1,
    "الأربعاء": 2,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    "الأحد": 6,
    "الاحد": 6,
}
MONTHS = {
    "يناير": 1,
    "كانون الثاني": 1,
    "فبراير": 2,
    "شباط": 2,
    "مارس": 3,
    "آذار": 3,
    "أبريل": 4,
    "ابريل": 4,
    "نيسان": 4,
    "مايو": 5,
    "أيار": 5,
    "يونيو": 6,
    "حزيران": 6,
    "يوليو": 7,
    "تموز": 7,
    "أغسطس": 8,
    "اغسطس": 8,
    "آب": 8,
    "سبتمبر": 9,
    "أيلول": 9,
    "أكتوبر": 10,
    "اكتوبر": 10,
    "تشرين الأول": 10,
    "نوفمبر": 11,
    "تشرين الثاني": 11,
    "ديسمبر": 12,
    "كانون الأول": 12,
}
HIJRI_MONTHS = {
    "محرم": 1,
    "صفر": 2,
    "ربيع الأول": 3,
    "ربيع الآخر": 4,
    "ربيع الثاني": 4,
    "جمادى الأولى": 5,
    "جمادى الآخرة": 6,
    "جمادى الثانية": 6,
    "رجب": 7,
    "شعبان": 8,
    "رمضان": 9,
    "شوال": 10,
    "ذو القعدة": 11,
    "ذو الحجة": 12,
}


def alternatives(words) -> str:
    """A regex alternation of `words`, longest first so "كانون الثاني" wins over a shorter name."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


# Month names are matched with the hamza forms of alef folded (أبريل, إبريل, ابريل are one name),
# and with the Egyptian spellings يونيه, يوليه.
_ALEF = str.maketrans("أإآ", "ااا")
_MONTH_OF = {name.translate(_ALEF): n for name, n in {**MONTHS, "يونيه": 6, "يوليه": 7}.items()}
_HIJRI_OF = {name.translate(_ALEF): n for name, n in HIJRI_MONTHS.items()}
_DAYS = r"(?:\d{1,2} ?(?:الى|حتى|و|-) ?)?\d{1,2}"
# A month name and the days before it: "27 ديسمبر", "15 من يوليو", "من 6 إلى 9 ديسمبر", "6 و7 ديسمبر".
_MONTH = re.compile(rf"(?:({_DAYS}) (?:من )?)?(?<!\w)و?({alternatives(_MONTH_OF)})(?!\w)")
# A day written as an ordinal word: "الخامس من يوليو", "الحادي والعشرين من مارس".
_ORDINAL_DAY = re.compile(
    rf"(?<!\w)(?:ال)?(?:اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|حادي|"
    rf"عشرين|ثلاثين)\w* (?:\S+ )?من (?:شهر )?({alternatives(_MONTH_OF)})(?!\w)"
)
_HIJRI = re.compile(rf"(\d{{1,2}}) (?:من )?({alternatives(_HIJRI_OF)}) (\d{{4}})")
_HIJRI_MONTH = re.compile(rf"(?<!\w)({alternatives(_HIJRI_OF)})(?!\w)")
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")  # day/month/year, as Arab media write it
# Years 1500 to 2099, not a resolution or other number ("القرار 2146", "رقم 1970").
_YEAR = re.compile(r"(?<!\d)(?<!القرار )(?<!قرار )(?<!رقم )(1[5-9]\d\d|20\d\d)(?!\d)")
_WEEKDAY_OF = {name.translate(_ALEF): n for name, n in WEEKDAYS.items()}
_WEEKDAY = re.compile(rf"(?<!\w)({alternatives(_WEEKDAY_OF)})(?!\w)(?! عشر)")  # "الأحد عشر" is eleven


@dataclass
class Written:
    """What a date expression states: years, months, (day, month) pairs and weekdays; `vague_days`
    holds months whose day is written in words (an ordinal) and not compared; `hijri_only` is set
    when a Hijri month is named without a full date to convert."""

    years: set[int] = field(default_factory=set)
    months: set[int] = field(default_factory=set)
    days: set[tuple[int, int]] = field(default_factory=set)  # (month, day)
    vague_days: set[int] = field(default_factory=set)
    weekdays: set[int] = field(default_factory=set)  # Monday 0
    hijri_only: bool = False

    @property
    def gives_day(self) -> bool:
        return bool(self.days or self.vague_days)


def read_written(text: str) -> Written:
    text = normalize(text).translate(_ALEF)
    out = Written()
    out.years = {int(y) for y in _YEAR.findall(text)}
    for days, month in _MONTH.findall(text):
        out.months.add(_MONTH_OF[month])
        out.days.update((_MONTH_OF[month], int(day)) for day in re.findall(r"\d+", days))
    for month in _ORDINAL_DAY.findall(text):
        out.vague_days.add(_MONTH_OF[month])
    for day, month, year in _NUMERIC.findall(text):
        out.years.add(int(year))
        out.months.add(int(month))
        out.days.add((int(month), int(day)))
    for day, month, year in _HIJRI.findall(text):
        gregorian = _from_hijri(int(year), _HIJRI_OF[month], int(day))
        if gregorian:
            out.years.add(gregorian.year)
            out.months.add(gregorian.month)
            out.days.add((gregorian.month, gregorian.day))
    out.hijri_only = bool(_HIJRI_MONTH.search(text)) and not _HIJRI.search(text)
    out.weekdays = {_WEEKDAY_OF[w] for w in _WEEKDAY.findall(text)}
    return out


def _from_hijri(year: int, month: int, day: int):
    """The Gregorian date of a Hijri one (Umm al-Qura, 1343–1500 AH), or None outside the tables."""
    from hijridate import Hijri

    try:
        return Hijri(year, month, day).to_gregorian()
    except (OverflowError, ValueError):
        return None
