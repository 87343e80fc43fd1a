"""Room: how the window shares a school screen between a page and the lesson drawer.

The rules (docs/ARCHITECTURE.md, "Room on the screen"), in the order they apply:

1. The window fits its screen. It opens no larger than the screen's available area, less
   ``TASKBAR`` pixels when the screen reports the whole of itself as available
   (``fit_to_screen``); a geometry remembered from a larger screen is brought back inside. On a
   first start a screen too small for ``INITIAL`` gets all of its area (``initial_size``).
2. The lesson panel is a drawer: ``drawer_width()`` at the zoom (``DRAWER_WIDTH`` pixels at
   100 %). Opening it takes that room from the page; it never widens the window.
3. Every page sits in a ``PageFrame``: while the page's minimum fits the room left, the frame is
   invisible; when it does not (View → Zoom 200 % on a small screen), the page scrolls inside
   its frame, and the tabs, the drawer and its Next stay where they are. ``PageTabs`` is the tab
   widget of frames that still speaks of pages: ``widget(i)``, ``currentWidget()``,
   ``indexOf(page)`` and ``setCurrentWidget(page)`` name the pages, so no caller knows of frames
   (nor of a lazy page's stand-in, ``lazy.Lazy``: asked for, it is built; ``built_page(i)`` does not build).
4. Inside a page each view has a priority (``Shelf``): views stand side by side while the room
   allows; as it shrinks, the views of lowest priority fold into tabs, one at a time; pictures
   (plots, the pad, drawings) have small minimums and scale, so they give way before text, whose
   minimum is what it needs to be read whole.

The budgets a page is designed for, at 100 % (zoom-scaled, so 150 % on 1920×1080 is the same in
100 % pixels): ``PAGE_BUDGET`` — 1280 − drawer − its separator wide, 768 − taskbar − menu, tab bar
and status bar high. ``tests/gui/test_fit.py`` checks every page and tab against the screens.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFrame,
    QScrollArea,
    QStyle,
    QTabWidget,
    QWidget,
)

from annviz.gui.common import zoom
from annviz.gui.common.lazy import Lazy
from annviz.gui.common.living import invalidate_tree

TASKBAR = 48                 # pixels a taskbar takes when the screen does not say
DRAWER_WIDTH = 320           # the lesson drawer at 100 %
DRAWER_MIN_WIDTH = 260       # the narrowest a learner can drag it
PAGE_BUDGET = QSize(950, 640)   # what a page gets at 100 % on 1280×800 (width) and 1366×768 (height)
INITIAL = QSize(1280, 800)   # the window's size on a screen with room for it


def drawer_width() -> int:
    return zoom.px(DRAWER_WIDTH)


def initial_size(area: QRect | None = None) -> QSize:
    """The window's size on a first start: ``INITIAL`` at the zoom — or, on a screen whose
    available ``area`` is too small for it either way, all of that area (a 1366×768 laptop: the
    window is 1366 wide, not 1280 with 86 pixels of desktop beside it; ``fit_to_screen`` then takes
    the window's frame off)."""
    size = QSize(zoom.px(INITIAL.width()), zoom.px(INITIAL.height()))
    if area is not None and (size.width() > area.width() or size.height() > area.height()):
        return area.size()
    return size


def available_area(widget: QWidget) -> QRect:
    """The part of ``widget``'s screen a window may use: its available geometry, less a taskbar's
    ``TASKBAR`` pixels at the bottom when the screen reports all of itself available (a bare X
    server, a projector's desktop with an auto-hidden panel)."""
    screen = widget.screen()
    area = screen.availableGeometry()
    if area == screen.geometry():
        area.setHeight(area.height() - TASKBAR)
    return area


def fit_to_screen(window: QWidget, area: QRect | None = None) -> QSize:
    """Make ``window`` no larger than ``area`` (its screen's available area by default) and move it
    inside; a window that fits keeps its size. Returns the size it has then."""
    area = area if area is not None else available_area(window)
    frame = window.frameGeometry()
    extra = QSize(frame.width() - window.width(), frame.height() - window.height())   # the title bar
    size = QSize(min(window.width(), area.width() - extra.width()),
                 min(window.height(), area.height() - extra.height()))
    if size != window.size():
        window.resize(size)
    x = min(max(frame.x(), area.x()), area.right() + 1 - size.width() - extra.width())
    y = min(max(frame.y(), area.y()), area.bottom() + 1 - size.height() - extra.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)
    return window.size()


class _Fill(QWidget):
    """What a ``Scroll`` holds in place of its widget: as small as the widget's minimum, and the
    widget fills it.

    A scroll area asks a widget with height-for-width (one with wrapped text) for its *preferred*
    height at the viewport's width — the sum of its plots' preferred heights — and scrolls below
    that; this stand-in has no height-for-width, so a ``Scroll`` scrolls only below the minimum."""

    def __init__(self, widget: QWidget, scroll: QScrollArea):
        super().__init__()
        self.inner, self._scroll = widget, scroll
        widget.setParent(self)

    def minimumSizeHint(self) -> QSize:                        # noqa: N802
        return self.inner.minimumSizeHint().expandedTo(self.inner.minimumSize())

    def sizeHint(self) -> QSize:                               # noqa: N802
        return self.inner.sizeHint().expandedTo(self.minimumSizeHint())

    def resizeEvent(self, event) -> None:                      # noqa: N802
        super().resizeEvent(event)
        self.inner.setGeometry(self.rect())

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:          # the widget's minimum changed
            self.updateGeometry()
            self._scroll.updateGeometry()
            QApplication.postEvent(self._scroll, QEvent(QEvent.Type.LayoutRequest))
            self._scroll.minimum_changed.emit()
        return super().event(event)


class Scroll(QScrollArea):
    """A scroll area that scrolls only when its widget's minimum does not fit (see ``_Fill``).

    ``sideways=False``: it scrolls up and down only, and is at least as wide as the widget needs
    (plus its scroll bar), so nothing in it is ever cut at the side. ``least_height``: the height
    below which it does not shrink (a part of the widget that must always show whole, e.g. the
    inspector's pictures); by default it may shrink to a few lines. ``minimum_changed``: the
    widget's minimum may have changed (a dock that holds it may have to grow)."""

    minimum_changed = Signal()

    def __init__(self, widget: QWidget, sideways: bool = True, least_height: Callable[[], int] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._sideways, self._least_height = sideways, least_height
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        if not sideways:
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(_Fill(widget, self))

    def inner(self) -> QWidget:
        return self.widget().inner

    def set_least(self, least_height: Callable[[], int] | None, sideways: bool) -> None:
        """Change the height below which it does not shrink (None: a few lines) and whether it
        may scroll sideways (then it may be narrower than its widget)."""
        self._least_height, self._sideways = least_height, sideways
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if sideways
                                          else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.updateGeometry()

    def fits(self) -> bool:
        """True while its widget has all the room it needs (no scroll bar)."""
        return not (self.horizontalScrollBar().isVisible() or self.verticalScrollBar().isVisible())

    def minimumSizeHint(self) -> QSize:                        # noqa: N802
        size = super().minimumSizeHint()
        if not self._sideways:
            bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            size.setWidth(self.widget().minimumSizeHint().width() + bar + 2)
        if self._least_height is not None:
            size.setHeight(max(size.height(), self._least_height()))
        return size

    def sizeHint(self) -> QSize:                               # noqa: N802
        hint = super().sizeHint()
        return hint if self._sideways else QSize(self.minimumSizeHint().width(), hint.height())


class PageFrame(Scroll):
    """A page in the window's tabs: the page itself while it fits, scrolling when it does not."""

    def __init__(self, page: QWidget):
        super().__init__(page)
        self.page = page
        self.setObjectName(f"{page.objectName() or 'page'}-frame")


class PageTabs(QTabWidget):
    """The window's tab widget: each page in a ``PageFrame``; its methods name pages, not frames."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._frames: dict[QWidget, PageFrame] = {}
        whole_tabs(self)
        self.currentChanged.connect(self._on_current_changed)

    def addTab(self, page: QWidget, title: str) -> int:      # noqa: N802 (Qt's name)
        frame = PageFrame(page)
        self._frames[page] = frame
        if isinstance(page, Lazy):        # a page built when first shown: named by itself once built
            page.built.connect(self._on_page_built)
        return super().addTab(frame, title)

    def _on_page_built(self, page: QWidget) -> None:
        lazy = self.sender()
        if lazy in self._frames:
            self._frames[page] = self._frames[lazy]

    @staticmethod
    def _page(frame: QWidget | None) -> QWidget | None:
        """The page a frame holds: a lazy one built now (asked for, it is wanted)."""
        if not isinstance(frame, PageFrame):
            return frame
        return frame.page.widget() if isinstance(frame.page, Lazy) else frame.page

    def built_page(self, index: int) -> QWidget | None:
        """The page at ``index`` if it exists already (None for a lazy page not built yet)."""
        frame = super().widget(index)
        if isinstance(frame, PageFrame) and isinstance(frame.page, Lazy):
            return frame.page.built_widget()
        return self._page(frame)

    def _on_current_changed(self, _index: int) -> None:
        """The page in front measures its room again: a new zoom or language may have come while
        it was hidden (and a choice or a number field forgets its old size only when told its
        style changed)."""
        frame = super().currentWidget()
        if isinstance(frame, PageFrame):
            for field in self._page(frame).findChildren(QWidget):
                if isinstance(field, (QComboBox, QAbstractSpinBox)):
                    QApplication.sendEvent(field, QEvent(QEvent.Type.StyleChange))
                    field.updateGeometry()
                if field.layout() is not None:
                    invalidate_tree(field.layout())
            frame.widget().updateGeometry()
            QApplication.postEvent(frame, QEvent(QEvent.Type.LayoutRequest))

    def frame(self, page: QWidget) -> PageFrame | None:
        return self._frames.get(page)

    def widget(self, index: int) -> QWidget | None:
        return self._page(super().widget(index))

    def currentWidget(self) -> QWidget | None:               # noqa: N802
        return self._page(super().currentWidget())

    def indexOf(self, widget: QWidget) -> int:                # noqa: N802
        return super().indexOf(self._frames.get(widget, widget))

    def setCurrentWidget(self, widget: QWidget) -> None:      # noqa: N802
        super().setCurrentWidget(self._frames.get(widget, widget))


def whole_tabs(tabs: QTabWidget) -> QTabWidget:
    """Every tab's name written whole: no scroll arrows that hide some names, no names cut short.
    The tab widget is then at least as wide as its names."""
    tabs.setUsesScrollButtons(False)
    tabs.setElideMode(Qt.TextElideMode.ElideNone)
    return tabs


# The arrangements and the text rule live beside this module; callers name them all as room.…
from annviz.gui.common.shelf import Flow, Shelf  # noqa: E402
from annviz.gui.common.wholetext import WholeText, text_height, text_width  # noqa: E402

__all__ = ["DRAWER_MIN_WIDTH", "DRAWER_WIDTH", "Flow", "PAGE_BUDGET", "PageFrame", "PageTabs", "Scroll",
           "Shelf", "TASKBAR", "WholeText", "available_area", "drawer_width", "fit_to_screen", "initial_size",
           "text_height", "text_width", "whole_tabs"]
