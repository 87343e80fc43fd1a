"""How a page's views share a row as room shrinks (see ``room`` for the rules).

``Shelf``: views side by side, each with a priority; those that do not fit fold into a tab widget.
``Flow``: small widgets in a row that wraps onto another line rather than widen its page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QTabWidget, QWidget

from annviz.gui.common import zoom


class Shelf(QWidget):
    """A row of views, each with a priority; those that do not fit fold into a tab widget.

    ``add(view, title, priority, stretch)``: a view of priority None always stands; the others
    stand, highest priority first, while the row is wide and high enough for their minimums, and fold into
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
        # Each view's least height as measured while it stood (at the width it has standing): a
        # folded view's own is measured at whatever width the fold left it, not the row's.
        self._tall: dict[QWidget, int] = {}
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

    def _standing(self, width: int, height: int) -> list[QWidget]:
        """The views that stand in ``width`` × ``height``: those that always do, then by priority
        while the row is wide enough for them and each is no higher than the row (a view whose
        texts wrap onto many lines in a narrow column would be cut at the bottom)."""
        standing = [v for v, p, *_ in self._views if p is None]
        for view, *_ in sorted((v for v in self._views if v[1] is not None), key=lambda v: -v[1]):
            tall = self._tall.get(view, 0)
            if self._width_of(self._row_items(standing + [view])) > width or tall > height:
                break
            standing.append(view)
        return standing

    def _arrange(self) -> None:
        if self._arranging:
            return
        self._arranging = True
        try:
            for _ in range(2):        # a view that stood and proved too high at its width: once more
                standing = self._standing(self.width(), self.height())
                self._fold([v for v, p, *_ in sorted((v for v in self._views if v[1] is not None), key=lambda v: -v[1])
                            if v not in standing])
                self._place([v for v, *_ in self._views if v in standing])
                for view in standing:                 # measured at the width it stands at
                    self._tall[view] = self._min(view).height()
                if self._standing(self.width(), self.height()) == standing:
                    break
        finally:
            self._arranging = False

    def _fold(self, folded: list[QWidget]) -> None:
        """Fold ``folded`` (by priority, after the fold's own tabs) and bring the others back."""
        if folded == self._folded:
            return
        current = self.fold.currentWidget()
        for view in self._folded:
            if view not in folded:
                self.fold.removeTab(self.fold.indexOf(view))
                view.setParent(self)
        titles = {v: t for v, _, t, _ in self._views}
        first = self.fold.count() - sum(self.fold.indexOf(v) >= 0 for v in folded)   # its own tabs
        for place, view in enumerate(folded):            # after its own tabs, by priority
            if self.fold.indexOf(view) < 0:
                self.fold.insertTab(first + place, view, titles[view]())
        self._folded = folded
        if current is not None and self.fold.indexOf(current) >= 0:
            self.fold.setCurrentWidget(current)
        self.updateGeometry()
        self.folds_changed.emit()

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
        if event.oldSize().width() != event.size().width():     # other widths: measured again
            self._tall = {view: tall for view, tall in self._tall.items() if view not in self._folded}
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
