"""Arabic-aware text normalisation for quote verification.

Verification forgives only variation that never changes a word: Unicode composition, presentation
forms, harakat, tatweel, invisible characters, digit forms, punctuation and quote-mark forms, and
spacing. It never folds letters (أ/إ/آ/ا, ى/ي, ة/ه): they tell words and names apart.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters that are never legitimate in records, judged on the raw file and again on every decoded
# key and value (a YAML escape such as "\u202e" spells them without writing them): every format
# character (Unicode category Cf: bidi embeddings, overrides and isolates, the "Trojan Source" set;
# zero-width characters, marks, the soft hyphen, the byte-order mark), the line and paragraph
# separators (YAML reads them as line breaks a diff does not show), and C0/C1 controls other than
# tab and newline (CR too: records use LF line ends).
_NAMED = {
    0x200E: "left-to-right mark",
    0x200F: "right-to-left mark",
    0x061C: "Arabic letter mark",
    0x200B: "zero-width space",
    0x200C: "zero-width non-joiner",
    0x200D: "zero-width joiner",
    0x2060: "word joiner",
    0x00AD: "soft hyphen",
    0xFEFF: "byte-order mark",
    0x2028: "line separator",
    0x2029: "paragraph separator",
    0x000D: "carriage return",
}
for _cp in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)):
    _NAMED[_cp] = "bidi control"
# Unicode's format characters (category Cf, Unicode 14 as Python 3.11 knows it), as ranges: computed
# at import from unicodedata this cost half a second at every start. A test keeps it a superset.
FORMAT_CHARACTERS = (
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
)
# Other characters that show as nothing or as an unknown glyph: the rest of Unicode's
# Default_Ignorable_Code_Point (Hangul fillers, variation selectors, the grapheme joiner, tag
# space), the noncharacters, and the private-use areas.
INVISIBLE_OTHERS = (
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180D),
    (0x180F, 0x180F),
    (0x3164, 0x3164),
    (0xE000, 0xF8FF),
    (0xFDD0, 0xFDEF),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0xFFFE, 0xFFFF),
    (0xE0000, 0xE0FFF),
    (0xF0000, 0x10FFFF),
    *((plane + 0xFFFE, plane + 0xFFFF) for plane in range(0x10000, 0x110000, 0x10000)),
)
FORBIDDEN_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029"
    + "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in (*FORMAT_CHARACTERS, *INVISIBLE_OTHERS))
    + "]"
)


def character_name(cp: int) -> str:
    """What a forbidden character is, in words a contributor recognises."""
    if cp in _NAMED:
        return _NAMED[cp]
    if cp < 0x20 or 0x7F <= cp <= 0x9F:
        return "control character"
    if 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000:
        return "private-use character"
    if 0xFDD0 <= cp <= 0xFDEF or cp & 0xFFFE == 0xFFFE:
        return "noncharacter"
    return "invisible formatting character"


# What `visible` shows as <U+XXXX>: the forbidden set, and white space other than the plain space.
# Lone surrogates stand for the bytes of a file name that is not UTF-8 (os.fsdecode).
_INVISIBLE_RE = re.compile(FORBIDDEN_RE.pattern[:-1] + r"\t\n\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ud800-\udfff]")


def one_line(text: str) -> str:
    """`text` for one line of a report or a table cell: line breaks become spaces, the rest `visible`."""
    return visible(re.sub(r"\r\n|[\r\n]", " ", text))


def visible(text: str) -> str:
    """`text` with invisible and control characters spelled out as <U+200B>, for messages that echo
    record text or file names: an invisible difference must show, and no control may reach a terminal."""
    return _INVISIBLE_RE.sub(lambda m: f"<U+{ord(m.group(0)):04X}>", text)


_HARAKAT = [*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06DD), *range(0x06DF, 0x06E9), *range(0x06EA, 0x06EE)]
_DROP = [
    *_HARAKAT,
    0x0640,
    0x200B,
    0x200C,
    0x200D,
    0x200E,
    0x200F,
    0x061C,
    0x00AD,
    0xFEFF,
    0x2060,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
]
_QUOTES = "\"'«»“”„‟‘’‚‛‹›″〝〞＂"
_TABLE: dict[int, str | None] = {cp: None for cp in _DROP}
_TABLE.update({0x0660 + i: str(i) for i in range(10)})
_TABLE.update({0x06F0 + i: str(i) for i in range(10)})
_TABLE.update({ord(q): '"' for q in _QUOTES})
_TABLE.update(
    {
        ord("،"): ",",
        ord("؛"): ";",
        ord("؟"): "?",
        0x066B: ".",
        0x066C: ",",
        ord("٪"): "%",
        0x2010: "-",
        0x2011: "-",
        0x2012: "-",
        0x2013: "-",
        0x2014: "-",
        0x2212: "-",
    }
)

_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
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


# A quote must carry words, or "…" alone (no fragment at all) would be found in any article.
MIN_WORD_LETTERS = 3  # every fragment between two `…` holds a word at least this long
MIN_EVIDENCE_LETTERS = 12  # a claim's evidence; the shortest real one is a name and title (14)
MIN_PASSAGE_LETTERS = 4  # a passage a source record explains (page chrome such as «عاجل»)


_LETTER = re.compile(r"[^\W\d_]")
_THREE_LETTERS = re.compile(r"[^\W\d_]{3}")  # enough for the common case: three letters in a row


def letter_count(text: str) -> int:
    return len(_LETTER.findall(text))


def quote_problem(quote: str, min_letters: int) -> str | None:
    """Why `quote` carries too few words to prove anything, or None if it carries enough."""
    fragments = quote_fragments(quote)
    if not fragments:
        return "has no words, only ellipses or marks"
    for fragment in fragments:
        if (
            not (MIN_WORD_LETTERS == 3 and _THREE_LETTERS.search(fragment))
            and max(map(letter_count, fragment.split(" "))) < MIN_WORD_LETTERS
        ):
            return f"has a fragment without a word of {MIN_WORD_LETTERS} or more letters: «{fragment}»"
    total = sum(map(letter_count, dict.fromkeys(fragments)))  # a fragment repeated proves nothing more
    if total < min_letters:
        return f"has {total} letter{'s' * (total != 1)}; a quote needs at least {min_letters}"
    return None


# Letters a quote may leave off the front of a word: the conjunctions و and ف and the prepositions
# ب, ل, ك, written joined to the word («وإعادة هيكلة» may be quoted as «إعادة هيكلة»).
_PROCLITICS = frozenset("وفبلك")


def _starts_word(text: str, i: int) -> bool:
    """Whether a quote may start at text[i]: at a word's start, or after one or two proclitics."""
    j = i
    for _ in range(3):
        if j == 0 or not text[j - 1].isalnum():
            return True
        if text[j - 1] not in _PROCLITICS:
            return False
        j -= 1
    return False


