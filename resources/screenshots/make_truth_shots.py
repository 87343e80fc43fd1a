"""Screenshots of issue 11's views at 1280×800, in English and Korean (repeatable).

    QT_QPA_PLATFORM=offscreen python resources/screenshots/make_truth_shots.py [en|ko ...]

Builds the whole app window as ``annviz`` does, sets a state through public methods, and saves
``window.grab()``: a 3 drawn on the pad (the README's first picture), the inspector on an output neuron, the deeper layers and biases, the
playground with 6 hidden layers, and the explorer saying "not sure" about a drawn "#". Needs a
Korean font (fonts-nanum) for the Korean shots.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QPoint, QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annviz.data import load_dataset  # noqa: E402
from annviz.gui.app import arrange_default_layout, install_areas  # noqa: E402
from annviz.gui.common.wheel_guard import install_wheel_guard  # noqa: E402
from annviz.gui.main_window import MainWindow  # noqa: E402
from annviz.gui.state import AppState  # noqa: E402
from captions import percent, shot  # noqa: E402  (this folder)

HERE = Path(__file__).resolve().parent


def settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def make_window(app: QApplication, lang: str, settings_dir: str) -> MainWindow:
    state = AppState()
    window = MainWindow(state, QSettings(str(Path(settings_dir) / f"{lang}.ini"), QSettings.Format.IniFormat))
    window.set_language(lang)
    window.load_initial_model()
    install_areas(window, state)
    arrange_default_layout(window)
    window.resize(1280, 800)
    window.show()
    settle(app)
    return window


def draw(pad, points) -> None:
    """A stroke through ``points`` given as fractions of the pad's canvas."""
    t = pad._target()
    qpoints = [QPoint(int(t.x() + x * t.width()), int(t.y() + y * t.height())) for x, y in points]
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=qpoints[0])
    for p in qpoints[1:]:
        QTest.mouseMove(pad, p)
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=qpoints[-1])


def shots(app: QApplication, lang: str, settings_dir: str) -> None:
    window = make_window(app, lang, settings_dir)
    state, explorer = window.state, window.explorer

    three = [(0.25, 0.2), (0.5, 0.12), (0.72, 0.25), (0.5, 0.48), (0.75, 0.7), (0.5, 0.88), (0.22, 0.8)]
    draw(explorer.pad_panel.pad, [(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)       # the README's first picture
                                  for (x0, y0), (x1, y1) in zip(three, three[1:]) for t in np.linspace(0, 1, 6)])
    settle(app)
    note = " (in Korean)" if lang == "ko" else ""
    shot(window, f"explorer-{lang}.png", "The explorer: a 3 drawn with the mouse, the 28×28 input, the "
         "probabilities, the network diagram and the weight heatmaps" + note)
    explorer.pad_panel.clear_action.trigger()

    data = load_dataset("mnist")
    state.show_example(data.test_images[0] / np.float32(255), int(data.test_labels[0]))
    state.select_neuron(len(state.network.sizes) - 1, int(data.test_labels[0]))
    explorer.inspector_dock.raise_()
    settle(app)
    label = data.class_names[int(data.test_labels[0])]
    shot(window, f"explorer-output-neuron-{lang}.png", f'The inspector on the output neuron for "{label}": '
         f"a_{label} against z_{label} with the other outputs held, the point on the curve" + note)

    explorer.weights_dock.raise_()
    explorer.weights._tabs.setCurrentIndex(1)            # "Deeper layers and biases"
    settle(app)
    explorer.weights.layers._scroll.verticalScrollBar().setValue(120)   # down to W⁽²⁾ and b⁽²⁾
    settle(app)
    shot(window, f"explorer-deeper-layers-{lang}.png", "Deeper layers and biases at 1280×800: square "
         "16×16 matrix, every bias bar" + note)
    explorer.weights._tabs.setCurrentIndex(0)

    explorer.pad_panel.clear_action.trigger()
    def line(x0, y0, x1, y1):
        return [(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t) for t in np.linspace(0, 1, 12)]

    for stroke in (line(0.4, 0.2, 0.4, 0.8), line(0.6, 0.2, 0.6, 0.8), line(0.2, 0.4, 0.8, 0.4),
                   line(0.2, 0.6, 0.8, 0.6)):                # a "#": mnist-classic is not sure
        draw(explorer.pad_panel.pad, stroke)
    settle(app)
    p = state.forward.output[0]                               # what the screen shows: the two largest
    first, second = np.argsort(p)[::-1][:2]
    names = state.class_names
    shot(window, f"explorer-not-sure-{lang}.png", f'The explorer is not sure about a "#"{note}: '
         f"{percent(p[first])} {names[first]}, {percent(p[second])} {names[second]}")

    lab = next(window.tabs.widget(i) for i in range(window.tabs.count())
               if type(window.tabs.widget(i)).__name__ == "LabPage")
    window.tabs.setCurrentWidget(lab)
    lab.open_part("playground")
    view = lab.playground_view
    view.controls.set_config("circle", (8, 6, 6, 6, 6, 4))
    view.play_button.click()
    settle(app, 3.0)
    view.play_button.click()
    settle(app, 0.6)
    shot(window, f"lab-playground-6-layers-{lang}.png", "A network with 6 hidden layers on the plane: "
         "pictures apart, edges visible, titles whole" + note)
    window.close()
    settle(app)


def main(langs: list[str]) -> None:
    app = QApplication.instance() or QApplication(["annviz"])
    install_wheel_guard(app)
    pg.setConfigOptions(imageAxisOrder="row-major")
    with tempfile.TemporaryDirectory() as settings_dir:
        for lang in langs:
            shots(app, lang, settings_dir)


if __name__ == "__main__":
    main(sys.argv[1:] or ["en", "ko"])
