"""Teaching a model someone's handwriting (annviz/teach.py) and ``annviz teach`` on the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from annviz import cli
from annviz.data.images import write_png
from annviz.data.mydigits import DigitFolder, DigitStore
from annviz.data.preprocess import canvas_to_mnist
from annviz.nn import ModelInfo, Network, load_model, save_model
from annviz.paths import bundled_model
from annviz.teach import TeachConfig, TeachError, prepare_lesson, taught_info, teach

sys.path.insert(0, str(Path(__file__).parent))
from writers import write  # noqa: E402


def inputs(canvases, labels):
    return np.array([canvas_to_mnist(c).reshape(-1) for c in canvases]), np.array(labels)


@pytest.fixture(scope="module")
def writer():
    """The ``drawn`` writer: 5 of each digit to teach from, 12 of each held out (other draws)."""
    return inputs(*write("drawn", 5, seed=1)), inputs(*write("drawn", 12, seed=2))


@pytest.fixture(scope="module")
def classic():
    return load_model(bundled_model("mnist-classic"))


@pytest.fixture(scope="module")
def taught(classic, writer):
    network, _ = classic
    return teach(network, *writer, TeachConfig(seed=0))


def test_teaching_a_writer_raises_their_held_out_accuracy_and_mnist_stays_put(classic, taught):
    network, _ = classic
    before, after = taught.before, taught.after
    assert before.held_out < 0.85                         # the writer is read poorly at first ...
    assert after.held_out >= before.held_out + 0.10       # ... and much better after
    assert after.mnist >= before.mnist - 0.01             # MNIST within a point
    assert before.mnist == pytest.approx(0.9583, abs=1e-4)
    assert before.held_out_per_label[1] < 0.5 < after.held_out_per_label[1]  # the 1 with a flag
    assert taught.status == "finished" and len(taught.epochs) == 8
    # the taught network is a copy: the original's weights did not move
    assert np.array_equal(load_model(bundled_model("mnist-classic"))[0].weights[0], network.weights[0])
    assert not np.array_equal(taught.network.weights[0], network.weights[0])


def test_without_replay_mnist_accuracy_falls_catastrophic_forgetting(classic, writer, taught):
    network, _ = classic
    alone = teach(network, *writer, TeachConfig(replay=0, seed=0))
    assert alone.after.held_out >= alone.before.held_out + 0.10
    assert alone.after.mnist < taught.after.mnist - 0.03   # forgets far more than with replay


def test_the_held_out_digits_are_never_in_what_is_trained_on(writer):
    (mine, held) = writer
    lesson = prepare_lesson(mine, held, TeachConfig(replay=100, augment=False))
    trained = {row.tobytes() for row in lesson.train[0]}
    assert not any(row.tobytes() in trained for row in held[0])
    assert all(row.tobytes() in trained for row in mine[0])
    assert lesson.counts == {"train": [5] * 10, "held_out": [12] * 10}
    # about half of each epoch is my digits, the rest the replayed MNIST sample
    assert len(lesson.train[1]) == lesson.repeats * 50 + 100 and lesson.repeats == 2
    with pytest.raises(TeachError, match="no digits to teach from"):
        prepare_lesson((np.zeros((0, 784)), np.zeros(0, int)), held, TeachConfig())


def test_the_lesson_goes_into_the_model_files_history(tmp_path, classic, taught):
    _, info = classic
    new = taught_info(info, taught, "my digits")
    save_model(tmp_path / "taught.safetensors", taught.network, new)
    network, loaded = load_model(tmp_path / "taught.safetensors")
    lesson = loaded.history["taught"][-1]
    assert lesson["source"] == "my digits" and lesson["digits"]["train"] == [5] * 10
    assert lesson["after"]["held_out"] == pytest.approx(taught.after.held_out)
    assert lesson["before"]["mnist"] == pytest.approx(0.9583, abs=1e-4)
    assert loaded.test_accuracy == pytest.approx(taught.after.mnist)
    assert loaded.history["epochs"] == info.history["epochs"]   # the original training's record stays
    again = taught_info(loaded, taught, "again")
    assert [t["source"] for t in again.history["taught"]] == ["my digits", "again"]


def test_the_recipe_and_the_store_load_no_qt():
    code = ("import sys, annviz.teach, annviz.data.mydigits, annviz.cli_teach; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stderr


# --- the command line --------------------------------------------------------------------------------

def annviz(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "annviz", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=300)


def one_line(result) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A writer's folder made by another tool: 0/ … 9/ of PNGs, dark ink on light paper."""
    root = tmp_path_factory.mktemp("writer")
    canvases, labels = write("drawn", 6, seed=3)
    for k, (canvas, label) in enumerate(zip(canvases, labels)):
        (root / str(label)).mkdir(exist_ok=True)
        write_png(root / str(label) / f"{k:03}.png", 255 - canvas)
    return root


