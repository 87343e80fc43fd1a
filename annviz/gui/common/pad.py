"""The drawing pad: a square canvas drawn with the mouse or a tablet pen.

The pad keeps its strokes (for undo) and a 280×280 grey canvas, white ink on black as MNIST
stores digits. It emits ``canvas_changed`` while a stroke is drawn, at most once per screen frame
(the first change at once, then at the frame rate, and always the final state), so the
prediction is live without repainting faster than the screen can show.

Right button, the eraser mode or a pen's eraser end erase. A tablet pen's pressure scales the
brush width. ``show_digit`` puts an image (e.g. an MNIST test digit) on the pad as its background.

Undo takes back the last stroke, then the loaded digit — and Clear (or loading a digit over a
drawing) is undoable too: the drawing it removed comes back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen, QPointingDevice
from PySide6.QtWidgets import QSizePolicy, QWidget

CANVAS = 280            # canvas side in pixels (10× MNIST)
DEFAULT_WIDTH = 22      # brush width in canvas pixels
INK, PAPER = 255, 0


@dataclass
class Stroke:
    erase: bool
    points: list[QPointF] = field(default_factory=list)   # canvas coordinates
    widths: list[float] = field(default_factory=list)     # brush width at each point


class DrawingPad(QWidget):
    canvas_changed = Signal()   # the drawing changed (throttled while drawing)
    stroke_finished = Signal()  # the mouse or pen was lifted

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(140, 140)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.brush_width = float(DEFAULT_WIDTH)
        self.eraser = False
        self._strokes: list[Stroke] = []
        self._background: QImage | None = None
        self._digit: np.ndarray | None = None          # the image ``show_digit`` was given
        self._cleared: list[tuple] = []                # (background, digit, strokes) before each clear
        self._digit_covers = False                     # the loaded digit replaced a drawing
        self._current: Stroke | None = None
        self._image = QImage(CANVAS, CANVAS, QImage.Format.Format_Grayscale8)
        self._image.fill(PAPER)
        self._pending = False
        self._frame_timer = QTimer(self, singleShot=True)
        self._frame_timer.timeout.connect(self._on_frame_timer)

    # --- public ------------------------------------------------------------------------------

    def canvas(self) -> np.ndarray:
        """A copy of the canvas: uint8 (280, 280), white ink (255) on black (0)."""
        bits = np.frombuffer(self._image.constBits(), np.uint8)
        return bits.reshape(CANVAS, self._image.bytesPerLine())[:, :CANVAS].copy()

    def is_blank(self) -> bool:
        return self._background is None and not self._strokes

    def shows_digit_only(self) -> bool:
        """A digit from ``show_digit`` is on the pad and nothing is drawn over it."""
        return self._background is not None and not self._strokes

    def shown_digit(self) -> np.ndarray | None:
        """The image given to ``show_digit`` while it is on the pad with nothing drawn over it."""
        return self._digit if self.shows_digit_only() else None

    def clear(self) -> None:
        """Clear the pad; ``undo`` brings the drawing back."""
        self._remember_drawing()
        self._current = None
        self._render()

    def _remember_drawing(self) -> bool:
        """Keep what is on the pad for Undo and empty it; True if there was something."""
        kept = not self.is_blank()
        if kept:
            self._cleared.append((self._background, self._digit, list(self._strokes)))
        self._strokes.clear()
        self._background, self._digit = None, None
        self._digit_covers = False
        return kept

    def undo(self) -> None:
        """Remove the last stroke; after the strokes, the loaded digit; on a cleared pad, bring
        back what was cleared."""
        if self._strokes:
            self._strokes.pop()
        elif self._background is not None and self._digit_covers and self._cleared:
            # a digit loaded over a drawing: Undo brings the drawing back, not an empty pad first
            self._background, self._digit, self._strokes = self._cleared.pop()
            self._digit_covers = False
        elif self._background is not None:
            self._background, self._digit = None, None
        elif self._cleared:
            self._background, self._digit, self._strokes = self._cleared.pop()
        else:
            return
        self._render()

    def show_digit(self, image: np.ndarray) -> None:
        """Replace the drawing by a 28×28 image (uint8 0..255 or float 0..1, white on black)."""
        covers = self._remember_drawing()
        self._digit_covers = covers            # Undo: back to the drawing it replaced
        self._digit = np.array(image, copy=True)
        image = np.asarray(image)
        if image.dtype != np.uint8:
            image = np.clip(np.rint(image * 255), 0, 255).astype(np.uint8)
        small = QImage(np.ascontiguousarray(image).data, image.shape[1], image.shape[0],
                       image.shape[1], QImage.Format.Format_Grayscale8).copy()
        # Whole 10×10 blocks, not smoothed: canvas_to_mnist then recovers the digit closely
        # (the pad's prediction agrees with the network's on ~99 % of MNIST test digits).
        self._background = small.scaled(CANVAS, CANVAS, Qt.AspectRatioMode.IgnoreAspectRatio,
                                        Qt.TransformationMode.FastTransformation)
        self._render()

    def draw_stroke(self, points, erase: bool = False) -> None:
        """One stroke through ``points``, (x, y) fractions (0…1) of the canvas from its top left,
        with the current brush — as if drawn with the mouse (e.g. by a lesson showing a drawing)."""
        stroke = Stroke(erase=erase or self.eraser)
        for x, y in points:
            stroke.points.append(QPointF(float(x) * CANVAS, float(y) * CANVAS))
            stroke.widths.append(self.brush_width)
        if not stroke.points:
            return
        self._strokes.append(stroke)
        painter = QPainter(self._image)
        for i in range(len(stroke.points)):
            self._paint_segment(painter, stroke, i)
        painter.end()
        self.update()
        self._flush()
        self.stroke_finished.emit()

    def set_brush_width(self, width: float) -> None:
        self.brush_width = float(width)

    def set_eraser(self, on: bool) -> None:
        self.eraser = bool(on)

    # --- geometry ----------------------------------------------------------------------------

    def _target(self) -> QRectF:
        """Where the canvas is painted: the largest centred square."""
        side = min(self.width(), self.height())
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def _to_canvas(self, pos: QPointF) -> QPointF:
        t = self._target()
        scale = CANVAS / t.width()
        return QPointF((pos.x() - t.x()) * scale, (pos.y() - t.y()) * scale)

    # --- drawing -----------------------------------------------------------------------------

    def _begin(self, pos: QPointF, erase: bool, pressure: float = 1.0) -> None:
        self._current = Stroke(erase=erase or self.eraser)
        self._strokes.append(self._current)
        self._extend(pos, pressure)

    def _extend(self, pos: QPointF, pressure: float = 1.0) -> None:
        stroke = self._current
        if stroke is None:
            return
        stroke.points.append(self._to_canvas(pos))
        stroke.widths.append(self.brush_width * (pressure if 0 < pressure <= 1 else 1.0))
        painter = QPainter(self._image)
        self._paint_segment(painter, stroke, len(stroke.points) - 1)
        painter.end()
        self.update(self._segment_rect(stroke, len(stroke.points) - 1))   # not the whole pad: ~1 ms
        self._changed()

    def _segment_rect(self, stroke: Stroke, i: int) -> QRect:
        """Where the segment ending at point i shows on the widget (with a pixel to spare)."""
        ends = stroke.points[max(i - 1, 0):i + 1]
        t = self._target()
        scale = t.width() / CANVAS
        reach = stroke.widths[i] / 2 * scale + 2
        xs = [t.x() + p.x() * scale for p in ends]
        ys = [t.y() + p.y() * scale for p in ends]
        return QRectF(min(xs) - reach, min(ys) - reach, max(xs) - min(xs) + 2 * reach,
                      max(ys) - min(ys) + 2 * reach).toAlignedRect()

    def _end(self) -> None:
        if self._current is None:
            return
        self._current = None
        self._flush()
        self.stroke_finished.emit()

    @staticmethod
    def _paint_segment(painter: QPainter, stroke: Stroke, i: int) -> None:
        """The segment ending at point i (a dot for the first point), round and anti-aliased."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = QColor(PAPER if stroke.erase else INK, PAPER if stroke.erase else INK,
                       PAPER if stroke.erase else INK)
        pen = QPen(color, stroke.widths[i], Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        if i == 0:   # a dot: a line from a point to itself draws nothing (a click drew nothing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            r = stroke.widths[0] / 2
            painter.drawEllipse(stroke.points[0], r, r)
            return
        painter.drawLine(stroke.points[i - 1], stroke.points[i])

    def _render(self) -> None:
        """Redraw the canvas from the background and every stroke (after undo or clear)."""
        self._image.fill(PAPER)
        painter = QPainter(self._image)
        if self._background is not None:
            painter.drawImage(0, 0, self._background)
        for stroke in self._strokes:
            for i in range(len(stroke.points)):
                self._paint_segment(painter, stroke, i)
        painter.end()
        self.update()
        self._flush()

    # --- throttling --------------------------------------------------------------------------

    def _frame_ms(self) -> int:
        screen = self.screen() or QGuiApplication.primaryScreen()
        rate = screen.refreshRate() if screen is not None else 60.0
        return max(1, int(1000 / (rate if rate > 1 else 60.0)))

    def _changed(self) -> None:
        """Emit now if a frame has passed since the last emission, else once the frame ends."""
        if self._frame_timer.isActive():
            self._pending = True
            return
        self.canvas_changed.emit()
        self._frame_timer.start(self._frame_ms())

    def _flush(self) -> None:
        self._frame_timer.stop()
        self._pending = False
        self.canvas_changed.emit()

    def _on_frame_timer(self) -> None:
        if self._pending:
            self._pending = False
            self.canvas_changed.emit()
            self._frame_timer.start(self._frame_ms())

    # --- events ------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        target = self._target()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self._image)
        painter.setPen(QPen(QColor(110, 110, 110), 1))
        painter.drawRect(target.adjusted(0, 0, -1, -1))

    def mousePressEvent(self, event) -> None:
        if event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self._begin(event.position(), erase=event.button() == Qt.MouseButton.RightButton)

    def mouseMoveEvent(self, event) -> None:
        if self._current is not None:
            self._extend(event.position())

    def mouseReleaseEvent(self, event) -> None:
        self._end()

    def tabletEvent(self, event) -> None:
        kind = event.type()
        pressure = event.pressure()
        if kind == event.Type.TabletPress:
            erase = event.pointerType() == QPointingDevice.PointerType.Eraser
            self._begin(event.position(), erase=erase, pressure=pressure)
        elif kind == event.Type.TabletMove and self._current is not None:
            self._extend(event.position(), pressure)
        elif kind == event.Type.TabletRelease:
            self._end()
        event.accept()

    def canvas_rect(self) -> QRectF:
        """Where the canvas is painted, in the pad's own coordinates (the largest centred square)."""
        return self._target()
