"""Packaging: the package installs from its own metadata and runs on the project's data.

- every third-party import in the package is declared in pyproject (an undeclared one fails here);
- requirements.txt is a lock: every line pinned with hashes, covering requirements.in and pyproject;
- (marked `packaging`, slow, needs the package index) `pip install` of the project, not editable
  and with its dependencies, into a fresh venv: the installed command validates the dataset and
  the installed package carries the theme and every other non-Python file.
"""

from __future__ import annotations

import ast
import functools
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

pytestmark = pytest.mark.acceptance

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "scripts" / "factcheck"


@functools.cache
def pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


# Import name -> distribution name, where the two differ. Any other import is taken to be its
# own distribution name, so an import nobody declared still fails the test below.
IMPORT_TO_DIST = {
    "yaml": "PyYAML",
    "jsonschema_rs": "jsonschema-rs",
    "material": "mkdocs-material",
    "mkdocs_static_i18n": "mkdocs-static-i18n",
}


def declared(*extras: str) -> set[str]:
    project = pyproject()["project"]
    reqs = list(project["dependencies"])
    for extra in extras:
        reqs += project["optional-dependencies"][extra]
    return {canonicalize_name(Requirement(r).name) for r in reqs}


def third_party_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n != "factcheck"}


def test_every_third_party_import_is_declared_in_pyproject():
    base, site = declared(), declared("site")
    # The site subpackage and the mkdocs hook run under `make site`: the `site` extra may cover them.
    files = [(p, site if "site" in p.relative_to(PACKAGE).parts[:-1] else base) for p in PACKAGE.rglob("*.py")]
    files.append((REPO / "scripts" / "mkdocs_hooks.py", site))
    found, missing = set(), []
    for path, allowed in files:
        for name in third_party_imports(path):
            found.add(name)
            dist = canonicalize_name(IMPORT_TO_DIST.get(name, name))
            if dist not in allowed:
                missing.append(f"{path.relative_to(REPO)} imports {name} ({dist}): not in pyproject")
    assert not missing, "\n".join(missing)
    # The parser sees the imports it should (so an empty result cannot pass by accident).
    assert {"yaml", "jsonschema", "jsonschema_rs", "referencing", "hijridate"} <= found


def lock_entries() -> dict[str, tuple[str, int]]:
    """requirements.txt: name -> (pinned version, number of hashes)."""
    text = (REPO / "requirements.txt").read_text(encoding="utf-8")
    entries = {}
    for block in re.split(r"\n(?=\S)", text):
        block = re.sub(r"#.*", "", block).strip()
        if not block:
            continue
        first = block.split("\\\n")[0]
        req = Requirement(first.strip())
        pins = [s for s in req.specifier if s.operator == "=="]
        assert len(pins) == 1 and len(req.specifier) == 1, f"not pinned with ==: {first.strip()}"
        hashes = re.findall(r"--hash=sha256:[0-9a-f]{64}", block)
        entries[canonicalize_name(req.name)] = (pins[0].version, len(hashes))
    return entries


def test_requirements_txt_is_a_lock_with_hashes_covering_the_inputs():
    lock = lock_entries()
    assert len(lock) > 20, "the lock holds the transitive set, not just the top level"
    assert [n for n, (_, hashes) in lock.items() if hashes == 0] == [], "every pin carries --hash"
    # Every top-level pin of requirements.in is in the lock at the same version.
    for line in (REPO / "requirements.in").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            req = Requirement(line)
            assert lock.get(canonicalize_name(req.name), (None,))[0] == next(iter(req.specifier)).version, line
            if req.extras:  # pagefind[extended] -> pagefind-bin-extended
                assert any(
                    n.startswith(canonicalize_name(req.name)) and n != canonicalize_name(req.name) for n in lock
                ), f"{line}: the extra's packages are not in the lock"
    # What pyproject declares (base and site extra) is in the lock at a version it accepts.
    project = pyproject()["project"]
    for r in [*project["dependencies"], *project["optional-dependencies"]["site"]]:
        req = Requirement(r)
        name = canonicalize_name(req.name)
        assert name in lock, f"pyproject declares {r}, the lock lacks it"
        assert req.specifier.contains(lock[name][0]), f"pyproject declares {r}, the lock pins {lock[name][0]}"


def test_the_wheel_config_ships_the_theme():
    data = pyproject()["tool"]["setuptools"]["package-data"]
    assert any(p.startswith("theme/") for p in data.get("factcheck.site", [])), data


def package_data_files() -> set[str]:
    """Every non-Python file in the package, relative to scripts/ (as it sits in site-packages)."""
    return {
        str(p.relative_to(PACKAGE.parent))
        for p in PACKAGE.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    }


# Copied to a scratch tree so that pip's in-tree build leaves nothing (build/, *.egg-info) in the
# checkout; what is left out is generated or local, never part of a clean clone's build input.
TOP_LEVEL_ONLY = {".git", ".venv", "site", "build", "dist", "bench", "artifacts", ".pytest_cache", ".hypothesis"}


def ignore(folder: str, names: list[str]) -> set[str]:
    skip = {n for n in names if n == "__pycache__" or n.endswith(".egg-info")}
    return skip | (TOP_LEVEL_ONLY & set(names) if Path(folder) == REPO else set())


@pytest.mark.packaging
def test_pip_install_from_pyproject_alone_into_a_fresh_venv_validates_the_dataset(tmp_path):
    """Like `pip install .` on a clean clone: no lock, no --no-deps, no editable install."""
    assert package_data_files() >= {"factcheck/site/theme/main.html"}
    src, venv = tmp_path / "src", tmp_path / "venv"
    shutil.copytree(REPO, src, ignore=ignore)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    timings = {}

    def step(name, cmd, **kw):
        start = time.monotonic()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, **kw)
        timings[name] = round(time.monotonic() - start, 1)
        assert proc.returncode == 0, f"{name} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
        return proc.stdout

    step("venv", [sys.executable, "-m", "venv", str(venv)])
    step("pip install", [str(venv / "bin/python"), "-m", "pip", "install", "--quiet", str(src)])
    factcheck = str(venv / "bin/factcheck")
    out = step("validate", [factcheck, "--root", str(REPO), "validate"], cwd=tmp_path)
    assert "no problems" in out, out
    step("report", [factcheck, "--root", str(REPO), "report"], cwd=tmp_path)
    step("export", [factcheck, "--root", str(REPO), "export", str(tmp_path / "out")], cwd=tmp_path)
    assert (tmp_path / "out" / "claims.csv").exists()
    # The installed package, not the checkout, and with its non-Python files (the site's theme).
    site_packages = Path(
        step(
            "locate",
            [
                str(venv / "bin/python"),
                "-c",
                "import factcheck, pathlib; print(pathlib.Path(factcheck.__file__).parent.parent)",
            ],
            cwd=tmp_path,
        ).strip()
    )
    assert site_packages.is_relative_to(venv), site_packages
    missing = sorted(f for f in package_data_files() if not (site_packages / f).is_file())
    assert not missing, f"not in the installed package: {missing}"
    print("fresh-venv timings (s):", timings)
