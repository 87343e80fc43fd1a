"""Start / Pause / Resume / Stop / Step / +1 epoch, and a progress bar that says where training is.

A plain view: the panel connects the buttons to the controller, and calls ``show_phase`` and
``show_progress``. Which buttons make sense depends only on the phase. Keyboard, as in a
debugger: F5 start, F6 pause / resume, Shift+F5 stop, F10 one batch (``SHORTCUTS``); they work
wherever the controls are shown in the window, and the tooltips say them. The status line tells the
truth about the phase: the time left is written only while training runs (not once paused or
stopped), and ``reset_progress`` forgets a finished run when the settings change.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QPushButton, QWidget

from annviz.gui.training.worker import Progress

PROGRESS_STEPS = 1000
SHORTCUTS = {"start": "F5", "pause": "F6", "stop": "Shift+F5", "step": "F10"}


def format_duration(seconds: float | None) -> str:
    """"12 s", "3 min 05 s", "16 h 05 min" (in Korean "12초", "3분 05초", "16시간 05분"), "" when unknown."""
    if seconds is None:
        return ""
    seconds = int(round(seconds))
    if seconds < 60:
        return QCoreApplication.translate("Duration", "{s} s").format(s=seconds)
    if seconds < 3600:
        return QCoreApplication.translate("Duration", "{m} min {s:02d} s").format(m=seconds // 60, s=seconds % 60)
    minutes = round(seconds / 60)
    return QCoreApplication.translate("Duration", "{h} h {m:02d} min").format(h=minutes // 60, m=minutes % 60)


class TrainingControls(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.start_button = QPushButton()
        self.pause_button = QPushButton()
        self.stop_button = QPushButton()
        self.step_button = QPushButton()
        self.epoch_button = QPushButton()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.start_button.setDefault(True)
        for widget, name in ((self.start_button, "start"), (self.pause_button, "pause"),
                             (self.stop_button, "stop"), (self.step_button, "step"),
                             (self.epoch_button, "add-epoch"), (self.progress_bar, "progress")):
            widget.setObjectName(f"training-{name}")   # lessons name widgets by these
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.start_button, 0, 0)
        layout.addWidget(self.pause_button, 0, 1)
        layout.addWidget(self.stop_button, 0, 2)
        layout.addWidget(self.step_button, 1, 0)
        layout.addWidget(self.epoch_button, 1, 1)
        layout.addWidget(self.status, 2, 0, 1, 3)
        layout.addWidget(self.progress_bar, 3, 0, 1, 3)
        self.phase = "idle"
        self.progress: Progress | None = None   # the latest shown
        self._failed = False
        self.retranslate()
        self.show_phase("idle")

    def show_phase(self, phase: str, can_continue: bool = False) -> None:
        """Enable what makes sense: idle, running, paused or done."""
        self.phase = phase
        active = phase in ("running", "paused")
        self.pause_button.setEnabled(active)
        self.stop_button.setEnabled(active)
        self.step_button.setEnabled(phase in ("idle", "paused"))
        self.epoch_button.setEnabled(active or can_continue)
        self._retranslate_phase()
        self._retranslate_progress()

    def show_progress(self, progress: Progress) -> None:
        self.progress, self._failed = progress, False
        self.progress_bar.setValue(round(progress.done_fraction * PROGRESS_STEPS))
        self._retranslate_progress()

    def show_failed(self) -> None:
        """The run raised: the status says so (not "Not started" beside an error box)."""
        self.progress = None
        self._failed = True
        self._retranslate_progress()

    def reset_progress(self) -> None:
        self.progress, self._failed = None, False
        self.progress_bar.setValue(0)
        self._retranslate_progress()

    # --- texts -----------------------------------------------------------------------------------

    def _retranslate_phase(self) -> None:
        self.start_button.setText(self.tr("Start over") if self.phase != "idle" else self.tr("Start"))
        self.pause_button.setText(self.tr("Resume") if self.phase == "paused" else self.tr("Pause"))
        # After the texts: a button's setText replaces its shortcut with the text's mnemonic.
        for name, button in (("start", self.start_button), ("pause", self.pause_button),
                             ("stop", self.stop_button), ("step", self.step_button)):
            button.setShortcut(QKeySequence(SHORTCUTS[name]))

    def _retranslate_progress(self) -> None:
        p = self.progress
        if p is None:
            self.status.setText(self.tr("Training failed") if self._failed else self.tr("Not started"))
            return
        where = self.tr("Epoch {e} of {n} · batch {b} of {nb}").format(
            e=p.epoch + 1, n=p.epochs, b=p.batch, nb=p.batches_per_epoch)
        if self.phase == "paused":      # stepping by hand: a speed would mean nothing
            self.status.setText(where + self.tr(" · paused"))
            return
        text = where + self.tr(" · {speed} samples/s").format(speed=f"{p.speed:,.0f}")
        left = p.seconds_left
        if self.phase == "running" and left is not None and p.done_fraction < 1:
            text += self.tr(" · {time} left").format(time=format_duration(left))
        self.status.setText(text)

    def retranslate(self) -> None:
        self.stop_button.setText(self.tr("Stop"))
        self.step_button.setText(self.tr("Step (one batch)"))
        self.epoch_button.setText(self.tr("+1 epoch"))
        self.start_button.setToolTip(self.tr("Train a new network with these settings ({key})").format(
            key=SHORTCUTS["start"]))
        self.pause_button.setToolTip(self.tr("Pause or resume training ({key})").format(key=SHORTCUTS["pause"]))
        self.stop_button.setToolTip(self.tr("Stop training ({key})").format(key=SHORTCUTS["stop"]))
        self.step_button.setToolTip(self.tr("Train exactly one mini-batch, then pause ({key})").format(
            key=SHORTCUTS["step"]))
        self.epoch_button.setToolTip(self.tr("Train one epoch more than planned"))
        self._retranslate_phase()
        self._retranslate_progress()
