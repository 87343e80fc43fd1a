"""A class, end to end, as ``annviz`` runs it on a school laptop (issue 20, "Done when").

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python tests/gui/class_play.py SETUP REPORT

Run by ``test_class.py`` in a process of its own, on a 1366×768 screen in Korean, with no settings
of its own (a first start). ``annviz`` opens the teacher's setup ``SETUP`` (``app.main(lang="ko",
setup=…)``, the welcome must not cover it); then three lessons are followed — each task answered
right after a wrong answer was refused —, a network trained, a neuron touched, a setup saved and
opened again. All along: no window larger than the screen's available area, the page in front
fits it, no text is cut. ``REPORT`` gets a JSON list of what was seen; the process exits 0 if all
went as it should.
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from PySide6.QtCore import QEventLoop, QRect, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

from annviz.gui import app as app_module  # noqa: E402
from annviz.gui.common.room import available_area  # noqa: E402
from annviz.gui.main_window import MainWindow  # noqa: E402
from annviz.gui.welcome import WelcomeDialog  # noqa: E402
from annviz.lessons.library import catalog  # noqa: E402
from fit_check import SCREENS, page_problems  # noqa: E402
from lesson_answers import WRONG, make_prediction  # noqa: E402
from run_ends import settle_screen, wait_until  # noqa: E402

LESSONS = {e.name: e.lesson for e in catalog() if e.bundled}
CLASS = ("threshold", "digit-network", "how-good")       # the teacher's setup opens the first
report: list[str] = []


def see(fact: str) -> None:
    report.append(fact)
    print(fact, flush=True)


def settle(window) -> None:
    settle_screen(window, seconds=90, pause_ms=200)


def on_screen(window, where: str) -> None:
    """No window larger than the screen, the page in front fits, no text cut, Next on screen."""
    area = available_area(window)
    for w in QApplication.topLevelWidgets():
        if w.isVisible() and not QRect(area).contains(w.frameGeometry()):
            raise AssertionError(f"{where}: {type(w).__name__} {w.frameGeometry()} is larger than {area}")
    screen = next(s for s in SCREENS if (s.width, s.height, s.zoom) == (1366, 768, 1.0))
    problems = page_problems(window, where, screen)
    if window.lessons.dock.isVisible():
        next_button = window.lessons.panel.next_button
        box = QRect(next_button.mapTo(window, next_button.rect().topLeft()), next_button.size())
        if not window.rect().contains(box):
            problems.append(f"{where}: Next is off the window at {box}")
    if problems:
        raise AssertionError("\n".join(problems))


def follow(window, lesson, first_step: int = 0) -> None:
    player, panel = window.lessons.player, window.lessons.panel
    if player.lesson is None or player.lesson.name != lesson.name:
        player.open(lesson, first_step)
    for i in range(player.index, len(lesson.steps)):
        step = lesson.steps[i]
        settle(window)
        on_screen(window, f"{lesson.name} step {i + 1}")
        if step.task is not None:
            make_prediction(window)                           # predict first: then the task is open
            wrong = next(a for a in WRONG[(lesson.name, i + 1)] if not a.watch and not a.slow)
            for action in wrong.actions:
                player.driver.perform(action)
            settle(window)
            if player.check_now() or panel.next_button.isEnabled():
                raise AssertionError(f"{lesson.name} step {i + 1}: the wrong answer passed ({wrong.why})")
            panel.reset_button.click()                        # ⟲ the step as it began
            settle(window)
            for action in step.task.answer:
                player.driver.perform(action)
            wait_until(player.check_now, 60, f"{lesson.name} step {i + 1}: the right answer")
            see(f"{lesson.name} step {i + 1}: refused “{wrong.why}”, then passed: {panel.status.text()[:60]}")
        panel.next_button.click()
    if player.lesson is not None:
        raise AssertionError(f"{lesson.name} did not finish")
    see(f"{lesson.name}: finished")


def train_touch_save_reopen(window, folder: Path) -> None:
    from lesson_answers import press, set_

    driver = window.lessons.player.driver
    for action in (_show("training-page"), set_("training-preset", "notes"), set_("training-examples", 2000),
                   set_("training-epochs", 1), press("training-start")):
        driver.perform(action)
    QTest.qWait(100)
    settle(window)
    on_screen(window, "training")
    history = window.training.controller.trainer.history
    see(f"trained: {history.status}, {len(history.epochs)} epoch, test accuracy "
        f"{history.epochs[-1].test_accuracy:.1%}")
    window.training.controller.use()                          # the trained network becomes the model
    window.tabs.setCurrentWidget(window.explorer)
    window.state.select_neuron(1, 4)
    touch = window.explorer.inspector.touch
    touch.off.setChecked(True)                                 # "Switch this neuron off"
    settle(window)
    on_screen(window, "a neuron touched")
    if not window.state.edits:
        raise AssertionError("the touched neuron left the network as it was")
    see(f"touched: {window.model_line.text()[:80]}")
    path = folder / "class.annviz"
    weights = [w.copy() for w in window.state.network.weights]
    if not window.setup.save_setup(path):
        raise AssertionError("the setup was not saved")
    asked = []                                                 # "save the network you trained?": no
    window.training.panel.ask_to_keep = lambda: asked.append(True) or QMessageBox.StandardButton.Discard
    window.open_bundled("mnist-classic")
    if not window.setup.open_setup(str(path)):
        raise AssertionError("the setup saved in class was not opened")
    settle(window)
    on_screen(window, "the setup reopened")
    if not all((a == b).all() for a, b in zip(weights, window.state.network.weights)):
        raise AssertionError("the reopened setup's model is not the one saved")
    if not asked:
        raise AssertionError("the unsaved trained network was replaced without a question")
    see(f"saved and reopened: {path.name}, the touched network's weights the same")


def _show(widget: str):
    from lesson_answers import _a

    return _a("show", widget=widget)


def play_class(window, folder: Path) -> None:
    welcome = [w for w in window.findChildren(QWidget) if isinstance(w, WelcomeDialog) and w.isVisible()]
    if welcome:
        raise AssertionError("the first-start welcome covers the teacher's setup")
    see(f"opened: {window.windowTitle()}, {window.frameGeometry().width()}×{window.frameGeometry().height()} "
        f"on {available_area(window).width()}×{available_area(window).height()}, language {window.language}")
    player = window.lessons.player
    if player.lesson is None or player.lesson.name != CLASS[0]:
        raise AssertionError(f"the setup did not open lesson {CLASS[0]}")
    for name in CLASS:
        follow(window, LESSONS[name])
    train_touch_save_reopen(window, folder)


def main() -> int:
    setup_path, report_path = Path(sys.argv[1]), Path(sys.argv[2])
    ok = []

    def exec_class(*_):
        loop = QEventLoop()

        def run():
            window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
            try:
                wait_until(lambda: window.lessons.player.lesson is not None, 30, "the setup's lesson")
                settle(window)
                play_class(window, setup_path.parent)
                ok.append(True)
            except Exception:                                   # the report says what failed
                see("FAILED: " + traceback.format_exc())
            finally:
                window.training.controller.shutdown()
                if not ok:            # a class cut short: no question about its network holds the end
                    window.training.controller.discard()
                window.close()
                loop.quit()

        QTimer.singleShot(500, run)
        loop.exec()
        return 0

    QApplication.exec = exec_class
    status = app_module.main([], lang="ko", setup=str(setup_path))
    report_path.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if status == 0 and ok else 1


if __name__ == "__main__":
    sys.exit(main())
