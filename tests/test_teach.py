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


def test_without_protection_mnist_accuracy_falls_catastrophic_forgetting(classic, writer, taught):
    network, _ = classic
    alone = teach(network, *writer, TeachConfig(protect=False, seed=0))
    assert alone.after.held_out >= alone.before.held_out + 0.10
    assert alone.after.mnist < taught.after.mnist - 0.03   # forgets far more than protected


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
    code = ("import sys, annviz.teach, annviz.data.mydigits, annviz.cli.teach; "
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
    (lambda d: None, ["{folder}", "--distill", "-1"], "distill must be a number from 0 to 1e6, got -1.0"),
    (lambda d: None, ["{folder}", "--distill", "nan"], "distill must be a number from 0 to 1e6, got nan"),
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


def test_files_the_system_keeps_are_skipped_with_a_warning(tmp_path, folder):
    """A Thumbs.db or desktop.ini (Windows leaves them in folders of pictures) does not stop a
    lesson: each is named in a warning, as the app's import reports it, and the rest is taught."""
    import shutil
    copy = tmp_path / "digits"
    shutil.copytree(folder, copy)
    (copy / "3" / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0 not an image")
    (copy / "desktop.ini").write_text("[.ShellClassInfo]\n")
    (copy / "7" / "Desktop.ini").write_text("[.ShellClassInfo]\n")
    result = annviz("teach", "mnist-classic", copy, "--out", tmp_path / "t.safetensors",
                    "--held-out", "0.5", "--epochs", "1", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["digits"] == {"train": [3] * 10, "held_out": [3] * 10}
    warnings = [line for line in result.stderr.splitlines() if line.startswith("annviz: warning:")]
    assert len(warnings) == 3 and "Traceback" not in result.stderr
    assert all("a file the system keeps" in w for w in warnings)
    assert {Path(w.split(": ")[2]).name for w in warnings} == {"Thumbs.db", "desktop.ini", "Desktop.ini"}
    assert json.loads(result.stdout)["warnings"] == [w.removeprefix("annviz: warning: ") for w in warnings]
    # another file that is not an image still stops it, naming the file
    (copy / "3" / "notes.txt").write_text("my digits")
    bad = annviz("teach", "mnist-classic", copy, "--out", tmp_path / "u.safetensors")
    assert bad.returncode == cli.EXIT_BAD_INPUT and "notes.txt: is not an image" in bad.stderr.splitlines()[-1]


@pytest.mark.parametrize("loop", ["itself", "each other"])
def test_a_digit_folder_that_is_a_symbolic_link_loop_is_one_line(tmp_path, folder, loop):
    import shutil
    copy = tmp_path / "digits"
    shutil.copytree(folder, copy)
    shutil.rmtree(copy / "4")
    if loop == "itself":
        (copy / "4").symlink_to("4")
    else:
        (copy / "4").symlink_to("x")
        (copy / "x").symlink_to("4")
    result = annviz("teach", "mnist-classic", copy, "--out", tmp_path / "t.safetensors")
    assert result.returncode == cli.EXIT_BAD_INPUT
    line = one_line(result)
    assert "digits/4: cannot be read: its symbolic links go round in a loop" in line
    assert not (tmp_path / "t.safetensors").exists()
    # the app's import skips it and reports it
    store = DigitStore(tmp_path / "mine")
    added, problems = store.import_folder(copy)
    assert added == 60 - 6 and any("4: cannot be read" in p for p in problems)


def test_teaching_a_single_digit_warns_that_the_others_may_be_forgotten(tmp_path):
    root = tmp_path / "threes"
    canvases, labels = write("drawn", 6, seed=3)
    for k, (canvas, label) in enumerate(zip(canvases, labels)):
        if label == 3:
            (root / "3").mkdir(parents=True, exist_ok=True)
            write_png(root / "3" / f"{k:03}.png", 255 - canvas)
    result = annviz("teach", "mnist-classic", root, "--out", tmp_path / "t.safetensors", "--epochs", "1",
                    "--json")
    assert result.returncode == 0, result.stderr
    assert "warning: every digit to teach from is a 3" in result.stderr
    assert "may forget some of the other digits" in result.stderr
    report = json.loads(result.stdout)
    assert len(report["warnings"]) == 1 and report["digits"]["train"][3] == 5
    assert report["after"]["mnist"] > report["before"]["mnist"] - 0.02     # protected: it holds
    alone = annviz("teach", "mnist-classic", tmp_path / "threes", "--out", tmp_path / "u.safetensors",
                   "--epochs", "1", "--no-protection", "--json")
    assert "and forgets the other digits" in alone.stderr
    forgot = json.loads(alone.stdout)
    assert forgot["after"]["mnist"] < forgot["before"]["mnist"] - 0.05     # it answers 3 more and more


def test_the_seconds_reported_are_the_whole_command(tmp_path, folder):
    import time
    start = time.perf_counter()
    result = annviz("teach", "mnist-classic", folder, "--out", tmp_path / "t.safetensors", "--epochs", "1",
                    "--json")
    wall = time.perf_counter() - start
    report = json.loads(result.stdout)
    assert report["protection"] is True and report["replay"] == 2000 and report["distill"] == 2.0
    assert report["prepare_seconds"] > 0 and report["teach_seconds"] > 0
    assert report["prepare_seconds"] + report["teach_seconds"] <= report["seconds"] < wall


@pytest.mark.parametrize("setting,message", [
    ({"replay_pick": "closest"}, "replay_pick must be one of random, nearest, mixed"),
    ({"anchor": -0.5}, "anchor must be a number from 0 to 1e6"),
    ({"distill": float("inf")}, "distill must be a number from 0 to 1e6"),
    ({"distill_pool": 0}, "distill_pool must be 1 to 60,000"),
    ({"replay": 60_001}, "replay must be 0 to 60,000"),
    ({"schedule": "linear"}, "schedule"),
])
def test_a_setting_that_cannot_work_is_refused_before_anything_is_taught(setting, message):
    with pytest.raises(TeachError, match=message):
        prepare_lesson((np.zeros((1, 784)), np.zeros(1, int)), (np.zeros((0, 784)), np.zeros(0, int)),
                       TeachConfig(**setting))
