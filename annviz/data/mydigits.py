"""My digits: a learner's own drawings, in folders ``0/ … 9/`` that any tool can read.

The layout is the image-folder layout (torchvision's ``ImageFolder``, a file manager): one folder
per label, named by the digit, holding the original drawings as image files. Nothing else goes in
the label folders; the 28×28 inputs are recomputed by ``canvas_to_mnist`` and cached in memory.

**Held out, for good.** A share of each label is never trained on, so that the accuracy shown on
it is honest. A digit's side — ``train`` or ``held-out`` — is decided when it is added and is
written to an index file beside the folders (:data:`INDEX_NAME`, JSON with ``format_version``);
relabelling moves the file and keeps its side, removing a digit never moves another. The rule
(:func:`holds_out`): a new digit of label L is held out while fewer than ⌊n × share⌋ of the n
digits of L (the new one included) are; with the default share of 1/5 that is every fifth.
Files found without an index entry (copied in by hand, a folder made by another tool) are
decided as if added then, in a fixed order (a hash of their path).

:class:`DigitFolder` reads a folder (the command line's ``annviz teach DIR``: it writes nothing
there); :class:`DigitStore` is the learner's own collection, which adds, relabels, removes,
imports and exports. Reading follows :mod:`annviz.safeio`: a file that is not an image, a folder
that is not a digit and an unreadable image are reported and skipped (``problems``) — or, with
``strict=True``, raise one :class:`MyDigitsError` naming the file. No Qt here.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import secrets
import shutil
import stat
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from annviz.data.images import ImageError, read_image, write_png
from annviz.data.preprocess import canvas_to_mnist
from annviz.messages import Phrase
from annviz.safeio import FileFormatError, check_field, check_version, describe, os_error, read_json

LABELS = tuple(str(d) for d in range(10))
INDEX_NAME = "annviz-digits.json"
FORMAT_VERSION = 1
HELD_OUT_SHARE = 0.2                 # every fifth digit of each label is held out
MAX_DIGITS = 10_000                  # images read from one folder
MAX_INDEX_BYTES = 4 * 2**20          # ~100 bytes per digit
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp")
#: Files an operating system leaves in folders of pictures: skipped and reported, even when strict.
Progress = Callable[[int, int], object]   # progress(done, total); False stops
SYSTEM_FILES = ("thumbs.db", "ehthumbs.db", "desktop.ini")
TRAIN, HELD_OUT = "train", "held-out"


class MyDigitsError(FileFormatError):
    """A folder of digits, or a file in it, that cannot be used; the message names it."""


def holds_out(n_label: int, held_label: int, share: float) -> bool:
    """Whether a digit added to a label that then has ``n_label`` digits (the new one included),
    ``held_label`` of the others held out, is held out too."""
    return held_label < math.floor(n_label * share + 1e-9)


@dataclass(frozen=True)
class Digit:
    """One drawing: its file, its label (the folder it is in) and its side."""

    path: Path
    label: int
    held_out: bool

    @property
    def key(self) -> str:
        """The digit's name in the index: "label/file name"."""
        return f"{self.label}/{self.path.name}"


