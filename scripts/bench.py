"""Benchmark harness (`make bench`): generate synthetic datasets and time the tools side by side.

Absolute times on a shared machine are noise, so every target is a ratio of two timings taken in
the same run, each the median of several repetitions. Results go to bench/results.json.

    python scripts/bench.py [--sizes 10000] [--repeat 5]
    python scripts/bench.py conflicts [--repeat 3]   # only the worst case for conflicts
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
BENCH = REPO / "bench"

# The floor: read every record and parse it with libyaml, nothing else, in a fresh interpreter.
PARSE_ONLY = """
import sys, yaml
from pathlib import Path
for p in sorted(Path(sys.argv[1], "facts").rglob("*.yaml")):
    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)
"""


GIVEN = ["محمد", "أحمد", "عبد الله", "خالد", "سالم", "علي", "عمر", "مصطفى", "إبراهيم", "يوسف", "حسن", "صالح"]
LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
PLACES = ["cairo", "paris", "tripoli", "benghazi", "tobruk", "sirte", "misrata", "tunis"]
ORGS = ["libyan-national-army", "libyan-army", "gnu", "gna", "house-of-representatives", "joint-military-commission"]
OVERLAP_EVERY = 200  # one post in this many gets two holders at once, documented as a contradiction


def _code(i: int) -> str:
    """A unique Arabic letter string for i, so synthetic names never collide."""
    out = ""
    while True:
        i, r = divmod(i, len(LETTERS))
        out += LETTERS[r]
        if i == 0:
            return out


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def _paragraphs() -> list[tuple[str, int, list[str]]]:
    """(source id, paragraph number, words) of every paragraph of the stored articles."""
    from factcheck.dataset import Article

    out = []
    for p in sorted((REPO / "facts/sources").glob("*.yaml")):
        src = yaml.safe_load(p.read_text(encoding="utf-8"))
        article = Article(src["file"], (REPO / src["file"]).read_text(encoding="utf-8"))
        out += [(src["id"], n, para.split()) for n, para in enumerate(article.paragraphs, 1) if len(para.split()) >= 6]
    return out


def _evidence(paragraphs, i: int) -> dict:
    """A quote for claim i: a run of 4 to 11 words of a real paragraph, different for most i,
    lengthened until it holds 20 letters or more (FC307 asks 12)."""
    source, number, words = paragraphs[i % len(paragraphs)]
    length = 4 + (i // len(paragraphs)) % 8
    start = (i // (len(paragraphs) * 8)) % max(1, len(words) - length)
    while sum(ch.isalpha() for w in words[start : start + length] for ch in w) < 20 and length < len(words):
        if start + length == len(words):  # at the paragraph's end: reach back instead
            start -= 1
        length += 1
    return {
        "source": source,
        "quote": " ".join(words[start : start + length]),
        "translation": "A synthetic claim's quote, in English.",
        "paragraph": number,
        "stance": "supports",
    }


def _copy_base(out: Path) -> None:
    """The real schemas, articles, sources, properties and entities, and an empty claims folder."""
    shutil.rmtree(out, ignore_errors=True)
    for folder in ("schema", "seeds", "facts/sources", "facts/properties", "facts/entities"):
        shutil.copytree(REPO / folder, out / folder)
    (out / "facts/claims").mkdir(parents=True)
    # The real records that document names (FC406) hold here too; the others cite real claims.
    (out / "facts/contradictions").mkdir()
    for record in (REPO / "facts/contradictions").glob("*.yaml"):
        if "\nclaims:" not in record.read_text(encoding="utf-8"):
            shutil.copy(record, out / "facts/contradictions" / record.name)


def _overlap_record(kind: int, n: int, posts: int, people: int) -> str | None:
    """The contradiction record documenting a planted overlap that holding claim n is in, if any."""
    j, k = n % posts, n // posts
    if kind != 0 or j % OVERLAP_EVERY:
        return None
    later = n if k % 2 == 1 else n + posts  # the odd-numbered holder overlaps the one before
    return f"x-overlap-{later}" if later < people else None


def _named(verdict: dict, record: str) -> dict:
    """A verdict whose reasoning names the contradiction record its claim is in (FC208)."""
    reasoning = {lang: f"{text} ({record})" for lang, text in verdict["reasoning"].items()}
    return {**verdict, "reasoning": reasoning}


def generate(size: int, out: Path) -> Path:
    """A repository of `size` synthetic claims about synthetic people, posts and events.

    A fifth of the claims each: people holding posts in successive two-year terms (one post in
    OVERLAP_EVERY with an overlap, documented by a contradiction record), events that occurred on
    a date, where they were held, how many delegations came, and who took part. Quotes, sources,
    properties and places are the real ones, and quotes are runs of words of the real articles, so
    every check runs as on the real data.
    """
    marker = out / ".complete"
    digest = _inputs_digest()
    if marker.exists() and marker.read_text() == digest:
        return out
    _copy_base(out)
    paragraphs = _paragraphs()
    people, events = size // 5, size // 5
    posts = max(1, people // 8)

    # (how many, type, Arabic and English name of the i-th, description, its other fields)
    synthetic = [
        (
            people,
            "person",
            lambda i: (f"{GIVEN[i % len(GIVEN)]} {_code(i)}ي", f"Person {i}"),
            ("شخص تجريبي.", "A synthetic person."),
            lambda i: {"aliases": [{"text": f"{_code(i)}ي", "lang": "ar", "kind": "short"}]},
        ),
        (
            posts,
            "post",
            lambda i: (f"منصب {_code(i)}", f"Post {i}"),
            ("منصب تجريبي.", "A synthetic post."),
            lambda i: {"aliases": [], "parent": ORGS[i % len(ORGS)]},
        ),
        (
            events,
            "event",
            lambda i: (f"اجتماع {_code(i)}", f"Meeting {i}"),
            ("حدث تجريبي.", "A synthetic event."),
            lambda i: {"aliases": []},
        ),
    ]
    for count, type_, name, what, extra in synthetic:
        for i in range(count):
            ar, en = name(i)
            fields = extra(i)
            _dump(
                out / f"facts/entities/{type_}-{i}.yaml",
                {
                    "id": f"{type_}-{i}",
                    "type": type_,
                    "name": {"ar": ar, "en": en},
                    "aliases": fields.pop("aliases"),
                    "description": {"ar": what[0], "en": what[1]},
                    **fields,
                },
            )
    verdict = {"rating": "single-source", "reasoning": {"ar": "مصدر واحد.", "en": "One source."}}
    shard_size = 1000
    for i in range(size):
        kind, n = i % 5, i // 5
        cid = f"c-9{i // shard_size:03d}-{i % shard_size:03d}"
        shard = out / "facts/claims" / cid[:6]
        shard.mkdir(exist_ok=True)
        event_day = f"{2000 + n % 18}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        claim = {"id": cid, "statement": {"ar": "ادعاء تجريبي.", "en": "A synthetic claim."}}
        if kind == 0:  # holder k of post j serves years 2000+2k .. 2001+2k
            j, k = n % posts, n // posts
            start, end = f"{2000 + 2 * k}-01-01", f"{2001 + 2 * k}-12-31"
            if j % OVERLAP_EVERY == 0 and k % 2 == 1:
                start = f"{2000 + 2 * k - 1}-06-01"  # overlaps the previous holder's second year
            claim.update(
                subject=f"person-{n}",
                property="holds-post",
                value={"entity": f"post-{j}"},
                time={"start": start, "end": end, "basis": "stated"},
            )
        elif kind == 1:
            claim.update(subject=f"event-{n}", property="occurred", time={"point": event_day, "basis": "stated"})
        elif kind == 2:
            claim.update(
                subject=f"event-{n}",
                property="held-in",
                value={"entity": PLACES[n % len(PLACES)]},
                time={"point": event_day, "basis": "stated"},
            )
        elif kind == 3:
            claim.update(
                subject=f"event-{n}",
                property="count",
                value={"quantity": {"amount": 1 + n % 7, "unit": {"ar": "وفود", "en": "delegations"}}},
            )
        else:
            claim.update(
                subject=f"person-{n}",
                property="participated-in",
                value={"entity": f"event-{n}"},
                time={"point": event_day, "basis": "stated"},
            )
        record = _overlap_record(kind, n, posts, people)
        claim.update(evidence=[_evidence(paragraphs, i)], verdict=_named(verdict, record) if record else verdict)
        _dump(shard / f"{cid}.yaml", claim)
    # Document the planted overlaps, as an editor would (FC412 when both quotes come from one article).
    for n in range(people):
        j, k = n % posts, n // posts
        if j % OVERLAP_EVERY == 0 and k % 2 == 1:
            prev = (k - 1) * posts + j
            ids = sorted(f"c-9{(5 * m) // shard_size:03d}-{(5 * m) % shard_size:03d}" for m in (prev, n))
            same_source = _evidence(paragraphs, 5 * prev)["source"] == _evidence(paragraphs, 5 * n)["source"]
            _dump(
                out / f"facts/contradictions/x-overlap-{n}.yaml",
                {
                    "id": f"x-overlap-{n}",
                    "claims": ids,
                    "detected_by": "FC412" if same_source else "FC402",
                    "resolution": "temporal-succession",
                    "summary": {"ar": "تداخل ولايتين.", "en": "Two terms overlap."},
                    "explanation": {"ar": "تسليم متدرج.", "en": "A gradual handover."},
                },
            )
    marker.write_text(digest)
    return out


def _inputs_digest() -> str:
    """What a generated dataset depends on: regenerate when any of it changes."""
    h = hashlib.sha256(Path(__file__).read_bytes())
    for folder in ("schema", "seeds", "facts/sources", "facts/properties", "facts/entities", "facts/contradictions"):
        for p in sorted((REPO / folder).rglob("*")):
            if p.is_file():
                h.update(p.relative_to(REPO).as_posix().encode() + p.read_bytes())
    return h.hexdigest()


CONFLICT_CLAIMS = 2_000


def generate_conflicts(count: int, out: Path, conflicting: bool) -> Path:
    """`count` claims that each give a different person as the holder of one post (`holds-post`,
    whose value holds a single subject at a time: FC402).

    conflicting: every term overlaps every other (starts a day apart, all end in 2010), so each
    of the count × (count − 1) / 2 pairs conflicts: the worst case for the conflict rules.
    Otherwise the clean twin: the same claims, people, post and quotes, in successive two-day
    terms that never overlap, so the rules do the same grouping and sorting and find nothing.
    """
    import datetime

    marker = out / ".complete"
    digest = _inputs_digest() + f":{count}:{conflicting}"
    if marker.exists() and marker.read_text() == digest:
        return out
    _copy_base(out)
    paragraphs = _paragraphs()
    _dump(
        out / "facts/entities/post-contested.yaml",
        {
            "id": "post-contested",
            "type": "post",
            "name": {"ar": "منصب متنازع عليه", "en": "Contested post"},
            "aliases": [],
            "description": {"ar": "منصب تجريبي.", "en": "A synthetic post."},
            "parent": ORGS[0],
        },
    )
    verdict = {"rating": "single-source", "reasoning": {"ar": "مصدر واحد.", "en": "One source."}}
    shard = out / "facts/claims/c-8000"
    shard.mkdir()
    for i in range(count):
        _dump(
            out / f"facts/entities/holder-{i}.yaml",
            {
                "id": f"holder-{i}",
                "type": "person",
                "name": {"ar": f"{GIVEN[i % len(GIVEN)]} {_code(i)}ي", "en": f"Holder {i}"},
                "aliases": [],
                "description": {"ar": "شخص تجريبي.", "en": "A synthetic person."},
            },
        )
        if conflicting:
            start, end = datetime.date(2000, 1, 1) + datetime.timedelta(days=i), datetime.date(2010, 12, 31)
        else:
            start = datetime.date(1980, 1, 1) + datetime.timedelta(days=3 * i)
            end = start + datetime.timedelta(days=1)
        cid = f"c-8{i // 1000:03d}-{i % 1000:03d}"
        _dump(
            shard / f"{cid}.yaml",
            {
                "id": cid,
                "statement": {"ar": "ادعاء تجريبي.", "en": "A synthetic claim."},
                "subject": f"holder-{i}",
                "property": "holds-post",
                "value": {"entity": "post-contested"},
                "time": {"start": start.isoformat(), "end": end.isoformat(), "basis": "stated"},
                "evidence": [_evidence(paragraphs, i)],
                "verdict": verdict,
            },
        )
    marker.write_text(digest)
    return out


def conflict_timings(repeat: int, results: dict) -> None:
    """The worst case for conflicts next to its clean twin, in the same run: validate's time, peak
    memory and output size. Targets: worst / clean ≤ 2, output under 1 MB."""
    factcheck = str(Path(sys.executable).with_name("factcheck"))
    t = results["timings"]
    label = f"{CONFLICT_CLAIMS // 1000}k"
    for name, conflicting in (("clean", False), ("worst", True)):
        root = generate_conflicts(CONFLICT_CLAIMS, BENCH / "data" / f"conflicts-{name}-{label}", conflicting)
        # The worst case has findings (exit 1); the clean twin must validate (exit 0).
        run = timed([factcheck, "--root", str(root), "validate"], repeat, ok=(1,) if conflicting else (0,))
        t[f"conflict_{name}_{label}"] = run
        results[f"conflict_{name}_{label}_seconds"] = run["median_s"]
        results[f"conflict_{name}_{label}_peak_mb"] = run["peak_mb"]
        results[f"conflict_{name}_{label}_output_bytes"] = run["output_bytes"]
    worst, clean = t[f"conflict_worst_{label}"], t[f"conflict_clean_{label}"]
    results["conflict_repeat"] = repeat
    results["conflict_worst_over_clean"] = round(worst["median_s"] / clean["median_s"], 3)
    results["conflict_worst_peak_over_clean"] = round(worst["peak_mb"] / clean["peak_mb"], 3)
    results["conflict_worst_output_bytes"] = worst["output_bytes"]
    print(
        f"conflicts {label}: worst {worst['median_s']:.2f}s {worst['peak_mb']} MB {worst['output_bytes']:,} bytes out, "
        f"clean {clean['median_s']:.2f}s {clean['peak_mb']} MB {clean['output_bytes']:,} bytes out; "
        f"worst / clean {results['conflict_worst_over_clean']} (target ≤ 2), "
        f"output {'under' if worst['output_bytes'] < 1_000_000 else 'OVER'} 1 MB"
    )


# The consistency rules alone, on a dataset loaded once: median of several runs, in seconds.
RULES_ONLY = """
import json, statistics, sys, time
from pathlib import Path
from factcheck.checker import check, paused_gc
from factcheck import rules
from factcheck.textnorm import normalize
ds = check(Path(sys.argv[1])).dataset
runs = []
for _ in range(int(sys.argv[2])):
    normalize.cache_clear()  # cold, like a validate run: no run profits from the one before
    for claim in ds.claims.values():
        claim.derived.clear()
    with paused_gc():  # as validate runs them
        start = time.perf_counter()
        rules.run(ds)
        runs.append(time.perf_counter() - start)
