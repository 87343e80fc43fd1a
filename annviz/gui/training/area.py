"""The training area: one controller, the training page with its views, and the time machine.

``TrainingArea`` builds the controller, the panel, the speed control, the live curves and weight
histograms, the time machine with its timeline, the doctor's panel, and the page that holds them
(page.py), and wires the controller's signals to the views. ``install(window, state)`` (``__init__.py``) adds the page
to the window. It also guards closing: as an event filter on the window, it asks before an unsaved
trained network is lost, and lets the close go ahead only then (the window's shutdown hook then
stops the thread).

The doctor: the diagnoses of the run the timeline shows (``Recording.diagnoses``, less those the
learner dismissed) are in the doctor's panel — a tab beside the settings', brought to the front
when a new one is named — and marked on the timeline; the current run's are
marked on the curves. "Replay with the fix" (``replay``) follows ``nn/doctor/replay.py``'s plan —
continue from the last full state before the fault, or start again from batch 0 with the same
seed — and then shows the run and its replay side by side (Compare runs).
"""

from __future__ import annotations

import weakref
from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from annviz.data.datasets import DatasetError
from annviz.gui.common.file_errors import refusal
from annviz.gui.state import AppState
from annviz.gui.training.answer_strips import AnswerStrips
from annviz.gui.training.area_doctor import DoctorSide
from annviz.gui.training.compare import RunComparison
from annviz.gui.training.controller import TrainingController
from annviz.gui.training.curves import SMOOTHING, LiveCurves
from annviz.gui.training.doctor_panel import DoctorPanel
from annviz.gui.training.export import save_png, write_history_csv
from annviz.gui.training.gif_export import GifExport
from annviz.gui.training.landscape_view import LossLandscapeView
from annviz.gui.training.page import TrainingPage
from annviz.gui.training.panel import TrainingPanel
from annviz.gui.training.pictures import save_png as save_weights_png
from annviz.gui.training.series import smooth
from annviz.gui.training.speed import SpeedControl
from annviz.gui.training.time_machine import TimeMachine
from annviz.gui.training.timeline import Timeline
from annviz.gui.training.weight_histograms import WeightHistograms
from annviz.nn.config import TrainConfig
from annviz.nn.history import EpochRecord
from annviz.nn.recording import Recording
from annviz.nn.runfile import EXTENSION as RUN_EXTENSION
from annviz.nn.runfile import RunFileError, load_recording
from annviz.nn.runwriter import save_recording
from annviz.paths import with_suffix
from annviz.safeio import memory_as

SLOW_BATCHES_PER_S = 50   # at this pace or slower, the curves show batches


class RunFacts(NamedTuple):
    """What a lesson reads of the run on screen (``TrainingArea.run_facts``)."""
    phase: str                          # idle, running, paused, done
    status: str | None                  # the ended run's: finished, stopped, diverged (None: none)
    config: TrainConfig | None          # its settings (None: no run)
    epochs: list[EpochRecord]           # its epochs so far
    examples: int | None                # the training examples it learns from (validation held out)


