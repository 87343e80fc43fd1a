"""The doctor's diagnoses in a recording file: written with the run, read back as they were
(every kind of evidence and fix), an older file without them still opens, and a hostile or
damaged ``diagnoses`` field is one clear line naming the field."""

from __future__ import annotations

import copy
import json
import re

import numpy as np
import pytest
from safetensors.numpy import load_file, save
from threadpoolctl import threadpool_limits

from annviz.data.datasets import load_dataset, to_inputs
from annviz.nn import TrainConfig, Trainer
from annviz.nn.doctor import Doctor
from annviz.nn.doctor.texts import describe_fix, explain
from annviz.nn.recording import Recording
from annviz.nn.runfile import RunFileError, load_recording
from annviz.nn.runwriter import save_recording
from annviz.nn.tensorfile import file_size, read_header
from annviz.recipes import build_network
from recorded import record

NOTES = TrainConfig(hidden=(16, 16), activation="sigmoid", optimizer="sgd", lr=0.5, batch_size=10, epochs=1,
                    n_train=1000)
BROKEN = {                                   # a run for each shape of evidence and fix
    "lr_too_high": NOTES.replace(lr=50.0),
    "vanishing_gradients": NOTES.replace(hidden=(32,) * 6),
    "diverged": NOTES.replace(lr=1e9, hidden=(32,), activation="relu"),   # 1e9: the most a file holds
    "dead_relu": NOTES.replace(activation="relu", optimizer="adam", lr=0.1),
}


@pytest.fixture(scope="module")
def digits():
    ds = load_dataset("mnist")
    return to_inputs(ds.train_images[:1000]), np.asarray(ds.train_labels[:1000], dtype=np.int64)


def diagnosed_run(digits, config: TrainConfig) -> Recording:
    """A recorded run with the doctor watching, as the app keeps it."""
    with threadpool_limits(1, user_api="blas"), np.errstate(all="ignore"):
        trainer = Trainer(build_network(config), config, digits)
        doctor = Doctor(trainer)
        run = record(trainer)
        run.history = trainer.history
        run.diagnoses = doctor.finish()
    return run


@pytest.fixture(scope="module")
def runs(digits):
    return {code: diagnosed_run(digits, config) for code, config in BROKEN.items()}


@pytest.mark.parametrize("code", BROKEN)
def test_the_diagnoses_are_saved_with_the_run_and_read_back_as_they_were(runs, tmp_path, code):
    run = runs[code]
    assert code in [d.code for d in run.diagnoses]
    back = load_recording(save_recording(tmp_path / "run.annviz-run", run))
    # as JSON writes them (tuples are lists there): the same codes, batches, evidence and fixes
    assert [json.loads(json.dumps(d.to_dict())) for d in back.diagnoses] == \
        [json.loads(json.dumps(d.to_dict())) for d in run.diagnoses]
    for d, original in zip(back.diagnoses, run.diagnoses):
        assert d.fixes == original.fixes                         # settings of the same types
        for lang in ("en", "ko"):                                 # what the doctor's tab shows
            assert explain(d, lang) == explain(original, lang)
            assert [describe_fix(f, lang) for f in d.fixes] == [describe_fix(f, lang) for f in original.fixes]


def test_a_healthy_run_and_an_older_file_have_no_diagnoses(runs, tmp_path):
    run = copy.copy(runs["lr_too_high"])
    run.diagnoses = []
    path = save_recording(tmp_path / "run.annviz-run", run)
    assert load_recording(path).diagnoses == []
    assert "diagnoses" not in path.read_bytes()[:200_000].decode("utf-8", "replace")   # as before


def meta_of(path) -> tuple[dict, dict]:
    """The metadata and the tensors of a recording file."""
    with open(path, "rb") as f:
        header = read_header(f, file_size(f), path, RunFileError)
    return json.loads(header.metadata["annviz-run"]), load_file(path)


def diag(i: int = 0):
    return lambda m: m["diagnoses"][i]