print(json.dumps({"median_s": round(statistics.median(runs), 4), "runs_s": [round(r, 4) for r in runs]}))
"""


def first_load_kb(site_dir: Path, page: str = "claims/c-000-001/") -> dict:
    """What a browser requests to show one page, gzip-compressed as GitHub Pages serves it."""
    from urllib.parse import urlparse

    from playwright.sync_api import sync_playwright

    from bench_pages import CHROME_FLAGS, CHROMIUM, FirstLoad, serve

    requested: list[str] = []
    with serve(site_dir) as base, sync_playwright() as p:
        # Playwright sets headless itself.
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[f for f in CHROME_FLAGS if f != "--headless"])
        pg = browser.new_page()
        pg.on("request", lambda r: requested.append(urlparse(r.url).path))
        pg.goto(base + page)
        pg.wait_for_load_state("networkidle")
        browser.close()
    loads = FirstLoad(site_dir)
    files = {path: loads.size(path) for path in dict.fromkeys(requested)}
    return {"kb": round(sum(files.values()) / 1024, 1), "files": files}


def changed_repo(root: Path) -> Path:
    """The generated repository as a git repository with one claim changed since HEAD."""
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-C", str(root)]
    if not (root / ".git").exists():
        subprocess.run([*git, "init", "-q"], check=True)
        subprocess.run([*git, "add", "-A"], check=True)
        subprocess.run([*git, "commit", "-qm", "generated"], check=True)
    subprocess.run([*git, "checkout", "-q", "--", "facts"], check=True)
    claim = next((root / "facts/claims").rglob("*.yaml"))
    claim.write_text(claim.read_text(encoding="utf-8").replace("ادعاء تجريبي.", "ادعاء تجريبي معدَّل."), encoding="utf-8")
    return root


def run_once(cmd: list[str], env: dict | None = None, ok: tuple[int, ...] = (0,)) -> dict:
    """One run of a command: its wall time, its CPU time (user and system, its reaped children
    included), its peak memory (RSS) and the size of its output (stdout and stderr), counted as it
    streams by. Any exit status not in `ok` stops the benchmark."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    size, tail = 0, b""
    while chunk := proc.stdout.read(1 << 20):
        size += len(chunk)
        tail = (tail + chunk)[-3000:]
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{tail.decode(errors='replace')}")
    return {
        "s": time.perf_counter() - start,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        "output_bytes": size,
    }


