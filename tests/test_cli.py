"""The command line, run as a user runs it: a separate process, real files, exit codes."""

import json
import subprocess
import sys

import numpy as np
import pytest

from annviz.data.datasets import load_dataset
from annviz.data.images import write_png
from annviz.paths import bundled_model


def annviz(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "annviz", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def small_model(tmp_path_factory):
    out = tmp_path_factory.mktemp("model") / "small.safetensors"
    result = annviz("train", "--layers", "32", "--activation", "relu", "--epochs", "1",
                    "--n-train", "3000", "--batch", "32", "--out", out, "--json")
    assert result.returncode == 0, result.stderr
    return out, json.loads(result.stdout)


def test_train_prints_a_json_summary_and_saves(small_model):
    out, summary = small_model
    assert out.exists()
    assert summary["test_accuracy"] > 0.8  # chance is 0.1
    assert summary["train_samples_per_s"] > 0
    assert summary["layer_sizes"] == [784, 32, 10]


def test_evaluate_reports_accuracy_per_class_and_confusion(small_model):
    out, summary = small_model
    result = annviz("evaluate", out, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["accuracy"] == pytest.approx(summary["test_accuracy"], abs=1e-6)
    confusion = np.array(report["confusion_matrix"])
    assert confusion.shape == (10, 10) and confusion.sum() == 10_000
    assert np.trace(confusion) / 10_000 == pytest.approx(report["accuracy"])
    text = annviz("evaluate", out)
    assert "accuracy" in text.stdout and "confusion matrix" in text.stdout


def test_predict_reads_a_png_of_a_digit(tmp_path):
    ds = load_dataset("mnist")
    paths = []
    for i in range(5):  # real test digits, drawn large and dark on white paper
        big = np.kron(255 - ds.test_images[i], np.ones((8, 8), dtype=np.uint8))
        paths.append(write_png(tmp_path / f"digit{i}.png", big))
    write_png(tmp_path / "blank.png", np.full((50, 50), 255, np.uint8))
    result = annviz("predict", bundled_model("mnist-best"), *paths, tmp_path / "blank.png", "--json")
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout)
    assert [a["prediction"] for a in answers[:5]] == [str(d) for d in ds.test_labels[:5]]
    assert answers[5]["blank"] and answers[5]["prediction"] is None
    assert sum(answers[0]["probabilities"]) == pytest.approx(1, abs=1e-5)


@pytest.mark.parametrize("args,message", [
    (["train", "--layers", "16,x"], "16,x"),
    (["train", "--lr", "-0.1"], "learning rate"),
    (["train", "--dataset", "{tmp}"], "train-images"),
    (["evaluate", "{tmp}/missing.safetensors"], "no such file"),
    (["evaluate", "{tmp}/corrupt.safetensors"], "corrupt.safetensors"),
    (["predict", "{model}", "{tmp}/missing.png"], "missing.png"),
    (["frobnicate"], "invalid choice"),
])
def test_bad_input_is_one_clear_line_and_a_nonzero_exit(tmp_path, args, message):
    (tmp_path / "corrupt.safetensors").write_bytes(b"\x00" * 5 + b"garbage" * 20)
    args = [a.format(tmp=tmp_path, model=bundled_model("mnist-classic")) for a in args]
    result = annviz(*args)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert message in result.stderr
