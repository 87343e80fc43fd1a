"""Reading files that may be hostile: one clear error naming the file, bounded memory, no surprise.

Every kind of file annviz reads — model and PyTorch files, training recordings, setups, lessons,
a learner's folder of digits and its index, images, IDX datasets — goes through these checks and
keeps these rules (each reader's limits: the table in docs/ARCHITECTURE.md):

1. **Regular files only.** :func:`open_regular` refuses a folder, a FIFO, a device such as
   ``/dev/zero``, a socket, a link that loops or a name too long before reading a byte, and opens with ``O_NONBLOCK`` so that a FIFO
   swapped in between the check and the open cannot hang the app either.
2. **A size cap per kind.** Each reader knows the most bytes its kind can sensibly hold and never
   reads more (:func:`read_bytes`, :func:`read_exactly`).
3. **Declared sizes are checked before anything is allocated.** A header that announces a shape,
   a length or an offset is checked against a sane maximum, in Python integers (no wrap-around),
   and compressed data is inflated only up to the size the header declares.
4. **JSON through** :func:`loads_json` **or** :func:`read_json`: a size cap, a nesting-depth cap,
   no ``NaN``/``Infinity`` (unless a kind's own files may hold them), no numbers too large for a
   float or longer than :data:`MAX_INT_DIGITS` digits. The reader of each kind then checks the
   type of every field it uses (:func:`check_field`).
5. **Nothing is ever executed**: no pickle, no ``eval``, no image plugin that starts a program.
6. **One error**: every fault is a :class:`FileFormatError` (each kind has a subclass, such as
   ``ModelFileError``, ``IdxError``, ``ImageError``) whose message is one line starting with the
   path. It carries a code of ``annviz.messages`` and the values of its sentence, so that the
   window says it in the learner's language (``annviz.gui.common.file_errors``) and the command
   line in English. Callers catch the subclass; nothing else escapes a reader: each reader's entry
   point is wrapped in :func:`guarded`, the net under its checks (a ``MemoryError`` stays one).
7. **A version in every structured file.** A JSON-based file format carries an integer
   ``format_version``; a ``--json`` output carries ``schema_version``. The number starts at 1 and
   grows by one whenever a reader of the old version would misread the new; readers accept every
   version up to their own and refuse a newer one with a sentence saying so
   (:func:`check_version`). Adding an optional field does not change the version.

Writing: :func:`write_atomic` writes a temporary file beside the target and renames it over the
target, so a reader never sees half a file (a crash or ``kill -9`` leaves the old file, and a
temporary file that the next save of the same name clears away).

Standard library only: importable from the command line, the data layer and the tests without
NumPy, Qt or Pillow.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import io
import json
import logging
import math
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from itertools import accumulate
from pathlib import Path
from typing import BinaryIO

from annviz.messages import MESSAGES, Phrase, english
from annviz.messages import kind as kind_phrase

log = logging.getLogger(__name__)

MAX_JSON_DEPTH = 32        # nesting of objects and lists; annviz's own files use at most 5
MAX_INT_DIGITS = 40        # an integer in a JSON file; 2**64 has 20 digits
# A JSON string literal, possessively: no backtracking stack, so a 4 MB string costs no memory
_STRINGS = re.compile(rb'"[^"\\]*+(?:\\.[^"\\]*+)*+"', re.DOTALL)


#: A file's name as the readers take it (and messages show it).
FilePath = str | os.PathLike


class FileFormatError(ValueError):
    """A file that cannot be used; ``str()`` is one line: the path, a colon, the fault.

    ``FileFormatError(path, code, **values)``: ``code`` is a key of ``annviz.messages.MESSAGES``
    and ``values`` fill its sentence (a :class:`~annviz.messages.Phrase` among them is translated
    with it); ``where`` names the place in the file ("step 3: text"), shown before the sentence.
    ``FileFormatError(path, reason)`` with an English sentence that is not a code, and
    ``FileFormatError(message)`` for a message that already names the file, are kept for text that
    no reader writes (their ``code`` is None: the window shows them as they are).
    """

    def __init__(self, path: str | os.PathLike | None, reason: str | None = None, /, *,
                 where: str | None = None, **values):
        if reason is None:  # one argument: the whole message
            path, reason = None, str(path)
        self.path = None if path is None else os.fspath(path)
        if isinstance(self.path, bytes):
            self.path = os.fsdecode(self.path)
        self.code = reason if reason in MESSAGES else None
        self.values = values if self.code is not None else {}
        self.where = where or None
        self.reason = english(self.code, values) if self.code is not None else reason
        if self.where:
            self.reason = f"{self.where}: {self.reason}"
        super().__init__(self.reason if self.path is None else f"{self.path}: {self.reason}")

    @classmethod
    def like(cls, other: FileFormatError, path=None) -> FileFormatError:
        """An error of this kind saying what ``other`` (another kind's) says, naming ``path`` if
        ``other`` names no file."""
        if isinstance(other, cls):
            return other
        if other.code is None:
            return cls(other.path or path, other.reason)
        return cls(other.path or path, other.code, where=other.where, **other.values)

    def __reduce__(self):  # picklable although __init__ takes keyword values
        return _rebuild, (type(self), self.path, self.code or self.reason, self.where, self.values)


def _rebuild(kind, path, reason, where, values):
    return kind(path, reason, where=where, **values)


def size_text(n_bytes: int) -> str:
    """A byte count for a message: "812 bytes", "3.2 MiB", "1.5 GiB", "2e+07 GiB"."""
    if n_bytes < 1024:
        return f"{n_bytes} bytes"
    for unit, scale in (("KiB", 2**10), ("MiB", 2**20), ("GiB", 2**30)):
        if n_bytes < scale * 1024 or unit == "GiB":
            return f"{n_bytes / scale:.3g} {unit}"
    raise AssertionError("unreachable")


# --- opening and reading ----------------------------------------------------------------------

def as_kind(kind: str | Phrase) -> Phrase | str:
    """``kind`` ("model", "lesson" …, or a Phrase) as the phrase that names it in messages."""
    if isinstance(kind, Phrase):
        return kind
    return kind_phrase(kind) if f"kind.{kind}" in MESSAGES else kind


def open_regular(path: str | os.PathLike, max_bytes: int, error: type[FileFormatError] = FileFormatError,
                 kind: str | Phrase = "file") -> io.BufferedReader:
    """Open ``path`` for reading if it is a regular file of at most ``max_bytes`` bytes.

    ``kind`` names what was expected in the messages ("model", "image": see
    ``annviz.messages``, ``kind.*``). Never blocks: a FIFO, a device, a folder, a link that loops
    and a name too long are each one error.
    """
    kind = as_kind(kind)
    try:
        info = os.stat(path)
        _check_regular(info, max_bytes, path, error, kind)
        # Windows has neither O_NONBLOCK (nor FIFOs to fear) nor O_CLOEXEC; only Windows has O_BINARY
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
                     | getattr(os, "O_BINARY", 0))
    except FileFormatError:
        raise
    except OSError as e:
        raise os_error(path, e, error) from None
    except ValueError:  # a NUL byte in the name
        raise error(repr(os.fspath(path)), "bad_file_name") from None
    try:
        _check_regular(os.fstat(fd), max_bytes, path, error, kind)  # the file actually opened
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def os_error(path, e: OSError, error: type[FileFormatError] = FileFormatError) -> FileFormatError:
    """The error of kind ``error`` that says why the system could not open or read ``path``."""
    if isinstance(e, FileNotFoundError):
        return error(path, "no_such_file")
    if isinstance(e, NotADirectoryError):
        return error(path, "path_not_folder")
    if isinstance(e, PermissionError):
        return error(path, "permission_denied")
    if e.errno == errno.ELOOP:
        return error(path, "link_loop")
    if e.errno == errno.ENAMETOOLONG:
        return error(path, "name_too_long")
    return error(path, "unreadable", why=e.strerror or str(e))


def _check_regular(info: os.stat_result, max_bytes: int, path, error, kind) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise error(path, "is_folder", kind=kind)
    if not stat.S_ISREG(info.st_mode):
        raise error(path, "not_regular", kind=kind)
    if info.st_size > max_bytes:
        raise error(path, "too_large", size=size_text(info.st_size), kind=kind, most=size_text(max_bytes))


def read_bytes(path: str | os.PathLike, max_bytes: int, error: type[FileFormatError] = FileFormatError,
               kind: str | Phrase = "file") -> bytes:
    """The content of the regular file ``path``, at most ``max_bytes`` bytes (else an error)."""
    with open_regular(path, max_bytes, error, kind) as f:
        try:
            data = f.read(max_bytes + 1)  # one byte more shows a file that grew after the check
        except OSError as e:
            raise os_error(path, e, error) from None
    if len(data) > max_bytes:
        raise error(path, "grew_too_large", kind=as_kind(kind), most=size_text(max_bytes))
    return data


class _Capped(io.BufferedReader):
    """A file whose ``read(n)`` asks for no more than the file held, when opened, after the
    position; ``read()`` reads that rest, not what a file that grows since holds."""

    def __init__(self, raw, size: int):
        super().__init__(raw)
        self._size = size

    def read(self, size: int | None = -1) -> bytes:
        rest = max(self._size - self.tell(), 0)
        size = rest if size is None or size < 0 else min(size, rest)
        return super().read(size) if size > 0 else b""


def capped(f: io.BufferedReader) -> io.BufferedReader:
    """``f`` (just opened by :func:`open_regular`) such that a read of n bytes never allocates
    more than the file holds: a parser that trusts a length in the file (an image's chunk of
    4 GiB, say) gets what there is instead of a buffer of that size."""
    size = os.fstat(f.fileno()).st_size
    return _Capped(f.detach(), size)


def read_exactly(f: io.BufferedIOBase | BinaryIO, n: int, path, what: str | Phrase,
                 error: type[FileFormatError] = FileFormatError) -> bytes:
    """Exactly ``n`` bytes from ``f``; fewer mean the file is truncated (``what`` says where)."""
    try:
        data = f.read(n)
    except OSError as e:
        raise os_error(path, e, error) from None
    if len(data) != n:
        raise error(path, "truncated_in", what=what, n=n, found=len(data))
    return data


@contextlib.contextmanager
def memory_as(error: type[FileFormatError], path) -> Iterator[None]:
    """For the window: a ``MemoryError`` while opening ``path`` becomes ``error``'s "there was not
    enough memory to read it", so that the open path's one message says so in the learner's
    language (the readers let a MemoryError through: the command line has its own exit status)."""
    try:
        yield
    except MemoryError:
        raise error(path, "out_of_memory") from None


def guarded(error: type[FileFormatError], path_of=lambda args, kwargs: args[0] if args else None):
    """A reader's decorator: whatever goes wrong inside becomes one ``error`` naming the file.

    Every reader checks what it can; this is the net under the checks (rule 6), so that a new
    kind of file keeps the rule by using it. Another kind's FileFormatError becomes this kind's
    with the same words (a setup's embedded model); a RecursionError says the file is nested too
    deeply; any other exception is a case the checks missed, logged with its traceback and said
    as "damaged in a way annviz did not expect". A MemoryError stays what it is: the command line
    says "not enough memory" (exit status 1), the window says so too.
    """
    def decorate(reader):
        @functools.wraps(reader)
        def read(*args, **kwargs):
            try:
                return reader(*args, **kwargs)
            except error:
                raise
            except FileFormatError as other:
                raise error.like(other, path_of(args, kwargs)) from None
            except (MemoryError, KeyboardInterrupt):
                raise
            except RecursionError:
                raise error(path_of(args, kwargs), "too_deep") from None
            except Exception as e:  # noqa: BLE001 — the net under a reader's checks
                path = path_of(args, kwargs)
                log.error("%s: %s raised %s, which its checks should have caught", path,
                          reader.__qualname__, type(e).__name__, exc_info=True)
                raise error(path, "unexpected", detail=type(e).__name__) from None
        return read
    return decorate


# --- JSON -------------------------------------------------------------------------------------

def loads_json(text: str | bytes, path, error: type[FileFormatError] = FileFormatError, *,
               what: str | Phrase = Phrase("part.content"), max_depth: int = MAX_JSON_DEPTH,
               allow_nonfinite: bool = False):
    """Parse JSON ``text`` from ``path`` with the caps of rule 4; ``what`` names it in messages.

    With ``allow_nonfinite`` the constants NaN, Infinity and -Infinity become floats (Python's
    own ``json.dumps`` writes them); numbers that overflow a float are refused either way.
    """
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else bytes(text)
    depth = json_depth(data)
    if depth > max_depth:
        raise error(path, "json_too_deep", what=what, depth=depth, most=max_depth)

    class Refused(ValueError):
        def __init__(self, code: str, **values):
            super().__init__(code)
            self.code, self.values = code, values

    def refuse_constant(name: str):
        if allow_nonfinite:
            return float(name)
        raise Refused("json_constant", name=name)

    def checked_int(digits: str) -> int:
        if len(digits.lstrip("-")) > MAX_INT_DIGITS:
            raise Refused("json_long_integer", digits=len(digits.lstrip("-")), most=MAX_INT_DIGITS)
        return int(digits)

    def checked_float(digits: str) -> float:
        value = float(digits)
        if not math.isfinite(value):
            raise Refused("json_huge_number", text=digits[:20])
        return value

    try:
        return json.loads(data, parse_constant=refuse_constant, parse_int=checked_int,
                          parse_float=checked_float)
    except Refused as e:
        raise error(path, e.code, what=what, **e.values) from None
    except json.JSONDecodeError as e:
        raise error(path, "json_invalid", what=what, pos=e.pos) from None
    except UnicodeDecodeError:
        raise error(path, "json_not_utf8", what=what) from None
    except RecursionError:
        raise error(path, "json_too_deep", what=what, depth=f"> {max_depth}", most=max_depth) from None


def json_depth(data: bytes) -> int:
    """The deepest nesting of objects and lists in JSON ``data``, found without parsing it."""
    brackets = _STRINGS.sub(b'""', data).translate(None, _NOT_BRACKETS)
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = [1 if chr(b) in "[{" else -1 for b in range(256)]  # opening +1, closing -1


def read_json(path: str | os.PathLike, max_bytes: int, error: type[FileFormatError] = FileFormatError,
              *, kind: str | Phrase = "file", **options):
    """Read and parse the JSON file ``path`` (at most ``max_bytes``), as :func:`loads_json`."""
    return loads_json(read_bytes(path, max_bytes, error, kind), path, error, **options)


# --- fields -----------------------------------------------------------------------------------

_TYPE_CODES = {str: "type.string", int: "type.integer", float: "type.number", bool: "type.bool",
               list: "type.list", dict: "type.object"}


def type_phrase(*kinds: type) -> Phrase:
    """The name of a type (or of either of two) as a phrase: "a string", "a number or a list"."""
    first = Phrase(_TYPE_CODES[kinds[0]])
    return first if len(kinds) == 1 else Phrase("type.either", first=first, second=type_phrase(*kinds[1:]))


def check_field(obj: dict, key: str, kind: type | tuple[type, ...], path,
                error: type[FileFormatError] = FileFormatError, *, default=None, where: str = ""):
    """``obj[key]`` if it has type ``kind`` (an int is a float too; a bool is neither), else an
    error naming the field (``where`` + ``key``); ``default`` if the key is missing or null."""
    value = obj.get(key)
    if value is None:
        return default
    wanted = kind if isinstance(kind, tuple) else (kind,)
    accepted = (*wanted, int) if float in wanted else wanted
    if not isinstance(value, accepted) or isinstance(value, bool) and bool not in wanted:
        raise error(path, "field_type", field=f"{where}{key}", wanted=type_phrase(*wanted),
                    found=describe(value))
    return value


def describe(value) -> str:
    """A value from a file, short enough for a message: JSON, cut after 40 characters."""
    try:
        text = json.dumps(value, default=str, ensure_ascii=False)
    except (ValueError, RecursionError):   # a circular or too deep structure
        text = type(value).__name__
    return text if len(text) <= 40 else text[:37] + "..."


def check_version(value, newest: int, path, error: type[FileFormatError] = FileFormatError,
                  name: str = "format_version") -> int:
    """``value`` as a version this reader knows (1 … ``newest``), else an error saying why."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise error(path, "version_bad", name=name, value=describe(value))
    if value > newest:
        raise error(path, "version_newer", name=name, value=describe(value), newest=newest)
    return value


# --- writing ----------------------------------------------------------------------------------

STALE_TEMP_S = 600   # a temporary file this old is a crashed save's, not one still being written


def write_atomic(path: str | os.PathLike, data: bytes, mode: int | None = None) -> Path:
    """Write ``data`` to ``path`` atomically: a temporary file in the same folder, fsync, rename.

    The folder is created if missing; the file keeps the mode of the one it replaces (a new one
    gets the usual mode under the umask; ``mode``, e.g. 0o777 for a script, is limited by it too).
    Temporary files of this name left by an interrupted save more than ``STALE_TEMP_S`` ago are
    removed. OSError on failure (no temporary file is left)."""
    with open_atomic(path, mode) as f:
        f.write(data)
    return Path(path)


@contextlib.contextmanager
def open_atomic(path: str | os.PathLike, mode: int | None = None) -> Iterator[BinaryIO]:
    """``write_atomic`` for a file written piece by piece (a recording streamed to disk): the
    temporary file is open for writing inside; it becomes ``path`` when the block ends without an
    exception, and is removed when one leaves the block."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _file_mode(path, mode))  # mkstemp makes 0600; these are ordinary files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _remove_stale_temps(path: Path) -> None:
    now = time.time()
    for leftover in path.parent.glob(f".{_glob_escape(path.name)}.*.tmp"):
        try:
            if now - leftover.lstat().st_mtime > STALE_TEMP_S and leftover.is_file():
                leftover.unlink()
        except OSError:
            pass   # another process's, or gone already: not ours to insist on


def _glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _file_mode(path: Path, wanted: int | None = None) -> int:
    """``wanted`` under the umask; else the mode of the file being replaced, or that of a new file."""
    umask = os.umask(0)
    os.umask(umask)
    if wanted is not None:
        return wanted & ~umask
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        return 0o666 & ~umask