def summarise(runs: list[dict]) -> dict:
    """The median wall and CPU time of several runs, the largest peak memory and output."""
    return {
        "median_s": round(statistics.median(r["s"] for r in runs), 4),
        "runs_s": [round(r["s"], 4) for r in runs],
        "median_cpu_s": round(statistics.median(r["cpu_s"] for r in runs), 4),
        "peak_mb": round(max(r["peak_mb"] for r in runs), 1),
        "output_bytes": max(r["output_bytes"] for r in runs),
    }


def timed(cmd: list[str], repeat: int, env: dict | None = None, ok: tuple[int, ...] = (0,)) -> dict:
    """`repeat` runs of a command, summarised (median wall and CPU time, peak memory, output)."""
    return summarise([run_once(cmd, env, ok) for _ in range(repeat)])


def site_timings(root: Path, label: str, repeat: int, results: dict) -> None:
    """Our build against bare mkdocs-material on the pages ours wrote, runs alternated so that a
    change in the shared machine's load falls on both alike. Each of our runs generates every page
    (the manifest that lets an unchanged build skip generating is removed first), as the build of
    any change to the data or the code does; the bare build only renders them."""
    bin_dir = Path(sys.executable).parent
    from factcheck.site.build import MANIFEST
    from factcheck.site.standalone import configure

    ours, bare = configure(root), configure(root, with_generator=False)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    mkdocs = [str(bin_dir / "mkdocs"), "build", "--strict", "--quiet"]
    ours_runs, bare_runs = [], []
    for _ in range(repeat):
        (root / "docs" / MANIFEST).unlink(missing_ok=True)
        ours_runs.append(run_once([*mkdocs, "-f", str(ours), "-d", str(root / "site")], env))
        bare_runs.append(run_once([*mkdocs, "-f", str(bare), "-d", str(root / "site-bare")], env))
    t = results["timings"]
    t[f"build_{label}"], t[f"bare_{label}"] = summarise(ours_runs), summarise(bare_runs)
    t[f"pagefind_{label}"] = timed([str(bin_dir / "factcheck"), "search-index", str(root / "site")], repeat, env)
    build, bare_build = t[f"build_{label}"], t[f"bare_{label}"]
    results[f"build_{label}_ratio_to_bare"] = round(build["median_s"] / bare_build["median_s"], 3)
    results[f"build_{label}_cpu_ratio_to_bare"] = round(build["median_cpu_s"] / bare_build["median_cpu_s"], 3)
    pages = sum(1 for _ in (root / "site").rglob("index.html"))
    results[f"site_{label}_pages"] = pages
    print(
        f"{label} site: build {build['median_s']:.1f}s ({build['median_cpu_s']:.1f}s CPU), bare "
        f"{bare_build['median_s']:.1f}s ({bare_build['median_cpu_s']:.1f}s CPU): ratio "
        f"{results[f'build_{label}_ratio_to_bare']}, CPU ratio {results[f'build_{label}_cpu_ratio_to_bare']} "
        f"(target ≤ 1.15 at 10k), pagefind {t[f'pagefind_{label}']['median_s']:.1f}s, {pages} pages"
    )


