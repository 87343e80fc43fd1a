"""Training recordings on disk (.annviz-run): a round trip, and foreign or damaged files refused."""

from __future__ import annotations

import dataclasses
import json
import re

import numpy as np
import pytest
from safetensors.numpy import save
from test_recording import TINY, record_run

from annviz.nn.modelfile import ModelFileError, load_model, save_model
from annviz.nn.recording import Recording
from annviz.nn.runfile import RunFileError, load_recording
from annviz.nn.runwriter import save_recording
from annviz.nn.trainer import Trainer
from annviz.recipes import build_network, prepare_data


@pytest.fixture(scope="module")
def recorded():
    return record_run(TINY)


def test_a_recording_round_trips_and_continues_like_the_original(recorded, tmp_path):
    trainer, run = recorded
    path = save_recording(tmp_path / "run.annviz-run", run)
    back = load_recording(path)
    assert back.config == run.config and back.sizes == run.sizes and back.steps().tolist() == run.steps().tolist()
    assert back.history is None                       # recorded by hand here: no end of run yet
    run.history = trainer.history
    again = load_recording(save_recording(tmp_path / "ended.annviz-run", run))
    np.testing.assert_array_equal(again.history.batch_loss.y, trainer.history.batch_loss.y)
    assert again.history.batches == trainer.history.batches and again.history.status == "finished"
    assert any(m.state is not None and m.state.mid_epoch for m in run.moments)
    for a, b in zip(run.moments, back.moments):
        # a file keeps the epoch ends' states, not the early ones taken in the middle of an epoch
        kept = a.state is not None and not a.state.mid_epoch
        assert (a.epoch, a.loss, a.lr, kept) == (b.epoch, b.loss, b.lr, b.state is not None)
        for x, y in zip(a.weights + a.biases, b.weights + b.biases):
            np.testing.assert_array_equal(x, y)
    # The loaded epoch-1 state continues exactly as the one in memory does.
    data = prepare_data(TINY)
    finals = []
    for recording in (run, back):
        state = next(m.state for m in recording.moments if m.step == recording.batches_per_epoch)
        again = Trainer(build_network(TINY), TINY, data.train)
        again.restore(state)
        again.run()
        finals.append(again.network.weights[0])
    np.testing.assert_array_equal(finals[0], finals[1])


def test_a_model_file_is_not_a_recording_and_the_other_way_round(recorded, tmp_path):
    trainer, run = recorded
    model = save_model(tmp_path / "model.safetensors", trainer.network)
    with pytest.raises(RunFileError, match="not an annviz training recording"):
        load_recording(model)
    recording = save_recording(tmp_path / "run.annviz-run", run)
    with pytest.raises(ModelFileError, match="a training recording, not an annviz model"):
        load_model(recording)


def craft(tmp_path, meta: dict | None, tensors: dict | None = None) -> str:
    tensors = tensors or {"m0.w0": np.zeros((10, 784), np.float16)}
    data = save(tensors, metadata=None if meta is None else {"annviz-run": json.dumps(meta)})
    path = tmp_path / "crafted.annviz-run"
    path.write_bytes(data)
    return str(path)


def state_entry(**changes) -> dict:
    """A moment's state as the writer makes it for a linear network with SGD, with ``changes``."""
    entry = {"optimizer_t": 5, "optimizer_arrays": 0, "batches": 5, "rng": np.random.default_rng(0).bit_generator.state,
             "start_loss": 2.3, "smoothed": 2.0, "train_seconds": 1.0, "epochs": [], "good": False}
    return {**entry, **changes}


EPOCH = {"epoch": 1, "train_loss": 0.5, "train_accuracy": 0.9, "val_loss": None, "val_accuracy": None,
         "test_loss": 0.4, "test_accuracy": 0.9, "samples_per_s": 1000.0, "seconds": 2.0}


