"""Lists split into pages of a fixed number of records, so that no page grows with the dataset:
the first page at the list's own address (claims/, timeline/), the others at <folder>/page/<n>/.
And the claims' compact rows, in shards of a fixed number of claims, which the claims filters
fetch only when a reader filters."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """One page of a list: its items, where it sits among the list's pages."""

    first_id: str  # the page id of page 1, e.g. "claims/index" or "timeline"
    folder: str  # where pages 2.. live: <folder>/page/<n>
    number: int  # from 1
    count: int  # how many pages the list has
    items: Sequence
    start: int  # the position of the first item in the whole list, from 0
    total: int  # items in the whole list

    @property
    def id(self) -> str:
        return page_id(self.first_id, self.folder, self.number)

    def id_of(self, number: int) -> str:
        return page_id(self.first_id, self.folder, number)

    def window(self, around: int = 2) -> list[int | None]:
        """The page numbers a pager links: the first, the last and those near this one; None
        where numbers are left out. Bounded, however many pages there are."""
        return window(self.number, self.count, around)


def page_id(first_id: str, folder: str, number: int) -> str:
    return first_id if number == 1 else f"{folder}/page/{number}"


def is_numbered(page: str) -> bool:
    """Whether a page id is page 2 or later of a list (the first page has the list's own id)."""
    head, _, number = page.rpartition("/page/")
    return bool(head) and number.isdigit()


def paginate(items: Sequence, size: int, first_id: str, folder: str) -> list[Page]:
    """`items` in pages of `size`; an empty list still has its first page."""
    count = max(1, -(-len(items) // size))
    return [
        Page(first_id, folder, n + 1, count, items[n * size : (n + 1) * size], n * size, len(items))
        for n in range(count)
    ]


def window(number: int, count: int, around: int = 2) -> list[int | None]:
    """Pages 1 and `count`, and `around` either side of `number`; None marks a gap. (lists.js
    draws the same pager for filtered claims.)"""
    shown = sorted({1, count, *range(max(1, number - around), min(count, number + around) + 1)})
    out: list[int | None] = []
    for n in shown:
        if out and n - (out[-1] or 0) > 1:
            out.append(None)
        out.append(n)
    return out


def shards(rows: Sequence, size: int) -> list[Sequence]:
    """`rows` in consecutive shards of at most `size`."""
    return [rows[i : i + size] for i in range(0, len(rows), size)]


def compact_json(data) -> str:
    """JSON with no spaces: the rows are fetched, so every byte counts."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False)
