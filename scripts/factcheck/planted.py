"""A planted-inconsistency benchmark for the consistency engine: how much it catches, and how often
it cries wolf.

Into a copy of a repository (the real data, or the synthetic benchmark data) it plants cases of
known kinds, each with fresh entities and claims so that no case touches another: inconsistencies
the engine should find, and as many near misses it must not flag (disjoint successions, dates that
agree at different precisions, counts inside a range). One check of the copy scores every case: a
planted case is caught when a finding with one of its kind's codes involves its records; a near
miss is a false alarm when any finding involves its records. Kinds whose inconsistency stops the
linking step (a quote or date that contradicts itself) are planted in a second copy, since such
errors keep the consistency rules from running.
"""

from __future__ import annotations

import datetime
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .checker import check
from .findings import Finding

# Real quotes (with their translations) the planted claims rest on, so every other check passes.
QUOTES = {
    "src-000": ("عقدت المفاوضات لتوحيد الجيش الليبي", 5, "Negotiations were held to unify the Libyan army"),
    "src-001": ("وتعثرت محادثات إعادة توحيد الجيش في ليبيا", 8, "And talks on reunifying the army in Libya stalled"),
    "src-003": ("لا تزال ليبيا مقسمة بين حكومتين متنافستين", 9, "Libya remains divided between two rival governments"),
}
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"


@dataclass
class Case:
    """One planted inconsistency (`planted`) or near miss, and the records that make it."""

    kind: str
    planted: bool
    records: dict[str, dict] = field(default_factory=dict)  # path under facts/ -> record

    def ids(self) -> set[str]:
        return {data["id"] for data in self.records.values()}


def claim_record(
    cid: str,
    subject: str,
    prop: str,
    value: dict | None = None,
    time: dict | None = None,
    source: str = "src-000",
    rating: str = "single-source",
    **extra,
) -> dict:
    """A valid claim resting on one of QUOTES (its source's), for planted cases and tests: a time
    without `basis` is stated."""
    quote, paragraph, translation = QUOTES[source]
    data: dict = {
        "id": cid,
        "statement": {"ar": "ادعاء تجريبي.", "en": "A planted claim."},
        "subject": subject,
        "property": prop,
    }
    if value is not None:
        data["value"] = value
    if time is not None:
        data["time"] = {"basis": "stated", **time}
    data.update(extra)
    data["evidence"] = [
        {"source": source, "quote": quote, "translation": translation, "paragraph": paragraph, "stance": "supports"}
    ]
    data["verdict"] = {"rating": rating, "reasoning": {"ar": "سبب.", "en": "Reason."}}
    return data


class Builder:
    """Fresh, valid records for case number `n` (ids and names never shared with another case)."""

    def __init__(self, n: int, kind: str, planted: bool):
        self.n = n
        self.tag = f"pl{n}"
        self.name_tag = "".join(ARABIC_DIGITS[int(d)] for d in str(n))  # Arabic names differ by case
        self.case = Case(kind, planted)
        self.claims = 0

    def entity(self, role: str, type_: str, ar: str | None = None, **extra) -> str:
        eid = f"{self.tag}-{role}"
        name_ar = (
            ar or f"{ {'person': 'شخص', 'post': 'منصب', 'event': 'حدث'}.get(type_, 'هيئة') } {role} {self.name_tag}"
        )
        self.case.records[f"entities/{eid}.yaml"] = {
            "id": eid,
            "type": type_,
            "name": {"ar": name_ar, "en": f"{role} {self.tag}"},
            "aliases": extra.pop("aliases", []),
            "description": {"ar": "كيان تجريبي.", "en": "A planted entity."},
            **extra,
        }
        return eid

    def claim(
        self,
        subject: str,
        prop: str,
        value: dict | None = None,
        time: dict | None = None,
        source: str = "src-000",
        **extra,
    ) -> str:
        self.claims += 1
        cid = f"c-{source.removeprefix('src-')}-{self.tag}-{self.claims}"
        data = claim_record(cid, subject, prop, value, time, source, **extra)
        self.case.records[f"claims/{cid}.yaml"] = data
        return cid


def _count(amount, upper=None, unit=("حكومات", "governments")) -> dict:
    quantity = {"amount": amount, "unit": {"ar": unit[0], "en": unit[1]}}
    if upper is not None:
        quantity["upper"] = upper
    return {"quantity": quantity}


DAY = {"point": "2018-02-04"}
INFERRED_MARCH = {
    "basis": "inferred",
    "as_written": "في مارس الماضي",
    "reason": {"ar": "سنة مستنتجة.", "en": "An inferred year."},
}


