"""One filter opened large: its kernel's weights, a 5×5 grid of numbers per input map, and its bias;
under them its gradient for the pad's drawing.

The gradient (``featuremaps.filter_gradient``) is the cross-entropy's for the drawing, as if it
were the digit chosen (the network's answer at first): dL/dw for the input map where it is
largest, and dL/db by backpropagation beside its numeric slope. *Pool backward with a mask
x == max* back-propagates through the pools the wrong way a first version did: where a pooling
window's values tie (the flat background, the inside of a thick stroke) the gradient is counted
once per tied pixel, and the numeric slope no longer agrees.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from annviz.gui.common.names import signed
from annviz.gui.convolution.map_pictures import NumberGrid
from annviz.nn.featuremaps import FilterGradient

GradientFn = Callable[[int, bool], FilterGradient]     # (label, tie mask) → the gradient


def scientific(x: float) -> str:
    """2.78·10⁻⁸ as 2.78e−8: small gradients read as what they are, with a true minus."""
    return f"{x:.3g}".replace("e-0", "e-").replace("e+0", "e+").replace("-", "−")


class KernelDialog(QDialog):
    def __init__(self, conv: int, f: int, kernel: np.ndarray, bias: float, parent: QWidget | None = None,
                 gradient: GradientFn | None = None, label: int = 0):
        super().__init__(parent)
        self.setObjectName("convolution-kernel-dialog")
        self._kernel = np.array(kernel, dtype=float)          # (channels, k, k)
        self._which = (conv, f)
        self._gradient_fn = gradient
        self._gradient: FilterGradient | None = None
        channels = len(self._kernel)
        self.setWindowTitle(self.tr("Convolution {c} · filter {f}").format(c=conv + 1, f=f + 1))
        title = QLabel(f"<b>{self.windowTitle()}</b>")      # also where no window manager shows titles
        intro = QLabel(self.tr("Its {k}×{k} weights: slid over the input, they give the filter's map "
                               "(orange: positive, blue: negative). Bias b = {b}.").format(
            k=self._kernel.shape[-1], b=signed(bias, 3) if bias == 0 or abs(bias) >= 1e-3 else
            ("+" if bias > 0 else "") + scientific(bias)))
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
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        # one map: the gradient under the weights; several: beside them (under, it left a
        # second convolution's dialog taller than a school laptop's screen)
        body = QHBoxLayout() if channels > 1 else QVBoxLayout()
        body.addLayout(grid)
        layout.addLayout(body)
        width, height = max(360, columns * (cell * 5 + 20)), 120 + math.ceil(channels / columns) * (cell * 5 + 30)
        if gradient is not None:
            side = QVBoxLayout()
            extra = self._build_gradient(side, label, cell)
            side.addStretch(1)
            body.addLayout(side)
            if channels > 1:
                width += 300
                height = max(height, extra + 120)
            else:
                height += extra
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(width, height)

    def _build_gradient(self, layout: QVBoxLayout, label: int, cell: int) -> int:
        self.label_box = QComboBox()
        self.label_box.setObjectName("convolution-gradient-label")
        for k in range(10):
            self.label_box.addItem(str(k), k)
        self.label_box.setCurrentIndex(label)
        self.label_box.setToolTip(self.tr("The digit the drawing is meant to be: the loss and its gradient "
                                          "are for this answer"))
        self.tie_mask = QCheckBox(self.tr("Pool backward with a mask x == max (a real bug)"))
        self.tie_mask.setObjectName("convolution-tie-mask")
        self.tie_mask.setToolTip(self.tr("Give a pooling window's gradient to every pixel equal to its "
                                         "maximum, as a first version of annviz did, instead of to the one "
                                         "pixel that was kept"))
        self.gradient_grid = NumberGrid(cell=min(cell, 36), digits=2)
        self.gradient_grid.setObjectName("convolution-gradient")
        self.gradient_text = QLabel()
        self.gradient_text.setWordWrap(True)
        self.gradient_text.setMinimumWidth(280)
        self.gradient_text.setObjectName("convolution-gradient-numbers")
        self._grid_title = QLabel()
        row = QHBoxLayout()
        asked = QLabel(self.tr("Its gradient for your drawing, as if it were a"))
        asked.setWordWrap(True)
        row.addWidget(asked, 1)
        row.addWidget(self.label_box)
        layout.addLayout(row)
        layout.addWidget(self._grid_title)
        layout.addWidget(self.gradient_grid)
        layout.addWidget(self.gradient_text)
        layout.addWidget(self.tie_mask)
        self.label_box.currentIndexChanged.connect(lambda _i: self._show_gradient())
        self.tie_mask.toggled.connect(lambda _on: self._show_gradient())
        self._show_gradient()
        return min(cell, 36) * 5 + 150

    def _show_gradient(self) -> None:
        g = self._gradient_fn(int(self.label_box.currentData()), self.tie_mask.isChecked())
        self._gradient = g
        shown = int(np.argmax(np.abs(g.weights).sum(axis=(1, 2)))) if len(g.weights) > 1 else 0
        scale = float(np.abs(g.weights).max())
        self._grid_title.setText(
            (self.tr("dL/dw (map {m}), in units of {u}:").format(m=shown + 1, u=scientific(scale))
             if len(g.weights) > 1 else self.tr("dL/dw, in units of {u}:").format(u=scientific(scale)))
            if scale > 0 else self.tr("dL/dw: 0 everywhere (nothing of this filter reaches the loss)"))
        self.gradient_grid.set_values(g.weights[shown] / scale if scale > 0 else g.weights[shown], signed=True)
        self.gradient_text.setText(self.tr(
            "Loss L = {l}. dL/db by backpropagation: {bp}; numeric slope (L(b + h) − L(b − h)) / 2h, "
            "h = 10⁻⁴: {num}; they differ by {e:.1%}.").format(
            l=f"{g.loss:.4f}" if g.loss >= 1e-3 else scientific(g.loss), bp=scientific(g.bias), num=scientific(g.numeric_bias), e=g.relative_error))

    def weights(self) -> np.ndarray:
        """The kernel shown, (channels, k, k)."""
        return self._kernel.copy()

    def which(self) -> tuple[int, int]:
        """(convolution, filter), both from 0."""
        return self._which

    def gradient(self) -> FilterGradient | None:
        """The gradient shown (None in a dialog without one)."""
        return self._gradient

    def set_label(self, label: int) -> None:
        self.label_box.setCurrentIndex(int(label))

    def set_tie_mask(self, on: bool) -> None:
        self.tie_mask.setChecked(on)
