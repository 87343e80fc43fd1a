"""``python -m annviz.gui.insight [MODEL] [--lang ko] [--tab N] [--cell T P]``: the page alone.

Opens a bundled model (mnist-classic, else mnist-best) and the first test image, for screenshots.
"""

from __future__ import annotations

import argparse
import sys

from annviz.data.datasets import load_named_dataset, to_inputs
from annviz.gui.common.qtapp import start_qt
from annviz.gui.insight.page import InsightPage
from annviz.gui.state import AppState
from annviz.nn.modelfile import load_model
from annviz.paths import bundled_model


def default_model():
    for name in ("mnist-classic", "mnist-best"):
        if bundled_model(name).exists():
            return bundled_model(name)
    raise SystemExit("no bundled model found: pass a model file")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m annviz.gui.insight")
    parser.add_argument("model", nargs="?", help="a .safetensors model (default: a bundled one)")
    parser.add_argument("--lang", default="en", help="en or ko")
    parser.add_argument("--tab", type=int, default=0, help="the tab to open")
    parser.add_argument("--example", type=int, default=0, help="the test image to start with")
    parser.add_argument("--cell", type=int, nargs=2, metavar=("TRUE", "PREDICTED"),
                        help="the confusion-matrix cell whose images the gallery shows")
    args = parser.parse_args(argv)

    app = start_qt([], args.lang)
    if app is None:
        return 1
    path = args.model or default_model()
    network, info = load_model(path)
    state = AppState()
    state.set_model(network, info, path)
    test = load_named_dataset(info.dataset)
    page = InsightPage(state)
    state.show_example(to_inputs(test.test_images[args.example]).reshape(28, 28),
                       int(test.test_labels[args.example]))
    page.setWindowTitle("annviz — insight")
    page.tabs.setCurrentIndex(args.tab)
    if args.cell:
        page.evaluation.select_cell(*args.cell)
    page.resize(1280, 800)
    page.show()
    app.aboutToQuit.connect(page.shutdown)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
