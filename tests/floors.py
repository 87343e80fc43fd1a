"""The floors of annviz: one table that every module of ``annviz/`` belongs to, read from the
source with ``ast``, and what the tests and ``docs/ARCHITECTURE.md`` make of it.

A module may import only modules on its own floor or below (never up); the parts of a floor
marked independent (the GUI's pages, the CLI's command groups) never import one another; the
floors up to the core never import Qt, not even lazily or through a chain of imports. An
import counts wherever it sits: a lazy one inside a function is still an import.

``tests/test_layers.py`` checks the table against the code. The floor diagram in
``docs/ARCHITECTURE.md`` is generated from it::

    python tests/floors.py            # the import graph's figures: modules, floors, circles, …
    python tests/floors.py --write    # regenerate the diagram in docs/ARCHITECTURE.md

import-linter's "layers" and "independence" contracts say much of this (napari keeps its
contracts in configuration); this table also says that every module has a floor, that the import
graph has no circle, and draws the diagram, with no extra dependency.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "annviz"
DOC = ROOT / "docs" / "ARCHITECTURE.md"
QT = ("PySide6", "shiboken6", "pyqtgraph")
BEGIN = "<!-- floors: generated from tests/floors.py by `python tests/floors.py --write`; do not edit -->"
END = "<!-- /floors -->"


@dataclass(frozen=True)
class Floor:
    name: str
    says: str                      # one line for the diagram: what lives here and what it may not do
    parts: tuple[str, ...]         # modules or packages (a package: its modules too; not the root)
    independent: bool = False      # its parts never import one another
    qt: bool = False               # it may import Qt (else not even through a chain of imports)


#: Bottom to top. A module's floor is that of the longest part naming it or a package above it.
FLOORS = (
    Floor("base", "standard library only: file rules and messages, paths, log, progress bar",
          ("annviz", "annviz.messages", "annviz.safeio", "annviz.paths", "annviz.logs", "annviz.progress")),
    Floor("nn", "the network from scratch: NumPy (safetensors for model files); never data",
          ("annviz.nn",)),
    Floor("data", "datasets, images, drawings to 28×28, augmentation, my digits: NumPy, Pillow",
          ("annviz.data",)),
    Floor("lessons", "lesson files: format, checks, data model; the vocabulary names nn's activations",
          ("annviz.lessons",)),
    Floor("core", "what the CLI and the GUI both do, with no window: app model, recipes, runs, teaching, files",
          ("annviz.appmodel", "annviz.recipes", "annviz.run", "annviz.presets", "annviz.teach_protection", "annviz.teach", "annviz.outfile",
           "annviz.setupmodel", "annviz.setupfile", "annviz.pytorch_export", "annviz.pytorch_template", "annviz.desktop")),
    Floor("cli common", "what every command shares: exit statuses, CliError, --json, log, model reading",
          ("annviz.cli.common",)),
    Floor("cli commands", "one module per command group, each importing only cli/common below",
          ("annviz.cli.train", "annviz.cli.models", "annviz.cli.teach"), independent=True),
    Floor("gui common", "Qt: what pages share: app state, thread helper, languages, widgets, names",
          ("annviz.gui", "annviz.gui.common", "annviz.gui.state", "annviz.gui.threads", "annviz.gui.i18n",
           "annviz.gui.i18n_tool"), qt=True),
    Floor("pages", "the pages; none imports another (what two share is in gui/common)",
          ("annviz.gui.explorer", "annviz.gui.insight", "annviz.gui.lab", "annviz.gui.mydigits",
           "annviz.gui.training", "annviz.gui.convolution"), independent=True, qt=True),
    Floor("window", "the window and what drives its pages: menus, setups, lessons, classroom",
          ("annviz.gui.main_window", "annviz.gui.window_menus", "annviz.gui.model_line", "annviz.gui.window_models",
           "annviz.gui.foreign_dialog", "annviz.gui.classroom", "annviz.gui.welcome", "annviz.gui.setup",
           "annviz.gui.lessons"), qt=True),
    Floor("app", "builds the window and its areas, runs the event loop", ("annviz.gui.app",), qt=True),
    Floor("entry", "the command line's parser and main: a command, or the window",
          ("annviz.cli", "annviz.__main__"), qt=True),
)


# --- the import graph -----------------------------------------------------------------------

def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_files(root: Path = ROOT, package: str = PACKAGE) -> dict[str, Path]:
    """Module name -> its file, for every module of ``package`` under ``root``."""
    return {module_name(p, root): p for p in sorted((root / package).rglob("*.py"))}


def _imports(path: Path, name: str):
    """Each import statement of ``path`` (module ``name``) as (the module it imports from, the names
    it imports): ``import a.b`` is ("a.b", ()), ``from a import b, c`` is ("a", ("b", "c"))."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from ((alias.name, ()) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from the package this module is in
                package = name.split(".")[: len(name.split(".")) - node.level + is_package]
                base = ".".join(package + ([node.module] if node.module else []))
            else:
                base = node.module
            yield base, tuple(alias.name for alias in node.names)


