"""Colours with meaning: one pair of sign colours for weights, edges and pushes, everywhere.

Negative is blue, positive is orange — the blue and vermilion of Okabe and Ito's colour-blind-safe
palette — and on screen they are called "blue" and "orange" (파랑, 주황), never "red". Weight
pictures use a diverging map from that blue through a light grey (zero) to that orange, with
symmetric levels (−m, m), so zero is always the neutral colour and signs compare across
neurons; edges use the two end colours; on the dark diagram, signed values fade from them into
the dark (``contribution_colormap``). The lab's two classes use the same pair (class 1 orange).
Nothing else is orange or blue: the answer is green (``ANSWER``), right and wrong answers green
and grey (``RIGHT``, ``WRONG``), what is framed is ink (``MARK``).
docs/COLOURS.md records the choice; ``sign_legend_html`` writes the legend strip under each
view that colours by sign.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

POSITIVE = QColor(214, 96, 30)    # orange (Okabe–Ito vermilion): a positive weight / push towards
NEGATIVE = QColor(33, 102, 172)   # blue (Okabe–Ito blue): a negative weight / push against
NEUTRAL = QColor(200, 200, 200)
# Orange and blue mean a sign and nothing else. What is not a sign gets colours of its own:
#: the network's answer (the winning class), the current point on a curve: Okabe–Ito bluish green
ANSWER = QColor(0, 158, 115)
#: right and wrong answers (the confusion matrix's diagonal and the rest): a dark green and a
#: dark grey, both dark enough for white numbers (purple is the lessons' highlight)
RIGHT, WRONG = QColor(0, 120, 90), QColor(80, 80, 80)
#: what is marked or framed (the most changed neurons, held-out digits): the ink of the text
MARK = QColor(40, 40, 40)
ZERO = (236, 236, 236)            # the weight map's middle: a light grey
DARK_NEUTRAL = (44, 44, 50)       # zero on a dark background: just lighter than the background

# Text that must be read from the back of a classroom: at least 4.5:1 against the light
# backgrounds (WCAG AA for text; tests/gui/test_classroom.py measures it on screen).
#: Hints and notes, quieter than the text but still readable: 5.2:1 on the window's grey.
HINT = QColor(100, 100, 100)
#: The text and axes of every plot (pyqtgraph's own default grey is 2.6:1 on the window's grey).
PLOT_TEXT = (80, 80, 80)
pg.setConfigOption("foreground", PLOT_TEXT)


def weight_colormap() -> pg.ColorMap:
    """The diverging colour map for weights: blue … light grey … orange (pass symmetric levels
    (−m, m) with it)."""
    return pg.ColorMap([0.0, 0.5, 1.0], [NEGATIVE.getRgb()[:3], ZERO, POSITIVE.getRgb()[:3]])


def sign_legend_html(negative: str, positive: str, zero: str | None = None) -> str:
    """The legend strip: a blue and an orange square with what each means (already translated,
    e.g. "blue: negative weight"), and the grey of zero when ``zero`` is given. The texts are
    plain: a "<" in one ("w < 0") is written, not read as the start of a tag."""
    def swatch(color: str, mark: str, text: str) -> str:
        return f'<span style="color:{color}">{mark}</span>&nbsp;{html.escape(text, quote=False)}'

    parts = [swatch(NEGATIVE.name(), "■", negative)]
    if zero is not None:
        parts.append(swatch("#888888", "□", zero))           # the light grey, outlined
    parts.append(swatch(POSITIVE.name(), "■", positive))
    return "&nbsp;&nbsp;&nbsp;".join(parts)


def activation_colormap() -> pg.ColorMap:
    """Black → white, as MNIST shows ink: for activations in [0, 1]."""
    return pg.ColorMap([0.0, 1.0], [(0, 0, 0), (255, 255, 255)])


def symmetric_level(values, floor: float = 1e-6) -> float:
    """m for the levels (−m, m): the largest |value| (at least ``floor`` so a zero array works)."""
    values = np.asarray(values)
    return max(float(np.abs(values).max()) if values.size else 0.0, floor)


def sign_color(value: float, alpha: int = 255) -> QColor:
    """POSITIVE or NEGATIVE for the sign of ``value``, with the given opacity."""
    c = QColor(POSITIVE if value >= 0 else NEGATIVE)
    c.setAlpha(int(alpha))
    return c


def contribution_colormap() -> pg.ColorMap:
    """NEGATIVE … dark … POSITIVE, for signed values on the diagram's dark background: the edges'
    sign colours, with zero fading into the dark (pass symmetric levels (−m, m) with it)."""
    return pg.ColorMap([0.0, 0.5, 1.0], [NEGATIVE.getRgb()[:3], DARK_NEUTRAL, POSITIVE.getRgb()[:3]])