ENGINE_PER_KIND = 17  # planted cases (and as many near misses) of each kind: over 200 of each in all
ENGINE_MARKERS = ("<!-- engine:start -->", "<!-- engine:end -->")


def engine_scores(results: dict) -> None:
    """Recall and false-positive rate of the consistency engine on planted inconsistencies, in the
    real data and in the synthetic 1k data; written to results and to BENCHMARKS.md's engine table."""
    from factcheck import planted

    tables = []
    for label, base in (("real", REPO), ("synthetic-1k", generate(1_000, BENCH / "data" / "claims-1000"))):
        scores = planted.measure(base, BENCH / "data" / f"planted-{label}", ENGINE_PER_KIND, seed=0)
        total = planted.overall(scores)
        results[f"engine_{label}"] = {
            "recall": round(total.recall, 3),
            "false_positive_rate": round(total.false_positive_rate, 3),
            "per_kind": {
                kind: {
                    "planted": s.planted,
                    "caught": s.caught,
                    "recall": round(s.recall, 3),
                    "near_misses": s.near_misses,
                    "false_alarms": s.false_alarms,
                    "false_positive_rate": round(s.false_positive_rate, 3),
                }
                for kind, s in scores.items()
            },
        }
        tables.append(
            f"**{label}** ({total.planted} planted, {total.near_misses} near misses)\n\n" + planted.table(scores)
        )
        print(f"engine on {label} data: recall {total.recall:.2f}, false-positive rate {total.false_positive_rate:.2f}")
    results["engine_recall"] = results["engine_real"]["recall"]
    results["engine_false_positive_rate"] = results["engine_real"]["false_positive_rate"]
    write_doc_section(ENGINE_MARKERS, "\n".join(tables))


