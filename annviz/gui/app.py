"""Start the desktop app: ``main()`` creates the QApplication, the state and the window.

The explorer is the first page. The other areas join after it: the neuron lab, the insight
page and my digits as tabs, live training through its ``install(window, state)`` (docks on the explorer page
and a shutdown hook). An area that fails to build is logged and left out; the app still opens.

Start-up never ends in Qt's abort: with no display, ``main`` says so in one line before Qt is
asked for a screen; any other exception while the window is built stops the threads already
started (the window's shutdown hooks), writes the traceback to the log and prints one line.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication

from annviz.gui import i18n
from annviz.gui.state import AppState

log = logging.getLogger(__name__)


def _install_lab(window, state: AppState) -> None:
    from annviz.gui.lab.page import LabPage

    page = LabPage()
    window.add_page(page, page.title)
    window.add_shutdown_hook(page.shutdown)


def _install_insight(window, state: AppState) -> None:
    from annviz.gui.insight import InsightPage

    page = InsightPage(state)
    window.add_page(page, lambda: QCoreApplication.translate("App", "Insight"))
    window.add_shutdown_hook(page.shutdown)
    page.explorer_wanted.connect(lambda: window.tabs.setCurrentWidget(window.explorer))


def _install_training(window, state: AppState) -> None:
    from annviz.gui.training import install

    install(window, state)


def _install_mydigits(window, state: AppState) -> None:
    from annviz.gui.mydigits import install

    install(window, state)


AREAS = {"training": _install_training, "lab": _install_lab, "insight": _install_insight,
         "mydigits": _install_mydigits}


def install_areas(window, state: AppState, areas=AREAS) -> list[str]:
    """Add the other areas of the GUI to ``window``; returns the names of those that failed."""
    failed = []
    for name, install in areas.items():
        try:
            install(window, state)
        except Exception:  # one broken area must not keep the explorer from opening
            log.exception("the %s area could not be built; the app goes on without it", name)
            failed.append(name)
    return failed


def arrange_default_layout(window) -> None:
    """On a laptop screen a full-width strip of learning curves leaves the pad too small: the
    curves become a tab beside the weights. The user's own layout (restored later) wins."""
    page = window.explorer
    for dock in page.docks():
        if dock.objectName() == "training-curves":
            page.tabifyDockWidget(page.weights_dock, dock)
            page.weights_dock.raise_()
    page.inspector_dock.raise_()   # its first words invite a click on a neuron


def settle_heap() -> None:
    """Keep what the app built at start out of the garbage collector's full passes.

    The window, pyqtgraph and PySide leave ~85,000 container objects that live as long as the
    app. A full collection walks all of them — 25 ms on an idle machine, 57 ms measured while
    training — on whichever thread Python picks, the GUI's included: the longest pauses a pad
    stroke saw. ``gc.freeze()`` moves them to a permanent generation; later collections walk only
    what was made since. (Unreachable cycles among them would stay; there are none after the
    ``collect``, and the app makes its long-lived objects once.)
    """
    gc.collect()
    gc.freeze()


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


def start_logging() -> Path | None:
    """Send warnings and errors, with their tracebacks, to a log file in the app's data folder,
    unless logging is set up already (by a test run, say). Returns the file, if one is used."""
    root = logging.getLogger()
    if root.handlers:
        return None
    path = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation),
                "annviz.log")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=1, encoding="utf-8")
    except OSError:
        return None  # Python's last-resort handler writes to stderr
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path


def main(argv: list[str] | None = None, lang: str | None = None) -> int:
    """Open the window and run the event loop; returns the exit code.

    ``lang`` ("en" or "ko") overrides the language saved in the settings or, failing that, the
    system's.
    """
    from annviz.gui.main_window import MainWindow

    app = QApplication.instance()
    if app is None:
        problem = missing_display()
        if problem is not None:
            print(f"annviz: cannot open the window: {problem}", file=sys.stderr)
            return 1
        app = QApplication(["annviz", *(sys.argv[1:] if argv is None else argv)])
    app.setApplicationName("annviz")
    app.setOrganizationName("annviz")
    log_path = start_logging()
    window = None
    try:
        pg.setConfigOptions(imageAxisOrder="row-major")
        settings = QSettings()
        state = AppState()
        window = MainWindow(state, settings)
        window.set_language(lang or str(settings.value("language") or i18n.system_language()))
        window.load_initial_model()
        install_areas(window, state)
        arrange_default_layout(window)
        window.restore_settings()
        window.show()
    except Exception as error:
        log.exception("the window could not be built")
        if window is not None:
            window.hide()
            window.run_shutdown_hooks()  # threads already started stop before Python tears down
        what = (str(error).strip().splitlines() or [""])[0]  # PySide's TypeErrors run to many lines
        where = f" (details in {log_path})" if log_path is not None else ""
        print(f"annviz: the window could not open: {type(error).__name__}: {what}{where}", file=sys.stderr)
        return 1
    settle_heap()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
