"""Cross-record checks: ids, dates, references, stored articles and quotes."""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import hashlib
import re

from . import findings as F
from .datewords import read_written
from .files import NotARegularFile, read_regular_file
from .dataset import FOLDER_OF, Article, Dataset, Record
from .textnorm import (MIN_EVIDENCE_LETTERS, MIN_PASSAGE_LETTERS, MIN_WORD_LETTERS, contains_words, find_fragments,
                       letter_count, normalize, quote_fragments, quote_problem)

# ---------------------------------------------------------------- ids


def check_ids(candidates: list[Record]) -> list[F.Finding]:
    """Ids equal file names and are unique per kind. `candidates` holds every record with an id."""
    out, first = [], {}
    for rec in candidates:
        stem = rec.path.rsplit("/", 1)[-1].removesuffix(".yaml")
        if rec.id != stem:
            out.append(F.make("FC201", rec.path, pointer=("id",), id=rec.id, stem=stem))
        key = (rec.kind, rec.id)
        if key in first:
            out.append(F.make("FC202", rec.path, pointer=("id",), kind=rec.kind, id=rec.id, other=first[key].path))
        else:
            first[key] = rec
    return out


# ---------------------------------------------------------------- placeholders

# What `factcheck new` writes where the contributor's words go; a record holding one is unfinished.
PLACEHOLDER = {"ar": "اكتب هنا بالعربية.", "en": "Write here in English."}
PLACEHOLDER_DATE = "YYYY-MM-DD"
_PLACEHOLDERS = frozenset((*PLACEHOLDER.values(), PLACEHOLDER_DATE))
_PLACEHOLDER_WORDS = ("Write", "اكتب", PLACEHOLDER_DATE)


