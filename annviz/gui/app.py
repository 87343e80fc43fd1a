"""Start the desktop app: ``main()`` creates the QApplication, the state and the window.

The explorer is the first page. The other areas join after it (``AREAS``): live training
through its ``install(window, state)`` (a page, two File actions and a shutdown hook), the neuron
lab, the insight page, my digits and the Convolution page as pages, File → Open / Save setup (``annviz.gui.setup``;
``main(setup=FILE)`` opens one once the window shows), and last the lessons, a dock beside the
pages that drives them. An area that fails to build is logged and left out; the app still opens.
The training page (with its whole area), the neuron lab, the insight page, My digits and the
Convolution page are built when first shown or asked for (``common.lazy``): the start builds the
explorer, which shows.
The QApplication itself is ``gui/common/qtapp.start_qt``'s, which the single pages' demos use too.

Start-up never ends in Qt's abort: with no display, ``main`` says so in one line before Qt is
asked for a screen; any other exception while the window is built stops the threads already
started (the window's shutdown hooks), writes the traceback to the log and prints one line.
"""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    QSettings,
    QStandardPaths,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QWidget

from annviz import logs
from annviz.gui import i18n
from annviz.gui.common.lazy import Lazy
from annviz.gui.common.qtapp import start_qt
from annviz.gui.state import AppState

log = logging.getLogger(__name__)


def _install_lab(window, state: AppState) -> None:
    """The neuron lab, built when first shown (or asked for: a setup, a lesson)."""
    def build() -> QWidget:
        from annviz.gui.lab.page import LabPage

        page = LabPage()
        window.add_shutdown_hook(page.shutdown)
        return page

    window.add_page(Lazy(build, holds="lab-"), lambda: QCoreApplication.translate("App", "Neuron lab"))


def _install_insight(window, state: AppState) -> None:
    """The insight page, built when first shown (or asked for)."""
    def build() -> QWidget:
        from annviz.gui.insight import InsightPage

        page = InsightPage(state)
        window.add_shutdown_hook(page.shutdown)
        page.explorer_wanted.connect(window.show_explorer)    # a bound method: no lambda keeps the window
        return page

    window.add_page(Lazy(build, holds="insight-"), lambda: QCoreApplication.translate("App", "Insight"))


def _install_training(window, state: AppState) -> None:
    from annviz.gui.training import install

    install(window, state)


def _install_mydigits(window, state: AppState) -> None:
    from annviz.gui.mydigits import install

    install(window, state)


def _install_convolution(window, state: AppState) -> None:
    from annviz.gui.convolution import install

    install(window)


def _install_setup(window, state: AppState) -> None:
    from annviz.gui.setup import install

    install(window, state)


def _install_lessons(window, state: AppState) -> None:
    from annviz.gui.lessons import install

    install(window, state)


AREAS = {"training": _install_training, "lab": _install_lab, "insight": _install_insight,
         "mydigits": _install_mydigits, "convolution": _install_convolution, "setup": _install_setup,
         "lessons": _install_lessons}   # lessons last: they drive the rest


def install_areas(window, state: AppState, areas=AREAS) -> list[str]:
    """Add the other areas of the GUI to ``window``; returns the names of those that failed."""
    failed = []
    for name, install in areas.items():
        try:
            install(window, state)
        except Exception:  # one broken area must not keep the explorer from opening
            log.exception("the %s area could not be built; the app goes on without it", name)
            failed.append(name)
    link_areas(window)
    return failed


class DigitsLink(QObject):
    """The learner's own digits ("My digits") as strips of the training page's "When did it learn
    my 3?". Both pages are built when first wanted (``common.lazy``): they are linked once both
    are, and the strips, when first shown, build My digits (its digits are what they show)."""

    def __init__(self, window):
        super().__init__(window)
        self._window = window
        self._watched = self._linked = False

    def area_built(self, _widget: QWidget | None = None) -> None:
        training, mydigits = self._window.built_training(), self._window.built_mydigits()
        if training is not None and not self._watched:
            self._watched = True
            training.answers.first_shown.connect(self._strips_shown)
        if training is None or mydigits is None or self._linked:
            return
        self._linked = True
        mydigits.digits_changed.connect(self._send)
        self._send()

    def _strips_shown(self) -> None:
        if self._window.mydigits is not None:       # built now if it was not (then linked)
            self.area_built()

    def _send(self) -> None:
        training, mydigits = self._window.built_training(), self._window.built_mydigits()
        training.answers.set_my_digits(*mydigits.own_digits())


