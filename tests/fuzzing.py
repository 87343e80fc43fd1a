"""The fuzzer of every file kind annviz reads: valid files, mutated, and what the reader must do.

Each ``Kind`` has valid seed files (made by annviz's own writers, or by hand as another program
would), ways to mutate them, the reader, and the one error the reader may raise. A mutation
starts from a seed and does one to three things to it: at the byte level (truncate anywhere, flip
or overwrite bytes, insert or duplicate a stretch, a byte-order mark, an 8-byte length made huge)
or at the level of its structure (replace any JSON or TOML value by a value of another type, a
huge or non-finite number, a very long string, a deep nesting; duplicate a key; drop one). A
folder of digits is mutated as a folder too: links, a link that loops, a FIFO, a folder where a
file was, many files, names that are not UTF-8.

``check(kind, data)`` runs the reader on the mutated file and fails unless it returns or raises
the kind's error, within a time bound and a memory bound: Python's allocations through
tracemalloc, everything (C included: Pillow, zlib, NumPy) through the peak resident memory,
reset before each case (Linux's ``/proc/self/clear_refs``). Used by ``tests/test_fuzz.py`` (a
few hundred cases per kind) and ``tests/benchmarks/bench_fuzz.py`` (thousands, with figures).
"""

from __future__ import annotations

import copy
import gzip
import io
import json
import os
import shutil
import struct
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from hypothesis import strategies as st

# --- measuring one case ------------------------------------------------------------------------


def _rss_peak_kib() -> int:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmHWM"))


def _reset_rss_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


@dataclass
class Outcome:
    seconds: float
    python_mib: float        # tracemalloc's peak
    rss_mib: float           # peak resident memory above what the process held before the case
    error: str | None        # the kind's error message, or None if the file was read


@dataclass
class Stats:
    cases: int = 0
    refused: int = 0
    worst_seconds: float = 0.0
    worst_python_mib: float = 0.0
    worst_rss_mib: float = 0.0
    worst_case: str = ""

    def add(self, outcome: Outcome, what: str) -> None:
        self.cases += 1
        self.refused += outcome.error is not None
        if outcome.seconds > self.worst_seconds:
            self.worst_seconds, self.worst_case = outcome.seconds, what
        self.worst_python_mib = max(self.worst_python_mib, outcome.python_mib)
        self.worst_rss_mib = max(self.worst_rss_mib, outcome.rss_mib)


def measure(read: Callable[[], object], error: type[BaseException]) -> Outcome:
    """Run ``read``; the kind's ``error`` is an outcome, anything else propagates (a failure)."""
    reset = _reset_rss_peak()
    before = _rss_peak_kib()
    tracemalloc.start()
    start = time.perf_counter()
    message = None
    try:
        read()
    except error as e:
        message = str(e)
        assert "\n" not in message, f"an error of more than one line: {message!r}"
    finally:
        seconds = time.perf_counter() - start
        python = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    rss = (_rss_peak_kib() - before) / 1024 if reset else 0.0
    return Outcome(seconds, python, rss, message)


# --- mutating bytes ----------------------------------------------------------------------------

BOM = b"\xef\xbb\xbf"
LONG = 100_000   # characters of a very long string
#: The longest lists a structure mutation makes (the deep run makes longer ones).
DEEP = os.environ.get("ANNVIZ_FUZZ_DEEP") == "1"
LONG_LISTS = (100, 10_000, 100_000) if DEEP else (100, 10_000)
#: How many files a folder's "many files" mutation adds.
MANY_FILES = (50, 300) if DEEP else (30, 100)


@st.composite
def _position(draw, n: int) -> int:
    """Where in a file of ``n`` bytes: half the time in its first 64 bytes, where headers are."""
    if n <= 1:
        return 0
    return draw(st.integers(0, min(n, 64) - 1) if draw(st.booleans()) else st.integers(0, n - 1))


