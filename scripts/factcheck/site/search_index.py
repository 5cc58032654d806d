"""The search index: Pagefind over the built site, made reproducible.

Pagefind writes the languages of pagefind-entry.json in hash-map order, so two builds of one
commit differed in that file alone; it is rewritten with sorted keys.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def build(site_dir: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet"], capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise RuntimeError(f"pagefind failed ({proc.returncode}):\n{proc.stdout}{proc.stderr}")
    entry = site_dir / "pagefind" / "pagefind-entry.json"
    entry.write_text(
        json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True, separators=(",", ":")),
        encoding="utf-8",
    )
