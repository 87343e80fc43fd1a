"""Lessons in the window: the panel beside the page, the driver that acts on the app, the overlay.

``install(window, state)`` adds the lessons area (``area.LessonsArea``): a dock with the lesson
panel (hidden until Help → Lessons, File → Open lesson… or ``annviz --lesson NAME``), and
``window.lessons``, through which ``annviz.gui.app`` starts it. A setup file (``window.setup``)
saves the lesson and step being followed and opens them again, before it applies its own state. The lesson files themselves, their
format and checks, are ``annviz.lessons`` (no Qt).
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
    window.lessons = area
    setup = getattr(window, "setup", None)          # File → Save / Open setup carries the lesson and step
    if setup is not None:
        setup.lesson_position = lambda: ((area.player.lesson.name, area.player.index)
                                         if area.player.lesson is not None else None)
        setup.lesson_followed = lambda: area.player.lesson
        setup.find_lesson = area.find_by_name
        setup.open_lesson = area.open_setup_lesson   # before the setup's state: that wins over the step's
        setup.teacher_mode = lambda: area.teacher_mode
        setup.set_teacher_mode = area.set_teacher_mode
    return area