class DigitFolder:
    """The digits of a folder in the ``0/ … 9/`` layout, each with its side (see the module).

    ``digits`` in label order, then by file name; ``problems``: one line per thing skipped.
    """

    def __init__(self, root: str | os.PathLike, held_out_share: float = HELD_OUT_SHARE,
                 strict: bool = False):
        if not 0 <= held_out_share < 1:
            raise MyDigitsError(f"the held-out share must be in [0, 1), got {held_out_share:g}")
        self.root = Path(root)
        self.strict = strict
        self.problems: list[str] = []      # one line per thing skipped …
        self.errors: list[MyDigitsError] = []   # … and the same as errors (a code each, for the window)
        self.decided_now: list[str] = []   # keys of the digits the index did not know
        self._cache: dict[tuple, np.ndarray | None] = {}
        check_folder(self.root)
        self.held_out_share, sides = self._read_index(held_out_share)
        self.digits = self._decide(self._scan(), sides)

    # --- reading the folder ----------------------------------------------------------------------

    def _problem(self, path: Path, code: str, fatal: bool = True, **values: Any) -> None:
        self._refuse(MyDigitsError(path, code, **values), fatal)

    def _refuse(self, error: FileFormatError, fatal: bool = True) -> None:
        if self.strict and fatal:
            raise error
        code, values = _code(error)
        self._note(MyDigitsError(error.path, "digits.skipped", why=Phrase(code, **values)))

    def _note(self, error: MyDigitsError) -> None:
        self.errors.append(error)
        self.problems.append(str(error))

    def _read_index(self, share: float) -> tuple[float, dict[str, bool]]:
        """(held-out share, {key: held out}) from the index, if there is one."""
        path = self.root / INDEX_NAME
        if not os.path.lexists(path):
            return share, {}
        try:
            index = read_json(path, MAX_INDEX_BYTES, MyDigitsError, kind="digit_index")
            if not isinstance(index, dict):
                raise MyDigitsError(path, "digits.index_not_object")
            check_version(index.get("format_version"), FORMAT_VERSION, path, MyDigitsError)
            found = check_field(index, "held_out_share", float, path, MyDigitsError, default=share)
            digits = check_field(index, "digits", dict, path, MyDigitsError, default={})
            sides = {}
            if len(digits) > 2 * MAX_DIGITS:
                raise MyDigitsError(path, "field_count_most", field="digits", n=len(digits), most=2 * MAX_DIGITS)
            for key, entry in digits.items():
                side = check_field(entry, "side", str, path, MyDigitsError, where=f"digits.{key[:40]}.") \
                    if isinstance(entry, dict) else None
                if side not in (TRAIN, HELD_OUT):
                    raise MyDigitsError(path, "digits.no_side", key=repr(key[:40]), train=TRAIN, held=HELD_OUT)
                sides[key] = side == HELD_OUT
            if not 0 <= found < 1:   # NaN too; exact for an integer of any size
                raise MyDigitsError(path, "field_number_range", field="held_out_share", lo=0, hi="1 (not 1)",
                                    value=describe(found))
            return float(found), sides
        except MyDigitsError as error:
            if self.strict:
                raise
            self._note(MyDigitsError(path, "digits.index_decided_again", why=error))
            return share, {}

    def _scan(self) -> list[tuple[Path, int]]:
        """(file, label) of every image file in the label folders, in label and name order."""
        found: list[tuple[Path, int]] = []
        for entry in _entries(self.root):
            if entry.name.startswith(".") or entry.name == INDEX_NAME:
                continue  # hidden files (a file manager's), the index
            path = Path(entry.path)
            unreachable = _unreachable(entry)
            if entry.name.lower() in SYSTEM_FILES:
                self._problem(path, "digits.system_file", fatal=False)
            elif unreachable is not None:
                reason = os_error(path, unreachable, MyDigitsError)
                self._refuse(_again(reason, path))
            elif not _is_folder(entry):
                self._problem(path, "digits.not_in_label_folder")
            elif entry.name not in LABELS:
                self._problem(path, "digits.not_label_folder")
            else:
                try:
                    found += self._scan_label(path, int(entry.name), MAX_DIGITS - len(found))
                except _Unlisted as error:         # a label folder that cannot be listed
                    self._refuse(_again(error, path))
        return found

    def _scan_label(self, folder: Path, label: int, room: int) -> list[tuple[Path, int]]:
        found: list[tuple[Path, int]] = []
        for entry in _entries(folder):
            path = Path(entry.path)
            if entry.name.startswith("."):
                continue
            if entry.name.lower() in SYSTEM_FILES:
                self._problem(path, "digits.system_file", fatal=False)
            elif _is_folder(entry) or path.suffix.lower() not in IMAGE_SUFFIXES:
                self._problem(path, "digits.not_image", suffixes=", ".join(IMAGE_SUFFIXES))
            elif len(found) == room:
                self._problem(path, "digits.past_most", most=f"{MAX_DIGITS:,}", root=self.root)
                break
            else:
                found.append((path, label))
        return found

    def _decide(self, found: list[tuple[Path, int]], sides: dict[str, bool]) -> list[Digit]:
        """Each file's side: the index's, else decided as if added now (``holds_out``)."""
        known = {f"{label}/{path.name}": (path, label) for path, label in found}
        held = {key: sides[key] for key in known if key in sides}
        counts = np.zeros(10, int)
        held_counts = np.zeros(10, int)
        for key, is_held in held.items():
            counts[known[key][1]] += 1
            held_counts[known[key][1]] += is_held
        self.decided_now = sorted((k for k in known if k not in held), key=_stable_order)
        for key in self.decided_now:
            label = known[key][1]
            counts[label] += 1
            held[key] = holds_out(counts[label], held_counts[label], self.held_out_share)
            held_counts[label] += held[key]
        return sorted((Digit(path, label, held[key]) for key, (path, label) in known.items()),
                      key=lambda d: (d.label, d.path.name))

    # --- what the folder holds -------------------------------------------------------------------

    def counts(self) -> np.ndarray:
        """(10, 2) int: per label, the digits to train on and the digits held out."""
        counts = np.zeros((10, 2), int)
        for d in self.digits:
            counts[d.label, int(d.held_out)] += 1
        return counts

    def input(self, digit: Digit) -> np.ndarray | None:
        """The digit's 28×28 input (float32 (784,), white on black, as MNIST's), or None if it
        cannot be used (unreadable or blank: reported in ``problems``; raised when strict)."""
        key, image, error = prepare_input(digit.path, self._cache)
        if key is None or key not in self._cache:
            self.remember(key, image, error)
        return image

    def cached_input(self, digit: Digit) -> tuple[bool, np.ndarray | None]:
        """(whether the digit's input is known already, the input or None) — never reads a file
        but to look at its date (a view shows what is known, a background reader the rest)."""
        key = _key(digit.path)
        return (key in self._cache, self._cache.get(key)) if key is not None else (True, None)

    def remember(self, key: tuple[Path, int, int] | None, image: np.ndarray | None, error: MyDigitsError | None) -> None:
        """Keep what :func:`prepare_input` found (in the thread that owns this folder)."""
        if key is not None:
            self._cache[key] = image
        if error is not None:
            self._refuse(error)

    def inputs(self, held_out: bool) -> tuple[np.ndarray, np.ndarray]:
        """The usable digits of one side as network inputs: x float32 (n, 784), y int64 (n,)."""
        pairs = [(x, d.label) for d in self.digits if d.held_out == held_out
                 for x in [self.input(d)] if x is not None]
        x = np.array([p[0] for p in pairs], np.float32).reshape(-1, 784)
        return x, np.array([p[1] for p in pairs], np.int64)


