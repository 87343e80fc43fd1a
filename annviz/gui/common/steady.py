"""``Steady``: holds a readout whose text changes with every stroke, and re-lays out the window
only when the readout's room really changed.

Why. ``QLabel.setText`` always calls ``updateGeometry``, which invalidates its parent's layout;
Qt then lays out the whole window again (every page's least-size hints, some of them Python):
measured, ~2 ms of each stroke's 17 ms in the explorer, for a label whose size had not changed.
Qt stops that climb only at a widget with no layout, or at one whose size is fixed both ways.
``Steady`` is the first: the readout sits in it alone, laid out by hand; a change of the
readout's hints reaches ``Steady`` as a layout request, and it passes it on only when the hints
the layout above uses (by the readout's size policy) differ.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QSizePolicy, QWidget

Policy = QSizePolicy.Policy


def _room(widget: QWidget) -> tuple:
    """What a layout reads of ``widget``'s size, by dimension: its least and largest size, and
    its hints unless its policy ignores them (or the least and largest size fix it)."""
    policy, least, most = widget.sizePolicy(), widget.minimumSize(), widget.maximumSize()
    out: list = [policy.horizontalPolicy(), policy.verticalPolicy(), least, most]
    hints: tuple[QSize, QSize] | None = None        # measured only if read (a rich text: ~0.5 ms)
    for dimension, p, lo, hi in ((0, policy.horizontalPolicy(), least.width(), most.width()),
                                 (1, policy.verticalPolicy(), least.height(), most.height())):
        if 0 < lo == hi or p == Policy.Ignored:
            continue
        hints = hints or (widget.sizeHint(), widget.minimumSizeHint())
        out += [h.height() if dimension else h.width() for h in hints]
    return tuple(out)


class Steady(QWidget):
    """The room of ``child`` (a label that changes often), which it fills; its hints, policy and
    least and largest sizes are the child's."""

    def __init__(self, child: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self._child = child
        hidden = child.isHidden() and child.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
        child.setParent(self)
        child.setVisible(not hidden)
        self._room: tuple | None = None
        self._take_room()

    def child(self) -> QWidget:
        return self._child

    def sizeHint(self) -> QSize:                       # noqa: N802
        return self._child.sizeHint()

    def minimumSizeHint(self) -> QSize:                # noqa: N802
        return self._child.minimumSizeHint()

    def _take_room(self) -> bool:
        """Take on the child's room; True if it changed."""
        room = _room(self._child)
        if room == self._room:
            return False
        self._room = room
        child = self._child
        self.setSizePolicy(child.sizePolicy())
        self.setMinimumSize(child.minimumSize())
        self.setMaximumSize(child.maximumSize())
        return True

    def event(self, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.LayoutRequest or kind == QEvent.Type.Show:
            if self._take_room():
                self.updateGeometry()
            self._fill()          # a child resizes itself to a new least size, and back
        elif kind == QEvent.Type.Resize:
            self._fill()
        return super().event(event)

    def _fill(self) -> None:
        if self._child.geometry() != self.rect():
            self._child.setGeometry(self.rect())
