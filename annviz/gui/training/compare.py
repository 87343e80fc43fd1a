"""Two runs side by side at the same moment: their first-layer weight pictures, and what each
says about the drawing on the pad.

"The same moment" is the batch the time machine shows (the newest moment of each run when it is
at now); each run shows its moment recorded at or just before that batch. This makes "too high a
learning rate" against "just right", or sigmoid against ReLU, visible in one glance. The view
recomputes only while it is on screen, at most a few times a second, and makes its plots when it
is first shown.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from annviz.gui.common import room
from annviz.gui.common.colors import ANSWER, weight_colormap
from annviz.gui.common.plotting import keep_axis_titles_whole
from annviz.gui.common.weight_tiles import robust_level
from annviz.gui.state import AppState
from annviz.gui.training.controller import TrainingController
from annviz.gui.training.pictures import weight_mosaic
from annviz.gui.training.time_machine import TimeMachine
from annviz.nn.network import Network
from annviz.nn.recording import Recording

REFRESH_MS = 250
PLOT_HEIGHT = 110      # the least height of a side's pictures and bars, at 100 %


class _Side:
    """One column: a run chooser, a caption, the weight pictures and the ten probabilities (the
    pictures and bars made when the view is first shown: ``build``)."""

    def __init__(self, name: str):
        self.choice = QComboBox()
        self.choice.setObjectName(f"compare-{name}")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption_fit = room.WholeText(self.caption)      # wrapped whole in a narrow column
        self.view = QWidget()                                 # holds the plots once built
        QVBoxLayout(self.view).setContentsMargins(0, 0, 0, 0)
        self.plots: pg.GraphicsLayoutWidget | None = None
        self.probabilities: np.ndarray | None = None

    def build(self) -> bool:
        """Make the pictures and bars if not made yet; True if made now."""
        if self.plots is not None:
            return False
        self.plots = pg.GraphicsLayoutWidget()
        self.plots.setBackground(None)
        self.plots.ci.setContentsMargins(0, 0, 0, 0)        # the charts' tab is short: no frame of space
        box = self.plots.addViewBox(lockAspect=True, invertY=True, enableMouse=False, enableMenu=False)
        self.image = pg.ImageItem(np.zeros((28, 28), np.float32), axisOrder="row-major")
        self.image.setColorMap(weight_colormap())
        self.image.hide()                               # until a run is shown
        box.addItem(self.image)
        # The bars beside the pictures, not under them: the charts' tab is short on a 768-pixel
        # screen, and both stay readable in a strip of ``PLOT_HEIGHT``.
        self.bars_plot = self.plots.addPlot(row=0, col=1, enableMenu=False)
        self.plots.ci.layout.setColumnStretchFactor(0, 2)
        self.plots.ci.layout.setColumnStretchFactor(1, 3)
        self.bars_plot.setYRange(0, 1, padding=0)
        self.bars_plot.setMouseEnabled(False, False)
        self.bars_plot.hideButtons()
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7, brush=ANSWER)
        self.bars_plot.addItem(self.bars)
        self.fit = keep_axis_titles_whole(self.plots, self.bars_plot, least_height=PLOT_HEIGHT)
        self.view.layout().addWidget(self.plots)
        return True


class RunComparison(QWidget):
    def __init__(self, controller: TrainingController, time_machine: TimeMachine, state: AppState,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("training-compare")
        self.controller, self.time_machine, self.state = controller, time_machine, state
        self.sides = (_Side("a"), _Side("b"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self._hint_fit = room.WholeText(self.hint, fixed=True)    # no higher: the plots get the rest
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)      # the tab's own frame is margin enough
        layout.addWidget(self.hint, 0, 0, 1, 2)
        for col, side in enumerate(self.sides):
            layout.addWidget(side.choice, 1, col)
            layout.addWidget(side.caption, 2, col)
            layout.addWidget(side.view, 3, col)
            side.choice.activated.connect(self._refresh_soon)
        layout.setRowStretch(3, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        controller.films.runs_changed.connect(self._fill)
        controller.films.recording_changed.connect(self._on_recording_changed)
        controller.films.moment_added.connect(self._refresh_soon)
        time_machine.moment_shown.connect(self._refresh_soon)
        time_machine.returned.connect(self._refresh_soon)
        state.input_changed.connect(self._refresh_soon)
        self.retranslate()

    # --- public --------------------------------------------------------------------------------

    def choose(self, a: int, b: int) -> None:
        """Compare run ``a`` with run ``b`` (indices into the session's runs)."""
        for side, i in zip(self.sides, (a, b)):
            side.choice.setCurrentIndex(i)
        self.refresh()

    def refresh(self) -> None:
        if not self.isVisible():
            return
        runs = self.controller.films.recordings.runs
        moment = self.time_machine.moment
        step = None if moment is None else moment.step
        image = self.state.input_image
        for side in self.sides:
            i = side.choice.currentIndex()
            if not 0 <= i < len(runs) or not runs[i].moments:
                side.caption.clear()
                if side.plots is not None:        # no run: no picture (zeros read as solid blue)
                    side.image.hide()
                continue
            self._show(side, i, runs[i], step, image)

    def runs(self) -> tuple[Recording | None, Recording | None]:
        """The run each side shows (None where a side has none)."""
        runs = self.controller.films.recordings.runs
        chosen = [side.choice.currentIndex() for side in self.sides]
        return tuple(runs[i] if 0 <= i < len(runs) else None for i in chosen)

    def probabilities(self) -> tuple[np.ndarray | None, np.ndarray | None]:
        """What each side shows for the pad's input (None where nothing is drawn)."""
        return self.sides[0].probabilities, self.sides[1].probabilities

    # --- texts ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        for side in self.sides:
            self._label(side)
        self.hint.setText(self.tr("Two runs at the same moment (the one the timeline shows): what "
                                  "the first hidden layer looks for, and what each says about your "
                                  "drawing") + " " + self.tr("(weights: orange +, blue −; bars: the "
                                                             "probability of each class)"))
        self._hint_fit.refit()
        for side, which in zip(self.sides, (self.tr("first"), self.tr("second"))):
            side.choice.setToolTip(self.tr("The {which} run to compare").format(which=which))
        self._fill()


    def showEvent(self, event) -> None:
        for side in self.sides:               # the plots, the first time the view shows (not at start)
            if side.build():
                self._label(side)
        super().showEvent(event)
        self.refresh()

    def _label(self, side: _Side) -> None:
        if side.plots is not None:
            side.bars_plot.setLabel("left", self.tr("probability"))
            side.bars_plot.setLabel("bottom", self.tr("class"))
            side.fit()

    def rezoom(self) -> None:
        for side in self.sides:
            if side.plots is not None:
                side.fit()

    # --- helpers -------------------------------------------------------------------------------

    @Slot(object)
    def _on_recording_changed(self, _run: Recording) -> None:
        n = len(self.controller.films.recordings.runs)
        self._fill()
        self.choose(max(n - 2, 0), n - 1)      # the run before against the newest

    @Slot()
    def _refresh_soon(self, *_args) -> None:
        if self.isVisible() and not self._timer.isActive():
            self._timer.start()

    def _fill(self) -> None:
        for side in self.sides:
            current = side.choice.currentIndex()
            side.choice.clear()
            for i, run in enumerate(self.controller.films.recordings.runs, 1):
                text = self.tr("Run {n}").format(n=i)
                side.choice.addItem(f"{text} · {run.label}" if run.label else text)
            side.choice.setCurrentIndex(min(max(current, 0), side.choice.count() - 1))

    def _show(self, side: _Side, i: int, run: Recording, step: int | None, image) -> None:
        moment = run.moments[-1] if step is None else run.nearest(step)
        weights, biases = moment.parameters()
        w = weights[0]
        m = robust_level(w)
        side.image.setImage(weight_mosaic(w), levels=(-m, m))
        side.image.show()
        text = self.tr("Run {n}, batch {step:,} (epoch {epoch:.2f})").format(
            n=i + 1, step=moment.step, epoch=moment.epoch)
        if image is None:
            side.probabilities = None
            side.bars.setOpts(height=np.zeros(10))
        else:
            net = Network(run.sizes, run.activations, weights, biases)
            p = net.predict_proba(image.reshape(1, -1))[0]
            side.probabilities = p
            side.bars.setOpts(x=np.arange(len(p)), height=p)
            k = int(p.argmax())
            text += self.tr(": reads {answer} ({p:.0%})").format(answer=run.class_names[k], p=p[k])
        side.caption.setText(text)
        side.caption_fit.refit()