@st.composite
def byte_mutation(draw, data: bytes) -> bytes:
    """One to three mutations of ``data`` at the byte level."""
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 3))):
        n = len(data)
        how = draw(st.sampled_from(["truncate", "flip", "overwrite", "insert", "duplicate", "bom", "huge",
                                    "huge", "zero", "append"]))
        at = draw(_position(n))
        if how == "truncate":
            del data[at:]
        elif how == "flip" and n:
            for _ in range(draw(st.integers(1, 8))):
                i = draw(_position(n))
                data[i] ^= draw(st.integers(1, 255))
        elif how == "overwrite":
            patch = draw(st.binary(min_size=1, max_size=16))
            data[at:at + len(patch)] = patch
        elif how == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif how == "duplicate" and n:
            end = draw(st.integers(at, min(n, at + 4096)))
            data[at:at] = data[at:end]
        elif how == "bom":
            data[0:0] = BOM
        elif how == "huge" and n >= 8:   # a length or a size in a header, made huge
            at = min(at, n - 8)
            size, order = draw(st.sampled_from([(8, "<Q"), (4, ">I"), (4, "<I"), (2, ">H")]))
            value = draw(st.sampled_from([2**(8 * size) - 1, 2**(8 * size - 1), 2**(8 * size - 2) + 7]))
            data[at:at + size] = struct.pack(order, value)
        elif how == "zero":
            data[at:at + draw(st.integers(1, 64))] = bytes(min(64, n - at))
        elif how == "append":
            data += draw(st.binary(min_size=1, max_size=256))
    return bytes(data)


# --- mutating a structure (JSON or TOML documents as Python values) ----------------------------

def _deep(depth: int):
    value = 0
    for _ in range(depth):
        value = [value]
    return value


STRANGE_VALUES = [None, True, False, 0, -1, 1, 2**31, 2**31 - 1, -2**31, 2**63, 10**30, -10**30, 10**39,
                  0.5, -0.0, 1e308, -1e308, 1e-320, float("nan"), float("inf"), float("-inf"), "", "x" * 300,
                  "x" * LONG, "../../../../etc/passwd", "/dev/zero", "\x00", "é☃한국어", [], {}, [1, 2, 3],
                  {"a": 1}, [None] * 3, "layers.0.weight"]


def _strange():
    """A strange value, a fresh copy each time (a list drawn twice must not be one list)."""
    return st.sampled_from(STRANGE_VALUES).map(copy.deepcopy)


def _get(value, path):
    for key in path:
        value = value[key]
    return value


@st.composite
def _place(draw, doc):
    """A place in ``doc``: from the top, each time either here or one of the children, chosen
    evenly (so that every field of the top level is as likely as any other, however long its
    lists)."""
    path, value = (), doc
    while isinstance(value, (dict, list)) and value and len(path) < 12:
        if path and draw(st.booleans()):
            break
        key = draw(st.sampled_from(list(value) if isinstance(value, dict) else range(min(len(value), 16))))
        path, value = (*path, key), value[key]
    return path


@st.composite
def structure_mutation(draw, doc):
    """One to three changes to a JSON-like document (a deep copy is changed)."""
    doc = copy.deepcopy(doc)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(_place(doc))
        how = draw(st.sampled_from(["replace", "replace", "replace", "delete", "add", "deep", "long list"]))
        if not path:
            doc = draw(_strange())
            continue
        parent, key = _get(doc, path[:-1]), path[-1]
        if how == "replace":
            parent[key] = draw(_strange())
        elif how == "delete":
            del parent[key]
        elif how == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "x" * 300, "", "format_version"]))] = draw(_strange())
        elif how == "deep":
            parent[key] = _deep(draw(st.sampled_from([20, 40, 200, 2000])))
        elif how == "long list":
            parent[key] = [draw(st.sampled_from(STRANGE_VALUES[:14]))] * draw(st.sampled_from(LONG_LISTS))
    return doc


