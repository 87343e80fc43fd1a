"""Refresh the Korean translation files: ``python -m annviz.gui.i18n_tool [--check]``.

One ``.ts`` per area of the GUI in ``resources/i18n/``: ``<area>_ko.ts`` holds the strings of
``annviz/gui/<area>/`` (the explorer's also those of ``annviz/gui/*.py`` and ``gui/common``, and
the file errors' sentences of ``annviz/messages.py``; the training area's also the doctor's texts,
``annviz/nn/doctor/texts.py``, context "Doctor").
The command runs ``pyside6-lupdate`` on each area — new strings appear as unfinished, strings
gone from the code are dropped — and ``pyside6-lrelease`` to make the ``.qm`` files the app loads.
Translate the unfinished entries with Qt Linguist (``pyside6-linguist``) or any text editor, then
run the command again. ``--check`` only lists what is unfinished and exits 1 if anything is.

``qt_ko.ts`` is not scanned: it holds, written by hand, the few texts of Qt's own dialogs that the
``qtbase_ko.qm`` PySide6 ships lacks (Qt 6 renamed them, e.g. the file dialog's "&Look in:");
the command only compiles it. resources/i18n/README.md says the same for translators.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from annviz.gui.i18n import i18n_dir

GUI = Path(__file__).resolve().parent
SHARED_WITH_EXPLORER = ("common",)
# Texts of the core the window translates: the readers' messages (QT_TRANSLATE_NOOP marks them)
OUTSIDE_GUI = (GUI.parent / "messages.py",)
# ... and the doctor's texts (nn/doctor/texts.py), shown on the training page
OUTSIDE_GUI_BY_AREA = {"training": (GUI.parent / "nn" / "doctor" / "texts.py",)}


def tool(name: str) -> str:
    import PySide6

    return shutil.which(f"pyside6-{name}") or str(Path(PySide6.__file__).parent / name)


def areas() -> dict[str, list[Path]]:
    """Area name → the Python files whose strings its .ts holds."""
    found = {"explorer": [*sorted(GUI.glob("*.py")), *OUTSIDE_GUI]}
    for folder in sorted(p for p in GUI.iterdir() if p.is_dir() and not p.name.startswith("_")):
        files = sorted(folder.rglob("*.py"))
        if not files:
            continue
        key = "explorer" if folder.name in SHARED_WITH_EXPLORER else folder.name
        found.setdefault(key, []).extend(files)
    for key, files in OUTSIDE_GUI_BY_AREA.items():
        found.setdefault(key, []).extend(files)
    return found


def unfinished(ts: Path) -> list[str]:
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            t = message.find("translation")
            if t is None or t.get("type") == "unfinished" or not (t.text or "").strip():
                out.append(f"{context.findtext('name')}: {message.findtext('source')}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m annviz.gui.i18n_tool", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only list unfinished translations")
    args = parser.parse_args(argv)
    missing = []
    scanned = areas()
    for area, files in scanned.items():
        ts = i18n_dir() / f"{area}_ko.ts"
        if not args.check:
            subprocess.run([tool("lupdate"), "-no-obsolete", *map(str, files), "-ts", str(ts)],
                           check=True, capture_output=True)
    for ts in sorted(i18n_dir().glob("*_ko.ts")):            # the areas', and qt_ko.ts
        if not args.check:
            subprocess.run([tool("lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                           check=True, capture_output=True)
        missing += [f"{ts.name}: {m}" for m in unfinished(ts)]
    for line in missing:
        print(line)
    print(f"{len(missing)} unfinished translation(s)", file=sys.stderr)
    return 1 if missing and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
