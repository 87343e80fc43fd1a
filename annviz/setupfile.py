"""Setup files (``.annviz``): what a teacher saves so that students open the same screen.

A setup is JSON (``annviz.safeio`` rules: a size cap, nothing executed, every field's type
checked, one ``SetupFileError`` naming the file), versioned by ``format_version`` and marked
``"kind": "annviz-setup"`` so that another JSON file is recognised as foreign. Every part is
optional; a part the file leaves out leaves that part of the app as it is::

    {"format_version": 1, "kind": "annviz-setup",
     "page": "lab", "tab": "perceptron",
     "model": {"bundled": "mnist-classic"}   or   {"name": "my-net", "safetensors": "<base64>"},
     "input": {"pixels": "<base64 of 28×28 bytes>", "label": 7, "exact": "<base64 of 28×28 float32, optional>"},
     "selected_neuron": [1, 4],
     "training": {TrainConfig's fields},
     "neuron": {"xs": [...], "ws": [...], "b": -5.0, "activation": "step", "tasty": true},
     "perceptron": {"points": "custom", "rule": "perceptron", "learning_rate": 0.1, "x": [[x1, x2], ...], "y": [1, ...]},
     "playground": {"dataset": "spirals", "noise": 0.1, "test_share": 0.5, "seed": 0, "features": [...],
                    "hidden": [4, 2], "activation": "tanh", "learning_rate": 0.03, "batch_size": 10,
                    "l2": 0.0, "speed": 4, "x": ..., "y": ... (only for the perceptron's points)},
     "lesson": {"lesson": "perceptron", "step": 3},   or, for a lesson not bundled with annviz,
               {"lesson": "my-lesson", "step": 3, "toml": "<the lesson file's text>"},
     "views": {"threshold": 90, "contribution": false, "nudge": [3, 7, 15, 1e-5], "stepper": [1, 0.001],
               "mistake": 5, "cell": [4, 9]},
     "teacher_mode": false,            (optional: opens in teacher mode, or not; missing: as it is)
     "convolution": {"source": "bundled" | "trained" | "file", "model": {as "model", a CNN}, "name": "cnn.safetensors",
                     "drawing": "<base64 of 28×28 float32>", "centred": true,
                     "hand_kernel": [[...3 or 5 numbers...], ...], "hand_positions": 784}}

The Convolution page's CNN is its own ``convolution.model`` (a CNN only; ``model`` stays the MLP of
the other pages), a bundled one by name or carried; a file's name is only shown, never opened.

The lesson is named, never a path (a file must not make the app read any other file): a
bundled lesson or one in the user's lessons folder. One that is not bundled is carried in the
file, read with the lesson reader's checks; only such a file is ``format_version`` 2 — the others
stay 1 and open in an annviz that reads version 1.

The model is a bundled model's name, or the model itself (the bytes of its ``.safetensors`` file
in base64, at most ``MAX_EMBEDDED_MODEL_BYTES``, read by the model reader with its own checks): a
path on the teacher's machine means nothing on a student's. A training dataset that is a folder
is kept as the folder's path, and only offered to the user to pick: a setup never makes the app
read a folder by itself.

Unknown keys are ignored, not refused: safeio's rule 7 lets a newer annviz add optional fields
without a new version, and an older annviz must still open such a file (the same rule as the
model files' metadata). Names that only the GUI knows (pages, tabs, the lab's choices) are
checked by ``annviz.gui.setup`` before anything changes.

No Qt here: the format, its reading and its writing; what a setup holds is ``annviz.setupmodel``.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import os
from dataclasses import fields
from pathlib import Path

import numpy as np

from annviz.data.planar import FEATURES, PLAYGROUND_DATASETS
from annviz.lessons.lessonfile import LessonFileError, read_lesson_text
from annviz.lessons.library import is_lesson_name
from annviz.lessons.model import Lesson
from annviz.nn.config import TrainConfig
from annviz.nn.configfile import read_config
from annviz.nn.modelfile import ModelFileError, load_model_bytes, model_bytes
from annviz.nn.perceptron import RULES
from annviz.paths import bundled_model_names
from annviz.safeio import (
    FileFormatError,
    check_field,
    check_version,
    describe,
    guarded,
    loads_json,
    read_bytes,
    write_atomic,
)
from annviz.setupmodel import (
    ConvolutionPart,
    ModelPart,
    NeuronPart,
    PerceptronPart,
    PlaygroundPart,
    PointsPart,
    Setup,
    ViewsPart,
)

FORMAT_VERSION = 2         # 2: a lesson that is not bundled is carried in the file (lesson.toml)
CNN_BUNDLED = ("mnist-cnn",)   # the bundled models a Convolution page shows
KIND = "annviz-setup"
EXTENSION = ".annviz"
#: The largest model a setup may carry (its safetensors bytes): mnist-best is 2.1 MB.
MAX_EMBEDDED_MODEL_BYTES = 32 * 2**20
#: The largest setup file: the embedded model in base64 (4 characters per 3 bytes) and the rest.
MAX_SETUP_BYTES = MAX_EMBEDDED_MODEL_BYTES * 4 // 3 + 4 * 2**20
MAX_POINTS = 10_000           # the perceptron's or the playground's points
MAX_NAME = 200                # characters of a name (page, tab, lesson, activation …)
MAX_INPUTS = 16               # inputs of the lab's neuron
MAX_NUMBER = 1e6              # any slider, coordinate or bias, in absolute value
GIVEN_POINTS = "points"       # the playground's dataset when it learns the perceptron's points


class SetupFileError(FileFormatError):
    """A setup file that cannot be used; the message names the file and the fault."""


# --- writing ----------------------------------------------------------------------------------

def save_setup(path: str | os.PathLike, setup: Setup) -> Path:
    """Write ``setup`` to ``path`` atomically. SetupFileError if its model is too large to carry."""
    return write_atomic(Path(path), setup_bytes(setup))


def setup_bytes(setup: Setup) -> bytes:
    doc: dict = {"format_version": FORMAT_VERSION, "kind": KIND}
    if setup.page is not None:
        doc["page"] = setup.page
    if setup.tab is not None:
        doc["tab"] = setup.tab
    if setup.model is not None:
        doc["model"] = _model_doc(setup.model)
    if setup.input is not None:
        pixels = np.asarray(setup.input, dtype=np.uint8).reshape(28 * 28)
        doc["input"] = {"pixels": base64.b64encode(pixels.tobytes()).decode("ascii"), "label": setup.input_label}
        if setup.input_exact is not None:             # a drawing's input is not 8-bit: to the bit
            exact = np.asarray(setup.input_exact, dtype="<f4").reshape(28 * 28)
            doc["input"]["exact"] = base64.b64encode(exact.tobytes()).decode("ascii")
    if setup.selected_neuron is not None:
        doc["selected_neuron"] = [int(n) for n in setup.selected_neuron]
    if setup.training is not None:
        doc["training"] = {k: v for k, v in setup.training.to_dict().items() if k != "extra"}
    if setup.neuron is not None:
        n = setup.neuron
        doc["neuron"] = {"xs": list(n.xs), "ws": list(n.ws), "b": n.b, "activation": n.activation,
                         "tasty": n.tasty}
    if setup.perceptron is not None:
        p = setup.perceptron
        doc["perceptron"] = {"points": p.points_name, "rule": p.rule, "learning_rate": p.learning_rate,
                             **_points_doc(p.points)}
    if setup.playground is not None:
        g = setup.playground
        doc["playground"] = {f.name: getattr(g, f.name) for f in fields(g) if f.name != "points"}
        doc["playground"].update(features=list(g.features), hidden=list(g.hidden))
        if g.points is not None:
            doc["playground"].update(_points_doc(g.points))
    if setup.lesson is not None:
        doc["lesson"] = {"lesson": setup.lesson[0], "step": setup.lesson[1]}
        if setup.lesson_embedded is not None:
            doc["lesson"]["toml"] = setup.lesson_embedded.source
        else:
            doc["format_version"] = 1   # nothing a version-1 reader would misread: it still opens there
    else:
        doc["format_version"] = 1
    if setup.teacher_mode is not None:
        doc["teacher_mode"] = bool(setup.teacher_mode)
    if setup.convolution is not None:
        doc["convolution"] = _convolution_doc(setup.convolution)
    if setup.views is not None:
        doc["views"] = {f.name: (list(v) if isinstance(v, tuple) else v)
                        for f in fields(setup.views) if (v := getattr(setup.views, f.name)) is not None}
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def _model_doc(model: ModelPart) -> dict:
    if model.bundled is not None:
        return {"bundled": model.bundled}
    data = model_bytes(model.network, model.info)
    if len(data) > MAX_EMBEDDED_MODEL_BYTES:
        raise SetupFileError(None, "setup.model_too_large_to_save", size=f"{len(data) / 2**20:.0f}",
                             most=MAX_EMBEDDED_MODEL_BYTES // 2**20)
    return {"name": model.name, "safetensors": base64.b64encode(data).decode("ascii")}


def _convolution_doc(c: ConvolutionPart) -> dict:
    doc: dict = {"source": c.source, "centred": bool(c.centred), "hand_positions": int(c.hand_positions)}
    if c.model is not None:
        doc["model"] = _model_doc(c.model)
    if c.name:
        doc["name"] = c.name
    if c.drawing is not None:
        exact = np.asarray(c.drawing, dtype="<f4").reshape(28 * 28)
        doc["drawing"] = base64.b64encode(exact.tobytes()).decode("ascii")
    if c.hand_kernel is not None:
        doc["hand_kernel"] = np.asarray(c.hand_kernel, dtype=np.float64).round(6).tolist()
    return doc


def _points_doc(points: PointsPart) -> dict:
    return {"x": np.asarray(points.x, dtype=np.float64).round(6).tolist(),
            "y": [int(v) for v in points.y]}


# --- reading ----------------------------------------------------------------------------------

@guarded(SetupFileError)
def load_setup(path: str | os.PathLike) -> Setup:
    """Read and check a setup file: one SetupFileError naming it on any fault."""
    data = read_bytes(path, MAX_SETUP_BYTES, SetupFileError, kind="setup")
    if not data.lstrip().removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"{":   # a model, an image …
        raise SetupFileError(path, "setup.not_setup")
    doc = loads_json(data.removeprefix(b"\xef\xbb\xbf"), path, SetupFileError)
    if not isinstance(doc, dict) or doc.get("kind") != KIND:
        raise SetupFileError(path, "setup.no_kind")
    check_version(doc.get("format_version"), FORMAT_VERSION, path, SetupFileError)
    r = _Reader(path)
    lesson, embedded = r.lesson(r.section(doc, "lesson"))
    return Setup(
        page=r.name(doc, "page"),
        tab=r.name(doc, "tab"),
        model=r.model(r.section(doc, "model")),
        **r.input(r.section(doc, "input")),
        selected_neuron=r.selected_neuron(doc),
        training=r.training(r.section(doc, "training")),
        neuron=r.neuron(r.section(doc, "neuron")),
        perceptron=r.perceptron(r.section(doc, "perceptron")),
        playground=r.playground(r.section(doc, "playground")),
        lesson=lesson, lesson_embedded=embedded,
        views=r.views(r.section(doc, "views")),
        teacher_mode=r.field(doc, "teacher_mode", bool, ""),
        convolution=r.convolution(r.section(doc, "convolution")),
    )


class _Reader:
    """The checks of every field, each naming the field in its message."""

    def __init__(self, path):
        self.path = path

    def fail(self, code: str, **values) -> SetupFileError:
        return SetupFileError(self.path, code, **values)

    def field(self, obj: dict, key: str, kind, where: str, default=None):
        return check_field(obj, key, kind, self.path, SetupFileError, default=default, where=where)

    def section(self, doc: dict, key: str) -> dict | None:
        return self.field(doc, key, dict, "")

    def name(self, obj: dict, key: str, where: str = "", max_length: int = MAX_NAME) -> str | None:
        value = self.field(obj, key, str, where)
        if value is not None and not 0 < len(value) <= max_length:
            raise self.fail("field_name_length", field=f"{where}{key}", most=max_length)
        return value

    def required(self, obj: dict, key: str, kind, where: str):
        value = self.field(obj, key, kind, where)
        if value is None:
            raise self.fail("field_missing", field=f"{where}{key}")
        return value

    def number(self, obj: dict, key: str, where: str, lo: float = -MAX_NUMBER, hi: float = MAX_NUMBER) -> float:
        value = float(self.required(obj, key, float, where))
        if not (math.isfinite(value) and lo <= value <= hi):
            raise self.fail("field_number_range", field=f"{where}{key}", lo=f"{lo:g}", hi=f"{hi:g}",
                            value=f"{value:g}")
        return value

    def integer(self, obj: dict, key: str, where: str, lo: int, hi: int) -> int:
        value = self.required(obj, key, int, where)
        if not lo <= value <= hi:
            raise self.fail("field_int_range", field=f"{where}{key}", lo=lo, hi=hi, value=describe(value))
        return value

    def numbers(self, obj: dict, key: str, where: str, lo: int, hi: int, kind=float) -> list:
        values = self.required(obj, key, list, where)
        if not lo <= len(values) <= hi:
            raise self.fail("setup.numbers_count", field=f"{where}{key}", lo=lo, hi=hi, n=len(values))
        for v in values:
            if not isinstance(v, (int, float) if kind is float else int) or isinstance(v, bool) \
                    or not (math.isfinite(v) and abs(v) <= MAX_NUMBER):
                raise self.fail("setup.numbers" if kind is float else "setup.whole_numbers",
                                field=f"{where}{key}", most=f"{MAX_NUMBER:g}")
        return [kind(v) for v in values]

    def one_of(self, obj: dict, key: str, where: str, known) -> str:
        value = self.required(obj, key, str, where)
        if value not in known:
            raise self.fail("field_one_of", field=f"{where}{key}", value=repr(value[:40]), known=", ".join(known))
        return value

    # --- the parts ---------------------------------------------------------------------------

    def model(self, m: dict | None, where: str = "model.") -> ModelPart | None:
        if m is None:
            return None
        if "bundled" in m:
            name = self.name(m, "bundled", where)
            if name not in bundled_model_names():
                raise self.fail("field_one_of", field=f"{where}bundled", value=repr((name or "")[:40]),
                                known=", ".join(bundled_model_names()))
            return ModelPart(bundled=name)
        text = self.required(m, "safetensors", str, where)
        if len(text) > MAX_EMBEDDED_MODEL_BYTES * 4 // 3 + 4:
            raise self.fail("setup.model_too_large", most=MAX_EMBEDDED_MODEL_BYTES // 2**20)
        try:
            data = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            raise self.fail("setup.not_base64", field=f"{where}safetensors") from None
        try:
            network, info = load_model_bytes(data, f"{self.path} (its model)")
        except ModelFileError as error:
            raise SetupFileError.like(error) from None   # names the setup file and its model already
        return ModelPart(name=self.name(m, "name", where) or "", network=network, info=info)

    def convolution(self, c: dict | None) -> ConvolutionPart | None:
        """The Convolution page's part: its model a CNN on 28×28 images (a bundled one: a CNN's
        name), its drawing 28×28 numbers in [0, 1], its hand kernel 3×3 or 5×5 of |w| ≤ 9.99."""
        if c is None:
            return None
        where = "convolution."
        source = self.one_of(c, "source", where, ("bundled", "trained", "file"))
        model = self.model(self.section(c, "model"), "convolution.model.")
        if model is not None:
            network = model.network
            if model.bundled is not None and model.bundled not in CNN_BUNDLED:
                raise self.fail("field_one_of", field="convolution.model.bundled", value=repr(model.bundled),
                                known=", ".join(CNN_BUNDLED))
            if network is not None and (network.is_mlp or network.n_inputs != 28 * 28 or network.n_outputs != 10):
                raise self.fail("setup.convolution_model")
        drawing = None
        if c.get("drawing") is not None:
            text = self.required(c, "drawing", str, where)
            try:
                data = base64.b64decode(text, validate=True) if len(text) < 6000 else b""
            except (binascii.Error, ValueError):
                data = b""
            drawing = np.frombuffer(data, "<f4").reshape(28, 28).copy() if len(data) == 28 * 28 * 4 else None
            if drawing is None or not (np.isfinite(drawing).all() and drawing.min() >= 0 and drawing.max() <= 1):
                raise self.fail("setup.convolution_drawing")
        kernel = None
        if c.get("hand_kernel") is not None:
            rows = self.required(c, "hand_kernel", list, where)
            if len(rows) not in (3, 5) or not all(isinstance(r, list) and len(r) == len(rows) for r in rows):
                raise self.fail("setup.convolution_kernel")
            values = [v for r in rows for v in r]
            if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                       and abs(v) <= 9.99 for v in values):
                raise self.fail("setup.convolution_kernel")
            kernel = np.array(rows, dtype=float)
        positions = self.field(c, "hand_positions", int, where, default=0)
        if not 0 <= positions <= 28 * 28:
            raise self.fail("field_int_range", field="convolution.hand_positions", lo=0, hi=784,
                            value=describe(positions))
        centred = self.field(c, "centred", bool, where, default=True)
        return ConvolutionPart(source, model, self.name(c, "name", where) or "", drawing, centred, kernel, positions)

    def input(self, i: dict | None) -> dict:
        if i is None:
            return {}
        text = self.required(i, "pixels", str, "input.")
        try:
            pixels = base64.b64decode(text, validate=True) if len(text) < 2000 else b""
        except (binascii.Error, ValueError):
            pixels = b""
        if len(pixels) != 28 * 28:
            raise self.fail("setup.pixels")
        label = self.field(i, "label", int, "input.")
        if label is not None and not 0 <= label < 10_000:
            raise self.fail("field_int_range", field="input.label", lo=0, hi=9999, value=describe(label))
        exact = None
        if i.get("exact") is not None:                # the input to the bit, when the writer gave it
            text = self.required(i, "exact", str, "input.")
            try:
                data = base64.b64decode(text, validate=True) if len(text) < 6000 else b""
            except (binascii.Error, ValueError):
                data = b""
            exact = np.frombuffer(data, "<f4").reshape(28, 28).copy() if len(data) == 28 * 28 * 4 else None
            if exact is None or not (np.isfinite(exact).all() and exact.min() >= 0 and exact.max() <= 1):
                raise self.fail("setup.input_exact")
        return {"input": np.frombuffer(pixels, np.uint8).reshape(28, 28).copy(), "input_label": label,
                "input_exact": exact}

    def selected_neuron(self, doc: dict) -> tuple[int, int] | None:
        value = self.field(doc, "selected_neuron", list, "")
        if value is None:
            return None
        if len(value) != 2 or not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 100_000
                                      for v in value):
            raise self.fail("setup.selected_neuron")
        return value[0], value[1]

    def training(self, t: dict | None) -> TrainConfig | None:
        return None if t is None else read_config(t, self.path, SetupFileError, where="training.")

    def neuron(self, n: dict | None) -> NeuronPart | None:
        if n is None:
            return None
        xs = self.numbers(n, "xs", "neuron.", 1, MAX_INPUTS)
        ws = self.numbers(n, "ws", "neuron.", 1, MAX_INPUTS)
        if len(xs) != len(ws):
            raise self.fail("setup.neuron_inputs", n=len(xs), m=len(ws))
        return NeuronPart(tuple(xs), tuple(ws), self.number(n, "b", "neuron."),
                          self.name(n, "activation", "neuron.") or "sigmoid",
                          bool(self.field(n, "tasty", bool, "neuron.", default=False)))

    def points(self, obj: dict, where: str) -> PointsPart:
        xy = self.required(obj, "x", list, where)
        labels = self.required(obj, "y", list, where)
        if len(xy) > MAX_POINTS or len(xy) != len(labels):
            raise self.fail("setup.points_count", field=where, most=f"{MAX_POINTS:,}")
        for point in xy:
            if not (isinstance(point, list) and len(point) == 2 and all(
                    isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                    and abs(v) <= MAX_NUMBER for v in point)):
                raise self.fail("setup.points", field=where)
        if not all(v in (0, 1) and not isinstance(v, bool) for v in labels):
            raise self.fail("setup.classes", field=where)
        return PointsPart(np.array(xy, np.float32).reshape(-1, 2), np.array(labels, np.int64))

    def perceptron(self, p: dict | None) -> PerceptronPart | None:
        if p is None:
            return None
        return PerceptronPart(self.name(p, "points", "perceptron.") or "custom",
                              self.one_of(p, "rule", "perceptron.", RULES),
                              self.number(p, "learning_rate", "perceptron.", 0.0, 100.0),
                              self.points(p, "perceptron."))

    def playground(self, g: dict | None) -> PlaygroundPart | None:
        if g is None:
            return None
        w = "playground."
        dataset = self.one_of(g, "dataset", w, (*PLAYGROUND_DATASETS, GIVEN_POINTS))
        hidden = self.numbers(g, "hidden", w, 0, 16, kind=int)
        if not all(1 <= n <= 64 for n in hidden):
            raise self.fail("setup.playground_hidden")
        features = self.required(g, "features", list, w)
        if not features or not all(isinstance(f, str) and f in FEATURES for f in features):
            raise self.fail("setup.features", known=", ".join(FEATURES))
        return PlaygroundPart(
            dataset=dataset, noise=self.number(g, "noise", w, 0.0, 1.0),
            test_share=self.number(g, "test_share", w, 0.0, 1.0),
            seed=self.integer(g, "seed", w, 0, 2**31 - 1), features=tuple(dict.fromkeys(features)),
            hidden=tuple(hidden),
            activation=self.name(g, "activation", w) or "tanh",
            learning_rate=self.number(g, "learning_rate", w, 0.0, 100.0),
            batch_size=self.integer(g, "batch_size", w, 1, 100_000),
            l2=self.number(g, "l2", w, 0.0, 100.0), speed=self.integer(g, "speed", w, 1, 1000),
            points=self.points(g, w) if dataset == GIVEN_POINTS else None)

    def views(self, v: dict | None) -> ViewsPart | None:
        if v is None:
            return None
        w = "views."

        def optional(key, read):
            return read() if v.get(key) is not None else None

        def ints(key: str, n: int, lo: int, hi: int) -> tuple:
            values = self.numbers(v, key, w, n, n, kind=int)
            if not all(lo <= x <= hi for x in values):
                raise self.fail("setup.whole_numbers_range", field=f"{w}{key}", lo=lo, hi=hi)
            return tuple(values)

        nudge = optional("nudge", lambda: self.numbers(v, "nudge", w, 4, 4))
        if nudge is not None and not (all(float(x).is_integer() and 0 <= x <= MAX_NUMBER for x in nudge[:3])
                                      and 1e-16 <= nudge[3] <= 10):
            raise self.fail("setup.views_nudge")
        stepper = optional("stepper", lambda: self.numbers(v, "stepper", w, 2, 2))
        if stepper is not None and not (float(stepper[0]).is_integer() and 1 <= stepper[0] <= 1000
                                        and 0 < stepper[1] <= 10):
            raise self.fail("setup.views_stepper")
        return ViewsPart(
            threshold=optional("threshold", lambda: self.integer(v, "threshold", w, 0, 99)),
            contribution=self.field(v, "contribution", bool, w),
            nudge=None if nudge is None else (int(nudge[0]), int(nudge[1]), int(nudge[2]), float(nudge[3])),
            stepper=None if stepper is None else (int(stepper[0]), float(stepper[1])),
            mistake=optional("mistake", lambda: self.integer(v, "mistake", w, 1, 100_000)),
            cell=optional("cell", lambda: ints("cell", 2, 0, 1000)))

    def lesson(self, lesson: dict | None) -> tuple[tuple[str, int] | None, Lesson | None]:
        """(name, step), and the lesson itself if the file carries it (format_version 2).
        A name is only ever a lesson's name, never a path: a setup cannot make the app read a file."""
        if lesson is None:
            return None, None
        name = self.name(lesson, "lesson", "lesson.")
        if name is None:
            raise self.fail("field_missing", field="lesson.lesson")
        if not is_lesson_name(name):
            raise self.fail("setup.lesson_not_a_name", name=repr(name[:40]))
        step = self.integer(lesson, "step", "lesson.", 0, 10_000)
        text = self.field(lesson, "toml", str, "lesson.")
        if text is None:
            return (name, step), None
        try:
            embedded = read_lesson_text(text, f"{self.path} (its lesson)", name)
        except LessonFileError as error:
            raise SetupFileError.like(error) from None
        return (name, min(step, len(embedded.steps) - 1)), embedded