def json_text(doc, duplicate: bool = False) -> bytes:
    """``doc`` as JSON (NaN and Infinity as Python writes them); with ``duplicate`` its first
    key is written twice, as JSON allows. A document too deep for Python's encoder becomes one
    nested as deep in text."""
    try:
        text = json.dumps(doc, allow_nan=True, ensure_ascii=False)
        if duplicate and isinstance(doc, dict) and doc:
            key, value = next(iter(doc.items()))
            text = "{" + json.dumps(key) + ": " + json.dumps(value, allow_nan=True) + ", " + text[1:]
    except (ValueError, RecursionError):
        text = "[" * 5000 + "]" * 5000
    return text.encode("utf-8", "surrogatepass")


# --- TOML, line by line -----------------------------------------------------------------------

TOML_VALUES = ["1e999", "-1e999", "nan", "inf", "9" * 5000, "9" * 300, "0x7fffffffffffffff", "-9223372036854775808",
               "true", '""', '"' + "x" * LONG + '"', "[" * 50 + "]" * 50, "{ a = { b = { c = 1 } } }", "[]", "{}",
               "1979-05-27T07:32:00Z", "'''\nmulti\n'''", '"\\u0000"', '"<script>x</script>"',
               '"<b onclick=1>x</b>"', "[1, 'a', 2.5]", '"{__class__}"', "-0", "1_000"]


