"""The command line opens PyTorch files without annviz metadata: --activation and --logits say
what the file cannot, and anything it does not understand is one line (exit status 2)."""

import json
import subprocess
import sys

import numpy as np
import pytest
from safetensors.numpy import load_file, save_file

from annviz.paths import bundled_model


def annviz(*args):
    return subprocess.run([sys.executable, "-m", "annviz", *map(str, args)], capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def classic():
    """mnist-classic's accuracy, as annviz reports it for its own file."""
    result = annviz("evaluate", "mnist-classic", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def as_sequential(tmp_path_factory):
    """mnist-classic's tensors as nn.Sequential(Flatten, Linear, Sigmoid, Linear, Sigmoid, Linear)
    saves them: keys 1, 3, 5 and no metadata."""
    tensors = load_file(bundled_model("mnist-classic"))
    renamed = {k.replace(f"layers.{i}.", f"{2 * i + 1}."): v for k, v in tensors.items() for i in range(3)
               if k.startswith(f"layers.{i}.")}
    path = tmp_path_factory.mktemp("torch") / "sequential.safetensors"
    save_file(renamed, path)
    return path


def test_a_pytorch_file_evaluates_like_the_annviz_file_it_was_made_from(classic, as_sequential):
    result = annviz("evaluate", as_sequential, "--activation", "sigmoid", "--logits", "--json")
    assert result.returncode == 0 and result.stderr == "", result.stderr
    report = json.loads(result.stdout)
    assert report["accuracy"] == classic["accuracy"]
    assert report["confusion_matrix"] == classic["confusion_matrix"]
    assert report["loss"] == pytest.approx(classic["loss"], rel=1e-5)


def test_without_the_options_relu_and_logits_are_assumed_and_said(classic, as_sequential):
    result = annviz("evaluate", as_sequential, "--json")
    assert result.returncode == 0, result.stderr
    note, = result.stderr.strip().splitlines()
    assert "is a PyTorch network (784-16-16-10, layers 1, 3, 5)" in note
    assert "relu hidden layers (--activation)" in note and "logits → softmax" in note
    assert json.loads(result.stdout)["accuracy"] < classic["accuracy"]  # the wrong activation


def test_no_logits_uses_the_outputs_as_they_are(as_sequential):
    report = json.loads(annviz("evaluate", as_sequential, "--activation", "sigmoid", "--no-logits",
                               "--json").stdout)
    assert report["accuracy"] > 0.95  # the same argmax; the loss is now mean squared error


def test_predict_reads_a_pytorch_file_too(tmp_path, as_sequential):
    from annviz.data.datasets import load_dataset
    from annviz.data.images import write_png

    ds = load_dataset("mnist")
    write_png(tmp_path / "digit.png", 255 - ds.test_images[0])  # dark ink on light paper
    ours = annviz("predict", "mnist-classic", tmp_path / "digit.png", "--json")
    theirs = annviz("predict", as_sequential, tmp_path / "digit.png", "--activation", "sigmoid", "--json")
    assert theirs.returncode == 0, theirs.stderr
    p, q = (json.loads(r.stdout)["predictions"][0] for r in (ours, theirs))
    assert q["prediction"] == p["prediction"] == str(ds.test_labels[0])
    np.testing.assert_allclose(q["probabilities"], p["probabilities"], rtol=1e-5, atol=1e-7)


def test_what_is_not_understood_is_one_line_and_status_2(tmp_path):
    path = tmp_path / "conv.safetensors"
    save_file({"conv.weight": np.zeros((8, 1, 3, 3), np.float32)}, path)
    result = annviz("evaluate", path)
    assert result.returncode == 2
    line, = result.stderr.strip().splitlines()
    assert line.startswith(f"annviz: error: {path}: a safetensors file without annviz metadata")
    assert "nn.Sequential" in line and "Traceback" not in result.stderr


def test_the_options_are_refused_for_an_annviz_model():
    result = annviz("evaluate", "mnist-classic", "--activation", "relu")
    assert result.returncode == 2
    assert "names its own activations" in result.stderr and len(result.stderr.strip().splitlines()) == 1
