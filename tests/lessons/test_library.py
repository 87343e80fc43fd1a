"""The list of lessons as the window shows it: the bundled lessons first, then a teacher's folder,
each in its order (numbered ones by number, then the others by title, the broken files last with
their one-line reason); a file not changed since it was read is not read again (its date, size and
place on disk say so), one that changed is; the background reader reads the files not yet read and
says how far it is."""

import dataclasses
import os

from annviz.lessons.lessonfile import LessonFileError
from annviz.lessons.library import (
    MAX_FILES,
    bundled_folder,
    bundled_names,
    catalog,
    find,
    find_by_name,
    is_bundled,
    is_lesson_name,
    read_all,
    unread,
)

HEAD = 'format_version = 1\nsummary = { en = "S", ko = "요약" }\n'
STEP = '[[steps]]\ntext = { en = "Hi", ko = "안녕" }\n'


def lesson(title: str, number: int | None = None) -> str:
    numbered = f"number = {number}\n" if number is not None else ""
    return HEAD + numbered + f'title = {{ en = "{title}", ko = "제목" }}\n' + STEP


def folder(tmp_path, files: dict[str, str]):
    user = tmp_path / "lessons"
    user.mkdir()
    for name, text in files.items():
        (user / f"{name}.toml").write_text(text, encoding="utf-8")
    return user


def users(entries):
    return [e for e in entries if not e.bundled]


def test_the_list_orders_numbered_then_titled_then_broken_lessons(tmp_path):
    user = folder(tmp_path, {
        "b-first": lesson("Zebra", 1), "a-second": lesson("Apple", 2),
        "c-titled": lesson("a_b"), "d-titled": lesson("aab"), "e-titled": lesson("Zeta"),
        "aaa-broken": "format_version = = 1\n", "zzz-broken": HEAD,
        "notes": "not a lesson",
    })
    (user / "notes.txt").write_text("not listed", encoding="utf-8")
    entries = catalog(user)
    bundled = [e for e in entries if e.bundled]
    assert [e.name for e in bundled] == bundled_names() and len(bundled) >= 10
    assert [e.lesson.number for e in bundled] == sorted(e.lesson.number for e in bundled)
    assert all(e.path.parent == bundled_folder() and e.error is None for e in bundled)
    mine = users(entries)
    assert entries[:len(bundled)] == bundled                                   # bundled first
    assert [e.name for e in mine] == ["b-first", "a-second", "c-titled", "d-titled", "e-titled",
                                      "aaa-broken", "notes", "zzz-broken"]
    assert all(e.bundled is False for e in mine)
    first = mine[0]
    assert first.path == user / "b-first.toml" and first.lesson.title.en == "Zebra" and first.error is None
    assert first.problem is None
    broken = mine[5]
    assert broken.lesson is None and isinstance(broken.problem, LessonFileError)
    assert broken.error == str(broken.problem) and broken.error.startswith(str(user / "aaa-broken.toml"))
    assert broken.path == user / "aaa-broken.toml"


def test_a_file_is_read_again_only_when_it_changed(tmp_path):
    user = folder(tmp_path, {"one": lesson("Aaaa")})
    path = user / "one.toml"
    assert users(catalog(user))[0].lesson.title.en == "Aaaa"
    stat = path.stat()
    path.write_text(lesson("Bbbb"), encoding="utf-8")                      # same size, same file …
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))                # … and the same date
    assert users(catalog(user))[0].lesson.title.en == "Aaaa"               # not read again
    assert unread(user) == []
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))    # a new date
    assert unread(user) == [path]
    assert users(catalog(user))[0].lesson.title.en == "Bbbb"


def test_the_files_not_read_yet_are_left_to_the_background_reader(tmp_path):
    user = folder(tmp_path, {"one": lesson("One", 1), "two": lesson("Two", 2), "three": lesson("Three", 3)})
    assert unread(None) == [] and unread(tmp_path / "nowhere") == [] and unread(user / "one.toml") == []
    assert users(catalog(user, read_new=False)) == []                      # not read: not listed yet
    paths = sorted(user.glob("*.toml"))
    assert unread(user) == paths
    calls = []
    assert read_all(paths[:2], lambda done, total: calls.append((done, total))) == 2
    assert calls == [(1, 2), (2, 2)]
    assert unread(user) == paths[2:]
    assert [e.name for e in users(catalog(user, read_new=False))] == ["one", "three"]   # by number
    assert all(e.bundled is False for e in users(catalog(user, read_new=False)))
    assert read_all(paths[2:]) == 1 and unread(user) == []


def test_the_background_reader_stops_when_asked(tmp_path):
    user = folder(tmp_path, {f"l{i}": lesson(f"L{i}", i) for i in range(1, 5)})
    paths = sorted(user.glob("*.toml"))
    seen = []
    assert read_all(paths, lambda done, total: seen.append(done) or (False if done == 2 else None)) == 2
    assert seen == [1, 2] and unread(user) == paths[2:]


def test_a_folder_shows_at_most_max_files_lessons(tmp_path):
    user = folder(tmp_path, {f"l{i:03d}": "x" for i in range(MAX_FILES + 1)})   # broken: read fast
    mine = users(catalog(user))
    assert len(mine) == MAX_FILES and mine[-1].name == f"l{MAX_FILES - 1:03d}"
    assert len(unread(user)) == 0


def test_a_lesson_knows_whether_it_is_bundled(tmp_path):
    user = folder(tmp_path, {"mine": lesson("Mine")})
    bundled = catalog()[0].lesson
    assert is_bundled(bundled) and is_bundled(find(bundled.name))
    assert not is_bundled(find("mine", user))
    assert not is_bundled(dataclasses.replace(find_by_name(bundled.name), path=None))   # read from a setup


def test_a_lesson_name_is_at_most_80_characters_and_never_a_path(tmp_path):
    assert is_lesson_name("n" * 80) and not is_lesson_name("n" * 81)
    assert is_lesson_name("활성화-함수") and is_lesson_name("a.b")
    for text in ("", "a..b", "../x", "a/b", ".hidden", "a b"):
        assert not is_lesson_name(text), text


def test_a_bundled_lesson_read_as_a_teachers_is_still_listed_as_bundled():
    """A teacher who points the app at the bundled folder: the background reader reads those files
    as the teacher's, and the list read next must still mark the bundled ones bundled (and the
    teacher's list, the same files, not)."""
    paths = sorted(bundled_folder().glob("*.toml"))
    assert read_all(paths) == len(paths)                                   # read as a teacher's
    assert all(e.bundled for e in catalog()) and len(catalog()) == len(bundled_names())
    both = catalog(bundled_folder())
    assert [e.bundled for e in both] == [True] * len(paths) + [False] * len(paths)
    assert all(e.bundled for e in catalog())                               # and back again
