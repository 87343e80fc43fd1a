"""What drives the pages — the window, setups, lessons, the classroom, the installers — goes
through each page's declared methods, never through a chain of attributes into its parts.

``window.explorer.show_test_digit(3)`` is a page's public method; ``window.explorer.pad_panel.
picker.show_index(3)`` walks into the explorer's parts, which the explorer may rebuild at will.
The rule read from the source: no expression ``window.<page or area>.<part>.<…>`` (three names
after ``window``), written with ``window``, ``self.window`` or a lesson driver's ``d.window``.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "annviz" / "gui"
DRIVERS = [ROOT / "setup.py", ROOT / "classroom.py", ROOT / "app.py", ROOT / "main_window.py",
           ROOT / "window_menus.py", ROOT / "window_models.py", *sorted((ROOT / "lessons").glob("*.py")),
           *sorted(ROOT.glob("*/__init__.py"))]


def chains_into_pages(source: str) -> list[str]:
    """Each ``window.A.B.C…`` attribute chain of ``source`` (A a page or area, B one of its parts)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Attribute):
            continue
        names, inner = [], node
        while isinstance(inner, ast.Attribute):
            names.append(inner.attr)
            inner = inner.value
        names.reverse()
        if "window" in names[:-1]:              # self.window.x.y.z or d.window.x.y.z
            after = names[names.index("window") + 1:]
        elif isinstance(inner, ast.Name) and inner.id == "window":
            after = names
        else:
            continue
        if len(after) >= 3:
            found.append("window." + ".".join(after))
    return found


AREAS = {"training", "lessons", "setup", "mydigits", "explorer", "insight", "lab", "convolution"}


def window_lookups(source: str) -> list[str]:
    """Each ``getattr``/``hasattr`` of a page or area on a window (``window``, ``self.window``,
    ``d.window``): the window declares them (None when one failed to build), so a lookup by name
    means an area that hangs itself on the window. (A Qt capability, e.g. ``resizeDocks``, is not
    an area.)"""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("getattr", "hasattr")
                and len(node.args) >= 2 and ast.unparse(node.args[0]).split(".")[-1] == "window"
                and isinstance(node.args[1], ast.Constant) and node.args[1].value in AREAS):
            found.append(ast.unparse(node))
    return found


def test_no_driver_looks_up_an_area_of_the_window_by_name():
    assert window_lookups('mine = getattr(window, "mydigits", None)') == ["getattr(window, 'mydigits', None)"]
    assert window_lookups("hasattr(self.window, 'lessons')")
    assert window_lookups("window.mydigits") == [] and window_lookups("hasattr(window, 'resizeDocks')") == []
    found = {path.relative_to(ROOT.parent).as_posix(): calls
             for path in DRIVERS if (calls := window_lookups(path.read_text(encoding="utf-8")))}
    assert found == {}


def test_the_rule_finds_a_chain_and_lets_a_method_call_pass():
    assert chains_into_pages("window.explorer.pad_panel.picker.show_index(3)") \
        == ["window.explorer.pad_panel.picker.show_index", "window.explorer.pad_panel.picker"]
    assert chains_into_pages("d.window.training.panel.settings.config()")
    assert chains_into_pages("self.window.explorer.diagram.contribution_action")
    assert chains_into_pages("window.explorer.show_test_digit(3)") == []
    assert chains_into_pages("self.window.tabs.setCurrentWidget(page)") == []


def test_no_driver_walks_into_a_pages_parts():
    found = {path.relative_to(ROOT.parent).as_posix(): chains
             for path in DRIVERS if (chains := chains_into_pages(path.read_text(encoding="utf-8")))}
    assert found == {}
