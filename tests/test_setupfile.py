"""Setup files (annviz.setupfile): every part round-trips, and a bad, foreign or hostile file gives
one SetupFileError naming it — without hanging, without reading a folder, in bounded memory."""

from __future__ import annotations

import base64
import json
import os
import shutil

import numpy as np
import pytest

from annviz.nn.config import TrainConfig
from annviz.nn.modelfile import ModelInfo, load_model, model_bytes
from annviz.nn.network import Network
from annviz.paths import bundled_model
from annviz.setupfile import (
    MAX_EMBEDDED_MODEL_BYTES,
    MAX_SETUP_BYTES,
    SetupFileError,
    load_setup,
    save_setup,
    setup_bytes,
)
from annviz.setupmodel import ModelPart, NeuronPart, PerceptronPart, PlaygroundPart, PointsPart, Setup


def full_setup() -> Setup:
    network = Network.build([784, 5, 10], hidden="relu", seed=1)
    points = PointsPart(np.array([[0.0, 0.0], [1.0, 0.25], [-0.5, 1.5]], np.float32), np.array([0, 1, 1]))
    return Setup(
        page="lab", tab="playground",
        model=ModelPart(name="my-net", network=network, info=ModelInfo(dataset="mnist", test_accuracy=0.5)),
        input=np.arange(784, dtype=np.int64).reshape(28, 28).astype(np.uint8), input_label=3,
        selected_neuron=(1, 4),
        training=TrainConfig(hidden=(32, 8), activation="relu", optimizer="momentum", lr=0.05, momentum=0.8,
                             batch_size=16, epochs=3, seed=7, dataset="/data/teacher/idx", n_train=5000,
                             validation_share=0.1, augment=True, weight_decay=1e-4),
        neuron=NeuronPart((1.0, 1.0, 0.5, 0.0), (0.3, 1.0, 1.3, 2.1), -5.0, "step", True),
        perceptron=PerceptronPart("custom", "sigmoid", 0.25, points),
        playground=PlaygroundPart("points", 0.0, 0.0, 42, ("x1", "x2", "x1*x2"), (4, 2), "relu", 0.3, 10,
                                  0.001, 16, points),
        lesson=("perceptron", 3), teacher_mode=True)


def write(tmp_path, doc, name="setup.annviz"):
    path = tmp_path / name
    path.write_text(json.dumps(doc) if not isinstance(doc, str) else doc, encoding="utf-8")
    return path


def good_doc() -> dict:
    return json.loads(setup_bytes(full_setup()))


def test_every_part_round_trips(tmp_path):
    setup = full_setup()
    path = save_setup(tmp_path / "lesson.annviz", setup)
    back = load_setup(path)
    assert (back.page, back.tab, back.input_label, back.selected_neuron, back.lesson, back.teacher_mode) == \
           ("lab", "playground", 3, (1, 4), ("perceptron", 3), True)
    np.testing.assert_array_equal(back.input, setup.input)
    assert back.training == setup.training
    assert back.neuron == setup.neuron
    for part in (back.perceptron, back.playground):
        np.testing.assert_array_equal(part.points.x, setup.perceptron.points.x)
        np.testing.assert_array_equal(part.points.y, setup.perceptron.points.y)
    assert (back.perceptron.points_name, back.perceptron.rule, back.perceptron.learning_rate) == ("custom", "sigmoid", 0.25)
    g, h = back.playground, setup.playground
    assert (g.dataset, g.noise, g.test_share, g.seed, g.features, g.hidden, g.activation, g.learning_rate,
            g.batch_size, g.l2, g.speed) == (h.dataset, h.noise, h.test_share, h.seed, h.features, h.hidden,
                                            h.activation, h.learning_rate, h.batch_size, h.l2, h.speed)
    assert back.model.name == "my-net" and back.model.info.test_accuracy == 0.5
    for a, b in zip(back.model.network.weights + back.model.network.biases,
                    setup.model.network.weights + setup.model.network.biases):
        np.testing.assert_array_equal(a, b)


def test_a_bundled_model_goes_by_name_and_nothing_is_required(tmp_path):
    path = save_setup(tmp_path / "s.annviz", Setup(model=ModelPart(bundled="mnist-classic")))
    assert json.loads(path.read_text())["model"] == {"bundled": "mnist-classic"}
    assert load_setup(path).model.bundled == "mnist-classic"
    empty = load_setup(write(tmp_path, {"format_version": 1, "kind": "annviz-setup"}))
    assert all(getattr(empty, name) is None for name in ("page", "model", "training", "neuron", "lesson"))


def test_unknown_keys_are_ignored(tmp_path):
    doc = good_doc()
    doc["from_the_future"] = {"anything": [1, 2]}
    doc["neuron"]["colour"] = "blue"
    assert load_setup(write(tmp_path, doc)).neuron.activation == "step"


def test_a_model_too_large_to_carry_is_refused_when_saving():
    big = Network.build([784, 2048, 2048, 2048, 10], hidden="relu", seed=0)   # ~44 MB of float32
    with pytest.raises(SetupFileError, match="more than a setup may carry"):
        setup_bytes(Setup(model=ModelPart(network=big, info=ModelInfo())))


