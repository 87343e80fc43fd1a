"""A slider over round numbers on a log scale: 1, 2, 5, 10, 20, 50, … — for η and λ.

Learning rates worth trying span eight orders of magnitude; a linear slider would spend all its
travel on the largest ones. Each slider position is one of the 1-2-5 values, so what the label
shows is exactly what training gets, and any value can still be set in code (it snaps to the
nearest position on the log scale).
"""

from __future__ import annotations

import math

from PySide6.QtWidgets import QWidget

from annviz.gui.common.sliders import ValueSlider


def round_values(low_exp: int, high_exp: int) -> list[float]:
    """1·10^k, 2·10^k, 5·10^k for k in [low_exp, high_exp), then 10^high_exp."""
    values = [m * 10.0 ** k for k in range(low_exp, high_exp) for m in (1, 2, 5)]
    return [float(f"{v:.1e}") for v in values] + [10.0 ** high_exp]


def format_value(value: float) -> str:
    """0 → "0", 0.001 → "0.001", 2e-05 → "2e-05", 1000 → "1000"."""
    if value == 0:
        return "0"
    if 1e-4 <= abs(value) < 1e5:
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return f"{value:.0e}"


class LogSlider(ValueSlider):
    """``values`` in increasing order (0 allowed first); ``value_changed(float)`` on every move."""

    def __init__(self, values: list[float], value: float, parent: QWidget | None = None):
        super().__init__(values, value, format_value, widest="0.00005", parent=parent)
        self.slider.setPageStep(3)

    def _nearest(self, value: float) -> int:
        """The position whose value is nearest on the log scale (0 and below: the first)."""
        if value <= 0:
            return 0
        positive = [i for i, v in enumerate(self.values) if v > 0]
        return min(positive, key=lambda i: abs(math.log(self.values[i] / value)))
