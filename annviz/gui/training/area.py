"""The training area: one controller, the training page with its views, and the time machine.

``TrainingArea`` builds the controller, the panel, the speed control, the live curves and weight
histograms, the time machine with its timeline, and the page that holds them (page.py), and wires
the controller's signals to the views. ``install(window, state)`` (``__init__.py``) adds the page
to the window. It also guards closing: as an event filter on the window, it asks before an unsaved
trained network is lost, and lets the close go ahead only then (the window's shutdown hook then
stops the thread).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annviz.gui.state import AppState
from annviz.gui.training.controller import TrainingController
from annviz.gui.training.curves import LiveCurves
from annviz.gui.training.export import save_png, write_history_csv
from annviz.gui.training.page import TrainingPage
from annviz.gui.training.panel import TrainingPanel
from annviz.gui.training.speed import SpeedControl
from annviz.gui.training.time_machine import TimeMachine
from annviz.gui.training.timeline import Timeline
from annviz.gui.training.weight_histograms import WeightHistograms


class TrainingArea(QObject):
    def __init__(self, state: AppState, parent: QObject | None = None, explorer=None):
        super().__init__(parent)
        self.state = state
        self.controller = TrainingController(state, self)
        self.panel = TrainingPanel(self.controller)
        self.speed = SpeedControl()
        self.curves = LiveCurves()
        self.histograms = WeightHistograms(state)
        self.time_machine = TimeMachine(self.controller, state, self)
        self.timeline = Timeline(self.controller, self.time_machine)
        self.page = TrainingPage(self.panel, self.speed, self.curves, self.histograms, self.timeline,
                                 explorer)
        c = self.controller
        c.run_started.connect(self._on_run_started)
        c.progress.connect(self.curves.add_progress)
        c.epoch_metrics.connect(self.curves.add_epoch)
        self.speed.speed_changed.connect(c.set_speed)
        self.speed.pause_at_epoch_end_changed.connect(c.set_pause_at_epoch_end)
        self.time_machine.moment_shown.connect(self._on_moment_shown)
        self.time_machine.returned.connect(self._on_returned)
        self.timeline.continue_requested.connect(self._on_continue_requested)
        self.curves.export_png_clicked.connect(self._on_export_png_clicked)
        self.curves.export_csv_clicked.connect(self._on_export_csv_clicked)

    def shutdown(self) -> None:
        self.controller.shutdown()

    # --- closing -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Installed on the main window: a close waits for the unsaved-network question."""
        if event.type() == QEvent.Type.Close and not self.panel.confirm_discard():
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    # --- handlers ------------------------------------------------------------------------------

    @Slot(object)
    def _on_run_started(self, _config) -> None:
        self.curves.reset()

    @Slot(object, int)
    def _on_moment_shown(self, run, index: int) -> None:
        self.curves.show_moment(run.moments[index].epoch)

    @Slot()
    def _on_returned(self) -> None:
        self.curves.show_moment(None)

    @Slot(object, object)
    def _on_continue_requested(self, _run, moment) -> None:
        if not self.panel.confirm_discard():
            return
        try:
            self.controller.continue_from(moment, self.panel.settings.config())
        except ValueError as error:
            self._warn(self.tr("Cannot continue from here"), str(error))

    @Slot()
    def _on_export_png_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.curves, self.tr("Export the curves"),
                                              "learning-curves.png", "PNG (*.png)")
        if path and not save_png(self.page.tabs, path):
            self._warn(self.tr("Export failed"), self.tr("Could not write {path}").format(path=path))

    @Slot()
    def _on_export_csv_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.curves, self.tr("Export the history"),
                                              "training-history.csv", "CSV (*.csv)")
        if not path:
            return
        try:
            write_history_csv(self.curves.records, path)
        except OSError as error:
            self._warn(self.tr("Export failed"),
                       self.tr("Could not write {path}: {error}").format(path=path, error=error))

    def _warn(self, title: str, message: str) -> None:
        QMessageBox.warning(self.page, title, message)
