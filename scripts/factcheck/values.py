"""A claim's value, one way: the key claims are compared by, and its words for reports, exports
and pages. (The site wraps these words in markup; the text itself is made here only.)"""

from __future__ import annotations

from collections.abc import Callable

from .dataset import Record
from .textnorm import normalize

RANGE_DASH = "–"


def value_key(claim: Record):
    """What a claim's value is, for comparison: entity id, normalised Arabic text, amount or date."""
    value = claim.data.get("value")
    if not value:
        return None
    kind, v = next(iter(value.items()))
    if kind == "text":
        return ("text", normalize(v["ar"]))
    if kind == "quantity":
        return ("quantity", v["amount"], v.get("upper", v["amount"]), normalize(v["unit"]["ar"]))
    return (kind, v)


def amount_text(quantity: dict) -> str:
    """12, or 12–18 for a range."""
    return f"{quantity['amount']:g}" + (f"{RANGE_DASH}{quantity['upper']:g}" if "upper" in quantity else "")


def value_text(
    value: dict | None, lang: str = "en", *, date: Callable[[str], str] = str, entity: Callable[[str], str] = str
) -> str:
    """A value in words: the entity (its id, or what `entity` makes of it), the text in `lang`, the
    amount with its unit, the date (ISO, or what `date` makes of it); "" for no value."""
    if not value:
        return ""
    kind, v = next(iter(value.items()))
    if kind == "text":
        return v[lang]
    if kind == "quantity":
        return f"{amount_text(v)} {v['unit'][lang]}"
    if kind == "date":
        return date(v)
    return entity(v)
