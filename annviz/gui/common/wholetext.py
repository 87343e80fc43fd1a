"""Wrapped text that is never cut (see ``room`` for the rules): ``WholeText`` keeps a label as
high as its text needs at the width it has; ``text_height`` measures that height.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QLabel

from annviz.gui.common import zoom


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
        self._measured: tuple | None = None   # what ``_need`` was measured for
        self._need = 0
        label.installEventFilter(self)
        self.refit()

    def set_lines(self, lines: int) -> None:
        self._lines = lines
        self.refit()

    def refit(self) -> None:
        label = self._label
        width = label.width() if label.width() > 1 else label.sizeHint().width()
        texts = self._texts() if self._texts is not None else [label.text()]
        # The same texts at the same width and font need the same height: a text set again with
        # every stroke (the diagram's legend) is not measured again.
        measured = (tuple(texts), width, QFont(label.font()), self._lines, self._fixed, zoom.px(2),
                    label.contentsMargins(), label.margin())
        if measured != self._measured:
            need = self._lines * label.fontMetrics().lineSpacing() + label.contentsMargins().top() \
                + label.contentsMargins().bottom() + zoom.px(2)
            for text in texts:
                need = max(need, text_height(label, width, text))
            self._measured, self._need = measured, need
        need = self._need
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
        # getattr: a filter may still be called while its window is torn down, attributes gone
        if watched is getattr(self, "_label", None) and event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange,
                                                        QEvent.Type.StyleChange):
            if event.type() != QEvent.Type.Resize or event.oldSize().width() != event.size().width():
                self.refit()
        return False


def text_width(label: QLabel, text: str | None = None) -> int:
    """The width ``label`` needs to show ``text`` (its own by default) without wrapping: for a
    table or a formula that may not wrap, its least width."""
    text = label.text() if text is None else text
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)
    if label.textFormat() == Qt.TextFormat.RichText or QtGui.Qt.mightBeRichText(text):
        doc.setHtml(text)
    else:
        doc.setPlainText(text)
    margins = label.contentsMargins()
    return int(doc.idealWidth() + 0.999) + margins.left() + margins.right() + 2 * max(label.margin(), 0)