def write_doc_section(markers: tuple[str, str], content: str) -> None:
    """Replace what stands between two markers of BENCHMARKS.md (left alone without them)."""
    doc = REPO / "BENCHMARKS.md"
    text = doc.read_text(encoding="utf-8")
    start, end = markers
    if start in text and end in text:
        head, rest = text.split(start, 1)
        doc.write_text(head + start + "\n" + content + end + rest.split(end, 1)[1], encoding="utf-8")


PAGES_MARKERS = ("<!-- pages:start -->", "<!-- pages:end -->")
# The reader's side (issue 15): on every page measured, in both languages, on the real site and at 10k.
PAGE_TARGETS = {"performance_min": 95, "accessibility_min": 100, "cls_max": 0.02, "first_load_kb_max": 150}


def build_real_site() -> Path:
    """The real data's site, as `make site` builds it, into bench/real-site."""
    real = BENCH / "real-site"
    subprocess.run(
        [str(Path(sys.executable).with_name("mkdocs")), "build", "--strict", "--quiet", "-d", str(real)],
        cwd=REPO,
        check=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    subprocess.run([str(Path(sys.executable).with_name("factcheck")), "search-index", str(real)], check=True)
    return real


def build_synthetic_site(size: int) -> Path:
    """The site of the synthetic dataset of `size` claims (what site_timings builds), untimed."""
    from factcheck.site.standalone import configure

    root = generate(size, BENCH / "data" / f"claims-{size}")
    mkdocs = str(Path(sys.executable).with_name("mkdocs"))
    site = root / "site"
    subprocess.run(
        [mkdocs, "build", "--strict", "--quiet", "-f", str(configure(root)), "-d", str(site)],
        check=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    subprocess.run([str(Path(sys.executable).with_name("factcheck")), "search-index", str(site)], check=True)
    return site


def page_costs(sites: dict[str, Path], runs: int, results: dict, roles: tuple[str, ...] = ()) -> None:
    """The reader's cost of each built site (label -> site folder): the first load of every page,
    counted from the files, and Lighthouse (mobile, simulated throttling; the median of `runs`) on
    home, claims index, the largest claim, entity and source page, timeline and search, in both
    languages (or only the `roles` named). Writes results' "first_load" and "lighthouse" sections,
    their summary keys, and BENCHMARKS.md's page tables."""
    import bench_pages

    section: dict = {
        "lighthouse": bench_pages.lighthouse_version(),
        "chromium": bench_pages.chromium_version(),
        "form_factor": "mobile",
        "throttling": "simulated",
        "runs_per_page": runs,
        "targets": PAGE_TARGETS,
        "sites": {},
    }
    first_loads: dict = {}
    measured_all: dict = {}
    for site_dir in sites.values():
        if not (site_dir / "index.html").is_file():
            raise SystemExit(f"{site_dir} holds no built site: run without --reuse-sites to build it")
    for label, site_dir in sites.items():
        load = bench_pages.scan(site_dir)
        pages = bench_pages.pages_to_measure(load, roles)
        load = bench_pages.scan(site_dir, keep=tuple(pages.values())) if pages else load
        kept = load.pop("pages_kept")
        first_loads[label] = load
        results[f"largest_first_load_kb_{label}"] = load["largest_kb"]
        results[f"largest_first_load_page_{label}"] = load["largest_page"]
        print(
            f"{label} site: largest first load {load['largest_kb']} KB gzip ({load['largest_page']}) over "
            f"{load['pages']:,} pages (target ≤ {PAGE_TARGETS['first_load_kb_max']})"
        )
        with bench_pages.serve(site_dir) as base:
            measured = bench_pages.measure(base, pages, runs)
        for name, page in measured.items():
            page["first_load_kb"] = bench_pages.kb(sum(kept[page["path"]].values()))
            measured_all[f"{label} {name}"] = page
            if "cls" not in page:
                print(f"  {name:<16} not measured: {page['errors'][-1]}  {page['path']}")
                continue
            print(
                f"  {name:<16} {page['performance']:>3} perf {page['accessibility']:>3} a11y "
                f"{page['best-practices']:>3} bp {page['seo']:>3} seo  LCP {page['lcp_ms']} ms  CLS {page['cls']}  "
                f"TBT {page['tbt_ms']} ms  {bench_pages.kb(page['transfer_bytes'])} KB transferred "
                f"({page['first_load_kb']} KB counted)  machine index {page['benchmark_index']}  {page['path']}"
            )
        section["sites"][label] = {"pages": measured, **bench_pages.summary(measured)}
    results["first_load"] = first_loads
    results["lighthouse"] = section
    if measured_all:
        overall = bench_pages.summary(measured_all)
        results["lighthouse_min_performance"] = overall["min_performance"]
        results["lighthouse_min_accessibility"] = overall["min_accessibility"]
        results["lighthouse_max_cls"] = overall["max_cls"]
        results["lighthouse_unmeasured"] = overall["unmeasured"]
        print(
            f"Lighthouse over {len(measured_all)} pages: min performance {overall['min_performance']} (target ≥ "
            f"{PAGE_TARGETS['performance_min']}), min accessibility {overall['min_accessibility']} (target "
            f"{PAGE_TARGETS['accessibility_min']}), max CLS {overall['max_cls']} (target ≤ {PAGE_TARGETS['cls_max']})"
            + (f"; not measured (counted as 0): {', '.join(overall['unmeasured'])}" if overall["unmeasured"] else "")
        )
    write_doc_section(PAGES_MARKERS, pages_tables(section, first_loads))


def pages_tables(section: dict, first_loads: dict) -> str:
    """BENCHMARKS.md's tables of the last page-cost run: per site, each page measured, and the
    largest first load of each kind of page."""
    from bench_pages import kb

    out = [
        f"Lighthouse {section['lighthouse']}, {section['chromium']}, {section['form_factor']}, "
        f"{section['throttling']} throttling, median of {section['runs_per_page']} run(s) per page. The machine "
        "index is Lighthouse's benchmarkIndex of the run (lower when the machine is busy: blocking time grows).\n"
    ]
    for label, site in section["sites"].items():
        out += [
            f"**{label}**\n",
            "| page | performance | accessibility | best practices | SEO | LCP | CLS | TBT | transferred | "
            "counted first load | machine index |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for name, p in site["pages"].items():
            if "cls" not in p:
                out.append(
                    f"| {name} (`{p['path']}`) | not measured: {p['errors'][-1]} |||||||| {p['first_load_kb']} KB ||"
                )
                continue
            out.append(
                f"| {name} (`{p['path']}`) | {p['performance']} | {p['accessibility']} | {p['best-practices']} | "
                f"{p['seo']} | {p['lcp_ms'] / 1000:.1f} s | {p['cls']} | {p['tbt_ms']} ms | "
                f"{kb(p['transfer_bytes'])} KB | {p['first_load_kb']} KB | {p['benchmark_index']} |"
            )
        out.append("")
    for label, load in first_loads.items():
        out += [
            f"**{label}**: largest first load **{load['largest_kb']} KB** (`{load['largest_page']}`), "
            f"{load['pages']:,} pages counted\n",
            "| kind of page | pages | largest first load | the page |",
            "|---|---|---|---|",
            *(
                f"| {name} | {k['pages']:,} | {k['largest_kb']} KB | `{k['largest_page']}` |"
                for name, k in load["kinds"].items()
            ),
            "",
        ]
    return "\n".join(out)


def main() -> int:
    from bench_pages import ROLES

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "what",
        nargs="?",
        choices=["all", "conflicts", "engine", "lighthouse"],
        default="all",
        help="everything (default); only the worst case for conflicts next to its clean twin; only the "
        "engine's recall and false alarms on planted inconsistencies; or only the reader's side: the first "
        "load of every page and Lighthouse, on the real site and the synthetic ones of --sizes",
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="*",
        help="claim counts for the data checks (default: 1000 10000 100000); with lighthouse, the synthetic "
        "sites measured beside the real one (default: 10000)",
    )
    parser.add_argument(
        "--site-sizes",
        type=int,
        nargs="*",
        default=[1_000, 10_000],
        help="claim counts for the site builds (default: 1000 10000); Lighthouse measures those of 10000 or more",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is kept")
    parser.add_argument(
        "--reuse-sites",
        action="store_true",
        help="with lighthouse: measure the sites the last run built (bench/real-site, bench/data/claims-N/site)",
    )
    parser.add_argument(
        "--pages",
        nargs="+",
        default=[],
        metavar="ROLE",
        choices=[role for role, _, _ in ROLES],
        help=f"Lighthouse on only these pages, in both languages ({', '.join(r for r, _, _ in ROLES)})",
    )
    args = parser.parse_args()
    python = sys.executable
    factcheck = str(Path(python).with_name("factcheck"))
    results: dict = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
        "repeat": args.repeat,
        "timings": {},
    }
    t = results["timings"]
    if args.what in ("conflicts", "engine", "lighthouse"):  # the other figures of the last full run stay
        path = BENCH / "results.json"
        previous = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        if args.what == "conflicts":
            conflict_timings(args.repeat, results)
        elif args.what == "engine":
            engine_scores(results)
        else:
            sizes = [10_000] if args.sizes is None else args.sizes
            sites = {"real": BENCH / "real-site" if args.reuse_sites else build_real_site()}
            for size in sizes:
                built = BENCH / "data" / f"claims-{size}" / "site"
                sites[f"{size // 1000}k"] = built if args.reuse_sites else build_synthetic_site(size)
            page_costs(sites, args.repeat, results, tuple(args.pages))
            # This run's figures replace the last run's, sizes it did not measure included.
            for key in [k for k in previous if k.startswith(("largest_first_load_", "lighthouse_"))]:
                del previous[key]
        previous.setdefault("timings", {}).update(t)
        previous.update({k: v for k, v in results.items() if k not in ("timings", "repeat", "machine")})
        BENCH.mkdir(exist_ok=True)
        path.write_text(json.dumps(previous, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path}")
        return 0
    for size in [1_000, 10_000, 100_000] if args.sizes is None else args.sizes:
        root = generate(size, BENCH / "data" / f"claims-{size}")
        label = f"{size // 1000}k"
        t[f"parse_{label}"] = timed([python, "-c", PARSE_ONLY, str(root)], args.repeat)
        t[f"validate_{label}"] = timed([factcheck, "--root", str(root), "validate"], args.repeat)
        results[f"validate_{label}_ratio_to_parse"] = round(
            t[f"validate_{label}"]["median_s"] / t[f"parse_{label}"]["median_s"], 3
        )
        if size == 10_000:
            t["changed_10k"] = timed(
                [factcheck, "--root", str(changed_repo(root)), "validate", "--changed", "HEAD"], args.repeat
            )
            results["changed_10k_seconds"] = t["changed_10k"]["median_s"]
        proc = subprocess.run(
            [python, "-c", RULES_ONLY, str(root), str(args.repeat)], capture_output=True, text=True, check=True
        )
        t[f"rules_{label}"] = json.loads(proc.stdout)
        print(
            f"{label}: parse {t[f'parse_{label}']['median_s']:.2f}s, "
            f"validate {t[f'validate_{label}']['median_s']:.2f}s "
            f"(ratio {results[f'validate_{label}_ratio_to_parse']}), rules {t[f'rules_{label}']['median_s']:.3f}s"
        )
    if "rules_10k" in t and "rules_100k" in t:
        results["rules_100k_over_10k"] = round(t["rules_100k"]["median_s"] / t["rules_10k"]["median_s"], 2)
    conflict_timings(args.repeat, results)
    engine_scores(results)
    for size in args.site_sizes:
        site_timings(generate(size, BENCH / "data" / f"claims-{size}"), f"{size // 1000}k", args.repeat, results)
    real = build_real_site()
    load = first_load_kb(real)
    results["claim_page_first_load_kb"] = load["kb"]
    results["claim_page_first_load_files"] = load["files"]
    print(f"claim page first load: {load['kb']} KB gzip")
    # Lighthouse on the large synthetic sites site_timings just built (each run takes about 20 s).
    large = {
        f"{size // 1000}k": BENCH / "data" / f"claims-{size}" / "site" for size in args.site_sizes if size >= 10_000
    }
    page_costs({"real": real, **large}, args.repeat, results, tuple(args.pages))
    BENCH.mkdir(exist_ok=True)
    (BENCH / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {BENCH / 'results.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