def link_areas(window) -> DigitsLink:
    """What one area shows of another's (``DigitsLink``), whenever the areas are built."""
    link = DigitsLink(window)
    for place in window.findChildren(Lazy):
        place.built.connect(link.area_built)
    link.area_built()
    return link


def open_setup_when_shown(window, path: str) -> None:
    """Open the setup file ``path`` once the event loop runs (its messages need it)."""
    area = window.setup
    if area is None:
        log.error("the setup %s was not opened: the setup area could not be built", path)
        return
    QTimer.singleShot(0, lambda: area.open_setup(path))


def arrange_default_layout(window) -> None:
    """The explorer's inspector in front: its first words invite a click on a neuron. The user's
    own layout (restored later) wins."""
    window.explorer.show_inspector()


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


# Qt's message types as logging levels (a fatal message aborts the process after the handler)
_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


def qt_message_handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own messages (qWarning …, from any thread) as records of the logger ``qt.<category>``."""
    category = context.category if context is not None and context.category else "default"
    name = "qt" if category == "default" else f"qt.{category}"
    logging.getLogger(name).log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def log_path() -> Path:
    """``annviz.log`` in the app's data folder (``~/.local/share/annviz/annviz/`` on Linux)."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation),
                "annviz.log")


def start_logging(verbose: bool = False) -> Path | None:
    """Warnings and errors, with their tracebacks, to the log file (see annviz.logs), and Qt's
    messages into the same log — unless logging is set up already (by a test run, say). Returns
    the file, if one is used."""
    if not logs.configure(verbose=verbose, log_file=log_path(), stderr=False):
        return None
    qInstallMessageHandler(qt_message_handler)
    return logs.log_file()


def main(argv: list[str] | None = None, lang: str | None = None, verbose: bool = False,
         lesson: str | None = None, setup: str | None = None) -> int:
    """Open the window and run the event loop; returns the exit code.

    ``lang`` ("en" or "ko") overrides the language saved in the settings or, failing that, the
    system's. ``verbose``: debug messages in the log file and on stderr. ``lesson``: a lesson's
    name (or a lesson file) to open at its first step. ``setup``: a setup file (``.annviz``) to
    open once the window shows (a bad one: a message, the window as it was).
    """
    from annviz.gui.main_window import MainWindow

    app = start_qt(argv)
    if app is None:
        return 1
    log_file = start_logging(verbose)
    window = None
    try:
        settings = QSettings()
        state = AppState()
        window = MainWindow(state, settings)
        window.set_language(lang or str(settings.value("language") or i18n.system_language()))
        window.load_initial_model()
        install_areas(window, state)
        arrange_default_layout(window)
        window.restore_settings()
        window.fit_to_screen()               # a school laptop's 1366×768, a geometry from a projector
        if window.lessons is not None:
            window.lessons.start(lesson)
        window.show()
        window.fit_to_screen()               # again: the window's frame is known once it shows
        QTimer.singleShot(0, window.fit_to_screen)   # and once the window manager has framed it
        if setup is not None:
            open_setup_when_shown(window, setup)
        if setup is None and lesson is None:  # the welcome never covers what the teacher opened
            window.show_welcome_if_first_start()
    except Exception as error:
        log.exception("the window could not be built")
        if window is not None:
            window.hide()
            window.run_shutdown_hooks()  # threads already started stop before Python tears down
        what = (str(error).strip().splitlines() or [""])[0]  # PySide's TypeErrors run to many lines
        where = f" (details in {log_file})" if log_file is not None else ""
        print(f"annviz: the window could not open: {type(error).__name__}: {what}{where}", file=sys.stderr)
        return 1
    QTimer.singleShot(0, settle_heap)     # once the window shows: its first paint does not wait
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
