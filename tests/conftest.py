"""Shared fixtures: a throw-away copy of the repository's schemas, sources and vocabulary.

Every test is in exactly one tier (a marker; pyproject lists them, tests/test_tiers.py holds it):
`unit`, `acceptance`, `browser`, `fuzz`. `make test-fast` runs the first two.

What costs time is built once per run and shared: the minimal repository (`repo` copies it), the
real data as a git repository (`copy` clones it), the check of the real repository, the built
site. A test that only reads may take the shared one (`shared_repo`, `real_check`); a test that
writes takes its own copy.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import io
import os
import shutil
import subprocess
import threading
from contextlib import contextmanager, redirect_stdout
from pathlib import Path
from urllib.parse import urlparse

import pytest

from factcheck.cli import main

pytest_plugins = ("pytester",)  # tests/test_tiers.py collects a sample module with it

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"

# ---- temporary directories in memory where there is room

SHM = Path("/dev/shm")
SHM_ROOM = 4 * 2**30  # a run writes about 400 MB there (pyproject keeps one run's directories)


def pytest_configure(config):
    """tmp_path and tmp_path_factory under /dev/shm (tmpfs) when it is writable with room: the tests
    make hundreds of repository copies of a few hundred small files each, and on a busy disk each
    file created costs up to a millisecond. --basetemp or PYTEST_DEBUG_TEMPROOT still decide."""
    if config.option.basetemp or "PYTEST_DEBUG_TEMPROOT" in os.environ:
        return
    try:
        room = os.statvfs(SHM)
    except OSError:
        return
    if os.access(SHM, os.W_OK | os.X_OK) and room.f_bavail * room.f_frsize >= SHM_ROOM:
        os.environ["PYTEST_DEBUG_TEMPROOT"] = str(SHM)


# ---- tiers: each collected test carries exactly one of these markers

TIERS = ("unit", "acceptance", "browser", "fuzz")
TIER_PROBLEMS = pytest.StashKey[list]()


def tiers_of(item) -> set[str]:
    return {mark.name for mark in item.iter_markers() if mark.name in TIERS}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Before `-m` deselects anything: note every collected test without exactly one tier."""
    config.stash[TIER_PROBLEMS] = [
        f"{item.nodeid}: {', '.join(sorted(tiers_of(item))) or 'no tier'}" for item in items if len(tiers_of(item)) != 1
    ]


def make_repo(root: Path) -> Path:
    """A minimal valid repository: schemas, seeds, sources, properties, entities and three claims."""
    for folder in ("schema", "seeds", "facts/sources", "facts/properties", "facts/entities"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copytree(FIXTURES / "claims", root / "facts/claims")
    # The real contradiction records that document names only: the claims they cite are not here.
    (root / "facts/contradictions").mkdir()
    for record in (REPO / "facts/contradictions").glob("*.yaml"):
        if "\nclaims:" not in record.read_text(encoding="utf-8"):
            shutil.copy(record, root / "facts/contradictions" / record.name)
    return root


def tree_digest(root: Path) -> dict[str, str]:
    """sha256 of every file under root (links by their target), by path relative to root."""
    out = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if p.is_symlink():
            out[rel] = "link:" + os.readlink(p)
        elif p.is_file():
            out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="session")
def repo_template(tmp_path_factory) -> Path:
    """make_repo's repository, made once per run; never handed to a test (`repo` copies it)."""
    return make_repo(tmp_path_factory.mktemp("repo-template"))


@pytest.fixture
def repo(tmp_path, repo_template) -> Path:
    """The minimal repository (make_repo's), this test's own copy: write to it freely."""
    shutil.copytree(repo_template, tmp_path, symlinks=True, dirs_exist_ok=True)
    return tmp_path


@pytest.fixture(scope="session")
def shared_repo(tmp_path_factory) -> Path:
    """The minimal repository shared by the tests that only read it; one that writes to it fails
    at the end of the run (its files are compared with what they were)."""
    root = make_repo(tmp_path_factory.mktemp("shared-repo"))
    before = tree_digest(root)
    yield root
    assert tree_digest(root) == before, "a test wrote to shared_repo: give it `repo`, its own copy"


@pytest.fixture(scope="session")
def copy_template(tmp_path_factory) -> Path:
    """The real repository's data and schemas as a git repository with one commit, made once."""
    root = tmp_path_factory.mktemp("copy-template")
    for folder in ("schema", "seeds", "facts"):
        shutil.copytree(REPO / folder, root / folder)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=root, check=True)
    return root


