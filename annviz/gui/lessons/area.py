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

import logging
import os
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMessageBox, QWidget

from annviz.gui.common import room
from annviz.gui.common.file_errors import refusal
from annviz.gui.lessons.panel import LessonPanel
from annviz.gui.lessons.player import LessonPlayer
from annviz.gui.lessons.sheet import SheetDialog
from annviz.gui.threads import Worker, WorkerThread
from annviz.lessons.lessonfile import LessonFileError, read_lesson
from annviz.lessons.library import SUFFIX, find, find_by_name, read_all, unread
from annviz.safeio import FileFormatError, memory_as

log = logging.getLogger(__name__)

TEACHER_KEY = "lessons/teacher_mode"


def teacher_mode_setting(value) -> bool:
    """A remembered on/off: only true (or "true") is on; anything else — missing, damaged — off."""
    return value is True or value == "true"


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
        self._reading = False
        self.panel = LessonPanel()
        self.dock = LessonDock(self.panel, window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.player = LessonPlayer(window, self.panel, window.settings, self.user_folder, self)
        self.dock.visibilityChanged.connect(self.player.panel_shown)
        self.panel.open_file_clicked.connect(lambda: self.open_file())
        self.panel.folder_clicked.connect(self.open_folder)
        self.panel.sheet_clicked.connect(self.show_sheet)
        self.sheet: SheetDialog | None = None       # "My lesson sheet", when shown
        self.teacher_action = None                   # View → Teacher mode (install adds it)
        self.player.set_teacher_mode(teacher_mode_setting(window.settings.value(TEACHER_KEY)))
        self.reader = WorkerThread("lessons-reader", self)   # the user's folder, off the GUI thread
        window.add_shutdown_hook(self.reader.stop)

    # --- commands ------------------------------------------------------------------------------

    def show_lessons(self) -> None:
        """Help → Lessons: the panel, at the lesson being followed or at the list. The list shows
        at once; lessons of the user's folder that are new or changed are read in the background
        and join it when read."""
        if self.player.lesson is None:
            self.player.show_catalog()
        self.dock.open()
        self.read_folder()

    def lesson_position(self) -> tuple[str, int] | None:
        """The lesson followed and its step (a setup saves them), or None."""
        lesson = self.player.lesson
        return None if lesson is None else (lesson.name, self.player.index)

    def lesson_followed(self):
        """The lesson followed, or None (a setup carries it when it is not a bundled one)."""
        return self.player.lesson

    @property
    def teacher_mode(self) -> bool:
        return self.player.teacher

    def set_teacher_mode(self, on: bool) -> None:
        """View → Teacher mode (remembered): every step's answer, any step, no locks."""
        on = bool(on)
        self.window.settings.setValue(TEACHER_KEY, on)
        self.player.set_teacher_mode(on)
        if self.teacher_action is not None and self.teacher_action.isChecked() != on:
            self.teacher_action.setChecked(on)

    def show_sheet(self, lesson) -> SheetDialog:
        """My lesson sheet of ``lesson``: its predictions kept on this machine and what happened."""
        player = self.player
        made = player.made if player.lesson is not None and player.lesson.name == lesson.name \
            else player.predictions(lesson)
        if self.sheet is not None and shiboken6.isValid(self.sheet):
            self.sheet.close()
        self.sheet = SheetDialog(lesson, made, self.window)
        self.sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)   # a closed sheet is gone, not hidden
        self.sheet.show()
        self.sheet.raise_()
        return self.sheet

    def read_folder(self) -> bool:
        """Read the user's lessons that are new or changed since last read, in the background;
        False if there are none (or a reading is under way)."""
        pending = unread(self.player.user_folder)
        if not pending or self._reading:
            return False
        self._reading = True
        reader = FolderReader(pending)
        reader.progress.connect(self._on_folder_progress)
        reader.finished.connect(self._on_folder_read)
        reader.failed.connect(self._on_folder_read)
        self.reader.start(reader)
        return True

    def folder_read(self) -> bool:
        """Whether the user's folder has been read (no reading under way)."""
        return not self._reading

    def _on_folder_progress(self, done: int, total: int) -> None:
        if self.player.lesson is None and not self.dock.isHidden():
            self.panel.note.setText(self.tr("Reading the lessons in your folder: {done} of {total}…").format(
                done=done, total=total))
            self.panel.note.show()

    def _on_folder_read(self, _result) -> None:
        self._reading = False
        if self.player.lesson is None:
            self.player.show_catalog()

    def open_lesson(self, name_or_path: str | Path, step: int = 0) -> bool:
        """Follow the lesson called ``name_or_path`` (bundled, the user's, or a file's path) from
        ``step``; a message says why if there is none or it cannot be used."""
        return self._follow(lambda: find(name_or_path, self.user_folder), step)

    def find_by_name(self, name: str):
        """The lesson called ``name``, bundled or in the user's folder (never a path)."""
        return find_by_name(name, self.user_folder)

    def open_setup_lesson(self, setup) -> bool:
        """The lesson a setup names (by name only) or carries, at its step: opened before the rest
        of the setup is applied, so that the setup's own state wins over the step's actions."""
        if setup.lesson is None:
            return False
        name, step = setup.lesson
        return self._follow(lambda: setup.lesson_embedded or self.find_by_name(name), step)

    def open_file(self, path: str | Path | None = None) -> bool:
        """File → Open lesson…: a lesson file from anywhere."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open a lesson"), "",
                                                  self.tr("annviz lessons (*{suffix})").format(suffix=SUFFIX))
            if not path:
                return False
        def read():
            with memory_as(LessonFileError, path):
                return read_lesson(path)

        return self._follow(read, 0)

    def _follow(self, get_lesson, step: int) -> bool:
        """Follow the lesson ``get_lesson()`` gives from ``step``, the drawer open; if it raises
        LessonFileError, say why and change nothing."""
        try:
            lesson = get_lesson()
        except LessonFileError as error:
            self._warn(error)
            return False
        self.dock.open()
        self.player.open(lesson, step)
        return True

    def open_folder(self) -> None:
        """Show the user's lessons folder (made if missing) in the system's file manager."""
        self.user_folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.user_folder)))

    def start(self, lesson: str | None = None) -> None:
        """At start-up: open ``lesson`` (``--lesson``) at its first step, else come back to the
        lesson the learner was following if the panel was open.

        Nothing here may keep the window from opening: a remembered lesson that cannot be used
        (gone, damaged, a folder or a pipe in its place, a step that cannot be set up) is
        forgotten, the list is shown instead, and a message says why once the window shows."""
        if lesson:
            # after the event loop starts, so that a message about a bad name has a window to sit on
            QTimer.singleShot(0, lambda: self.open_lesson(lesson))
            return
        name = str(self.window.settings.value("lessons/open") or "")
        path = str(self.window.settings.value("lessons/open_path") or "")
        if not name or self.dock.isHidden():
            return
        try:
            found = self._remembered(name, path)
            self.player.open(found, self.player.progress(found.name)[0])
        except Exception as error:  # noqa: BLE001 — whatever it is, the window opens
            self._forget(path or name, error)

    def _remembered(self, name: str, path: str):
        """The remembered lesson: its file if anything is there (a folder, a pipe, a link that
        loops are each refused with their reason), else the lesson of that name."""
        if path and os.path.lexists(path):
            return read_lesson(path)
        try:
            return find(name, self.user_folder)     # a bundled lesson whose folder moved, say
        except LessonFileError as error:
            raise LessonFileError(path, "no_such_file") if path else error from None

    def _forget(self, what: str, error: Exception) -> None:
        log.warning("the remembered lesson %s was not opened: %s", what, error,
                    exc_info=not isinstance(error, LessonFileError))
        self.window.settings.setValue("lessons/open", "")
        self.window.settings.setValue("lessons/open_path", "")
        why = refusal(error) if isinstance(error, FileFormatError) else f"{what}: {_first_line(error)}"
        self.window.add_startup_notice(self.tr("The lesson was not opened"), self.tr(
            "The lesson you were following could not be opened, so the list of lessons is shown "
            "instead.") + "\n\n" + why)
        try:
            if self.player.lesson is not None:
                self.player.close_lesson()
            self.player.show_catalog()
        except Exception:  # noqa: BLE001 — the list itself is a file read too
            log.exception("the list of lessons could not be shown")

    def _warn(self, error: Exception) -> None:
        QMessageBox.warning(self.window, self.tr("The lesson was not opened"), refusal(error))


class FolderReader(Worker):
    """Reads lesson files into the list's memory (annviz.lessons.library), in a worker thread."""

    progress = Signal(int, int)

    def __init__(self, paths):
        super().__init__()
        self.paths = list(paths)

    def work(self) -> int:
        def report(done: int, total: int) -> bool:
            self.send(FolderReader.progress, done, total)
            return not self.control.stop_requested

        return read_all(self.paths, report)


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:300]
