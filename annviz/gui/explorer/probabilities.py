"""The ten output probabilities as bars, the winner highlighted with its percentage.

On an empty pad it says "nothing drawn yet" instead of guessing. Below the insight page's
confidence threshold the answer is "not sure", with the two likeliest classes. (A drawing too
small or too thin to be prepared like an MNIST digit is warned about under the pad.) A long
answer is written smaller rather than cut. Items are created once per
architecture and updated in place on every ``forward_changed``.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from annviz.gui.common import room, zoom
from annviz.gui.common.colors import ANSWER, NEUTRAL
from annviz.gui.common.steady import Steady
from annviz.gui.state import AppState

BAR_HEIGHT = 0.75
BAR_LINES = 13                                    # the plot's least height in lines: 10 bars, the axis
INSIDE_FROM = 0.55                                # a share written inside its bar from here up
INSIDE_TEXT, OUTSIDE_TEXT = (0, 0, 0), (90, 90, 90)   # black on green or grey: 6:1 and more


class ProbabilityBars(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self._state = state
        self._title = QLabel()
        self._title.setWordWrap(True)                     # a narrow panel: two lines, not cut
        self._title_fit = room.WholeText(self._title)
        self.answer = QLabel()
        # A new answer must not re-layout the window (that would repaint every view in it): a fixed
        # height, in a ``Steady``, and a long answer ("아직 아무것도 그리지 않았습니다", "not sure —
        # …") is written in a smaller font rather than cut (``_set_answer``).
        self.answer.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._answer_font = QFont()
        self.answer.installEventFilter(self)
        self.rezoom()
        self._plot = pg.PlotWidget(enableMenu=False)
        self._plot.setBackground(None)
        self._plot.setMenuEnabled(False)
        self._plot.setMouseEnabled(x=False, y=False)
        self._plot.hideButtons()
        # Room for ten bars whose percentages and class names do not overlap: a line each, and
        # the axis below with its title (``zoom`` keeps it at every zoom).
        zoom.lines_high(self._plot, BAR_LINES, fixed=False)
        self._plot.getAxis("left").setStyle(textFillLimits=[(0, 0.95)])
        self._plot.invertY(True)
        self._plot.setXRange(0, 1.25, padding=0)
        self._plot.getAxis("bottom").setTicks([[(v, f"{v:.0%}") for v in (0, 0.5, 1.0)]])
        self._bars = pg.BarGraphItem(x0=[], y=[], height=BAR_HEIGHT, width=[])
        self._plot.addItem(self._bars)
        self._labels: list[pg.TextItem] = []
        self._grey, self._winner = pg.mkBrush(NEUTRAL), pg.mkBrush(ANSWER)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addWidget(Steady(self.answer))
        layout.addWidget(self._plot, 1)
        state.model_changed.connect(self._on_model_changed)
        state.forward_changed.connect(self._on_forward_changed)
        state.confidence_threshold_changed.connect(self._on_forward_changed)
        self._on_model_changed()
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(self.tr("Output layer: the network's answer"))
        self._title_fit.refit()
        self._plot.setLabel("left", self.tr("class"))
        self._plot.setLabel("bottom", self.tr("probability (green: the answer)"))
        self._fit_answers()
        self._on_forward_changed()


    def _on_model_changed(self) -> None:
        names = self._state.class_names
        n = len(names)
        for label in self._labels:
            self._plot.removeItem(label)
        self._labels = []
        for i in range(n):
            label = pg.TextItem(anchor=(0, 0.5), color=OUTSIDE_TEXT)
            label.setPos(0, i)
            self._plot.addItem(label)
            self._labels.append(label)
        # Every other class name is a minor tick, written only where there is room for all ten
        # (a short panel, a large zoom: 0, 2, 4, … rather than names on top of each other).
        ticks = list(enumerate(names))
        self._plot.getAxis("left").setTicks([ticks[::2], ticks[1::2]])
        self._plot.setYRange(-0.6, n - 0.4, padding=0)
        self._on_forward_changed()

    def _on_forward_changed(self) -> None:
        p = self._state.probabilities
        n = len(self._labels)
        if p is None or len(p) != n:
            self._bars.setOpts(x0=np.zeros(n), y=np.arange(n), width=np.zeros(n), brushes=None,
                               brush=self._grey)
            for label in self._labels:
                label.setText("")
            has_model = self._state.network is not None
            self._set_answer(self.tr("nothing drawn yet") if has_model else self.tr("no model loaded"))
            self.answer.setToolTip("")
            return
        winner = int(np.argmax(p))
        brushes = [self._grey] * n
        brushes[winner] = self._winner
        self._bars.setOpts(x0=np.zeros(n), y=np.arange(n), width=p, brushes=brushes)
        for i, (label, value) in enumerate(zip(self._labels, p)):
            # After the bar; inside a long one, at its end, where a narrow panel cannot cut it.
            # (Each change of a text item costs: only what changed, ~1 ms a stroke.)
            inside = value > INSIDE_FROM
            if label.anchor.x() != (1 if inside else 0):
                label.setAnchor((1, 0.5) if inside else (0, 0.5))
                label.setColor(INSIDE_TEXT if inside else OUTSIDE_TEXT)
            label.setPos(float(value) + (-0.01 if inside else 0.01), i)
            text = f"{value:.0%}" if value >= 0.005 else ""
            if label.toPlainText() != text:
                label.setText(text)
        names, threshold = self._state.class_names, self._state.confidence_threshold
        if p[winner] >= threshold:
            self._set_answer(self.tr("Prediction: {name} ({share:.0%})").format(
                name=names[winner], share=float(p[winner])))
        else:
            second = int(np.argsort(p)[-2])
            self._set_answer(self.tr("not sure — {p1:.0%} {n1}, {p2:.0%} {n2}").format(
                p1=float(p[winner]), n1=names[winner], p2=float(p[second]), n2=names[second]))
        self.answer.setToolTip(self.tr("Below {t:.0%} confidence the answer is “not sure”; the "
                                       "threshold is set on the Insight page.").format(t=threshold))

    def rezoom(self) -> None:
        """The answer 1.6 times the text size, bold, at the zoom now."""
        self._answer_font = zoom.font(1.6, bold=True)
        self.answer.setFixedHeight(QFontMetrics(self._answer_font).lineSpacing() + 2)
        self._fit_answers()
        self._set_answer(self.answer.text())

    def _answers(self) -> list[str]:
        """The longest answers the panel can give, for its least width."""
        return [self.tr("nothing drawn yet"), self.tr("no model loaded"),
                self.tr("not sure — {p1:.0%} {n1}, {p2:.0%} {n2}").format(p1=0.49, n1="8", p2=0.48, n2="8")]

    def _fit_answers(self) -> None:
        """At least as wide as every answer written in the text's own size, bold: the big font may
        shrink to fit the panel, never below that (``_set_answer``)."""
        metrics = QFontMetrics(zoom.font(1.0, bold=True))
        self.answer.setMinimumWidth(max(metrics.horizontalAdvance(t) for t in self._answers()) + zoom.px(4))
        # and the plot as wide as its axis title below, which pyqtgraph would otherwise cut
        plot = getattr(self, "_plot", None)               # (not yet made, on the first rezoom)
        if plot is not None:
            title = plot.getAxis("bottom").label.boundingRect().width()
            plot.setMinimumWidth(int(title + plot.getAxis("left").width()) + zoom.px(12))

    def _set_answer(self, text: str) -> None:
        """The answer in the big font, or as much smaller as it takes to fit the width (not below
        the text's own size, which ``_fit_answers`` makes room for)."""
        font = QFont(self._answer_font)
        floor = zoom.font(1.0).pointSizeF()
        width = max(self.answer.contentsRect().width() - 2, zoom.px(120))
        while QFontMetrics(font).horizontalAdvance(text) > width and font.pointSizeF() > floor:
            font.setPointSizeF(max(floor, font.pointSizeF() - 1))
        if font != self.answer.font():
            self.answer.setFont(font)
        self.answer.setText(text)

    def eventFilter(self, watched, event) -> bool:
        """The answer label resized (the panel, a page that borrows it, the zoom): fit it again."""
        # getattr: a filter may still be called while its window is torn down, attributes gone
        if watched is getattr(self, "answer", None) and event.type() == QEvent.Type.Resize:
            self._set_answer(self.answer.text())
        return super().eventFilter(watched, event)
