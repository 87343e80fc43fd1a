"""The floors of annviz are contracts the test run checks, from one table (``tests/floors.py``).

- Every module of ``annviz/`` is on a floor of the table, and every part the table names exists.
- No import circle: no two modules import each other, directly or through others.
- No import up a floor; the independent parts of a floor (the GUI's pages, the CLI's command
  groups) never import one another.
- The floors below the GUI never reach PySide6, shiboken6, pyqtgraph or ``annviz.gui`` — not
  directly, not inside a function, not through another annviz module (``tests/nn/test_layering.py``
  checks the same at run time). ``annviz.nn`` is below ``annviz.data``: it never imports it —
  whoever trains with augmentation passes the function in (``Trainer(augment_fn=...)``).
- ``docs/ARCHITECTURE.md`` names every module, and its floor diagram is the table's.

A failure names the imports to remove, or says how to regenerate the diagram.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from floors import (
    DOC,
    FLOORS,
    Floor,
    circles,
    diagram,
    direct_graph,
    doc_section,
    figures,
    import_graph,
    imports_across,
    imports_up,
    qt_chains,
    reaches,
    unnamed_in_doc,
    unplaced,
    unused_parts,
)


@functools.cache
def graph():
    return direct_graph()


def listed(pairs) -> str:
    return "\n".join(" -> ".join(p) for p in pairs)


def test_every_module_has_a_floor_and_every_part_exists():
    assert not unplaced(graph()), "modules on no floor (add them to FLOORS in tests/floors.py):\n" + \
        "\n".join(unplaced(graph()))
    assert not unused_parts(graph()), f"parts of FLOORS that name no module: {unused_parts(graph())}"


def test_no_import_circle():
    assert not circles(graph()), "modules that import one another:\n" + listed(circles(graph()))


def test_no_import_up_a_floor():
    assert not imports_up(graph()), "imports up a floor:\n" + listed(imports_up(graph()))


def test_independent_parts_never_import_one_another():
    """No page imports another page (what two share lives in gui/common), no command group another."""
    assert not imports_across(graph()), "imports between independent parts:\n" + listed(imports_across(graph()))


def test_the_floors_below_the_gui_never_reach_qt():
    chains = qt_chains(import_graph())
    assert not chains, "Qt reached from a floor without it:\n" + listed(chains[:10])


def test_every_module_is_named_in_architecture_md():
    missing = unnamed_in_doc(DOC.read_text(encoding="utf-8"))
    assert not missing, ("modules docs/ARCHITECTURE.md does not name (by the shortest end of the path "
                         "that is theirs alone, e.g. explorer/page.py):\n" + "\n".join(missing))


def test_every_module_over_400_lines_is_named_in_architecture_md_with_its_reason():
    doc = DOC.read_text(encoding="utf-8")
    section = doc.split("## Files over 400 lines", 1)[1].split("\n## ", 1)[0]
    package = Path(__file__).resolve().parents[1] / "annviz"
    long = {path.relative_to(package).as_posix(): n for path in package.rglob("*.py")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400}
    unnamed = sorted(f"{name} ({n} lines)" for name, n in long.items() if f"`{name}`" not in section)
    assert not unnamed, f"over 400 lines, with no line in ARCHITECTURE.md's 'Files over 400 lines': {unnamed}"


def test_the_floor_diagram_in_architecture_md_is_the_tables():
    assert doc_section(DOC.read_text(encoding="utf-8")) == diagram(), \
        "docs/ARCHITECTURE.md's floor diagram is not FLOORS': regenerate it with `python tests/floors.py --write`"


# --- the checker finds what it must (planted violations in a package of its own) -----------------

def plant(root, files: dict[str, str]):
    for name, text in {"annviz/__init__.py": "", **files}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


TOY = (Floor("low", "", ("annviz", "annviz.core")),
       Floor("pages", "", ("annviz.gui.one", "annviz.gui.two"), independent=True, qt=True),
       Floor("top", "", ("annviz.gui",), qt=True))


def test_the_checker_finds_a_lazy_import_two_modules_away(tmp_path):
    """core/a.py imports core/b.py, whose function imports the GUI."""
    plant(tmp_path, {"annviz/core/__init__.py": "", "annviz/gui/__init__.py": "",
                     "annviz/core/a.py": "from . import b\n",
                     "annviz/core/b.py": "def f():\n    from ..gui.window import Window\n    return Window\n",
                     "annviz/gui/window.py": "import PySide6.QtWidgets\n"})
    graph = import_graph(tmp_path)
    assert reaches(graph, "annviz.core", ("annviz.gui",)) == [["annviz.core.a", "annviz.core.b", "annviz.gui"]]
    assert reaches(graph, "annviz.core", ("PySide6",))  # through the GUI module it imports
    assert not reaches(graph, "annviz.gui.window", ("annviz.core",))
    assert qt_chains(graph, TOY) == [["annviz.core.a", "annviz.core.b", "annviz.gui"]]
    assert imports_up(direct_graph(tmp_path), TOY) == [("annviz.core.b", "annviz.gui.window")]


def test_the_checker_finds_circles_imports_across_and_modules_without_a_floor(tmp_path):
    plant(tmp_path, {"annviz/core/__init__.py": "", "annviz/gui/__init__.py": "",
                     "annviz/core/a.py": "import annviz.core.b\n",
                     "annviz/core/b.py": "def f():\n    from annviz.core.c import x\n",
                     "annviz/core/c.py": "from annviz.core import a\nx = 1\n",
                     "annviz/core/d.py": "from annviz.core import b, c  # no circle: nothing imports d\n",
                     "annviz/gui/one/__init__.py": "", "annviz/gui/one/v.py": "from annviz.gui.two.w import W\n",
                     "annviz/gui/two/__init__.py": "", "annviz/gui/two/w.py": "W = 1\n",
                     "annviz/gui/app.py": "from annviz.gui.one import v\n",
                     "annviz/stray.py": "import json\n"})
    graph = direct_graph(tmp_path)
    assert circles(graph) == [["annviz.core.a", "annviz.core.b", "annviz.core.c"]]
    assert imports_across(graph, TOY) == [("annviz.gui.one.v", "annviz.gui.two.w")]
    assert not imports_up(graph, TOY)                           # the app on top imports a page: fine
    assert unplaced(graph, TOY) == ["annviz.stray"]              # the root part covers no module below it
    assert unused_parts(graph, TOY) == []
    assert figures(tmp_path, TOY)["circles"] == 1


def test_a_module_is_named_only_by_the_end_of_its_path_that_is_its_own(tmp_path):
    plant(tmp_path, {"annviz/teach.py": "", "annviz/cli/__init__.py": "", "annviz/cli/teach.py": "",
                     "annviz/gui/__init__.py": "", "annviz/gui/explorer/__init__.py": "",
                     "annviz/gui/explorer/page.py": "", "annviz/gui/lab/__init__.py": "",
                     "annviz/gui/lab/page.py": "", "annviz/nn/__init__.py": "", "annviz/nn/trainer.py": ""})
    every = ("`annviz/__init__.py` `annviz/teach.py` `cli/teach.py` `annviz/cli/` `gui/` `explorer/page.py` "
             "`lab/page.py` `gui/explorer/` `lab/` `nn/` `trainer.py`")
    assert unnamed_in_doc(every, tmp_path) == []
    assert unnamed_in_doc(every.replace("`annviz/teach.py`", "`teach.py`"), tmp_path) == ["annviz.teach"]
    assert unnamed_in_doc(every.replace("`lab/page.py`", "`page.py`"), tmp_path) == ["annviz.gui.lab.page"]
    assert unnamed_in_doc(every.replace("`trainer.py`", "`trainer.pyc`"), tmp_path) == ["annviz.nn.trainer"]
    assert unnamed_in_doc(every.replace("`nn/`", "`cnn/`"), tmp_path) == ["annviz.nn"]
    assert unnamed_in_doc(every.replace("`lab/`", "lab/page.py only"), tmp_path) == ["annviz.gui.lab"]


@pytest.mark.parametrize("floor", FLOORS, ids=lambda f: f.name)
def test_every_floor_says_what_it_holds(floor):
    assert floor.parts and floor.says and len(floor.says) <= 100