def _holders(b: Builder, first: dict, second: dict, **second_extra) -> None:
    post = b.entity("post", "post")
    b.claim(b.entity("a", "person"), "holds-post", {"entity": post}, first, source="src-001")
    b.claim(b.entity("b", "person"), "holds-post", {"entity": post}, second, source="src-003", **second_extra)


def _holding_before_body(b: Builder, held: str) -> None:
    body = b.entity("body", "organization")
    post = b.entity("post", "post", parent=body)
    b.claim(body, "established", None, {"point": "2020-01-01"}, source="src-003")
    b.claim(b.entity("a", "person"), "holds-post", {"entity": post}, {"point": held}, source="src-001")


def _shared_name(b: Builder, second_name: str) -> None:
    b.entity("a", "person", ar=f"فلان الفلاني {b.name_tag}")
    b.entity("b", "person", ar=second_name.format(tag=b.name_tag))


def _succession_with_predecessor(b: Builder, named: str) -> None:
    post = b.entity("post", "post")
    a = b.entity("a", "person")
    c = b.entity("c", "person")
    b.claim(a, "holds-post", {"entity": post}, {"start": "2015-01-01", "end": "2016-12-31"})
    b.claim(
        b.entity("b", "person"),
        "holds-post",
        {"entity": post},
        {"start": "2017-01-01", "end": "2018-12-31"},
        source="src-001",
    )
    b.claim(
        c,
        "holds-post",
        {"entity": post},
        {"start": "2019-01-01", "end": "2020-12-31"},
        source="src-003",
        replaces=a if named == "first" else f"{b.tag}-b",
    )


def _counts(b: Builder, *counts: tuple[dict, dict, str]) -> None:
    subject = b.entity("subject", "organization")
    for value, time, source in counts:
        b.claim(subject, "count", value, time, source=source)


def _event_dates(b: Builder, second: str) -> None:
    event = b.entity("event", "event")
    b.claim(event, "occurred", None, {"point": "2017-10-29"})
    b.claim(event, "occurred", None, {"point": second}, source="src-001")


def _shared_end(b: Builder, shared: bool) -> None:
    """Two unrelated holdings ending on one day (or a day apart): a day no other case uses."""
    first = datetime.date(2014, 1, 1) + datetime.timedelta(days=3 * b.n)  # three days per case: none shared
    second = first if shared else first + datetime.timedelta(days=1)
    for role, end, source in (("a", first.isoformat(), "src-000"), ("b", second.isoformat(), "src-001")):
        post = b.entity(f"post{role}", "post")
        b.claim(
            b.entity(role, "person"),
            "holds-post",
            {"entity": post},
            {"start": "2013-01-01", "end": end, "ending": True},
            source=source,
        )


# kind -> (what the engine should report, a planted case, its near miss)
Plant = Callable[[Builder], object]  # what it returns is not used
KINDS: dict[str, tuple[set[str], Plant, Plant]] = {
    "holders overlap": (
        {"FC402"},
        lambda b: _holders(b, {"start": "2019-01-01", "end": "2019-12-31"}, {"point": "2019-06-01"}),
        lambda b: _holders(b, {"start": "2019-01-01", "end": "2019-12-31"}, {"start": "2020-01-01"}),
    ),
    "holders may overlap by precision": (
        {"FC413"},
        lambda b: _holders(b, {"point": "2019"}, {"point": "2019-06-01"}),
        lambda b: _holders(b, {"point": "2018"}, {"point": "2019-06-01"}),
    ),
    "wrong predecessor": (
        {"FC414"},
        lambda b: _succession_with_predecessor(b, "first"),
        lambda b: _succession_with_predecessor(b, "previous"),
    ),
    "counts differ": (
        {"FC405"},
        lambda b: _counts(b, (_count(3), DAY, "src-000"), (_count(2), DAY, "src-001")),
        lambda b: _counts(b, (_count(12, 18), DAY, "src-000"), (_count(15), DAY, "src-001")),
    ),
    "one event, two dates": (
        {"FC403"},
        lambda b: _event_dates(b, "2017-11-05"),
        lambda b: _event_dates(b, "2017-10"),
    ),
    "reported before it happened": (
        {"FC410"},
        lambda b: b.claim(b.entity("event", "event"), "occurred", None, {"point": "2019-05-01"}),
        lambda b: b.claim(b.entity("event", "event"), "occurred", None, {"point": "2017-05-01"}),
    ),
    "relative date against publication": (
        {"FC409"},
        lambda b: b.claim(b.entity("event", "event"), "occurred", None, {"point": "2015-03", **INFERRED_MARCH}),
        lambda b: b.claim(b.entity("event", "event"), "occurred", None, {"point": "2017-03", **INFERRED_MARCH}),
    ),
    "one name for two people": (
        {"FC406"},
        lambda b: _shared_name(b, "فلان الفلاني {tag}"),
        lambda b: _shared_name(b, "فلان العلاني {tag}"),
    ),
    "two records for one person": (
        {"FC415"},
        lambda b: _shared_name(b, "فلان الفلانى {tag}"),  # the same name but for a final ى/ي: one person twice
        lambda b: _shared_name(b, "فلان العلاني {tag}"),
    ),
    "holder before the body exists": (
        {"FC411"},
        lambda b: _holding_before_body(b, "2018-05-01"),
        lambda b: _holding_before_body(b, "2021-05-01"),
    ),
    "one end date for unrelated holders": (
        {"FC416"},
        lambda b: _shared_end(b, shared=True),
        lambda b: _shared_end(b, shared=False),
    ),
    "a source contradicts itself": (
        {"FC412"},
        lambda b: _counts(b, (_count(3), DAY, "src-000"), (_count(2), DAY, "src-000")),
        lambda b: _counts(b, (_count(3), {"point": "2016-02-04"}, "src-000"), (_count(2), DAY, "src-000")),
    ),
}


