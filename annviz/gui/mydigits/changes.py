"""What changed: the first layer's weight pictures minus what they were, and one digit's answer.

``WeightChanges.show_change(before, now)`` takes the first layer's weights (n, 784) before the
lesson and now, and draws each neuron's change ΔW as a 28×28 picture on one symmetric diverging
scale (the sign colours: zero is neutral, orange rose, blue fell; a legend strip says so). The ``HIGHLIGHTED`` neurons whose weights
moved most (‖ΔW‖) are framed and named. At most ``SHOWN`` neurons are drawn: all of them for a
small layer, else those that changed most.

``PredictionChange.show_prediction(image, before, now)`` shows one of my digits with the
network's answer and confidence before the lesson and now.

The arithmetic — ΔW, which neurons moved most, the answer of a network's outputs — is
``annviz.nn.changes``'s; these views draw it.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from annviz.gui.common.colors import HINT, MARK, symmetric_level, weight_colormap
from annviz.nn.changes import answer, weight_change

SHOWN = 16
HIGHLIGHTED = 3
FRAME = MARK                  # ink: orange and blue are the change's sign


class WeightChanges(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumSize(240, 110)              # a picture: it gives way before text
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.shown: np.ndarray = np.zeros(0, int)        # neuron indices drawn, in order
        self.highlighted: np.ndarray = np.zeros(0, int)  # those framed
        self.level = 0.0                                 # m of the levels (−m, m)
        self._tiles: list[QImage] = []
        self._lut = weight_colormap().getLookupTable(nPts=256, alpha=False).astype(np.uint8)
        self._empty_text = ""
        self.retranslate()

    def show_change(self, before: np.ndarray | None, now: np.ndarray | None) -> None:
        """The first layer's weights (n, 784) before the lesson and now; None clears."""
        self._tiles = []
        if before is None or now is None or before.shape != now.shape or before.shape[1] != 784:
            self.shown = self.highlighted = np.zeros(0, int)
            self.update()
            return
        change = weight_change(before, now, SHOWN, HIGHLIGHTED)
        delta = change.delta                                              # (n, 784)
        self.shown, self.highlighted = change.shown, change.highlighted
        self.level = symmetric_level(delta[self.shown])
        for i in self.shown:
            scaled = (delta[i].reshape(28, 28) / self.level + 1) * 127.5      # −m … m → 0 … 255
            rgb = np.ascontiguousarray(self._lut[np.clip(scaled, 0, 255).astype(np.uint8)])
            self._tiles.append(QImage(rgb.data, 28, 28, 28 * 3, QImage.Format.Format_RGB888).copy())
        self.update()

    def retranslate(self) -> None:
        self._empty_text = self.tr("Teach it, and the change in each first-layer neuron's weights "
                                   "shows here.")
        self.update()


    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        if not self._tiles:
            painter.setPen(HINT)
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self._empty_text)
            painter.end()
            return
        columns = min(8, len(self._tiles))
        rows = -(-len(self._tiles) // columns)
        caption = painter.fontMetrics().height()
        side = max(8.0, min((self.width() - 4) / columns - 6, (self.height() - 4) / rows - caption - 6))
        for k, (tile, neuron) in enumerate(zip(self._tiles, self.shown)):
            x = 2 + (k % columns) * (side + 6)
            y = 2 + (k // columns) * (side + caption + 6)
            target = QRectF(x, y, side, side)
            painter.drawImage(target, tile)
            framed = neuron in self.highlighted
            if framed:
                painter.setPen(QPen(FRAME, 3))
                painter.drawRect(target.adjusted(-1.5, -1.5, 1.5, 1.5))
            painter.setPen(FRAME if framed else self.palette().windowText().color())
            painter.drawText(QRectF(x, y + side, side, caption), Qt.AlignmentFlag.AlignCenter, str(neuron))
        painter.end()


class PredictionChange(QWidget):
    """One of my digits, and the network's answer before the lesson and now."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._image: QImage | None = None
        self.before: np.ndarray | None = None
        self.now: np.ndarray | None = None
        self.label: int | None = None
        self._lines = ("", "")
        self.retranslate()

    def show_prediction(self, image: np.ndarray | None, label: int | None,
                        before: np.ndarray | None, now: np.ndarray | None) -> None:
        """``image`` (784,) in [0, 1] with its true ``label``; the output probabilities (10,)
        before the lesson and now (None: not known yet)."""
        self.label, self.before, self.now = label, before, now
        self._image = None
        if image is not None:
            grey = np.ascontiguousarray(np.clip(image.reshape(28, 28) * 255, 0, 255).astype(np.uint8))
            self._image = QImage(grey.data, 28, 28, 28, QImage.Format.Format_Grayscale8).copy()
        self.retranslate()

    def text(self) -> tuple[str, str]:
        return self._lines

    def retranslate(self) -> None:
        def written(p):
            if p is None:
                return "–"
            said = answer(p)
            return self.tr("{digit} ({p:.0%})").format(digit=said.k, p=said.confidence)

        if self._image is None:
            self._lines = (self.tr("Pick one of your digits to see its answer before and after."), "")
        else:
            self._lines = (self.tr("This {label}: before the lesson the network said {before}").format(
                label=self.label, before=written(self.before)),
                self.tr("now it says {now}").format(now=written(self.now)))
        self.update()


    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        left = 4
        if self._image is not None:
            painter.drawImage(QRectF(4, 4, 56, 56), self._image)
            left = 68
        painter.setPen(self.palette().windowText().color())
        area = QRectF(left, 4, self.width() - left - 4, 56)
        painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                         "\n".join(line for line in self._lines if line))
        painter.end()
