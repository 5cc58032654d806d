"""References between records: each names an existing record of the right kind (FC203), and
what the property vocabulary and the verdict scale ask of a claim holds (FC204, FC205). Which
fields are references, the schemas say (`x-references`)."""

from __future__ import annotations

import difflib

from .. import findings as F
from ..dataset import Dataset, Record
from ..schemas import Schemas, values_at

# The kinds a finding lists as involved (Finding.claims, .entities, .sources).
_INVOLVED = ("claim", "entity", "source")


def check(ds: Dataset, schemas: Schemas, known: dict[str, set[str]], rec: Record) -> list[F.Finding]:
    out = []
    for template, kind in schemas.annotated(rec.kind, "x-references"):
        for pointer, ref in values_at(rec.data, template):
            if ref in known[kind]:
                continue
            folder = ds.kinds.get(kind).folder
            close = difflib.get_close_matches(ref, known[kind], n=1, cutoff=0.75)
            involved = {folder: (ref,)} if kind in _INVOLVED else {}
            out.append(
                F.make(
                    "FC203",
                    rec.path,
                    pointer=pointer,
                    field=".".join(map(str, pointer)),
                    kind=kind,
                    ref=ref,
                    folder=f"facts/{folder}/",
                    suggestion=f" Did you mean '{close[0]}'?" if close else "",
                    **involved,
                )
            )
    if rec.kind == "claim":
        out.extend(_check_claim_types(ds, rec))
        out.extend(_check_verdict(ds, schemas, rec))
    elif rec.kind == "contradiction":
        d = rec.data
        if "preferred_claim" in d and d["preferred_claim"] not in d.get("claims", ()):
            out.append(
                F.make(
                    "FC204",
                    rec.path,
                    pointer=("preferred_claim",),
                    problem=f"preferred_claim '{d['preferred_claim']}' is not one of `claims`",
                    fix="Add it to `claims` or name one of the listed claims.",
                )
            )
    return out


def _sources_words(n: int) -> str:
    return f"{n} source{'s' * (n != 1)}"


def _range_words(bounds: dict) -> str:
    low, high = bounds.get("min", 0), bounds.get("max")
    if high is None:
        return f"{low} or more sources"
    return f"exactly {_sources_words(low)}" if low == high else f"{low} to {high} sources"


def _check_verdict(ds: Dataset, schemas: Schemas, rec: Record):
    """A rating whose scale entry counts sources (`supporting_sources` in the schema) must match the
    evidence: the scale is a promise to readers. Sources are counted as articles, by content: two
    source records of one article are one source."""
    scale = schemas.labels("claim", "verdict.rating")
    rating = rec.data["verdict"]["rating"]
    bounds = scale.get(rating, {}).get("supporting_sources")
    if not bounds:
        return
    n = len({ds.article_identity(ev["source"]) for ev in rec.data["evidence"] if ev["stance"] == "supports"})
    if bounds.get("min", 0) <= n <= bounds.get("max", n):
        return
    fitting = [
        r
        for r, entry in scale.items()
        if (b := entry.get("supporting_sources")) and b.get("min", 0) <= n <= b.get("max", n)
    ]
    instead = f" or rate it {' or '.join(f'`{r}`' for r in fitting)}" if fitting else ""
    yield F.make(
        "FC205",
        rec.path,
        pointer=("verdict", "rating"),
        rating=rating,
        needed=f"supporting quotes from {_range_words(bounds)}",
        has=_sources_words(n),
        fix=f"Add or remove supporting quotes so the sources match the rating{instead}.",
    )


def _check_claim_types(ds: Dataset, rec: Record):
    # Only records that kept their schema are trusted for their shape; a broken one has its own findings.
    prop = ds.valid_record("property", rec.data["property"])
    if prop is None:
        return
    pid, value = prop.id, rec.data.get("value")
    expected = prop.data["value_type"]
    given = next(iter(value)) if value else "none"
    if given != expected:
        fix = (
            "Remove `value`: the claim's time carries this fact."
            if expected == "none"
            else f"Give `value: {{{expected}: …}}`."
        )
        yield F.make(
            "FC204",
            rec.path,
            pointer=("value",) if value else ("property",),
            problem=f"property '{pid}' takes a value of type {expected}, the claim gives {given}",
            fix=fix,
        )
    subject = ds.valid_record("entity", rec.data["subject"])
    allowed = prop.data.get("subject_types")
    if subject and allowed and subject.data["type"] not in allowed:
        yield F.make(
            "FC204",
            rec.path,
            pointer=("subject",),
            problem=f"property '{pid}' takes a subject of type {' or '.join(allowed)}; "
            f"'{subject.id}' is a {subject.data['type']}",
            fix="Choose another property or subject (see facts/properties/).",
        )
    allowed = prop.data.get("value_types")
    target = ds.valid_record("entity", (value or {}).get("entity", ""))
    if target and allowed and target.data["type"] not in allowed:
        yield F.make(
            "FC204",
            rec.path,
            pointer=("value", "entity"),
            problem=f"property '{pid}' takes a value of type {' or '.join(allowed)}; "
            f"'{target.id}' is a {target.data['type']}",
            fix="Choose another property or value (see facts/properties/).",
        )
    attributed = ds.valid_record("claim", rec.data.get("attribution", ""))
    if attributed:
        speech = ds.valid_record("property", attributed.data["property"])
        if speech is None or speech.data.get("role") != "reports-speech":
            yield F.make(
                "FC204",
                rec.path,
                pointer=("attribution",),
                problem=f"attribution '{attributed.id}' is not a claim of what someone said",
                fix="Point `attribution` at the claim that records who said it (a property with "
                "`role: reports-speech`, such as `stated`).",
            )
