"""The app driver: finds widgets by their stable names, performs a lesson's actions, measures its probes.

A lesson names widgets by ``objectName`` (``annviz.lessons.vocabulary.WIDGETS``), never by where
they sit, so a page that is rearranged keeps its lessons working. ``Driver.find`` resolves a name
to the one widget of the window that has it (cached while the widget lives), building the page
or tab that holds it if it was not built yet (``common.lazy``); ``bring_into_view``
switches the pages, tabs and docks that hold it. ``perform`` and ``measure`` look the action or
probe up in ``actions.ACTIONS`` and ``probes.PROBES``, which talk to the pages through their
public methods only. Nothing here evaluates text from a lesson file.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDockWidget, QScrollArea, QStackedWidget, QTabWidget, QWidget

from annviz.gui.common import lazy
from annviz.gui.lessons.actions import ACTIONS
from annviz.lessons.model import Action, Check

log = logging.getLogger(__name__)


class MissingWidget(LookupError):
    """A name that no widget (or more than one) of the window has."""


def current_language() -> str:
    """"ko" when the Korean interface is on (``i18n.set_language`` sets the default locale)."""
    return "ko" if QLocale().language() == QLocale.Language.Korean else "en"


class Driver:
    """Acts on ``window`` (the app's MainWindow) for a lesson."""

    def __init__(self, window):
        self.window = window
        self.state = window.state
        self._found: dict[str, QWidget] = {}

    # --- names ---------------------------------------------------------------------------------

    def find(self, name: str) -> QWidget:
        """The one widget called ``name``; MissingWidget if there is none or more than one."""
        widget = self._found.get(name)
        if widget is not None and shiboken6.isValid(widget) and widget.objectName() == name:
            return widget
        found = self.window.findChildren(QWidget, name)
        if not found and lazy.build_holding(self.window, name):   # on a page not built yet
            found = self.window.findChildren(QWidget, name)
        if len(found) != 1:
            raise MissingWidget(f"{len(found)} widgets are called {name!r}")
        self._found[name] = found[0]
        return found[0]

    def find_all(self, names) -> list[QWidget]:
        """The widgets of ``names`` that exist (a missing one is logged, not fatal)."""
        widgets = []
        for name in names:
            try:
                widgets.append(self.find(name))
            except MissingWidget as error:
                log.warning("lesson: %s", error)
        return widgets

    def bring_into_view(self, widget: QWidget) -> None:
        """Switch every page, tab and dock that holds ``widget`` to it, and scroll to it."""
        child, scrolls = widget, []
        while child is not None and child is not self.window:
            parent = child.parentWidget()
            if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
                parent.parentWidget().setCurrentWidget(child)
            if isinstance(child, QDockWidget):
                child.show()
                child.raise_()
            if isinstance(child, QScrollArea) and child.widget() is not widget:
                scrolls.append(child)
            child = parent
        for scroll in scrolls:
            scroll.ensureWidgetVisible(widget)

    # --- actions and probes --------------------------------------------------------------------

    def perform(self, action: Action) -> None:
        """Do what ``action`` says; MissingWidget or ValueError if the app cannot."""
        ACTIONS[action.do](self, **dict(action.params))

    def training_busy(self) -> bool:
        """Whether a training run is going on (not paused): what a learner waits for."""
        area = self.window.built_training()    # None: not built (no run yet), or it failed to build
        return area is not None and area.run_facts().phase == "running"

    def measure(self, check: Check) -> dict:
        """The live values of ``check``'s probe (a value that cannot be measured now is None)."""
        from annviz.gui.lessons.probes import PROBES  # with the first check: not at the app's start

        try:
            return PROBES[check.probe](self, check)
        except MissingWidget as error:
            log.warning("lesson: %s", error)
            return {}
