"""A slider over a fixed list of numbers, with the current value written beside it.

Used for weights, biases and inputs in the neuron lab (evenly spaced values) and for the
learning rate and L2 in the training panel (round values on a log scale). Each position is one
value of the list, so what the label shows is exactly what the program uses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from annviz.gui.common import zoom


def evenly_spaced(lo: float, hi: float, step: float) -> list[float]:
    """lo, lo + step, …, hi (rounded so that 0.1-steps print as 0.1, not 0.30000000000000004)."""
    n = int(round((hi - lo) / step))
    return [round(lo + i * step, 10) for i in range(n + 1)]


class ValueSlider(QWidget):
    """A horizontal slider whose positions are ``values`` (increasing), its value at the right.

    ``slider`` is the underlying integer QSlider (tests move it); ``value_changed`` carries the
    value. ``text`` writes a value for the label; ``widest`` is the widest text it will write.
    """

    value_changed = Signal(float)

    def __init__(self, values: Sequence[float], value: float, text: Callable[[float], str] = str,
                 widest: str = "−00.00", parent: QWidget | None = None):
        super().__init__(parent)
        self.values = list(values)
        self._text = text
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, len(self.values) - 1)
        zoom.pixels(self.slider, min_width=90)
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        zoom.text_wide(self.label, widest, 4)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.set_value(value)
        self._on_slider_value_changed(self.slider.value())

    def value(self) -> float:
        return self.values[self.slider.value()]

    def setToolTip(self, text: str) -> None:  # noqa: N802 — Qt's name
        """The tooltip of the slider and its value too (the parts the mouse is over)."""
        super().setToolTip(text)
        self.slider.setToolTip(text)
        self.label.setToolTip(text)

    def set_value(self, value: float) -> None:
        """Move to the position whose value is nearest to ``value``."""
        self.slider.setValue(self._nearest(value))

    def _nearest(self, value: float) -> int:
        return min(range(len(self.values)), key=lambda i: abs(self.values[i] - value))

    def _on_slider_value_changed(self, position: int) -> None:
        self.label.setText(self._text(self.values[position]))
        self.value_changed.emit(self.values[position])
