"""Build this project's site from another data repository (a generated benchmark dataset, a test
fixture): the project's hand-written pages, assets and theme, the other repository's data."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[3]


def configure(root: Path, *, with_generator: bool = True) -> Path:
    """Copy the tracked pages and assets into root/docs and write a mkdocs config for root.

    Without the generator, the config builds the pages already in root/docs (the bare build the
    benchmark compares against)."""
    tracked = subprocess.run(
        ["git", "-C", str(PROJECT), "ls-files", "docs"], capture_output=True, text=True, check=True
    ).stdout.split()
    for rel in tracked:
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(PROJECT / rel, target)
    config = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: scripts/", f"custom_dir: {PROJECT}/scripts/").replace(
        "  - scripts/mkdocs_hooks.py", f"  - {PROJECT}/scripts/mkdocs_hooks.py"
    )
    if not with_generator:
        config = re.sub(r"hooks:\n  - [^\n]+\n", "", config)
    path = root / ("mkdocs.yml" if with_generator else "mkdocs-bare.yml")
    path.write_text(config, encoding="utf-8")
    return path
