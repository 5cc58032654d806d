"""Stored articles: each source record's file is read, its sha256 verified (FC303, FC304), and it
is added to the dataset for the quote checks and later steps. One article has one source record
(FC308), found by file, by sha256, by its normalised text or as a near copy."""

from __future__ import annotations

import hashlib

from .. import findings as F
from ..dataset import Article, Dataset, Record
from ..files import NotARegularFile, read_regular_file
from ..textnorm import letter_count

# A paragraph this long is the article's own text, not page furniture two pages may share.
_OWN_PARAGRAPH_LETTERS = 40


def read_articles(ds: Dataset) -> list[F.Finding]:
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
            out.append(
                F.make("FC304", src.path, pointer=("file",), file=rel, problem=f"is {exc.what}, not a regular file")
            )
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
            out.append(
                F.make(
                    "FC308", src.path, pointer=("file",), source=src.id, other=other, how=how, sources=(src.id, other)
                )
            )
    return out


def _earlier_copy(first_of: dict, sid: str, file: str, sha256: str, article: Article) -> tuple[str | None, str]:
    """The source already seen that stores this article, and how it shows: the same file, the same
    bytes, the same text, or most of the same paragraphs (a copy with a line added or changed)."""
    found = None
    for how, key in (
        ("the same file", file),
        ("the same sha256", sha256),
        ("the same text under another file name", article.fingerprint),
    ):
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
    right_file = next(
        (
            s.data["file"]
            for s in ds.sources.values()
            if s.valid and s.id != src.id and s.data.get("sha256") == expected and s.data.get("file") != rel
        ),
        None,
    )
    named_by = next(
        (s.id for s in ds.sources.values() if s.valid and s.id != src.id and s.data.get("sha256") == actual), None
    )
    if right_file:
        fix = f"The sha256 is that of {right_file}: set `file: {right_file}` if that is the article meant."
    elif named_by:
        fix = (
            f"{rel} is the article of {named_by}, unchanged: this record names the wrong file, or copied "
            f"{named_by}'s file name. Set `file:` to this source's own article."
        )
    else:
        fix = (
            f"Stored articles are never edited: restore the original file (git checkout -- {rel}). If a new "
            "version is really meant, add it as a new source."
        )
    return F.make("FC303", src.path, pointer=("sha256",), file=rel, actual=actual, expected=expected, fix=fix)
