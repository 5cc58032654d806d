"""Build small claim, entity and source records for rule tests."""

from __future__ import annotations

import hashlib

import yaml

from conftest import write

QUOTES = {  # real quotes and their translations, so the records pass every other check
    "src-000": ("عقدت المفاوضات لتوحيد الجيش الليبي", 5, "Negotiations were held to unify the Libyan army"),
    "src-001": ("وتعثرت محادثات إعادة توحيد الجيش في ليبيا", 8, "And talks on reunifying the army in Libya stalled"),
    "src-003": ("لا تزال ليبيا مقسمة بين حكومتين متنافستين", 9, "Libya remains divided between two rival governments"),
}


def add_claim(
    repo,
    cid,
    subject,
    prop,
    value=None,
    time=None,
    source="src-000",
    quote=None,
    paragraph=None,
    rating="single-source",
):
    q, p, translation = QUOTES.get(source, (quote, paragraph, "A test translation."))
    data = {
        "id": cid,
        "statement": {"ar": "نص تجريبي.", "en": "Test statement."},
        "subject": subject,
        "property": prop,
    }
    if value is not None:
        data["value"] = value
    if time is not None:
        data["time"] = {"basis": "stated", **time}
    data["evidence"] = [
        {
            "source": source,
            "quote": quote or q,
            "translation": translation,
            "paragraph": paragraph or p,
            "stance": "supports",
        }
    ]
    data["verdict"] = {"rating": rating, "reasoning": {"ar": "سبب.", "en": "Reason."}}
    return write(repo, f"facts/claims/{cid}.yaml", yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def add_entity(repo, eid, type_, name_ar, aliases=(), parent=None):
    data = {
        "id": eid,
        "type": type_,
        "name": {"ar": name_ar, "en": eid},
        "aliases": [{"text": a, "lang": "ar", "kind": "spelling"} for a in aliases],
        "description": {"ar": "وصف.", "en": "Description."},
    }
    if parent:
        data["parent"] = parent
    return write(repo, f"facts/entities/{eid}.yaml", yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def add_source(repo, sid, text, published):
    raw = text.encode("utf-8")
    write(repo, f"seeds/{sid}.txt", raw)
    data = {
        "id": sid,
        "file": f"seeds/{sid}.txt",
        "sha256": hashlib.sha256(raw).hexdigest(),
        "language": "ar",
        "outlet": {"shown": False},
        "title": {"shown": False, "text": {"ar": "عنوان.", "en": "Title."}},
        "published": {"basis": "stated", "date": published, "reason": {"ar": "سبب.", "en": "Reason."}},
    }
    return write(repo, f"facts/sources/{sid}.yaml", yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def add_contradiction(repo, xid, detected_by, resolution="temporal-succession", **involved):
    data = {
        "id": xid,
        **involved,
        "detected_by": detected_by,
        "resolution": resolution,
        "summary": {"ar": "ملخص.", "en": "Summary."},
        "explanation": {"ar": "شرح.", "en": "Explanation."},
    }
    # As an editor does, each claim the record names says so in its verdict (FC208).
    for cid in involved.get("claims", ()):
        path = repo / f"facts/claims/{cid}.yaml"
        if path.exists():
            claim = yaml.safe_load(path.read_text(encoding="utf-8"))
            for lang in ("ar", "en"):
                claim["verdict"]["reasoning"][lang] += f" ({xid})"
            path.write_text(yaml.safe_dump(claim, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return write(repo, f"facts/contradictions/{xid}.yaml", yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
