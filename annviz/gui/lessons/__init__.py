"""Lessons in the window: the panel beside the page, the driver that acts on the app, the overlay.

``install(window, state)`` adds the lessons area (``area.LessonsArea``): a dock with the lesson
panel (hidden until Help → Lessons, File → Open lesson… or ``annviz --lesson NAME``), and
``window.lessons``, through which ``annviz.gui.app`` starts it. It attaches itself to the setup
area (``window.setup``), so that a setup file saves the lesson and step being followed and opens
them again, before it applies its own state. The lesson files themselves, their format and
checks, are ``annviz.lessons`` (no Qt).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annviz.gui.lessons.area import LessonsArea, user_lessons_folder

__all__ = ["LessonsArea", "install", "user_lessons_folder"]


def install(window, state) -> LessonsArea:
    area = LessonsArea(window, parent=window)
    window.add_help_action(lambda: QCoreApplication.translate("LessonsArea", "&Lessons"), area.show_lessons)
    window.add_file_action(lambda: QCoreApplication.translate("LessonsArea", "Open &lesson…"),
                           lambda: area.open_file())
    area.teacher_action = window.add_view_action(
        lambda: QCoreApplication.translate("LessonsArea", "&Teacher mode (answers shown, no locks)"),
        area.set_teacher_mode)
    area.teacher_action.setChecked(area.teacher_mode)
    window.set_lessons_area(area)
    if window.setup is not None:            # File → Save / Open setup carries the lesson and step
        window.setup.attach_lessons(area)
    return area
