"""Model files made by hand, byte by byte, as another writer (PyTorch's ``save_file``, an old or
hostile tool) could make them — not through annviz's writer — and a reader's refusal as the user
reads it, in English and in Korean.

``write_safetensors`` lays out the header as the safetensors format says; with ``sparse=True``
the tensors' bytes are a hole in the file (no disk, no time): enough for every check that looks at
the header only, even for a network of 67 million weights.

``said(error, lang)`` is the line the window shows (``annviz.gui.common.file_errors.refusal``),
with the Korean taken from ``resources/i18n/explorer_ko.ts`` directly, so that the tests of the
readers need no Qt.
"""

from __future__ import annotations

import functools
import json
import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np

from annviz.messages import CONTEXT, MESSAGES, Phrase, fill
from annviz.safeio import FileFormatError

ROOT = Path(__file__).resolve().parents[1]
ITEM = {"F32": 4, "F16": 2, "BF16": 2, "F64": 8, "I32": 4, "I64": 8, "U8": 1}
NUMPY = {"F32": "<f4", "F16": "<f2", "F64": "<f8", "I32": "<i4", "I64": "<i8", "U8": "u1"}


def write_safetensors(path: Path, tensors: dict[str, tuple], metadata: dict[str, str] | None = None,
                      sparse: bool = False) -> Path:
    """``tensors``: name → (dtype, shape) or (dtype, shape, values); values default to small
    numbers made from the tensor's position. ``metadata``: the ``__metadata__`` strings."""
    header: dict = {}
    if metadata is not None:
        header["__metadata__"] = metadata
    chunks, offset = [], 0
    for i, (name, spec) in enumerate(tensors.items()):
        dtype, shape = spec[0], tuple(spec[1])
        n = int(np.prod(shape, dtype=np.int64)) * ITEM[dtype]
        header[name] = {"dtype": dtype, "shape": list(shape), "data_offsets": [offset, offset + n]}
        offset += n
        if not sparse:
            if len(spec) > 2:
                values = np.asarray(spec[2]).reshape(shape)
            else:
                values = (np.arange(int(np.prod(shape)), dtype=np.float64).reshape(shape) % 7 - 3) / 10 + i / 100
            chunks.append(values.astype(NUMPY[dtype]).tobytes())
    text = json.dumps(header).encode()
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text)
        if sparse:
            f.truncate(8 + len(text) + offset)
        else:
            f.write(b"".join(chunks))
    return path


def mlp_tensors(sizes, prefix="layers.", dtype="F32", numbers=None) -> dict[str, tuple]:
    """An MLP's weights (out, in) and biases (out,) under ``{prefix}{i}``."""
    numbers = numbers or range(len(sizes) - 1)
    tensors = {}
    for i, n_in, n_out in zip(numbers, sizes, sizes[1:]):
        tensors[f"{prefix}{i}.weight"] = (dtype, (n_out, n_in))
        tensors[f"{prefix}{i}.bias"] = (dtype, (n_out,))
    return tensors


def annviz_metadata(**fields) -> dict[str, str]:
    """The ``annviz`` metadata of an MLP 4-3-2 model, with ``fields`` changed (None removes one)."""
    meta = {"format_version": 1, "layer_sizes": [4, 3, 2], "activations": ["relu", "softmax"]}
    meta.update(fields)
    return {"annviz": json.dumps({k: v for k, v in meta.items() if v is not None})}


#: What the model readers say they understand, at the end of every refusal of a foreign network.
UNDERSTOOD = ("annviz opens its own models, and PyTorch networks of nn.Linear layers (after nn.Conv2d "
              "layers in a convolutional one), named layers.0.weight … (nn.ModuleList), 0.weight … "
              "(nn.Sequential) or fc1.weight … (numbered names), taking 784 inputs")


def refusal(fault: str) -> str:
    """The line for a safetensors file that is neither annviz's nor a network annviz understands."""
    return f"a safetensors file without annviz metadata, and not a network annviz understands: {fault}. {UNDERSTOOD}"


@functools.cache
def korean() -> dict[str, str]:
    """Source → Korean of the finished messages of the model readers' context."""
    tree = ET.parse(ROOT / "resources" / "i18n" / "explorer_ko.ts")
    found = {}
    for context in tree.getroot().iter("context"):
        if context.findtext("name") == CONTEXT:
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.get("type") != "unfinished":
                    found[message.findtext("source")] = translation.text or ""
    return found


def in_korean(code: str, values: dict) -> str:
    """Message ``code`` with ``values`` as the app shows it in Korean (without Qt)."""
    return fill(korean()[MESSAGES[code]], values, _korean_word)


def _korean_word(value) -> str:
    if isinstance(value, Phrase):
        return in_korean(value.code, value.values)
    return str(value)


def said(error: FileFormatError, lang: str) -> str:
    """The one line the user reads for ``error`` in ``lang`` ("en": also the command line's)."""
    if lang == "en":
        return str(error)
    if error.code is None:
        reason = error.reason
    else:
        reason = in_korean(error.code, error.values)
        reason = f"{error.where}: {reason}" if error.where else reason
    return reason if error.path is None else f"{error.path}: {reason}"


HANGUL = re.compile("[\uac00-\ud7a3]")


def check_said(error: FileFormatError, path, english: str, *in_both: str) -> None:
    """``error`` says exactly ``english`` after the file's name on the command line, and in Korean
    names the same file first, is Korean, and shows every one of ``in_both`` (names and numbers
    from the file); neither has a value left out ("None", "{field}")."""
    en, ko = said(error, "en"), said(error, "ko")
    assert en == f"{path}: {english}", en
    assert error.path == str(path)
    assert ko.startswith(f"{path}: ") and HANGUL.search(ko), ko
    for text in (en, ko):
        assert "None" not in text and not re.search(r"\{[a-z_]+\}", text), text
    for fragment in in_both:
        assert fragment in ko, (fragment, ko)