@pytest.mark.parametrize("change, message", [
    (lambda m: m.update(format_version=99), "newer than this annviz reads"),
    (lambda m: m.update(sizes=[784, 10**9]), "layer sizes"),
    (lambda m: m.update(sizes=[784] + [2048] * 31 + [10], activations=["relu"] * 31 + ["softmax"]),
     "its network has 127,518,730 weights and biases, more than annviz opens (67,108,864)"),
    (lambda m: m.update(moments=["nope"]), "moments[0] should be an object"),
    (lambda m: m["moments"][0].update(step="zero"), "moments[0].step should be an integer"),
    (lambda m: m["moments"][0].update(step=10**30), "moments[0].step should be a whole number from 0"),
    (lambda m: m["moments"][0].update(loss=float("nan")), "moments[0].loss should be a number from 0"),
    (lambda m: m["moments"][0].update(epoch=float("inf")), "moments[0].epoch should be a number"),
    (lambda m: m.update(moments=[]), "holds no moments"),
    (lambda m: m.update(sizes=[784, 12]), "class_names should be 12 names"),
    (lambda m: m.update(sizes=[784, 12], class_names=[str(i) for i in range(12)]), "tensor m0.w0 has shape"),
    (lambda m: m["moments"][0].update(state={"optimizer_t": 1}), "moments[0].state.optimizer_arrays is missing"),
    (lambda m: m["moments"][0].update(state=state_entry(optimizer_t=-10**30)),
     "moments[0].state.optimizer_t should be a whole number from 0"),
    (lambda m: m["moments"][0].update(state=state_entry(epochs=[dict(EPOCH, train_loss="low")])),
     "moments[0].state.epochs[0].train_loss should be a number"),
    (lambda m: m["moments"][0].update(state=state_entry(rng={"bit_generator": "PCG64", "state": 5})),
     "moments[0].state.rng is not the state of a random generator"),
    (lambda m: m.update(batches_per_epoch=0), "batches_per_epoch should be a whole number from 1"),
    (lambda m: m.update(batches_per_epoch=-5), "batches_per_epoch should be a whole number from 1"),
    (lambda m: m.update(batches_per_epoch=10**30), "batches_per_epoch should be a whole number from 1"),
    (lambda m: m.update(config=None), "config should be an object"),
    (lambda m: m.update(config=[1, 2]), "config should be an object"),
    (lambda m: m["config"].update(lr="fast"), "config.lr should be a number"),
    (lambda m: m["config"].update(hidden="16"), "config.hidden should be a list"),
    (lambda m: m["config"].update(epochs=2**31), "config.epochs should be a whole number from 1 to 2147483647"),
    (lambda m: m.update(history={"loss": {}, "epochs": [], "status": "finished"}), "history.loss.capacity is missing"),
])
def test_damaged_or_hostile_recordings_get_one_clear_line(tmp_path, recorded, change, message):
    _, run = recorded
    meta = {"format_version": 1, "config": TINY.replace(hidden=()).to_dict(), "sizes": [784, 10],
            "activations": ["softmax"], "class_names": [str(i) for i in range(10)],
            "batches_per_epoch": 5,
            "moments": [{"step": 0, "epoch": 0.0, "loss": None, "lr": 0.01}]}
    tensors = {"m0.w0": np.zeros((10, 784), np.float16), "m0.b0": np.zeros(10, np.float16),
               "s0.w0": np.zeros((10, 784), np.float32), "s0.b0": np.zeros(10, np.float32)}
    assert load_recording(craft(tmp_path, meta, tensors)).moments[0].step == 0
    meta["moments"][0]["state"] = state_entry(epochs=[EPOCH])
    assert load_recording(craft(tmp_path, meta, tensors)).moments[0].state.optimizer["t"] == 5
    del meta["moments"][0]["state"]
    change(meta)
    with pytest.raises(RunFileError, match=re.escape(message)) as caught:
        load_recording(craft(tmp_path, meta, tensors))
    assert str(caught.value).startswith(str(tmp_path))


# --- written as the run goes (annviz train --record) ------------------------------------------

def streamed(run, path, **limits):
    """``run`` written moment by moment, as ``annviz train --record`` writes it."""
    from annviz.nn.runwriter import RecordingWriter

    template = Recording(run.config, run.sizes, run.activations, run.class_names, run.batches_per_epoch)
    with RecordingWriter(path, template, **limits) as writer:
        for m in run.moments:
            writer.add(m)
        return writer.finish(run.history)


def test_a_recording_written_as_it_goes_is_the_one_kept_in_memory(recorded, tmp_path):
    trainer, run = recorded
    run.history = trainer.history
    back = load_recording(streamed(run, tmp_path / "streamed.annviz-run"))
    assert back.steps().tolist() == run.steps().tolist()
    kept = [m.state is not None and not m.state.mid_epoch for m in run.moments]
    assert [m.state is not None for m in back.moments] == kept
    for a, b, a_kept in zip(run.moments, back.moments, kept):
        for x, y in zip(a.weights + a.biases, b.weights + b.biases):
            np.testing.assert_array_equal(x, y)
        if a_kept:
            assert a.state.optimizer["t"] == b.state.optimizer["t"] and a.state.rng == b.state.rng
            for x, y in zip(a.state.weights + tuple(a.state.optimizer["arrays"]),
                            b.state.weights + tuple(b.state.optimizer["arrays"])):
                np.testing.assert_array_equal(x, y)
    np.testing.assert_array_equal(back.history.batch_loss.y, trainer.history.batch_loss.y)
    # A file any safetensors reader takes, every tensor where its header says.
    from safetensors.numpy import load_file
    tensors = load_file(tmp_path / "streamed.annviz-run")
    np.testing.assert_array_equal(tensors["m3.w0"], run.moments[3].weights[0])


def test_a_long_run_written_as_it_goes_is_thinned_as_one_in_memory(recorded, tmp_path):
    _, run = recorded
    per_moment = run.moments[1].nbytes
    limit = 20 * per_moment                        # room for about 20 of its moments
    in_memory = Recording(run.config, run.sizes, run.activations, run.class_names, run.batches_per_epoch)
    from annviz.nn import recording
    original = recording.MAX_RUN_BYTES
    recording.MAX_RUN_BYTES = limit
    try:
        for m in run.moments:
            in_memory.add(dataclasses.replace(m))   # thinning forgets states: not the fixture's
    finally:
        recording.MAX_RUN_BYTES = original
    back = load_recording(streamed(run, tmp_path / "thin.annviz-run", max_bytes=limit))
    assert len(run.moments) > 40 and back.steps().tolist() == in_memory.steps().tolist()
    assert [m.state is None for m in back.moments] == [m.state is None for m in in_memory.moments]
    assert back.moments[-1].step == run.moments[-1].step and back.moments[0].step == 0


def test_a_recording_interrupted_before_its_end_leaves_no_file(recorded, tmp_path):
    from annviz.nn.runwriter import RecordingWriter

    _, run = recorded
    with pytest.raises(KeyboardInterrupt):
        with RecordingWriter(tmp_path / "cut.annviz-run", run) as writer:
            writer.add(run.moments[0])
            raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []
    with RecordingWriter(tmp_path / "x.annviz-run", run) as writer:
        with pytest.raises(ValueError, match="comes after"):
            writer.add(run.moments[2]), writer.add(run.moments[1])