def imports_of(path: Path, name: str) -> set[str]:
    """Every module an import statement in ``path`` names, with its parents (which run first)."""
    found = set()
    for base, names in _imports(path, name):
        # "from a import b": b may be a module (a.b) or a name in a; both are checked
        for target in (base, *(f"{base}.{n}" for n in names)):
            parts = target.split(".")
            found.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return found


def import_graph(root: Path = ROOT, package: str = PACKAGE) -> dict[str, set[str]]:
    """Module name -> the modules it imports with their parents (for chains that reach Qt)."""
    return {name: imports_of(path, name) for name, path in module_files(root, package).items()}


def direct_graph(root: Path = ROOT, package: str = PACKAGE) -> dict[str, set[str]]:
    """Module name -> the modules of ``package`` its imports name (``from a import b``: a.b if it
    is a module, else a), as import-linter counts them: a package's ``__init__`` runs first, but
    that is no edge of its own."""
    files = module_files(root, package)

    def module(target: str) -> str:   # the module a dotted name is in ("" if none of package's)
        while target and target not in files:
            target = target.rpartition(".")[0]
        return target

    graph = {}
    for name, path in files.items():
        edges = set()
        for base, names in _imports(path, name):
            for target in [f"{base}.{n}" for n in names] or [base]:
                edges.add(target if target in files else module(base))
        edges.discard("")
        edges.discard(name)
        graph[name] = edges
    return graph


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


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import circles: each set of modules that import one another, directly or through the
    others (a strongly connected component of more than one module), sorted."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(start: str) -> None:   # Tarjan's algorithm, iterative (no recursion limit)
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for target in edges:
                if target not in graph:
                    continue
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return sorted(found)


# --- the table applied ----------------------------------------------------------------------

def part_of(module: str, floors=FLOORS, package: str = PACKAGE) -> tuple[int, str] | None:
    """(the floor's index, the part) a module belongs to, or None if the table does not say."""
    best = None
    for i, floor in enumerate(floors):
        for part in floor.parts:
            covers = module == part or (part != package and module.startswith(part + "."))
            if covers and (best is None or len(part) > len(best[1])):
                best = (i, part)
    return best


def unplaced(graph, floors=FLOORS) -> list[str]:
    return sorted(m for m in graph if part_of(m, floors) is None)


def unused_parts(graph, floors=FLOORS) -> list[str]:
    used = {part_of(m, floors)[1] for m in graph if part_of(m, floors) is not None}
    return sorted(p for floor in floors for p in floor.parts if p not in used)


def imports_up(graph, floors=FLOORS) -> list[tuple[str, str]]:
    """Every import of a module on a higher floor than the importer's."""
    found = []
    for module, targets in sorted(graph.items()):
        here = part_of(module, floors)
        for target in sorted(targets):
            there = part_of(target, floors)
            if here is not None and there is not None and there[0] > here[0]:
                found.append((module, target))
    return found


def imports_across(graph, floors=FLOORS) -> list[tuple[str, str]]:
    """Every import between two parts of a floor whose parts are independent."""
    found = []
    for module, targets in sorted(graph.items()):
        here = part_of(module, floors)
        for target in sorted(targets):
            there = part_of(target, floors)
            if here is not None and there is not None and here[0] == there[0] \
                    and floors[here[0]].independent and here[1] != there[1]:
                found.append((module, target))
    return found


def qt_chains(graph_with_parents, floors=FLOORS) -> list[list[str]]:
    """Chains of imports from a module on a floor without Qt to Qt or the GUI, lazy imports and the
    packages an import runs included, through modules on its floor or below (a climb is an
    import up a floor, or a package's ``__init__`` above its modules: ``annviz.cli``'s)."""
    def forbidden(name: str) -> bool:
        return any(name == f or name.startswith(f + ".") for f in (*QT, "annviz.gui"))

    chains = {}
    for first in sorted(graph_with_parents):
        place = part_of(first, floors)
        if place is None or floors[place[0]].qt:
            continue
        seen, stack = {first}, [[first]]
        while stack:
            chain = stack.pop()
            for target in sorted(graph_with_parents.get(chain[-1], ())):
                there = part_of(target, floors)
                if forbidden(target):
                    chains.setdefault((chain[-1], target.split(".")[0]), [*chain, target])
                elif target in graph_with_parents and target not in seen and there is not None \
                        and there[0] <= place[0]:
                    seen.add(target)
                    stack.append([*chain, target])
    return list(chains.values())