def mutate(doc: dict, path: str, value):
    *parents, last = path.split(".")
    target = doc
    for key in parents:
        target = target[key]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return doc


BAD_FIELDS = [
    ("format_version", 3, "newer than this annviz reads"),
    ("format_version", "1", "not a version number"),
    ("kind", "annviz-lesson", "is not an annviz setup file"),
    ("page", 3, "page should be a string"),
    ("page", "", "page should be a name"),
    ("model", "mnist-classic", "model should be an object"),
    ("model", {"bundled": "../../etc/passwd"}, "model.bundled '../../etc/passwd' is not one of"),
    ("model.safetensors", "not base64!", "not base64 text"),
    ("model.safetensors", base64.b64encode(b"\x00" * 100).decode(), "its model"),
    ("input.pixels", base64.b64encode(b"\x00" * 10).decode(), "784 bytes"),
    ("input.label", -1, "input.label should be a whole number from 0 to 9999"),
    ("selected_neuron", [1, 2, 3], "two whole numbers"),
    ("selected_neuron", [1, True], "two whole numbers"),
    ("training.lr", "fast", "training.lr should be a number"),
    ("training.lr", -1, "training.lr should be a number from 0 to 1e+09"),
    ("training.lr", 0, "the learning rate must be a positive number"),
    ("training.hidden", [16, "x"], "training.hidden should be a list of at most 32 entries, each an integer"),
    ("training.hidden", [10**9], "training.hidden should be a whole number from 1 to 2048"),
    ("training.optimizer", "magic", "training: these training settings cannot train"),
    ("training.dataset", "x" * 5000, "training.dataset should be a name of 1 to 4096 characters"),
    ("training.seed", 2**31, "training.seed should be a whole number from 0 to 2147483647"),   # once half-applied
    ("training.epochs", 2**31, "training.epochs should be a whole number from 1 to 2147483647"),
    ("lesson.lesson", "/etc/passwd", "lesson.lesson '/etc/passwd' is not the name of a lesson"),
    ("lesson.lesson", "../../secret", "never a file's path"),
    ("lesson.toml", "format_version = = 1", "(its lesson): is not valid TOML"),
    ("lesson.toml", "a" + ".a" * 30_000 + " = 1", "(its lesson): has a key of 30001 dotted parts"),
    ("neuron.xs", [1.0], "neuron.xs has 1 inputs"),
    ("neuron.xs", list(range(40)), "1 to 16 numbers"),
    ("neuron.b", 1e300, "from -1e+06 to 1e+06"),
    ("neuron.ws", KeyError, "neuron.ws is missing"),
    ("perceptron.rule", "hebb", "perceptron.rule 'hebb' is not one of"),
    ("perceptron.x", [[0, 0], [1], [1, 1]], "points [x1, x2]"),
    ("perceptron.y", [0, 1, 2], "classes 0 and 1"),
    ("perceptron.y", [0, 1], "same points"),
    ("playground.dataset", "moons", "not one of"),
    ("playground.features", ["x3"], "should name some of"),
    ("playground.hidden", [0], "layer sizes from 1 to 64"),
    ("playground.seed", -1, "from 0 to"),
    ("lesson.step", "three", "lesson.step should be an integer"),
    ("lesson.lesson", KeyError, "lesson.lesson is missing"),
    # teacher mode: true or false only (null or missing: the mode stays as it is)
    ("teacher_mode", "yes", "teacher_mode should be"),
    ("teacher_mode", 1, "teacher_mode should be"),
    ("teacher_mode", 0, "teacher_mode should be"),
    ("teacher_mode", "false", "teacher_mode should be"),
    ("teacher_mode", [True], "teacher_mode should be"),
    ("teacher_mode", {"on": True}, "teacher_mode should be"),
]


@pytest.mark.parametrize("stored, read", [(False, False), (True, True), (None, None), (KeyError, None)])
def test_teacher_mode_is_optional_and_only_true_or_false(tmp_path, stored, read):
    doc = good_doc()
    if stored is KeyError:
        del doc["teacher_mode"]
    else:
        doc["teacher_mode"] = stored
    assert load_setup(write(tmp_path, doc)).teacher_mode is read
    setup = load_setup(save_setup(tmp_path / "again.annviz", Setup(teacher_mode=read)))
    assert setup.teacher_mode is read


