"""Arabic-aware text normalisation for quote verification.

Verification forgives only variation that never changes a word: Unicode composition, presentation
forms, harakat, tatweel, invisible characters, digit forms, punctuation and quote-mark forms, and
spacing. It never folds letters (أ/إ/آ/ا, ى/ي, ة/ه): they tell words and names apart.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters that are never legitimate in records: bidi embeddings, overrides and isolates (the
# "Trojan Source" set), marks and invisible formatting characters that hide or reorder text.
FORBIDDEN_IN_RECORDS = {
    **{cp: "bidi control" for cp in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
    0x200E: "left-to-right mark",
    0x200F: "right-to-left mark",
    0x061C: "Arabic letter mark",
    0x200B: "zero-width space",
    0x200C: "zero-width non-joiner",
    0x200D: "zero-width joiner",
    0x2060: "word joiner",
    0x00AD: "soft hyphen",
    0xFEFF: "byte-order mark",
}
# C0/C1 controls other than tab and newline (CR too: records use LF line ends).
for _cp in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)):
    FORBIDDEN_IN_RECORDS[_cp] = "control character"
FORBIDDEN_RE = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(FORBIDDEN_IN_RECORDS)) + "]")

_HARAKAT = [*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06DD), *range(0x06DF, 0x06E9), *range(0x06EA, 0x06EE)]
_DROP = [*_HARAKAT, 0x0640, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0x00AD, 0xFEFF, 0x2060,
         *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_QUOTES = "\"'«»“”„‟‘’‚‛‹›″〝〞＂"
_TABLE = {cp: None for cp in _DROP}
_TABLE.update({0x0660 + i: str(i) for i in range(10)})
_TABLE.update({0x06F0 + i: str(i) for i in range(10)})
_TABLE.update({ord(q): '"' for q in _QUOTES})
_TABLE.update({ord("،"): ",", ord("؛"): ";", ord("؟"): "?", 0x066B: ".", 0x066C: ",", ord("٪"): "%",
               0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2212: "-"})

_PRESENTATION = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFE]")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r" ([,.;:?!)\]])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[]) ")
_FRAGMENT_SEP = re.compile(r"\s*(?:…|\.\.\.)\s*")


def _nfkc_char(m: re.Match) -> str:
    return unicodedata.normalize("NFKC", m.group(0))


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """The verification form of `text`; idempotent. Cached: quotes are normalised by the quote
    check and again by the name rules."""
    text = unicodedata.normalize("NFC", text)
    if _PRESENTATION.search(text):
        # Only presentation forms: full NFKC would also turn 10² into 102.
        text = unicodedata.normalize("NFC", _PRESENTATION.sub(_nfkc_char, text))
    text = text.translate(_TABLE)
    text = _SPACES.sub(" ", text).strip()
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return _SPACE_AFTER_OPEN.sub(r"\1", text)


_PUNCT_AFTER_SPACE = frozenset(",.;:?!)]")


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """`normalize(text)` and, for each of its characters, the offset in `text` it comes from.

    Lets a quote found in the verification form be highlighted in the original article. Assumes
    `text` is NFC (the stored articles are); `normalize` of it must equal the string returned.
    """
    out: list[str] = []
    offsets: list[int] = []
    pending_space = None  # offset of a run of white space not yet written
    for i, ch in enumerate(text):
        if ch.isspace():
            if out and pending_space is None:
                pending_space = i
            continue
        pieces = unicodedata.normalize("NFKC", ch) if _PRESENTATION.match(ch) else ch
        pieces = pieces.translate(_TABLE)
        if not pieces:
            continue
        if pending_space is not None:
            if not (pieces[0] in _PUNCT_AFTER_SPACE or (out and out[-1] in "([")):
                out.append(" ")
                offsets.append(pending_space)
            pending_space = None
        for piece in pieces:
            out.append(piece)
            offsets.append(i)
    return "".join(out), offsets


def quote_fragments(quote: str) -> list[str]:
    """A quote split at `…` into the normalised fragments that must appear in order."""
    return [f for f in (normalize(p) for p in _FRAGMENT_SEP.split(quote)) if f]


def fragment_spans(fragments: list[str], normalized_text: str) -> list[tuple[int, int]] | None:
    """Where the fragments stand, in order, in `normalized_text`; None if they do not."""
    spans, pos = [], 0
    for frag in fragments:
        i = normalized_text.find(frag, pos)
        if i < 0:
            return None
        pos = i + len(frag)
        spans.append((i, pos))
    return spans


def find_fragments(fragments: list[str], normalized_text: str) -> bool:
    return fragment_spans(fragments, normalized_text) is not None


_SEARCH_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_PREFIXED = re.compile(r"^(?:و|ف)?(?:ب|ك|ل)?ال(?=\w{3})|^(?:و|ف)(?=ال\w{3})")


def fold_word(word: str) -> str:
    word = word.translate(_SEARCH_FOLD)
    return _PREFIXED.sub("", word)


def fold_for_search(text: str) -> str:
    """An aggressive fold for search and name matching, applied on top of the verification form:
    alef forms, ى/ي, ة/ه, hamza seats, and the prefixes و/ف + ب/ك/ل + ال. Never use it to verify a
    quote: it makes different words equal."""
    return " ".join(fold_word(w) for w in normalize(text).split(" ") if w)


def forbidden_characters(text: str):
    """Yield (offset, codepoint, name) for every character records must not contain."""
    for m in FORBIDDEN_RE.finditer(text):
        cp = ord(m.group(0))
        yield m.start(), cp, FORBIDDEN_IN_RECORDS[cp]