def test_teach_reports_before_and_after_and_saves_a_new_model(tmp_path, folder):
    out = tmp_path / "taught.safetensors"
    result = annviz("teach", "mnist-classic", folder, "--out", out, "--held-out", "0.5",
                    "--epochs", "3", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["schema_version"] == cli.JSON_SCHEMA_VERSION and report["status"] == "finished"
    assert report["digits"] == {"train": [3] * 10, "held_out": [3] * 10}
    assert report["after"]["held_out"] > report["before"]["held_out"]
    assert abs(report["after"]["mnist"] - report["before"]["mnist"]) < 0.02
    assert report["out"] == str(out) and report["epochs"] == 3
    network, info = load_model(out)
    assert info.history["taught"][0]["source"] == str(folder)
    held = DigitFolder(folder, 0.5).inputs(held_out=True)
    assert (network.predict(held[0]) == held[1]).mean() == pytest.approx(report["after"]["held_out"])
    text = annviz("teach", "mnist-classic", folder, "--out", out, "--epochs", "1")
    assert text.returncode == 0, text.stderr
    assert "held-out digits" in text.stdout and "MNIST test set" in text.stdout


def test_a_store_exported_from_the_app_is_split_as_the_app_split_it(tmp_path, folder):
    store = DigitStore(tmp_path / "mine")
    store.import_folder(folder)
    store.export_folder(tmp_path / "export")
    result = annviz("teach", "mnist-classic", tmp_path / "export", "--out", tmp_path / "t.safetensors",
                    "--held-out", "0.9", "--epochs", "1", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["digits"]["held_out"] == store.counts()[:, 1].tolist()


@pytest.mark.parametrize("make,args,message", [
    (lambda d: None, ["{d}/missing"], "missing: no such folder"),
    (lambda d: (d / "empty").mkdir(), ["{d}/empty"], "no images of digits"),
    (lambda d: (d / "w" / "cats").mkdir(parents=True), ["{d}/w"], "cats: is not a digit folder"),
    (lambda d: ((d / "w" / "3").mkdir(parents=True), (d / "w" / "3" / "x.png").write_bytes(b"junk")),
     ["{d}/w"], "x.png: not an image"),
    (lambda d: None, ["{folder}", "--held-out", "1.5"], "--held-out must be a share"),
    (lambda d: None, ["{folder}", "--epochs", "0"], "epochs must be"),
    (lambda d: save_model(d / "xor.safetensors", Network.build([784, 3, 2])), ["{folder}", "--model",
     "{d}/xor.safetensors"], "does not classify 28×28 digits 0 to 9 (its classes: 0, 1)"),
    (lambda d: save_model(d / "fashion.safetensors", Network.build([784, 3, 10]), ModelInfo(
        class_names=["T-shirt/top", *"abcdefghi"])), ["{folder}", "--model", "{d}/fashion.safetensors"],
     "its classes: T-shirt/top, a, b"),
])
def test_teach_refuses_bad_input_with_one_line(tmp_path, folder, make, args, message):
    make(tmp_path)
    model = "mnist-classic"
    if "--model" in args:
        model = args.pop(args.index("--model") + 1).format(d=tmp_path)
        args.remove("--model")
    args = [a.format(d=tmp_path, folder=folder) for a in args]
    result = annviz("teach", model, *args, "--out", tmp_path / "new.safetensors")
    assert result.returncode == cli.EXIT_BAD_INPUT
    assert message in one_line(result)
    assert not (tmp_path / "new.safetensors").exists()


def test_teach_never_overwrites_the_model_it_starts_from(tmp_path, folder):
    model = tmp_path / "m.safetensors"
    model.write_bytes(bundled_model("mnist-classic").read_bytes())
    result = annviz("teach", model, folder, "--out", model)
    assert result.returncode == 2 and "never overwritten" in one_line(result)
    assert model.read_bytes() == bundled_model("mnist-classic").read_bytes()
