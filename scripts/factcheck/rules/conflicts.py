"""Groups of claims that conflict, found in n log n without looking at every pair.

Two claims conflict when their time spans overlap and their values are incompatible. A group is
every claim that conflicts with at least one other, within one run of overlapping spans (a
component). N claims that all conflict are one group, reported once: the cost and the output grow
with the number of claims, not with the number of pairs.

A sweep over start days keeps the claims whose span is still open; an index over them answers
"does anything open conflict with this claim?" and hands over the open claims not yet known to
conflict. Each claim is handed over at most once, so the whole sweep costs n log n.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable

from ..dataset import Record
from ..timespans import EARLIEST, LATEST, Span, certain_span, claim_span


class ByClass:
    """Values conflict when their keys differ (a post's holders, a subject's single value)."""

    def __init__(self, key: Callable[[Record], Hashable]):
        self.key = key
        self.open = 0
        self.count: Counter = Counter()
        self.unmarked: dict[Hashable, set[int]] = defaultdict(set)

    def add(self, i: int, claim: Record, marked: bool) -> None:
        k = self.key(claim)
        self.open += 1
        self.count[k] += 1
        if not marked:
            self.unmarked[k].add(i)

    def remove(self, i: int, claim: Record) -> None:
        k = self.key(claim)
        self.open -= 1
        self.count[k] -= 1
        members = self.unmarked.get(k)
        if members is not None:
            members.discard(i)
            if not members:
                del self.unmarked[k]

    def conflicts(self, claim: Record) -> bool:
        return self.open - self.count[self.key(claim)] > 0

    def take_conflicting(self, claim: Record) -> list[int]:
        own = self.key(claim)
        taken: list[int] = []
        for k in [k for k in self.unmarked if k != own]:
            taken.extend(self.unmarked.pop(k))
        return taken


class ByInterval:
    """Values are ranges (a count from amount to upper, a date at its precision); two conflict when
    their ranges do not meet."""

    def __init__(self, bounds: Callable[[Record], tuple]):
        self.bounds = bounds
        self.gone: set[int] = set()  # removed from the open set (heaps delete lazily)
        self.marked: set[int] = set()
        self.all_hi: list = []  # (upper bound, i) of every open claim
        self.all_lo: list = []  # (-lower bound, i)
        self.unmarked_hi: list = []
        self.unmarked_lo: list = []

    def add(self, i: int, claim: Record, marked: bool) -> None:
        lo, hi = self.bounds(claim)
        heapq.heappush(self.all_hi, (hi, i))
        heapq.heappush(self.all_lo, (-lo, i))
        if marked:
            self.marked.add(i)
        else:
            heapq.heappush(self.unmarked_hi, (hi, i))
            heapq.heappush(self.unmarked_lo, (-lo, i))

    def remove(self, i: int, claim: Record) -> None:
        self.gone.add(i)

    def _top(self, heap: list, skip: set[int]):
        while heap and (heap[0][1] in self.gone or heap[0][1] in skip):
            heapq.heappop(heap)
        return heap[0] if heap else None

    def conflicts(self, claim: Record) -> bool:
        lo, hi = self.bounds(claim)
        lowest_hi, highest_lo = self._top(self.all_hi, set()), self._top(self.all_lo, set())
        return bool((lowest_hi and lowest_hi[0] < lo) or (highest_lo and -highest_lo[0] > hi))

    def take_conflicting(self, claim: Record) -> list[int]:
        lo, hi = self.bounds(claim)
        taken = []
        while (top := self._top(self.unmarked_hi, self.marked)) and top[0] < lo:
            taken.append(heapq.heappop(self.unmarked_hi)[1])
            self.marked.add(taken[-1])
        while (top := self._top(self.unmarked_lo, self.marked)) and -top[0] > hi:
            taken.append(heapq.heappop(self.unmarked_lo)[1])
            self.marked.add(taken[-1])
        return taken


def conflict_groups(items: list[tuple[Span, Record]], index) -> list[list[Record]]:
    """The groups of conflicting claims among `items` (span, claim), each sorted by id."""
    order = sorted(range(len(items)), key=lambda i: items[i][0][0])
    closing: list[tuple[int, int]] = []  # (last day, i) of open claims
    component, reach = -1, None  # the current run of overlapping spans, and its last day
    component_of: dict[int, int] = {}
    marked: set[int] = set()
    for i in order:
        (start, end), claim = items[i]
        while closing and closing[0][0] < start:
            _, j = heapq.heappop(closing)
            index.remove(j, items[j][1])
        if reach is None or start > reach:
            component, reach = component + 1, end
        reach = max(reach, end)
        component_of[i] = component
        if index.conflicts(claim):
            marked.add(i)
            marked.update(index.take_conflicting(claim))
        index.add(i, claim, i in marked)
        heapq.heappush(closing, (end, i))
    groups: dict[int, list[Record]] = defaultdict(list)
    for i in sorted(marked):
        groups[component_of[i]].append(items[i][1])
    return [sorted(g, key=lambda c: c.id) for _, g in sorted(groups.items())]


def by_certainty(
    claims: list[Record], index: Callable[[], object], timeless: bool = False
) -> tuple[list[list[Record]], list[list[Record]]]:
    """(groups that conflict for certain, groups that may conflict only as far as their dates are
    imprecise). Certain groups meet on days each claim certainly holds (`certain_span`); possible
    ones on days each may hold (`claim_span`). A `timeless` fact (an event's place in a series)
    holds whatever the dates, so its conflicts are certain. `index` makes a fresh index (an index
    keeps state)."""
    if timeless:
        return conflict_groups([((EARLIEST, LATEST), c) for c in claims], index()), []
    certain = conflict_groups([(span, c) for c in claims if (span := certain_span(c))], index())
    possible = conflict_groups([(claim_span(c), c) for c in claims], index())
    settled = [{c.id for c in group} for group in certain]
    return certain, [g for g in possible if not any({c.id for c in g} <= ids for ids in settled)]


def listing(claims: list[Record], describe: Callable[[Record], str], cap: int = 6) -> str:
    """'a (…), b (…) and c (…)', at most `cap` named, then how many more."""
    named = [describe(c) for c in claims[:cap]]
    more = len(claims) - len(named)
    if more:
        return ", ".join(named) + f" and {more} more"
    return ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0]
