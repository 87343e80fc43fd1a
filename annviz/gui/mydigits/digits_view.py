"""The "My digits" grid: one row per label, each digit as its 28×28 input, held-out ones framed.

The view only shows what it is given (``show_digits``) and says what the learner picked
(``selection_changed(Digit | None)``); the page does the adding, moving and removing.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QWidget,
)

from annviz.data.mydigits import Digit
from annviz.gui.common.colors import MARK

THUMB = 48                                  # pixels per thumbnail (28×28 scaled)
PENDING = "pending"                         # an image not read yet (a grey square until it is)
HELD_OUT_COLOUR = QColor(MARK)              # ink (orange and blue mean a sign)


def thumbnail(image: np.ndarray | None, held_out: bool) -> QPixmap:
    """A (784,) input in [0, 1] as a THUMB×THUMB picture; held-out digits get a dark frame."""
    pixmap = QPixmap(THUMB, THUMB)
    pending = isinstance(image, str)
    pixmap.fill(QColor(60, 0, 0) if image is None else QColor(110, 110, 110) if pending else Qt.GlobalColor.black)
    if image is not None and not pending:
        grey = np.ascontiguousarray(np.clip(image.reshape(28, 28) * 255, 0, 255).astype(np.uint8))
        small = QImage(grey.data, 28, 28, 28, QImage.Format.Format_Grayscale8).copy()
        painter = QPainter(pixmap)
        painter.drawImage(pixmap.rect(), small)
        painter.end()
    if held_out:
        painter = QPainter(pixmap)
        painter.setPen(QPen(HELD_OUT_COLOUR, 4))
        painter.drawRect(2, 2, THUMB - 4, THUMB - 4)
        painter.end()
    return pixmap


class DigitsView(QScrollArea):
    selection_changed = Signal(object)     # the Digit picked, or None
    load_requested = Signal(object)        # a Digit double-clicked: load it into the pad

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setColumnStretch(1, 1)
        self._headers: list[QLabel] = []
        self._lists: list[QListWidget] = []
        self._counts = np.zeros((10, 2), int)
        for label in range(10):
            header = QLabel()
            header.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            digits = QListWidget()
            digits.setViewMode(QListView.ViewMode.IconMode)
            digits.setIconSize(QSize(THUMB, THUMB))
            digits.setFlow(QListView.Flow.LeftToRight)
            digits.setWrapping(False)   # one row per label, scrolled sideways when long
            digits.setMovement(QListView.Movement.Static)
            digits.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            digits.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            digits.setFixedHeight(THUMB + 12 + digits.horizontalScrollBar().sizeHint().height())
            digits.setSpacing(2)
            digits.itemSelectionChanged.connect(lambda lst=digits: self._on_item_selection_changed(lst))
            digits.itemDoubleClicked.connect(lambda item: self.load_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
            grid.addWidget(header, label, 0)
            grid.addWidget(digits, label, 1)
            self._headers.append(header)
            self._lists.append(digits)
        grid.setRowStretch(10, 1)
        self.setWidget(inner)
        self.retranslate()

    # --- public ------------------------------------------------------------------------------------

    def show_digits(self, digits: list[tuple[Digit, np.ndarray | None]], counts: np.ndarray,
                    keep: Digit | None = None) -> None:
        """Show ``digits`` as (Digit, its (784,) input or None if unusable); select ``keep``."""
        self._counts = counts
        for lst in self._lists:
            lst.blockSignals(True)
            lst.clear()
        selected = None
        for digit, image in digits:
            item = QListWidgetItem(QIcon(thumbnail(image, digit.held_out)), "")
            item.setData(Qt.ItemDataRole.UserRole, digit)
            item.setToolTip(self._tip(digit))
            self._lists[digit.label].addItem(item)
            if keep is not None and digit.path == keep.path:
                selected = item
        for lst in self._lists:
            lst.blockSignals(False)
        if selected is not None:
            selected.listWidget().setCurrentItem(selected)
        self.retranslate()
        self.selection_changed.emit(self.selected())

    def update_images(self, digits: list[tuple[Digit, np.ndarray | None]]) -> None:
        """Show the inputs just read of digits already shown (grey squares until then)."""
        by_path = {digit.path: (digit, image) for digit, image in digits}
        for lst in self._lists:
            for i in range(lst.count()):
                item = lst.item(i)
                found = by_path.get(item.data(Qt.ItemDataRole.UserRole).path)
                if found is not None:
                    item.setIcon(QIcon(thumbnail(found[1], found[0].held_out)))

    def selected(self) -> Digit | None:
        for lst in self._lists:
            items = lst.selectedItems()
            if items:
                return items[0].data(Qt.ItemDataRole.UserRole)
        return None

    def item_for(self, digit: Digit) -> QListWidgetItem | None:
        """The item showing ``digit`` (for tests and the page's keyboard handling)."""
        lst = self._lists[digit.label]
        return next((lst.item(i) for i in range(lst.count())
                     if lst.item(i).data(Qt.ItemDataRole.UserRole).path == digit.path), None)

    def retranslate(self) -> None:
        for label, header in enumerate(self._headers):
            train, held = self._counts[label]
            header.setText(self.tr("<b style='font-size:x-large'>{label}</b><br>{train} to teach<br>"
                                   "{held} held out").format(label=label, train=train, held=held))
        for lst in self._lists:
            for i in range(lst.count()):
                lst.item(i).setToolTip(self._tip(lst.item(i).data(Qt.ItemDataRole.UserRole)))

    def _tip(self, digit: Digit) -> str:
        side = self.tr("held out: never trained on") if digit.held_out else self.tr("to teach from")
        return f"{digit.label} · {side}\n{digit.path.name}"


    def _on_item_selection_changed(self, source: QListWidget) -> None:
        if source.selectedItems():   # one selection across the rows
            for lst in self._lists:
                if lst is not source:
                    lst.blockSignals(True)
                    lst.clearSelection()
                    lst.blockSignals(False)
        self.selection_changed.emit(self.selected())
