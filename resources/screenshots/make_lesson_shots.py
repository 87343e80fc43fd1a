"""Screenshots of a lesson step beside its page, with its highlights, at 1280×800 (issue 12).

    QT_QPA_PLATFORM=offscreen python resources/screenshots/make_lesson_shots.py [ko|en ...]

Builds the whole app window as ``annviz`` does and opens two bundled lessons through the lessons
area, as Help → Lessons would: the taste neuron (lesson 1, step 2: the senses highlighted, the
weights and the bias locked, the task's live state under the text) and a 7 the network reads as
1 (lesson 7, step 1, drawn with the lesson's own answer). Needs a Korean font (fonts-nanum) for
the Korean shots.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from captions import each_language  # noqa: E402  (this folder)
from make_truth_shots import HERE, make_window, settle  # noqa: E402

SHOTS = (("neuron", 1, False), ("how-good", 0, True))   # (lesson, step index, play its answer)


def shots(app: QApplication, lang: str, folder: str) -> None:
    window = make_window(app, lang, folder)
    window.resize(1280, 800)
    area = window.lessons
    for name, step, answer in SHOTS:
        area.open_lesson(name, step)
        player = area.player
        if answer:
            for action in player.lesson.steps[step].task.answer:
                player.driver.perform(action)
        settle(app, 0.8)
        player.check_now()
        settle(app, 0.5)
        window.grab().save(str(HERE / f"lesson-{name}-{lang}.png"))
    window.close()
    settle(app)


def main() -> None:
    each_language(shots, default=("ko",))


if __name__ == "__main__":
    main()
