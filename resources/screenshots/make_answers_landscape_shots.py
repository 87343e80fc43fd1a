"""Screenshots of issue 27's two time-machine views at 1366×768, English and Korean: "When did it
learn my 3?" (the answer strips) and the loss landscape with the path taken.

    QT_QPA_PLATFORM=offscreen python resources/screenshots/make_answers_landscape_shots.py [en|ko ...]

Builds the whole app window as ``annviz`` does, trains the lecture notes' network (784-16-16-10,
sigmoid, SGD at η 0.5) for one epoch on 3,000 digits, pins three test digits, draws a 3 on the
pad, and shows the Answers tab with the timeline at the moment the drawing was first answered 3
for good (a click on that change of answer). Then the Landscape tab, the timeline at the end of
the first quarter of the epoch. Needs a Korean font (fonts-nanum) for the Korean shots.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from annviz.data.datasets import load_dataset  # noqa: E402
from annviz.nn.config import TrainConfig  # noqa: E402
from captions import each_language, shot  # noqa: E402
from make_training_shots import THREE, wait_for  # noqa: E402
from make_truth_shots import draw, make_window, settle  # noqa: E402

NOTES = TrainConfig(hidden=(16, 16), activation="sigmoid", optimizer="sgd", lr=0.5, batch_size=10,
                    epochs=1, n_train=3000)
PINNED = (0, 1, 2)     # test digits 7, 2, 1


def answers_shot(app: QApplication, lang: str, folder: str) -> None:
    window = make_window(app, lang, folder)
    window.resize(1366, 768 - 48)
    area = window.training
    window.tabs.setCurrentWidget(area.page)
    settle(app)
    area.panel.settings.set_config(NOTES)
    area.panel.start()
    wait_for(app, lambda: area.controller.phase == "done", 120)
    test = load_dataset("mnist")
    for i in PINNED:
        window.state.show_example(test.test_images[i].astype("float32") / 255.0, int(test.test_labels[i]))
        area.answers.pin_pad()
    window.explorer.pad_panel.pad.clear()
    draw(window.explorer.pad_panel.pad, THREE)
    area.page.show_answers()
    run = area.controller.films.current
    wait_for(app, lambda: area.answers.moment_count() == len(run.moments) and not area.answers.is_computing(), 60)
    answers = area.answers.answers()
    learned = answers.learned_at(0, 3)
    area.timeline.go_to(learned if learned is not None else len(run.moments) - 1)
    settle(app, 0.6)
    moment = run.moments[area.time_machine.index]
    language = "English" if lang == "en" else "Korean"
    said = f"answered 3 for good from batch {moment.step:,}" if learned is not None else "not yet answered 3"
    shot(window, f"answers-{lang}-1366.png",
         f"“When did it learn my 3?” at 1366×768 ({language}): Answers, in the “Over time” tab beside the settings — one "
         f"strip per digit (the 3 drawn on the pad, three pinned test digits), coloured by the answer of "
         f"each of the {len(run.moments)} recorded moments of one epoch, paler where less sure; the "
         f"drawing was {said}, where the timeline now stands")
    print(f"{lang}: {len(run.moments)} moments; the 3 {said}")
    area.page.show_landscape()
    area.landscape.build()
    wait_for(app, lambda: area.landscape.landscape() is not None and not area.landscape.is_building(), 60)
    area.timeline.go_to_step(run.batches_per_epoch // 4)
    settle(app, 0.6)
    result, moment = area.landscape.landscape(), run.moments[area.time_machine.index]
    shot(window, f"landscape-{lang}-1366.png",
         f"The loss landscape at 1366×768 ({language}), in the “Over time” tab: the loss of the same run on 1,000 training images "
         f"over the plane its weights moved through (21×21 points, from {result.grid.min():.2f} to "
         f"{result.grid.max():.2f}; darker is lower), the path of its {len(run.moments)} moments from the "
         f"start (loss {result.path_loss[0]:.2f}) to the end ({result.path_loss[-1]:.2f}), and the dot at "
         f"batch {moment.step:,}, where the timeline stands")
    area.controller.discard()
    window.close()
    settle(app)


def main() -> None:
    each_language(answers_shot)


if __name__ == "__main__":
    main()
