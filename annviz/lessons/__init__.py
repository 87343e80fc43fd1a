"""Lessons that drive the app: the file format, its checks and the data model, without Qt.

A lesson is a TOML file (``resources/lessons/README.md`` documents it for teachers): steps with a
text in English and Korean, actions that set the app up, widgets to highlight, hide or lock, and
tasks whose checks read the app's live state. This package reads and checks lesson files
(``lessonfile``), holds them as data (``model``), names everything a lesson may use
(``vocabulary``) and finds the bundled and the teacher's lessons (``library``). The GUI
(``annviz.gui.lessons``) performs the actions, measures the probes and shows the panel.
"""

from annviz.lessons.lessonfile import FORMAT_VERSION, LessonFileError, read_lesson
from annviz.lessons.library import Entry, bundled_folder, catalog, find
from annviz.lessons.model import Action, Check, Condition, Lesson, Step, Task, Text

__all__ = ["FORMAT_VERSION", "LessonFileError", "read_lesson", "Entry", "bundled_folder", "catalog",
           "find", "Action", "Check", "Condition", "Lesson", "Step", "Task", "Text"]