def _find_words(fragment: str, text: str, pos: int) -> int:
    """Where `fragment` stands in `text` from `pos` on as whole words (see _starts_word), or -1: a
    piece of a word ("لجيش" inside "الجيش") is not a quote of it."""
    i = text.find(fragment, pos)
    while i >= 0:
        end = i + len(fragment)
        if (not fragment[0].isalnum() or _starts_word(text, i)) and (
            end == len(text) or not text[end].isalnum() or not fragment[-1].isalnum()
        ):
            return i
        i = text.find(fragment, i + 1)
    return -1


def fragment_spans(fragments: list[str], normalized_text: str) -> list[tuple[int, int]] | None:
    """Where the fragments stand, in order and as whole words, in `normalized_text`; None if they do not."""
    spans, pos = [], 0
    for frag in fragments:
        i = _find_words(frag, normalized_text, pos)
        if i < 0:
            return None
        pos = i + len(frag)
        spans.append((i, pos))
    return spans


def contains_words(text: str, normalized_text: str) -> bool:
    """Whether `text` stands in `normalized_text` as whole words."""
    return _find_words(normalize(text), normalized_text, 0) >= 0


def find_fragments(fragments: list[str], normalized_text: str) -> bool:
    return fragment_spans(fragments, normalized_text) is not None


# The search fold as data: the browser folds a query with this same table (the site writes it
# into the search page, `search_fold_spec`), so what a reader types and what the pages hold fold alike.
SEARCH_LETTERS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
# Tried in order; the first that matches is removed. `\S{3}`: at least three letters stay.
SEARCH_PREFIXES = (r"^(?:و|ف)?(?:ب|ك|ل)?ال(?=\S{3})", r"^(?:و|ف)(?=ال\S{3})")
_SEARCH_FOLD = str.maketrans(SEARCH_LETTERS)
_SEARCH_PREFIXES = tuple(re.compile(p) for p in SEARCH_PREFIXES)


def fold_word(word: str) -> str:
    """One word of verification form, folded for search."""
    word = word.translate(_SEARCH_FOLD)
    for prefix in _SEARCH_PREFIXES:
        stripped = prefix.sub("", word, count=1)
        if stripped != word:
            return stripped
    return word


def fold_for_search(text: str) -> str:
    """An aggressive fold for search and name matching, applied on top of the verification form:
    alef forms, ى/ي, ة/ه, hamza seats, and the prefixes و/ف + ب/ك/ل + ال. Never use it to verify a
    quote: it makes different words equal."""
    return " ".join(fold_word(w) for w in normalize(text).split(" ") if w)


