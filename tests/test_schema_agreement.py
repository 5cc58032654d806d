"""The fast schema validator (jsonschema-rs) and the precise one (jsonschema) agree.

`Schemas.validate` asks the fast validator first and consults the precise one only for records the
fast one refuses, so wherever the two disagree a record is judged by whichever answered: a value
the fast one wrongly accepts slips through unreported, and one it wrongly refuses gets the precise
validator's verdict that nothing is wrong. Real records of every kind, with one scalar turned into
a hostile form, must therefore get the same verdict from both:

- fast says valid ⇔ precise says valid, and
- `Schemas.validate` returns findings ⇔ the precise validator finds an error.

The one deliberate exception: JSON Schema counts a float with no fraction (1.0) as an integer,
and jsonschema-rs follows it; the records mean whole numbers where they say integer, so a record
holding such a float is judged by the precise validator alone and only the second rule applies.

The hostile forms differ where regular-expression dialects differ (a final newline before `$`,
what `.` and `\\s` match: line and paragraph separators, NEL, the ASCII separators \\x1c-\\x1f, the
byte-order mark, no-break and other Unicode spaces), and where number models differ (floats for
ints, huge ints, infinity, booleans, negative zero).
"""

from __future__ import annotations

import copy
import math
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.loader import parse_text
from factcheck.schemas import Schemas

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def schemas() -> Schemas:
    return Schemas(REPO / "schema")


@pytest.fixture(scope="module")
def records(schemas) -> list[tuple[str, str, dict]]:
    """(kind, file, data) of every real record."""
    out = []
    for kind in schemas.kinds:
        for path in sorted((REPO / "facts" / kind.folder).rglob("*.yaml")):
            rel = path.relative_to(REPO).as_posix()
            out.append((kind.name, rel, parse_text(path.read_text(encoding="utf-8"), rel)))
    return out


def scalar_paths(node, prefix=(), first_only=False):
    """Paths to every scalar of a record (lists through their first item only when first_only)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from scalar_paths(value, prefix + (key,), first_only)
    elif isinstance(node, list):
        for i, value in enumerate(node[:1] if first_only else node):
            yield from scalar_paths(value, prefix + (i,), first_only)
    else:
        yield prefix


def _get(data, path):
    for part in path:
        data = data[part]
    return data


def mutated(record: dict, path: tuple, value) -> dict:
    record = copy.deepcopy(record)
    node = record
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return record


def _has_integral_float(value) -> bool:
    """Whether a float with no fraction (1.0, -0.0) stands anywhere in the value."""
    if isinstance(value, float):
        return math.isfinite(value) and value.is_integer()
    if isinstance(value, dict):
        return any(_has_integral_float(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_integral_float(v) for v in value)
    return False


def disagreement(schemas: Schemas, kind: str, data: dict, rel: str) -> str | None:
    """What is wrong with the two validators' verdicts on `data`, or None when they agree."""
    try:
        fast = schemas.fast[kind].is_valid(data)
    except Exception as exc:  # noqa: BLE001 - a crash is a disagreement too
        return f"jsonschema-rs raised {type(exc).__name__}: {exc}"
    try:
        errors = list(schemas.detailed[kind].iter_errors(data))
    except Exception as exc:  # noqa: BLE001
        return f"jsonschema raised {type(exc).__name__}: {exc}"
    try:
        findings = schemas.validate(kind, data, rel)
    except Exception as exc:  # noqa: BLE001
        return f"Schemas.validate raised {type(exc).__name__}: {exc}"
    precise = not errors
    problems = []
    if fast != precise and not _has_integral_float(data):
        first = errors[0].message[:120] if errors else ""
        problems.append(
            f"fast says {'valid' if fast else 'invalid'}, precise says {'valid' if precise else 'invalid: ' + first}"
        )
    if bool(findings) != (not precise):
        problems.append(
            f"validate gave {len(findings)} findings, precise found {len(errors)} errors"
            + (f" ({errors[0].message[:120]})" if errors else "")
        )
    return "; ".join(problems) or None


# ---- the forms: fixed ones, then ones made from the original value

HOSTILE = [
    ("'abc\\n' (trailing newline)", "abc\n"),
    ("' abc' (leading space)", " abc"),
    ("'abc ' (trailing space)", "abc "),
    ("'' (empty)", ""),
    ("1.0", 1.0),
    ("2.5", 2.5),
    ("-0.0", -0.0),
    ("true", True),
    ("false", False),
    ("null", None),
    ("10**20", 10**20),
    ("10**400", 10**400),
    ("-1", -1),
    ("0", 0),
    ("infinity", math.inf),
    ("-infinity", -math.inf),
    ("'0000' (year 0)", "0000"),
    ("'0000-01-01'", "0000-01-01"),
    ("'2020-13' (month 13)", "2020-13"),
    ("'2020-02-30'", "2020-02-30"),
    ("'a\\u2028b' (line separator)", "a\u2028b"),
    ("'\\u2028' alone", "\u2028"),
    ("'a\\u2029b' (paragraph separator)", "a\u2029b"),
    ("'a\\rb' (carriage return)", "a\rb"),
    ("'a\\x85b' (NEL)", "a\x85b"),
    ("'a\\x1cb' (file separator)", "a\x1cb"),
    ("'\\ufeffa' (byte-order mark)", "\ufeffa"),
    ("'a\\u00a0' (trailing no-break space)", "a\u00a0"),
    ("'\\u3000a' (ideographic space)", "\u3000a"),
    ("[]", []),
    ("{}", {}),
]

