"""Nothing is lost: writes are atomic, an interrupted write leaves the old file, and the page
generator deletes only its own pages of records that no longer exist."""

from __future__ import annotations

import os

import pytest

from conftest import run, write
from factcheck import files
from factcheck.site.build import MANIFEST, generate
from test_fmt import COMMENTED


def test_an_interrupted_write_leaves_the_old_file_and_no_debris(tmp_path, monkeypatch):
    target = tmp_path / "record.yaml"
    target.write_text("old\n", encoding="utf-8")

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        files.write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["record.yaml"]


def test_fmt_interrupted_midway_changes_no_file(repo, monkeypatch):
    write(repo, "facts/claims/c-001-902.yaml", COMMENTED)
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        run(repo, "fmt")
    assert (repo / "facts/claims/c-001-902.yaml").read_text(encoding="utf-8") == COMMENTED
    assert not list((repo / "facts").rglob(".tmp-*"))


def test_exclusive_write_never_replaces(tmp_path):
    target = tmp_path / "x.yaml"
    target.write_text("mine\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        files.write_atomic(target, "theirs\n", exclusive=True)
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_the_generator_never_deletes_outside_its_folder(repo, tmp_path):
    docs = tmp_path / "docs"
    generate(repo, docs)
    precious = tmp_path / "precious.txt"
    precious.write_text("keep\n", encoding="utf-8")
    hand_written = docs / "methodology.md"
    hand_written.write_text("# hand-written\n", encoding="utf-8")
    manifest = docs / MANIFEST
    manifest.write_text(manifest.read_text(encoding="utf-8") + "../precious.txt\nmethodology.md\n", encoding="utf-8")
    from factcheck.site import build

    build._generated_from.clear()
    generate(repo, docs)
    assert precious.exists()
    assert hand_written.read_text(encoding="utf-8") == "# hand-written\n"
