"""Build small claim, entity and source records for rule tests."""

from __future__ import annotations

import hashlib

import yaml

from conftest import write
from factcheck.planted import claim_record


def add_claim(repo, cid, subject, prop, value=None, time=None, source="src-000", rating="single-source"):
    """A claim resting on a real quote of `source` (src-000, src-001 or src-003), so every other check passes."""
    data = claim_record(cid, subject, prop, value, time, source, rating=rating)
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
