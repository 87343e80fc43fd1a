"""Every page on a school laptop, with a lesson beside it: 1366×768 (a 48-pixel taskbar below the
window), English and Korean (issue 20).

    QT_QPA_PLATFORM=offscreen python resources/screenshots/make_school_shots.py [en|ko ...]

Builds the whole app window as ``annviz`` does, at the size it takes on that screen, and opens
for each page a lesson at a step on it — played as a learner would, with the lesson's own answer
where the step has a task — so that the drawer, its text and the page share the screen:
``school-<page>-<lang>.png``, each with its caption in captions.json (``SHOTS``'s; ``captions.py``
puts them in the README). ``--markdown`` prints the README's lines for them. Needs a Korean font
(fonts-nanum) for the Korean shots.
"""

from __future__ import annotations

import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from captions import shot  # noqa: E402
from make_truth_shots import make_window, settle  # noqa: E402

SIZE = (1366, 768 - 48)           # the window on a 1366×768 screen with a taskbar
#: page → (lesson, step index, play its answer, caption)
SHOTS = {
    "explorer": ("how-good", 0, True, "The explorer beside lesson 7: a 7 the network reads as 1 ({lang})"),
    "training": ("learning", 0, False, "The training page beside lesson 8: train your own network ({lang})"),
    "lab": ("neuron", 1, True, "The neuron lab beside lesson 1: the taste neuron, its senses outlined, "
                               "the weights and the bias locked ({lang})"),
    "insight": ("how-good", 1, True, "The insight page beside lesson 7: accuracy and the confusion matrix, "
                                     "a cell off the diagonal chosen ({lang})"),
    "mydigits": (None, 0, False, "My digits beside the list of lessons ({lang})"),
}
LANGUAGE = {"en": "English", "ko": "Korean"}


def shots(app: QApplication, lang: str, folder: str) -> None:
    window = make_window(app, lang, folder)
    window.resize(*SIZE)
    settle(app, 0.5)
    area = window.lessons
    for page, (name, step, answer, caption) in SHOTS.items():
        if name is None:
            area.player.close_lesson()
            area.show_lessons()
            window.tabs.setCurrentWidget(window.mydigits if hasattr(window, "mydigits") else
                                         next(window.tabs.widget(i) for i in range(window.tabs.count())
                                              if window.tabs.widget(i).objectName() == "mydigits-page"))
        else:
            area.open_lesson(name, step)
            settle(app, 1.5)                                  # an evaluation, a model loaded
            if answer:
                for action in area.player.lesson.steps[step].task.answer:
                    area.player.driver.perform(action)
                settle(app, 1.0)
                area.player.check_now()
        settle(app, 0.8)
        shot(window, f"school-{page}-{lang}.png", caption.format(lang=LANGUAGE[lang]))
    window.close()
    settle(app)


def markdown() -> str:
    return "\n".join(f"![{caption.format(lang=LANGUAGE[lang])}](resources/screenshots/school-{page}-{lang}.png)"
                     for lang in LANGUAGE for page, (*_, caption) in SHOTS.items())


def main() -> None:
    if "--markdown" in sys.argv:
        print(markdown())
        return
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        for lang in [a for a in sys.argv[1:] if a in LANGUAGE] or list(LANGUAGE):
            shots(app, lang, folder)


if __name__ == "__main__":
    main()
