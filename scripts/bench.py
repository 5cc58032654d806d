"""Benchmark harness (`make bench`): generate synthetic datasets and time the tools side by side.

Absolute times on a shared machine are noise, so every target is a ratio of two timings taken in
the same run, each the median of several repetitions. Results go to bench/results.json.

    python scripts/bench.py [--sizes 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"

# The floor: read every record and parse it with libyaml, nothing else, in a fresh interpreter.
PARSE_ONLY = """
import sys, yaml
from pathlib import Path
for p in sorted(Path(sys.argv[1], "facts").rglob("*.yaml")):
    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)
"""


def generate(size: int, out: Path) -> Path:
    """A repository with `size` claims cloned from the real ones (new ids, same quotes and links)."""
    if (out / ".complete").exists():
        return out
    shutil.rmtree(out, ignore_errors=True)
    for folder in ("schema", "seeds", "facts/sources", "facts/properties", "facts/entities", "facts/contradictions"):
        shutil.copytree(REPO / folder, out / folder)
    templates = [p.read_text(encoding="utf-8") for p in sorted((REPO / "facts/claims").glob("*.yaml"))]
    claims = out / "facts/claims"
    claims.mkdir(parents=True)
    for i in range(size):
        text = templates[i % len(templates)]
        old_id = yaml.safe_load(text)["id"]
        new_id = f"c-9{i // 1000:03d}-{i % 1000:03d}"
        shard = claims / new_id[:6]
        shard.mkdir(exist_ok=True)
        # `attribution` points at a real claim id that does not exist here: drop it.
        lines = [ln for ln in text.replace(f"id: {old_id}\n", f"id: {new_id}\n", 1).splitlines(True)
                 if not ln.startswith("attribution:")]
        (shard / f"{new_id}.yaml").write_text("".join(lines), encoding="utf-8")
    (out / ".complete").touch()
    return out


def timed(cmd: list[str], repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        runs.append(time.perf_counter() - start)
        if proc.returncode not in (0,):
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    return {"median_s": round(statistics.median(runs), 4), "runs_s": [round(r, 4) for r in runs]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    python = sys.executable
    factcheck = str(Path(python).with_name("factcheck"))
    results: dict = {"machine": {"python": platform.python_version(), "platform": platform.platform(),
                                 "cpus": __import__("os").cpu_count()}, "timings": {}}
    for size in args.sizes:
        root = generate(size, BENCH / "data" / f"claims-{size}")
        label = f"{size // 1000}k"
        parse = timed([python, "-c", PARSE_ONLY, str(root)], args.repeat)
        validate = timed([factcheck, "--root", str(root), "validate"], args.repeat)
        results["timings"][f"parse_{label}"] = parse
        results["timings"][f"validate_{label}"] = validate
        results[f"validate_{label}_ratio_to_parse"] = round(validate["median_s"] / parse["median_s"], 3)
        print(f"{label}: parse {parse['median_s']:.2f}s, validate {validate['median_s']:.2f}s, "
              f"ratio {results[f'validate_{label}_ratio_to_parse']}")
    BENCH.mkdir(exist_ok=True)
    (BENCH / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {BENCH / 'results.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
