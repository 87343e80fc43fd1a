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
from PySide6.QtWidgets import QApplication, QWidget


def living_widgets():
    """Every live widget of every window, each window first; closed windows waiting to be
    deleted (hidden, delete-on-close) are left out."""
    for window in QApplication.topLevelWidgets():
        if not shiboken6.isValid(window) or (window.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                                             and not window.isVisible()):
            continue
        yield window
        for widget in window.findChildren(QWidget):
            if shiboken6.isValid(widget):
                yield widget
