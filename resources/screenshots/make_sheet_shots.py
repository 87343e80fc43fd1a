"""Predict, then see, and My lesson sheet (issue 24 §2), at 1366×768 with a taskbar.

    QT_QPA_PLATFORM=offscreen python resources/screenshots/make_sheet_shots.py [ko|en ...]

Builds the whole app window as ``annviz`` does and follows lesson 2 (threshold and bias) through
the lessons area: the first step waiting for the learner's prediction, the page locked
(``predict-step-LANG.png``); then a prediction of b = −2.5, the step's own answer (θ = 3), the
rest of the lesson played, and the sheet's dialog at the last step (``sheet-dialog-LANG.png``) and
the first page of its PDF rendered by the same document (``sheet-page-LANG.png``). Captions go
to captions.json (``captions.py``). Needs a Korean font (fonts-nanum) for the Korean shots.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annviz.gui.lessons.sheet import first_page, sheet_document  # noqa: E402
from captions import each_language, record, shot  # noqa: E402
from make_truth_shots import HERE, make_window, settle  # noqa: E402

SIZE = (1366, 768 - 48)           # the window on a 1366×768 screen with a taskbar
GUESS = -2.5
LANGUAGE = {"en": "English", "ko": "Korean"}
WINDOW_SHOTS = ("ko",)            # the page of the sheet in both languages, the window in Korean


def shots(app: QApplication, lang: str, folder: str) -> None:
    window = make_window(app, lang, folder)
    window.resize(*SIZE)
    area, player, panel = window.lessons, window.lessons.player, window.lessons.panel
    window.settings.remove("lessons/predictions/threshold")
    area.open_lesson("threshold", 0)
    settle(app, 0.8)
    question = player.lesson.steps[0].predict.question.get("en")
    windows = lang in WINDOW_SHOTS
    if windows:
        shot(window, f"predict-step-{lang}.png", f"Lesson 2 waits for a prediction before its task opens, the page "
             f"locked: “{question}” ({LANGUAGE[lang]}, 1366×768)")
    panel.prediction.set_answer(GUESS)
    panel.prediction.commit()
    for index in range(len(player.lesson.steps)):
        task = player.lesson.steps[index].task
        for action in task.answer if task else ():
            player.driver.perform(action)
        settle(app, 0.3)
        player.check_now()
        if index + 1 < len(player.lesson.steps):
            panel.next_button.click()
    settle(app, 0.5)
    made = player.made[0]
    sheet = area.show_sheet(player.lesson)
    settle(app, 0.5)
    said = f"predicted b = {GUESS:.1f}, b = {made.result} measured".replace("-", "−")
    if windows:
        name = f"sheet-dialog-{lang}.png"
        picture = window.grab()              # the dialog is a window of its own: drawn in the middle
        painter = QPainter(picture)
        painter.drawPixmap(window.rect().center() - sheet.rect().center(), sheet.grab())
        painter.end()
        picture.save(str(HERE / name))
        record(name, f"My lesson sheet at the end of lesson 2: {said} ({LANGUAGE[lang]}, 1366×768)")
    sheet.close()
    name = f"sheet-page-{lang}.png"
    first_page(sheet_document(player.lesson, player.made, lang)).save(str(HERE / name))
    record(name, f"The first page of the lesson sheet's PDF, rendered: {said} ({LANGUAGE[lang]})")
    window.close()
    settle(app)


def main() -> None:
    each_language(shots, default=("ko", "en"))


if __name__ == "__main__":
    main()