def figures(root: Path = ROOT, floors=FLOORS) -> dict[str, int]:
    graph = direct_graph(root)
    return {"modules": len(graph), "floors": len(floors), "imports": sum(map(len, graph.values())),
            "circles": len(circles(graph)), "modules in circles": sum(map(len, circles(graph))),
            "imports up a floor": len(imports_up(graph, floors)),
            "imports between independent parts": len(imports_across(graph, floors)),
            "modules without a floor": len(unplaced(graph, floors))}


# --- the diagram in docs/ARCHITECTURE.md ----------------------------------------------------

def shown(part: str, files: dict[str, Path], root: Path = ROOT) -> str:
    """A part as a path: ``annviz/nn/`` for a package, ``annviz/safeio.py`` for a module."""
    path = files[part].relative_to(root).as_posix()
    if part == PACKAGE:
        return path
    return path.removesuffix("__init__.py") if path.endswith("/__init__.py") else path


def diagram(floors=FLOORS, root: Path = ROOT) -> str:
    """The floors, top first, as the text between BEGIN and END in docs/ARCHITECTURE.md."""
    files = module_files(root)
    lines = ["```"]
    for i, floor in enumerate(reversed(floors)):
        if i:
            lines.append("        │")
        joint = " | " if floor.independent else ", "
        names = [shown(p, files, root) for p in floor.parts]
        rows = [names[0]]
        for name in names[1:]:   # wrapped at 100 characters
            if len(rows[-1]) + len(joint) + len(name) > 100 - 16:
                rows[-1] += joint.rstrip()
                rows.append(name)
            else:
                rows[-1] += joint + name
        lines.append(f"{floor.name:>13}:  {rows[0]}")
        lines += [f"{'':>16}{row}" for row in rows[1:]]
        lines.append(f"{'':>16}— {floor.says}" + ("" if floor.qt else "; no Qt"))
    lines.append("```")
    return "\n".join(lines)


def doc_section(text: str) -> str | None:
    """What stands between the BEGIN and END lines of ``text`` (None without them)."""
    start, end = text.find(BEGIN + "\n"), text.find(END)
    if start < 0 or end < start:
        return None
    return text[start + len(BEGIN) + 1:end].removesuffix("\n")


def write_doc(path: Path = DOC) -> bool:
    """Regenerate the diagram in ``path``; True if it changed."""
    text = path.read_text(encoding="utf-8")
    if doc_section(text) is None:
        raise SystemExit(f"{path}: no {BEGIN!r} … {END!r} lines to write the diagram between")
    start, end = text.find(BEGIN + "\n") + len(BEGIN) + 1, text.find(END)
    new = text[:start] + diagram() + "\n" + text[end:]
    path.write_text(new, encoding="utf-8")
    return new != text


def unnamed_in_doc(text: str, root: Path = ROOT) -> list[str]:
    """The modules of annviz/ that ``text`` does not name. A module is named by the shortest end of
    its path that no other module's path ends with (``trainer.py``, ``explorer/page.py``,
    ``annviz/teach.py``); a package by its folder's, ending in a slash or a backquote
    (``gui/explorer/``, `` `nn/doctor` ``), or its ``__init__.py`` (``cli/__init__.py``)."""
    files = module_files(root)
    paths = {m: p.relative_to(root).as_posix() for m, p in files.items()}
    folders = {m: p.removesuffix("/__init__.py") for m, p in paths.items() if p.endswith("/__init__.py")}
    modules = {m: p for m, p in paths.items() if m not in folders}

    def shortest_unique(path: str, others) -> str:
        parts = path.split("/")
        for i in range(len(parts) - 1, -1, -1):
            end = "/".join(parts[i:])
            if not any(o != path and (o == end or o.endswith("/" + end)) for o in others):
                return end
        return path

    missing = []
    for m, path in modules.items():
        end = shortest_unique(path, modules.values())
        if not re.search(r"(?<![\w.])" + re.escape(end) + r"(?![\w])", text):
            missing.append(m)
    for m, folder in folders.items():
        end = shortest_unique(folder, folders.values())
        if not re.search(r"(?<![\w.])" + re.escape(end) + r"(/(?![\w/])|`|/__init__\.py)", text):
            missing.append(m)
    return sorted(missing)


if __name__ == "__main__":
    if "--write" in sys.argv[1:]:
        print(f"{DOC}: {'regenerated' if write_doc() else 'already up to date'}")
    for key, value in figures().items():
        print(f"{key:>34}: {value}")
