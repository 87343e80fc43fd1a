"""The shared checks every file kind uses (annviz.safeio): each rule on its own."""

import os
import pickle

import pytest

from annviz.safeio import (
    FileFormatError,
    check_field,
    check_version,
    json_depth,
    loads_json,
    read_bytes,
    read_json,
)


class LessonError(FileFormatError):
    """A file kind still to come, as a future reader would declare it."""


def test_the_error_is_one_line_starting_with_the_path():
    error = LessonError("lessons/one.toml", "no title")
    assert str(error) == "lessons/one.toml: no title" and error.path == "lessons/one.toml"
    assert isinstance(error, ValueError) and error.reason == "no title"
    assert str(LessonError("x.toml: already a whole message")) == "x.toml: already a whole message"
    copy = pickle.loads(pickle.dumps(error))  # crosses process and thread boundaries intact
    assert type(copy) is LessonError and str(copy) == str(error)


def test_json_depth_ignores_brackets_inside_strings():
    assert json_depth(b'{"a": [1, "[[[{", {"b": []}]}') == 4
    assert json_depth(b'"\\"[["') == 0 and json_depth(b"7") == 0


@pytest.mark.parametrize("text,fault", [
    ("[" * 50 + "]" * 50, r"its setup is nested 50 levels deep \(at most 32\)"),
    ("[NaN]", "holds NaN, which is not a number this file may hold"),
    ('{"x": -Infinity}', "holds -Infinity, which is not a number"),
    ("[1e400]", "holds the number 1e400, too large for a float"),
    ("[" + "9" * 5000 + "]", "holds an integer of 5000 digits"),
    ("[1, 2", "is not valid JSON"),
    (b'["\xff"]', "its setup is not UTF-8 text"),
])
def test_json_that_is_refused(text, fault):
    with pytest.raises(LessonError, match=fault) as error:
        loads_json(text, "setup.annviz", LessonError, what="setup")
    assert str(error.value).startswith("setup.annviz: ")


def test_json_with_nan_where_a_kind_allows_it():
    value = loads_json("[NaN, 2]", "m", allow_nonfinite=True)
    assert value[0] != value[0] and value[1] == 2


def test_fields_are_checked_by_type():
    obj = {"title": "Digits", "steps": 3, "rate": 1, "flag": True, "nothing": None}
    assert check_field(obj, "title", str, "f") == "Digits"
    assert check_field(obj, "rate", float, "f") == 1  # an integer is a number
    assert check_field(obj, "nothing", list, "f", default=[]) == []
    assert check_field(obj, "absent", int, "f", default=5) == 5
    with pytest.raises(FileFormatError, match="f: steps should be a string, not 3"):
        check_field(obj, "steps", str, "f")
    with pytest.raises(FileFormatError, match="flag should be an integer, not true"):
        check_field(obj, "flag", int, "f")  # a bool is not a count


def test_versions():
    assert check_version(1, 2, "f") == 1
    with pytest.raises(FileFormatError, match="f: format_version 3 is newer than this annviz reads "
                                              r"\(up to 2\): update annviz to open it"):
        check_version(3, 2, "f")
    for bad in (0, "1", 1.0, True, None):
        with pytest.raises(FileFormatError, match="is not a version number"):
            check_version(bad, 2, "f", name="schema_version")


def test_files_are_capped_and_regular(tmp_path):
    path = tmp_path / "setup.annviz"
    path.write_text('{"format_version": 1}')
    assert read_json(path, 100, kind="a setup file") == {"format_version": 1}
    with pytest.raises(FileFormatError, match=r"is 21 bytes, more than a setup file may be \(20 bytes\)"):
        read_json(path, 20, kind="a setup file")
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(FileFormatError, match="pipe: is not a regular file"):
        read_bytes(tmp_path / "pipe", 100)
    with pytest.raises(FileFormatError, match="missing: no such file"):
        read_bytes(tmp_path / "missing", 100)
    with pytest.raises(FileFormatError, match=r"'a\\x00b': is not a valid file name"):
        read_bytes("a\0b", 100)


def test_an_atomic_write_replaces_whole_and_clears_a_crashed_saves_leftovers(tmp_path):
    import os
    import time

    from annviz.safeio import STALE_TEMP_S, write_atomic

    target = tmp_path / "model [1].safetensors"
    old = tmp_path / ".model [1].safetensors.abc123.tmp"      # a save killed long ago
    fresh = tmp_path / ".model [1].safetensors.def456.tmp"    # one that may still be writing
    other = tmp_path / ".other.safetensors.abc123.tmp"
    for leftover in (old, fresh, other):
        leftover.write_bytes(b"half a file")
    long_ago = time.time() - STALE_TEMP_S - 60
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new content")
    assert target.read_bytes() == b"new content" and (target.stat().st_mode & 0o777) == 0o640
    assert not old.exists() and fresh.exists() and other.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, fresh.name, other.name])


def test_size_text_changes_unit_exactly_at_1024():
    from annviz.safeio import size_text
    assert size_text(1023) == "1023 bytes"
    assert size_text(1024) == "1 KiB"
    assert size_text(1024 * 1024 - 1) == "1.02e+03 KiB"
    assert size_text(1024 * 1024) == "1 MiB"
    assert size_text(2**30 - 1) == "1.02e+03 MiB"
    assert size_text(2**30) == "1 GiB"
    assert size_text(3 * 2**40) == "3.07e+03 GiB"
