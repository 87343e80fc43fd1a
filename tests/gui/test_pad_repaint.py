"""The pad repaints only around each new segment while drawing: what the screen shows is still
the whole drawing (read from the window's backing store, not by painting the pad again)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annviz.gui.common.pad import CANVAS, DEFAULT_WIDTH, DrawingPad
from explorer_helpers import line, pad_point


def on_screen(qtbot, pad) -> np.ndarray:
    """Grey levels of what the window shows where the pad is (the backing store)."""
    qtbot.wait(30)
    QApplication.processEvents()
    image = pad.screen().grabWindow(pad.window().winId()).toImage()
    image = image.convertToFormat(image.Format.Format_Grayscale8)
    ratio = image.devicePixelRatio()
    bits = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    origin = pad.mapTo(pad.window(), pad.rect().topLeft())
    y0, x0 = int(origin.y() * ratio), int(origin.x() * ratio)
    return bits[y0:y0 + int(pad.height() * ratio), x0:x0 + int(pad.width() * ratio)]


def test_every_segment_of_a_stroke_shows_while_the_pen_is_down(qtbot):
    pad = DrawingPad()
    qtbot.addWidget(pad)
    pad.resize(420, 420)
    pad.show()
    qtbot.waitExposed(pad)
    points = line(0.15, 0.2, 0.85, 0.3, n=8) + line(0.85, 0.3, 0.3, 0.85, n=8)[1:]
    qpoints = [pad_point(pad, x, y) for x, y in points]
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=qpoints[0])
    for p in qpoints[1:]:
        qtbot.mouseMove(pad, p)
        QApplication.processEvents()                 # each segment painted on its own
    shown = on_screen(qtbot, pad)                    # before the release repaints it whole
    for (a, b) in zip(qpoints, qpoints[1:]):
        dx, dy = b.x() - a.x(), b.y() - a.y()
        nx, ny = -dy / np.hypot(dx, dy), dx / np.hypot(dx, dy)              # across the segment
        half = DEFAULT_WIDTH / 2 * pad.canvas_rect().width() / CANVAS * 0.7  # inside its width
        for t in (0.25, 0.5, 0.75):                  # along every segment, not only its ends
            for side in (-half, 0, half):            # and its whole width, not only its middle
                x, y = int(a.x() + t * dx + side * nx), int(a.y() + t * dy + side * ny)
                assert shown[y, x] > 200, f"no ink shown at ({x}, {y})"
    assert shown[pad_point(pad, 0.15, 0.8).y(), pad_point(pad, 0.15, 0.8).x()] < 50   # paper elsewhere
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=qpoints[-1])