DERIVED = [  # (name, function of the original value, which originals it applies to)
    ("original + '\\n'", lambda v: v + "\n", str),
    ("original + '\\r\\n'", lambda v: v + "\r\n", str),
    ("'\\n' + original", lambda v: "\n" + v, str),
    ("' ' + original", lambda v: " " + v, str),
    ("original + ' '", lambda v: v + " ", str),
    ("original + '\\u2028'", lambda v: v + "\u2028", str),
    ("original + '\\u2028' + original", lambda v: v + "\u2028" + v, str),
    ("original + '\\x85'", lambda v: v + "\x85", str),
    ("original + '\\x1f'", lambda v: v + "\x1f", str),
    ("original + '\\ufeff'", lambda v: v + "\ufeff", str),
    ("original as a float", lambda v: float(v), int),
    ("original + 0.5", lambda v: v + 0.5, int),
    ("original + 10**20", lambda v: v + 10**20, int),
    ("minus original", lambda v: -v, int),
    ("original as text", lambda v: str(v), int),
]


def forms_for(value):
    yield from HOSTILE
    for name, fn, applies in DERIVED:
        if isinstance(value, applies) and not isinstance(value, bool):
            yield name, fn(value)


def _field(kind: str, path: tuple) -> tuple:
    return (kind, *("#" if isinstance(p, int) else p for p in path))


def field_paths(records) -> list[tuple[str, str, dict, tuple]]:
    """(kind, file, record, path): one real occurrence of every field path of every kind, taken
    from the records richest in fields first."""
    out, seen = [], set()
    for kind, rel, data in sorted(records, key=lambda r: -len(list(scalar_paths(r[2], first_only=True)))):
        for path in scalar_paths(data, first_only=True):
            if _field(kind, path) not in seen:
                seen.add(_field(kind, path))
                out.append((kind, rel, data, path))
    return out


@pytest.mark.acceptance
def test_the_real_records_are_valid_for_both(schemas, records):
    for kind, rel, data in records:
        assert schemas.fast[kind].is_valid(data), rel
        assert not list(schemas.detailed[kind].iter_errors(data)), rel


@pytest.mark.fuzz
def test_every_field_and_form_gets_one_verdict(schemas, records):
    """Every field of every kind (each at one real occurrence) × every form; all disagreements
    are collected, so one run lists them all, grouped by form."""
    failures: dict[str, list[str]] = defaultdict(list)
    for kind, rel, data, path in field_paths(records):
        for name, value in forms_for(_get(data, path)):
            problem = disagreement(schemas, kind, mutated(data, path, value), rel)
            if problem:
                failures[name].append(f"{rel} {'.'.join(map(str, path))}: {problem}")
    lines = [f"{sum(map(len, failures.values()))} disagreements in {len(failures)} forms:"]
    for name, cases in sorted(failures.items(), key=lambda kv: -len(kv[1])):
        lines.append(f"\n[{len(cases)}x] {name}")
        lines += [f"    {c}" for c in cases[:5]] + ([f"    ... and {len(cases) - 5} more"] if len(cases) > 5 else [])
    assert not failures, "\n".join(lines)


# ---- the property: generated values, not only the listed ones

# Characters where the dialects of `.`, `\s`, `$` and character classes part ways, and ordinary ones.
TRICKY = [
    "\n",
    "\r",
    "\t",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1d",
    "\x1e",
    "\x1f",
    "\x85",
    "\xa0",
    "\u1680",
    "\u2000",
    "\u200a",
    "\u200b",
    "\u2028",
    "\u2029",
    "\u202f",
    "\u205f",
    "\u3000",
    "\ufeff",
    " ",
]
ORDINARY = list("az09-_./:é") + ["ب", "٣", "K", "ſ"]  # Kelvin sign and long s: case folding
TEXT = st.text(alphabet=st.sampled_from(TRICKY + ORDINARY), max_size=12)

VALUES = st.one_of(
    st.sampled_from([v for _, v in HOSTILE]),
    TEXT,
    st.builds(
        lambda a, b: a + b,
        st.sampled_from(
            [
                "c-000-001",
                "2017-10-29",
                "2017",
                "src-001",
                "FC402",
                "seeds/001_47f0d4ee64a09b26.txt",
                "https://example.com/a",
                "supports",
                "person",
                "نص",
            ]
        ),
        TEXT,
    ),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.integers(min_value=-3, max_value=3),
    st.floats(allow_nan=False),
    st.booleans(),
)


@pytest.mark.fuzz
@settings(max_examples=4000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fast_and_precise_validators_agree(schemas, records, data):
    kind, rel, record = data.draw(st.sampled_from(records), label="record")
    path = data.draw(st.sampled_from(list(scalar_paths(record))), label="path")
    original = _get(record, path)
    value = data.draw(st.one_of(VALUES, st.sampled_from([v for _, v in forms_for(original)])), label="value")
    problem = disagreement(schemas, kind, mutated(record, path, value), rel)
    assert problem is None, f"{rel} {'.'.join(map(str, path))} = {value!r}: {problem}"
