"""A tab widget that asks for the room of the page in front, not of its widest page.

A ``QTabWidget`` is at least as wide as the widest of its pages, shown or not: the neuron lab's
playground made the whole window 1,066 pixels wide even on the "one neuron" tab, which left no
room beside it for the lesson panel on a 1280-pixel screen. ``QStackedLayout`` leaves out the
pages whose size policy is ``Ignored``; ``CurrentPageSizer`` gives that policy to every page but
the one in front, whenever the tab changes (a page shown later asks for its room then, and the
window grows if it must). Call ``fit()`` after adding pages.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QSizePolicy, QTabWidget, QWidget

from annviz.gui.common.living import invalidate_tree

_IGNORED = QSizePolicy.Policy.Ignored


class CurrentPageSizer(QObject):
    def __init__(self, tabs: QTabWidget):
        super().__init__(tabs)
        self._tabs = tabs
        self._own: dict[QWidget, tuple] = {}      # each page's own (horizontal, vertical) policy
        tabs.currentChanged.connect(self.fit)
        self.fit()

    def fit(self, *_args) -> None:
        tabs = self._tabs
        current = tabs.currentWidget()
        pages = {tabs.widget(i) for i in range(tabs.count())}
        for gone in [page for page in self._own if page not in pages]:   # taken out of the tabs
            horizontal, vertical = self._own.pop(gone)
            policy = gone.sizePolicy()
            policy.setHorizontalPolicy(horizontal)
            policy.setVerticalPolicy(vertical)
            gone.setSizePolicy(policy)
        for i in range(tabs.count()):
            page = tabs.widget(i)
            policy = page.sizePolicy()
            if page not in self._own:
                self._own[page] = (policy.horizontalPolicy(), policy.verticalPolicy())
            wanted = self._own[page] if page is current else (_IGNORED, _IGNORED)
            if (policy.horizontalPolicy(), policy.verticalPolicy()) != wanted:
                policy.setHorizontalPolicy(wanted[0])
                policy.setVerticalPolicy(wanted[1])
                page.setSizePolicy(policy)
        if current is not None:                   # measured afresh: a new zoom may have come while hidden
            invalidate_tree(current.layout())
        tabs.updateGeometry()
