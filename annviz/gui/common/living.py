"""Every widget of every window, for the mechanisms that reach all of them (the language, the zoom).

Not ``QApplication.allWidgets()``: that list also holds the parts of windows already closed and
waiting to be deleted, and wrapping all of them at once crashed PySide6 (6.11) now and then in
the test suite. The windows are asked for, then each one's children, afresh at every call: a
pass that deletes widgets (a style sheet set again remakes a widget's inner parts) must not
leave the next pass holding them.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QWidget


#: A dynamic property a window sets when it has been closed for good (MainWindow.closeEvent): its
#: views have shut their threads and timers down, and nothing walks them any more.
CLOSED = "annviz-closed"


def living_widgets():
    """Every live widget of every window, each window first; closed windows are left out: those
    waiting to be deleted (hidden, delete-on-close), those that said so (``CLOSED``) with their
    own windows (menus, dialogs), and hidden parentless menus (pyqtgraph's)."""
    for window in QApplication.topLevelWidgets():
        if not shiboken6.isValid(window) or (window.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                                             and not window.isVisible()):
            continue
        if not window.isVisible() and (_in_closed_window(window) or _loose_menu(window)):
            continue
        yield window
        for widget in window.findChildren(QWidget):
            if shiboken6.isValid(widget):
                yield widget


def _in_closed_window(widget: QWidget) -> bool:
    """Is ``widget`` a closed window, or a window of one (its menus, dialogs, floating docks)?"""
    while widget is not None:
        if widget.property(CLOSED) and not widget.isVisible():
            return True
        widget = widget.parentWidget()
    return False


def _loose_menu(widget: QWidget) -> bool:
    """A hidden context menu with no parent (pyqtgraph makes one per plot): none of ours, nothing
    to translate, and no way to tell which window — open or closed — it belongs to."""
    while widget.parentWidget() is not None:            # a submenu: its menu's root
        widget = widget.parentWidget()
    return isinstance(widget, QMenu) and not widget.isVisible()
