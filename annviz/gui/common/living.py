"""Every widget of every window, for the mechanisms that reach all of them (the language, the zoom).

Not ``QApplication.allWidgets()``: that list also holds the parts of windows already closed and
waiting to be deleted, and wrapping all of them at once crashed PySide6 (6.11) now and then in
the test suite. The windows are asked for, then each one's children, afresh at every call: a
pass that deletes widgets (a style sheet set again remakes a widget's inner parts) must not
leave the next pass holding them.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLayout, QMenu, QWidget

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


def invalidate_layouts() -> None:
    """Every layout of every window recomputes its sizes. After a new font or language, a hidden
    page (a tab not in front) would otherwise keep the minimum sizes it had before — Qt passes a
    child's new size on to its parent only while the child is shown — and hold the window as
    large as the old zoom needed. A choice or a number field keeps its least size through a new font
    and forgets it only when told its style changed: it is told so once the new fonts have
    reached every widget (the next pass of the event loop)."""
    for widget in living_widgets():
        layout = widget.layout()
        if layout is not None:
            invalidate_tree(layout)
        widget.updateGeometry()
    QTimer.singleShot(0, _measure_choices_again)


def invalidate_tree(layout) -> None:
    """``layout`` and every layout and item in it forget the sizes they measured (Qt does this
    itself only when it lays out a widget that shows). Qt's own ``activate`` walks the tree: its
    items are never wrapped for Python (a wrapper of an item Qt deletes later crashed PySide)."""
    if isinstance(layout, QLayout):
        layout.invalidate()
        layout.activate()


def _measure_choices_again() -> None:
    for widget in living_widgets():
        if isinstance(widget, (QComboBox, QAbstractSpinBox)):
            QApplication.sendEvent(widget, QEvent(QEvent.Type.StyleChange))
            widget.updateGeometry()
