"""What the shared checks of every reader (annviz.safeio) say when the system refuses a file, when a
file is too large or grows while read, and when a field has the wrong type — each in English and
Korean, naming the file; and what they let through at their limits."""

from __future__ import annotations

import errno
import io
import os
import pickle
import stat
from pathlib import Path

import pytest

from annviz.messages import Phrase
from annviz.nn.modelfile import ModelFileError
from annviz.safeio import (
    FileFormatError,
    capped,
    check_field,
    describe,
    guarded,
    loads_json,
    open_regular,
    os_error,
    read_bytes,
    read_exactly,
    read_json,
    write_atomic,
)
from handmade import check_said, said


def opened_error(path, reader=lambda p: read_bytes(p, 100, ModelFileError, "model")) -> ModelFileError:
    with pytest.raises(ModelFileError) as caught:
        reader(path)
    return caught.value


def test_a_path_through_a_file_is_no_such_file(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    path = tmp_path / "notes.txt" / "m.safetensors"
    check_said(opened_error(path), path, "no such file (a part of the path is not a folder)")


def test_links_in_a_loop(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    path = tmp_path / "a"
    check_said(opened_error(path), path, "cannot be read: its symbolic links go round in a loop")


def test_a_name_too_long(tmp_path):
    path = tmp_path / ("n" * 300)
    check_said(opened_error(path), path, "cannot be read: its name is too long for this system")


@pytest.mark.parametrize("fault,english", [
    (PermissionError(errno.EACCES, "Permission denied"), "cannot be read (permission denied)"),
    (OSError(errno.EIO, "Input/output error"), "cannot be read (Input/output error)"),
    (OSError("the disk went away"), "cannot be read (the disk went away)"),
])
def test_what_the_system_says_becomes_one_line_naming_the_file(fault, english):
    check_said(os_error("lesson.toml", fault, ModelFileError), "lesson.toml", english)


@pytest.mark.skipif(not os.path.exists("/proc/self/mem"), reason="Linux's /proc")
def test_a_file_whose_reading_fails_names_it():
    check_said(opened_error("/proc/self/mem"), "/proc/self/mem", "cannot be read (Input/output error)")


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="Linux's /proc")
def test_a_file_that_holds_more_than_its_size_said_is_cut_off_at_the_limit():
    """/proc files say they are empty: what they hold past the limit is found by reading."""
    check_said(opened_error("/proc/self/status"), "/proc/self/status", "is more than a model file may be (100 bytes)")
    with pytest.raises(FileFormatError) as caught:
        read_bytes("/proc/self/status", 100)
    check_said(caught.value, "/proc/self/status", "is more than a file may be (100 bytes)")


def test_a_file_of_exactly_the_limit_is_read_whole_and_one_byte_more_is_refused(tmp_path):
    path = tmp_path / "f.bin"
    path.write_bytes(bytes(range(100)))
    assert read_bytes(path, 100) == bytes(range(100))
    with pytest.raises(FileFormatError) as caught:
        read_bytes(path, 99)
    check_said(caught.value, path, "is 100 bytes, more than a file may be (99 bytes)")
    with pytest.raises(FileFormatError) as caught:
        read_json(path, 99)
    check_said(caught.value, path, "is 100 bytes, more than a file may be (99 bytes)")


def test_bad_json_names_the_file_and_the_part(tmp_path):
    path = tmp_path / "setup.json"
    path.write_text('{"a": ')
    with pytest.raises(FileFormatError) as caught:
        read_json(path, 1000, what=Phrase("part.metadata"))
    check_said(caught.value, path, "its annviz metadata is not valid JSON (the error is at character 6)", "6")


def test_a_capped_file_gives_no_more_than_it_held_when_opened(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"0123456789")
    with capped(open_regular(path, 100)) as f:
        with open(path, "ab") as grow:
            grow.write(b"abcdefghij")
        f.seek(5)
        assert f.read(100) == b"56789"
        assert f.read(100) == b"" and f.read(1) == b""
        f.seek(0)
        assert f.read(0) == b"" and f.read(None) == b"0123456789"       # not what it holds now
        f.seek(3)
        assert f.read() == b"3456789" and f.read(-1) == b""
        f.seek(8)
        assert f.read(-5) == b"89"


@pytest.mark.parametrize("kinds,wanted", [
    ((str, list), "a string or a list"),
    ((int, str, list), "an integer or a string or a list"),
])
def test_a_field_of_another_type_says_every_type_it_may_have(kinds, wanted):
    with pytest.raises(ModelFileError) as caught:
        check_field({"name": {"x": 1}}, "name", kinds, "m.safetensors", ModelFileError, where="layers[2].")
    check_said(caught.value, "m.safetensors", f'layers[2].name should be {wanted}, not {{"x": 1}}', "layers[2].name")


def test_values_are_shown_as_written_and_cut_after_40_characters():
    assert describe("가나다") == '"가나다"'                     # Korean as it is, not \\uac00
    assert describe(Path("a.json")) == '"a.json"'             # anything else: its text
    assert describe("x" * 38) == '"' + "x" * 38 + '"'         # 40 characters: whole
    assert describe("x" * 39) == '"' + "x" * 36 + "..."       # 41: 37 and "..."
    circle: list = []
    circle.append(circle)
    assert describe(circle) == "list"


class Embedded(FileFormatError):
    """A file kind that holds another's (a setup holding a model)."""


@guarded(Embedded)
def read_embedded(path, inner: FileFormatError):
    raise inner


@pytest.mark.parametrize("inner,english", [
    (ModelFileError(None, "model.tensor_missing", where="model", name="fc1.weight"), "model: tensor fc1.weight is missing"),
    (ModelFileError("inner.safetensors", "model.tensor_missing", name="fc1.weight"), "tensor fc1.weight is missing"),
    (FileFormatError(None, "a sentence no reader writes"), "a sentence no reader writes"),
    (FileFormatError("inner.json", "a sentence no reader writes"), "a sentence no reader writes"),
])
def test_another_kinds_error_inside_a_file_says_the_same_and_names_a_file(inner, english):
    with pytest.raises(Embedded) as caught:
        read_embedded("setup.json", inner)
    path = inner.path or "setup.json"
    assert str(caught.value) == f"{path}: {english}" and caught.value.where == inner.where
    if inner.code:
        check_said(caught.value, path, english, "fc1.weight")
    copy = pickle.loads(pickle.dumps(caught.value))     # crosses to the window's thread intact
    assert type(copy) is Embedded and str(copy) == str(caught.value) and said(copy, "ko") == said(caught.value, "ko")


def test_a_script_written_atomically_keeps_the_mode_asked_under_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        path = write_atomic(tmp_path / "run.sh", b"#!/bin/sh\n", 0o775)
        again = write_atomic(tmp_path / "plain.txt", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o750
    assert stat.S_IMODE(again.stat().st_mode) == 0o640


def test_the_file_actually_opened_is_checked_again(tmp_path, monkeypatch):
    """A small file swapped for a large one between the check of its name and the opening: the
    file opened is refused, by its name, and nothing is left open."""
    small, large = tmp_path / "small.bin", tmp_path / "m.safetensors"
    small.write_bytes(b"x")
    large.write_bytes(bytes(300))
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda path, *args, **kwargs: real_stat(small))
    before = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    with pytest.raises(ModelFileError) as caught:
        read_bytes(large, 100, ModelFileError, "model")
    monkeypatch.undo()
    check_said(caught.value, large, "is 300 bytes, more than a model file may be (100 bytes)")
    if before is not None:
        assert len(os.listdir("/proc/self/fd")) == before


def test_a_file_is_opened_without_blocking_and_a_name_in_bytes_is_shown_as_text(tmp_path):
    fcntl = pytest.importorskip("fcntl")          # Unix: where FIFOs could block a reader
    path = tmp_path / "f.bin"
    path.write_bytes(b"ab")
    with open_regular(path, 2) as f:
        assert fcntl.fcntl(f.fileno(), fcntl.F_GETFL) & os.O_NONBLOCK
    with pytest.raises(FileFormatError) as caught:
        open_regular(path, 1)
    check_said(caught.value, path, "is 2 bytes, more than a file may be (1 bytes)")
    missing = os.fsencode(tmp_path / "missing.bin")
    with pytest.raises(FileFormatError) as caught:
        read_bytes(missing, 10)
    assert caught.value.path == os.fsdecode(missing)
    check_said(caught.value, os.fsdecode(missing), "no such file")


def test_a_sentence_that_is_not_a_code_carries_no_values():
    error = FileFormatError("notes.txt", "a sentence no reader writes", n=3)
    assert str(error) == "notes.txt: a sentence no reader writes" and error.code is None and error.values == {}


@pytest.mark.parametrize("text,english", [
    ("1" * 41, "its annviz metadata holds an integer of 41 digits (at most 40)"),
    ("-" + "1" * 41, "its annviz metadata holds an integer of 41 digits (at most 40)"),
    ("1e99999999999999999999999", "its annviz metadata holds the number 1e999999999999999999, too large for a float"),
    ("[NaN]", "its annviz metadata holds NaN, which is not a number this file may hold"),
    ("[" * 5000 + "]" * 5000, "its annviz metadata is nested > 100000 levels deep (at most 100000)"),
])
def test_json_a_reader_refuses_is_said_naming_the_part(text, english):
    with pytest.raises(ModelFileError) as caught:
        loads_json(text, "m.safetensors", ModelFileError, what=Phrase("part.metadata"), max_depth=100_000)
    check_said(caught.value, "m.safetensors", english)


def test_json_at_its_limits_is_read():
    assert loads_json("1" * 40, "x.json") == int("1" * 40)
    assert loads_json("-" + "1" * 40, "x.json") == -int("1" * 40)
    assert loads_json('"\ud800"', "x.json") == "\ud800"      # a lone surrogate in text: read, not a crash


def test_a_short_read_names_the_file_the_part_and_the_bytes():
    with pytest.raises(ModelFileError) as caught:
        read_exactly(io.BytesIO(b"abc"), 8, "digits.idx", Phrase("part.header_length"), ModelFileError)
    check_said(caught.value, "digits.idx", "truncated in the header length (expected 8 bytes, found 3)", "8", "3")


@pytest.mark.skipif(not os.path.exists("/proc/self/mem"), reason="Linux's /proc")
def test_a_read_the_system_refuses_names_the_file():
    with open("/proc/self/mem", "rb") as f, pytest.raises(ModelFileError) as caught:
        read_exactly(f, 8, "m.safetensors", Phrase("part.header_length"), ModelFileError)
    check_said(caught.value, "m.safetensors", "cannot be read (Input/output error)")


def test_files_open_where_the_system_has_no_o_nonblock(tmp_path, monkeypatch):
    """Windows' os module has no O_NONBLOCK (nor O_CLOEXEC): every reader opens files there too."""
    path = tmp_path / "f.bin"
    path.write_bytes(b"ab")
    for flag in ("O_NONBLOCK", "O_CLOEXEC"):
        monkeypatch.delattr(os, flag, raising=False)
    assert read_bytes(path, 2) == b"ab"
