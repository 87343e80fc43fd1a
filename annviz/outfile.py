"""Where ``annviz train --out`` writes: checked before training, saved atomically, never a device.

``check_out`` runs before any training is spent: the target must be a regular file or absent (a
folder, a device or a pipe is never replaced — as root, ``--out /dev/full`` once replaced the device
node with a model file), and the nearest existing folder must be writable; missing folders are
created when saving. ``save_out`` checks again and saves atomically (``save_model`` writes a
temporary file beside the target and renames it, deleting it if interrupted); its errors name
``--out``, not the temporary file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from annviz.nn.modelfile import save_model


class OutFileError(Exception):
    """An ``--out`` that cannot take a model file; the message names it."""


def check_out(out: Path, option: str = "--out", example: str = "model.safetensors") -> None:
    """Raise OutFileError unless ``out`` can take a model file (see the module's docstring);
    ``option`` names the command-line option in messages, ``example`` a file name for it."""
    where = f"{option} {out}"
    try:
        target = out.stat()  # what a symbolic link names
    except (FileNotFoundError, NotADirectoryError):
        if out.is_symlink():
            raise OutFileError(f"{where} is a broken symbolic link") from None
        target = None
    except OSError as error:  # e.g. a name too long for the file system
        raise OutFileError(f"{where}: {error.strerror or error}") from None
    if target is not None and stat.S_ISDIR(target.st_mode):
        raise OutFileError(f"{where} is a folder; give a file name such as {example}")
    if target is not None and not stat.S_ISREG(target.st_mode):
        raise OutFileError(f"{where} is not a regular file (a device, a pipe or a socket); annviz "
                           "only replaces regular files")
    parent = next(p for p in out.absolute().parents if p.exists())
    if not parent.is_dir():
        raise OutFileError(f"{where}: {parent} is not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutFileError(f"{where}: cannot write in {parent} (permission denied)")


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name one file (the same path, or links to one file)."""
    try:
        return os.path.samefile(a, b)
    except OSError:   # one of them does not exist yet: compare where they would be
        return os.path.realpath(a) == os.path.realpath(b)


def save_out(out: Path, network, info) -> None:
    """Save atomically to ``--out``; a failure names ``--out``, not the temporary file."""
    save_checked(out, "--out", lambda: save_model(out, network, info), "the model")


def save_checked(out: Path, option: str, save, what: str) -> None:
    """Check ``out`` again (a long run leaves time for the folder to change), then ``save()``;
    a failure names ``option``, not the temporary file."""
    check_out(out, option, out.name or "model.safetensors")
    try:
        save()
    except OSError as error:
        raise OutFileError(f"{option} {out}: {what} could not be saved ({error.strerror or error})") from None