@st.composite
def toml_mutation(draw, text: str) -> bytes:
    """One to three changes to a TOML text: a value replaced, a line duplicated (a key given twice),
    deleted or cut, dotted keys, deep nesting, a byte-order mark, the bytes mutated."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["value", "value", "value", "duplicate", "delete", "cut", "dotted", "key",
                                    "bom", "bytes"]))
        line = lines[i]
        if how == "value" and "=" in line:
            key = line.split("=", 1)[0]
            lines[i] = f"{key}= {draw(st.sampled_from(TOML_VALUES))}"
        elif how == "duplicate":
            lines.insert(i, line)
        elif how == "delete":
            del lines[i]
            lines = lines or [""]
        elif how == "cut":
            lines[i] = line[:draw(st.integers(0, len(line)))]
        elif how == "dotted":
            lines.insert(i, ".".join(["a"] * draw(st.sampled_from([3, 9, 100, 30_000]))) + " = 1")
        elif how == "key":
            lines.insert(i, draw(st.sampled_from(["x" * 300, '"é☃"', "steps", "format_version", '""'])) + " = 1")
        elif how == "bom":
            lines[0] = "\ufeff" + lines[0]
        elif how == "bytes":
            return draw(byte_mutation("\n".join(lines).encode("utf-8")))
    return "\n".join(lines).encode("utf-8", "surrogatepass")


# --- safetensors ------------------------------------------------------------------------------

def split_safetensors(data: bytes) -> tuple[dict, bytes]:
    n = int.from_bytes(data[:8], "little")
    return json.loads(data[8:8 + n]), data[8 + n:]


def join_safetensors(header, body: bytes) -> bytes:
    text = json_text(header)
    text += b" " * (-len(text) % 8)
    return len(text).to_bytes(8, "little") + text + body


@st.composite
def safetensors_mutation(draw, data: bytes, metadata_key: str | None):
    """Bytes, the header's structure, or the JSON inside the metadata (``metadata_key``)."""
    how = draw(st.sampled_from(["bytes", "header", "metadata", "metadata"] if metadata_key else ["bytes", "header"]))
    if how == "bytes":
        return draw(byte_mutation(data))
    header, body = split_safetensors(data)
    if how == "header":
        return join_safetensors(draw(structure_mutation(header)), draw(st.sampled_from([body, body[:len(body) // 2]])))
    meta = json.loads(header["__metadata__"][metadata_key])
    header["__metadata__"][metadata_key] = json_text(draw(structure_mutation(meta)),
                                                     duplicate=draw(st.booleans())).decode("utf-8", "surrogatepass")
    return join_safetensors(header, body)


# --- the kinds ---------------------------------------------------------------------------------

@dataclass
class Kind:
    name: str
    error: type[BaseException]
    seeds: Callable[[Path], list]                 # valid files (bytes), or folders' descriptions
    mutate: Callable[[object], st.SearchStrategy]  # a seed → a strategy of mutated files
    read: Callable[[Path], object]                # the reader, on the mutated file
    suffix: str = ""
    max_seconds: float = 2.0                      # per case, on a quiet machine
    max_mib: float = 256.0                        # Python's and the process's peak above the start
    folder: bool = False                          # the case is a folder, written by write_folder
    _seeds: list = field(default_factory=list, repr=False)

    def seed_list(self, where: Path) -> list:
        if not self._seeds:
            where.mkdir(parents=True, exist_ok=True)
            self._seeds.extend(_short(seed, i) for i, seed in enumerate(self.seeds(where)))
        return self._seeds


class _Bytes(bytes):
    def __repr__(self):
        return f"<seed {self.n}: {len(self)} bytes>"


class _Text(str):
    def __repr__(self):
        return f"<seed {self.n}: {len(self)} characters>"


class _Folder(dict):
    def __repr__(self):
        return f"<seed {self.n}: a folder of {len(self)} files>"


def _short(seed, n: int):
    """``seed`` with a short repr (Hypothesis shows the strategies it was given)."""
    short = {bytes: _Bytes, str: _Text, dict: _Folder}[type(seed)](seed)
    short.n = n
    return short


def _model_seeds(where: Path) -> list[bytes]:
    from annviz.nn import ModelInfo, Network
    from annviz.nn.modelfile import model_bytes

    network = Network.build([784, 6, 10], hidden="relu", seed=0)
    history = {"loss": [2.3, 1.1, float("nan")], "epochs": [{"epoch": 1, "train_loss": 0.5}]}
    return [model_bytes(network, ModelInfo(test_accuracy=0.9, history=history, config={"hidden": [6]})),
            model_bytes(Network.build([784, 10], seed=1))]


def _foreign_seeds(where: Path) -> list[bytes]:
    from safetensors.numpy import save

    rng = np.random.default_rng(0)

    def linear(names, sizes, dtype=np.float32):
        tensors = {}
        for name, (n_in, n_out) in zip(names, zip(sizes, sizes[1:])):
            tensors[f"{name}.weight".lstrip(".")] = rng.normal(size=(n_out, n_in)).astype(dtype)
            tensors[f"{name}.bias".lstrip(".")] = rng.normal(size=n_out).astype(dtype)
        return save(tensors)

    return [linear(["fc1", "fc2"], [784, 8, 10]), linear(["net.1", "net.3"], [784, 6, 10], np.float16),
            linear([""], [784, 10])]


def _read_foreign(path: Path):
    from annviz.nn.modelfile import ForeignModelError, load_foreign, load_model

    try:
        return load_model(path)
    except ForeignModelError:
        return load_foreign(path, "relu", logits=True)


def _recording_seeds(where: Path) -> list[bytes]:
    from annviz.nn.config import TrainConfig
    from annviz.nn.recording import Recorder, Recording
    from annviz.nn.runwriter import save_recording
    from annviz.nn.trainer import Trainer
    from annviz.recipes import build_network

    config = TrainConfig(hidden=(3,), activation="relu", optimizer="adam", lr=0.01, batch_size=10, epochs=2)
    rng = np.random.default_rng(0)
    x, y = rng.random((30, 784), np.float32), rng.integers(0, 10, 30)
    trainer = Trainer(build_network(config), config, (x, y))
    recorder = Recorder(trainer)
    run = Recording(config, trainer.network.sizes, trainer.network.activation_names,
                    [str(i) for i in range(10)], trainer.batches_per_epoch)
    run.add(recorder.start())
    for event in trainer.steps():
        moment = recorder.observe(event)
        if moment is not None:
            run.add(moment)
    run.history = trainer.history
    run.diagnoses = _seed_diagnoses()
    return [save_recording(where / "seed.annviz-run", run).read_bytes()]


def _seed_diagnoses() -> list:
    """Two diagnoses with every kind of field a recording keeps (numbers, whole numbers, a list
    with nulls, a text, a series, fixes that continue and that restart)."""
    from annviz.nn.doctor import Diagnosis, Fix
    from annviz.nn.doctor.diagnosis import series

    return [
        Diagnosis("lr_too_high", 2, 8, {"ratio": 0.5, "layer": 1, "loss": 3.1, "first_loss": 2.3, "lr": 0.01,
                                        "series": series("loss", [(1, 2.3), (2, 3.1), (3, float("nan"))], 3.45)},
                  (Fix({"lr": 0.001}), Fix({"activation": "leaky_relu"}))),
        Diagnosis("dead_relu", 2, 3, {"share": 0.9, "layer": 1, "shares": [0.9, None],
                                      "series": series("share of layer 1's units", [(2, 0.9)], 0.5)},
                  (Fix({"init": "he"}),)),
        Diagnosis("diverged", 3, 3, {"what": "weights", "lr": 0.01, "last_loss": None, "series": None}, ()),
    ]


def _setup_seeds(where: Path) -> list[bytes]:
    from annviz.lessons import read_lesson
    from annviz.lessons.library import bundled_folder
    from annviz.nn import ModelInfo, Network
    from annviz.nn.config import TrainConfig
    from annviz.setupfile import setup_bytes
    from annviz.setupmodel import ModelPart, NeuronPart, PerceptronPart, PlaygroundPart, PointsPart, Setup

    own = where / "own-lesson.toml"
    shutil.copy(bundled_folder() / "threshold.toml", own)
    points = PointsPart(np.array([[0.0, 0.0], [1.0, 0.25]], np.float32), np.array([0, 1]))
    full = Setup(page="lab", tab="playground",
                 model=ModelPart(name="net", network=Network.build([784, 4, 10], seed=1), info=ModelInfo()),
                 input=np.zeros((28, 28), np.uint8), input_label=3, selected_neuron=(1, 2),
                 training=TrainConfig(hidden=(8,), epochs=2, seed=3, dataset="/data/idx"),
                 neuron=NeuronPart((1.0, 0.5), (0.3, 1.0), -1.0, "step", True),
                 perceptron=PerceptronPart("custom", "sigmoid", 0.25, points),
                 playground=PlaygroundPart("points", 0.0, 0.2, 4, ("x1", "x2"), (4,), "relu", 0.3, 10, 0.0, 16,
                                           points),
                 lesson=("own-lesson", 1), lesson_embedded=read_lesson(own), teacher_mode=True)
    return [setup_bytes(full), setup_bytes(Setup(page="insight", tab="matrix", lesson=("neuron", 2), teacher_mode=False,
                                                 model=ModelPart(bundled="mnist-classic")))]


def _lesson_seeds(where: Path) -> list[str]:
    from annviz.lessons.library import bundled_folder

    return [p.read_text(encoding="utf-8") for p in sorted(bundled_folder().glob("*.toml"))]


def _image_seeds(where: Path) -> list[bytes]:
    from PIL import Image

    rng = np.random.default_rng(0)
    grey = (rng.random((20, 24)) * 255).astype(np.uint8)
    seeds = []
    for fmt, mode in [("PNG", "L"), ("PNG", "RGBA"), ("PNG", "P"), ("JPEG", "L"), ("JPEG", "RGB"), ("BMP", "RGB"),
                      ("GIF", "P"), ("TIFF", "I;16"), ("TIFF", "RGB"), ("WEBP", "RGBA")]:
        picture = Image.fromarray(grey).convert(mode) if mode != "I;16" else \
            Image.fromarray(grey.astype(np.uint16) * 257)
        buffer = io.BytesIO()
        picture.save(buffer, format=fmt)
        seeds.append(buffer.getvalue())
    return seeds


def _idx_seeds(where: Path) -> list[bytes]:
    from annviz.data.idx import idx_bytes

    images = idx_bytes(np.arange(3 * 28 * 28, dtype=np.uint32).astype(np.uint8).reshape(3, 28, 28))
    labels = idx_bytes(np.array([1, 2, 3], np.uint8))
    floats = idx_bytes(np.linspace(0, 1, 12, dtype=np.float32).reshape(3, 4))
    return [images, labels, floats, gzip.compress(images, mtime=0)]


def _read_lesson(path: Path):
    from annviz.lessons import read_lesson

    return read_lesson(path)


# --- a folder of digits -----------------------------------------------------------------------

def _digit_seeds(where: Path) -> list[dict]:
    """Folders as {relative path: bytes} (an index included), written afresh for each case."""
    from annviz.data.images import write_png
    from annviz.data.mydigits import DigitStore

    store = DigitStore(where / "seed-digits")
    rng = np.random.default_rng(0)
    for label in (1, 3, 7):
        for _ in range(3):
            canvas = np.zeros((40, 40), np.uint8)
            canvas[5:35, 15 + rng.integers(0, 8):22] = 255
            store.add(canvas, label)
    write_png(where / "grey.png", (rng.random((30, 30)) * 255).astype(np.uint8))
    folder = {str(p.relative_to(store.root)): p.read_bytes() for p in store.root.rglob("*") if p.is_file()}
    return [folder]


@st.composite
def _digit_mutation(draw, seed: dict):
    """A folder (as {relative path: bytes or a special entry}) with one to three changes."""
    from annviz.data.mydigits import INDEX_NAME

    folder = dict(seed)
    for _ in range(draw(st.integers(1, 3))):
        names = sorted(folder)
        how = draw(st.sampled_from(["index", "index", "image", "link loop", "fifo", "folder", "not a digit",
                                    "many", "not utf-8", "link out", "empty label", "delete"]))
        if how == "index" and isinstance(folder.get(INDEX_NAME), bytes):
            try:
                doc = json.loads(folder[INDEX_NAME])
            except (ValueError, RecursionError):
                doc = None
            if doc is not None and draw(st.booleans()):
                folder[INDEX_NAME] = json_text(draw(structure_mutation(doc)), duplicate=draw(st.booleans()))
            else:
                folder[INDEX_NAME] = draw(byte_mutation(folder[INDEX_NAME]))
        elif how == "image":
            name = draw(st.sampled_from([n for n in names if n.endswith(".png")] or names))
            folder[name] = draw(byte_mutation(folder[name])) if isinstance(folder[name], bytes) else b""
        elif how == "link loop":
            folder[draw(st.sampled_from(["3/loop.png", "loop", "5", INDEX_NAME]))] = ("symlink-self",)
        elif how == "fifo":
            folder[draw(st.sampled_from(["3/pipe.png", INDEX_NAME, "4/x.jpg"]))] = ("fifo",)
        elif how == "folder":
            folder[draw(st.sampled_from(["3/folder.png", INDEX_NAME]))] = ("dir",)
        elif how == "not a digit":
            folder[draw(st.sampled_from(["cats/a.png", "12/b.png", "notes.txt", "-1/c.png"]))] = b"x"
        elif how == "many":
            image = next(v for k, v in seed.items() if k.endswith(".png"))
            for i in range(draw(st.sampled_from(MANY_FILES))):
                folder[f"8/many{i:04}.png"] = image
        elif how == "not utf-8":
            folder[b"3/\xff\xfe-name.png".decode("utf-8", "surrogateescape")] = next(
                v for k, v in seed.items() if k.endswith(".png"))
        elif how == "link out":
            folder["3/outside.png"] = ("symlink", "/dev/zero")
        elif how == "empty label":
            folder["6/.hidden.png"] = b""
        elif how == "delete" and names:
            del folder[draw(st.sampled_from(names))]
    return folder


def write_folder(root: Path, folder: dict) -> Path:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for name, content in folder.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() or path.is_symlink():
            continue
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif content == ("symlink-self",):
            os.symlink(path, path)
        elif content == ("fifo",):
            os.mkfifo(path)
        elif content == ("dir",):
            path.mkdir()
        elif content[0] == "symlink":
            os.symlink(content[1], path)
    return root


def _read_digits(root: Path):
    from annviz.data.mydigits import DigitFolder, DigitStore

    folder = DigitFolder(root)
    folder.inputs(held_out=False)
    folder.inputs(held_out=True)
    store = DigitStore(root)            # the learner's own: decides sides, writes the index
    store.inputs(held_out=True)
    return store


# --- the command line's output ---------------------------------------------------------------

class CliRefused(Exception):
    """``annviz predict`` said in one line why it could not (exit status 2)."""


def _read_with_cli(path: Path):
    """``annviz predict`` on the image, as text and as --json, into UTF-8 streams as a terminal's:
    the output is one JSON object, or a line per image starting with its name; a refusal is exit
    status 2 and one line on stderr. The image's name is not UTF-8 (older archives have such)."""
    from contextlib import redirect_stderr, redirect_stdout

    from annviz import cli

    for options in (["--json"], []):
        out, err = (io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict") for _ in range(2))
        with redirect_stdout(out), redirect_stderr(err):
            status = cli.main(["predict", "mnist-classic", str(path), *options])
        out.flush()
        err.flush()
        stdout = out.buffer.getvalue().decode("utf-8", "surrogateescape")
        stderr = err.buffer.getvalue().decode("utf-8", "surrogateescape").strip()
        if status == 2:
            assert stdout == "" and len(stderr.splitlines()) == 1 and stderr.startswith("annviz: error: "), stderr
            raise CliRefused(stderr)
        assert status == 0, (status, stderr)
        if options:
            doc = json.loads(stdout)
            assert doc["schema_version"] == 1 and len(doc["predictions"]) == 1, doc
        else:
            assert stdout.startswith(str(path)) and len(stdout.splitlines()) == 1, stdout


# --- the registry -----------------------------------------------------------------------------

def kinds() -> dict[str, Kind]:
    from annviz.data.idx import IdxError, read_idx
    from annviz.data.images import ImageError, read_image
    from annviz.data.mydigits import MyDigitsError
    from annviz.lessons import LessonFileError
    from annviz.nn.modelfile import METADATA_KEY, ModelFileError, load_model
    from annviz.nn.runfile import METADATA_KEY as RUN_KEY
    from annviz.nn.runfile import RunFileError, load_recording
    from annviz.setupfile import SetupFileError, load_setup

    return {k.name: k for k in [
        Kind("model", ModelFileError, _model_seeds, lambda s: safetensors_mutation(s, METADATA_KEY), load_model,
             ".safetensors"),
        Kind("pytorch", ModelFileError, _foreign_seeds, lambda s: safetensors_mutation(s, None), _read_foreign,
             ".safetensors"),
        Kind("recording", RunFileError, _recording_seeds, lambda s: safetensors_mutation(s, RUN_KEY), load_recording,
             ".annviz-run"),
        Kind("setup", SetupFileError, _setup_seeds,
             lambda s: st.one_of(byte_mutation(s), st.builds(json_text, structure_mutation(json.loads(s)),
                                                            st.booleans())), load_setup, ".annviz"),
        Kind("lesson", LessonFileError, _lesson_seeds, toml_mutation, _read_lesson, ".toml"),
        Kind("image", ImageError, _image_seeds, byte_mutation, read_image, ".img"),
        Kind("idx", IdxError, _idx_seeds, byte_mutation, read_idx, ".idx"),
        Kind("digits", MyDigitsError, _digit_seeds, _digit_mutation, _read_digits, folder=True),
        Kind("cli", CliRefused, _image_seeds, byte_mutation, _read_with_cli, "-\udcff\udcfe.png"),
    ]}
