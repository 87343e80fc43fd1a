"""The timeline under the curves: drag or step through a run's recorded moments, play them back.

One position per recorded moment of the chosen run, and one more at the right end: "now". Moving
the handle asks the ``TimeMachine`` to show that moment (or to come back to now); the arrow keys
step when the slider has the focus. ▶ plays the moments back at the chosen pace. "Continue from
here" is offered at the moments that keep the run's whole state (the end of an epoch, and every
``recording.EARLY_STATE_EVERY`` batches early in the first). The doctor's diagnoses are marked
under the slider (``set_marks``: a vermillion triangle at the moment where each began).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QVBoxLayout,
    QWidget,
)

from annviz.gui.common import zoom
from annviz.gui.training.controller import TrainingController
from annviz.gui.training.time_machine import TimeMachine
from annviz.nn.recording import Moment, Recording

PLAYBACK_RATES = (2, 5, 10, 25)   # moments a second
MARK = QColor(213, 94, 0)         # the doctor's vermillion (doctor_panel.py)


class MarkedSlider(QSlider):
    """A horizontal slider with marks under its groove at some of its values."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.marks: list[int] = []

    def set_marks(self, values: list[int]) -> None:
        if values != self.marks:
            self.marks = list(values)
            self.update()

    def paintEvent(self, event) -> None:                       # noqa: N802
        super().paintEvent(event)
        if not self.marks or self.maximum() <= self.minimum():
            return
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        style = self.style()
        groove = style.subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                      QStyle.SubControl.SC_SliderGroove, self)
        handle = style.subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                      QStyle.SubControl.SC_SliderHandle, self)
        span = groove.width() - handle.width()
        size = max(3.0, self.height() / 5)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(MARK)
        for value in self.marks:
            x = groove.x() + handle.width() / 2 + QStyle.sliderPositionFromValue(
                self.minimum(), self.maximum(), value, span)
            y = self.height()
            painter.drawPolygon(QPolygonF([QPointF(x, y - size), QPointF(x - size, y), QPointF(x + size, y)]))
        painter.end()


