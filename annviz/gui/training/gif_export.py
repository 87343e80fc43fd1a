"""GIF… on the timeline: a run's first-layer weight pictures as an animated GIF, made in the
background, one frame at a time, with progress and Cancel.

In the GUI thread, ``GifExport.start`` picks the moments (at most ``MAX_GIF_FRAMES``), takes each
one's colour scale (``frame_level``: its own weights', so the first epoch is not left grey) and
draws each caption — "Batch 1,234 · epoch 1.32 · colours ±0.031", in the interface's language,
with the application's font — as a strip of greys (cheap: a few milliseconds in all). The worker
(threads.py) then makes each frame from the moment's float16 weights (read-only arrays the
recording keeps; the worker holds references, never copies of the whole run) and writes it at once
(``pictures.write_gif``): memory is a frame or two, whatever the network's size. Cancel stops it
between two frames and no file is left; so does closing the window (``shutdown``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication

from annviz.gui.threads import Worker, WorkerThread
from annviz.gui.training.pictures import (
    MAX_GIF_FRAMES,
    GifCancelled,
    caption_indices,
    frame_level,
    gif_scale,
    mosaic_indices,
    mosaic_size,
    pick_moments,
    weight_mosaic,
    write_gif,
)
from annviz.nn.recording import Recording

CAPTION_PX = 13          # the caption's letters, in pixels (shrunk to fit a narrow picture)
CAPTION_MIN_PX = 7
SHUTDOWN_MS = 2000


def caption_strip(text: str, width: int, px: int = CAPTION_PX) -> np.ndarray:
    """``text`` drawn black on white in a strip ``width`` pixels wide, as greys (uint8)."""
    font = QFont(QApplication.font())
    font.setPixelSize(px)
    while px > CAPTION_MIN_PX and QFontMetrics(font).horizontalAdvance(text) > width - 8:
        px -= 1
        font.setPixelSize(px)
    height = QFontMetrics(font).height() + 6
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setFont(font)
        painter.setPen(QColor("black"))
        painter.drawText(4, 0, width - 8, height, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
    finally:
        painter.end()
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine())
    return rows[:, :width].copy()


class _GifWorker(Worker):
    """Makes and writes the frames; ``finished`` with the path, or None when cancelled."""

    progress = Signal(int, int)     # frames written, frames in all

    def __init__(self, path: Path, weights: list[np.ndarray], levels: list[float],
                 captions: list[np.ndarray], scale: int):
        super().__init__()
        self._path, self._weights, self._levels, self._captions = path, weights, levels, captions
        self._scale = scale

    def work(self) -> Path | None:
        total = len(self._weights)

        def frames():
            for i, (w, level, caption) in enumerate(zip(self._weights, self._levels, self._captions)):
                if not self.control.wait_for_turn():
                    raise GifCancelled
                picture = mosaic_indices(weight_mosaic(w), level, self._scale)
                strip = caption_indices(caption)
                yield np.concatenate([picture, strip[:, :picture.shape[1]]])
                self.send(_GifWorker.progress, i + 1, total)

        try:
            return write_gif(self._path, frames())
        except GifCancelled:
            return None


class GifExport(QObject):
    """One GIF export at a time, in the background."""

    progress = Signal(int, int)     # frames written, frames in all
    finished = Signal(object)       # the Path written
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread = WorkerThread("gif export", parent=self)

    def is_running(self) -> bool:
        return self._thread.is_running()

    def start(self, run: Recording, path: str | Path, most: int = MAX_GIF_FRAMES) -> int:
        """Write ``run``'s weight pictures to ``path`` (a running export is stopped first).
        Returns the number of frames."""
        self.shutdown()
        moments = pick_moments(run, most)
        weights = [m.weights[0] for m in moments]          # read-only float16: references
        levels = [frame_level(w) for w in weights]
        scale = gif_scale(len(weights[0]))
        width = mosaic_size(len(weights[0]))[1] * scale
        text = self.tr("Batch {step:,} · epoch {epoch:.2f} · colours ±{level:.2g}")
        captions = [caption_strip(text.format(step=m.step, epoch=m.epoch, level=level), width)
                    for m, level in zip(moments, levels)]
        worker = _GifWorker(Path(path), weights, levels, captions, scale)
        worker.progress.connect(self.progress)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self.failed)
        self._thread.start(worker)
        return len(moments)

    def cancel(self) -> None:
        """Stop between two frames; no file is left."""
        self._thread.request_stop()

    def shutdown(self) -> bool:
        return self._thread.stop(SHUTDOWN_MS)

    @Slot(object)
    def _on_finished(self, path) -> None:
        if path is None:
            self.cancelled.emit()
        else:
            self.finished.emit(path)
