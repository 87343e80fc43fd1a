"""Every combination of the fit test: 2 languages × 4 screens and zooms × the lesson drawer open or
closed, every page and tab of each (issue 20). The default run tries a sample (tests/gui/test_fit.py).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_fit.py [--lang ko] [--screen 1366x768@100%]
    ... bench_fit.py --doctor      # the training page with the doctor's tab (issue 27)

Prints each combination's problems and their count; exits 1 if there are any. Plot axis titles
longer than their axis and plots larger than their view are checked up to 150 % (as in the default
run); ``--axis-titles`` checks them at 200 % too, where a few remain (the histograms of a deep
network, long axis titles of narrow plots).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "gui"), str(HERE.parent)]

from PySide6.QtWidgets import QApplication  # noqa: E402

from annviz.gui.common.qtapp import start_qt  # noqa: E402
from fit_check import LANGUAGES, SCREENS, combination_problems, prediction_panel_problems  # noqa: E402
from run_ends import open_window  # noqa: E402


def wait_until(condition, timeout: int) -> None:
    end = time.monotonic() + timeout / 1000
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("the doctor's run did not end in time")
        app = QApplication.instance()
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=LANGUAGES, action="append")
    parser.add_argument("--screen", choices=[s.name for s in SCREENS], action="append")
    parser.add_argument("--axis-titles", action="store_true", help="check plot axis titles too")
    parser.add_argument("--doctor", action="store_true",
                        help="the training page alone, with the doctor's tab at its fullest (two diagnoses)")
    args = parser.parse_args()
    app = start_qt([])  # as the app starts: its GUI-thread collector included
    with tempfile.TemporaryDirectory() as folder:
        window = open_window(Path(folder) / "settings.ini")
        only = None
        if args.doctor:
            from test_doctor_page import show_the_fullest_diagnosis
            show_the_fullest_diagnosis(window, wait_until)
            only = window.training.page
        total, started = 0, time.perf_counter()
        for lang in args.lang or LANGUAGES:
            for screen in [s for s in SCREENS if not args.screen or s.name in args.screen]:
                for drawer in (True, False):
                    t = time.perf_counter()
                    problems = combination_problems(window, lang, screen, drawer, args.axis_titles, only=only)
                    total += len(problems)
                    print(f"{lang} {screen.name} {'drawer' if drawer else 'closed'}: {len(problems)} problems "
                          f"({time.perf_counter() - t:.1f} s)", flush=True)
                    for problem in problems:
                        print("   ", problem)
                problems = prediction_panel_problems(window, lang, screen)     # issue 24: the panel's
                total += len(problems)                                         # prediction, teacher bar
                print(f"{lang} {screen.name} prediction steps: {len(problems)} problems", flush=True)
                for problem in problems:
                    print("   ", problem)
        window.training.controller.shutdown()
        window.close()
        app.processEvents()
    print(f"{total} problems in all, {time.perf_counter() - started:.0f} s")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
