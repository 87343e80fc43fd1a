"""Screenshots of the training doctor (issue 27) at 1366×768, in English and Korean.

    QT_QPA_PLATFORM=offscreen python resources/screenshots/make_doctor_shots.py [en|ko ...]

Builds the whole app window as ``annviz`` does, draws a 3 on the pad and trains a small network
with SGD at η = 5 (50× a good value) on 1,000 digits: the doctor names "the learning rate is too
high" at the batch where it began (the ⚠ Doctor tab, a star on the loss curve, a triangle on the
timeline). Then "Replay with the fix" trains it again with the η the doctor proposes, and the
second shot shows both runs side by side (Compare runs) at the end of the first epoch. Needs a
Korean font (fonts-nanum) for the Korean shots.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from annviz.nn.config import TrainConfig  # noqa: E402
from annviz.nn.doctor.texts import describe_fix, title  # noqa: E402
from captions import each_language, shot  # noqa: E402
from make_training_shots import THREE, wait_for  # noqa: E402
from make_truth_shots import draw, make_window, settle  # noqa: E402

TOO_HIGH = TrainConfig(hidden=(16, 16), activation="relu", optimizer="sgd", lr=5.0, batch_size=10,
                       epochs=1, n_train=1000)


def doctor_shots(app: QApplication, lang: str, folder: str) -> None:
    window = make_window(app, lang, folder)
    window.resize(1366, 768 - 48)
    area = window.training
    window.tabs.setCurrentWidget(area.page)
    settle(app)
    draw(window.explorer.pad_panel.pad, THREE)
    area.panel.settings.set_config(TOO_HIGH)
    area.panel.start()
    wait_for(app, lambda: area.controller.phase == "done", 120)
    settle(app, 0.6)
    d = area.doctor.diagnosis
    language = "English" if lang == "en" else "Korean"
    shot(window, f"doctor-{lang}-1366.png",
         f"The training doctor at 1366×768 ({language}): SGD at η {TOO_HIGH.lr:g} — “{title(d.code)}” "
         f"from batch {d.batch}, with its explanation, its evidence (the {d.evidence['series']['label']} batch by "
         f"batch) and “Replay with the fix: "
         f"{describe_fix(d.fixes[0])}”; a star on the loss curve and a mark on the timeline where it began")
    bad = area.controller.films.current
    area.panel.ask_to_keep = lambda: QMessageBox.StandardButton.Discard   # the broken network: not kept
    area.doctor.replay(0)
    wait_for(app, lambda: area.controller.films.current is not bad and area.controller.phase == "done", 120)
    fixed = area.controller.films.current
    area.timeline.show_run(fixed)
    area.timeline.go_to_step(fixed.batches_per_epoch)
    settle(app, 0.8)
    accuracy = 100 * fixed.history.epochs[-1].test_accuracy
    shot(window, f"doctor-replay-{lang}-1366.png",
         f"Replay with the fix at 1366×768 ({language}): the broken run (η {TOO_HIGH.lr:g}, diverged) and its "
         f"replay (η {fixed.config.lr:g}, {accuracy:.1f} % of the test images right after one epoch) side by "
         "side in Compare runs, at the end of the epoch")
    print(f"{lang}: {d.code} from batch {d.batch}; replay η {fixed.config.lr:g}: {accuracy:.1f} %")
    area.controller.discard()
    window.close()
    settle(app)


def main() -> None:
    each_language(doctor_shots)


if __name__ == "__main__":
    main()
