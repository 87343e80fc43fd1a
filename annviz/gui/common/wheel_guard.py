"""The mouse wheel changes a spin box, combo box or slider only when that control has the focus.

Scrolling a panel of settings would otherwise change whichever control passes under the pointer
(initial weights "automatic" → "Xavier", 60,000 training examples → 57,000) without the learner
noticing. ``install_wheel_guard(app)`` puts one filter on the whole application: a wheel event
for such a control without focus is ignored, so Qt hands it to the parent — the scroll area
scrolls instead — and when the control is first polished its focus policy loses "wheel focus"
(spin boxes have it), so the wheel cannot give it the focus either. A click (or Tab) gives the
control the focus; then the wheel changes it as usual. Scroll bars and views keep the wheel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QScrollBar

_GUARDED = (QAbstractSpinBox, QComboBox, QAbstractSlider)
_WHEEL, _POLISH = QEvent.Type.Wheel, QEvent.Type.Polish


def _guarded(widget) -> bool:
    return isinstance(widget, _GUARDED) and not isinstance(widget, QScrollBar)


class WheelGuard(QObject):
    """The application's event filter (see the module docstring)."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 — Qt's hook
        kind = event.type()
        if kind == _WHEEL and _guarded(watched) and not watched.hasFocus():
            event.ignore()                                      # → the parent (a scroll area)
            return True
        if kind == _POLISH and _guarded(watched) and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel must not give focus
        return False


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard once on ``app``; returns it (kept alive as the app's child)."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    return guard
