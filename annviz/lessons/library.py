"""Where lessons are: the bundled ones (``resources/lessons``) and a teacher's folder.

``catalog(user_folder)`` lists both, bundled first and each in its order (``number``, then
title); a file that cannot be read is listed with its one-line error instead of a lesson, so one
broken file never hides the others. ``find(name_or_path, user_folder)`` opens a lesson by its name
(the file's name without .toml; a bundled lesson wins over a teacher's of the same name) or by
the path of a file. The folder is read as it is: no file is ever written or executed here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
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
    problem: LessonFileError | None = None     # the error itself (the window translates it)


# What each file held when last read, by its path, date and size: the list is shown again without
# reading any file that did not change (200 lessons of 245 kB took over 20 s each time).
_read: dict[Path, tuple[tuple, Entry]] = {}
_lock = threading.Lock()


def bundled_folder() -> Path:
    return resources_dir() / "lessons"


def _entries(folder: Path | None, bundled: bool, read_new: bool = True) -> list[Entry]:
    try:
        if folder is None or not folder.is_dir():
            return []
        paths = sorted(folder.glob(f"*{SUFFIX}"))[:MAX_FILES]
    except OSError:   # a folder that cannot be listed holds no lessons we can show
        return []
    entries = []
    for path in paths:
        entry = _entry(path, bundled, read_new)
        if entry is not None:
            entries.append(entry)
    return sorted(entries, key=_order)


def _key(path: Path) -> tuple[int, int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size, info.st_ino


def _entry(path: Path, bundled: bool, read_new: bool = True) -> Entry | None:
    """The entry of ``path``: as last read if the file did not change, else read now (or None if
    ``read_new`` is False)."""
    key = _key(path)
    with _lock:
        known = _read.get(path)
    if known is not None and key is not None and known[0] == key:      # read as the other list's
        return known[1] if known[1].bundled == bundled else replace(known[1], bundled=bundled)
    if not read_new:
        return None
    try:
        entry = Entry(path.stem, path, bundled, lesson=read_lesson(path))
    except LessonFileError as error:
        entry = Entry(path.stem, path, bundled, error=str(error), problem=error)
    if key is not None:
        with _lock:
            _read[path] = (key, entry)
    return entry


def unread(folder: Path | None) -> list[Path]:
    """The lesson files of ``folder`` not read since they last changed (a background reader
    reads them: :func:`read_all`)."""
    try:
        if folder is None or not folder.is_dir():
            return []
        paths = sorted(folder.glob(f"*{SUFFIX}"))[:MAX_FILES]
    except OSError:
        return []
    with _lock:
        return [p for p in paths if _read.get(p, (None,))[0] != _key(p) or _key(p) is None]


def read_all(paths: list[Path], progress: Callable[[int, int], object] | None = None) -> int:
    """Read ``paths`` into what the list remembers (any thread); ``progress(done, total)`` after
    each, returning False to stop. Returns how many were read."""
    for done, path in enumerate(paths, 1):
        _entry(path, False)
        if progress is not None and progress(done, len(paths)) is False:
            return done
    return len(paths)


def _order(entry: Entry) -> tuple[int, int, str]:
    lesson = entry.lesson
    if lesson is None:
        return (2, 0, entry.name)
    return (0 if lesson.number is not None else 1, lesson.number or 0, lesson.title.en.lower())


def catalog(user_folder: Path | None = None, read_new: bool = True) -> list[Entry]:
    """The bundled lessons, then those in ``user_folder`` (if given and present). Files read
    before and unchanged are not read again; with ``read_new`` False, the user's files not read
    yet are left out (:func:`unread` lists them)."""
    return _entries(bundled_folder(), True) + _entries(user_folder, False, read_new)


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
