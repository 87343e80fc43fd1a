"""The lessons area of the window: the panel's dock, Help → Lessons, File → Open lesson, the folder.

``LessonsArea`` owns the dock that holds the panel (beside whatever page is in front, on the
right; hidden until asked for) and the player. ``show_lessons`` (Help → Lessons) shows the panel
with the lesson being followed, else the list; ``open_file`` reads a teacher's lesson file (one
clear message if it cannot be used, and nothing changes); ``open_folder`` shows the user's
lessons folder, whose .toml files the list includes; ``start(name)`` is how the app starts:
``annviz --lesson NAME`` opens that lesson at its first step, otherwise the lesson the learner
was following comes back where they stopped, if its panel was open when the app closed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMessageBox, QWidget

from annviz.gui.common import room
from annviz.gui.lessons.panel import LessonPanel
from annviz.gui.lessons.player import LessonPlayer
from annviz.lessons.lessonfile import LessonFileError, read_lesson
from annviz.lessons.library import SUFFIX, find


def user_lessons_folder() -> Path:
    """Where a teacher's lessons go: ``lessons/`` in the app's data folder (beside my-digits)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) / "lessons"


class LessonDock(QDockWidget):
    """The drawer at the side of the window (``room``: it takes its width from the page)."""

    def __init__(self, panel: LessonPanel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lesson-panel")
        self.setWidget(panel)
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.retranslate()

    def open(self) -> None:
        """Show the drawer at its width (``room.drawer_width()``), in front."""
        was_hidden = self.isHidden()
        self.show()
        self.raise_()
        if was_hidden:
            self.rezoom()

    def rezoom(self) -> None:
        window = self.parentWidget()
        if not self.isHidden() and not self.isFloating() and hasattr(window, "resizeDocks"):
            window.resizeDocks([self], [room.drawer_width()], Qt.Orientation.Horizontal)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Lessons"))


class LessonsArea(QObject):
    def __init__(self, window, user_folder: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.window = window
        self.user_folder = user_folder if user_folder is not None else user_lessons_folder()
        self.panel = LessonPanel()
        self.dock = LessonDock(self.panel, window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.player = LessonPlayer(window, self.panel, window.settings, self.user_folder, self)
        self.dock.visibilityChanged.connect(self.player.panel_shown)
        self.panel.open_file_clicked.connect(lambda: self.open_file())
        self.panel.folder_clicked.connect(self.open_folder)

    # --- commands ------------------------------------------------------------------------------

    def show_lessons(self) -> None:
        """Help → Lessons: the panel, at the lesson being followed or at the list."""
        if self.player.lesson is None:
            self.player.show_catalog()
        self.dock.open()

    def open_lesson(self, name_or_path: str | Path, step: int = 0) -> bool:
        """Follow the lesson called ``name_or_path`` (bundled, the user's, or a file's path) from
        ``step``; a message says why if there is none or it cannot be used."""
        try:
            lesson = find(name_or_path, self.user_folder)
        except LessonFileError as error:
            self._warn(error)
            return False
        self.dock.open()
        self.player.open(lesson, step)
        return True

    def open_file(self, path: str | Path | None = None) -> bool:
        """File → Open lesson…: a lesson file from anywhere."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open a lesson"), "",
                                                  self.tr("annviz lessons (*{suffix})").format(suffix=SUFFIX))
            if not path:
                return False
        try:
            lesson = read_lesson(path)
        except LessonFileError as error:
            self._warn(error)
            return False
        self.dock.open()
        self.player.open(lesson, 0)
        return True

    def open_folder(self) -> None:
        """Show the user's lessons folder (made if missing) in the system's file manager."""
        self.user_folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.user_folder)))

    def start(self, lesson: str | None = None) -> None:
        """At start-up: open ``lesson`` (``--lesson``) at its first step, else come back to the
        lesson the learner was following if the panel was open."""
        if lesson:
            # after the event loop starts, so that a message about a bad name has a window to sit on
            QTimer.singleShot(0, lambda: self.open_lesson(lesson))
            return
        name = str(self.window.settings.value("lessons/open") or "")
        path = str(self.window.settings.value("lessons/open_path") or "")
        if not name or self.dock.isHidden():
            return
        try:
            found = read_lesson(path) if path and Path(path).is_file() else find(name, self.user_folder)
        except LessonFileError:
            self.player.show_catalog()
            return
        self.player.open(found, self.player.progress(found.name)[0])

    def _warn(self, error: Exception) -> None:
        QMessageBox.warning(self.window, self.tr("The lesson was not opened"), str(error))
