"""``annviz train --recipe fast`` and the new settings (one-cycle schedule, label smoothing) on
every road the training configuration travels: the command line and its ``--json``, the model
file's metadata, the recording, a setup file — and the absurd values each road must refuse."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from annviz import cli
from annviz.cli.train import train_config
from annviz.nn.config import TrainConfig
from annviz.nn.modelfile import load_model
from annviz.nn.runfile import load_recording
from annviz.presets import PRESET_CONFIGS, preset_config
from annviz.setupfile import SetupFileError, load_setup, save_setup, setup_bytes
from annviz.setupmodel import Setup


def annviz(*args):
    return subprocess.run([sys.executable, "-m", "annviz", *map(str, args)], capture_output=True, text=True,
                          timeout=300)


def parsed(*args) -> TrainConfig:
    return train_config(cli.build_parser().parse_args(["train", *args]))


def test_the_recipe_is_the_presets_configuration_and_options_change_it():
    assert parsed("--recipe", "fast") == preset_config("fast")
    assert parsed() == TrainConfig()                            # no recipe: the defaults, as before
    changed = parsed("--recipe", "fast", "--epochs", "2", "--label-smoothing", "0", "--schedule", "cosine",
                     "--no-augment", "--layers", "64")
    assert changed == preset_config("fast").replace(epochs=2, label_smoothing=0.0, schedule="cosine", hidden=(64,))
    assert parsed("--recipe", "notes", "--lr", "0.1") == PRESET_CONFIGS["notes"].replace(lr=0.1)
    assert parsed("--augment").augment and parsed("--schedule", "one-cycle").schedule == "one-cycle"


def test_the_fast_recipe_travels_to_json_the_model_file_and_the_recording(tmp_path):
    out, record = tmp_path / "fast.safetensors", tmp_path / "fast.annviz-run"
    result = annviz("train", "--recipe", "fast", "--epochs", "1", "--n-train", "3000", "--threads", "1",
                    "--out", out, "--record", record, "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    expected = preset_config("fast").replace(epochs=1, n_train=3000)
    assert summary["recipe"] == "fast" and summary["status"] == "finished"
    assert TrainConfig.from_dict(summary["config"]) == expected
    assert summary["config"]["schedule"] == "one-cycle" and summary["config"]["label_smoothing"] == 0.1
    assert summary["layer_sizes"] == [784, *expected.hidden, 10] and summary["test_accuracy"] > 0.7
    _, info = load_model(out)
    assert TrainConfig.from_dict(info.config) == expected
    assert load_recording(record).config == expected


@pytest.mark.parametrize("args, message", [
    (["--recipe", "fast", "--loss", "mse"], "label smoothing needs the cross-entropy loss"),
    (["--label-smoothing", "1"], "label smoothing must be in [0, 1), got 1.0"),
    (["--label-smoothing", "-0.1"], "label smoothing must be in [0, 1)"),
    (["--label-smoothing", "nan"], "label smoothing must be in [0, 1), got nan"),
    (["--recipe", "fastest"], "invalid choice: 'fastest'"),
    (["--schedule", "onecycle"], "invalid choice: 'onecycle'"),
])
def test_absurd_settings_are_one_line_and_status_2_before_any_data_is_read(args, message):
    result = annviz("train", *args, "--dataset", "/nonexistent/folder")
    assert result.returncode == cli.EXIT_BAD_INPUT
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr


def test_the_help_names_the_recipes_and_the_new_settings():
    text = annviz("train", "--help").stdout
    assert "--recipe {notes,fast,too-high,linear}" in text
    assert "--label-smoothing EPS" in text and "one-cycle" in text and "(default: 0.0)" in text


def test_a_setup_keeps_the_new_settings_and_an_older_setup_opens_without_them(tmp_path):
    path = save_setup(tmp_path / "fast.annviz", Setup(page="training", training=preset_config("fast")))
    assert load_setup(path).training == preset_config("fast")
    doc = json.loads(setup_bytes(Setup(page="training", training=preset_config("fast"))))
    del doc["training"]["label_smoothing"]                      # a setup from before this setting
    doc["training"]["schedule"] = "cosine"
    (tmp_path / "old.annviz").write_text(json.dumps(doc), encoding="utf-8")
    old = load_setup(tmp_path / "old.annviz").training
    assert old.label_smoothing == 0.0 and old.schedule == "cosine" and old.hidden == preset_config("fast").hidden


@pytest.mark.parametrize("change, words", [
    ({"label_smoothing": 1.5}, "training.label_smoothing should be a number from 0 to 1"),
    ({"label_smoothing": 1.0}, "label smoothing must be in [0, 1)"),
    ({"label_smoothing": "0.1"}, "label_smoothing"),
    ({"label_smoothing": True}, "label_smoothing"),
    ({"loss": "mse"}, "label smoothing needs the cross-entropy loss"),
    ({"schedule": "one-cycle-please"}, "unknown learning-rate schedule"),
])
def test_a_setup_with_an_absurd_new_setting_is_refused_naming_it(tmp_path, change, words):
    doc = json.loads(setup_bytes(Setup(page="training", training=preset_config("fast"))))
    doc["training"].update(change)
    (tmp_path / "bad.annviz").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(SetupFileError) as error:
        load_setup(tmp_path / "bad.annviz")
    assert words in str(error.value) and str(tmp_path / "bad.annviz") in str(error.value)



@pytest.mark.parametrize("change, words", [
    ({"label_smoothing": "a lot"}, "config.label_smoothing should be a number"),
    ({"label_smoothing": 7.0}, "config.label_smoothing should be a number from 0 to 1"),
    ({"label_smoothing": 1.0}, "label smoothing must be in [0, 1)"),
    ({"label_smoothing": [0.1]}, "config.label_smoothing should be a number"),
    ({"schedule": "warp"}, "unknown learning-rate schedule"),
])
def test_a_recording_with_an_absurd_new_setting_is_one_clear_error(tmp_path, change, words):
    from safetensors.numpy import save

    from annviz.nn.runfile import RunFileError

    config = preset_config("fast").replace(hidden=())
    meta = {"format_version": 1, "config": config.to_dict(), "sizes": [784, 10], "activations": ["softmax"],
            "class_names": [str(i) for i in range(10)], "batches_per_epoch": 5,
            "moments": [{"step": 0, "epoch": 0.0, "loss": None, "lr": 0.01}]}
    tensors = {"m0.w0": np.zeros((10, 784), np.float16), "m0.b0": np.zeros(10, np.float16)}
    path = tmp_path / "run.annviz-run"
    path.write_bytes(save(tensors, metadata={"annviz-run": json.dumps(meta)}))
    assert load_recording(path).config == config
    meta["config"].update(change)
    path.write_bytes(save(tensors, metadata={"annviz-run": json.dumps(meta)}))
    with pytest.raises(RunFileError) as caught:
        load_recording(path)
    assert words in str(caught.value) and str(caught.value).startswith(str(path))