def _key(path: Path) -> tuple[Path, int, int] | None:
    """What the cache knows an image by: its path, date and size (a changed file is read again)."""
    try:
        info = path.stat()
    except OSError:
        return None
    return path, info.st_mtime_ns, info.st_size


def _code(error: FileFormatError) -> tuple[str, dict[str, Any]]:
    """The message code and values of ``error`` to say it again in this folder's words; an error
    without a code (an English sentence) is said as "unreadable" with that sentence."""
    if error.code is None:
        return "unreadable", {"why": error.reason}
    return error.code, error.values


def _again(error: FileFormatError, path: Path) -> MyDigitsError:
    """``error`` as this folder's error about ``path``."""
    code, values = _code(error)
    return MyDigitsError(path, code, **values)


def prepare_input(path: Path, cache: dict | None = None
                  ) -> tuple[tuple[Path, int, int] | None, np.ndarray | None, MyDigitsError | None]:
    """(cache key, the image's 28×28 input or None, why it cannot be used or None) — reads and
    prepares one image, changing nothing (a background thread may call it). ``cache``: known
    inputs by key, looked up first."""
    try:
        info = path.stat()
    except OSError as error:
        refused = os_error(path, error)
        return None, None, _again(refused, path)
    key = (path, info.st_mtime_ns, info.st_size)
    if cache is not None and key in cache:
        return key, cache[key], None
    try:
        image = canvas_to_mnist(read_image(path))
    except ImageError as error:
        return key, None, _again(error, path)
    if image is None:
        return key, None, MyDigitsError(path, "digits.blank")
    image = image.reshape(-1)
    image.flags.writeable = False
    return key, image, None


