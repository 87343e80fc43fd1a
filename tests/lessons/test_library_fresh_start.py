"""The list of lessons at a fresh start of the app: nothing read yet, every bundled lesson is read
and listed as bundled (not only those another list read before), a teacher's unread files are
left to the background reader.

The library remembers what it read for as long as the app runs; the test runs its module afresh
(as a start of the app would) so that nothing read by another test is remembered."""

import types
from pathlib import Path

from annviz.lessons import library


def fresh() -> types.ModuleType:
    """annviz.lessons.library as a start of the app builds it: nothing read yet."""
    module = types.ModuleType(library.__name__)
    module.__file__ = library.__file__
    source = Path(library.__file__).read_text(encoding="utf-8")
    exec(compile(source, library.__file__, "exec"), module.__dict__)   # noqa: S102 (the project's own file)
    return module


BUNDLED = sorted(p.stem for p in library.bundled_folder().glob("*.toml"))


def test_at_a_fresh_start_every_bundled_lesson_is_read_and_listed_as_bundled():
    lib = fresh()
    entries = lib.catalog()
    assert sorted(e.name for e in entries) == BUNDLED and len(BUNDLED) >= 10
    assert all(e.bundled is True and e.lesson is not None and e.error is None for e in entries)
    assert sorted(lib.bundled_names()) == BUNDLED


def test_at_a_fresh_start_a_teachers_unread_lessons_wait_for_the_background_reader(tmp_path):
    lib = fresh()
    mine = tmp_path / "mine.toml"
    mine.write_text((library.bundled_folder() / "neuron.toml").read_text(encoding="utf-8"), encoding="utf-8")
    listed = lib.catalog(tmp_path, read_new=False)
    assert sorted(e.name for e in listed) == BUNDLED                      # the bundled ones: read now
    assert lib.unread(tmp_path) == [mine]
    assert lib.read_all(lib.unread(tmp_path)) == 1
    listed = lib.catalog(tmp_path, read_new=False)
    assert [(e.name, e.bundled) for e in listed if e.path == mine] == [("mine", False)]