class TrainingArea(QObject, DoctorSide):
    def __init__(self, state: AppState, parent: QObject | None = None, explorer=None):
        super().__init__(parent)
        self.state = state
        self.controller = TrainingController(state, self)
        self.panel = TrainingPanel(self.controller)
        self.speed = SpeedControl()
        self.curves = LiveCurves()
        self.histograms = WeightHistograms(state)
        self.curves.setObjectName("training-curves")
        self.histograms.setObjectName("training-histograms")
        self.time_machine = TimeMachine(self.controller, state, self)
        self.timeline = Timeline(self.controller, self.time_machine)
        self.compare = RunComparison(self.controller, self.time_machine, state)
        self.gif = GifExport(self)
        self._gif_progress: QProgressDialog | None = None   # made at the first export
        self.doctor = DoctorPanel()
        self._dismissed: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Recording → codes
        self._replay_of: tuple | None = None   # (run, diagnosis, fix) being replayed, until its film begins
        self._replays: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # replay → (run, d, fix)
        self.answers = AnswerStrips(state)
        self.landscape = LossLandscapeView()
        self.page = TrainingPage(self.panel, self.speed, self.curves, self.histograms, self.compare,
                                 self.timeline, explorer, doctor=self.doctor, answers=self.answers,
                                 landscape=self.landscape)
        c = self.controller
        c.run_started.connect(self._on_run_started)
        c.progress.connect(self.curves.add_progress)
        c.epoch_metrics.connect(self.curves.add_epoch)
        c.run_ended.connect(self._show_other_runs)
        c.films.runs_changed.connect(self._show_other_runs)
        self.speed.speed_changed.connect(c.set_speed)
        self.speed.speed_changed.connect(self._on_speed_changed)
        self.speed.pause_at_epoch_end_changed.connect(c.set_pause_at_epoch_end)
        self.time_machine.moment_shown.connect(self._on_moment_shown)
        self.time_machine.returned.connect(self._on_returned)
        self.time_machine.moment_shown.connect(self._show_past_settings)
        self.time_machine.returned.connect(self._show_past_settings)
        self.time_machine.moment_shown.connect(self._show_run_start)
        self.time_machine.returned.connect(self._show_run_start)
        c.phase_changed.connect(self._show_past_settings)
        self.timeline.continue_requested.connect(self._on_continue_requested)
        self.timeline.export_gif_requested.connect(self._on_export_gif_requested)
        self.timeline.export_png_requested.connect(self._on_export_moment_png_requested)
        state.neuron_selected.connect(self._on_neuron_selected)
        self.curves.export_png_clicked.connect(self._on_export_png_clicked)
        self.curves.export_csv_clicked.connect(self._on_export_csv_clicked)
        c.films.diagnosed.connect(self._show_diagnoses)
        c.films.recording_changed.connect(self._on_recording_changed)
        self.timeline.run_chosen.connect(self._show_diagnoses)
        self.doctor.replay_requested.connect(self._on_replay_requested)
        self.doctor.dismiss_requested.connect(self.dismiss)
        self.doctor.show_requested.connect(self._on_show_diagnosis)
        c.films.moment_added.connect(self._on_moment_added)
        c.films.runs_changed.connect(self.answers.moments_changed)
        self.answers.moment_clicked.connect(self.timeline.go_to)
        for view in (self.answers, self.landscape):
            self.timeline.run_chosen.connect(view.set_run)
            c.films.recording_changed.connect(view.set_run)

    def shutdown(self) -> None:
        self.answers.shutdown()
        self.landscape.shutdown()
        self.gif.shutdown()
        self.controller.shutdown()

    # --- closing -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Installed on the main window: a close waits for the unsaved-network question."""
        panel = getattr(self, "panel", None)    # gone while the window is torn down
        if event.type() == QEvent.Type.Close and panel is not None and not panel.confirm_discard():
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    # --- handlers ------------------------------------------------------------------------------

    @Slot(object)
    def _on_run_started(self, _config) -> None:
        self.curves.reset()

    @Slot(object)
    def _on_speed_changed(self, batches_per_s) -> None:
        """Slow motion: the curves count the last batches (one batch moves nothing on an axis of
        epochs)."""
        self.curves.set_batch_view(batches_per_s is not None and batches_per_s <= SLOW_BATCHES_PER_S)

    @Slot(int, int)
    def _on_neuron_selected(self, *_neuron) -> None:
        if self.page.isVisible():
            self.page.show_inspector()

    @Slot(object, int)
    def _on_moment_shown(self, run, index: int) -> None:
        self.curves.show_moment(run.moments[index].epoch)
        for view in (self.answers, self.landscape):
            view.set_position(index if run is self.timeline.run else None)

    @Slot()
    def _on_returned(self) -> None:
        self.curves.show_moment(None)
        self.answers.set_position(None)
        self.landscape.set_position(None)

    @Slot(object)
    def _on_moment_added(self, _moment) -> None:
        if self.timeline.run is self.controller.films.current:
            self.answers.moments_changed()
            self.landscape.moments_changed()

    # --- what setups read and do -----------------------------------------------------------------

    def settings_config(self):
        """The training settings on the panel (a ``TrainConfig``)."""
        return self.panel.settings.config()

    def apply_settings(self, config, folder: str | None = None) -> None:
        """Show ``config`` on the panel; ``folder``: a dataset folder the user picked, offered too."""
        self.panel.settings.set_config(config)
        if folder:
            self.panel.settings.add_folder(folder)

    def confirm_discard(self) -> bool:
        """Before something replaces the network: ask about a trained network not saved."""
        return self.panel.confirm_discard()

    # --- what the lessons read and do ----------------------------------------------------------------

    def run_facts(self) -> RunFacts:
        """The run going on (its epochs so far), else the last one that ended and was not discarded."""
        c = self.controller
        running = c.phase in ("running", "paused")
        history = c.trainer.history if c.trainer is not None else None
        records = list(self.curves.records) if running else list(history.epochs) if history is not None else []
        config = c.trainer.config if c.trainer is not None else c.config if running else None
        examples = None
        if config is not None and c.dataset is not None:
            n = min(config.n_train or len(c.dataset.train_labels), len(c.dataset.train_labels))
            examples = n - int(round(config.validation_share * n))
        return RunFacts(c.phase, history.status if history is not None else None, config, records, examples)

    def moment_shown(self) -> tuple[Recording, int] | None:
        """The run and the index of the recorded moment the time machine shows (None: now)."""
        tm = self.time_machine
        return None if tm.at_now else (tm.run, tm.index)

    def go_to_epoch_end(self, epoch: int) -> bool:
        """The time machine at the end of epoch ``epoch`` of the run the timeline shows, as dragging
        the timeline there does (False: no such moment; the run may still be training it)."""
        run = self.timeline.run
        if run is None or epoch < 1 or not self.controller.films.recordings.runs:
            return False
        step = epoch * run.batches_per_epoch
        if not run.moments or run.moments[-1].step < step:
            return False
        self.timeline.go_to_step(step)
        return True

    def timeline_run(self) -> Recording | None:
        """The run whose recording the timeline shows."""
        return self.timeline.run

    def compared_runs(self) -> tuple[Recording | None, Recording | None]:
        """The two runs chosen in Compare runs (None where a side has none)."""
        return self.compare.runs()

    def chart_in_front(self) -> str:
        """The tab in front beside the charts: "curves", "histograms", "compare", "inspector", or a
        folded view's name ("weights", "diagram")."""
        return self.page.tabs.currentWidget().objectName().removeprefix("training-")

    # --- recordings ------------------------------------------------------------------------------

    def save_recording(self) -> bool:
        """Ask where, then save the run the timeline shows (File → Save training recording)."""
        run = self.timeline.run
        if run is None:
            self._warn(self.tr("Nothing to save"), self.tr("Train a network first: its recording "
                                                           "is what the timeline shows."))
            return False
        path = self._ask_path(self.tr("Save the training recording"), "training" + RUN_EXTENSION, save=True)
        if not path:
            return False
        try:
            save_recording(with_suffix(path, RUN_EXTENSION), run)
        except OSError as error:
            self._warn(self.tr("Could not save"), f"{path}: {error.strerror or error}")
            return False
        return True

    def open_recording(self, path=None) -> bool:
        """Open a recording (File → Open training recording) and show its first moment."""
        path = path or self._ask_path(self.tr("Open a training recording"), "", save=False)
        if not path:
            return False
        try:
            with memory_as(RunFileError, path):
                run = load_recording(path)
        except RunFileError as error:
            self._warn(self.tr("Could not open the recording"), refusal(error))
            return False
        self.controller.films.add(run)
        self.timeline.show_run(run)
        return True

    def _ask_path(self, title: str, name: str, save: bool) -> str:
        pattern = self.tr("annviz training recordings (*{ext})").format(ext=RUN_EXTENSION)
        if save:
            return QFileDialog.getSaveFileName(self.page, title, name, pattern)[0]
        return QFileDialog.getOpenFileName(self.page, title, "", pattern)[0]

    @Slot()
    def _show_other_runs(self, *_args) -> None:
        self.curves.show_other_runs([
            other_run_curves(i, r) for i, r in enumerate(self.controller.films.recordings.runs, 1)
            if r is not self.controller.films.current and r.history is not None])

    @Slot(object)
    def _on_export_gif_requested(self, run) -> None:
        if run is None or run.sizes[0] != 784:
            return
        if self.gif.is_running():            # one at a time: the one going on is shown
            self.gif_progress().show()
            return
        path = QFileDialog.getSaveFileName(self.page, self.tr("Save the weight pictures as GIF"),
                                           "weights.gif", "GIF (*.gif)")[0]
        if not path:
            return
        path = with_suffix(path, ".gif")
        frames = self.gif.start(run, path)
        dialog = self.gif_progress()
        dialog.setLabelText(self.tr("Writing {path}…").format(path=path))
        dialog.setRange(0, frames)
        dialog.setValue(0)
        dialog.show()

    def gif_progress(self) -> QProgressDialog:
        """The GIF export's progress, with Cancel (made once)."""
        if self._gif_progress is not None:
            return self._gif_progress
        dialog = self._gif_progress = QProgressDialog(self.page)
        dialog.setObjectName("training-gif-progress")
        dialog.setWindowTitle(self.tr("GIF"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(self.gif.cancel)
        self.gif.progress.connect(lambda done, _total: dialog.setValue(done))
        self.gif.finished.connect(lambda _path: dialog.hide())
        self.gif.cancelled.connect(dialog.hide)
        self.gif.failed.connect(self._on_gif_failed)
        dialog.hide()
        return dialog

    @Slot(str)
    def _on_gif_failed(self, message: str) -> None:
        self.gif_progress().hide()
        self._warn(self.tr("Export failed"), message)

    @Slot()
    def _on_export_moment_png_requested(self) -> None:
        network = self.state.network
        if network is None or network.sizes[0] != 784:
            return
        path = QFileDialog.getSaveFileName(self.page, self.tr("Save the weight pictures as PNG"),
                                           "weights.png", "PNG (*.png)")[0]
        if path:
            try:
                save_weights_png(network.weights[0], with_suffix(path, ".png"))
            except OSError as error:
                self._warn(self.tr("Export failed"), f"{path}: {error.strerror or error}")

    @Slot(object, object)
    def _on_continue_requested(self, run, moment) -> None:
        caveats = self.controller.continue_caveats(run)
        if caveats and not self._ask_inexact(caveats):
            return
        if not self.panel.confirm_discard():
            return
        settings = self.panel.settings.config()
        self.panel.keep_shown_settings()   # the run about to start is the one they show
        try:
            self.controller.continue_from(run, moment, settings)
        except (ValueError, DatasetError) as error:
            self._warn(self.tr("Cannot continue from here"), str(error))

    def _ask_inexact(self, caveats: list[str]) -> bool:
        """Continue although the result will not be exactly the recorded run's own? True: yes."""
        text = " ".join(caveats) + " " + self.tr(
            "The continued run will be close to what the original run would have done, but not "
            "bit for bit the same. Continue anyway?")
        answer = QMessageBox.question(self.page, self.tr("Not an exact continuation"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def _show_run_start(self, *_args) -> None:
        """The histograms' outline is the start of the run shown: the time machine's run, else the
        run training now (or just trained); a moment shown is drawn at once."""
        tm, films = self.time_machine, self.controller.films
        run = tm.run if not tm.at_now else films.current
        if run is not None and run.moments and (not tm.at_now or self.controller.is_live(self.state.network)):
            self.histograms.set_start(run.moments[0].parameters()[0])
        else:
            self.histograms.show_now()

    @Slot()
    def _show_past_settings(self, *_args) -> None:
        """At a recorded moment, nothing training: the panel shows that moment's run's settings."""
        tm = self.time_machine
        idle = self.controller.phase not in ("running", "paused")
        self.panel.show_past_run(tm.run if idle and not tm.at_now else None)

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


def other_run_curves(number: int, run: Recording) -> tuple:
    """(label, x in epochs, smoothed loss, epoch numbers, test accuracy in %) of an ended run."""
    losses = run.history.batch_loss
    x = losses.x / run.batches_per_epoch
    alpha = 1 - (1 - SMOOTHING) ** losses.stride      # the curves' smoothing, per kept point
    epochs = np.array([e.epoch for e in run.history.epochs], dtype=float)
    accuracy = np.array([100 * (e.test_accuracy or 0) for e in run.history.epochs])
    label = QCoreApplication.translate("TrainingArea", "Run {n}").format(n=number)
    return (f"{label} · {run.label}" if run.label else label, x, smooth(losses.y, None, alpha),
            epochs, accuracy)
