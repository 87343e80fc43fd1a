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
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from annviz.data.images import ImageError, read_image, write_png
from annviz.data.preprocess import canvas_to_mnist
from annviz.safeio import FileFormatError, check_field, check_version, read_json

LABELS = tuple(str(d) for d in range(10))
INDEX_NAME = "annviz-digits.json"
FORMAT_VERSION = 1
HELD_OUT_SHARE = 0.2                 # every fifth digit of each label is held out
MAX_DIGITS = 10_000                  # images read from one folder
MAX_INDEX_BYTES = 4 * 2**20          # ~100 bytes per digit
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp")
#: Files an operating system leaves in folders of pictures: skipped and reported, even when strict.
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
        self.problems: list[str] = []
        self.decided_now: list[str] = []   # keys of the digits the index did not know
        self._cache: dict[tuple, np.ndarray | None] = {}
        if not self.root.is_dir():
            what = "is not a folder" if self.root.exists() else "no such folder"
            raise MyDigitsError(self.root, what)
        self.held_out_share, sides = self._read_index(held_out_share)
        self.digits = self._decide(self._scan(), sides)

    # --- reading the folder ----------------------------------------------------------------------

    def _problem(self, path, reason: str, fatal: bool = True) -> None:
        if self.strict and fatal:
            raise MyDigitsError(path, reason)
        self.problems.append(str(MyDigitsError(path, f"{reason}, skipped")))

    def _is_dir(self, entry: os.DirEntry) -> bool | None:
        """Whether ``entry`` is a folder; None, reported, if that cannot be known (a symbolic
        link that loops, a folder without permission)."""
        try:
            return entry.is_dir()
        except OSError as error:
            self._problem(Path(entry.path), f"cannot be read ({error.strerror or error})")
            return None

    def _entries(self, folder: Path) -> list[os.DirEntry]:
        try:
            with os.scandir(folder) as entries:
                return sorted(entries, key=lambda e: e.name)
        except OSError as error:
            self._problem(folder, f"cannot be read ({error.strerror or error})")
            return []

    def _read_index(self, share: float) -> tuple[float, dict[str, bool]]:
        """(held-out share, {key: held out}) from the index, if there is one."""
        path = self.root / INDEX_NAME
        if not path.exists():
            return share, {}
        try:
            index = read_json(path, MAX_INDEX_BYTES, MyDigitsError, kind="an index of digits")
            if not isinstance(index, dict):
                raise MyDigitsError(path, "is not a JSON object")
            check_version(index.get("format_version"), FORMAT_VERSION, path, MyDigitsError)
            share = check_field(index, "held_out_share", float, path, MyDigitsError, default=share)
            digits = check_field(index, "digits", dict, path, MyDigitsError, default={})
            sides = {}
            for key, entry in digits.items():
                side = check_field(entry, "side", str, path, MyDigitsError, where=f"digits.{key[:40]}.") \
                    if isinstance(entry, dict) else None
                if side not in (TRAIN, HELD_OUT):
                    raise MyDigitsError(path, f"digit {key[:40]!r} has no side ({TRAIN} or {HELD_OUT})")
                sides[key] = side == HELD_OUT
            if not 0 <= share < 1:
                raise MyDigitsError(path, f"held_out_share {share:g} is not in [0, 1)")
            return share, sides
        except MyDigitsError as error:
            if self.strict:
                raise
            self.problems.append(f"{error}; the sides of its digits are decided again")
            return share, {}

    def _scan(self) -> list[tuple[Path, int]]:
        """(file, label) of every image file in the label folders, in label and name order."""
        found: list[tuple[Path, int]] = []
        for entry in self._entries(self.root):
            if entry.name.startswith(".") or entry.name == INDEX_NAME:
                continue  # hidden files (a file manager's), the index
            path = Path(entry.path)
            is_dir = self._is_dir(entry)
            if is_dir is None:
                continue
            if entry.name.lower() in SYSTEM_FILES:
                self._problem(path, "is a file the system keeps, not a digit", fatal=False)
            elif not is_dir:
                self._problem(path, "is not in a digit folder (0 to 9)")
            elif entry.name not in LABELS:
                self._problem(path, "is not a digit folder (its name should be 0 to 9)")
            else:
                found += self._scan_label(path, int(entry.name), MAX_DIGITS - len(found))
        return found

    def _scan_label(self, folder: Path, label: int, room: int) -> list[tuple[Path, int]]:
        found = []
        for entry in self._entries(folder):
            path = Path(entry.path)
            if entry.name.startswith("."):
                continue
            if entry.name.lower() in SYSTEM_FILES:
                self._problem(path, "is a file the system keeps, not a digit", fatal=False)
                continue
            is_dir = self._is_dir(entry)
            if is_dir is None:
                continue
            if is_dir or path.suffix.lower() not in IMAGE_SUFFIXES:
                self._problem(path, f"is not an image ({', '.join(IMAGE_SUFFIXES)})")
            elif len(found) == room:
                self._problem(path, f"is past the first {MAX_DIGITS:,} images of {self.root}")
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
        try:
            info = digit.path.stat()
            key = (digit.path, info.st_mtime_ns, info.st_size)
        except OSError as error:
            self._problem(digit.path, f"cannot be read ({error.strerror or error})")
            return None
        if key not in self._cache:
            self._cache[key] = self._prepare(digit.path)
        return self._cache[key]

    def _prepare(self, path: Path) -> np.ndarray | None:
        try:
            image = canvas_to_mnist(read_image(path))
        except ImageError as error:
            self._problem(path, f"{error.reason}")
            return None
        if image is None:
            self._problem(path, "is blank (no ink)")
            return None
        image = image.reshape(-1)
        image.flags.writeable = False
        return image

    def inputs(self, held_out: bool) -> tuple[np.ndarray, np.ndarray]:
        """The usable digits of one side as network inputs: x float32 (n, 784), y int64 (n,)."""
        pairs = [(x, d.label) for d in self.digits if d.held_out == held_out
                 for x in [self.input(d)] if x is not None]
        x = np.array([p[0] for p in pairs], np.float32).reshape(-1, 784)
        return x, np.array([p[1] for p in pairs], np.int64)


def _stable_order(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()


class DigitStore(DigitFolder):
    """The learner's own digits in ``root`` (created if missing): add, relabel, remove, import,
    export. Every change is on disk at once; the index is rewritten atomically."""

    def __init__(self, root: str | os.PathLike, held_out_share: float = HELD_OUT_SHARE):
        Path(root).mkdir(parents=True, exist_ok=True)
        super().__init__(root, held_out_share)
        if self.decided_now or self.problems:
            self._write_index()

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

    def import_folder(self, source: str | os.PathLike) -> tuple[int, list[str]]:
        """Add the images of a folder in the same layout, each as a new digit (decided as added
        now). Returns (digits added, one line per thing skipped); MyDigitsError if ``source`` is
        not a folder at all."""
        folder = DigitFolder(source)
        added = 0
        for digit in folder.digits:
            if len(self.digits) >= MAX_DIGITS:
                folder.problems.append(f"{folder.root}: my digits hold {MAX_DIGITS:,} already; "
                                       "the rest were not imported")
                break
            if folder.input(digit) is None:  # unreadable or blank: reported by the folder
                continue
            path = self._write_drawing(read_image(digit.path), digit.label)  # grey, as a PNG
            self._insert(path, digit.label)
            added += 1
        return added, folder.problems

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
