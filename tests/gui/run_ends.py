"""Many training run ends in a row, every kind, in the whole app with its views live.

The freeze this guards against came at the end of a run: the worker object was destroyed in its
own thread while the GUI thread was inside a Qt call (threads.py). So the stress is on run ends:
a normal finish, Stop, divergence, Discard, loading another model, closing the window — each with
the explorer's weight pictures, the inspector and the curves updating, as in the app.

A watchdog (``faulthandler.dump_traceback_later(WATCHDOG_S, exit=True)``) is armed around each
run end: anything that blocks for that long ends the process with every thread's stack.
Used by tests/gui/test_run_ends.py (a few dozen) and tests/benchmarks/bench_run_ends.py (200).
"""

from __future__ import annotations

import faulthandler
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from annviz.gui.app import install_areas
from annviz.gui.common.lazy import Lazy
from annviz.gui.main_window import MainWindow
from annviz.gui.state import AppState
from annviz.gui.threads import unfinished_threads
from annviz.nn.config import TrainConfig

WATCHDOG_S = 10

KINDS = ("finish", "stop", "diverge", "discard", "load-model", "close")

QUICK = TrainConfig(hidden=(16,), activation="relu", optimizer="adam", lr=0.01, batch_size=32,
                    epochs=1, n_train=1500)
LONG = QUICK.replace(n_train=10_000, batch_size=1, epochs=10)   # never ends by itself here
DIVERGING = TrainConfig(hidden=(16, 16), activation="sigmoid", loss="mse", optimizer="sgd",
                        lr=1000.0, batch_size=32, epochs=3, n_train=2000)


def wait_until(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout_s} s waiting for {what}")
        _pump(10)


def _pump(ms: int) -> None:
    """Let the GUI run for ``ms`` as the app's event loop does: QTest.qWait holds the interpreter
    lock while it waits (PySide6 6.11), so a worker thread crawls."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def settle_screen(window, seconds: float = 60, pause_ms: int = 100) -> None:
    """What the screen started answers first: the insight page's evaluation (when it is in
    front) and its data (when The data is), a training run's end; then a short pause for the views."""
    insight = next((page for page in map(window.tabs.built_page, range(window.tabs.count()))
                    if page is not None and page.objectName() == "insight-page"), None)
    if insight is not None and window.tabs.currentWidget() is insight:
        wait_until(lambda: insight.results is not None, seconds, "the evaluation of the test set")
        if insight.tabs.currentWidget() is insight.data:
            wait_until(lambda: insight.data.shown, seconds, "the dataset on The data")
    wait_until(lambda: window.training.controller.phase not in ("running", "paused"), seconds, "a run's end")
    QTest.qWait(pause_ms)


def open_window(settings_path: Path) -> MainWindow:
    """The app's window as ``annviz.gui.app.main`` builds it, with the live views showing."""
    QApplication.instance() or QApplication([])
    pg.setConfigOptions(imageAxisOrder="row-major")
    state = AppState()
    window = MainWindow(state, QSettings(str(settings_path), QSettings.Format.IniFormat))
    window.load_initial_model()
    assert not install_areas(window, state)
    # Never a modal question: an unsaved network is discarded (the training area is built when first
    # shown or asked for: its panel is told then).
    window.findChild(Lazy, "training-lazy").built.connect(_never_ask)
    window.resize(1280, 800)
    window.show()
    window.explorer.weights_dock.raise_()
    return window


def _never_ask(page) -> None:
    page.panel.ask_to_keep = lambda: QMessageBox.StandardButton.Discard


class RunEnds:
    """Drives run ends of every kind through one window (a new one after each "close")."""

    def __init__(self, settings_path: Path):
        self.settings_path = settings_path
        self.window = open_window(settings_path)
        self.durations: dict[str, list[float]] = {kind: [] for kind in KINDS}

    @property
    def controller(self):
        return self.window.training.controller

    def run(self, kind: str) -> None:
        """One run end of ``kind``, under the watchdog; checks that nothing was left behind."""
        started = time.perf_counter()
        faulthandler.dump_traceback_later(WATCHDOG_S, exit=True, file=sys.__stderr__)
        try:
            getattr(self, "_" + kind.replace("-", "_"))()
            assert not self.controller.is_running(), kind
            assert unfinished_threads() == [], (kind, unfinished_threads())
        finally:
            faulthandler.cancel_dump_traceback_later()
        self.durations[kind].append(time.perf_counter() - started)

    def close(self) -> None:
        if self.window is not None:          # None: a new window failed to open
            self.window.close()
        QTest.qWait(1)

    # --- the kinds -------------------------------------------------------------------------------

    def _start(self, config: TrainConfig) -> None:
        panel = self.window.training.panel
        panel.settings.set_config(config)
        assert panel.start()
        self.window.state.select_neuron(1, 3)        # the inspector follows the weights too

    def _start_long(self) -> None:
        self._start(LONG)
        controls = self.window.training.panel.controls
        wait_until(lambda: controls.progress is not None and controls.progress.step > 0, 5,
                   "the first progress")

    def _finish(self) -> None:
        self._start(QUICK)
        wait_until(lambda: self.controller.phase == "done", WATCHDOG_S, "the run to finish")
        assert self.controller.trainer.history.status == "finished"
        self.controller.use()

    def _stop(self) -> None:
        self._start_long()
        self.controller.stop()
        wait_until(lambda: self.controller.phase == "done", 2, "the stopped run to end")
        assert self.controller.trainer.history.status == "stopped"
        self.controller.discard()

    def _diverge(self) -> None:
        self._start(DIVERGING)
        box = self.window.training.panel.divergence_box
        wait_until(box.isVisible, WATCHDOG_S, "the divergence message")
        assert self.controller.trainer.history.status == "diverged"
        box.keep_button.click()            # perhaps before the thread has quite ended
        wait_until(lambda: not self.controller.is_running(), 2, "the thread to end")
        assert self.controller.phase == "idle" and not box.isVisible()

    def _discard(self) -> None:
        before = self.window.state.network       # what Discard must bring back
        self._start_long()
        self.controller.discard()
        assert self.window.state.network is before and self.controller.phase == "idle"

    def _load_model(self) -> None:
        self._start_long()
        assert self.window.open_bundled("mnist-classic", quiet=True)
        assert self.controller.phase == "done"

    def _close(self) -> None:
        self._start_long()
        window, self.window = self.window, None
        window.close()
        assert not window.isVisible()
        window.deleteLater()
        # Deleted through Qt while its Python half is whole (tests/conftest.py says why), and let
        # go of before the collection its close asked for: the app keeps no closed window.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        del window
        QTest.qWait(1)
        self.window = open_window(self.settings_path)
