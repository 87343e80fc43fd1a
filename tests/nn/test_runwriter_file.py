"""Recordings written to disk (runwriter.py): a run made by hand — float32 pictures of a diverging
run, states in float64, the last good weights, a stopped history — written, then read back by
annviz and by the safetensors format's own rules; and the writer's thinning and refusals."""

from __future__ import annotations

import json
import signal
import struct

import numpy as np
import pytest
from safetensors.numpy import load_file

from annviz.nn import recording as recording_module
from annviz.nn.config import TrainConfig
from annviz.nn.history import BoundedSeries, EpochRecord, History
from annviz.nn.recording import Moment, Recording
from annviz.nn.runfile import load_recording
from annviz.nn.runwriter import RecordingWriter, save_recording
from annviz.nn.trainer import TrainerState

CONFIG = TrainConfig(hidden=(4,), activation="relu", optimizer="adam", lr=0.003, batch_size=5, epochs=2, n_train=15)
SHAPES = [(4, 3), (2, 4)]
RNG = np.random.default_rng(5).bit_generator.state
EPOCH = EpochRecord(epoch=1, train_loss=0.625, train_accuracy=0.75, val_loss=0.5, val_accuracy=0.8125,
                    test_loss=0.4375, test_accuracy=0.875, samples_per_s=1500.0, seconds=2.5)


def arrays(start, dtype, shapes=SHAPES):
    ws = tuple(((np.arange(np.prod(s)) + start + 10 * l) / 8).reshape(s).astype(dtype) for l, s in enumerate(shapes))
    bs = tuple(((np.arange(s[0]) + start + 10 * l + 50) / 8).astype(dtype) for l, s in enumerate(shapes))
    return ws, bs


def state(start, good=True, mid_epoch=False):
    ws, bs = arrays(start, np.float64)          # not float32: the file holds float32 all the same
    ws = tuple(np.asfortranarray(w) for w in ws)   # nor contiguous
    per_param = [*SHAPES, *((s[0],) for s in SHAPES)]
    opt = [np.full(per_param[k % 4], start + k, np.float32) for k in range(8)]
    return TrainerState(ws, bs, {"t": start, "arrays": opt}, RNG, start, (EPOCH,),
                        arrays(start + 500, np.float32) if good else None, 2.25, 1.5, 4.5,
                        {"order": np.arange(3)} if mid_epoch else None)


def moment(step, st=None, start=None):
    ws, bs = arrays(step * 100 if start is None else start, np.float32)
    return Moment(step, step / 3, None if step <= 0 else 1.0 / (step + 1), 0.003, ws, bs, st)


def template(**kw):
    return Recording(CONFIG, [3, 4, 2], ["relu", "softmax"], ["cat", "dog"], 3, **kw)


def history():
    series = BoundedSeries(capacity=4)
    series.append(np.arange(1.0, 8.0), np.arange(7.0, 0.0, -1))   # 7 batches: 3 points of 2, and a half
    return History(series, [EPOCH], "stopped", "stopped by the learner")


def test_a_run_written_by_the_writer_reads_back_whole(tmp_path):
    diverged = moment(0)
    diverged.weights[0][0, :3] = (1e6, -1e6, np.nan)      # beyond float16: kept finite
    moments = [diverged, moment(3, state(7)), moment(4, state(9, mid_epoch=True)), moment(6, state(11, good=False))]
    run = template(exact=False, blas_threads=3, blas_library="OpenBLAS 0.3.27")
    with RecordingWriter(tmp_path / "new" / "folder" / "run.annviz-run", run) as writer:   # a new folder
        for m in moments:
            writer.add(m)
        assert writer.moments == 4
        path = writer.finish(history())
    back = load_recording(path)
    assert (back.exact, back.blas_threads, back.blas_library) == (False, 3, "OpenBLAS 0.3.27")
    assert back.config == CONFIG and back.sizes == [3, 4, 2] and back.class_names == ["cat", "dog"]
    assert [(m.step, m.loss) for m in back.moments] == [(0, None), (3, 0.25), (4, 0.2), (6, 1 / 7)]
    assert back.moments[0].weights[0][:2].tolist() == [[65504.0, -65504.0, 0.0], [0.375, 0.5, 0.625]]
    for a, b in zip(moments[1:], back.moments[1:]):
        for x, y in zip(a.weights + a.biases, b.weights + b.biases):
            np.testing.assert_array_equal(x.astype(np.float16), y)
    assert [m.state is not None for m in back.moments] == [False, True, False, True]  # mid-epoch: not kept
    for original, kept in ((moments[1].state, back.moments[1].state), (moments[3].state, back.moments[3].state)):
        assert (kept.optimizer["t"], kept.batches, kept.rng, kept.epochs) == \
            (original.optimizer["t"], original.batches, RNG, (EPOCH,))
        assert (kept.start_loss, kept.smoothed, kept.train_seconds) == (2.25, 1.5, 4.5)
        for x, y in zip(original.weights + original.biases + tuple(original.optimizer["arrays"]),
                        kept.weights + kept.biases + tuple(kept.optimizer["arrays"])):
            assert y.dtype == np.float32
            np.testing.assert_array_equal(x, y)
    good = back.moments[1].state.good
    for x, y in zip(moments[1].state.good[0] + moments[1].state.good[1], good[0] + good[1]):
        np.testing.assert_array_equal(x, y)
    assert back.moments[3].state.good is None
    h = back.history
    assert (h.status, h.stop_reason, h.epochs) == ("stopped", "stopped by the learner", [EPOCH])
    assert h.batch_loss.x.tolist() == [1.5, 3.5, 5.5] and h.batch_loss.y.tolist() == [6.5, 4.5, 2.5]
    assert (h.batch_loss.count, h.batch_loss.stride) == (7, 2)
    h.batch_loss.append(8.0, 0.0)                              # the half point left goes on
    assert h.batch_loss.x.tolist()[-1] == 7.5 and h.batch_loss.y.tolist()[-1] == 0.5


