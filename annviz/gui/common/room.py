"""Room: how the window shares a school screen between a page and the lesson drawer.

The rules (docs/ARCHITECTURE.md, "Room on the screen"), in the order they apply:

1. The window fits its screen. It opens no larger than the screen's available area, less
   ``TASKBAR`` pixels when the screen reports the whole of itself as available
   (``fit_to_screen``); a geometry remembered from a larger screen is brought back inside.
2. The lesson panel is a drawer: ``drawer_width()`` at the zoom (``DRAWER_WIDTH`` pixels at
   100 %). Opening it takes that room from the page; it never widens the window.
3. Every page sits in a ``PageFrame``: while the page's minimum fits the room left, the frame is
   invisible; when it does not (View → Zoom 200 % on a small screen), the page scrolls inside
   its frame, and the tabs, the drawer and its Next stay where they are. ``PageTabs`` is the tab
   widget of frames that still speaks of pages: ``widget(i)``, ``currentWidget()``,
   ``indexOf(page)`` and ``setCurrentWidget(page)`` name the pages, so no caller knows of frames.
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

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6 import QtGui
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (QAbstractSpinBox, QApplication, QComboBox, QFrame, QLabel, QLayout, QLayoutItem, QScrollArea, QSizePolicy,
                               QStyle, QTabWidget, QWidget)

from annviz.gui.common import zoom
from annviz.gui.common.living import invalidate_tree

TASKBAR = 48                 # pixels a taskbar takes when the screen does not say
DRAWER_WIDTH = 320           # the lesson drawer at 100 %
DRAWER_MIN_WIDTH = 260       # the narrowest a learner can drag it
PAGE_BUDGET = QSize(950, 640)   # what a page gets at 100 % on 1280×800 (width) and 1366×768 (height)
INITIAL = QSize(1280, 800)   # the window's size on a screen with room for it


def drawer_width() -> int:
    return zoom.px(DRAWER_WIDTH)


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
        return super().addTab(frame, title)

    def _on_current_changed(self, _index: int) -> None:
        """The page in front measures its room again: a new zoom or language may have come while
        it was hidden (and a choice or a number field forgets its old size only when told its
        style changed)."""
        frame = super().currentWidget()
        if isinstance(frame, PageFrame):
            for field in frame.page.findChildren(QWidget):
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
        w = super().widget(index)
        return w.page if isinstance(w, PageFrame) else w

    def currentWidget(self) -> QWidget | None:               # noqa: N802
        w = super().currentWidget()
        return w.page if isinstance(w, PageFrame) else w

    def indexOf(self, widget: QWidget) -> int:                # noqa: N802
        return super().indexOf(self._frames.get(widget, widget))

    def setCurrentWidget(self, widget: QWidget) -> None:      # noqa: N802
        super().setCurrentWidget(self._frames.get(widget, widget))


class Shelf(QWidget):
    """A row of views, each with a priority; those that do not fit fold into a tab widget.

    ``add(view, title, priority, stretch)``: a view of priority None always stands; the others
    stand, highest priority first, while the row is wide enough for their minimums, and fold into
    ``fold`` (a tab widget) otherwise, after its own tabs, as a tab named by ``title()`` (called
    again on ``retranslate``). They come back out as soon as the row has room for them. The fold
    may stand in the row itself (``holds_fold``: last, never folding) or elsewhere on the page (the
    training page folds its top row's diagram into the charts of the row below). The row's minimum
    width is the one it has with every foldable view folded, so a view that could fold never holds
    the window wider than its screen. ``folds_changed`` is emitted after views fold or come back.
    """

    folds_changed = Signal()

    def __init__(self, fold: QTabWidget, holds_fold: bool = True, fold_stretch: int = 3,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.fold = fold
        self._views: list[tuple[QWidget, int | None, Callable[[], str], int]] = []
        self._folded: list[QWidget] = []
        self._fold_stretch = fold_stretch
        self._holds_fold = holds_fold
        self._arranging = False
        if holds_fold:
            fold.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def add(self, view: QWidget, title: Callable[[], str], priority: int | None = None,
            stretch: int = 2) -> None:
        view.setParent(self)
        self._views.append((view, priority, title, stretch))
        self._arrange()

    def folded(self) -> list[QWidget]:
        """The views folded into tabs now, in their order there."""
        return list(self._folded)

    def retranslate(self) -> None:
        for view, _, title, _ in self._views:
            i = self.fold.indexOf(view)
            if i >= 0:
                self.fold.setTabText(i, title())

    # --- sizes ---------------------------------------------------------------------------------

    @staticmethod
    def _spacing() -> int:
        return zoom.px(6)

    @staticmethod
    def _min(w: QWidget) -> QSize:
        return w.minimumSizeHint().expandedTo(w.minimumSize())

    def _row_items(self, views) -> list[QWidget]:
        return list(views) + ([self.fold] if self._holds_fold else [])

    def _width_of(self, items) -> int:
        return sum(self._min(w).width() for w in items) + self._spacing() * max(0, len(items) - 1)

    def minimumSizeHint(self) -> QSize:                        # noqa: N802
        """As wide as the views that always stand (and the fold, if it stands here); as high as
        the tallest view standing now (a folded one is the fold's to hold)."""
        always = self._row_items(v for v, p, *_ in self._views if p is None)
        standing = self._row_items(v for v, *_ in self._views if v not in self._folded)
        height = max([0] + [self._min(w).height() for w in standing])
        return QSize(self._width_of(always), height)

    def sizeHint(self) -> QSize:                               # noqa: N802
        items = self._row_items(v for v, *_ in self._views)
        width = sum(w.sizeHint().width() for w in items) + self._spacing() * max(0, len(items) - 1)
        return QSize(width, self.minimumSizeHint().height())

    # --- arranging -----------------------------------------------------------------------------

    def _standing(self, width: int) -> list[QWidget]:
        """The views that stand in ``width``: those that always do, then by priority while they fit."""
        standing = [v for v, p, *_ in self._views if p is None]
        for view, *_ in sorted((v for v in self._views if v[1] is not None), key=lambda v: -v[1]):
            if self._width_of(self._row_items(standing + [view])) > width:
                break
            standing.append(view)
        return standing

    def _arrange(self) -> None:
        if self._arranging:
            return
        self._arranging = True
        try:
            standing = self._standing(self.width())
            folded = [v for v, p, *_ in sorted((v for v in self._views if v[1] is not None), key=lambda v: -v[1])
                      if v not in standing]
            if folded != self._folded:
                current = self.fold.currentWidget()
                for view in self._folded:
                    if view not in folded:
                        self.fold.removeTab(self.fold.indexOf(view))
                        view.setParent(self)
                titles = {v: t for v, _, t, _ in self._views}
                for view in folded:
                    if self.fold.indexOf(view) < 0:
                        self.fold.addTab(view, titles[view]())
                self._folded = folded
                if current is not None and self.fold.indexOf(current) >= 0:
                    self.fold.setCurrentWidget(current)
                self.updateGeometry()
                self.folds_changed.emit()
            self._place([v for v, *_ in self._views if v in standing])
        finally:
            self._arranging = False

    def _place(self, standing: list[QWidget]) -> None:
        """The standing views (in the order they were added, the fold last) side by side, sharing
        the room above their minimums by their stretch."""
        stretches = {v: s for v, _, _, s in self._views}
        stretches[self.fold] = self._fold_stretch
        row = self._row_items(standing)
        spacing = self._spacing()
        free = max(0, self.width() - self._width_of(row))
        total = sum(stretches[w] for w in row) or 1
        x = 0
        for i, w in enumerate(row):
            width = self._min(w).width() + free * stretches[w] // total
            if i == len(row) - 1:
                width = max(self.width() - x, self._min(w).width())
            w.setGeometry(x, 0, width, self.height())
            w.show()
            x += width + spacing

    def resizeEvent(self, event) -> None:                      # noqa: N802
        super().resizeEvent(event)
        self._arrange()

    def event(self, event) -> bool:
        if event.type() == event.Type.LayoutRequest:            # a view's minimum changed
            self.updateGeometry()
            self._arrange()
        return super().event(event)


class Flow(QLayout):
    """A row of small widgets (tool buttons) that wraps onto a second line when it is too narrow,
    rather than holding its page wide: Qt's flow-layout example, left-aligned."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:              # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:        # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:        # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:           # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:                       # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:               # noqa: N802
        return self._lay_out(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:                # noqa: N802
        super().setGeometry(rect)
        self._lay_out(rect, move=True)

    def sizeHint(self) -> QSize:                               # noqa: N802
        shown = [i for i in self._items if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in shown) + zoom.px(self._spacing) * max(0, len(shown) - 1)
        height = max([0] + [i.sizeHint().height() for i in shown])
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:                            # noqa: N802
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _lay_out(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        gap = zoom.px(self._spacing)
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + gap, 0
            if move:
                item.setGeometry(QRect(x, y, hint.width(), hint.height()))
            x += hint.width() + gap
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()


def text_height(label: QLabel, width: int, text: str | None = None) -> int:
    """The height ``label`` needs to show ``text`` (its own by default) wrapped at ``width``: what
    ``QLabel.heightForWidth`` says, without its floor at the label's own minimum height."""
    text = label.text() if text is None else text
    margins = label.contentsMargins()
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)
    rich = (label.textFormat() == Qt.TextFormat.RichText
            or (label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)))
    if rich:
        doc.setHtml(text)
    else:
        doc.setPlainText(text)
    doc.setTextWidth(max(1, width - margins.left() - margins.right() - 2 * max(label.margin(), 0)))
    return int(doc.size().height() + 0.999) + margins.top() + margins.bottom() + 2 * max(label.margin(), 0)


