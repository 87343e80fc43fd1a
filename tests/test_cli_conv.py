"""A convolutional network on the command line, run as a user runs it: ``annviz train --conv``
gives --json with the MLP's fields, ``evaluate`` and ``predict`` open the file like any model, a
PyTorch CNN whose file fits several arrangements asks for ``--arrangement``, and what is not done
yet for a CNN (recording a run, teaching it) says so in one line."""

from __future__ import annotations

import json

import numpy as np
import pytest

from annviz import cli
from annviz.nn import save_model
from annviz.nn.convnet import ConvNet
from annviz.nn.layers import reference
from test_cli import _digit_pngs, annviz, one_line


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    where = tmp_path_factory.mktemp("cnn")
    out = where / "cnn.safetensors"
    result = annviz("train", "--conv", "4,8", "--n-train", "1280", "--epochs", "1", "--threads", "1",
                    "--lr", "0.003", "--schedule", "cosine", "--out", out, "--json")   # a short run: no warm-up
    assert result.returncode == 0, result.stderr
    mlp = annviz("train", "--layers", "8", "--n-train", "200", "--epochs", "1", "--threads", "1", "--json")
    assert mlp.returncode == 0, mlp.stderr
    return out, json.loads(result.stdout), json.loads(mlp.stdout), result.stderr


def test_train_conv_prints_the_fields_an_mlps_run_prints_and_saves(trained):
    out, summary, mlp_summary, report = trained
    assert summary.keys() == mlp_summary.keys()
    assert summary["status"] == "finished" and summary["out"] == str(out) and out.is_file()
    assert summary["layer_sizes"] == [784, 4 * 784, 4 * 196, 8 * 196, 8 * 49, 8 * 49, 10]
    assert summary["activations"] == ["relu", "relu", "softmax"]           # --conv: ReLU, no hidden layer
    assert summary["parameters"] == 4 * 25 + 4 + 8 * 4 * 25 + 8 + 392 * 10 + 10
    assert summary["test_accuracy"] > 0.6                                   # chance: 0.1
    assert summary["diagnoses"] is None and "doctor: off (it watches multilayer perceptrons only" in report
    assert "training conv 5×5 ×4 pad 2 → max-pool 2 → conv 5×5 ×8 pad 2 → max-pool 2" in report


def test_evaluate_and_predict_open_a_cnn_like_any_model(trained, tmp_path):
    out, summary, _, _ = trained
    evaluated = annviz("evaluate", out, "--json")
    assert evaluated.returncode == 0, evaluated.stderr
    report = json.loads(evaluated.stdout)
    assert report["accuracy"] == pytest.approx(summary["test_accuracy"], abs=1e-6)
    assert report.keys() == json.loads(annviz("evaluate", "mnist-classic", "--json").stdout).keys()
    paths, labels = _digit_pngs(tmp_path, 3)
    predicted = annviz("predict", out, *paths, "--json")
    assert predicted.returncode == 0, predicted.stderr
    answers = json.loads(predicted.stdout)["predictions"]
    assert len(answers) == 3 and all(sum(a["probabilities"]) == pytest.approx(1, abs=1e-5) for a in answers)


def test_recording_a_cnn_run_is_refused_before_training(tmp_path):
    result = annviz("train", "--conv", "4", "--record", tmp_path / "run.annviz-run", "--out", tmp_path / "m.safetensors")
    assert result.returncode == cli.EXIT_BAD_INPUT
    assert "--record: the time machine does not record a convolutional network yet" in one_line(result)
    assert list(tmp_path.iterdir()) == []


def test_teaching_a_cnn_is_refused_in_one_line(trained, tmp_path):
    out = trained[0]
    (tmp_path / "3").mkdir()
    result = annviz("teach", out, tmp_path, "--out", tmp_path / "taught.safetensors")
    assert result.returncode == cli.EXIT_BAD_INPUT
    assert "is a convolutional network; teaching it your digits works on multilayer perceptrons" in one_line(result)


@pytest.mark.parametrize("value,message", [
    ("8,x", "is not a comma-separated list of filter counts"), ("0", "1 to 8 convolutions of 1 to 512 filters"),
    ("100000", "1 to 8 convolutions"), (",".join(["4"] * 9), "1 to 8 convolutions"), ("", "filter counts")])
def test_absurd_convolutions_are_one_line(capsys, value, message):
    assert cli.main(["train", "--conv", value]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err


def test_convolutions_that_shrink_the_image_away_are_one_line(capsys):
    assert cli.main(["train", "--conv", "4,4,4,4,4,4"]) == cli.EXIT_BAD_INPUT   # 28 → 14 → 7 → 3 → 1 → 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "too small for a 2×2 max-pool" in err


def test_a_pytorch_cnn_that_fits_two_arrangements_asks_which(tmp_path):
    from safetensors.numpy import save_file

    rng = np.random.default_rng(0)
    tensors = {"conv1.weight": rng.normal(0, 0.3, (4, 1, 3, 3)), "conv1.bias": np.zeros(4),
               "conv2.weight": rng.normal(0, 0.3, (8, 4, 3, 3)), "conv2.bias": np.zeros(8),
               "fc1.weight": rng.normal(0, 0.05, (10, 8 * 12 * 12)), "fc1.bias": np.zeros(10)}
    path = tmp_path / "example.safetensors"
    save_file({k: v.astype(np.float32) for k, v in tensors.items()}, path)
    asked = annviz("evaluate", path, "--json")
    assert asked.returncode == cli.EXIT_BAD_INPUT
    assert ("2 arrangements fit (1: pad 0 → pad 0, pool; 2: pad 1, pool → pad 0); say which (on the command "
            "line: --arrangement N)") in one_line(asked)
    chosen = annviz("evaluate", path, "--json", "--arrangement", "2")
    assert chosen.returncode == 0, chosen.stderr
    assert "padding and pooling pad 1, pool → pad 0 (--arrangement 2 of 1: pad 0" in chosen.stderr
    assert 0 <= json.loads(chosen.stdout)["accuracy"] <= 1
    annviz_file = save_model(tmp_path / "own.safetensors", ConvNet(reference((2, 2)), seed=0))
    refused = annviz("evaluate", annviz_file, "--arrangement", "1")
    assert refused.returncode == cli.EXIT_BAD_INPUT and "--arrangement are for PyTorch files" in one_line(refused)


def test_conv_alone_gives_the_reference_recipe_and_options_given_change_it():
    """``annviz train --conv 8,16`` is the documented reference net with its own settings (not the
    MLP's defaults); an option given wins; a recipe given is that recipe with convolutions."""
    from annviz.cli.train import train_config
    from annviz.recipes import REFERENCE_CNN

    def config(*argv):
        return train_config(cli.build_parser().parse_args(["train", *argv]))

    assert config("--conv", "8,16") == REFERENCE_CNN
    assert config("--conv", "8,16", "--epochs", "1", "--lr", "0.01") == REFERENCE_CNN.replace(epochs=1, lr=0.01)
    assert config("--conv", "4") == REFERENCE_CNN.replace(conv=(4,))
    mlp = config("--layers", "16")
    assert mlp.conv == () and mlp.lr != REFERENCE_CNN.lr or mlp.schedule != REFERENCE_CNN.schedule
