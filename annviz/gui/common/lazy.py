"""A widget built the first time it is shown or asked for: the app's start builds what shows.

Most of the window is not on screen at start: the training page (with its whole area: controller,
time machine, views), the neuron lab, the insight page, My digits and the Convolution page hold
24 of the window's 33 pyqtgraph plots and most of the 64 (of 176) annviz modules the start no
longer imports: built while nobody looked, they made the start 2.3× a bare window's
(``tests/benchmarks/bench_startup.py``). ``Lazy(build, holds="lab-")`` stands in their place —
a tab of the window's ``room.PageTabs`` — and calls ``build()`` once, when it is first shown or
when its widget is asked for (``widget()``); the widget built then fills it. (The training
page's and My digits' stand-ins are subclasses that also set ``window.training`` and
``window.mydigits``, which build them when asked for.) ``PageTabs`` speaks of
the widget, never of the stand-in: ``widget(i)``, ``currentWidget()`` build it, so anything that
asks for a page (setups, the help, tests) gets the real one.

What reaches every widget reaches a widget built later: its texts are in the language of the
moment (``tr()`` at its construction), its fonts, sizes and pens at the zoom of the moment
(``zoom.font``, ``zoom.pixels``, ``zoom.pen`` read the factor then), and what a widget's
``rezoom()`` does after a change it does once after the build (it is absolute, not relative).
A lesson names widgets the stand-in may not hold yet: ``holds`` is the start of their object
names (or a tuple of starts: the training page also holds ``answers-pin`` and ``timeline-now``),
and ``build_holding(root, name)`` builds the stand-ins under ``root`` that hold ``name``.
A build that fails is logged and its place says so (as an area that fails at start is left out).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from annviz.gui.common import zoom

log = logging.getLogger(__name__)


class Lazy(QWidget):
    """Stands in for ``build()``'s widget until it is first shown or asked for."""

    built = Signal(QWidget)        # the widget, once built

    def __init__(self, build: Callable[[], QWidget], holds: str | tuple[str, ...],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.holds = (holds,) if isinstance(holds, str) else tuple(holds)
        self.setObjectName(f"{self.holds[0].rstrip('-')}-lazy")
        self._build: Callable[[], QWidget] | None = build
        self._widget: QWidget | None = None
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)

    def is_built(self) -> bool:
        return self._widget is not None

    def built_widget(self) -> QWidget | None:
        """The widget if it was built, else None (nothing is built)."""
        return self._widget

    def widget(self) -> QWidget:
        """The widget, built now if it was not."""
        if self._widget is None:
            build, self._build = self._build, None
            if build is None:                     # asked for again while it is being built
                raise RuntimeError(f"{self.objectName()} asked for while it is being built")
            try:
                widget = build()
            except Exception:  # one broken page must not break the window: it says so, as at start
                log.exception("the page %s could not be built", self.objectName())
                widget = QLabel(QCoreApplication.translate(
                    "Lazy", "This page could not be built. The details are in the log (annviz.log)."))
                widget.setWordWrap(True)
            self._widget = widget
            self._box.addWidget(widget)
            if self.isVisible():
                widget.show()
            if zoom.factor() != 1.0:               # what a zoom change does beyond the factor read at build
                for child in [widget, *widget.findChildren(QWidget)]:
                    rezoom = getattr(child, "rezoom", None)
                    if callable(rezoom) and shiboken6.isValid(child):
                        rezoom()
            log.debug("built %s", widget.objectName() or type(widget).__name__)
            self.built.emit(widget)
        return self._widget

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.widget()
        super().showEvent(event)


def unbuilt(root: QWidget) -> list[Lazy]:
    """The stand-ins under ``root`` not built yet."""
    return [lazy for lazy in root.findChildren(Lazy) if not lazy.is_built()]


def build_holding(root: QWidget, name: str) -> int:
    """Build the stand-ins under ``root`` whose widgets' names ``name`` may be (its start is
    their ``holds``), those built inside them too; the number built."""
    count = 0
    while True:
        waiting = [lazy for lazy in unbuilt(root) if name.startswith(lazy.holds)]
        if not waiting:
            return count
        for lazy in waiting:
            lazy.widget()
            count += 1