class WholeText(QObject):
    """Keeps a wrapped label as high as its text needs at the width it is given, and at least
    ``lines`` lines: a narrow panel, a large zoom or a longer language wraps it onto more lines
    rather than cutting them. ``fixed``: exactly that high (a text that changes then never moves
    what is below it); ``texts``: the texts it may show (by default the one it shows), all of
    which must fit. ``refit()`` after a new text; resizes and zooms refit by themselves."""

    def __init__(self, label: QLabel, lines: int = 1, fixed: bool = False,
                 texts: Callable[[], list[str]] | None = None):
        super().__init__(label)
        self._label, self._lines, self._fixed, self._texts = label, lines, fixed, texts
        label.installEventFilter(self)
        self.refit()

    def set_lines(self, lines: int) -> None:
        self._lines = lines
        self.refit()

    def refit(self) -> None:
        label = self._label
        width = label.width() if label.width() > 1 else label.sizeHint().width()
        need = self._lines * label.fontMetrics().lineSpacing() + label.contentsMargins().top() \
            + label.contentsMargins().bottom() + zoom.px(2)
        for text in (self._texts() if self._texts is not None else [label.text()]):
            need = max(need, text_height(label, width, text))
        # Its least height says it all: no height-for-width (which QLabel turns on again with each
        # new text), or the layouts above it would share heights by their preferred sizes and
        # squeeze a neighbour below its minimum.
        policy = label.sizePolicy()
        if policy.hasHeightForWidth():
            policy.setHeightForWidth(False)
            label.setSizePolicy(policy)
        if self._fixed:
            if label.height() != need or label.minimumHeight() != need:
                label.setFixedHeight(need)
        elif label.minimumHeight() != need:
            label.setMinimumHeight(need)

    def eventFilter(self, watched, event) -> bool:             # noqa: N802
        if watched is self._label and event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange,
                                                        QEvent.Type.StyleChange):
            if event.type() != QEvent.Type.Resize or event.oldSize().width() != event.size().width():
                self.refit()
        return False


def whole_tabs(tabs: QTabWidget) -> QTabWidget:
    """Every tab's name written whole: no scroll arrows that hide some names, no names cut short.
    The tab widget is then at least as wide as its names."""
    tabs.setUsesScrollButtons(False)
    tabs.setElideMode(Qt.TextElideMode.ElideNone)
    return tabs
