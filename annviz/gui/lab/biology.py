"""NeuronPicture: a biological neuron above the artificial unit it inspired, part under part.

Top: dendrites (one per input, thick where the weight is large, orange when it excites and
blue when it inhibits), the cell body (a brighter green the more the neuron fires), the myelinated axon
and the axon terminals. Bottom, aligned under each part: the inputs xᵢ with their weighted
edges and the bias input 1, the sum z, the activation f and the output a, and the next neurons.
Between the two, one caption per part says which is which. Drawn with QPainter; it takes data
only through ``show_neuron``.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from annviz.gui.common import zoom
from annviz.gui.common.colors import ANSWER, NEUTRAL, sign_color
from annviz.gui.lab.neuron_model import Neuron
from annviz.gui.lab.widgets import format_number, lighter

FIRING = ANSWER   # the glow of a firing neuron: green (orange and blue are the weights' signs)
INK = QColor(60, 60, 70)
MEMBRANE = QColor(150, 110, 160)
MYELIN = QColor(238, 226, 200)

# Where each part sits, as fractions of the width: dendrites | cell body | axon | terminals.
X_SOMA, X_AXON_END, X_TERMINALS = 0.40, 0.76, 0.93
PART_SPANS = ((0.0, 0.30), (0.30, 0.52), (0.52, 0.80), (0.80, 1.0))
CAPTIONS = (0.40, 0.12)   # the captions' band: its top and its height, as fractions of the height
LEGIBLE = 0.8      # the smallest share of the text size a caption is written in


def spread_row(texts: list[str], font: QFont, centres: list[float], width: float,
               gap: float = 8.0) -> tuple[list[float], QFont]:
    """The left edge of each of ``texts`` written in a row in ``font``, each centred on its
    ``centres`` where it can be: pushed right off the left edge and its left neighbour, then left off
    the right edge (``width``) and its right neighbour, ``gap`` apart. A row longer than ``width``
    is written in a smaller font (not below ``LEGIBLE`` of it), as small as it must be."""
    font = QFont(font)
    total = sum(QFontMetricsF(font).horizontalAdvance(t) for t in texts) + gap * (len(texts) - 1)
    if total > width:
        font.setPointSizeF(font.pointSizeF() * max(LEGIBLE, (width - gap * (len(texts) - 1)) / (total - gap * (len(texts) - 1))))
    widths = [QFontMetricsF(font).horizontalAdvance(t) for t in texts]
    lefts = [c - w / 2 for c, w in zip(centres, widths)]
    edge = 0.0
    for i, w in enumerate(widths):
        lefts[i] = max(lefts[i], edge)
        edge = lefts[i] + w + gap
    edge = width
    for i in reversed(range(len(widths))):
        lefts[i] = min(lefts[i], edge - widths[i])
        edge = lefts[i] - gap
    return lefts, font


def zoom_font(font: QFont) -> QFont:
    """``font`` (at 100 %) as it comes out on screen under ``zoom.painting_scale``."""
    font = QFont(font)
    font.setPointSizeF(font.pointSizeF() * zoom.factor())
    return font


class NeuronPicture(QWidget):
    """The labelled neuron picture; ``show_neuron`` gives it the numbers to draw."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # A picture: it gives way before text, down to where its captions and numbers still read
        zoom.pixels(self, min_width=440, min_height=280)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._neuron = Neuron((1.0, 1.0), (0.5, 0.5), 0.0)
        self._names: list[str] = ["x₁", "x₂"]
        self._output_name = "a"
        self.retranslate()

    def retranslate(self) -> None:
        self._captions = (
            (self.tr("Dendrites"), self.tr("inputs × weights")),
            (self.tr("Cell body"), self.tr("adds up: z")),
            (self.tr("Axon"), self.tr("output a = f(z)")),
            (self.tr("Axon terminals"), self.tr("to the next neurons")),
        )
        # What the picture says, for screen readers (the captions are painted, not widgets)
        self.setAccessibleDescription(" · ".join(f"{part}: {meaning}" for part, meaning in self._captions))
        self.update()


    def show_neuron(self, neuron: Neuron, input_names: list[str], output_name: str) -> None:
        """Draw this neuron; ``input_names`` label the inputs (e.g. "taste"), ``output_name`` a."""
        self._neuron = neuron
        self._names = list(input_names)
        self._output_name = output_name
        self.update()

    # --- painting ----------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(252, 251, 248))
        w, h = zoom.painting_scale(p, self)          # painted as at 100 %, zoomed as a whole
        top = QRectF(0, 0, w, 0.40 * h)
        bottom = QRectF(0, 0.52 * h, w, 0.48 * h)
        self._paint_biology(p, top)
        self._paint_captions(p, w, h)
        self._paint_unit(p, bottom)
        p.end()

    def _max_weight(self) -> float:
        return max([abs(v) for v in self._neuron.ws] + [1e-9])

    def _paint_biology(self, p: QPainter, r: QRectF) -> None:
        n = len(self._neuron.ws)
        a = min(max(self._neuron.a, 0.0), 1.0)
        soma = QPointF(r.left() + X_SOMA * r.width(), r.center().y())
        radius = min(0.22 * r.height(), 0.07 * r.width())
        m = self._max_weight()
        # Dendrites: one curved branch per input, with a small twig.
        for i, wi in enumerate(self._neuron.ws):
            y = r.top() + r.height() * (i + 0.5) / n
            tip = QPointF(r.left() + 0.05 * r.width(), y)
            angle = math.radians(180 + 70 * ((i + 0.5) / n - 0.5) * 2)
            root = QPointF(soma.x() + radius * math.cos(angle) * 0.9, soma.y() - radius * math.sin(angle) * 0.9)
            path = QPainterPath(tip)
            path.cubicTo(QPointF(tip.x() + 0.12 * r.width(), y), QPointF(root.x() - 0.1 * r.width(), root.y()), root)
            p.setPen(QPen(sign_color(wi, 210), 1.5 + 5.0 * abs(wi) / m, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
            mid = path.pointAtPercent(0.35)
            p.setPen(QPen(sign_color(wi, 150), 1.2))
            p.drawLine(mid, QPointF(mid.x() - 0.04 * r.width(), mid.y() + (-1) ** i * 0.06 * r.height()))
            p.drawLine(tip, QPointF(tip.x() - 0.02 * r.width(), y - 0.04 * r.height()))
            p.drawLine(tip, QPointF(tip.x() - 0.02 * r.width(), y + 0.04 * r.height()))
        # Axon: from the cell body to the terminals, wrapped in myelin; brighter when firing.
        start = QPointF(soma.x() + radius, soma.y())
        end = QPointF(r.left() + X_AXON_END * r.width(), soma.y())
        signal = QColor(FIRING) if a > 0.5 else QColor(INK)
        signal.setAlpha(int(90 + 165 * a))
        p.setPen(QPen(signal, 3.0 + 3.0 * a, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(start, end)
        p.setPen(QPen(MEMBRANE.darker(120), 1))
        p.setBrush(MYELIN)
        length = end.x() - start.x()
        for k in range(4):
            x = start.x() + length * (0.12 + 0.22 * k)
            p.drawRoundedRect(QRectF(x, soma.y() - 7, 0.16 * length, 14), 6, 6)
        # Terminals: three branches ending in bulbs.
        for dy in (-0.28, 0.0, 0.28):
            bulb = QPointF(r.left() + X_TERMINALS * r.width(), soma.y() + dy * r.height())
            path = QPainterPath(end)
            path.quadTo(QPointF(end.x() + 0.08 * r.width(), bulb.y()), bulb)
            p.setPen(QPen(signal, 2.0 + 2.0 * a))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
            p.setPen(QPen(MEMBRANE, 1.2))
            p.setBrush(lighter(FIRING, 1.0 - 0.8 * a))
            p.drawEllipse(bulb, 6, 6)
        # Cell body with its nucleus, glowing with the output.
        p.setPen(QPen(MEMBRANE, 2))
        p.setBrush(lighter(FIRING, 1.0 - 0.85 * a))
        p.drawEllipse(soma, radius * 1.1, radius)
        p.setBrush(MEMBRANE.lighter(130))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(soma + QPointF(-0.25 * radius, -0.15 * radius), 0.35 * radius, 0.3 * radius)

    def captions_drawn(self) -> list[tuple[str, QFont, QRectF]]:
        """Each caption as it is painted: its text, its font and the box it is written in, in the
        widget's pixels (the zoom included). A caption sits over its part, moved sideways only as
        far as it must to stay whole inside the picture and apart from its neighbours; a row too
        long for the picture is written smaller (``spread_row``)."""
        return [(text, zoom_font(font), QRectF(box.x() * zoom.factor(), box.y() * zoom.factor(),
                                               box.width() * zoom.factor(), box.height() * zoom.factor()))
                for text, font, box in self._caption_boxes(self.width() / zoom.factor(),
                                                           self.height() / zoom.factor())]

    def _caption_boxes(self, w: float, h: float) -> list[tuple[str, QFont, QRectF]]:
        """The captions' boxes at 100 % (as ``paintEvent`` paints) for a picture ``w`` × ``h``."""
        top, height = CAPTIONS[0] * h, CAPTIONS[1] * h
        font = zoom.unzoomed(self.font())
        bold = QFont(font)
        bold.setBold(True)
        centres = [(lo + hi) / 2 * w for lo, hi in PART_SPANS]
        drawn = []
        for row, row_font in ((0, bold), (1, font)):
            texts = [caption[row] for caption in self._captions]
            lefts, row_font = spread_row(texts, row_font, centres, w)
            metrics = QFontMetricsF(row_font)
            y = top if row == 0 else top + height / 2
            for text, left in zip(texts, lefts):
                drawn.append((text, row_font, QRectF(left, y, metrics.horizontalAdvance(text), height / 2)))
        return drawn

    def _paint_captions(self, p: QPainter, w: float, h: float) -> None:
        bottom = (CAPTIONS[0] + CAPTIONS[1]) * h
        for lo, hi in PART_SPANS:                   # each part's span, underlined
            p.setPen(QPen(QColor(170, 170, 170), 1, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(lo * w + 6, bottom - 2), QPointF(hi * w - 6, bottom - 2))
        p.setPen(INK)
        for i, (text, font, box) in enumerate(self._caption_boxes(w, h)):
            p.setFont(font)
            align = Qt.AlignmentFlag.AlignBottom if i < len(self._captions) else Qt.AlignmentFlag.AlignTop
            p.drawText(box, Qt.AlignmentFlag.AlignHCenter | align, text)

    def _paint_unit(self, p: QPainter, r: QRectF) -> None:
        nrn = self._neuron
        n = len(nrn.ws)
        rows = n + 1                                             # the inputs and the bias input 1
        step = r.height() / rows
        radius = min(13.0, 0.4 * step)
        x_in = r.left() + 0.20 * r.width()
        centre = QPointF(r.left() + X_SOMA * r.width(), r.center().y())
        m = max(self._max_weight(), abs(nrn.b) / 3)
        font = zoom.unzoomed(self.font())
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        inputs = [QPointF(x_in, r.top() + step * (i + 0.5)) for i in range(rows)]
        weights = list(nrn.ws) + [nrn.b]
        values = list(nrn.xs) + [1.0]
        names = self._names + [self.tr("bias")]
        # Edges first, so the circles sit on top; the bias edge is dashed.
        for i, (pt, wi) in enumerate(zip(inputs, weights)):
            style = Qt.PenStyle.DashLine if i == n else Qt.PenStyle.SolidLine
            p.setPen(QPen(sign_color(wi, 200), 1.0 + 4.0 * min(abs(wi) / m, 1.5), style))
            p.drawLine(pt, centre)
            label_at = pt + (centre - pt) * 0.3
            p.setFont(small)
            p.setPen(sign_color(wi).darker(130))
            text = ("b = " if i == n else "×") + format_number(wi)
            # Weights above their edges; the bias (bottom edge, rising) below and right of its own.
            box = (QRectF(label_at.x() - 10, label_at.y() + 4, 80, 14) if i == n
                   else QRectF(label_at.x() - 40, label_at.y() - 17, 80, 14))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        for pt, xi, name in zip(inputs, values, names):
            p.setPen(QPen(INK, 1.2))
            p.setBrush(lighter(sign_color(xi), 1.0 - 0.3 * min(abs(xi), 2.0)))
            p.drawEllipse(pt, radius, radius)
            p.setFont(small)
            p.setPen(INK)
            p.drawText(QRectF(pt.x() - radius, pt.y() - radius, 2 * radius, 2 * radius), Qt.AlignmentFlag.AlignCenter, format_number(xi, 1))
            p.drawText(QRectF(r.left() + 2, pt.y() - 9, x_in - radius - r.left() - 6, 18),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
        # Σ, then f, then a, then the next neurons.
        node = 22.0
        p.setFont(font)
        p.setPen(QPen(MEMBRANE, 2))
        p.setBrush(QColor(255, 255, 255))
        p.drawEllipse(centre, node, node)
        p.setPen(INK)
        p.drawText(QRectF(centre.x() - node, centre.y() - node, 2 * node, 2 * node), Qt.AlignmentFlag.AlignCenter, "Σ")
        p.drawText(QRectF(centre.x() - 60, centre.y() + node + 2, 120, 18), Qt.AlignmentFlag.AlignCenter,
                   "z = " + format_number(nrn.z))
        f_box = QRectF(r.left() + 0.56 * r.width() - 20, centre.y() - 16, 40, 32)
        out = QPointF(r.left() + X_AXON_END * r.width(), centre.y())
        self._arrow(p, QPointF(centre.x() + node, centre.y()), QPointF(f_box.left(), centre.y()))
        self._arrow(p, QPointF(f_box.right(), centre.y()), QPointF(out.x() - node, centre.y()))
        p.setPen(QPen(INK, 1.2))
        p.setBrush(QColor(245, 240, 250))
        p.drawRoundedRect(f_box, 6, 6)
        p.drawText(f_box, Qt.AlignmentFlag.AlignCenter, "f")
        p.setBrush(lighter(FIRING, 1.0 - 0.85 * min(max(nrn.a, 0.0), 1.0)))
        p.setPen(QPen(MEMBRANE, 2))
        p.drawEllipse(out, node, node)
        p.setPen(INK)
        p.drawText(QRectF(out.x() - node, out.y() - node, 2 * node, 2 * node), Qt.AlignmentFlag.AlignCenter, "a")
        p.drawText(QRectF(out.x() - 70, out.y() + node + 2, 140, 18), Qt.AlignmentFlag.AlignCenter,
                   f"{self._output_name} = {format_number(nrn.a)}")
        for dy in (-0.3, 0.0, 0.3):
            nxt = QPointF(r.left() + X_TERMINALS * r.width(), centre.y() + dy * r.height())
            p.setPen(QPen(NEUTRAL.darker(130), 1, Qt.PenStyle.DotLine))
            p.drawLine(QPointF(out.x() + node, out.y()), nxt)
            p.setPen(QPen(NEUTRAL.darker(130), 1))
            p.setBrush(QColor(245, 245, 245))
            p.drawEllipse(nxt, 9, 9)

    @staticmethod
    def _arrow(p: QPainter, a: QPointF, b: QPointF) -> None:
        p.setPen(QPen(INK, 1.6))
        p.drawLine(a, b)
        p.drawLine(b, b + QPointF(-7, -4))
        p.drawLine(b, b + QPointF(-7, 4))
