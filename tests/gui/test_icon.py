"""The window and the taskbar show annviz's icon, in every size it is drawn in."""

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from annviz.gui.common.qtapp import app_icon, set_app_icon
from annviz.gui.main_window import MainWindow
from annviz.gui.state import AppState
from annviz.paths import resources_dir
from explorer_helpers import private_settings


def test_every_window_gets_the_icon_in_every_size(qtbot, tmp_path):
    assert sorted(s.width() for s in app_icon().availableSizes()) == [16, 24, 32, 48, 64, 128, 256]
    set_app_icon(QApplication.instance())
    window = MainWindow(AppState(), private_settings(tmp_path))
    qtbot.addWidget(window)
    picture = window.windowIcon().pixmap(QSize(48, 48)).toImage()
    assert not picture.isNull() and picture.size() == QSize(48, 48)
    drawn = QImage(str(resources_dir() / "icons" / "annviz-48.png")).convertToFormat(picture.format())
    assert picture == drawn  # the 48-pixel drawing itself, not a scaled other size
    assert QApplication.desktopFileName() == "annviz"
