"""GIF… on the timeline: written in the background one frame at a time, with progress and Cancel,
each frame captioned with its batch and epoch, each on its own colour scale."""

from __future__ import annotations

import tracemalloc

import numpy as np
from PIL import Image
from PySide6.QtWidgets import QFileDialog

from annviz.gui.training.gif_export import GifExport
from annviz.gui.training.pictures import GIF_SCALE, mosaic_size
from annviz.nn.config import TrainConfig
from annviz.nn.recording import Moment, Recording
from test_time_machine import train, window  # noqa: F401 — the fixture


def frames_of(path) -> list[np.ndarray]:
    with Image.open(path) as gif:
        out = []
        for i in range(gif.n_frames):
            gif.seek(i)
            out.append(np.asarray(gif.convert("RGB")))
    return out


def synthetic_run(hidden: int, n_moments: int, seed: int = 0) -> Recording:
    """A run whose weights grow from ±0.001 to ±1 (log-spaced), as a real one's do."""
    rng = np.random.default_rng(seed)
    config = TrainConfig(hidden=(hidden,), n_train=1000)
    run = Recording(config, [784, hidden, 10], ["sigmoid", "softmax"], [str(i) for i in range(10)], 50)
    pattern = rng.standard_normal((hidden, 784)).astype(np.float32)
    for i, scale in enumerate(np.geomspace(1e-3, 1, n_moments)):
        w = (pattern * scale).astype(np.float16)
        run.add(Moment(i * 5, i * 5 / 50, None, 0.01, (w, np.zeros((10, hidden), np.float16)),
                       (np.zeros(hidden, np.float16), np.zeros(10, np.float16))))
    return run


def test_the_gif_button_writes_every_moment_captioned_in_the_background(window, qtbot, tmp_path, monkeypatch):
    run = train(window, qtbot)
    area = window.training
    path = tmp_path / "weights"                       # typed without the extension
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    seen = []
    area.gif.progress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(area.gif.finished, timeout=30_000):
        area.timeline.gif_button.click()
        assert area.gif_progress().isVisible()        # progress, with Cancel, while it works
    assert not area.gif_progress().isVisible()
    frames = frames_of(tmp_path / "weights.gif")
    n = len(run.moments)
    assert len(frames) == n and seen[-1] == (n, n) and len(seen) == n
    height = mosaic_size(8)[0] * GIF_SCALE
    pictures, captions = [f[:height] for f in frames], [f[height:] for f in frames]
    assert captions[0].shape[0] >= 10 and (captions[0] < 100).any()          # dark letters on white
    assert not np.array_equal(captions[1], captions[2])                       # "Batch 1", "Batch 2"
    assert not np.array_equal(pictures[0], pictures[-1])


def test_each_frame_has_its_own_colour_scale_so_the_first_epoch_is_not_grey(qtbot, tmp_path):
    run = synthetic_run(16, 40)
    export = GifExport()
    with qtbot.waitSignal(export.finished, timeout=30_000):
        export.start(run, tmp_path / "grow.gif")
    frames = frames_of(tmp_path / "grow.gif")
    height = mosaic_size(16)[0] * GIF_SCALE
    first, last = frames[0][:height].astype(int), frames[-1][:height].astype(int)
    # The same pattern at 1/1000 of the size looks the same: the scale follows the weights.
    assert np.abs(first - last).mean() < 2
    spread = first.std(axis=(0, 1)).mean()
    assert spread > 20                                 # colours, not a uniform grey (a whole-run scale: < 1)
    export.shutdown()


def test_cancel_stops_between_two_frames_and_leaves_no_file(qtbot, tmp_path):
    run = synthetic_run(64, 200)
    export = GifExport()
    progress = []
    export.progress.connect(lambda done, total: progress.append(done) or (done == 3 and export.cancel()))
    with qtbot.waitSignal(export.cancelled, timeout=30_000):
        export.start(run, tmp_path / "cut.gif")
    assert 3 <= progress[-1] < 200
    assert list(tmp_path.iterdir()) == []              # nor a temporary file
    export.shutdown()


def test_writing_a_long_gif_keeps_about_one_frame_in_memory(qtbot, tmp_path):
    """240 frames of 784-64: the old export held them all (240 × 0.5 MB as palette images, 3× as RGB)."""
    run = synthetic_run(64, 240)
    export = GifExport()
    tracemalloc.start()
    try:
        with qtbot.waitSignal(export.finished, timeout=60_000):
            export.start(run, tmp_path / "long.gif")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    frame = np.prod(mosaic_size(64)) * GIF_SCALE ** 2            # bytes of one frame's indices
    assert len(frames_of(tmp_path / "long.gif")) == 240
    assert peak < 20 * frame, f"peak {peak / 2**20:.1f} MB for frames of {frame / 2**20:.2f} MB"
    export.shutdown()
