"""``python -m annviz.gui.lab [--lang ko] [--tab playground] [--play]``: the neuron lab alone in a
window (for trying it out and for screenshots)."""

from __future__ import annotations

import argparse
import sys

from annviz.gui.common.qtapp import start_qt
from annviz.gui.i18n import system_language
from annviz.gui.lab.page import TABS, LabPage


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m annviz.gui.lab", description=__doc__)
    parser.add_argument("--lang", choices=["en", "ko"], default=None, help="interface language")
    parser.add_argument("--tab", choices=TABS, default=TABS[0], help="the part to open")
    parser.add_argument("--preset", choices=["tasty"], default=None, help="load a neuron preset")
    parser.add_argument("--dataset", default=None, help="perceptron or playground dataset to show")
    parser.add_argument("--hidden", default=None, help="playground hidden layers, e.g. 8,8,8")
    parser.add_argument("--play", action="store_true", help="start training at once")
    args = parser.parse_args(argv)

    app = start_qt([], args.lang or system_language())
    if app is None:
        return 1
    page = LabPage()
    page.resize(1260, 780)
    page.setWindowTitle(page.title())
    hidden = tuple(int(n) for n in args.hidden.split(",")) if args.hidden else None
    page.open_part(args.tab, preset=args.preset, dataset=args.dataset, hidden=hidden, play=args.play)
    app.aboutToQuit.connect(page.shutdown)
    page.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