# The Latin transliteration fold: outlets write one Arabic name in Latin letters many ways
# (Qaddafi, Gaddafi, Kadhafi; Hamad, Hammad; Dbeibah, Dbaiba; al-Nadhuri, Nadori), and each of
# those meets the others once folded. Per word written in Latin letters, after lower case and
# without accents: apostrophes and the ayn/hamza marks go, a leading article (al-, el-, a- and the
# assimilated ad-, an-, ar-, as-, ash-, at-, az-) goes, hyphens separate words, the article as a
# word of its own ("Al Nahyan") goes, then the letter steps run in order. Data, like the Arabic
# fold: the browser runs the same steps (search_fold_spec).
LATIN_ACCENTS = "[\u0300-\u036f]"  # combining accents, left apart from their letter by NFD
LATIN_LETTER = "[a-z]"  # a word with one of these is folded as Latin; others are left as they are
LATIN_MARKS = "['\"`´ʹʻʼʽʾʿ‘’]"  # apostrophes, the ayn and hamza marks, and " (quote marks in the verification form)
LATIN_ARTICLE = "^(?:[ae]l|a(?:[dnrstz]h?)?)-"
LATIN_SEPARATOR = "[^a-z0-9]+"
LATIN_ARTICLE_WORDS = ("al", "el")
LATIN_STEPS = (
    ("dh|th|z", "d"),
    ("ou|oo|o", "u"),
    ("y", "i"),
    ("ee|ei|ai", "i"),
    ("[qg]", "k"),
    (r"([a-z])\1+", "$1"),  # doubled letters, once the steps above have made them alike
    ("(?:[ae]h|a)$", "a"),  # the final -a, -ah, -eh
)
_LATIN_ACCENTS = re.compile(LATIN_ACCENTS)
_LATIN_LETTER = re.compile(LATIN_LETTER)
_LATIN_MARKS = re.compile(LATIN_MARKS)
_LATIN_ARTICLE = re.compile(LATIN_ARTICLE)
_LATIN_SEPARATOR = re.compile(LATIN_SEPARATOR)
# The steps' replacements are written as JavaScript writes them ($1); Python's re writes \1.
_LATIN_STEPS = tuple((re.compile(p), re.sub(r"\$(\d)", r"\\\1", to)) for p, to in LATIN_STEPS)


def fold_latin(text: str) -> str:
    """The Latin transliteration fold of `text`, word by word; words without a Latin letter
    (Arabic, numbers) are kept as they are."""
    out = []
    for word in text.split():
        plain = _LATIN_ACCENTS.sub("", unicodedata.normalize("NFD", word.lower()))
        if not _LATIN_LETTER.search(plain):
            out.append(word)
            continue
        plain = _LATIN_ARTICLE.sub("", _LATIN_MARKS.sub("", plain), count=1)
        for part in _LATIN_SEPARATOR.split(plain):
            if part and part not in LATIN_ARTICLE_WORDS:
                for pattern, to in _LATIN_STEPS:
                    part = pattern.sub(to, part)
                out.append(part)
    return " ".join(out)


def search_key(text: str) -> str:
    """The form in which two spellings of one name meet: the Arabic search fold, then the Latin one."""
    return fold_latin(fold_for_search(text))


def search_fold_spec() -> dict:
    """Everything the browser needs to fold text exactly as `fold_for_search` and `search_key` do:
    the verification form's character table (what is dropped, what becomes what), its
    presentation-form ranges and spacing rules, the search letters and prefixes, then the Latin fold."""
    table = {chr(cp): ("" if to is None else to) for cp, to in _TABLE.items()}
    return {
        "presentation": _PRESENTATION.pattern,
        "table": table,
        "spacing": [[_SPACE_BEFORE_PUNCT.pattern, "$1"], [_SPACE_AFTER_OPEN.pattern, "$1"]],
        "letters": SEARCH_LETTERS,
        "prefixes": list(SEARCH_PREFIXES),
        "latin": {
            "accents": LATIN_ACCENTS,
            "letter": LATIN_LETTER,
            "marks": LATIN_MARKS,
            "article": LATIN_ARTICLE,
            "separator": LATIN_SEPARATOR,
            "articleWords": list(LATIN_ARTICLE_WORDS),
            "steps": [list(step) for step in LATIN_STEPS],
        },
    }


def forbidden_characters(text: str):
    """Yield (offset, codepoint, name) for every character records must not contain."""
    for m in FORBIDDEN_RE.finditer(text):
        cp = ord(m.group(0))
        yield m.start(), cp, character_name(cp)
