"""The layers of annviz are contracts the test run checks, read from the source with ``ast``.

- ``annviz.nn``, ``annviz.data``, ``annviz.recipes`` and ``annviz.lessons`` never import PySide6,
  shiboken6, pyqtgraph or ``annviz.gui`` — not directly, not inside a function, not through another annviz module.
- ``annviz.nn`` never imports ``annviz.data``: whoever trains with augmentation passes the
  function in (``Trainer(augment_fn=...)``, as ``annviz.recipes.build_trainer`` does).

Every ``import`` statement counts, wherever it sits (a lazy import inside a function is still an
import), and importing ``a.b.c`` runs ``a`` and ``a.b`` too. This is what import-linter's
"forbidden" contracts check (napari keeps them in its ``pyproject.toml``); reading the imports
here needs no extra dependency, and ``tests/nn/test_layering.py`` checks the same at run time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT = ("PySide6", "shiboken6", "pyqtgraph")

# (the layer, what it must never reach)
CONTRACTS = [
    ("annviz.nn", (*QT, "annviz.gui")),
    ("annviz.data", (*QT, "annviz.gui")),
    ("annviz.recipes", (*QT, "annviz.gui")),
    ("annviz.presets", (*QT, "annviz.gui")),
    ("annviz.lessons", (*QT, "annviz.gui")),
    ("annviz.nn", ("annviz.data",)),
]


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, name: str) -> set[str]:
    """Every module an import statement in ``path`` (module ``name``) names, with its parents."""
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from the package this module is in
                package = name.split(".")[: len(name.split(".")) - node.level + is_package]
                base = ".".join(package + ([node.module] if node.module else []))
            else:
                base = node.module
            # "from a import b": b may be a module (a.b) or a name in a; both are checked
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            parts = target.split(".")
            found.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return found


def import_graph(root: Path, package: str = "annviz") -> dict[str, set[str]]:
    """Module name -> the modules it imports, for every module of ``package`` under ``root``."""
    return {module_name(p, root): imports_of(p, module_name(p, root))
            for p in sorted((root / package).rglob("*.py"))}


def reaches(graph: dict[str, set[str]], start: str, forbidden: tuple[str, ...]) -> list[list[str]]:
    """Import chains from a module of ``start`` (the package or the module) to a forbidden one."""
    def bad(name: str) -> bool:
        return any(name == f or name.startswith(f + ".") for f in forbidden)

    chains = {}  # one chain per offending import (importer, the shortest forbidden name)
    for first in sorted(m for m in graph if m == start or m.startswith(start + ".")):
        seen, stack = {first}, [[first]]
        while stack:
            chain = stack.pop()
            for target in sorted(graph.get(chain[-1], ())):
                if bad(target):
                    if not any(target.startswith(t + ".") for _, t in chains if _ == chain[-1]):
                        chains.setdefault((chain[-1], target), [*chain, target])
                elif target in graph and target not in seen:
                    seen.add(target)
                    stack.append([*chain, target])
    return list(chains.values())


@pytest.mark.parametrize("layer, forbidden", CONTRACTS, ids=lambda v: v if isinstance(v, str) else "+".join(v))
def test_a_layer_never_imports_what_it_must_not(layer, forbidden):
    chains = reaches(import_graph(ROOT), layer, forbidden)
    assert not chains, "forbidden imports:\n" + "\n".join(" -> ".join(c) for c in chains[:10])


def test_the_contracts_cover_modules_that_exist():
    graph = import_graph(ROOT)
    for layer, _ in CONTRACTS:
        assert any(m == layer or m.startswith(layer + ".") for m in graph), layer


def test_the_checker_finds_a_lazy_import_two_modules_away(tmp_path):
    """A planted violation: core/a.py imports core/b.py, whose function imports the GUI."""
    (tmp_path / "annviz" / "core").mkdir(parents=True)
    (tmp_path / "annviz" / "gui").mkdir()
    for init in ("annviz", "annviz/core", "annviz/gui"):
        (tmp_path / init / "__init__.py").write_text("")
    (tmp_path / "annviz" / "core" / "a.py").write_text("from . import b\n")
    (tmp_path / "annviz" / "core" / "b.py").write_text(
        "def f():\n    from ..gui.window import Window\n    return Window\n")
    (tmp_path / "annviz" / "gui" / "window.py").write_text("import PySide6.QtWidgets\n")
    graph = import_graph(tmp_path)
    assert reaches(graph, "annviz.core", ("annviz.gui",)) == [
        ["annviz.core.a", "annviz.core.b", "annviz.gui"]]
    assert reaches(graph, "annviz.core", ("PySide6",))  # through the GUI module it imports
    assert not reaches(graph, "annviz.gui.window", ("annviz.core",))
