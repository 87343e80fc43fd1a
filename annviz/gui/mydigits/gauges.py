"""Before → now: two accuracy gauges and the accuracy of each digit before and after.

``Gauge.show_values(before, now)`` draws a 0–100 % track with a mark where the accuracy was
before the lesson and a bar to where it is now, the change green when it rose and grey when it
fell (with the numbers written out: colour is never the only cue). ``PerLabelBars.show_accuracy(before, after)``
draws ten pairs of bars.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from annviz.gui.common import zoom
from annviz.gui.common.colors import RIGHT, WRONG
from annviz.gui.common.plotting import cache_axes, keep_axis_titles_whole

ROSE, FELL, BEFORE = QColor(RIGHT), QColor(WRONG), QColor(150, 150, 150)   # not the sign colours


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


class Gauge(QWidget):
    """One accuracy, before the lesson and now."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = ""
        self.before: float | None = None
        self.now: float | None = None
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_values(self, before: float | None, now: float | None) -> None:
        self.before, self.now = before, now
        self.setToolTip(self.text())
        self.update()

    def set_title(self, title: str) -> None:
        self.title = title
        self.update()

    def text(self) -> str:
        """"72.8% → 80.4% (+7.6 points)", as written on the gauge."""
        if self.before is None:
            return "–"
        if self.now is None:
            return percent(self.before)
        change = (self.now - self.before) * 100
        return f"{percent(self.before)} → {percent(self.now)} ({change:+.1f})"

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        width = self.width() - 8
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(palette.windowText().color())
        painter.drawText(QRectF(4, 0, width, 22), Qt.AlignmentFlag.AlignVCenter, self.title)
        font.setBold(False)
        painter.setFont(font)
        painter.drawText(QRectF(4, 0, width, 22), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         self.text())
        track = QRectF(4, 28, width, 22)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.base())
        painter.drawRoundedRect(track, 4, 4)
        if self.now is not None:   # up to the lower of the two in the neutral colour, the change in colour
            low = self.now if self.before is None else min(self.now, self.before)
            painter.setBrush(palette.mid())
            painter.drawRoundedRect(QRectF(track.left(), track.top(), track.width() * low, track.height()), 4, 4)
            if self.before is not None and abs(self.now - self.before) > 1e-9:
                painter.setBrush(FELL if self.now < self.before else ROSE)
                painter.drawRect(QRectF(track.left() + track.width() * low, track.top(),
                                        track.width() * abs(self.now - self.before), track.height()))
        if self.before is not None:
            x = track.left() + track.width() * self.before
            painter.setPen(QPen(palette.windowText().color(), 3))
            painter.drawLine(int(x), int(track.top()) - 3, int(x), int(track.bottom()) + 3)
        painter.end()


LEAST_HEIGHT = 110      # the bars' least height at 100 %


class PerLabelBars(pg.PlotWidget):
    """Accuracy on my held-out digits of each label: before (grey) and after (green)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, enableMenu=False)
        self.setBackground(None)          # the window's light grey, like every other plot
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setYRange(0, 1, padding=0.02)
        self.setXRange(-0.6, 9.6, padding=0)
        self.getAxis("bottom").setTicks([[(d, str(d)) for d in range(10)]])
        self.getAxis("left").setTicks([[(v, f"{v:.0%}") for v in (0, 0.5, 1)]])
        cache_axes(self)
        # a picture gives way before text: down to LEAST_HEIGHT, and to where "accuracy" is whole
        self._fit_titles = keep_axis_titles_whole(self, least_height=LEAST_HEIGHT)
        x = np.arange(10, dtype=float)
        self._before = pg.BarGraphItem(x=x - 0.18, height=np.zeros(10), width=0.34, brush=BEFORE, pen=None)
        self._after = pg.BarGraphItem(x=x + 0.18, height=np.zeros(10), width=0.34, brush=ROSE, pen=None)
        self.addItem(self._before)
        self.addItem(self._after)
        self.before = [None] * 10
        self.after = [None] * 10
        self.retranslate()

    def show_accuracy(self, before: list[float | None], after: list[float | None]) -> None:
        """Accuracy per digit 0–9 (None: no held-out digit of that label, or not measured yet)."""
        self.before, self.after = list(before), list(after)
        self._before.setOpts(height=[0 if v is None else v for v in before])
        self._after.setOpts(height=[0 if v is None else v for v in after])

    def retranslate(self) -> None:
        # two lines: the bars stand beside the gauges, narrower than the title on one line
        self.setTitle(self.tr("My held-out digits, per digit:<br>before (grey), after (green)"),
                      size=zoom.text_size(9))
        self.setLabel("left", self.tr("accuracy"))
        self.setLabel("bottom", self.tr("digit"))
        self._fit_titles()

    def rezoom(self) -> None:
        self._fit_titles()
