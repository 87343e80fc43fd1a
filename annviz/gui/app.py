"""Start the desktop app: ``main()`` creates the QApplication, the state and the window.

Other areas of the GUI plug in through an optional ``install(window, state)`` function in their
package (``annviz.gui.lab``, ``annviz.gui.training``, ``annviz.gui.insight``), called after the
explorer is built; a package that is missing or has no ``install`` is skipped.
"""

from __future__ import annotations

import importlib
import logging
import sys

import pyqtgraph as pg
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from annviz.gui import i18n
from annviz.gui.state import AppState

log = logging.getLogger(__name__)

EXTENSIONS = ("annviz.gui.lab", "annviz.gui.training", "annviz.gui.insight")


def install_extensions(window, state: AppState) -> None:
    for name in EXTENSIONS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        install = getattr(module, "install", None)
        if install is not None:
            try:
                install(window, state)
            except Exception:
                log.exception("%s.install failed; the app goes on without it", name)


def main(argv: list[str] | None = None) -> int:
    """Open the window and run the event loop; returns the exit code."""
    from annviz.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(list(sys.argv if argv is None else ["annviz", *argv]))
    app.setApplicationName("annviz")
    app.setOrganizationName("annviz")
    pg.setConfigOptions(imageAxisOrder="row-major")
    settings = QSettings()
    state = AppState()
    window = MainWindow(state, settings)
    window.set_language(str(settings.value("language") or i18n.system_language()))
    window.load_initial_model()
    install_extensions(window, state)
    window.restore_settings()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
