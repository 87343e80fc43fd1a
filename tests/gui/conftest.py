"""Fixtures the GUI tests share."""

import pytest
from PySide6.QtCore import Qt

from explorer_helpers import classic_model_path


@pytest.fixture(scope="session")
def model_path(tmp_path_factory):
    """The mnist-classic model file (bundled, or trained once for the whole session)."""
    return classic_model_path(tmp_path_factory.mktemp("model"))


@pytest.fixture(scope="session", autouse=True)
def user_data_folder(tmp_path_factory):
    """The app's data folder (where my digits live) in a temporary folder, never the user's own."""
    import os

    folder = tmp_path_factory.mktemp("user-data")
    previous = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("XDG_DATA_HOME", None)
    else:
        os.environ["XDG_DATA_HOME"] = previous


@pytest.fixture(autouse=True)
def no_button_left_down():
    """A test that fails between a mouse press and its release would leave the button down for
    every later test in this process — and the training worker holds while a button is down
    (the user's hand first), so every later run would wait. Release it after the test."""
    yield
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    if QApplication.instance() is None or QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton:
        return
    widget = QWidget()
    widget.show()
    for button in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton, Qt.MouseButton.MiddleButton):
        if QGuiApplication.mouseButtons() & button:
            QTest.mouseRelease(widget, button)
    widget.close()
    widget.deleteLater()
    assert QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton
