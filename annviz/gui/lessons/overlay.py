"""What a lesson step draws over the window: outlines around the widgets it talks about, and covers
over the ones it hides or locks.

``LessonOverlay`` is one transparent widget laid over the whole main window (mouse events pass
through it). It paints, for the step's widgets that are on screen: a thick reddish-purple outline
(a colour that means nothing else in annviz: not a sign, not the amber selection) around each
highlighted widget; a plain cover in the window's colour over each hidden one; a grey veil with a
lock over each locked one. Where the widgets are is read from the widgets themselves ten times a
second, so the marks follow resizes, splitters, docks, scrolling and page switches; only a change
repaints. A highlighted widget the learner cannot see is pointed at: behind another panel or tab
(the explorer's weight pictures behind its inspector on a laptop's screen), the tab that brings
it to the front is outlined; scrolled out of view (the touch controls under the inspector), it is
scrolled to, once. ``InputBlocker`` keeps the mouse, the keyboard and shortcuts away from hidden and locked
widgets and everything inside them: the lesson's own actions still set them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QAbstractSlider, QDockWidget, QScrollArea, QStackedWidget, QTabBar, QTabWidget, QWidget

from annviz.gui.common.sliders import ValueSlider

HIGHLIGHT = QColor(204, 121, 167)        # Okabe–Ito reddish purple
HALO = QColor(255, 255, 255, 200)
VEIL = QColor(128, 128, 128, 110)
LOCK = QColor(50, 50, 50)
REFRESH_MS = 100
PEN = 4

#: Input a hidden or locked widget does not get.
BLOCKED = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
           QEvent.Type.Wheel, QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.Shortcut,
           QEvent.Type.ShortcutOverride, QEvent.Type.ContextMenu, QEvent.Type.TabletPress,
           QEvent.Type.TabletRelease, QEvent.Type.TouchBegin}


class InputBlocker(QObject):
    """An event filter that swallows user input (see ``BLOCKED``)."""

    def eventFilter(self, watched, event) -> bool:
        return event.type() in BLOCKED


class LessonOverlay(QWidget):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("lesson-overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._window = window
        self._marks: dict[str, list[QWidget]] = {"highlight": [], "hide": [], "lock": []}
        self._painted: dict[str, list] = {key: [] for key in self._marks}   # and "padlocks": (x, y)
        self._blocker = InputBlocker(self)
        self._blocked: list[QWidget] = []
        self._scrolled_to: list[QWidget] = []
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.hide()

    # --- public ------------------------------------------------------------------------------

    def show_marks(self, highlight: list[QWidget], hide: list[QWidget], lock: list[QWidget]) -> None:
        """Outline ``highlight``, cover ``hide``, veil and lock ``lock`` (replacing earlier marks)."""
        self._unblock()
        self._marks = {"highlight": list(highlight), "hide": list(hide), "lock": list(lock)}
        self._scrolled_to: list[QWidget] = []         # highlighted widgets scrolled into view once
        for widget in hide + lock:
            for target in [widget, *widget.findChildren(QWidget)]:
                target.installEventFilter(self._blocker)
                self._blocked.append(target)
        if any(self._marks.values()):
            self.setGeometry(self._window.rect())
            self.show()
            self.raise_()
            self._timer.start()
            self._on_timer_timeout()
        else:
            self.clear()

    def clear(self) -> None:
        self._unblock()
        self._marks = {key: [] for key in self._marks}
        self._painted = {key: [] for key in self._marks}
        self._timer.stop()
        self.hide()

    def rects(self, mark: str) -> list[QRect]:
        """Where ``mark`` ("highlight", "hide", "lock") is painted now, in window coordinates."""
        return list(self._painted[mark])

    def padlocks(self) -> list[QRect]:
        """Where the padlocks of the locked widgets are painted now, in window coordinates."""
        return [QRect(x, y, 10, 12) for x, y in self._painted.get("padlocks", ())]

    # --- internals -----------------------------------------------------------------------------

    def _unblock(self) -> None:
        for widget in self._blocked:
            try:
                widget.removeEventFilter(self._blocker)
            except RuntimeError:             # deleted meanwhile
                pass
        self._blocked = []

    def _visible_rect(self, widget: QWidget) -> QRect | None:
        """The part of ``widget`` on screen, in the window's coordinates (None if none is): its
        rectangle clipped by every widget it sits in (scroll areas, splitters, docks)."""
        try:
            if not widget.isVisible() or widget.window() is not self._window:
                return None
            rect = QRect(widget.mapTo(self._window, QPoint(0, 0)), widget.size())
            parent = widget.parentWidget()
            while parent is not None and parent is not self._window:
                rect &= QRect(parent.mapTo(self._window, QPoint(0, 0)), parent.size())
                parent = parent.parentWidget()
        except RuntimeError:                 # deleted meanwhile
            return None
        rect &= self.rect()
        return None if rect.isEmpty() else rect

    def _highlight_rect(self, widget: QWidget) -> QRect | None:
        """Where to outline ``widget``: itself if it is on screen; else the tab that brings it to
        the front; scrolled out of view, it is scrolled to (once: the learner may scroll away)."""
        tab = self._tab_in_front_of(widget)
        if tab is not None:
            return tab
        rect = self._visible_rect(widget)
        if (rect is None or rect.height() < min(widget.height(), 20)) and widget.isVisible() \
                and widget not in self._scrolled_to:
            self._scrolled_to.append(widget)
            parent = widget.parentWidget()
            while parent is not None and parent is not self._window:
                if isinstance(parent, QScrollArea):
                    parent.ensureWidgetVisible(widget)
                parent = parent.parentWidget()
            rect = self._visible_rect(widget)
        return rect

    def _tab_in_front_of(self, widget: QWidget) -> QRect | None:
        """The rectangle (window coordinates) of the tab to click to see ``widget``, if it sits in a
        panel behind another one or in a tab behind another on its page; else None (on another
        page than the one in front nothing is marked)."""
        try:
            child, parent = widget, widget.parentWidget()
            while parent is not None and parent is not self._window:
                if isinstance(child, QDockWidget) and not child.isFloating() and child.isVisible() \
                        and child.visibleRegion().isEmpty():
                    for bar in parent.findChildren(QTabBar):
                        if bar.parentWidget() is parent and bar.isVisible():
                            for i in range(bar.count()):
                                if bar.tabText(i).replace("&", "") == child.windowTitle().replace("&", ""):
                                    return self._tab_rect(bar, i)
                if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
                    tabs = parent.parentWidget()
                    if tabs is self._window.centralWidget():    # another page: the learner went there
                        return None
                    index = QTabWidget.indexOf(tabs, child)
                    if QTabWidget.currentWidget(tabs) is not child and index >= 0 and tabs.isVisible():
                        return self._tab_rect(tabs.tabBar(), index)
                child, parent = parent, parent.parentWidget()
        except RuntimeError:                 # deleted meanwhile
            return None
        return None

    def _tab_rect(self, bar: QTabBar, index: int) -> QRect | None:
        rect = bar.tabRect(index)
        rect.moveTopLeft(bar.mapTo(self._window, rect.topLeft()))
        rect &= self.rect()
        return None if rect.isEmpty() else rect

    def _on_timer_timeout(self) -> None:
        if self.geometry() != self._window.rect():
            self.setGeometry(self._window.rect())
            self.raise_()
        now = {key: [r for r in map(self._visible_rect, widgets) if r is not None]
               for key, widgets in self._marks.items() if key != "highlight"}
        now["highlight"] = [r for r in map(self._highlight_rect, self._marks["highlight"]) if r is not None]
        # A slider's padlock on its groove, at the left: its value, at the right, stays readable
        # (the lesson's text may talk about it); anything else's at its right end.
        now["padlocks"] = [(r.left() + 2 if _is_slider(w) else r.right() - 12, r.top() + 2)
                           for w, r in ((w, self._visible_rect(w)) for w in self._marks["lock"])
                           if r is not None and r.height() >= 14 and r.width() >= 14]
        if now != self._painted:
            self._painted = now
            self.raise_()
            self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for rect in self._painted["hide"]:
            painter.fillRect(rect, self.palette().window())
        for rect in self._painted["lock"]:
            painter.fillRect(rect, VEIL)
        for x, y in self._painted.get("padlocks", ()):
            _draw_padlock(painter, x, y)
        for rect in self._painted["highlight"]:
            outline = QPainterPath()                    # just outside the widget, so nothing of it is hidden
            outline.addRoundedRect(rect.adjusted(-PEN // 2, -PEN // 2, PEN // 2, PEN // 2).intersected(
                self.rect().adjusted(PEN // 2, PEN // 2, -PEN // 2, -PEN // 2)), 6, 6)
            painter.setPen(QPen(HALO, PEN + 4))
            painter.drawPath(outline)
            painter.setPen(QPen(HIGHLIGHT, PEN))
            painter.drawPath(outline)
        painter.end()


def _is_slider(widget: QWidget) -> bool:
    return isinstance(widget, (ValueSlider, QAbstractSlider))


def _draw_padlock(painter: QPainter, x: int, y: int) -> None:
    """A small padlock (10×12 pixels) with its top left at (x, y)."""
    painter.save()
    painter.setPen(QPen(LOCK, 1.6))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawArc(x + 2, y, 6, 8, 0, 180 * 16)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(LOCK)
    painter.drawRoundedRect(x, y + 4, 10, 7, 1.5, 1.5)
    painter.restore()
