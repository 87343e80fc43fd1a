"""Small pieces the lab's views share: a slider for real numbers, the two class colours, and
turning a value map over the plane into a coloured ``QImage``."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from annviz.gui.common.colors import NEGATIVE, POSITIVE, weight_colormap
from annviz.gui.common.sliders import ValueSlider as CommonValueSlider
from annviz.gui.common.sliders import evenly_spaced

#: Class 1 ("yes", output near 1) and class 0 ("no"), the same as the sign colours of weights,
#: so an orange region of the heat map is where the network says "class 1".
CLASS_COLORS = {1: POSITIVE, 0: NEGATIVE}


class ValueSlider(CommonValueSlider):
    """A slider over real numbers ``lo … hi`` in steps of ``step``, written as the lab writes them."""

    def __init__(self, lo: float, hi: float, step: float, value: float = 0.0,
                 decimals: int = 2, parent: QWidget | None = None):
        super().__init__(evenly_spaced(lo, hi, step), value, lambda v: format_number(v, decimals),
                         parent=parent)


def format_number(value: float, decimals: int = 2) -> str:
    """A number as the lab writes it: fixed decimals and a true minus sign."""
    text = f"{value:.{decimals}f}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return text.replace("-", "−")


_RGB = weight_colormap().getLookupTable(0.0, 1.0, 256, alpha=False).astype(np.uint32)   # (256, 3)
#: The same colours as 0xffRRGGBB words: a Format_RGB32 image paints without conversion.
_LUT32 = (0xFF000000 | (_RGB[:, 0] << 16) | (_RGB[:, 1] << 8) | _RGB[:, 2]).astype(np.uint32)


def map_image(values: np.ndarray, lo: float, hi: float) -> QImage:
    """A (res, res) map over the plane (row 0 at the bottom) as a diverging-coloured QImage.

    ``lo`` maps to blue, the middle to the neutral grey, ``hi`` to orange.
    """
    span = hi - lo if hi > lo else 1.0
    index = np.clip((np.asarray(values, dtype=np.float32) - lo) * (255.0 / span), 0, 255)
    words = np.ascontiguousarray(_LUT32[index.astype(np.uint8)][::-1])   # top row first, (res, res)
    h, w = words.shape
    return QImage(words.data, w, h, 4 * w, QImage.Format.Format_RGB32).copy()


def lighter(color: QColor, amount: float) -> QColor:
    """``color`` mixed with white: 0 keeps it, 1 gives white."""
    return QColor(*(int(c + (255 - c) * amount) for c in (color.red(), color.green(), color.blue())))