@dataclass
class Score:
    planted: int = 0
    caught: int = 0
    near_misses: int = 0
    false_alarms: int = 0

    @property
    def recall(self) -> float:
        return self.caught / self.planted if self.planted else 1.0

    @property
    def false_positive_rate(self) -> float:
        return self.false_alarms / self.near_misses if self.near_misses else 0.0


def cases(per_kind: int, seed: int = 0) -> list[Case]:
    """`per_kind` planted cases and as many near misses of every kind, in a shuffled order."""
    out = []
    n = 0
    for kind, (_, plant, miss) in KINDS.items():
        for planted, make in ((True, plant), (False, miss)):
            for _ in range(per_kind):
                n += 1
                builder = Builder(n, kind, planted)
                make(builder)
                out.append(builder.case)
    random.Random(seed).shuffle(out)
    return out


def _involves(finding: Finding, paths: set[str], ids: set[str]) -> bool:
    return (
        finding.path in paths
        or any(loc.path in paths for loc in finding.related)
        or bool(ids & {*finding.claims, *finding.entities})
    )


def measure(base: Path, work: Path, per_kind: int, seed: int = 0) -> dict[str, Score]:
    """Plant the cases into a copy of `base` under `work`, check it once, and score every kind."""
    planted = cases(per_kind, seed)
    if work.exists():
        shutil.rmtree(work)
    for folder in ("schema", "seeds", "facts"):
        shutil.copytree(base / folder, work / folder)
    for case in planted:
        for rel, data in case.records.items():
            (work / "facts" / rel).write_text(
                yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
    findings = check(work).findings
    broken = [f for f in findings if not f.code.startswith("FC4")]
    if broken:  # a planted record that breaks a check before the rules would stop them all
        raise ValueError(f"planted records do not validate: {broken[0].path}: {broken[0].code} {broken[0].message}")
    scores = {kind: Score() for kind in KINDS}
    for case in planted:
        paths = {f"facts/{rel}" for rel in case.records}
        involved = [f for f in findings if _involves(f, paths, case.ids())]
        score = scores[case.kind]
        if case.planted:
            score.planted += 1
            score.caught += any(f.code in KINDS[case.kind][0] for f in involved)
        else:
            score.near_misses += 1
            score.false_alarms += bool(involved)
    return scores


def overall(scores: dict[str, Score]) -> Score:
    total = Score()
    for s in scores.values():
        total.planted += s.planted
        total.caught += s.caught
        total.near_misses += s.near_misses
        total.false_alarms += s.false_alarms
    return total


def table(scores: dict[str, Score]) -> str:
    """The per-kind results as a Markdown table."""
    rows = [
        "| kind | planted | caught | recall | near misses | false alarms | false-positive rate |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind, s in [*scores.items(), ("overall", overall(scores))]:
        rows.append(
            f"| {kind} | {s.planted} | {s.caught} | {s.recall:.2f} | {s.near_misses} | {s.false_alarms} "
            f"| {s.false_positive_rate:.2f} |"
        )
    return "\n".join(rows) + "\n"
