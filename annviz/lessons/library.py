"""Where lessons are: the bundled ones (``resources/lessons``) and a teacher's folder.

``catalog(user_folder)`` lists both, bundled first and each in its order (``number``, then
title); a file that cannot be read is listed with its one-line error instead of a lesson, so one
broken file never hides the others. ``find(name_or_path, user_folder)`` opens a lesson by its name
(the file's name without .toml; a bundled lesson wins over a teacher's of the same name) or by
the path of a file. The folder is read as it is: no file is ever written or executed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annviz.lessons.lessonfile import _NAME, MAX_NAME, LessonFileError, read_lesson
from annviz.lessons.model import Lesson
from annviz.paths import resources_dir
from annviz.safeio import guarded, os_error

SUFFIX = ".toml"
MAX_FILES = 200    # lessons read from one folder at most


@dataclass(frozen=True)
class Entry:
    """One lesson file: the lesson, or why it cannot be used."""

    name: str
    path: Path
    bundled: bool
    lesson: Lesson | None = None
    error: str | None = None


def bundled_folder() -> Path:
    return resources_dir() / "lessons"


def _entries(folder: Path | None, bundled: bool) -> list[Entry]:
    try:
        if folder is None or not folder.is_dir():
            return []
        paths = sorted(folder.glob(f"*{SUFFIX}"))[:MAX_FILES]
    except OSError:   # a folder that cannot be listed holds no lessons we can show
        return []
    entries = []
    for path in paths:
        try:
            entries.append(Entry(path.stem, path, bundled, lesson=read_lesson(path)))
        except LessonFileError as error:
            entries.append(Entry(path.stem, path, bundled, error=str(error)))
    return sorted(entries, key=_order)


def _order(entry: Entry):
    lesson = entry.lesson
    if lesson is None:
        return (2, 0, entry.name)
    return (0 if lesson.number is not None else 1, lesson.number or 0, lesson.title.en.lower())


def catalog(user_folder: Path | None = None) -> list[Entry]:
    """The bundled lessons, then those in ``user_folder`` (if given and present)."""
    return _entries(bundled_folder(), True) + _entries(user_folder, False)


def bundled_names() -> list[str]:
    return [e.name for e in _entries(bundled_folder(), True)]


def is_bundled(lesson: Lesson) -> bool:
    """Whether ``lesson`` was read from annviz's own lessons (a setup names it, not carries it)."""
    try:
        return lesson.path is not None and lesson.path.resolve().parent == bundled_folder().resolve()
    except OSError:
        return False


def is_lesson_name(text: str) -> bool:
    """Whether ``text`` may be a lesson's name: never a path (no folder, no ..)."""
    return bool(text) and len(text) <= MAX_NAME and _NAME.fullmatch(text) is not None and ".." not in text


@guarded(LessonFileError)
def find_by_name(name: str, user_folder: Path | None = None) -> Lesson:
    """The lesson called ``name``: bundled first, then the user's folder — never a path (a setup
    file names lessons, and a file must not make the app read any other file)."""
    if not is_lesson_name(name):
        raise LessonFileError(repr(name[:80]), "lesson.not_a_name")
    for folder in (bundled_folder(), user_folder):
        candidate = None if folder is None else folder / f"{name}{SUFFIX}"
        if candidate is not None and candidate.is_file():
            return read_lesson(candidate)
    raise LessonFileError(name, "lesson.no_such_lesson", names=", ".join(bundled_names()))


@guarded(LessonFileError)
def find(name_or_path: str | Path, user_folder: Path | None = None) -> Lesson:
    """The lesson called ``name_or_path`` (bundled first, then the user's), or the file at that
    path. LessonFileError, naming what was looked for, if there is none or it cannot be read."""
    text = str(name_or_path)
    for folder in (bundled_folder(), user_folder):
        if folder is not None and "/" not in text and "\\" not in text:
            candidate = folder / f"{text.removesuffix(SUFFIX)}{SUFFIX}"
            try:
                found = candidate.is_file()
            except OSError as error:   # a name too long for the system, say
                raise os_error(text, error, LessonFileError) from None
            if found:
                return read_lesson(candidate)
    path = Path(text)
    if path.suffix == SUFFIX or path.exists():
        return read_lesson(path)
    names = ", ".join(bundled_names())
    raise LessonFileError(text, "lesson.no_such_lesson", names=names)