@pytest.mark.parametrize("change, message", [
    (lambda m: m.update(diagnoses="ill"), "diagnoses should be a list"),
    (lambda m: m.update(diagnoses=["ill"]), "diagnoses[0] should be an object"),
    (lambda m: m.update(diagnoses=m["diagnoses"] * 9), "diagnoses holds 9 entries, more than 8"),
    (lambda m: m.update(diagnoses=m["diagnoses"] * 2), "diagnoses[1] names lr_too_high, which an earlier"),
    (lambda m: diag()(m).update(code="cured"), "diagnoses[0].code 'cured' is not one of diverged, lr_too_high"),
    (lambda m: diag()(m).update(code=None), "diagnoses[0].code is missing"),
    (lambda m: diag()(m).update(batch=0), "diagnoses[0].batch should be a whole number from 1"),
    (lambda m: diag()(m).update(batch="2"), "diagnoses[0].batch should be an integer"),
    (lambda m: diag()(m).update(named_at=1, batch=5), "diagnoses[0].named_at should be a whole number from 5"),
    (lambda m: diag()(m).update(evidence=[]), "diagnoses[0].evidence should be an object"),
    (lambda m: diag()(m)["evidence"].pop("ratio"), "diagnoses[0].evidence.ratio is missing"),
    (lambda m: diag()(m)["evidence"].update(ratio="{0.__class__}"), "diagnoses[0].evidence.ratio should be a number"),
    (lambda m: diag()(m)["evidence"].update(lr=True), "diagnoses[0].evidence.lr should be a number"),
    (lambda m: diag()(m)["evidence"].update(layer=10**9), "diagnoses[0].evidence.layer should be a whole number"),
    (lambda m: diag()(m)["evidence"]["series"].update(value=[1.0] * 10**5, batch=[1] * 10**5),
     "diagnoses[0].evidence.series.batch holds 100000 entries, more than 64"),
    (lambda m: diag()(m)["evidence"]["series"].update(value=[1.0]), "diagnoses[0].evidence.series.value should hold"),
    (lambda m: diag()(m)["evidence"]["series"].update(label=5), "diagnoses[0].evidence.series.label should be"),
    (lambda m: diag()(m)["evidence"]["series"].update(batch=[-1] * len(diag()(m)["evidence"]["series"]["batch"])),
     "diagnoses[0].evidence.series.batch should be a whole number from 0"),
    (lambda m: diag()(m).update(fix=[{"set": {"lr": 0.1}}] * 3), "diagnoses[0].fix holds 3 entries, more than 2"),
    (lambda m: diag()(m).update(fix=[{"set": {"lr": -1.0}}]), "diagnoses[0].fix[0].set.lr should be a number from 0"),
    (lambda m: diag()(m).update(fix=[{"set": {"lr": "fast"}}]), "diagnoses[0].fix[0].set.lr should be a number"),
    (lambda m: diag()(m).update(fix=[{"set": {"activation": "tanh"}}]),
     "diagnoses[0].fix[0].set is not a fix annviz can describe and replay"),
    (lambda m: diag()(m).update(fix=[{"set": {"rm -rf /": 1}}]), "diagnoses[0].fix[0].set is not a fix annviz can"),
    (lambda m: diag()(m).update(fix=[{"set": {}}]), "diagnoses[0].fix[0].set is not a fix annviz can"),
    (lambda m: diag()(m).update(fix=[{"set": {"hidden": [10**9]}}]), "diagnoses[0].fix[0].set.hidden should be"),
    (lambda m: diag()(m).update(fix="lower it"), "diagnoses[0].fix should be a list"),
])
def test_hostile_diagnoses_are_one_clear_line(runs, tmp_path, change, message):
    run = copy.copy(runs["lr_too_high"])
    run.diagnoses = [d for d in run.diagnoses if d.code == "lr_too_high"]
    meta, tensors = meta_of(save_recording(tmp_path / "good.annviz-run", run))
    assert len(load_recording(tmp_path / "good.annviz-run").diagnoses) == 1
    change(meta)
    path = tmp_path / "bad.annviz-run"
    path.write_bytes(save(tensors, metadata={"annviz-run": json.dumps(meta)}))
    with pytest.raises(RunFileError, match=re.escape(message)) as caught:
        load_recording(path)
    assert str(caught.value).startswith(str(path)) and "\n" not in str(caught.value)


def test_evidence_a_newer_annviz_adds_is_dropped_and_what_it_needs_is_kept(runs, tmp_path):
    run = copy.copy(runs["lr_too_high"])
    meta, tensors = meta_of(save_recording(tmp_path / "good.annviz-run", run))
    meta["diagnoses"][0]["evidence"]["a_new_number"] = {"deep": [1, 2]}
    path = tmp_path / "newer.annviz-run"
    path.write_bytes(save(tensors, metadata={"annviz-run": json.dumps(meta)}))
    d = load_recording(path).diagnoses[0]
    assert "a_new_number" not in d.evidence and explain(d) == explain(run.diagnoses[0])
