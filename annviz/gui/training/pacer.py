"""Hand the newest weights to the views no faster than the GUI thread can afford.

Every weight snapshot makes every view of the network recompute and repaint; for a large network
that can take longer than the gap between snapshots, and then the window lags behind, pad strokes
wait, and the worker fights the GUI thread for Python's GIL. ``Pacer`` keeps only the newest value
offered and applies it at most every ``min_interval`` seconds, and also no sooner than the last
application's cost allows: if applying (and repainting) took ``c`` seconds, the next one waits
until the GUI thread has spent no more than ``duty`` of its time on it. The cost is measured up to
a zero-timeout timer, which Qt runs once the repaints the application caused have been handled.

While a mouse button is held (someone is drawing on the pad, or dragging a slider) nothing is
applied: the stroke's own prediction comes first, the network catches up when the button is up.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

MIN_INTERVAL = 1 / 30
DUTY = 0.35
HOLD_MS = 30  # how often to look again while a mouse button is held


class Pacer(QObject):
    def __init__(self, apply: Callable, min_interval: float = MIN_INTERVAL, duty: float = DUTY,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._apply = apply
        self.min_interval, self.duty = min_interval, duty
        self._pending: tuple | None = None
        self._next = 0.0
        self.last_cost = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    def offer(self, *value) -> None:
        """The newest value; applied now if it is time, else when it is (replacing older ones)."""
        self._pending = value
        if not self._timer.isActive():
            wait_ms = max(0, round((self._next - time.perf_counter()) * 1000))
            self._timer.start(wait_ms)

    def flush(self) -> None:
        """Apply a waiting value at once (e.g. the last one of a run)."""
        self._timer.stop()
        self._apply_pending()

    def drop(self) -> None:
        self._timer.stop()
        self._pending = None

    def _on_timer_timeout(self) -> None:
        if QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self._timer.start(HOLD_MS)
            return
        self._apply_pending()

    def _apply_pending(self) -> None:
        if self._pending is None:
            return
        value, self._pending = self._pending, None
        start = time.perf_counter()
        self._next = start + self.min_interval
        self._apply(*value)
        QTimer.singleShot(0, self, lambda: self._on_applied(start))

    def _on_applied(self, start: float) -> None:
        self.last_cost = time.perf_counter() - start
        self._next = max(self._next, start + self.last_cost / self.duty)
