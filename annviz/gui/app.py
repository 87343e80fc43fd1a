"""Start the desktop app: ``main()`` creates the QApplication, the state and the window.

The explorer is the first page. The other areas join after it: the neuron lab and the insight
page as tabs, live training through its ``install(window, state)`` (docks on the explorer page
and a shutdown hook). An area that fails to build is logged and left out; the app still opens.
"""

from __future__ import annotations

import gc
import logging
import sys

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication

from annviz.gui import i18n
from annviz.gui.common.wheel_guard import install_wheel_guard
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


AREAS = {"training": _install_training, "lab": _install_lab, "insight": _install_insight}


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
            # Out of the bottom area first: moved from there straight into a tab, Qt left the
            # bottom area's tab bar painted over the neuron inspector.
            page.removeDockWidget(dock)
            page.tabifyDockWidget(page.weights_dock, dock)
            dock.show()
            page.resizeDocks([page.diagram_dock, page.weights_dock], [3, 4], Qt.Orientation.Vertical)
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


def main(argv: list[str] | None = None, lang: str | None = None) -> int:
    """Open the window and run the event loop; returns the exit code.

    ``lang`` ("en" or "ko") overrides the language saved in the settings or, failing that, the
    system's.
    """
    from annviz.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(["annviz", *(sys.argv[1:] if argv is None else argv)])
    app.setApplicationName("annviz")
    app.setOrganizationName("annviz")
    install_wheel_guard(app)
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
    settle_heap()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