class Timeline(QWidget):
    continue_requested = Signal(object, object)   # Recording, Moment (with a state)
    run_chosen = Signal(object)                   # Recording: the run the timeline shows changed
    export_gif_requested = Signal(object)         # Recording
    export_png_requested = Signal()

    def __init__(self, controller: TrainingController, time_machine: TimeMachine,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("training-timeline")
        self.controller, self.time_machine = controller, time_machine
        self.run_choice = QComboBox()
        self.run_choice.setObjectName("timeline-run")
        self.slider = MarkedSlider()
        self._mark_steps: list[int] = []     # batches where the doctor's diagnoses began
        self.slider.setObjectName("timeline-slider")
        self.slider.setRange(0, 0)
        self.slider.setPageStep(10)
        self.back_button, self.play_button, self.next_button = QPushButton("◀"), QPushButton(), QPushButton("▶|")
        self.play_button.setCheckable(True)
        self.now_button = QPushButton()
        self.now_button.setObjectName("timeline-now")
        self.rate = QComboBox()
        for rate in PLAYBACK_RATES:
            self.rate.addItem("", rate)
        self.rate.setCurrentIndex(1)
        self.where = QLabel()
        self.continue_button = QPushButton()
        self.continue_button.setObjectName("timeline-continue")
        self.gif_button, self.png_button = QPushButton(), QPushButton()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_play_tick)

        top = QHBoxLayout()
        for w in (self.back_button, self.play_button, self.next_button):
            zoom.text_wide(w, "▶|", 24, fixed=True)
            top.addWidget(w)
        top.addWidget(self.slider, 1)
        top.addWidget(self.now_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.run_choice)
        bottom.addWidget(self.where, 1)
        bottom.addWidget(self.rate)
        bottom.addWidget(self.continue_button)
        bottom.addWidget(self.gif_button)
        bottom.addWidget(self.png_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(bottom)

        self.slider.valueChanged.connect(self._on_slider_moved)
        self.back_button.clicked.connect(lambda: self.slider.setValue(self.slider.value() - 1))
        self.next_button.clicked.connect(lambda: self.slider.setValue(self.slider.value() + 1))
        self.play_button.toggled.connect(self._on_play_toggled)
        self.now_button.clicked.connect(self.go_to_now)
        self.rate.currentIndexChanged.connect(self._on_rate_changed)
        self.run_choice.activated.connect(self._on_run_chosen)
        self.continue_button.clicked.connect(self._on_continue_clicked)
        self.gif_button.clicked.connect(lambda: self.export_gif_requested.emit(self.run))
        self.png_button.clicked.connect(self.export_png_requested)
        controller.films.runs_changed.connect(self._on_runs_changed)
        controller.films.recording_changed.connect(self._on_recording_changed)
        controller.films.moment_added.connect(self._on_moment_added)
        time_machine.returned.connect(self._on_returned)
        self.retranslate()
        self._sync()

    # --- public --------------------------------------------------------------------------------

    @property
    def run(self) -> Recording | None:
        runs = self.controller.films.recordings.runs
        i = self.run_choice.currentIndex()
        return runs[i] if 0 <= i < len(runs) else None

    def go_to(self, index: int) -> None:
        """Show moment ``index`` of the chosen run (as dragging the handle there does)."""
        self.slider.setValue(index)

    def go_to_step(self, step: int) -> None:
        """Show the moment recorded at or just before batch ``step``."""
        run = self.run
        if run is not None:
            self.go_to(run.moments.index(run.nearest(step)))

    def show_run(self, run: Recording) -> None:
        """Choose ``run`` and show its first moment."""
        self._fill_runs()
        self.run_choice.setCurrentIndex(self.controller.films.recordings.runs.index(run))
        self._sync()
        self.run_chosen.emit(run)
        self.go_to(0)

    def set_marks(self, batches: list[int]) -> None:
        """Mark where faults began (batches of the run shown): each at the moment recorded at or
        just before it."""
        self._mark_steps = list(batches)
        self._place_marks()

    def marked_moments(self) -> list[int]:
        """The slider positions (moment indices) marked now."""
        return list(self.slider.marks)

    def _place_marks(self) -> None:
        run = self.run
        if run is None or not run.moments or not self._mark_steps:
            self.slider.set_marks([])
            return
        steps = run.steps()
        self.slider.set_marks([max(int(np.searchsorted(steps, b, side="right")) - 1, 0)
                               for b in self._mark_steps])

    def go_to_now(self) -> None:
        self.play_button.setChecked(False)
        self.slider.setValue(self.slider.maximum())

    # --- texts ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.now_button.setText(self.tr("Now"))
        self.now_button.setToolTip(self.tr("Back to the network as it is now"))
        self.run_choice.setToolTip(self.tr("The run whose recording the timeline shows"))
        self.rate.setToolTip(self.tr("How fast Play goes through the moments"))
        self.back_button.setToolTip(self.tr("One moment back (←)"))
        self.next_button.setToolTip(self.tr("One moment on (→)"))
        self.slider.setToolTip(self.tr("Drag through the moments recorded while the network "
                                       "learned: every view shows the network as it was then"))
        for i, rate in enumerate(PLAYBACK_RATES):
            self.rate.setItemText(i, self.tr("{n} moments/s").format(n=rate))
        self.continue_button.setText(self.tr("Continue from here"))
        self.continue_button.setToolTip(self.tr("Start a new run from exactly this moment (the end "
                                                "of an epoch, or one of a few moments early in the "
                                                "first), with the settings on the left; this run is "
                                                "kept to compare"))
        self.gif_button.setText(self.tr("GIF…"))
        self.gif_button.setToolTip(self.tr("Save the weight pictures over the whole run as an "
                                           "animated GIF"))
        self.png_button.setText(self.tr("PNG…"))
        self.png_button.setToolTip(self.tr("Save the weight pictures of the moment shown as PNG"))
        self._on_play_toggled(self.play_button.isChecked())
        self._fill_runs()
        self._describe()


    # --- handlers ------------------------------------------------------------------------------

    @Slot(object)
    def _on_recording_changed(self, run: Recording) -> None:
        self._fill_runs()
        self.run_choice.setCurrentIndex(self.controller.films.recordings.runs.index(run))
        self._sync(to_now=True)
        self.run_chosen.emit(run)

    @Slot()
    def _on_runs_changed(self) -> None:
        self._fill_runs()
        self._describe()

    @Slot(object)
    def _on_moment_added(self, _moment: Moment) -> None:
        if self.run is self.controller.films.current:
            self._sync(to_now=self.time_machine.at_now)

    @Slot(int)
    def _on_run_chosen(self, _index: int) -> None:
        self._sync(to_now=True)
        self.run_chosen.emit(self.run)

    @Slot(int)
    def _on_slider_moved(self, value: int) -> None:
        run = self.run
        if run is None or value >= len(run.moments):
            self.time_machine.now()
        else:
            self.time_machine.show(run, value)
        self._describe()

    @Slot()
    def _on_returned(self) -> None:
        if self.slider.value() != self.slider.maximum():
            self.slider.blockSignals(True)
            self.slider.setValue(self.slider.maximum())
            self.slider.blockSignals(False)
        self._describe()

    @Slot(bool)
    def _on_play_toggled(self, playing: bool) -> None:
        self.play_button.setText("❚❚" if playing else "▶")
        self.play_button.setToolTip(self.tr("Pause the playback") if playing
                                    else self.tr("Play the moments back"))
        if playing:
            if self.slider.value() >= self.slider.maximum() - 1:
                self.go_to(0)                      # from the start when at the end
            self._timer.start(round(1000 / self.rate.currentData()))
        else:
            self._timer.stop()

    @Slot(int)
    def _on_rate_changed(self, _index: int) -> None:
        if self._timer.isActive():
            self._timer.start(round(1000 / self.rate.currentData()))

    @Slot()
    def _on_play_tick(self) -> None:
        run = self.run
        if run is None or self.slider.value() >= len(run.moments) - 1:
            self.play_button.setChecked(False)
            return
        self.go_to(self.slider.value() + 1)

    @Slot()
    def _on_continue_clicked(self) -> None:
        moment = self.time_machine.moment
        if moment is not None and moment.state is not None:
            self.continue_requested.emit(self.time_machine.run, moment)

    # --- helpers -------------------------------------------------------------------------------

    def _fill_runs(self) -> None:
        current = self.run_choice.currentIndex()
        self.run_choice.blockSignals(True)
        self.run_choice.clear()
        for i, run in enumerate(self.controller.films.recordings.runs, 1):
            text = self.tr("Run {n}").format(n=i)
            self.run_choice.addItem(f"{text} · {run.label}" if run.label else text)
        self.run_choice.setCurrentIndex(min(max(current, 0), self.run_choice.count() - 1))
        self.run_choice.blockSignals(False)

    def _sync(self, to_now: bool = False) -> None:
        """Fit the slider to the chosen run's moments (the last position is "now")."""
        run = self.run
        n = len(run.moments) if run is not None else 0
        self.slider.blockSignals(True)
        self.slider.setRange(0, n)
        if to_now:
            self.slider.setValue(n)
        self.slider.blockSignals(False)
        for w in (self.slider, self.back_button, self.play_button, self.next_button, self.gif_button):
            w.setEnabled(n > 0)
        self._place_marks()
        self._describe()

    def _describe(self) -> None:
        moment = self.time_machine.moment
        self.continue_button.setEnabled(moment is not None and moment.state is not None)
        self.png_button.setEnabled(self.run is not None)
        run = self.run
        inexact = run is not None and not run.exact
        self.where.setToolTip(self.tr(
            "η, μ or λ was changed while this run trained: the same settings and seed will not "
            "give this run again (continuing from one of its epoch ends is still exact)") if inexact else "")
        flag = "  ⚠ " + self.tr("settings changed during the run") if inexact else ""
        if moment is None:
            self.where.setText(self.tr("Now") + flag)
            return
        loss = "–" if moment.loss is None else f"{moment.loss:.4f}"
        self.where.setText(self.tr("Batch {step:,} · epoch {epoch:.2f} · loss {loss} · η {lr:g}").format(
            step=moment.step, epoch=moment.epoch, loss=loss, lr=moment.lr) + flag)
