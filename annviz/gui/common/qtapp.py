"""The QApplication every window of annviz runs in: the app's (``gui/app.py``) and the single
pages' of ``python -m annviz.gui.<page>`` (their ``__main__.py`` start here, not through the app,
so that no page imports the floor above it). Without a display, one line instead of Qt's abort.
"""

from __future__ import annotations

import logging
import os
import sys

import pyqtgraph as pg
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from annviz.gui import i18n
from annviz.gui.common import collector, malloc
from annviz.gui.common.wheel_guard import install_wheel_guard
from annviz.paths import resources_dir

log = logging.getLogger(__name__)


# The platform plugins that need a display server, and the variable that names it. Qt picks
# xcb (X11) or wayland when QT_QPA_PLATFORM names no plugin.
_DISPLAY_OF = {"xcb": "DISPLAY", "wayland": "WAYLAND_DISPLAY", "wayland-egl": "WAYLAND_DISPLAY"}


def missing_display(environ=os.environ, platform: str = sys.platform) -> str | None:
    """Why Qt would find no screen for the window, or None if it should find one.

    Only X11 and Wayland are found through the environment (``DISPLAY``, ``WAYLAND_DISPLAY``);
    ``QT_QPA_PLATFORM`` may name others (offscreen, minimal, vnc, eglfs …), which need neither.
    Without a display, creating the QApplication makes Qt abort the process (status 134).
    """
    if platform in ("win32", "darwin", "cygwin"):
        return None
    names = [p.split(":")[0].strip() for p in environ.get("QT_QPA_PLATFORM", "").split(";") if p.strip()]
    names = names or ["xcb", "wayland"]
    if any(name not in _DISPLAY_OF or environ.get(_DISPLAY_OF[name]) for name in names):
        return None
    unset = sorted({_DISPLAY_OF[name] for name in names})
    which = f"{unset[0]} is not set" if len(unset) == 1 else f"neither {' nor '.join(unset)} is set"
    return (f"no display ({which}). "
            "The command line needs none: annviz train --help, annviz evaluate --help, "
            "annviz predict --help; or set QT_QPA_PLATFORM=offscreen to run the window off-screen.")


def app_icon() -> QIcon:
    """annviz's icon (resources/icons, drawn by resources/icons/make_icons.py) in every size it comes in."""
    icon = QIcon()
    for png in sorted(resources_dir().joinpath("icons").glob("annviz-*.png")):
        icon.addFile(str(png))
    return icon


def set_app_icon(app: QApplication) -> None:
    """The icon of every window and of the taskbar entry. On Windows the taskbar groups windows by
    an application id, without which it shows Python's icon; on Wayland the desktop file's name
    ties the window to annviz.desktop (``annviz install-desktop``)."""
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("annviz")
    if sys.platform == "win32":
        import ctypes

        try:
            ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID("annviz.annviz")
        except (AttributeError, OSError):  # an old Windows: the taskbar shows Python's icon
            log.info("no application id for the taskbar", exc_info=True)


def start_qt(argv: list[str] | None = None, lang: str | None = None) -> QApplication | None:
    """The QApplication every window of annviz runs in — the app's, and the single pages' of
    ``python -m annviz.gui.<page>``: its names (the settings' place), icon, pyqtgraph's image
    order, the wheel guard, the GUI thread's garbage collector, two malloc arenas, and ``lang`` if
    given. None,
    with one line on stderr, when there is no display to open a window on."""
    app = QApplication.instance()
    if app is None:
        problem = missing_display()
        if problem is not None:
            print(f"annviz: cannot open the window: {problem}", file=sys.stderr)
            return None
        app = QApplication(["annviz", *(sys.argv[1:] if argv is None else argv)])
    collector.install(app)            # cycles are freed in this thread, never in a worker
    malloc.limit_arenas()             # what a worker frees, the GUI thread can use (malloc.py)
    malloc.map_large_blocks()         # ... and a freed data set goes back to the system
    app.setApplicationName("annviz")
    app.setOrganizationName("annviz")
    set_app_icon(app)
    pg.setConfigOptions(imageAxisOrder="row-major")
    install_wheel_guard(app)
    if lang is not None:
        i18n.set_language(lang)
    return app
