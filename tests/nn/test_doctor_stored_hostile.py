"""The doctor's diagnoses in a recording, hand-written: a file with one diagnosis of every kind
gives every field back, each limit is accepted at its edge, and each hostile field is refused with
its own sentence — naming the file and the field, saying what was found — in English and in
Korean (the translation file's sentence, filled as the app fills it)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from safetensors.numpy import load_file, save
from test_recording import record_run

from annviz.messages import MESSAGES, fill
from annviz.nn import TrainConfig
from annviz.nn.doctor import Diagnosis, Fix
from annviz.nn.doctor.texts import describe_fix, explain
from annviz.nn.runfile import RunFileError, load_recording
from annviz.nn.runwriter import save_recording
from annviz.nn.tensorfile import file_size, read_header
from handmade import in_korean

ROOT = Path(__file__).resolve().parents[2]
CONFIG = TrainConfig(hidden=(4,), activation="relu", optimizer="sgd", lr=0.1, batch_size=10, epochs=1,
                     n_train=20)


def series(batches, values, reference=None, label="loss"):
    return {"label": label, "batch": batches, "value": values, "reference": reference}


#: one diagnosis of every kind, as a file holds them (the doctor's to_dict), written by hand
HAND = [
    {"code": "diverged", "batch": 3, "named_at": 3, "fix": [{"set": {"lr": 0.01}, "restart": False}],
     "evidence": {"what": "weights", "lr": 3.0, "last_loss": None,
                  "series": series([1, 2], [2.5, None], None)}},
    {"code": "lr_too_high", "batch": 2, "named_at": 9,
     "fix": [{"set": {"lr": 0.05}, "restart": False}, {"set": {"optimizer": "adam", "lr": 0.001}, "restart": True}],
     "evidence": {"sign": "loss", "ratio": 0.5, "layer": 0, "loss": 9, "first_loss": 2.3, "lr": 1.0,
                  "series": series([0, 2**53], [1.5, 9.0], 3.45)}},
    {"code": "lr_too_low", "batch": 100, "named_at": 120, "fix": [{"set": {"lr": 0.5}}],
     "evidence": {"ratio": 1e-5, "loss": 2.2, "first_loss": 2.3, "lr": 1e-5}},
    {"code": "vanishing_gradients", "batch": 5, "named_at": 5,
     "fix": [{"set": {"activation": "relu", "init": "he"}}, {"set": {"hidden": [12, 10]}}],
     "evidence": {"gradient_ratio": 1e-4, "gradient_norms": [1e-4, None] + [0.5] * 31, "layers": 33}},
    {"code": "dead_relu", "batch": 64, "named_at": 64, "fix": [{"set": {"init": "he"}}],
     "evidence": {"share": 0.75, "layer": 1, "shares": [0.75, None]}},
    {"code": "saturated", "batch": 32, "named_at": 64, "fix": [],
     "evidence": {"share": 0.6, "layer": 2, "shares": [None, 0.6],
                  "series": series([32, 64], [0.5, 0.6], 0.5, label="x" * 250)}},
    {"code": "overfitting", "batch": 30, "named_at": 50,
     "fix": [{"set": {"weight_decay": 0.001}}, {"set": {"epochs": 3}}],
     "evidence": {"train_accuracy": 0.99, "val_accuracy": 0.9, "gap": 0.09, "best_epoch": 3,
                  "best_val_accuracy": 0.91}},
    {"code": "stuck", "batch": 160, "named_at": 192, "fix": [{"set": {"n_train": None}}],
     "evidence": {"accuracy": 0.1, "chance": 0.1, "newer": {"deep": [1]}}},
]

#: what reading HAND gives back
EXPECTED = [
    Diagnosis("diverged", 3, 3, {"what": "weights", "lr": 3.0, "last_loss": None,
                                 "series": series([1, 2], [2.5, None], None)}, (Fix({"lr": 0.01}),)),
    Diagnosis("lr_too_high", 2, 9, {"sign": "loss", "ratio": 0.5, "layer": 0, "loss": 9.0, "first_loss": 2.3,
                                    "lr": 1.0, "series": series([0, 2**53], [1.5, 9.0], 3.45)},
              (Fix({"lr": 0.05}), Fix({"optimizer": "adam", "lr": 0.001}))),
    Diagnosis("lr_too_low", 100, 120, {"ratio": 1e-5, "loss": 2.2, "first_loss": 2.3, "lr": 1e-5},
              (Fix({"lr": 0.5}),)),
    Diagnosis("vanishing_gradients", 5, 5, {"gradient_ratio": 1e-4, "gradient_norms": [1e-4, None] + [0.5] * 31,
                                            "layers": 33},
              (Fix({"activation": "relu", "init": "he"}), Fix({"hidden": (12, 10)}))),
    Diagnosis("dead_relu", 64, 64, {"share": 0.75, "layer": 1, "shares": [0.75, None]}, (Fix({"init": "he"}),)),
    Diagnosis("saturated", 32, 64, {"share": 0.6, "layer": 2, "shares": [None, 0.6],
                                    "series": series([32, 64], [0.5, 0.6], 0.5, label="x" * 200)}, ()),
    Diagnosis("overfitting", 30, 50, {"train_accuracy": 0.99, "val_accuracy": 0.9, "gap": 0.09, "best_epoch": 3,
                                      "best_val_accuracy": 0.91},
              (Fix({"weight_decay": 0.001}), Fix({"epochs": 3}))),
    Diagnosis("stuck", 160, 192, {"accuracy": 0.1, "chance": 0.1}, (Fix({"n_train": None}),)),
]


@pytest.fixture(scope="module")
def recording_file(tmp_path_factory):
    """A real two-batch recording's metadata and tensors, to put hand-made diagnoses in."""
    trainer, run = record_run(CONFIG)
    run.history = trainer.history
    path = save_recording(tmp_path_factory.mktemp("run") / "run.annviz-run", run)
    with open(path, "rb") as f:
        header = read_header(f, file_size(f), path, RunFileError)
    return json.loads(header.metadata["annviz-run"]), load_file(path)


