"""The training panel: presets, every setting, the controls, and what to do with the result.

It turns clicks into controller commands and controller signals into what the widgets show; the
controller owns the worker thread and the app state owns the model. Nothing here trains.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QMessageBox, QVBoxLayout, QWidget

from annviz.data.datasets import DatasetError
from annviz.gui.common import room
from annviz.gui.common.model_files import model_filter
from annviz.gui.training.controller import TrainingController
from annviz.gui.training.controls import TrainingControls
from annviz.gui.training.outcome import DivergenceBox, ResultBar
from annviz.gui.training.presets import PRESETS, preset_named
from annviz.gui.training.settings import TrainingSettings
from annviz.nn.config import TrainConfig
from annviz.nn.history import History
from annviz.nn.recording import Recording
from annviz.paths import with_model_suffix


class TrainingPanel(QWidget):
    def __init__(self, controller: TrainingController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self._applying_preset = False
        self._past_run = None                  # the run whose settings are shown (time machine)
        self._showing = False                  # showing a run's settings: not an edit
        self._own_config: TrainConfig | None = None   # the settings from before, to come back to
        self.preset = QComboBox()
        self.preset.setObjectName("training-preset")
        self.preset_hint = QLabel()
        self.preset_hint.setWordWrap(True)
        self.settings = TrainingSettings()
        self.controls = TrainingControls()
        self.result_bar = ResultBar()
        self.result_bar.hide()
        self.divergence_box = DivergenceBox(self)
        self.error_box = QMessageBox(QMessageBox.Icon.Warning, "", "", QMessageBox.StandardButton.Ok, self)

        scroll = room.Scroll(self.settings, sideways=False)     # as wide as the settings need, never cut
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.preset)
        layout.addWidget(self.preset_hint)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.controls)
        layout.addWidget(self.result_bar)
        self.retranslate()
        self._connect()

    def _connect(self) -> None:
        c, controls = self.controller, self.controls
        self.preset.activated.connect(self._on_preset_activated)
        self.settings.live_changed.connect(self._on_settings_live_changed)
        self.settings.changed.connect(self._on_settings_edited)
        self.settings.live_changed.connect(self._on_settings_edited)
        controls.start_button.clicked.connect(self._on_start_clicked)
        controls.pause_button.clicked.connect(self._on_pause_clicked)
        controls.stop_button.clicked.connect(c.stop)
        controls.step_button.clicked.connect(self._on_step_clicked)
        controls.epoch_button.clicked.connect(c.add_epoch)
        self.result_bar.save_clicked.connect(self._on_save_clicked)
        self.result_bar.use_clicked.connect(c.use)
        self.result_bar.discard_clicked.connect(c.discard)
        self.divergence_box.accepted.connect(c.use)
        self.divergence_box.rejected.connect(c.discard)
        c.phase_changed.connect(self._on_phase_changed)
        c.run_started.connect(self._on_run_started)
        c.progress.connect(controls.show_progress)
        c.run_ended.connect(self._on_run_ended)
        c.failed.connect(self._on_failed)

    # --- public ----------------------------------------------------------------------------------

    def start(self, paused: bool = False) -> bool:
        """Start training with the current settings; False if the user cancelled or it cannot."""
        if not self.confirm_discard():
            return False
        self.keep_shown_settings()
        try:
            self.controller.start(self.settings.config(), paused=paused)
        except (ValueError, DatasetError) as error:
            self._on_failed(str(error))
            return False
        return True

    def show_past_run(self, run: Recording | None) -> None:
        """While the time machine shows a moment of ``run`` (and nothing trains), the settings are
        that run's, and only what "Continue from here" may change stays editable; ``None``: the
        settings from before come back. A run started meanwhile keeps what is shown."""
        if run is self._past_run:
            return
        if run is not None and self._past_run is None:
            self._own_config = self.settings.config()
        config = run.config if run is not None else self._own_config
        self._past_run = run
        if config is not None:
            self._showing = True   # not an edit: the preset stays, the progress too
            try:
                self.settings.set_config(config)
            finally:
                self._showing = False
        if run is None:
            self._own_config = None
        self.settings.set_continuing(run is not None)
        self.preset.setEnabled(run is None)

    def keep_shown_settings(self) -> None:
        """A run starts from the past run's settings shown (Continue, or Start): they stay, unlocked."""
        if self._past_run is not None:
            self._past_run = self._own_config = None
            self.settings.set_continuing(False)
            self.preset.setEnabled(True)

    def confirm_discard(self) -> bool:
        """True when nothing unsaved would be lost, or the user saved it or chose to lose it."""
        if not self.controller.has_unsaved_model():
            return True
        answer = self.ask_to_keep()
        if answer == QMessageBox.StandardButton.Discard:
            return True
        return answer == QMessageBox.StandardButton.Save and self._save_with_dialog()

    def ask_to_keep(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel, before an unsaved trained network is lost."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved network"),
                          self.tr("The network you trained has not been saved. Save it before it is lost?"),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        # The word the result bar uses (Qt's Korean for Discard reads "ignore")
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Discard"))
        try:
            return QMessageBox.StandardButton(box.exec())
        finally:
            box.deleteLater()

    # --- handlers --------------------------------------------------------------------------------

    @Slot()
    def _on_start_clicked(self) -> None:
        self.start()

    @Slot()
    def _on_pause_clicked(self) -> None:
        if self.controller.phase == "paused":
            self.controller.resume()
        else:
            self.controller.pause()

    @Slot()
    def _on_step_clicked(self) -> None:
        if self.controller.is_running() or self.start(paused=True):
            self.controller.step()

    @Slot()
    def _on_preset_activated(self) -> None:
        preset = preset_named(self.preset.currentData())
        if preset is not None:
            self._applying_preset = True
            try:
                self.settings.set_config(preset.config)
            finally:
                self._applying_preset = False
            self._forget_finished_run()
        self._retranslate_hint()

    @Slot()
    def _on_settings_edited(self, *_args) -> None:
        """An edited setting is no longer the preset: the chooser says "Presets…" again."""
        if self._showing:
            return
        if not self._applying_preset and self.preset.currentIndex() > 0:
            self.preset.setCurrentIndex(0)
            self._retranslate_hint()
        self._forget_finished_run()

    def _forget_finished_run(self) -> None:
        """New settings, not running: the last run's "Epoch 10 of 10" no longer describes them."""
        if self.controller.phase not in ("running", "paused"):
            self.controls.reset_progress()

    @Slot(dict)
    def _on_settings_live_changed(self, changes: dict) -> None:
        if not self._showing:
            self.controller.set_hyperparameters(**changes)

    @Slot(str)
    def _on_phase_changed(self, phase: str) -> None:
        self.controls.show_phase(phase, self.controller.can_continue())
        self.settings.set_running(phase in ("running", "paused"))
        if phase in ("running", "paused", "idle"):
            self.result_bar.hide()
            self.divergence_box.hide()     # decided otherwise (e.g. discarded by a lesson): no question left

    @Slot(object)
    def _on_run_started(self, _config) -> None:
        self.keep_shown_settings()
        self.result_bar.hide()
        self.controls.reset_progress()

    @Slot(object)
    def _on_run_ended(self, history: History) -> None:
        if history.status == "diverged":
            self.divergence_box.show_for(history)
        else:
            self.result_bar.show_result(history)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.controls.show_failed()
        self.error_box.setWindowTitle(self.tr("Training failed"))
        self.error_box.setText(message)
        self.error_box.open()

    @Slot()
    def _on_save_clicked(self) -> None:
        self._save_with_dialog()

    def _save_with_dialog(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the trained network"),
                                              "my-network.safetensors",
                                              model_filter())
        if not path:
            return False
        path = with_model_suffix(path)                  # as File → Save as does
        try:
            self.controller.save(path)
        except OSError as error:
            self._on_failed(self.tr("Could not save {path}: {error}").format(path=path, error=error))
            return False
        return True

    # --- texts -----------------------------------------------------------------------------------

    def _retranslate_hint(self) -> None:
        preset = preset_named(self.preset.currentData())
        self.preset_hint.setText(preset.hint if preset is not None else "")
        self.preset_hint.setVisible(preset is not None)

    def retranslate(self) -> None:
        index = self.preset.currentIndex()
        self.preset.clear()
        self.preset.addItem(self.tr("Presets…"), None)
        for preset in PRESETS:
            self.preset.addItem(preset.name, preset.key)
        self.preset.setCurrentIndex(max(index, 0))
        self.preset.setToolTip(self.tr("Settings that each teach something: the lecture notes' 784-16-16-10 network, "
                                       "a learning rate too high, overfitting …"))
        self._retranslate_hint()
