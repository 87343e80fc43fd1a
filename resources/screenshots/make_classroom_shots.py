"""Screenshots of the classroom zoom: 150 % on a 1920×1080 window, in English and Korean.

    QT_QPA_PLATFORM=offscreen python resources/screenshots/make_classroom_shots.py [en|ko ...]

Builds the whole app window as ``annviz`` does, zooms to 150 % (View → Zoom), draws a 3 on the
pad and selects an output neuron (explorer shot), then shows the training page and the insight
page's evaluation. Needs a Korean font (fonts-nanum) for the Korean shots.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from captions import each_language  # noqa: E402  (this folder)
from make_training_shots import THREE, wait_for  # noqa: E402
from make_truth_shots import HERE, draw, make_window, settle  # noqa: E402

ZOOM = 1.5
SIZE = (1920, 1080)


def shots(app: QApplication, lang: str, folder: str) -> None:
    window = make_window(app, lang, folder)
    window.set_zoom(ZOOM)
    window.resize(*SIZE)
    settle(app, 0.6)
    tag = f"{lang}-{round(ZOOM * 100)}"

    draw(window.explorer.pad_panel.pad, THREE)
    window.state.select_neuron(len(window.state.network.sizes) - 1, 3)
    window.explorer.inspector_dock.raise_()
    settle(app, 0.6)
    window.grab().save(str(HERE / f"classroom-explorer-{tag}.png"))

    window.tabs.setCurrentWidget(window.training.page)
    settle(app, 0.6)
    window.grab().save(str(HERE / f"classroom-training-{tag}.png"))

    insight = next(window.tabs.widget(i) for i in range(window.tabs.count())
                   if hasattr(window.tabs.widget(i), "results"))
    window.tabs.setCurrentWidget(insight)
    wait_for(app, lambda: insight.results is not None, 60)
    settle(app, 0.6)
    window.grab().save(str(HERE / f"classroom-insight-{tag}.png"))

    window.set_zoom(1.0)
    window.close()
    settle(app)


def main() -> None:
    each_language(shots)


if __name__ == "__main__":
    main()
