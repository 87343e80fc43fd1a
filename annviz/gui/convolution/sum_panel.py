"""Beside the feature maps: what the pixel under the mouse is made of.

Its receptive field on the input (the pixels it depends on, a yellow square), and for a
convolution's pixel the numbers of its sum z = Σ wᵢaᵢ + b: the kernel's 5×5 weights and the 5×5
inputs under it, then the sum written out. A second convolution's kernel has a 5×5 slice per map
of the layer before: the slice shown is the map whose part of the sum is largest, and the sum
counts every map. For a pooled pixel: the four values it is the largest of.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from annviz.gui.common import room
from annviz.gui.common.names import number, signed
from annviz.gui.convolution.map_pictures import FieldPicture, NumberGrid
from annviz.nn.featuremaps import Terms

DIGITS = 3      # decimals of the sum's numbers


class SumPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = FieldPicture(minimum=110)
        self.field.setObjectName("convolution-field")
        self.weights = NumberGrid(cell=24)
        self.inputs = NumberGrid(cell=24)
        self._field_title, self._w_title, self._a_title = QLabel(), QLabel(), QLabel()
        self.equation = QLabel()
        self.equation.setWordWrap(True)
        self.equation.setObjectName("convolution-sum")
        self._equation_fit = room.WholeText(self.equation, 4, texts=self._equation_texts)
        grids = QGridLayout()
        grids.setContentsMargins(0, 0, 0, 0)
        grids.addWidget(self._w_title, 0, 0)
        grids.addWidget(self._a_title, 0, 1)
        grids.addWidget(self.weights, 1, 0)
        grids.addWidget(self.inputs, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._field_title)
        layout.addWidget(self.field, 1)
        layout.addLayout(grids)
        layout.addWidget(self.equation)
        layout.addStretch(0)
        self._terms: Terms | None = None
        self._channels = 1
        self._pooled: np.ndarray | None = None
        self.retranslate()
        self.show_nothing()

    def retranslate(self) -> None:
        self._field_title.setText(self.tr("Receptive field on the input"))
        self._w_title.setText(self.tr("weights w"))
        self._a_title.setText(self.tr("inputs a"))
        self._refresh_equation()

    def set_input(self, image: np.ndarray) -> None:
        self.field.set_image(image)

    def show_nothing(self) -> None:
        self._terms, self._pooled = None, None
        self.field.set_box(None)
        self.weights.setVisible(False)
        self.inputs.setVisible(False)
        self._w_title.setVisible(False)
        self._a_title.setVisible(False)
        self._refresh_equation()

    def show_conv(self, box, terms: Terms, channel_shown: int) -> None:
        """A convolution's pixel: its receptive field ``box`` and the numbers of its sum; the
        5×5 slice of the map ``channel_shown`` of the layer before (0 for the first layer)."""
        self._terms, self._pooled = terms, None
        self._channels, self._shown = len(terms.weights), channel_shown
        self.field.set_box(box)
        level = float(np.abs(terms.weights).max()) or 1.0
        self.weights.set_values(terms.weights[channel_shown], signed=True, level=level)
        self.inputs.set_values(terms.inputs[channel_shown], signed=False)
        for w in (self.weights, self.inputs, self._w_title, self._a_title):
            w.setVisible(True)
        self._refresh_equation()

    def show_pool(self, box, window: np.ndarray) -> None:
        """A pooled pixel: its receptive field and the 2×2 values it is the largest of."""
        self._terms, self._pooled = None, np.array(window, dtype=float)
        self.field.set_box(box)
        self.inputs.set_values(self._pooled, signed=False)
        self.weights.setVisible(False)
        self._w_title.setVisible(False)
        self.inputs.setVisible(True)
        self._a_title.setVisible(True)
        self._refresh_equation()

    def _refresh_equation(self) -> None:
        t = self._terms
        if t is not None:
            # The total is the sum of the terms as shown, so that they add up on the screen
            # (3.421 + 0.000 must not read = 3.422); it is within 0.001 of the network's z.
            sum_wa, bias = round(float(t.products.sum()), DIGITS), round(t.bias, DIGITS)
            z = round(sum_wa + bias, DIGITS)
            text = self.tr("z = Σ wᵢaᵢ + b = {s} {b} = {z}\nReLU: a = max(0, z) = {a}").format(
                s=number(sum_wa, DIGITS), b=signed(bias, DIGITS).replace("+", "+ ").replace("−", "− "),
                z=number(z, DIGITS), a=number(max(0.0, z), DIGITS))
            if self._channels > 1:
                self._a_title.setText(self.tr("inputs a (map {m} of {n})").format(m=self._shown + 1,
                                                                                 n=self._channels))
                self._w_title.setText(self.tr("weights w (map {m})").format(m=self._shown + 1))
                text += "\n" + self.tr("The sum counts all {n} maps × 25 pixels; the map shown "
                                       "adds the most.").format(n=self._channels)
            else:
                self._a_title.setText(self.tr("inputs a"))
                self._w_title.setText(self.tr("weights w"))
        elif self._pooled is not None:
            self._a_title.setText(self.tr("the 2×2 window before pooling"))
            text = self.tr("max-pool: keeps the largest of the four = {m}").format(
                m=number(float(self._pooled.max()), 3))
        else:
            text = self.tr("Point at a pixel of a feature map to see what it sums.")
        self.equation.setText(text)

    def _equation_texts(self) -> list[str]:
        """The longest texts the equation can hold, for the room it keeps."""
        return [self.tr("z = Σ wᵢaᵢ + b = {s} {b} = {z}\nReLU: a = max(0, z) = {a}").format(
            s="−00.000", b="− 0.000", z="−00.000", a="00.000") + "\n" + self.tr(
            "The sum counts all {n} maps × 25 pixels; the map shown adds the most.").format(n=32)]

    def equation_text(self) -> str:
        return self.equation.text()
