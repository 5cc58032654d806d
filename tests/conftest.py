"""Shared fixtures: a throw-away copy of the repository's schemas, sources and vocabulary."""

from __future__ import annotations

import io
import shutil
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from factcheck.cli import main

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def repo(tmp_path) -> Path:
    """A minimal valid repository: schemas, seeds, sources, properties, entities and three claims."""
    for folder in ("schema", "seeds", "facts/sources", "facts/properties", "facts/entities"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    shutil.copytree(FIXTURES / "claims", tmp_path / "facts/claims")
    # The real contradiction records that document names only: the claims they cite are not here.
    (tmp_path / "facts/contradictions").mkdir()
    for record in (REPO / "facts/contradictions").glob("*.yaml"):
        if "\nclaims:" not in record.read_text(encoding="utf-8"):
            shutil.copy(record, tmp_path / "facts/contradictions" / record.name)
    return tmp_path


def run(root: Path, *args: str) -> tuple[int, str]:
    """Run the CLI in-process against `root`; return (exit status, stdout)."""
    out = io.StringIO()
    with redirect_stdout(out):
        status = main(["--root", str(root), *args])
    return status, out.getvalue()


def write(root: Path, rel: str, text: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def claim_text(rel: str = "facts/claims/c-001-902.yaml") -> str:
    return (FIXTURES / "claims" / Path(rel).name).read_text(encoding="utf-8")


def build_site(out_dir: Path) -> None:
    """Build the real site (mkdocs + pagefind) into out_dir, as `make site` does."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1767225600")
    env.pop("GITHUB_REPOSITORY", None)
    bin_dir = Path(sys.executable).parent
    proc = subprocess.run([str(bin_dir / "mkdocs"), "build", "--strict", "--site-dir", str(out_dir)], cwd=REPO,
                          env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    from factcheck.site import search_index

    search_index.build(out_dir)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    build_site(out)
    return out
