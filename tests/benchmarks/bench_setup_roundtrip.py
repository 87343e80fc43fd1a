"""Every step of every bundled lesson, in both languages, saved as a setup and opened in a new
window each time (issue 20 §3; the default run: one language per step, one second window).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_setup_roundtrip.py [LESSON ...]

Prints what did not come back as it was saved; exits 1 if anything did not.
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
from annviz.lessons.library import catalog  # noqa: E402
from run_ends import open_window  # noqa: E402
from setup_roundtrip import round_trip  # noqa: E402


def main() -> int:
    app = start_qt([])  # as the app starts: its GUI-thread collector included
    lessons = [e.lesson for e in catalog() if e.bundled and (not sys.argv[1:] or e.name in sys.argv[1:])]
    problems, started, n = [], time.perf_counter(), 0
    with tempfile.TemporaryDirectory() as folder:
        saving = open_window(Path(folder) / "saving.ini")
        saving.lessons.dock.show()
        for lang in ("en", "ko"):
            for lesson in lessons:
                for i in range(len(lesson.steps)):
                    opening = open_window(Path(folder) / f"opening-{n}.ini")      # a new window each time
                    opening.lessons.dock.show()
                    found = round_trip(saving, opening, lesson, i, lang, Path(folder) / f"{n}.annviz")
                    problems += found
                    print(f"{lang} {lesson.name} step {i + 1}: {'ok' if not found else found}", flush=True)
                    opening.training.controller.shutdown()
                    opening.close()
                    opening.deleteLater()
                    app.processEvents()
                    n += 1
        saving.training.controller.shutdown()
        saving.close()
    print(f"{n} setups, {len(problems)} differences, {time.perf_counter() - started:.0f} s")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
