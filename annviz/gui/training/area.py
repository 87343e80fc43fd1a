"""The training area: one controller, the panel, the live curves and the weight histograms.

``TrainingArea`` builds them and wires the controller's signals to the views; a window places
its two docks (``panel_dock``, ``curves_dock``) where it likes. It also guards closing: as an
event filter on the window, it asks before an unsaved trained network is lost, and lets the
close go ahead only then (the window's shutdown hook then stops the thread).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMessageBox, QSplitter, QWidget

from annviz.gui.i18n import is_language_change
from annviz.gui.state import AppState
from annviz.gui.training.controller import TrainingController
from annviz.gui.training.curves import LiveCurves
from annviz.gui.training.export import save_png, write_history_csv
from annviz.gui.training.panel import TrainingPanel
from annviz.gui.training.weight_histograms import WeightHistograms


class _Dock(QDockWidget):
    """A dock whose title is re-asked from ``title_fn`` when the language changes."""

    def __init__(self, name: str, widget: QWidget, title_fn):
        super().__init__()
        self.setObjectName(name)
        self.setWidget(widget)
        self.title_fn = title_fn
        self.setWindowTitle(title_fn())

    def changeEvent(self, event) -> None:
        if is_language_change(event):
            self.setWindowTitle(self.title_fn())
        super().changeEvent(event)


class TrainingArea(QObject):
    def __init__(self, state: AppState, parent: QObject | None = None):
        super().__init__(parent)
        self.state = state
        self.controller = TrainingController(state, self)
        self.panel = TrainingPanel(self.controller)
        self.curves = LiveCurves()
        self.histograms = WeightHistograms(state)
        charts = QSplitter(Qt.Orientation.Vertical)
        charts.addWidget(self.curves)
        charts.addWidget(self.histograms)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 1)
        charts.setSizes([300, 100])
        self.panel_dock = _Dock("training-panel", self.panel, lambda: self.tr("Training"))
        self.curves_dock = _Dock("training-curves", charts, lambda: self.tr("Learning curves"))
        c = self.controller
        c.run_started.connect(self._on_run_started)
        c.progress.connect(self.curves.add_progress)
        c.epoch_metrics.connect(self.curves.add_epoch)
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

    @Slot()
    def _on_export_png_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.curves, self.tr("Export the curves"),
                                              "learning-curves.png", "PNG (*.png)")
        if path and not save_png(self.curves_dock.widget(), path):
            self._warn(self.tr("Could not write {path}").format(path=path))

    @Slot()
    def _on_export_csv_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.curves, self.tr("Export the history"),
                                              "training-history.csv", "CSV (*.csv)")
        if not path:
            return
        try:
            write_history_csv(self.curves.records, path)
        except OSError as error:
            self._warn(self.tr("Could not write {path}: {error}").format(path=path, error=error))

    def _warn(self, message: str) -> None:
        QMessageBox.warning(self.curves, self.tr("Export failed"), message)