def check_folder(root: Path) -> None:
    """MyDigitsError unless ``root`` is a folder that can be listed (a file, a link that loops, a
    folder that cannot be read are each said as such)."""
    try:
        info = os.stat(root)
    except OSError as error:
        refused = os_error(root, error, MyDigitsError)
        raise (MyDigitsError(root, "digits.no_folder") if refused.code == "no_such_file" else refused) from None
    if not stat.S_ISDIR(info.st_mode):
        raise MyDigitsError(root, "digits.not_folder")
    if not os.access(root, os.R_OK | os.X_OK):
        raise MyDigitsError(root, "permission_denied")


def _entries(folder: Path) -> list[os.DirEntry]:
    """The entries of ``folder`` by name; MyDigitsError if it cannot be listed."""
    try:
        with os.scandir(folder) as listing:
            return sorted(listing, key=lambda e: e.name)
    except OSError as error:
        raise os_error(folder, error, _Unlisted) from None


class _Unlisted(MyDigitsError):
    """A folder that cannot be listed."""


def _is_folder(entry: os.DirEntry) -> bool:
    """Whether ``entry`` is a folder; a link that loops is not one (and is not an image either)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _unreachable(entry: os.DirEntry) -> OSError | None:
    """Why ``entry`` cannot be looked at (a link that loops, no permission), or None."""
    try:
        entry.stat()
    except OSError as error:
        return error
    return None


def _stable_order(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()


class DigitStore(DigitFolder):
    """The learner's own digits in ``root`` (created if missing): add, relabel, remove, import,
    export. Every change is on disk at once; the index is rewritten atomically."""

    def __init__(self, root: str | os.PathLike, held_out_share: float = HELD_OUT_SHARE):
        """MyDigitsError if ``root`` cannot be made or is not a folder (a file, a link that
        loops: each said as such)."""
        try:
            Path(root).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            if os.path.lexists(root):
                check_folder(Path(root))            # says what is there instead
            raise os_error(root, error, MyDigitsError) from None
        super().__init__(root, held_out_share)
        if self.decided_now or self.problems:
            try:
                self._write_index()
            except OSError as error:   # a folder or a read-only file where the index goes
                raise MyDigitsError(self.root / INDEX_NAME, "digits.index_unwritable",
                                    why=error.strerror or str(error)) from None

    def add(self, canvas: np.ndarray, label: int) -> Digit:
        """Keep a drawing (uint8 grey, any size, either polarity) with its label; its side is
        decided now. ValueError if nothing is drawn."""
        canvas = np.asarray(canvas)
        if canvas_to_mnist(canvas) is None:
            raise ValueError("the drawing is blank: nothing to add")
        return self._insert(self._write_drawing(canvas, label), label)

    def _write_drawing(self, image: np.ndarray, label: int) -> Path:
        """Write a grey drawing as a new PNG in ``label``'s folder (atomically)."""
        folder = self._label_folder(label)
        path = folder / _new_name(".png")
        tmp = folder / f".{path.name}.tmp"
        try:
            write_png(tmp, np.ascontiguousarray(image, np.uint8))
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return path

    def _insert(self, path: Path, label: int) -> Digit:
        same = [d for d in self.digits if d.label == label]
        digit = Digit(path, label, holds_out(len(same) + 1, sum(d.held_out for d in same),
                                             self.held_out_share))
        self.digits = sorted([*self.digits, digit], key=lambda d: (d.label, d.path.name))
        self._write_index()
        return digit

    def relabel(self, digit: Digit, label: int) -> Digit:
        """Move ``digit`` to ``label``'s folder; its side stays what it was."""
        if label == digit.label:
            return digit
        target = self._label_folder(label) / digit.path.name
        if target.exists():
            target = target.with_name(_new_name(digit.path.suffix))
        os.replace(digit.path, target)
        moved = Digit(target, label, digit.held_out)
        self.digits = sorted([d for d in self.digits if d != digit] + [moved],
                             key=lambda d: (d.label, d.path.name))
        self._write_index()
        return moved

    def remove(self, digit: Digit) -> None:
        digit.path.unlink(missing_ok=True)
        self.digits = [d for d in self.digits if d != digit]
        self._write_index()

    def remove_all(self) -> None:
        """Delete every digit (the caller asks the learner first)."""
        for d in self.digits:
            d.path.unlink(missing_ok=True)
        self.digits = []
        self._cache.clear()
        self._write_index()

    def import_folder(self, source: str | os.PathLike, progress: Progress | None = None) -> tuple[int, list[str]]:
        """Add the images of a folder in the same layout, each as a new digit (decided as added
        now). Returns (digits added, one line per thing skipped); MyDigitsError if ``source`` is
        not a folder at all. ``progress(done, total)`` is called after each image; if it returns
        False the import stops there (what was imported stays)."""
        written, folder = self.copy_in(source, progress)
        self.take_in(written)
        return len(written), folder.problems

    def copy_in(self, source: str | os.PathLike, progress: Progress | None = None) -> tuple[list[tuple[Path, int]], DigitFolder]:
        """The file work of an import, which may run in a worker thread: each usable image of
        ``source`` written as a grey PNG into its label's folder here. Returns the files written
        with their labels (not yet digits: :meth:`take_in` makes them so) and the folder read,
        whose ``problems`` say what was skipped. Reads each image once."""
        folder = DigitFolder(source)
        room = MAX_DIGITS - len(self.digits)
        written: list[tuple[Path, int]] = []
        for done, digit in enumerate(folder.digits, 1):
            if len(written) >= room:
                folder._note(MyDigitsError(folder.root, "digits.full", most=f"{MAX_DIGITS:,}"))
                break
            try:
                image = read_image(digit.path)
            except ImageError as error:
                folder._refuse(_again(error, digit.path))
                image = None
            if image is not None and canvas_to_mnist(image) is None:
                folder._problem(digit.path, "digits.blank")
                image = None
            if image is not None:
                written.append((self._write_drawing(image, digit.label), digit.label))  # grey, as a PNG
            if progress is not None and progress(done, len(folder.digits)) is False:
                break
        return written, folder

    def take_in(self, written: list[tuple[Path, int]]) -> list[Digit]:
        """Make the files :meth:`copy_in` wrote digits, each side decided as if added now, in
        order; the index is written once."""
        counts = self.counts()
        added = []
        for path, label in written:
            n, held = int(counts[label].sum()) + 1, int(counts[label, 1])
            digit = Digit(path, label, holds_out(n, held, self.held_out_share))
            counts[label, int(digit.held_out)] += 1
            added.append(digit)
        if added:
            self.digits = sorted([*self.digits, *added], key=lambda d: (d.label, d.path.name))
            self._write_index()
        return added

    def export_folder(self, target: str | os.PathLike) -> int:
        """Copy every digit and the index into ``target`` (created), in the same layout; the
        sides go along. Returns the number of digits copied. OSError if it cannot be written."""
        target = Path(target)
        for label in LABELS:
            (target / label).mkdir(parents=True, exist_ok=True)
        for d in self.digits:
            shutil.copy2(d.path, target / str(d.label) / d.path.name)
        shutil.copy2(self.root / INDEX_NAME, target / INDEX_NAME)
        return len(self.digits)

    # --- helpers ---------------------------------------------------------------------------------

    def _label_folder(self, label: int) -> Path:
        if not (isinstance(label, (int, np.integer)) and 0 <= label <= 9):
            raise ValueError(f"a label is a digit 0 to 9, got {label!r}")
        folder = self.root / str(int(label))
        folder.mkdir(exist_ok=True)
        return folder

    def _write_index(self) -> None:
        index = {"format_version": FORMAT_VERSION, "held_out_share": self.held_out_share,
                 "digits": {d.key: {"side": HELD_OUT if d.held_out else TRAIN} for d in self.digits}}
        fd, tmp = tempfile.mkstemp(prefix=f".{INDEX_NAME}.", suffix=".tmp", dir=self.root)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(index, f, indent=1)
            os.replace(tmp, self.root / INDEX_NAME)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _new_name(suffix: str) -> str:
    """A file name no other digit has: the time it was added and a random part."""
    return f"{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(4)}{suffix}"
