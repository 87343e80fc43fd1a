"""Screenshots of the training page (issue 13) at 1280×800 and 1920×1080, in English and Korean.

    QT_QPA_PLATFORM=offscreen python resources/screenshots/make_training_shots.py [en|ko ...]

Builds the whole app window as ``annviz`` does, draws a 3 on the pad, trains the notes' preset in
slow motion for a moment (mid-run shot), then lets it finish and scrubs the timeline back to
batch 30 (time-machine shot). Needs a Korean font (fonts-nanum) for the Korean shots.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from annviz.gui.training.presets import PRESETS  # noqa: E402
from make_truth_shots import HERE, draw, make_window, settle  # noqa: E402

THREE = [(0.3, 0.2), (0.5, 0.12), (0.7, 0.2), (0.65, 0.4), (0.45, 0.5), (0.68, 0.6), (0.7, 0.8),
         (0.5, 0.9), (0.28, 0.82)]


def wait_for(app, condition, seconds: float) -> None:
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        settle(app, 0.05)


def shots(app: QApplication, lang: str, size: tuple[int, int], folder: str) -> None:
    window = make_window(app, lang, folder)
    window.resize(*size)
    area = window.training
    window.tabs.setCurrentWidget(area.page)
    settle(app)
    draw(window.explorer.pad_panel.pad, THREE)
    notes = next(p for p in PRESETS if p.key == "notes")
    area.panel.settings.set_config(notes.config.replace(epochs=3))
    area.speed.set_speed(200)
    area.panel.start()
    window.state.select_neuron(1, 3)
    wait_for(app, lambda: (area.panel.controls.progress or 0) and area.panel.controls.progress.step > 1500, 60)
    settle(app, 0.6)
    tag = f"{lang}-{size[0]}"
    window.grab().save(str(HERE / f"training-midrun-{tag}.png"))
    area.speed.set_speed(None)
    wait_for(app, lambda: area.controller.phase == "done", 120)
    area.timeline.go_to_step(30)
    settle(app, 0.6)
    window.grab().save(str(HERE / f"training-scrub-{tag}.png"))
    area.controller.discard()
    window.close()
    settle(app)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    langs = sys.argv[1:] or ["en", "ko"]
    with tempfile.TemporaryDirectory() as folder:
        for lang in langs:
            for size in ((1280, 800), (1920, 1080)):
                shots(app, lang, size, folder)


if __name__ == "__main__":
    main()
