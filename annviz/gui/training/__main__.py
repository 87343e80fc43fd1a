"""``python -m annviz.gui.training [--start PRESET]``: the training area in a window of its own.

It has its own app state, so everything the area does can be tried without the explorer;
``--start notes`` (or fast, too-high, linear) chooses a preset and starts training at once.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QMainWindow

from annviz.gui import i18n
from annviz.gui.common.qtapp import start_qt
from annviz.gui.state import AppState
from annviz.gui.training.area import TrainingArea
from annviz.gui.training.presets import PRESETS


class TrainingWindow(QMainWindow):
    def __init__(self, state: AppState):
        super().__init__()
        self.area = TrainingArea(state, self)
        self.setCentralWidget(self.area.page)
        self.installEventFilter(self.area)
        self.setWindowTitle("annviz — training")
        self.resize(1200, 760)

    def closeEvent(self, event) -> None:
        self.area.shutdown()
        super().closeEvent(event)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m annviz.gui.training")
    parser.add_argument("--start", choices=[p.key for p in PRESETS], help="start this preset at once")
    parser.add_argument("--lang", choices=list(i18n.LANGUAGES), default="en")
    args = parser.parse_args(argv)
    app = start_qt([], args.lang)
    if app is None:
        return 1
    window = TrainingWindow(AppState())
    window.show()
    if args.start:
        panel = window.area.panel
        panel.preset.setCurrentIndex(1 + [p.key for p in PRESETS].index(args.start))
        panel.preset.activated.emit(panel.preset.currentIndex())
        panel.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
