"""References between records: each names an existing record of the right kind (FC203), and
what the property vocabulary and the verdict scale ask of a claim holds (FC204, FC205). Which
fields are references, the schemas say (`x-references`)."""

from __future__ import annotations

import difflib
import re

from .. import findings as F
from ..dataset import Dataset, Record
from ..schemas import Schemas, values_at
from ..textnorm import normalize

# The kinds a finding lists as involved (Finding.claims, .entities, .sources).
_INVOLVED = ("claim", "entity", "source")


def check(ds: Dataset, schemas: Schemas, known: dict[str, set[str]], rec: Record) -> list[F.Finding]:
    out = []
    for template, kind in schemas.annotated(rec.kind, "x-references"):
        for pointer, ref in values_at(rec.data, template):
            if not isinstance(ref, str):  # a schema that does not say the field is text lets anything through
                problem = f"{'.'.join(map(str, pointer))} must name a {kind} by its id (text)"
                out.append(_misfit(rec, pointer, problem, f"Write the {kind}'s id, e.g. `{kind}-id`, one per field."))
                continue
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
        out.extend(_check_text_names(ds, rec))
        out.extend(_check_claim_types(ds, rec))
        out.extend(_check_verdict(ds, schemas, rec))
    elif rec.kind == "contradiction":
        out.extend(_check_named_claims(ds, rec))
        d = rec.data
        if "preferred_claim" in d and d["preferred_claim"] not in d.get("claims", ()):
            out.append(
                _misfit(
                    rec,
                    ("preferred_claim",),
                    f"preferred_claim '{d['preferred_claim']}' is not one of `claims`",
                    "Add it to `claims` or name one of the listed claims.",
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
        yield _misfit(
            rec,
            ("value",) if value else ("property",),
            f"property '{pid}' takes a value of type {expected}, the claim gives {given}",
            fix,
        )
    yield from _entity_of_type(
        ds,
        rec,
        ("subject",),
        rec.data["subject"],
        prop.data.get("subject_types"),
        f"property '{pid}' takes a subject",
        "Choose another property or subject (see facts/properties/).",
    )
    yield from _entity_of_type(
        ds,
        rec,
        ("value", "entity"),
        (value or {}).get("entity"),
        prop.data.get("value_types"),
        f"property '{pid}' takes a value",
        "Choose another property or value (see facts/properties/).",
    )
    yield from _check_attribution(ds, rec)
    yield from _check_holding_fields(ds, rec, prop)
    attributed = ds.valid_record("claim", rec.data.get("attribution", ""))
    if attributed:
        speech = ds.valid_record("property", attributed.data["property"])
        if speech is None or speech.data.get("role") != "reports-speech":
            yield _misfit(
                rec,
                ("attribution",),
                f"attribution '{attributed.id}' is not a claim of what someone said",
                fix="Point `attribution` at the claim that records who said it (a property with "
                "`role: reports-speech`, such as `stated`).",
            )


# How a statement resting on someone's words opens, per language (the style guide's convention).
ATTRIBUTION_OPENING = {"ar": ("بحسب ", "،"), "en": ("According to ", ",")}
_QUOTED = {"ar": "«{} …»", "en": '"{} …"'}


def attribution_problem(statement: str, lang: str, names: list[str]) -> str | None:
    """What is wrong with how `statement` attributes its content to a speaker known by `names`
    (None if it opens as the convention says: the opening, one of the names, the comma)."""
    opening, stop = ATTRIBUTION_OPENING[lang]
    if not statement.startswith(opening):
        return f"it does not open with {opening.strip()!r}"
    rest = statement[len(opening) :]
    if stop not in rest:
        return f"no {stop!r} closes the speaker's name"
    head = _speaker_key(rest.split(stop, 1)[0], lang)
    if head not in {_speaker_key(name, lang) for name in names}:
        return f"{rest.split(stop, 1)[0]!r} is not one of the speaker's names ({', '.join(names)})"
    return None


def _speaker_key(name: str, lang: str) -> str:
    """A speaker's name as compared: verification form; in English case-folded, without a leading "the"."""
    key = normalize(name)
    return key.casefold().removeprefix("the ") if lang == "en" else key


# The article's own voice, named as the convention asks.
ARTICLE = {"ar": "المقال", "en": "the article"}


def _check_attribution(ds: Dataset, rec: Record):
    """A claim that rests on a statement, or is the article's own assessment (`voice: article`),
    says whose words it reports, in both languages."""
    if rec.data.get("voice") == "article" and "attribution" in rec.data:
        yield _misfit(
            rec,
            ("voice",),
            "a claim is either what someone said (`attribution`) or the article's own voice (`voice: article`)",
            "Keep the one that is true: `attribution` if the article reports someone's words, else `voice`.",
        )
        return
    if rec.data.get("voice") == "article":
        speaker, names_in = "the article", {lang: [name] for lang, name in ARTICLE.items()}
    else:
        stated = ds.valid_record("claim", rec.data.get("attribution", ""))
        entity = ds.valid_record("entity", stated.data["subject"]) if stated else None
        if entity is None:
            return
        speaker = entity.id
        names_in = {
            lang: [entity.data["name"][lang], *(a["text"] for a in entity.data["aliases"] if a["lang"] == lang)]
            for lang in ("ar", "en")
        }
    for lang, names in names_in.items():
        problem = attribution_problem(rec.data["statement"][lang], lang, names)
        if problem:
            opening, stop = ATTRIBUTION_OPENING[lang]
            yield F.make(
                "FC206",
                rec.path,
                pointer=("statement", lang),
                field=f"statement.{lang}",
                speaker=speaker,
                problem=problem,
                opening=_QUOTED[lang].format(f"{opening}{names[0]}{stop}"),
            )


def entity_names(ds: Dataset, lang: str) -> dict[str, str]:
    """Every entity name and alias in `lang`, in verification form (case-folded in English), to
    its entity id; computed once per dataset."""
    key = f"entity_names_{lang}"
    if key not in ds.derived:
        names: dict[str, str] = {}
        for entity in sorted((e for e in ds.entities.values() if e.valid), key=lambda e: e.id):
            forms = [entity.data["name"][lang], *(a["text"] for a in entity.data["aliases"] if a["lang"] == lang)]
            for form in forms:
                names.setdefault(_name_key(form, lang), entity.id)
        ds.derived[key] = names
    return ds.derived[key]


_AROUND_NAME = re.compile(r"^[\W_]+|[\W_]+$")  # quotes, brackets and punctuation around a name


def _name_key(text: str, lang: str) -> str:
    folded = _AROUND_NAME.sub("", normalize(text))
    return folded.casefold() if lang == "en" else folded


def _check_text_names(ds: Dataset, rec: Record):
    """A text value that is an entity's name hides a fact the rules could compare."""
    text = (rec.data.get("value") or {}).get("text")
    if not isinstance(text, dict):
        return
    for lang in ("ar", "en"):
        entity = entity_names(ds, lang).get(_name_key(text[lang], lang))
        if entity:
            yield F.make("FC207", rec.path, pointer=("value", "text", lang), entity=entity, name=text[lang])
            return


def _check_named_claims(ds: Dataset, record: Record):
    """Each claim a contradiction record names says so in its verdict: a reader of the claim learns
    of the disagreement (reported on the claim, where the fix goes)."""
    for cid in record.data.get("claims", ()):
        claim = ds.valid_record("claim", cid)
        if claim is None:
            continue
        named = re.compile(rf"(?<![\w-]){re.escape(record.id)}(?![\w-])")
        for lang in ("ar", "en"):
            if not named.search(claim.data["verdict"]["reasoning"][lang]):
                yield F.make(
                    "FC208",
                    claim.path,
                    pointer=("verdict", "reasoning", lang),
                    lang=lang,
                    record=record.id,
                    claims=(cid,),
                    related=[F.Location(record.path, ("claims",))],
                )


def _check_holding_fields(ds: Dataset, rec: Record, prop: Record):
    """`replaces` and `qualifier` belong to a claim that someone holds a post, and a holder replaces
    someone else who could have held it."""
    present = [key for key in ("replaces", "qualifier") if key in rec.data]
    if present and prop.data.get("role") != "holds-post":
        yield _misfit(
            rec,
            (present[0],),
            f"`{present[0]}` is for a claim that someone holds a post; property '{prop.id}' does not",
            f"Remove `{present[0]}`, or use a property with `role: holds-post`.",
        )
        return
    predecessor = rec.data.get("replaces")
    if predecessor is not None and predecessor == rec.data["subject"]:
        yield _misfit(
            rec,
            ("replaces",),
            "a holder does not replace themselves",
            "Name the holder the source says this one succeeded, or remove `replaces`.",
        )
    yield from _entity_of_type(
        ds,
        rec,
        ("replaces",),
        predecessor,
        prop.data.get("subject_types"),
        "`replaces` takes a holder of this post",
        "Name the person this holder succeeded.",
    )


def _misfit(rec: Record, pointer: tuple, problem: str, fix: str) -> F.Finding:
    """FC204: a field that does not fit what it refers to, or the claim it stands in."""
    return F.make("FC204", rec.path, pointer=pointer, problem=problem, fix=fix)


def _entity_of_type(ds: Dataset, rec: Record, pointer: tuple, eid, allowed, what: str, fix: str):
    """FC204 when the entity a field names is not of a type the property allows (any when unset)."""
    entity = ds.valid_record("entity", eid)
    if entity and allowed and entity.data["type"] not in allowed:
        yield _misfit(
            rec, pointer, f"{what} of type {' or '.join(allowed)}; '{entity.id}' is a {entity.data['type']}", fix
        )