@pytest.mark.parametrize("field, value, fault", BAD_FIELDS, ids=[f"{f}={str(v)[:12]}" for f, v, _ in BAD_FIELDS])
def test_a_bad_field_is_one_message_naming_the_file(tmp_path, field, value, fault):
    path = write(tmp_path, mutate(good_doc(), field, value))
    with pytest.raises(SetupFileError) as caught:
        load_setup(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and "\n" not in message
    assert fault in message


FOREIGN = [
    ("not JSON", "this is not JSON {", "is not an annviz setup file"),
    ("broken JSON", "{\"format_version\": 1,", "is not valid JSON"),
    ("a list", "[1, 2, 3]", "not an annviz setup file"),
    ("other JSON", '{"name": "package", "version": "1.0"}', "not an annviz setup file"),
    ("NaN", '{"format_version": 1, "kind": "annviz-setup", "neuron": {"b": NaN}}', "holds NaN"),
    ("deep", '{"format_version": 1, "kind": "annviz-setup", "x": ' + "[" * 100 + "]" * 100 + "}", "nested"),
    ("huge int", '{"format_version": 1, "kind": "annviz-setup", "seed": ' + "9" * 100 + "}", "an integer of 100 digits"),
]


@pytest.mark.parametrize("what, text, fault", FOREIGN, ids=[f[0] for f in FOREIGN])
def test_foreign_files(tmp_path, what, text, fault):
    with pytest.raises(SetupFileError, match=fault):
        load_setup(write(tmp_path, text))


def test_a_model_file_or_image_named_like_a_setup(tmp_path):
    shutil.copy(bundled_model("mnist-classic"), tmp_path / "model.annviz")
    with pytest.raises(SetupFileError, match="is not an annviz setup file"):
        load_setup(tmp_path / "model.annviz")


def test_the_embedded_model_goes_through_the_model_readers_checks(tmp_path):
    doc = good_doc()
    data = bytearray(base64.b64decode(doc["model"]["safetensors"]))
    data[-4:] = np.array([np.nan], np.float32).tobytes()          # the last bias becomes NaN
    doc["model"]["safetensors"] = base64.b64encode(bytes(data)).decode()
    with pytest.raises(SetupFileError, match=r"\(its model\): tensor layers\.\d\.\w+ holds NaN"):
        load_setup(write(tmp_path, doc))
    network, _ = load_model(bundled_model("mnist-classic"))
    from safetensors.numpy import save
    pytorch = save({"0.weight": network.weights[0], "0.bias": network.biases[0]})   # no annviz metadata
    doc["model"]["safetensors"] = base64.b64encode(pytorch).decode()
    with pytest.raises(SetupFileError, match="PyTorch network"):
        load_setup(write(tmp_path, doc))


def test_hostile_files_never_block_and_stay_bounded(tmp_path):
    os.mkfifo(tmp_path / "pipe.annviz")
    (tmp_path / "folder.annviz").mkdir()
    with pytest.raises(SetupFileError, match="not a regular file"):
        load_setup(tmp_path / "pipe.annviz")
    with pytest.raises(SetupFileError, match="is a folder"):
        load_setup(tmp_path / "folder.annviz")
    with pytest.raises(SetupFileError, match="not a regular file"):
        load_setup("/dev/zero")
    with pytest.raises(SetupFileError, match="no such file"):
        load_setup(tmp_path / "missing.annviz")
    big = tmp_path / "big.annviz"
    with open(big, "wb") as f:
        f.truncate(MAX_SETUP_BYTES + 1)                               # sparse: no disk used
    with pytest.raises(SetupFileError, match="more than an annviz setup file may be"):
        load_setup(big)
    doc = good_doc()
    doc["model"]["safetensors"] = "A" * (MAX_EMBEDDED_MODEL_BYTES * 4 // 3 + 8)
    with pytest.raises(SetupFileError, match="larger than a setup may carry"):
        load_setup(write(tmp_path, doc))


def test_a_dataset_folder_is_kept_as_a_name_and_never_read(tmp_path):
    """The reader keeps a folder's path as it is: it does not look at it (the GUI asks the user)."""
    doc = good_doc()
    doc["training"]["dataset"] = str(tmp_path / "does-not-exist")
    assert load_setup(write(tmp_path, doc)).training.dataset == str(tmp_path / "does-not-exist")


def test_model_bytes_are_what_save_model_writes(tmp_path):
    from annviz.nn.modelfile import save_model
    network = Network.build([784, 3, 10], seed=2)
    save_model(tmp_path / "m.safetensors", network, ModelInfo())
    assert (tmp_path / "m.safetensors").read_bytes() == model_bytes(network, ModelInfo())


def test_a_lesson_that_is_not_bundled_is_carried_and_only_then_the_version_is_2(tmp_path):
    from annviz.lessons import read_lesson
    from annviz.lessons.library import bundled_folder

    own = tmp_path / "mine.toml"
    own.write_text((bundled_folder() / "neuron.toml").read_text(encoding="utf-8"), encoding="utf-8")
    lesson = read_lesson(own)
    carried = json.loads(setup_bytes(Setup(lesson=("mine", 2), lesson_embedded=lesson)))
    assert carried["format_version"] == 2 and carried["lesson"]["toml"] == own.read_text(encoding="utf-8")
    own.unlink()                                   # the student's computer does not have the file
    back = load_setup(write(tmp_path, carried))
    assert back.lesson == ("mine", 2) and back.lesson_embedded.title == lesson.title
    assert back.lesson_embedded.steps == lesson.steps and back.lesson_embedded.path is None
    named = json.loads(setup_bytes(Setup(lesson=("perceptron", 1))))
    assert named["format_version"] == 1 and "toml" not in named["lesson"]   # a version-1 reader opens it
    assert load_setup(write(tmp_path, named)).lesson == ("perceptron", 1)
