"""A training recording made by hand (tests/nn/runfile_handmade.py): every field read back, and
every limit accepted at its edge (the refusals one past it: test_runfile_refusals.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from runfile_handmade import EPOCH, HIST, RNG, SP, base, put, write

from annviz.nn.runfile import RunFileError, load_recording

# --- every field comes back -----------------------------------------------------------------------

def test_a_hand_made_recording_gives_back_every_field_it_holds(tmp_path):
    meta, t = base()
    run = load_recording(write(tmp_path, meta, t))
    c = run.config
    assert (c.hidden, c.activation, c.optimizer, c.lr, c.batch_size, c.epochs, c.seed, c.n_train) == \
        ((4,), "relu", "adam", 0.003, 5, 2, 7, 15)
    assert run.sizes == [3, 4, 2] and run.activations == ["relu", "softmax"] and run.class_names == ["cat", "dog"]
    assert run.batches_per_epoch == 3
    assert run.exact is False and run.blas_threads == 3 and run.blas_library == "OpenBLAS 0.3.27 Haswell"
    assert [(m.step, m.epoch, m.loss, m.lr) for m in run.moments] == [(0, 0.0, None, 0.003), (3, 1.0, 0.75, 0.0025)]
    for i, m in enumerate(run.moments):
        for l in range(2):
            for got, name in ((m.weights[l], f"m{i}.w{l}"), (m.biases[l], f"m{i}.b{l}")):
                assert got.dtype == np.float16
                np.testing.assert_array_equal(got, t[name])
    assert run.moments[0].state is None
    s = run.moments[1].state
    assert (s.optimizer["t"], s.batches, s.start_loss, s.smoothed, s.train_seconds) == (3, 3, 2.25, 1.5, 4.5)
    assert s.rng == RNG and not s.mid_epoch
    assert [vars(e) for e in s.epochs] == [EPOCH]
    for l in range(2):
        for got, name in ((s.weights[l], f"s1.w{l}"), (s.biases[l], f"s1.b{l}"),
                          (s.good[0][l], f"s1.good.w{l}"), (s.good[1][l], f"s1.good.b{l}")):
            assert got.dtype == np.float32
            np.testing.assert_array_equal(got, t[name])
    assert len(s.optimizer["arrays"]) == 8
    for k, got in enumerate(s.optimizer["arrays"]):
        assert got.dtype == np.float32
        np.testing.assert_array_equal(got, t[f"s1.opt{k}"])
    h = run.history
    assert (h.status, h.stop_reason, h.batches) == ("stopped", "stopped by the learner", 7)
    series = h.batch_loss
    assert (series.capacity, series.start, series.stride, series.count) == (4, 2, 2, 7)
    assert series.x.dtype == np.float64 and series.x.tolist() == [2.5, 4.5] and series.y.tolist() == [1.25, 0.875]
    # the half-made point continues: one more batch completes it as the mean of its two
    series.append(9.0, 1.5)
    assert series.x.tolist() == [2.5, 4.5, 8.0] and series.y.tolist() == [1.25, 0.875, 1.0]
    assert [vars(e) for e in h.epochs] == [EPOCH, dict(EPOCH, epoch=2, val_loss=None, val_accuracy=None,
                                                      samples_per_s=0.0, seconds=0.0)]
    assert run.diagnoses == []


def test_what_a_recording_may_leave_out_gets_its_default(tmp_path):
    meta, t = base()
    for key in ("exact", "blas_threads", "blas_library", "history"):
        del meta[key]
    state = meta["moments"][1]["state"]
    del state["start_loss"], state["smoothed"]
    state["good"] = False
    state["optimizer_arrays"] = 0
    state["epochs"] = [{"epoch": 1, "train_loss": 0.5, "train_accuracy": 0.5}]
    run = load_recording(write(tmp_path, meta, t))
    assert run.exact is True and run.blas_threads == 1 and run.blas_library == "" and run.history is None
    s = run.moments[1].state
    assert s.start_loss is None and s.smoothed is None and s.good is None and s.optimizer["arrays"] == []
    assert [vars(e) for e in s.epochs] == [{"epoch": 1, "train_loss": 0.5, "train_accuracy": 0.5, "val_loss": None,
                                            "val_accuracy": None, "test_loss": None, "test_accuracy": None,
                                            "samples_per_s": 0.0, "seconds": 0.0}]
    # a history without "start" (files before continued runs): from batch 0
    meta, t = base()
    del meta["history"]["loss"]["start"]
    meta["history"]["loss"].update(count=4, part_n=0)
    series = load_recording(write(tmp_path, meta, t)).history.batch_loss
    assert (series.start, series.count, series.x.tolist()) == (0, 4, [2.5, 4.5])
    # a run stopped before its first whole point: no batch losses yet
    meta, t = base()
    meta["history"]["loss"].update(start=3, count=3, part_n=0)
    t["history.loss.x"] = t["history.loss.y"] = np.zeros(0)
    series = load_recording(write(tmp_path, meta, t)).history.batch_loss
    assert (series.start, series.count, len(series.x)) == (3, 3, 0)
    # batch losses are float64 as in memory: not rounded to float32, nor refused past its range
    meta, t = base()
    t["history.loss.y"] = np.array([0.1, 1e39])
    assert load_recording(write(tmp_path, meta, t)).history.batch_loss.y.tolist() == [0.1, 1e39]


def test_a_history_whose_start_is_null_starts_at_0(tmp_path):
    # null is what the reader takes for "absent" everywhere (it crashed here before)
    meta, t = base()
    meta["history"]["loss"].update(start=None, count=5)
    meta["history"]["stop_reason"] = None
    run = load_recording(write(tmp_path, meta, t))
    assert (run.history.batch_loss.start, run.history.batch_loss.count, run.history.stop_reason) == (0, 5, None)


def test_long_texts_are_cut_and_a_diverged_runs_nan_losses_are_kept(tmp_path):
    meta, t = base()
    meta["blas_library"] = "B" * 250
    meta["history"]["stop_reason"] = "R" * 1500
    meta["history"]["epochs"][1].update(train_loss=math.nan, val_loss=math.nan, test_loss=math.nan)
    meta["history"]["loss"].update(part_x=math.nan, part_y=-1e300)
    meta["history"]["status"] = "diverged"
    run = load_recording(write(tmp_path, meta, t))
    assert run.blas_library == "B" * 200 and run.history.stop_reason == "R" * 1000
    e = run.history.epochs[1]
    assert math.isnan(e.train_loss) and math.isnan(e.val_loss) and math.isnan(e.test_loss)


# --- limits: accepted at the edge --------------------------------------------------------------

EDGES = [
    ("batches_per_epoch at its most", put(batches_per_epoch=10**9)),
    ("batches_per_epoch at its least", put(batches_per_epoch=1)),
    ("blas_threads at its most", put(blas_threads=1024)),
    ("blas_threads at its least", put(blas_threads=1)),
    ("a step at 2^53", put(**{"moments.1.step": 2**53})),
    ("epoch at its most", put(**{"moments.1.epoch": 1e7})),
    ("loss at its most", put(**{"moments.1.loss": 1e30})),
    ("loss at zero", put(**{"moments.1.loss": 0.0})),
    ("lr at its most", put(**{"moments.1.lr": 1e9})),
    ("lr at zero", put(**{"moments.1.lr": 0})),
    ("a class name of 200 characters", put(class_names=["c" * 200, "dog"])),
    ("the rng's largest state", put(**{f"{SP}.rng.state.state": 2**128 - 1, f"{SP}.rng.state.inc": 2**128 - 1})),
    ("the rng's least state", put(**{f"{SP}.rng.state.state": 0, f"{SP}.rng.state.inc": 1})),
    ("the rng's largest uinteger", put(**{f"{SP}.rng.uinteger": 2**32 - 1})),
    ("the rng's least uinteger", put(**{f"{SP}.rng.uinteger": 0, f"{SP}.rng.has_uint32": 0})),
    ("start_loss at its edges", put(**{f"{SP}.start_loss": 0.0, f"{SP}.smoothed": 1e30})),
    ("smoothed at zero", put(**{f"{SP}.smoothed": 0.0, f"{SP}.start_loss": 1e30})),
    ("train_seconds at its most", put(**{f"{SP}.train_seconds": 1e9})),
    ("optimizer_t and batches at their most", put(**{f"{SP}.optimizer_t": 2**53, f"{SP}.batches": 2**53})),
    ("an epoch record at its edges", put(**{"history.epochs.0": dict(
        EPOCH, epoch=10**7, train_loss=1e30, train_accuracy=1.0, val_loss=0.0, val_accuracy=0.0, test_loss=1e30,
        test_accuracy=1.0, samples_per_s=1e12, seconds=1e9)})),
    ("an epoch record at its other edges", put(**{"history.epochs.0": dict(
        EPOCH, epoch=1, train_loss=0.0, train_accuracy=0.0, val_loss=1e30, val_accuracy=1.0, test_loss=0.0,
        test_accuracy=0.0, samples_per_s=0.0, seconds=0.0)})),
    ("a history's capacity at its most", put(**{f"{HIST}.capacity": 2**20})),
    ("a history full to its capacity", put(**{f"{HIST}.capacity": 2})),
    ("part_x and part_y at their edges", put(**{f"{HIST}.part_x": 1e300, f"{HIST}.part_y": -1e300})),
    ("a history whose every point is whole", put(**{f"{HIST}.count": 6, f"{HIST}.part_n": 0})),
]


@pytest.mark.parametrize("change", [c for _, c in EDGES], ids=[i for i, _ in EDGES])
def test_every_limit_is_accepted_at_its_edge(tmp_path, change):
    meta, t = base()
    change(meta, t)
    run = load_recording(write(tmp_path, meta, t))
    assert run.moments[-1].step in (3, 2**53) and run.history.status == "stopped"


def test_the_largest_network_annviz_opens_is_not_refused_for_its_size(tmp_path):
    # 2048·2033 + 15·2048·2049 = 2^26 weights and biases: exactly the most (MAX_PARAMETERS)
    meta, t = base()
    meta["sizes"] = [2032] + [2048] * 16
    with pytest.raises(RunFileError) as caught:
        load_recording(write(tmp_path, meta, t))
    assert caught.value.reason == "activations should hold 16 entries, not 2"   # the next check's
    meta["sizes"] = [3] + [1] * 32                          # 33 sizes: as many as there may be
    with pytest.raises(RunFileError) as caught:
        load_recording(write(tmp_path, meta, t))
    assert caught.value.reason == "activations should hold 32 entries, not 2"
    meta["sizes"] = [1, 2048, 2]                            # the smallest and largest layers
    with pytest.raises(RunFileError) as caught:
        load_recording(write(tmp_path, meta, t))
    assert caught.value.reason == "damaged recording: tensor m0.w0 has shape (4, 3), expected (2048, 1)"
