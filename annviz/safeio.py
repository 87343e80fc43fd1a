"""Reading files that may be hostile: one clear error naming the file, bounded memory, no surprise.

Every kind of file annviz reads — model files, IDX datasets, images, and the lesson files, setup
files, training recordings and folders of digits still to come — goes through these checks and
keeps these rules:

1. **Regular files only.** :func:`open_regular` refuses a folder, a FIFO, a device such as
   ``/dev/zero`` or a socket before reading a byte, and opens with ``O_NONBLOCK`` so that a FIFO
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
   path. Callers catch the subclass; nothing else escapes a reader.
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
import json
import math
import os
import re
import stat
import tempfile
import time
from pathlib import Path
from itertools import accumulate
from collections.abc import Iterator
from typing import BinaryIO

MAX_JSON_DEPTH = 32        # nesting of objects and lists; annviz's own files use at most 5
MAX_INT_DIGITS = 40        # an integer in a JSON file; 2**64 has 20 digits
# A JSON string literal, possessively: no backtracking stack, so a 4 MB string costs no memory
_STRINGS = re.compile(rb'"[^"\\]*+(?:\\.[^"\\]*+)*+"', re.DOTALL)


class FileFormatError(ValueError):
    """A file that cannot be used; ``str()`` is one line: the path, a colon, the fault.

    ``FileFormatError(path, reason)``; ``FileFormatError(message)`` for a message that already
    names the file (or ``path=None`` when there is no file, e.g. writing an unsupported dtype).
    """

    def __init__(self, path: str | os.PathLike | None, reason: str | None = None):
        if reason is None:  # one argument: the whole message
            path, reason = None, str(path)
        self.path = None if path is None else os.fspath(path)
        self.reason = reason
        super().__init__(reason if path is None else f"{self.path}: {reason}")

    def __reduce__(self):  # picklable although __init__ takes two arguments
        return type(self), (self.path, self.reason)


def size_text(n_bytes: int) -> str:
    """A byte count for a message: "812 bytes", "3.2 MiB", "1.5 GiB", "2e+07 GiB"."""
    if n_bytes < 1024:
        return f"{n_bytes} bytes"
    for unit, scale in (("KiB", 2**10), ("MiB", 2**20), ("GiB", 2**30)):
        if n_bytes < scale * 1024 or unit == "GiB":
            return f"{n_bytes / scale:.3g} {unit}"
    raise AssertionError("unreachable")


# --- opening and reading ----------------------------------------------------------------------

def open_regular(path: str | os.PathLike, max_bytes: int, error: type[FileFormatError] = FileFormatError,
                 kind: str = "a file") -> BinaryIO:
    """Open ``path`` for reading if it is a regular file of at most ``max_bytes`` bytes.

    ``kind`` names what was expected in the messages ("a model file", "an image"). Never blocks.
    """
    try:
        info = os.stat(path)
        _check_regular(info, max_bytes, path, error, kind)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
                     | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise error(path, "no such file") from None
    except NotADirectoryError:
        raise error(path, "no such file (a part of the path is not a folder)") from None
    except PermissionError:
        raise error(path, "cannot be read (permission denied)") from None
    except OSError as e:
        raise error(path, f"cannot be read ({e.strerror or e})") from None
    except FileFormatError:
        raise
    except ValueError:  # a NUL byte in the name
        raise error(repr(os.fspath(path)), "is not a valid file name") from None
    try:
        _check_regular(os.fstat(fd), max_bytes, path, error, kind)  # the file actually opened
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _check_regular(info: os.stat_result, max_bytes: int, path, error, kind: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise error(path, f"is a folder, not {kind}")
    if not stat.S_ISREG(info.st_mode):
        raise error(path, f"is not a regular file (a pipe, device or socket), not {kind}")
    if info.st_size > max_bytes:
        raise error(path, f"is {size_text(info.st_size)}, more than {kind} may be ({size_text(max_bytes)})")


def read_bytes(path: str | os.PathLike, max_bytes: int, error: type[FileFormatError] = FileFormatError,
               kind: str = "a file") -> bytes:
    """The content of the regular file ``path``, at most ``max_bytes`` bytes (else an error)."""
    with open_regular(path, max_bytes, error, kind) as f:
        try:
            data = f.read(max_bytes + 1)  # one byte more shows a file that grew after the check
        except OSError as e:
            raise error(path, f"cannot be read ({e.strerror or e})") from None
    if len(data) > max_bytes:
        raise error(path, f"is more than {kind} may be ({size_text(max_bytes)})")
    return data


def read_exactly(f: BinaryIO, n: int, path, what: str,
                 error: type[FileFormatError] = FileFormatError) -> bytes:
    """Exactly ``n`` bytes from ``f``; fewer mean the file is truncated (``what`` says where)."""
    try:
        data = f.read(n)
    except OSError as e:
        raise error(path, f"cannot be read ({e.strerror or e})") from None
    if len(data) != n:
        raise error(path, f"truncated in {what} (expected {n} bytes, found {len(data)})")
    return data


# --- JSON -------------------------------------------------------------------------------------

def loads_json(text: str | bytes, path, error: type[FileFormatError] = FileFormatError, *,
               what: str = "content", max_depth: int = MAX_JSON_DEPTH, allow_nonfinite: bool = False):
    """Parse JSON ``text`` from ``path`` with the caps of rule 4; ``what`` names it in messages.

    With ``allow_nonfinite`` the constants NaN, Infinity and -Infinity become floats (Python's
    own ``json.dumps`` writes them); numbers that overflow a float are refused either way.
    """
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else bytes(text)
    depth = json_depth(data)
    if depth > max_depth:
        raise error(path, f"its {what} is nested {depth} levels deep (at most {max_depth})")

    def refuse_constant(name: str):
        if allow_nonfinite:
            return float(name)
        raise ValueError(f"{name} is not a number this file may hold")

    def checked_int(digits: str) -> int:
        if len(digits.lstrip("-")) > MAX_INT_DIGITS:
            raise ValueError(f"an integer of {len(digits)} digits is too large")
        return int(digits)

    def checked_float(digits: str) -> float:
        value = float(digits)
        if not math.isfinite(value):
            raise ValueError(f"the number {digits[:20]} is too large for a float")
        return value

    try:
        return json.loads(data, parse_constant=refuse_constant, parse_int=checked_int,
                          parse_float=checked_float)
    except json.JSONDecodeError as e:
        raise error(path, f"its {what} is not JSON ({e.msg} at character {e.pos})") from None
    except UnicodeDecodeError:
        raise error(path, f"its {what} is not UTF-8 text") from None
    except (ValueError, RecursionError) as e:
        raise error(path, f"its {what} holds a bad value: {e}") from None


def json_depth(data: bytes) -> int:
    """The deepest nesting of objects and lists in JSON ``data``, found without parsing it."""
    brackets = _STRINGS.sub(b'""', data).translate(None, _NOT_BRACKETS)
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = [1 if chr(b) in "[{" else -1 for b in range(256)]  # opening +1, closing -1


def read_json(path: str | os.PathLike, max_bytes: int, error: type[FileFormatError] = FileFormatError,
              *, kind: str = "a file", **options):
    """Read and parse the JSON file ``path`` (at most ``max_bytes``), as :func:`loads_json`."""
    return loads_json(read_bytes(path, max_bytes, error, kind), path, error, **options)


# --- fields -----------------------------------------------------------------------------------

_TYPE_NAMES = {str: "a string", int: "an integer", float: "a number", bool: "true or false",
               list: "a list", dict: "an object"}


def check_field(obj: dict, key: str, kind: type | tuple[type, ...], path,
          error: type[FileFormatError] = FileFormatError, *, default=None, where: str = ""):
    """``obj[key]`` if it has type ``kind`` (an int is a float too; a bool is neither), else an
    error naming the field; ``default`` if the key is missing or null."""
    value = obj.get(key)
    if value is None:
        return default
    wanted = kind if isinstance(kind, tuple) else (kind,)
    accepted = (*wanted, int) if float in wanted else wanted
    if not isinstance(value, accepted) or isinstance(value, bool) and bool not in wanted:
        names = " or ".join(_TYPE_NAMES.get(k, k.__name__) for k in wanted)
        raise error(path, f"{where}{key} should be {names}, not {_describe(value)}")
    return value


def _describe(value) -> str:
    text = json.dumps(value, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


def check_version(value, newest: int, path, error: type[FileFormatError] = FileFormatError,
                  name: str = "format_version") -> int:
    """``value`` as a version this reader knows (1 … ``newest``), else an error saying why."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise error(path, f"{name} {_describe(value)} is not a version number")
    if value > newest:
        raise error(path, f"{name} {value} is newer than this annviz reads (up to {newest}): "
                          "update annviz to open it")
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
