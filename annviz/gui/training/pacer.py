"""Update the views no faster than the GUI thread can afford while training runs.

Every update (new weights, new points on the curves) makes views recompute and repaint; for a
large network that costs tens of milliseconds. Python runs one thread at a time, so GUI time
spent in Python is time the training worker waits for the GIL — and while the GUI is busy, pad
strokes wait too. ``Pacer`` calls ``apply`` (which shows whatever is newest) at most every
``min_interval`` seconds, and no sooner than the last call's cost allows: if applying (and
repainting) took ``c`` seconds, the next call waits until the GUI has spent no more than ``duty``
of its time on updates. Small networks therefore update at the full rate, large ones less often.
The cost is measured up to a zero-timeout timer, which Qt runs once the repaints are handled.

While a mouse button is held (someone is drawing on the pad, or dragging a slider) nothing is
applied: the stroke's own prediction comes first, the views catch up when the button is up.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

MIN_INTERVAL = 1 / 30
DUTY = 0.05
HOLD_MS = 30  # how often to look again while a mouse button is held


class Pacer(QObject):
    def __init__(self, apply: Callable[[], None], min_interval: float = MIN_INTERVAL,
                 duty: float = DUTY, parent: QObject | None = None):
        super().__init__(parent)
        self._apply = apply
        self.min_interval, self.duty = min_interval, duty
        self._next = 0.0
        self.last_cost = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    def request(self) -> None:
        """Something new is waiting: ``apply`` now if it is time, else as soon as it is."""
        if not self._timer.isActive():
            wait_ms = max(0, round((self._next - time.perf_counter()) * 1000))
            self._timer.start(wait_ms)

    def flush(self) -> None:
        """``apply`` at once, whatever the pace (e.g. the last update of a run)."""
        self._timer.stop()
        self._run()

    def cancel(self) -> None:
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        if QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self._timer.start(HOLD_MS)
            return
        self._run()

    def _run(self) -> None:
        start = time.perf_counter()
        self._next = start + self.min_interval
        self._apply()
        QTimer.singleShot(0, self, lambda: self._on_applied(start))

    def _on_applied(self, start: float) -> None:
        self.last_cost = time.perf_counter() - start
        self._next = max(self._next, start + self.last_cost / self.duty)