def written(recording_file, tmp_path, change=None):
    meta, tensors = recording_file
    meta = copy.deepcopy(meta)
    meta["diagnoses"] = copy.deepcopy(HAND)
    if change is not None:
        change(meta["diagnoses"], meta)
    path = tmp_path / "hand.annviz-run"
    path.write_bytes(save(tensors, metadata={"annviz-run": json.dumps(meta)}))
    return path


def test_a_hand_written_file_gives_every_diagnosis_back(recording_file, tmp_path):
    back = load_recording(written(recording_file, tmp_path)).diagnoses
    assert [d.code for d in back] == [d.code for d in EXPECTED]
    for got, want in zip(back, EXPECTED):
        assert (got.batch, got.named_at, got.fixes) == (want.batch, want.named_at, want.fixes)
        assert got.evidence == want.evidence, got.code
        for lang in ("en", "ko"):
            assert "{" not in explain(got, lang) and all(describe_fix(f, lang) for f in got.fixes)


def set_at(path, value):
    """A change that sets diagnoses[i]…[key] = value (path: i, then keys)."""
    def change(diagnoses, meta):
        target = diagnoses
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def drop(i, key):
    return lambda diagnoses, meta: diagnoses[i]["evidence"].pop(key)


HOSTILE = [
    (lambda d, m: m.update(diagnoses="ill"), 'diagnoses should be a list, not "ill"', "diagnoses"),
    (lambda d, m: d.append(dict(HAND[0])), "diagnoses holds 9 entries, more than 8", "9"),
    (set_at([1], 5), "diagnoses[1] should be an object, not 5", "diagnoses[1]"),
    (set_at([3, "evidence", "gradient_norms"], [0.5] * 34),
     "diagnoses[3].evidence.gradient_norms holds 34 entries, more than 33", "gradient_norms"),
    (set_at([3, "evidence", "gradient_norms"], [0.5, "big"]),
     'diagnoses[3].evidence.gradient_norms should be a number, not "big"', "gradient_norms"),
    (set_at([1, "evidence", "sign"], "up"), "diagnoses[1].evidence.sign 'up' is not one of loss, steps", "sign"),
    (set_at([1, "evidence", "ratio"], True), "diagnoses[1].evidence.ratio should be a number, not true", "ratio"),
    (drop(2, "ratio"), "diagnoses[2].evidence.ratio is missing", "ratio"),
    (set_at([0, "evidence", "series"], []), "diagnoses[0].evidence.series should be an object, not []", "series"),
    (set_at([0, "evidence", "series", "value"], [1.0]),
     "diagnoses[0].evidence.series.value should hold 2 entries, not 1", "value"),
    (set_at([0, "evidence", "series", "value"], [1.0] * 65),
     "diagnoses[0].evidence.series.value holds 65 entries, more than 64", "value"),
    (set_at([0, "evidence", "series", "batch"], [True, 2]),
     "diagnoses[0].evidence.series.batch should be a whole number from 0 to 2^53, not true", "batch"),
    (set_at([0, "evidence", "series", "batch"], [1, 2**53 + 1]),
     "diagnoses[0].evidence.series.batch should be a whole number from 0 to 2^53, not 9007199254740993", "batch"),
    (set_at([0, "evidence", "series", "value"], ["x", 1]),
     'diagnoses[0].evidence.series.value should be a number, not "x"', "value"),
    (set_at([0, "evidence", "series", "reference"], "far"),
     'diagnoses[0].evidence.series.reference should be a number, not "far"', "reference"),
    (set_at([1, "fix", 0], 7), "diagnoses[1].fix[0] should be an object, not 7", "fix[0]"),
    (set_at([1, "fix", 1], [1]), "diagnoses[1].fix[1] should be an object, not [1]", "fix[1]"),
    (set_at([1, "fix", 0], {"restart": False}), "diagnoses[1].fix[0].set is missing", "fix[0].set"),
]


@pytest.mark.parametrize("change, sentence, named", HOSTILE, ids=[h[1][:50] for h in HOSTILE])
def test_a_hostile_field_is_refused_with_its_own_sentence_in_both_languages(recording_file, tmp_path,
                                                                           change, sentence, named):
    path = written(recording_file, tmp_path, change)
    with pytest.raises(RunFileError) as caught:
        load_recording(path)
    error = caught.value
    assert str(error) == f"{path}: {sentence}"
    korean = in_korean(error.code, error.values)
    assert named in korean and "None" not in korean and "{" not in korean
    assert korean != fill(MESSAGES[error.code], error.values, str)      # translated, not English
