"""``python -m annviz.gui.convolution [--lang ko] [--tab hand|network|train]``: the Convolution page
alone in a window (for trying it out and for screenshots). ``--point B,C,Y,X`` points at pixel (Y, X)
of map C in the B-th row of maps, ``--filter C,F`` opens filter F of convolution C, ``--steps N``
slides the hand filter N positions, ``--train F,F`` starts training that network at once."""

from __future__ import annotations

import argparse
import sys

from annviz.gui.common.qtapp import start_qt
from annviz.gui.convolution.page import TABS, ConvolutionPage
from annviz.gui.i18n import system_language


def _numbers(text: str | None) -> tuple[int, ...]:
    return tuple(int(n) for n in text.split(",")) if text else ()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m annviz.gui.convolution", description=__doc__)
    parser.add_argument("--lang", choices=["en", "ko"], default=None, help="interface language")
    parser.add_argument("--tab", choices=TABS, default="network", help="the tab to open")
    parser.add_argument("--size", default="1366x720", help="the window's size, e.g. 1366x720")
    parser.add_argument("--point", default=None, help="B,C,Y,X: point at a feature map's pixel")
    parser.add_argument("--filter", default=None, help="C,F: open filter F of convolution C (from 0)")
    parser.add_argument("--preset", default=None, help="the hand filter's preset")
    parser.add_argument("--steps", type=int, default=0, help="slide the hand filter this many positions")
    parser.add_argument("--train", default=None, help="F,F: train a CNN with these filters at once")
    args = parser.parse_args(argv)

    app = start_qt([], args.lang or system_language())
    if app is None:
        return 1
    page = ConvolutionPage()
    width, height = (int(n) for n in args.size.lower().split("x"))
    page.resize(width, height)
    page.setWindowTitle(page.title())
    page.show_tab(args.tab)
    if args.preset:
        page.set_hand_preset(args.preset)
    if args.steps:
        page.hand_step(args.steps)
    if args.point:
        page.point_at(*_numbers(args.point))
    app.aboutToQuit.connect(page.shutdown)
    page.show()
    if args.filter:
        page.open_filter(*_numbers(args.filter))
    if args.train:
        page.start_training(_numbers(args.train))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
