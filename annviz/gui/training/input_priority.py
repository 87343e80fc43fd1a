"""The user's hand before the training: the worker holds still while a mouse button is down.

Python runs one thread at a time. While the worker trains, every bit of Python the GUI thread
runs — and a pad stroke runs a lot: the pad, the preprocessing, the forward pass, the views'
paint code — first waits for the worker to hand over the GIL, up to a switch interval each time.
That turns a 15 ms repaint into 100 ms or more. So while a mouse button is held anywhere in the
app (drawing on the pad, dragging the learning-rate slider), the worker waits between two
batches, and the stroke gets the whole machine; when the button is up, training goes on.

While a run goes on (``start`` … ``stop``), the buttons are looked at every ``POLL_MS``: cheaper
than watching every event of the application. Widgets where every millisecond counts (the
drawing pad) can be ``watch``-ed as well: a press there holds the worker at once, before the
stroke's first move, and a release there lets it go on at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

POLL_MS = 40
PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.TabletPress)
RELEASES = (QEvent.Type.MouseButtonRelease, QEvent.Type.TabletRelease)


def buttons_down() -> bool:
    return QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton


class InputPriority(QObject):
    def __init__(self, hold: Callable[[bool], None], parent: QObject | None = None):
        super().__init__(parent)
        self._hold = hold
        self.holding = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        self.holding = False
        self._timer.start()

    def watch(self, widget: QObject) -> None:
        """Hold at once when a button is pressed on ``widget`` while a run goes on."""
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        timer = getattr(self, "_timer", None)   # gone while the window is torn down
        if timer is not None and timer.isActive():
            if event.type() in PRESSES and not self.holding:
                self.holding = True
                self._hold(True)
            elif event.type() in RELEASES and self.holding:
                QTimer.singleShot(0, self, self._on_timer_timeout)   # once the buttons are updated
        return False

    def stop(self) -> None:
        """Stop looking and forget any hold (the worker it applied to is gone)."""
        self._timer.stop()
        self.holding = False

    def _on_timer_timeout(self) -> None:
        down = buttons_down()
        if down != self.holding:
            self.holding = down
            self._hold(down)