def test_the_file_is_a_safetensors_file_as_the_format_says(tmp_path):
    path = save_recording(tmp_path / "run.annviz-run", _run_with_states(3))
    data = path.read_bytes()
    (n,) = struct.unpack("<Q", data[:8])
    text = data[8:8 + n]
    assert n % 8 == 0                                           # the tensors begin 8-byte aligned
    header = json.loads(text)
    assert text.rstrip(b" ") == json.dumps(header, separators=(",", ":")).encode()   # compact, as safetensors
    spans = sorted(tuple(v["data_offsets"]) for k, v in header.items() if k != "__metadata__")
    assert spans[0][0] == 0 and all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert spans[-1][1] == len(data) - 8 - n                   # no gap, nothing after
    tensors = load_file(path)
    assert sorted(tensors) == sorted([f"m{i}.{p}{l}" for i in range(3) for p in "wb" for l in range(2)]
                                     + [f"s{i}.{p}{l}" for i in (1, 2) for p in "wb" for l in range(2)]
                                     + [f"s{i}.opt{k}" for i in (1, 2) for k in range(8)]
                                     + [f"s{i}.good.{p}{l}" for i in (1, 2) for p in "wb" for l in range(2)])


def _run_with_states(n):
    run = template()
    for i in range(n):
        run.add(moment(3 * i, state(20 + i) if i else None))
    return run


def test_states_past_the_most_are_thinned_as_in_memory_and_leave_nothing_in_the_file(tmp_path, monkeypatch):
    moments = [moment(3 * i, state(20 + i, good=False)) for i in range(1, 7)]
    monkeypatch.setattr(recording_module, "MAX_STATES", 3)
    in_memory = template()
    for m in moments:
        in_memory.add(m)
    kept = [m.state is not None for m in in_memory.moments]
    assert kept == [True, False, False, False, True, True]
    for m, original in zip(moments, [state(20 + i, good=False) for i in range(1, 7)]):
        m.state = original                                      # thinning in memory forgot them
    with RecordingWriter(tmp_path / "run.annviz-run", template(), max_states=3) as writer:
        for m in moments:
            writer.add(m)
        path = writer.finish()
    assert [m.state is not None for m in load_recording(path).moments] == kept
    assert sorted(k for k in load_file(path) if k.startswith("s") and k.endswith("w0")) == ["s0.w0", "s4.w0", "s5.w0"]


def test_a_run_of_exactly_the_most_bytes_is_not_thinned_and_one_byte_less_is(tmp_path):
    per_moment = sum(2 * (a * b + a) for a, b in SHAPES)        # float16 pictures
    for most, steps in ((5 * per_moment, [0, 1, 2, 3, 4]), (5 * per_moment - 1, [0, 2, 4])):
        with RecordingWriter(tmp_path / "run.annviz-run", template(), max_bytes=most) as writer:
            for step in range(5):
                writer.add(moment(step))
            assert [m.step for m in load_recording(writer.finish()).moments] == steps


def test_a_run_that_cannot_be_thinned_below_the_most_is_kept_as_it_is(tmp_path):
    # nothing left to drop: the writer stops thinning (it must not loop for ever)
    alarm = getattr(signal, "SIGALRM", None)
    if alarm is not None:
        def stuck(*_):
            raise TimeoutError("the writer kept thinning a run it cannot thin")
        signal.signal(alarm, stuck)
        signal.alarm(20)
    try:
        with RecordingWriter(tmp_path / "run.annviz-run", template(), max_bytes=1) as writer:
            writer.add(moment(0, state(3, good=False)))
            writer.add(moment(3, state(4, good=False)))
            path = writer.finish()
    finally:
        if alarm is not None:
            signal.alarm(0)
    assert [m.state is not None for m in load_recording(path).moments] == [True, True]


def test_the_writer_refuses_moments_out_of_order_and_an_empty_run(tmp_path):
    with RecordingWriter(tmp_path / "run.annviz-run", template()) as writer:
        with pytest.raises(ValueError, match=r"^moment -1 comes after -1$"):
            writer.add(moment(-1, start=0))
        writer.add(moment(2))
        with pytest.raises(ValueError, match=r"^moment 2 comes after 2$"):
            writer.add(moment(2))
        with pytest.raises(ValueError, match=r"^moment 1 comes after 2$"):
            writer.add(moment(1))
    with RecordingWriter(tmp_path / "empty.annviz-run", template()) as writer:
        with pytest.raises(ValueError, match=r"^a recording needs at least one moment$"):
            writer.finish()
    assert sorted(p.name for p in tmp_path.iterdir()) == []      # nothing left behind


def test_the_scratch_file_goes_beside_the_recording_not_to_the_systems_temporary_folder(tmp_path, monkeypatch):
    # a school laptop's temporary folder may be small, full or gone: a long run's moments wait on
    # the disk the learner chose
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no such folder"))
    path = save_recording(tmp_path / "run.annviz-run", _run_with_states(2))
    assert [m.step for m in load_recording(path).moments] == [0, 3]
