"""A Linux desktop entry: ``annviz install-desktop`` puts annviz in the applications menu.

It writes ``$XDG_DATA_HOME/applications/annviz.desktop`` (``~/.local/share`` by default) from
``resources/annviz.desktop``, with ``Exec`` naming this installation's ``annviz-gui`` (a venv's
``bin`` is rarely on the menu's ``PATH``), and the icon in the freedesktop theme layout:
``icons/hicolor/<n>x<n>/apps/annviz.png`` and ``icons/hicolor/scalable/apps/annviz.svg``.
``--remove`` deletes exactly those files. Nothing outside the user's data folder is touched.
Windows and macOS need none of this: ``annviz-gui`` (a ``gui-scripts`` entry) starts the window
without a terminal. Standard library only.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from annviz.paths import resources_dir

APP_ID = "annviz"


class DesktopError(Exception):
    """The desktop entry cannot be installed here; the message says why."""


def data_home(environ=os.environ) -> Path:
    """$XDG_DATA_HOME if it is an absolute path (the specification ignores others), else ~/.local/share."""
    value = environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def exec_line() -> str:
    """The command the menu runs: this installation's annviz-gui, else its Python with -m annviz."""
    script = Path(sys.executable).with_name("annviz-gui")
    words = [str(script)] if script.is_file() else [sys.executable, "-m", "annviz"]
    return " ".join(_quoted(w) for w in words)


def _quoted(word: str) -> str:
    """A word of an Exec line as the Desktop Entry Specification wants it: quoted if it holds
    more than letters, digits and /._+-, with \\ " ` $ escaped inside the quotes; then every
    backslash doubled (the string escape, applied before quoting) and % written %%."""
    if not re.fullmatch(r"[\w/.+-]+", word):
        word = '"' + re.sub(r'([\\"`$])', r"\\\1", word) + '"'
    return word.replace("\\", "\\\\").replace("%", "%%")


def targets(home: Path) -> dict[Path, Path]:
    """Where each file goes: destination -> source."""
    icons = resources_dir() / "icons"
    files = {home / "applications" / f"{APP_ID}.desktop": resources_dir() / f"{APP_ID}.desktop",
             home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg": icons / f"{APP_ID}.svg"}
    for png in sorted(icons.glob(f"{APP_ID}-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        files[home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = png
    return files


def install(home: Path | None = None) -> list[Path]:
    """Write the desktop entry and the icons; returns the files written."""
    if not sys.platform.startswith("linux"):
        raise DesktopError("install-desktop is for Linux desktops; on Windows and macOS, start the "
                           "window with annviz-gui")
    home = home or data_home()
    written = []
    for target, source in targets(home).items():
        data = source.read_bytes()
        if target.suffix == ".desktop":
            text = re.sub(r"(?m)^Exec=.*$", lambda _: f"Exec={exec_line()}", data.decode("utf-8"))
            data = text.encode("utf-8")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        except OSError as error:
            raise DesktopError(f"{target}: cannot be written ({error.strerror or error})") from None
        written.append(target)
    return written


def remove(home: Path | None = None) -> list[Path]:
    """Delete what ``install`` wrote; returns the files that were there."""
    removed = []
    for target in targets(home or data_home()):
        if target.is_file():
            target.unlink()
            removed.append(target)
    return removed
