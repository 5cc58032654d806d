"""The data flow, held by a test: every module imports only modules of its own step or the steps
below it, and never another module's private names."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

PACKAGE = Path(__file__).resolve().parents[1] / "scripts/factcheck"

# Lowest first. A module may import from its own step and the steps below it, never above.
STEPS = [
    {"codes", "textnorm", "files", "kinds", "datewords", "positions", "history"},  # building blocks
    {"findings", "dataset"},  # what a run produces: findings, and the records with their articles
    {"values", "timespans"},  # shared meanings of values and dates
    {"loader", "schemas"},  # load, validate
    {"link"},
    {"rules", "consistency"},  # check
    {"checker"},  # the whole run: factcheck.check and factcheck.load
    {"report", "coverage", "export", "database", "changes", "planted"},
    {"published", "release"},  # against what was published or released: the check and the git history
    {"reporters", "fmt", "scaffold", "site"},
    {"cli", "__main__", "__init__"},
]
STEP_OF = {name: i for i, names in enumerate(STEPS) for name in names}


def _imports(path: Path):
    """(line, imported top-level module of factcheck, imported names) of a module's own imports."""
    rel = path.relative_to(PACKAGE).with_suffix("").parts
    package = rel[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
            target = (*base, *(node.module.split(".") if node.module else ()))
            names = [a.name for a in node.names]
            if target:
                yield node.lineno, target[0], names if len(target) == 1 else []
            else:  # `from . import findings`: a name is a module, or a name of the package itself
                for name in names:
                    is_module = (PACKAGE / f"{name}.py").exists() or (PACKAGE / name).is_dir()
                    yield node.lineno, name if is_module else "__init__", [] if is_module else [name]


def _modules():
    return sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_a_module_depends_only_on_its_step_and_those_below(path):
    own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    upward = [
        f"line {line}: {target}"
        for line, target, _ in _imports(path)
        if target != own and STEP_OF[target] > STEP_OF[own]
    ]
    assert upward == [], f"{own} (step {STEP_OF[own]}) imports from a later step"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_imports_a_private_name(path):
    private = [
        f"line {line}: {target}.{name}"
        for line, target, names in _imports(path)
        for name in names
        if name.startswith("_") and not name.startswith("__")
    ]
    assert private == []


def test_every_module_has_a_step():
    tops = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in _modules()}
    assert tops <= set(STEP_OF), sorted(tops - set(STEP_OF))
