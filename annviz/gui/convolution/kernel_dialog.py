"""One filter opened large: its kernel's weights, a 5×5 grid of numbers per input map, and its bias."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from annviz.gui.common.names import signed
from annviz.gui.convolution.map_pictures import NumberGrid


class KernelDialog(QDialog):
    def __init__(self, conv: int, f: int, kernel: np.ndarray, bias: float, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("convolution-kernel-dialog")
        self._kernel = np.array(kernel, dtype=float)          # (channels, k, k)
        self._which = (conv, f)
        channels = len(self._kernel)
        self.setWindowTitle(self.tr("Convolution {c} · filter {f}").format(c=conv + 1, f=f + 1))
        title = QLabel(f"<b>{self.windowTitle()}</b>")      # also where no window manager shows titles
        intro = QLabel(self.tr("Its {k}×{k} weights: slid over the input, they give the filter's map "
                               "(orange: positive, blue: negative). Bias b = {b}.").format(
            k=self._kernel.shape[-1], b=signed(bias, 3)))
        intro.setWordWrap(True)
        grid = QGridLayout()
        cell = 44 if channels == 1 else 30
        level = float(np.abs(self._kernel).max()) or 1.0
        columns = min(channels, 4)
        for c in range(channels):
            box = QVBoxLayout()
            if channels > 1:
                box.addWidget(QLabel(self.tr("from map {m}").format(m=c + 1)))
            picture = NumberGrid(cell=cell)
            picture.set_values(self._kernel[c], signed=True, level=level)
            box.addWidget(picture)
            grid.addLayout(box, *divmod(c, columns))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        self.resize(max(320, columns * (cell * 5 + 20)), 120 + math.ceil(channels / columns) * (cell * 5 + 30))

    def weights(self) -> np.ndarray:
        """The kernel shown, (channels, k, k)."""
        return self._kernel.copy()

    def which(self) -> tuple[int, int]:
        """(convolution, filter), both from 0."""
        return self._which
