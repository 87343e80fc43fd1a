"""Every wrong answer of tests/gui/lesson_answers.py, in both languages, the slow ones included and
each watched twice as long as in the default run (issue 20 §2).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_lesson_checks.py [LESSON ...]

Prints each lesson's count of refused answers and its time; stops at the first one accepted.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "gui"), str(HERE.parent)]

from annviz.gui.common.qtapp import start_qt  # noqa: E402
from run_ends import open_window  # noqa: E402
from test_lesson_checks import LESSONS, refuse_every_wrong_answer  # noqa: E402


def main() -> int:
    app = start_qt([])  # as the app starts: its GUI-thread collector included
    chosen = [lesson for lesson in LESSONS if not sys.argv[1:] or lesson.name in sys.argv[1:]]
    with tempfile.TemporaryDirectory() as folder:
        window = open_window(Path(folder) / "settings.ini")
        window.lessons.dock.show()
        started, total = time.perf_counter(), 0
        for lang in ("en", "ko"):
            for lesson in chosen:
                t = time.perf_counter()
                n = refuse_every_wrong_answer(window, lesson, lang, slow=True, watch_factor=2.0)
                total += n
                print(f"{lang} {lesson.name}: {n} wrong answers refused ({time.perf_counter() - t:.1f} s)", flush=True)
        window.training.controller.shutdown()
        window.close()
        app.processEvents()
    print(f"{total} wrong answers refused in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