@pytest.fixture
def copy(tmp_path, copy_template) -> Path:
    """The real repository's data and schemas, as a git repository with one commit: this test's
    own clone of copy_template (git shares the commit's objects, which nothing rewrites)."""
    subprocess.run(["git", "clone", "-q", "--local", str(copy_template), str(tmp_path)], check=True)
    return tmp_path


@pytest.fixture(scope="session")
def real_check():
    """`check` of the real repository, once per run, for tests that only read its result."""
    from factcheck.checker import check

    return check(REPO)


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


CLAIM = "facts/claims/c-001-902.yaml"

# A claim with comments in every place fmt must keep them (the fmt, files and CLI tests use it).
COMMENTED = """\
# A claim kept with its comments.
id: c-001-902  # the id is the file name
# statement first, as the schema orders it
statement:
  en: The ceasefire agreement was signed on 23 October 2020.
  # Arabic first
  ar: وُقّع اتفاق وقف إطلاق النار في 23 أكتوبر 2020.
verdict:
  rating: single-source
  reasoning:
    ar: يرد في مصدر واحد ولا يناقضه مصدر آخر.
    en: Reported by one source and contradicted by none.
subject: ceasefire-agreement-2020
property: signed
time:
  basis: stated
  point: '2020-10-23'
evidence:
# the quote
- source: src-001
  stance: supports  # it supports
  quote: "اتفاق وقف إطلاق النار الموقع في 23 أكتوبر 2020"
  translation: the ceasefire agreement signed on 23 October 2020
  paragraph: 7
# end of record
"""


def codes_at(output: str) -> list[tuple[str, int, str]]:
    """(path, line, code) of each finding line of text output."""
    out = []
    for line in output.splitlines():
        if line.startswith("facts/"):
            where, rest = line.split(": ", 1)
            path, ln, _col = where.rsplit(":", 2)
            out.append((path, int(ln), rest.split()[0]))
    return out


def line_of(text: str, needle: str) -> int:
    """1-based line of the first occurrence of `needle` in `text`."""
    return text[: text.index(needle)].count("\n") + 1


def check_one(repo, text, *, expect_code, expect_line=None):
    """Write `text` as the claim CLAIM, validate, and expect `expect_code` (at `expect_line`) there."""
    write(repo, CLAIM, text)
    status, out = run(repo, "validate")
    assert status == 1, out
    found = [(ln, code) for path, ln, code in codes_at(out) if path == CLAIM]
    assert any(code == expect_code for _, code in found), out
    if expect_line is not None:
        assert (expect_line, expect_code) in found, out
    return out


def claim_text(rel: str = CLAIM) -> str:
    return (FIXTURES / "claims" / Path(rel).name).read_text(encoding="utf-8")


def build_site(out_dir: Path) -> None:
    """Build the real site (mkdocs + pagefind) into out_dir, as `make site` does."""
    import sys

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1767225600")
    env.pop("GITHUB_REPOSITORY", None)
    bin_dir = Path(sys.executable).parent
    proc = subprocess.run(
        [str(bin_dir / "mkdocs"), "build", "--strict", "--site-dir", str(out_dir)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    from factcheck.site import search_index

    search_index.build(out_dir)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    build_site(out)
    return out


# ---- browser tests: a local server and Chromium driven by Playwright

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(directory: Path):
    """Serve a built site on a free port of 127.0.0.1; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"browser tests need Chromium at {CHROMIUM}: apt-get install chromium (.ci/run does), "
            "or set CHROMIUM to another Chromium or Chrome"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield b
        b.close()


class Visit:
    """A page opened in a fresh context, recording console errors and requests that leave localhost."""

    def __init__(self, browser, base: str, path: str, width: int = 1280):
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

        def guard(route):
            host = urlparse(route.request.url).hostname
            if host not in ("127.0.0.1", "localhost"):
                self.outside.append(route.request.url)
                return route.abort()
            return route.continue_()

        self.page.route("**/*", guard)
        self.page.goto(base + path)
        self.page.wait_for_load_state("networkidle")

    def close(self):
        self.context.close()


@pytest.fixture(scope="session")
def server(site_dir):
    """The built site, served for the browser tests of every module."""
    with serve(site_dir) as base:
        yield base


@pytest.fixture
def visit(browser, server):
    """visit(path, width): a Visit of the served site, closed after the test."""
    opened = []

    def _open(path, width=1280):
        v = Visit(browser, server, path, width)
        opened.append(v)
        return v

    yield _open
    for v in opened:
        v.close()
