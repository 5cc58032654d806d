"""Nothing is lost: writes are atomic, an interrupted write leaves the old file, and the page
generator deletes only its own pages of records that no longer exist."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import COMMENTED, run, write
from factcheck import files
from factcheck.site.build import MANIFEST, generate


@pytest.mark.unit
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


@pytest.mark.acceptance
def test_fmt_interrupted_midway_changes_no_file(repo, monkeypatch):
    write(repo, "facts/claims/c-001-902.yaml", COMMENTED)
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        run(repo, "fmt")
    assert (repo / "facts/claims/c-001-902.yaml").read_text(encoding="utf-8") == COMMENTED
    assert not list((repo / "facts").rglob(".tmp-*"))


@pytest.mark.unit
def test_exclusive_write_never_replaces(tmp_path):
    target = tmp_path / "x.yaml"
    target.write_text("mine\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        files.write_atomic(target, "theirs\n", exclusive=True)
    assert target.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.acceptance
def test_the_generator_never_deletes_outside_its_folder(repo, tmp_path):
    docs = tmp_path / "docs"
    generate(repo, docs)
    precious = tmp_path / "precious.txt"
    precious.write_text("keep\n", encoding="utf-8")
    hand_written = docs / "methodology.md"
    hand_written.write_text("# hand-written\n", encoding="utf-8")
    manifest = docs / MANIFEST
    manifest.write_text(manifest.read_text(encoding="utf-8") + "../precious.txt\nmethodology.md\n", encoding="utf-8")
    generate(repo, docs, force=True)
    assert precious.exists()
    assert hand_written.read_text(encoding="utf-8") == "# hand-written\n"


# ---- modes: a new file is 0644 whatever the umask; a rewritten one keeps its mode


@pytest.fixture
def strict_umask():
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def mode(path) -> int:
    return os.stat(path).st_mode & 0o7777


@pytest.mark.unit
@pytest.mark.parametrize("exclusive", [False, True])
def test_a_new_file_is_0644_whatever_the_umask(tmp_path, strict_umask, exclusive):
    target = tmp_path / "new.yaml"
    files.write_atomic(target, "x\n", exclusive=exclusive)
    assert mode(target) == 0o644


@pytest.mark.unit
@pytest.mark.parametrize("old_mode", [0o600, 0o640, 0o664, 0o755])
def test_a_rewritten_file_keeps_its_mode(tmp_path, strict_umask, old_mode):
    target = tmp_path / "record.yaml"
    target.write_text("old\n", encoding="utf-8")
    os.chmod(target, old_mode)
    files.write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n" and mode(target) == old_mode


@pytest.mark.acceptance
def test_fmt_keeps_the_mode_and_new_writes_0644(repo, strict_umask):
    record = write(repo, "facts/claims/c-001-902.yaml", COMMENTED)
    os.chmod(record, 0o664)
    assert run(repo, "fmt")[0] == 0
    assert record.read_text(encoding="utf-8") != COMMENTED and mode(record) == 0o664
    status, out = run(repo, "new", "entity", "--type", "person", "--name-ar", "فلان", "--name-en", "Fulan")
    assert status == 0 and mode(repo / out.strip()) == 0o644


# ---- a symbolic link is never written through nor replaced


@pytest.mark.unit
def test_a_symlink_is_refused_and_left_alone(tmp_path):
    real = tmp_path / "real.yaml"
    real.write_text("mine\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    with pytest.raises(files.NotARegularFile) as exc:
        files.write_atomic(link, "theirs\n")
    assert isinstance(exc.value, OSError) and "symbolic link" in str(exc.value)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.yaml", "real.yaml"]


@pytest.mark.unit
def test_a_dangling_symlink_is_refused(tmp_path):
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "target.yaml")
    with pytest.raises(files.NotARegularFile):
        files.write_atomic(link, "x\n")
    with pytest.raises(FileExistsError):
        files.write_atomic(link, "x\n", exclusive=True)
    assert link.is_symlink() and not (tmp_path / "target.yaml").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.yaml"]


@pytest.mark.unit
def test_a_folder_is_refused(tmp_path):
    (tmp_path / "dir.yaml").mkdir()
    with pytest.raises(files.NotARegularFile):
        files.write_atomic(tmp_path / "dir.yaml", "x\n")


@pytest.mark.unit
def test_write_if_changed_refuses_a_symlink_even_with_the_same_content(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("same\n", encoding="utf-8")
    (tmp_path / "link.md").symlink_to(real)
    with pytest.raises(files.NotARegularFile):
        files.write_if_changed(tmp_path / "link.md", "other\n")
    assert real.read_text(encoding="utf-8") == "same\n"


@pytest.mark.acceptance
def test_fmt_reports_a_symlinked_record_without_a_traceback(repo, tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text(COMMENTED, encoding="utf-8")
    link = repo / "facts/claims/c-001-902.yaml"
    link.unlink()
    link.symlink_to(outside)
    for args in (["fmt"], ["fmt", "--check"], ["fmt", str(link)]):
        status, out = run(repo, *args)
        assert status == 1
        lines = out.splitlines()
        assert lines[0].startswith("facts/claims/c-001-902.yaml:1:1: FC013 ") and lines[0].endswith("(not formatted)")
        assert lines[-1].endswith(" 1 not loadable.")
    assert link.is_symlink() and outside.read_text(encoding="utf-8") == COMMENTED


def _fmt_with_the_record_swapped_for_a_symlink(repo, tmp_path, monkeypatch, step, swaps_after):
    """Run `fmt` with its function `step` patched: right after a call that `swaps_after(record, *args)` picks,
    the claim record becomes a symlink to an outside copy. That copy must come out untouched."""
    from factcheck import fmt

    record = write(repo, "facts/claims/c-001-902.yaml", COMMENTED)
    outside = tmp_path / "outside.yaml"
    outside.write_text(COMMENTED, encoding="utf-8")
    original = getattr(fmt, step)

    def step_then_swap(*args):
        result = original(*args)
        if swaps_after(record, *args):
            record.unlink()
            record.symlink_to(outside)
        return result

    monkeypatch.setattr(fmt, step, step_then_swap)
    status, out = run(repo, "fmt")
    assert record.is_symlink() and outside.read_text(encoding="utf-8") == COMMENTED
    return status, out


@pytest.mark.acceptance
def test_fmt_never_writes_through_a_record_turned_into_a_symlink_midway(repo, tmp_path, monkeypatch):
    """The record is a regular file when fmt reads it and a link when fmt writes: it is refused."""
    status, out = _fmt_with_the_record_swapped_for_a_symlink(
        repo, tmp_path, monkeypatch, "read_record_bytes", lambda record, file, rel: Path(file) == record
    )
    assert status == 1
    assert "facts/claims/c-001-902.yaml: not formatted: it is a symbolic link now" in out
    assert out.splitlines()[-1] == "0 files reformatted, 0 not loadable, 1 not regular files."


@pytest.mark.acceptance
def test_a_record_turned_into_a_symlink_before_fmt_reads_it_is_not_read(repo, tmp_path, monkeypatch):
    status, out = _fmt_with_the_record_swapped_for_a_symlink(
        repo, tmp_path, monkeypatch, "discover", lambda record, root, kinds: True
    )
    assert status == 1 and "FC013 'facts/claims/c-001-902.yaml' is a symbolic link" in out


@pytest.mark.acceptance
def test_new_refuses_a_dangling_symlink_at_its_target(repo, tmp_path):
    aim = tmp_path / "aim.yaml"
    (repo / "facts/entities/fulan.yaml").symlink_to(aim)
    status, _ = run(repo, "new", "entity", "--type", "person", "--name-ar", "فلان", "--name-en", "Fulan")
    assert status == 1
    assert (repo / "facts/entities/fulan.yaml").is_symlink() and not aim.exists()


@pytest.mark.acceptance
def test_codes_update_refuses_a_symlink(tmp_path, capsys):
    from factcheck.codes import END, START

    real = tmp_path / "real.md"
    real.write_text(f"{START}\nold\n{END}\n", encoding="utf-8")
    (tmp_path / "link.md").symlink_to(real)
    assert run(tmp_path, "codes", "--update", str(tmp_path / "link.md"))[0] == 2
    assert "symbolic link" in capsys.readouterr().err
    assert real.read_text(encoding="utf-8") == f"{START}\nold\n{END}\n"
