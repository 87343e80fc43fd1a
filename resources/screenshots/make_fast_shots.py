"""Screenshots of the "98.5 % before the bell" preset (issue 25) at 1366×768, in English and Korean.

    QT_QPA_PLATFORM=offscreen python resources/screenshots/make_fast_shots.py [en|ko ...]

Builds the whole app window as ``annviz`` does, draws a 3 on the pad, chooses the preset on the
training page, shows the Learning tab (the schedule and label smoothing) and trains the whole
recipe at full speed in the app; the shot is taken at the end, with "98.5 % in … s" under the
curves. The seconds are the app's training time on the machine that made the shot (the app
trains with one BLAS thread; the benchmark's headless figure is in the README's Speed section).
Needs a Korean font (fonts-nanum) for the Korean shot.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from captions import each_language, shot  # noqa: E402
from make_training_shots import THREE, wait_for  # noqa: E402
from make_truth_shots import draw, make_window, settle  # noqa: E402


def fast_shot(app: QApplication, lang: str, folder: str) -> None:
    window = make_window(app, lang, folder)
    window.resize(1366, 768)
    area = window.training
    window.tabs.setCurrentWidget(area.page)
    settle(app)
    draw(window.explorer.pad_panel.pad, THREE)
    panel = area.panel
    index = panel.preset.findData("fast")
    panel.preset.setCurrentIndex(index)
    panel.preset.activated.emit(index)
    panel.settings.tabs.setCurrentWidget(panel.settings.learning_box)
    area.speed.set_speed(None)
    panel.start()
    wait_for(app, lambda: area.controller.phase == "done", 600)
    settle(app, 0.6)
    said = re.sub(r"<[^>]+>", "", area.curves.target_label.text())   # the words, without their bold
    shot(window, f"training-fast-{lang}-1366.png",
         f"The fast preset at the end of its run in the app at 1366×768 ({'English' if lang == 'en' else 'Korean'}): "
         f"the Learning tab with η over the run and label smoothing, “{said}” under the curves")
    print(f"{lang}: {said}")
    area.controller.discard()
    window.close()
    settle(app)


def main() -> None:
    each_language(fast_shot)


if __name__ == "__main__":
    main()
