"""The reader's side of the benchmark (`make bench`, `python scripts/bench.py lighthouse`): what a
page of the built site costs to load.

- `serve`: a built site on 127.0.0.1, text gzip-compressed as GitHub Pages serves it.
- `FirstLoad`: the gzip bytes of everything a page requests on load (its HTML, the stylesheets,
  preloads, scripts, icons and images it names, the stylesheets those import and the fonts whose
  unicode-range meets the page's text), read from the built files, so every page of a large site
  can be counted without a browser.
- `lighthouse`: Lighthouse (npm, pinned in scripts/lighthouse, installed by `make bench` under
  .venv/lighthouse) on Debian's Chromium with its default mobile form factor and simulated
  throttling; the median of several runs.
"""

from __future__ import annotations

import functools
import gzip
import html
import http.server
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

REPO = Path(__file__).resolve().parents[1]
GZIP_LEVEL = 6  # what GitHub Pages uses
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


@functools.lru_cache(maxsize=512)
def _gzipped(path: str, mtime_ns: int) -> bytes:
    """A file's gzip bytes, once per version of it: every page requests the same assets."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A built site as GitHub Pages serves it: a folder's index.html, text types gzip-compressed
    for a client that accepts it, the site's 404.html (status 404) for anything missing."""

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the redirect to the folder's URL
            path = os.path.join(path, "index.html")
        status = 200
        if not os.path.isfile(path):
            status, path = 404, os.path.join(self.directory, "404.html")
            if not os.path.isfile(path):
                self.send_error(404)
                return None
        ctype = self.guess_type(path)
        body = Path(path).read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if ctype.startswith(COMPRESSED_TYPES) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = _gzipped(path, os.stat(path).st_mtime_ns)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve a built site on a free port of 127.0.0.1; yields its base URL (ending in /)."""
    handler = functools.partial(GzipHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


# ---- first load, from the built files

_TAG = re.compile(r"<(link|script|img)\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_REQUESTING_RELS = {"stylesheet", "preload", "modulepreload", "icon", "manifest"}
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)""", re.IGNORECASE)
_FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}", re.IGNORECASE)
_CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)""", re.IGNORECASE)
_UNICODE_RANGE = re.compile(r"unicode-range\s*:\s*([^;}]+)", re.IGNORECASE)
_HOST = "http://site.invalid"  # a base for resolving references; anything outside it is refused


def unicode_range_pattern(spec: str) -> re.Pattern[str]:
    """A character class matching what a CSS unicode-range covers (U+0600-06FF, U+204F, U+4??)."""
    parts = []
    for token in "".join(spec.split()).split(","):
        token = token.upper().removeprefix("U+")
        lo, _, hi = token.partition("-")
        if "?" in lo:
            lo, hi = lo.replace("?", "0"), lo.replace("?", "F")
        parts.append(f"{re.escape(chr(int(lo, 16)))}-{re.escape(chr(int(hi or lo, 16)))}")
    return re.compile(f"[{''.join(parts)}]")


def page_url(site_dir: Path, page: Path) -> str:
    """The URL path a built HTML file is served at: folders for index.html."""
    rel = page.relative_to(site_dir).as_posix()
    return "/" + (rel.removesuffix("index.html") if rel.endswith("index.html") else rel)


class FirstLoad:
    """Everything a page of one built site requests on load, each file gzip-compressed as GitHub
    Pages serves it (woff2 and images too: gzip gains nothing on them, a few bytes of header).

    Counted: the HTML; `<link rel=stylesheet|preload|modulepreload|icon|manifest href>`; `<script
    src>`; `<img src>`; stylesheets' `@import`s; each `@font-face` (its first `src` url) whose
    unicode-range meets a character of the page, markup included (an over-count if such a
    character only stands in hidden text or an attribute). Not counted: what scripts fetch."""

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self._sizes: dict[str, int] = {}
        self._css: dict[str, tuple[list[str], list[tuple[str, re.Pattern[str]]]]] = {}

    def _file(self, url: str) -> Path:
        path = self.site_dir / unquote(url).lstrip("/")
        return path / "index.html" if url.endswith("/") or path.is_dir() else path

    def _resolve(self, base: str, ref: str) -> str | None:
        """The site URL path `ref` names from `base`; None for inline data."""
        ref = html.unescape(ref).strip()
        if ref.startswith("data:"):
            return None
        parts = urlsplit(urljoin(_HOST + base, ref))
        if f"{parts.scheme}://{parts.netloc}" != _HOST:
            raise ValueError(f"{base} requests {ref}, outside the site")
        return parts.path

    def size(self, url: str) -> int:
        """The gzip bytes of the file at a site URL path."""
        if url not in self._sizes:
            self._sizes[url] = gzip_size(self._file(url).read_bytes())
        return self._sizes[url]

    def _stylesheet(self, url: str) -> tuple[list[str], list[tuple[str, re.Pattern[str]]]]:
        """(stylesheets it imports, (font url, characters it covers) of each face) of one file."""
        if url not in self._css:
            css = _CSS_COMMENT.sub("", self._file(url).read_text(encoding="utf-8"))
            imports = [u for ref in _CSS_IMPORT.findall(css) if (u := self._resolve(url, ref))]
            faces = []
            for block in _FONT_FACE.findall(css):
                src = _CSS_URL.search(block)
                font = src and self._resolve(url, src.group(1))
                if font:
                    covered = _UNICODE_RANGE.search(block)
                    faces.append((font, unicode_range_pattern(covered.group(1)) if covered else re.compile(".", re.S)))
            self._css[url] = (imports, faces)
        return self._css[url]

    def requests(self, page: Path) -> dict[str, int]:
        """URL path -> gzip bytes of each file the page requests on load, the page first."""
        base = page_url(self.site_dir, page)
        data = page.read_bytes()
        text = data.decode("utf-8")
        out = {base: gzip_size(data)}
        sheets: list[str] = []
        for tag, attrs in _TAG.findall(text):
            found = {m[0].lower(): m[1] or m[2] or m[3] for m in _ATTR.findall(attrs)}
            tag = tag.lower()
            if tag == "link" and _REQUESTING_RELS & set(found.get("rel", "").lower().split()):
                ref = found.get("href")
            elif tag in ("script", "img"):
                ref = found.get("src")
            else:
                continue
            url = ref and self._resolve(base, ref)
            if not url:
                continue
            out[url] = self.size(url)
            if "stylesheet" in found.get("rel", "").lower().split():
                sheets.append(url)
        while sheets:
            imports, faces = self._stylesheet(sheets.pop())
            for url in imports:
                if url not in out:
                    out[url] = self.size(url)
                    sheets.append(url)
            for font, covered in faces:
                if font not in out and covered.search(text):
                    out[font] = self.size(font)
        return out


def page_kind(url: str) -> str:
    """A page's kind, for naming the largest of each: language, then the section and depth
    ("en claims/*" is an English claim page, "ar claims/" the Arabic claims index, "ar home")."""
    lang, path = ("en", url.removeprefix("/en/")) if url.startswith("/en/") or url == "/en" else ("ar", url[1:])
    parts = [p for p in path.split("/") if p]
    if not parts:
        return f"{lang} home"
    if len(parts) == 1:
        return f"{lang} {parts[0]}{'' if parts[0].endswith('.html') else '/'}"
    if len(parts) == 2 and re.fullmatch(r"(page-?)?\d+", parts[1]):
        return f"{lang} {parts[0]}/<page>"
    return f"{lang} {parts[0]}/{'/'.join('*' for _ in parts[1:])}"


def scan(site_dir: Path, *, keep: tuple[str, ...] = ()) -> dict:
    """The first load of every HTML page of a built site: the largest overall (with its files),
    the largest of each kind, and the files of the pages named in `keep`."""
    loads = FirstLoad(site_dir)
    kinds: dict[str, dict] = {}
    largest: dict = {"bytes": -1}
    kept = {}
    for page in sorted(site_dir.rglob("*.html")):
        url = page_url(site_dir, page)
        files = loads.requests(page)
        total = sum(files.values())
        kind = kinds.setdefault(page_kind(url), {"pages": 0, "bytes": -1})
        kind["pages"] += 1
        if total > kind["bytes"]:
            kind.update(page=url, bytes=total)
        if total > largest["bytes"]:
            largest = {"page": url, "bytes": total, "files": files}
        if url in keep:
            kept[url] = files
    return {
        "pages": sum(k["pages"] for k in kinds.values()),
        "largest_page": largest["page"],
        "largest_kb": kb(largest["bytes"]),
        "largest_files": largest["files"],
        "kinds": {
            name: {"pages": k["pages"], "largest_page": k["page"], "largest_kb": kb(k["bytes"])}
            for name, k in sorted(kinds.items())
        },
        "pages_kept": kept,
    }


def kb(size: int) -> float:
    return round(size / 1024, 1)


# ---- Lighthouse

LIGHTHOUSE_DIR = REPO / ".venv/lighthouse"
LIGHTHOUSE_CLI = LIGHTHOUSE_DIR / "node_modules/lighthouse/cli/index.js"
CHROMIUM = Path(os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
# This machine: headless, no sandbox (root in a container), and nothing that calls out (the
# network refuses outside connections, and a waiting request would stall the load).
CHROME_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Images of the page Lighthouse would embed in its report: nothing here reads them.
SKIPPED_AUDITS = ("full-page-screenshot", "screenshot-thumbnails", "final-screenshot")

# The pages measured on each site, in both languages: (role, URL path in Arabic, kind whose
# largest page stands for the role). English pages are the same under /en/.
ROLES = (
    ("home", "/", None),
    ("claims index", "/claims/", None),
    ("claim", None, "claims/*"),
    ("entity", None, "entities/*"),
    ("source", None, "sources/*"),
    ("timeline", "/timeline/", None),
    ("search", "/search/", None),
)


def pages_to_measure(first_load: dict, roles: tuple[str, ...] = ()) -> dict[str, str]:
    """Page name ("<lang> <role>") -> URL path, of every role or of those named: the fixed pages,
    and the largest claim, entity and source page of each language (the heaviest of their kind, by
    first load)."""
    out = {}
    for lang in ("ar", "en"):
        for role, path, kind in ROLES:
            if roles and role not in roles:
                continue
            if kind is None:
                out[f"{lang} {role}"] = path if lang == "ar" else "/en" + path
            elif f"{lang} {kind}" in first_load["kinds"]:
                out[f"{lang} {role}"] = first_load["kinds"][f"{lang} {kind}"]["largest_page"]
    return out


def lighthouse_version() -> str:
    return json.loads((LIGHTHOUSE_CLI.parents[1] / "package.json").read_text(encoding="utf-8"))["version"]


def chromium_version() -> str:
    proc = subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True, check=True)
    return proc.stdout.strip()


class Unmeasured(Exception):
    """Lighthouse ran but could not measure the page (it timed out on a page too heavy, say)."""


def lighthouse_report(url: str) -> dict:
    """One Lighthouse run on `url`: its JSON report. Raises Unmeasured if it fails."""
    node = shutil.which("node")
    if node is None or not LIGHTHOUSE_CLI.exists():
        raise SystemExit("Lighthouse needs node and the pinned package: `make lighthouse` installs it")
    proc = subprocess.run(
        [
            node,
            str(LIGHTHOUSE_CLI),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--skip-audits={','.join(SKIPPED_AUDITS)}",
            f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ, CHROME_PATH=str(CHROMIUM)),
    )
    if proc.returncode != 0:
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        raise Unmeasured(f"Lighthouse exited {proc.returncode}: {' '.join(lines[-2:])[:300]}")
    report = json.loads(proc.stdout)
    if report.get("runtimeError"):
        error = report["runtimeError"]
        raise Unmeasured(f"{error['code']}: {' '.join(error['message'].split())[:300]}")
    return report


def figures(report: dict) -> dict:
    """What the benchmark keeps of a Lighthouse report: the four scores (0-100), the metrics, the
    bytes transferred, the ids of the accessibility audits that failed, and Lighthouse's measure of
    the machine's speed during the run (its benchmarkIndex: lower on a busy machine, where the
    blocking time grows)."""
    audits = report["audits"]
    return {
        **{name: round(100 * report["categories"][name]["score"]) for name in CATEGORIES},
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 4),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "transfer_bytes": round(audits["total-byte-weight"]["numericValue"]),
        "accessibility_failures": sorted(
            ref["id"]
            for ref in report["categories"]["accessibility"]["auditRefs"]
            if ref["weight"] and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
        ),
        "warnings": report.get("runWarnings", []),
        "benchmark_index": report.get("environment", {}).get("benchmarkIndex"),
    }


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score (the lower middle one of an even count): one
    real run's figures, not a mix of several."""
    ordered = sorted(runs, key=lambda r: (r["performance"], -r["tbt_ms"], -r["lcp_ms"]))
    chosen = dict(ordered[(len(ordered) - 1) // 2])
    chosen["performance_runs"] = [r["performance"] for r in runs]
    return chosen


def measure(base: str, pages: dict[str, str], runs: int) -> dict[str, dict]:
    """The median Lighthouse run of each page (name -> URL path under `base`). A page no run could
    measure scores 0 in every category, with the error, so that it fails every target."""
    out = {}
    for name, path in pages.items():
        done, errors = [], []
        for _ in range(runs):
            try:
                done.append(figures(lighthouse_report(base.rstrip("/") + path)))
            except Unmeasured as exc:
                errors.append(str(exc))
        out[name] = {"path": path, **(median_run(done) if done else {**dict.fromkeys(CATEGORIES, 0)})}
        if errors:
            out[name]["errors"] = errors
    return out


def summary(measured: dict[str, dict]) -> dict:
    """The lowest scores and the largest CLS over every page measured (name -> figures)."""
    return {
        "min_performance": min(p["performance"] for p in measured.values()),
        "min_accessibility": min(p["accessibility"] for p in measured.values()),
        "max_cls": max((p["cls"] for p in measured.values() if "cls" in p), default=None),
        "median_performance": statistics.median(p["performance"] for p in measured.values()),
        "unmeasured": sorted(name for name, p in measured.items() if "cls" not in p),
    }