def check_placeholders(rec: Record) -> list[F.Finding]:
    """Every field still holding a placeholder, named so the contributor knows what to fill in."""
    if "\\" not in rec.text and not any(word in rec.text for word in _PLACEHOLDER_WORDS):
        return []  # not in the file (YAML may fold a value across lines, never a word), nor escaped
    out = []
    stack = [((), rec.data)]
    while stack:
        pointer, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((pointer + (k,), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((pointer + (i,), v) for i, v in enumerate(value))
        elif isinstance(value, str) and " ".join(value.split()) in _PLACEHOLDERS:
            out.append(F.make("FC106", rec.path, pointer=pointer, field=".".join(map(str, pointer)), text=value))
    return sorted(out, key=lambda f: f.pointer)


# ---------------------------------------------------------------- dates

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_bounds(value: str) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """Earliest and latest day a truncated ISO date can mean, or None if it does not exist."""
    m = _DATE.match(value)
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if year == 0:  # the Gregorian calendar (and Python's dates) run from year 1
        return None
    if month is None:
        return (year, 1, 1), (year, 12, 31)
    month = int(month)
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return (year, month, 1), (year, month, last)
    day = int(day)
    if not 1 <= day <= last:
        return None
    return (year, month, day), (year, month, day)


def _date_fields(rec: Record):
    """(pointer, value) of every date a record holds."""
    data = rec.data
    if rec.kind == "claim":
        for key in ("point", "start", "end"):
            if key in data.get("time", {}):
                yield ("time", key), data["time"][key]
        if "date" in data.get("value", {}):
            yield ("value", "date"), data["value"]["date"]
    elif rec.kind == "source":
        for key in ("date", "not_before", "not_after"):
            if key in data["published"]:
                yield ("published", key), data["published"][key]


def check_dates(rec: Record) -> list[F.Finding]:
    out, bounds = [], {}
    for pointer, value in _date_fields(rec):
        b = date_bounds(value)
        if b is None:
            out.append(F.make("FC110", rec.path, pointer=pointer, date=value))
        else:
            bounds[pointer] = b
    if rec.kind == "claim" and "as_written" in rec.data.get("time", {}):
        out.extend(_check_as_written(rec, bounds))
    for start, end in ((("time", "start"), ("time", "end")),
                       (("published", "not_before"), ("published", "not_after"))):
        if start in bounds and end in bounds and bounds[end][1] < bounds[start][0]:
            out.append(F.make("FC111", rec.path, pointer=end, end_field=end[-1], end=rec.data[end[0]][end[1]],
                              start_field=start[-1], start=rec.data[start[0]][start[1]]))
    return out


def _check_as_written(rec: Record, bounds: dict) -> list[F.Finding]:
    """A claim's time agrees with the words it annotates: every year, month, day and weekday the
    words name fits one of its dates, and a date stated (not inferred) is no more precise than them."""
    time = rec.data["time"]
    written = read_written(time["as_written"])
    dates = [(key, time[key]) for key in ("point", "start", "end") if ("time", key) in bounds]
    if not dates:
        return []

    def finding(key, value, problem, fix):
        return F.make("FC112", rec.path, pointer=("time", key), field=f"time.{key}", date=value,
                      written=time["as_written"], problem=problem, fix=fix)

    def parts(value):  # (year, month or None, day or None)
        pieces = [int(x) for x in value.split("-")]
        return pieces[0], *(pieces[1:] + [None, None])[:2]

    out = []
    first_key, first_value = dates[0]
    years = {parts(v)[0] for _, v in dates}
    for year in sorted(written.years - years):
        out.append(finding(first_key, first_value, f"the words name the year {year}",
                           f"Write the year the words give ({year}), or correct `as_written`."))
    months = {parts(v)[1] for _, v in dates} - {None}
    for month in sorted(written.months - months) if months else ():
        out.append(finding(first_key, first_value, f"the words name month {month}",
                           f"Write month {month:02d}, as the words give it, or correct `as_written`."))
    for key, value in dates:
        year, month, day = parts(value)
        said = {d for m, d in written.days if m == month}
        if day is not None and said and day not in said:
            out.append(finding(key, value, f"the words give day {min(said)} of that month",
                               f"Write day {min(said):02d}, as the words give it."))
        if day is not None and written.weekdays:
            weekday = dt.date(year, month, day).weekday()
            if weekday not in written.weekdays:
                out.append(finding(key, value, f"{value} was a {dt.date(year, month, day):%A}, not the weekday the words name",
                                   "Check the day: the weekday in the words and the date must agree."))
        if time["basis"] == "stated" and not written.hijri_only:
            finer = ("a day" if day is not None and not written.gives_day else
                     "a month" if month is not None and not written.months else
                     "a year" if not written.years else None)
            if finer:
                out.append(finding(key, value, f"the date gives {finer} that the words do not",
                                   "Keep only the precision the words give (YYYY or YYYY-MM), or set `basis: inferred` "
                                   "with a `reason` saying where the rest comes from."))
    return out


# ---------------------------------------------------------------- references


def _references(rec: Record):
    """(pointer, kind, id) of every reference a record makes."""
    d = rec.data
    if rec.kind == "claim":
        yield ("subject",), "entity", d["subject"]
        yield ("property",), "property", d["property"]
        if "entity" in d.get("value", {}):
            yield ("value", "entity"), "entity", d["value"]["entity"]
        if "attribution" in d:
            yield ("attribution",), "claim", d["attribution"]
        for i, ev in enumerate(d["evidence"]):
            yield ("evidence", i, "source"), "source", ev["source"]
    elif rec.kind == "entity":
        if "parent" in d:
            yield ("parent",), "entity", d["parent"]
        for i, alias in enumerate(d["aliases"]):
            if "source" in alias:
                yield ("aliases", i, "source"), "source", alias["source"]
    elif rec.kind == "contradiction":
        for key, kind in (("claims", "claim"), ("entities", "entity"), ("sources", "source")):
            for i, ref in enumerate(d.get(key, ())):
                yield (key, i), kind, ref
        if "preferred_claim" in d:
            yield ("preferred_claim",), "claim", d["preferred_claim"]


def check_references(ds: Dataset, known: dict[str, set[str]], rec: Record) -> list[F.Finding]:
    """Every reference of `rec` names an existing record of the right kind and type.

    `known` holds the ids of every record that loaded, valid or not, so that one broken record
    does not make every reference to it dangle.
    """
    out = []
    for pointer, kind, ref in _references(rec):
        if ref not in known[kind]:
            close = difflib.get_close_matches(ref, known[kind], n=1, cutoff=0.75)
            involved = {f"{FOLDER_OF[kind]}": (ref,)} if kind in ("claim", "entity", "source") else {}
            out.append(F.make("FC203", rec.path, pointer=pointer, field=".".join(map(str, pointer)),
                              kind=kind, ref=ref, folder=f"facts/{FOLDER_OF[kind]}/",
                              suggestion=f" Did you mean '{close[0]}'?" if close else "", **involved))
    if rec.kind == "claim":
        out.extend(_check_claim_types(ds, rec))
        out.extend(_check_verdict(ds, rec))
    elif rec.kind == "contradiction":
        d = rec.data
        if "preferred_claim" in d and d["preferred_claim"] not in d.get("claims", ()):
            out.append(F.make("FC204", rec.path, pointer=("preferred_claim",),
                              problem=f"preferred_claim '{d['preferred_claim']}' is not one of `claims`",
                              fix="Add it to `claims` or name one of the listed claims."))
    return out


def _check_verdict(ds: Dataset, rec: Record):
    """The ratings that count sources must match the evidence: the scale is a promise to readers.

    Sources are counted as articles, by content: two source records of one article are one source.
    """
    rating = rec.data["verdict"]["rating"]
    supporting = {article_identity(ds, ev["source"]) for ev in rec.data["evidence"] if ev["stance"] == "supports"}
    if rating == "corroborated" and len(supporting) < 2:
        yield F.make("FC205", rec.path, pointer=("verdict", "rating"), rating=rating,
                     needed="supporting quotes from two or more sources", has=f"{len(supporting)} source",
                     fix="Add the other source's quote to `evidence`, or rate it `single-source`.")
    elif rating == "single-source" and len(supporting) != 1:
        yield F.make("FC205", rec.path, pointer=("verdict", "rating"), rating=rating,
                     needed="supporting quotes from exactly one source", has=f"{len(supporting)} sources",
                     fix="Rate it `corroborated` if two sources support it, or keep only the one source.")


def _check_claim_types(ds: Dataset, rec: Record):
    # Only records that kept their schema are trusted for their shape; a broken one has its own findings.
    prop = ds.valid_record("property", rec.data["property"])
    if prop is None:
        return
    pid, value = prop.id, rec.data.get("value")
    expected = prop.data["value_type"]
    given = next(iter(value)) if value else "none"
    if given != expected:
        fix = ("Remove `value`: the claim's time carries this fact." if expected == "none"
               else f"Give `value: {{{expected}: …}}`.")
        yield F.make("FC204", rec.path, pointer=("value",) if value else ("property",),
                     problem=f"property '{pid}' takes a value of type {expected}, the claim gives {given}", fix=fix)
    subject = ds.valid_record("entity", rec.data["subject"])
    allowed = prop.data.get("subject_types")
    if subject and allowed and subject.data["type"] not in allowed:
        yield F.make("FC204", rec.path, pointer=("subject",),
                     problem=f"property '{pid}' takes a subject of type {' or '.join(allowed)}; "
                             f"'{subject.id}' is a {subject.data['type']}",
                     fix="Choose another property or subject (see facts/properties/).")
    allowed = prop.data.get("value_types")
    target = ds.valid_record("entity", (value or {}).get("entity", ""))
    if target and allowed and target.data["type"] not in allowed:
        yield F.make("FC204", rec.path, pointer=("value", "entity"),
                     problem=f"property '{pid}' takes a value of type {' or '.join(allowed)}; "
                             f"'{target.id}' is a {target.data['type']}",
                     fix="Choose another property or value (see facts/properties/).")
    attributed = ds.valid_record("claim", rec.data.get("attribution", ""))
    if attributed and attributed.data["property"] != "stated":
        yield F.make("FC204", rec.path, pointer=("attribution",),
                     problem=f"attribution '{attributed.id}' is not a `stated` claim",
                     fix="Point `attribution` at the claim that records who said it (property `stated`).")


# ---------------------------------------------------------------- stored articles and quotes


def article_identity(ds: Dataset, source_id: str) -> str:
    """What makes an article itself: its normalised text (a source whose article is not at hand is
    known only by its id)."""
    article = ds.articles.get(source_id)
    return article.fingerprint if article is not None else f"id:{source_id}"


def check_articles(ds: Dataset) -> list[F.Finding]:
    """Read each source's stored article, verify its hash and keep it for quote checks; one article
    has one source record, found by file, by sha256, by its normalised text or as a near copy."""
    out = []
    root = ds.root.resolve()
    first_of: dict[tuple[str, str], str] = {}  # (how, key) -> the first source id with it
    for src in sorted(ds.sources.values(), key=lambda r: r.id):
        if not src.valid:
            continue
        rel = src.data["file"]
        file = (root / rel).resolve()
        if not file.is_relative_to(root / "seeds"):
            out.append(F.make("FC304", src.path, pointer=("file",), file=rel, problem="is outside seeds/"))
            continue
        try:
            raw = read_regular_file(file)
        except NotARegularFile as exc:
            out.append(F.make("FC304", src.path, pointer=("file",), file=rel, problem=f"is {exc.what}, not a regular file"))
            continue
        except OSError:
            out.append(F.make("FC304", src.path, pointer=("file",), file=rel, problem="does not exist"))
            continue
        actual = hashlib.sha256(raw).hexdigest()
        if actual != src.data["sha256"]:
            out.append(_changed_article(ds, src, rel, actual))
        try:
            article = Article(rel, raw.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(F.make("FC304", src.path, pointer=("file",), file=rel, problem="is not UTF-8 text"))
            continue
        ds.articles[src.id] = article
        other, how = _earlier_copy(first_of, src.id, file.as_posix(), actual, article)
        if other:
            out.append(F.make("FC308", src.path, pointer=("file",), source=src.id, other=other, how=how,
                              sources=(src.id, other)))
    return out


# A paragraph this long is the article's own text, not page furniture two pages may share.
_OWN_PARAGRAPH_LETTERS = 40


def _earlier_copy(first_of: dict, sid: str, file: str, sha256: str, article: Article) -> tuple[str | None, str]:
    """The source already seen that stores this article, and how it shows: the same file, the same
    bytes, the same text, or most of the same paragraphs (a copy with a line added or changed)."""
    found = None
    for how, key in (("the same file", file), ("the same sha256", sha256),
                     ("the same text under another file name", article.fingerprint)):
        other = first_of.setdefault((how, key), sid)
        if other != sid and found is None:
            found = (other, how)
    own = [p for p in dict.fromkeys(article.normalized) if letter_count(p) >= _OWN_PARAGRAPH_LETTERS]
    shared: dict[str, int] = {}
    for paragraph in own:
        other = first_of.setdefault(("paragraph", paragraph), sid)
        if other != sid:
            shared[other] = shared.get(other, 0) + 1
    if found:
        return found
    if shared:
        other, count = max(shared.items(), key=lambda kv: kv[1])
        if 2 * count >= len(own):
            return other, f"{count} of its {len(own)} paragraphs word for word"
    return None, ""


def _changed_article(ds: Dataset, src: Record, rel: str, actual: str) -> F.Finding:
    """FC303, with a hint that fits: an article that matches another record's sha256 was not edited,
    the record names the wrong file."""
    expected = src.data["sha256"]
    right_file = next((s.data["file"] for s in ds.sources.values() if s.valid and s.id != src.id
                       and s.data.get("sha256") == expected and s.data.get("file") != rel), None)
    named_by = next((s.id for s in ds.sources.values() if s.valid and s.id != src.id and s.data.get("sha256") == actual),
                    None)
    if right_file:
        fix = f"The sha256 is that of {right_file}: set `file: {right_file}` if that is the article meant."
    elif named_by:
        fix = (f"{rel} is the article of {named_by}, unchanged: this record names the wrong file, or copied "
               f"{named_by}'s file name. Set `file:` to this source's own article.")
    else:
        fix = (f"Stored articles are never edited: restore the original file (git checkout -- {rel}). If a new "
               "version is really meant, add it as a new source.")
    return F.make("FC303", src.path, pointer=("sha256",), file=rel, actual=actual, expected=expected, fix=fix)


def closest_passage(quote: str, paragraph: str) -> str:
    """The run of words in `paragraph` most like `quote`, to show a contributor what differs."""
    words, n = paragraph.split(), max(1, len(quote.split()))
    if len(words) <= n:
        return paragraph
    windows = [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)]
    target = normalize(quote)
    return max(windows, key=lambda w: difflib.SequenceMatcher(None, normalize(w), target, autojunk=False).ratio())


def _quoted_spans(rec: Record):
    """(pointer, source id, quote, paragraph) of every quote a record makes of an article."""
    if rec.kind == "claim":
        for i, ev in enumerate(rec.data["evidence"]):
            yield ("evidence", i), ev["source"], ev["quote"], ev["paragraph"], MIN_EVIDENCE_LETTERS
    elif rec.kind == "source":
        for i, item in enumerate(rec.data.get("uncovered", [])):
            yield ("uncovered", i), rec.id, item["quote"], item["paragraph"], MIN_PASSAGE_LETTERS


def check_quotes(ds: Dataset, rec: Record) -> list[F.Finding]:
    """Every quote of `rec` stands in its article, in the paragraph it names."""
    out = []
    for pointer, source_id, quote, given, min_letters in _quoted_spans(rec):
        problem = quote_problem(quote, min_letters)
        if problem:
            out.append(F.make("FC307", rec.path, pointer=pointer + ("quote",), problem=problem,
                              min_letters=min_letters, min_word=MIN_WORD_LETTERS))
            continue
        article = ds.articles.get(source_id)
        if article is not None:  # a dangling or unreadable source is reported elsewhere
            out.extend(_check_quote(rec, pointer, source_id, quote, given, article))
    if rec.kind == "entity":
        for i, alias in enumerate(rec.data["aliases"]):
            article = ds.articles.get(alias.get("source", ""))
            if article is not None and not contains_words(alias["text"], article.joined):
                out.append(F.make("FC306", rec.path, pointer=("aliases", i, "text"), text=alias["text"],
                                  source=alias["source"]))
    if rec.kind == "source" and rec.id in ds.articles:
        out.extend(_check_shown(rec, ds.articles[rec.id]))
        count = len(ds.articles[rec.id].paragraphs)
        for i, item in enumerate(rec.data.get("page_chrome", [])):
            if item["paragraph"] > count:
                out.append(F.make("FC305", rec.path, pointer=("page_chrome", i, "paragraph"),
                                  source=rec.id, count=count, given=item["paragraph"]))
    return out


def _check_shown(src: Record, article: Article):
    """What a source record says its page shows (headline, outlet) is in the stored page."""
    d = src.data
    if d["title"]["shown"]:  # a headline is a line of the page, whole
        text = d["title"]["text"][d["language"]]
        if normalize(text) not in article.normalized:
            yield F.make("FC309", src.path, pointer=("title", "text", d["language"]), field="title.text", text=text,
                         file=article.file, what="headline, a whole line of the page,")
    if d["outlet"]["shown"]:  # a name within a line (a byline, a footer), in whole words
        text = d["outlet"]["as_shown"]
        if quote_problem(text, MIN_PASSAGE_LETTERS) or not contains_words(text, article.joined):
            yield F.make("FC309", src.path, pointer=("outlet", "as_shown"), field="outlet.as_shown", text=text,
                         file=article.file, what="outlet's name (whole words)")


def _check_quote(rec, pointer, source_id, quote, given, article: Article):
    fragments = quote_fragments(quote)
    count = len(article.paragraphs)
    if given > count:
        yield F.make("FC305", rec.path, pointer=pointer + ("paragraph",), source=source_id, count=count, given=given)
        return
    if find_fragments(fragments, article.normalized[given - 1]):
        return
    found = next((i + 1 for i, p in enumerate(article.normalized) if find_fragments(fragments, p)), None)
    if found is not None:
        yield F.make("FC302", rec.path, pointer=pointer + ("paragraph",), source=source_id, found=found, given=given)
        return
    # Not found anywhere: show the closest passage of the paragraph that shares most words.
    quote_words = set(normalize(quote).split())
    best = max(range(count), key=lambda i: len(quote_words & set(article.normalized[i].split())))
    yield F.make("FC301", rec.path, pointer=pointer + ("quote",), source=source_id,
                 file=article.file, paragraph=best + 1,
                 closest=closest_passage(quote, article.paragraphs[best]))

