"""The lesson panel in the whole app window: stable names, Help → Lessons, Next / Skip / Back /
Reset, locked and hidden controls, highlights that follow the page, bad files, the user's folder,
remembering where the learner stopped, and ``annviz --lesson``."""

import os
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QComboBox,
    QDoubleSpinBox,
    QMessageBox,
    QSpinBox,
    QToolButton,
    QWidget,
)

from annviz.gui.common.sliders import ValueSlider
from annviz.gui.lessons import actions as gui_actions
from annviz.gui.lessons import probes as gui_probes
from annviz.gui.lessons.overlay import REFRESH_MS
from annviz.lessons import find
from annviz.lessons.library import catalog
from annviz.lessons.model import Check, Condition
from annviz.lessons.vocabulary import ACTIONS, PROBES, WIDGETS
from run_ends import open_window, wait_until

KINDS = {"button": QAbstractButton, "toggle": QAbstractButton, "slider": ValueSlider,
         "number": (QSpinBox, QDoubleSpinBox, QAbstractSlider), "choice": QComboBox, "view": QWidget}


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory):
    window = open_window(tmp_path_factory.mktemp("lessons-window") / "settings.ini")
    window.set_language("en")
    yield window
    window.close()
    QTest.qWait(1)


@pytest.fixture
def area(window):
    yield window.lessons
    window.lessons.player.close_lesson()


def settle(ms: int = 3 * REFRESH_MS) -> None:
    QTest.qWait(ms)


def test_every_name_a_lesson_may_use_is_one_widget_of_its_kind(window):
    driver = window.lessons.player.driver         # builds the page that holds a name, if not built yet
    for name, spec in WIDGETS.items():
        widget = driver.find(name)
        found = window.findChildren(QWidget, name)
        assert found == [widget], (name, found)
        assert isinstance(widget, KINDS[spec.kind]), (name, type(widget))
        if spec.kind == "toggle":
            action = widget.defaultAction() if isinstance(widget, QToolButton) else None
            assert (action or widget).isCheckable(), name
        if spec.kind == "choice" and spec.values:
            data = [widget.itemData(i) for i in range(widget.count()) if widget.itemData(i) is not None]
            assert sorted(data) == sorted(spec.values), (name, data)


def test_every_name_every_bundled_lesson_uses_exists():
    lessons = [e.lesson for e in catalog() if e.bundled]
    used = set().union(*(lesson.widgets() for lesson in lessons))
    assert used <= set(WIDGETS) and len(used) > 40


def test_the_driver_does_every_action_and_reads_every_probe_and_only_those(window, area):
    assert set(gui_actions.ACTIONS) == set(ACTIONS)
    assert set(gui_probes.PROBES) == set(PROBES)
    window.state.show_example(np.zeros((28, 28)), 0)
    for probe in PROBES:
        widget = "lab-neuron-bias" if probe == "widget" else None
        values = area.player.driver.measure(Check(probe, (Condition("x", "eq", 0),), widget))
        assert values and set(values) <= set(PROBES[probe]), (probe, values)


def help_action(window, text: str) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.text() == text)


def test_help_lessons_lists_the_eleven_and_starts_one(window, area):
    help_action(window, "&Lessons").trigger()
    panel = area.panel
    assert area.dock.isVisible() and panel.stack.currentIndex() == 0
    assert panel.lessons.count() == 11
    assert panel.lessons.item(0).text().startswith("1. A biological neuron becomes a unit")
    panel.lessons.setCurrentRow(3)
    assert "[12인기03-05]" in panel.about.text() and "perceptron" in panel.about.text()
    panel.lessons.setCurrentRow(0)
    panel.start_button.click()
    assert area.player.lesson.name == "neuron" and panel.stack.currentIndex() == 1
    screen = area.player.driver.measure(Check("screen", (Condition("page", "eq", "lab"),)))
    assert screen == {"page": "lab", "tab": "neuron"}
    panel.catalog_button.click()
    assert panel.stack.currentIndex() == 0
    assert "stopped at step 1 of 4" not in panel.lessons.item(0).text()   # still at the first step


def test_next_waits_for_the_task_skip_goes_on_back_returns_and_reset_restores(window, area):
    player, panel = area.player, area.panel
    area.open_lesson("neuron")
    panel.next_button.click()                                   # step 1 has no task
    assert player.index == 1 and not panel.next_button.isEnabled()
    assert "z = −0.30: not tasty yet" in panel.status.text()
    panel.skip_button.click()
    assert player.index == 2
    panel.back_button.click()
    assert player.index == 1
    smell = window.findChild(ValueSlider, "lab-neuron-x3")
    smell.set_value(1.5)
    assert player.check_now() and panel.next_button.isEnabled()
    assert "z = 0.35 ≥ 0: tasty!" in panel.status.text()
    panel.reset_button.click()                                  # the step's actions again
    assert smell.value() == 1.0 and not player.passed and not panel.next_button.isEnabled()
    panel.hint_button.click()
    assert "turn up another sense" in panel.hint.text() and "2 of 2" in panel.hint_button.text()


def test_locked_controls_take_no_input_until_the_lesson_closes(window, area):
    area.open_lesson("neuron", step=1)                          # weights and bias locked
    settle()
    weight = window.findChild(ValueSlider, "lab-neuron-w1")
    smell = window.findChild(ValueSlider, "lab-neuron-x3")
    before = weight.value()
    for slider in (weight.slider, smell.slider):
        QTest.mouseClick(slider, Qt.MouseButton.LeftButton, pos=slider.rect().center() + slider.rect().topRight() / 3)
    assert weight.value() == before                             # locked
    assert smell.value() != 1.0                                 # not locked
    weight.slider.setFocus()
    QTest.keyClick(weight.slider, Qt.Key.Key_Right)
    assert weight.value() == before
    overlay = area.player.overlay
    assert len(overlay.rects("lock")) == 9 and len(overlay.rects("highlight")) == 5
    area.player.close_lesson()
    settle()
    assert not overlay.isVisible() and overlay.rects("lock") == []
    QTest.keyClick(weight.slider, Qt.Key.Key_Right)
    assert weight.value() > before


def write_lesson(folder, name: str, body: str):
    path = folder / f"{name}.toml"
    path.write_text('format_version = 1\ntitle = { en = "T", ko = "T" }\nsummary = { en = "S", ko = "S" }\n'
                    + body, encoding="utf-8")
    return path


def test_a_hidden_widget_is_covered_where_it_is_and_marks_follow_the_page(window, area, tmp_path):
    path = write_lesson(tmp_path, "hiding", '''
        [[steps]]
        text = { en = "Look", ko = "보세요" }
        actions = [{ do = "show", widget = "lab-neuron" }]
        hide = ["lab-neuron-picture"]
        highlight = ["lab-neuron-plot"]
    ''')
    assert area.open_file(path)
    settle()
    overlay, picture = area.player.overlay, window.findChild(QWidget, "lab-neuron-picture")
    [covered] = overlay.rects("hide")
    assert covered.topLeft() == picture.mapTo(window, picture.rect().topLeft())
    assert covered.size() == picture.size()
    assert len(overlay.rects("highlight")) == 1
    window.tabs.setCurrentWidget(window.explorer)               # the marked widgets are off screen
    settle()
    assert overlay.rects("hide") == [] and overlay.rects("highlight") == []
    window.tabs.setCurrentIndex(window.tabs.indexOf(area.player.driver.find("lab-page")))
    settle()
    assert len(overlay.rects("hide")) == 1



def test_a_highlight_the_learner_cannot_see_points_at_it(window, area, tmp_path):
    """On a laptop's screen the explorer's weight pictures stand behind its inspector: the tab
    that brings them to the front is outlined (nothing was); the touch controls under a neuron's
    numbers, scrolled out of view, are scrolled to and outlined whole (a strip of them was)."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QTabBar

    window.resize(1366, 720)
    window.tabs.setCurrentWidget(window.explorer)
    window.state.select_neuron(2, 3)
    path = write_lesson(tmp_path, "pointing", '''
        [[steps]]
        text = { en = "Look", ko = "보세요" }
        actions = [{ do = "show", widget = "explorer-inspector" }]
        highlight = ["explorer-weight-grid", "explorer-touch"]
    ''')
    assert area.open_file(path)
    settle()
    grid, touch = (window.findChild(QWidget, name) for name in ("explorer-weight-grid", "explorer-touch"))
    tabs = [QRect(bar.mapTo(window, bar.tabRect(i).topLeft()), bar.tabRect(i).size())
            for bar in window.explorer.findChildren(QTabBar) if bar.isVisible()
            for i in range(bar.count()) if bar.tabText(i) == "Weights"]
    outlines = area.player.overlay.rects("highlight")
    assert len(tabs) == 1 and tabs[0] in outlines                 # the pictures' tab, to click
    whole = QRect(touch.mapTo(window, QPoint(0, 0)), touch.size())
    assert whole in outlines and grid.visibleRegion().isEmpty()

def test_a_bad_lesson_file_is_one_message_and_changes_nothing(window, area, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    area.open_lesson("neuron")
    path = write_lesson(tmp_path, "bad", '[[steps]]\ntext = { en = "x", ko = "x" }\nactions = [{ do = "exec", cmd = "rm -rf /" }]\n')
    assert not area.open_file(path)
    assert area.player.lesson.name == "neuron"
    [text] = warnings
    assert text.startswith(str(path)) and "unknown action 'exec'" in text and "\n" not in text
    assert not area.open_lesson("no-such-lesson")
    assert "no lesson has this name" in warnings[-1] and area.player.lesson.name == "neuron"


def test_a_teachers_folder_adds_its_lessons_and_shows_a_broken_one(window, area, tmp_path):
    good = write_lesson(tmp_path, "my-lesson", '[[steps]]\ntext = { en = "Hello", ko = "안녕" }\n')
    write_lesson(tmp_path, "broken", "[[steps]]\ntext = 3\n")
    area.player.user_folder = tmp_path
    try:
        area.show_lessons()                  # the list at once; the folder's files read in the background
        wait_until(area.folder_read, 10, "the lessons folder to be read")
        panel = area.panel
        texts = [panel.lessons.item(i).text() for i in range(panel.lessons.count())]
        assert texts[-2].startswith("T") and texts[-1] == "⚠ broken.toml"    # after the bundled ones
        panel.lessons.setCurrentRow(len(texts) - 1)
        assert "cannot be used" in panel.about.text() and not panel.start_button.isEnabled()
        panel.lessons.setCurrentRow(len(texts) - 2)
        assert str(good) in panel.about.text()
        panel.start_button.click()
        assert area.player.lesson.name == "my-lesson" and panel.text.text() == "Hello"
    finally:
        area.player.user_folder = area.user_folder


def test_the_language_switch_shows_the_step_in_korean(window, area):
    window.settings.remove("lessons/predictions/threshold")
    area.open_lesson("threshold")
    step = area.player.lesson.steps[0]
    window.set_language("ko")
    try:
        assert area.panel.text.text() == step.text.ko
        assert area.panel.title.text() == "임계값과 편향" and area.panel.next_button.text() == "다음 단계 ▶"
        assert "먼저 위에서 예측을 확정하세요" in area.panel.status.text()     # predict first
        assert area.player.predict(-3.0)
        area.player.check_now()
        assert "임계값을 θ = 3으로 맞추세요" in area.panel.status.text()
    finally:
        window.set_language("en")


def test_the_app_comes_back_where_the_learner_stopped(qapp, tmp_path):
    settings = tmp_path / "settings.ini"
    first = open_window(settings)
    first.lessons.open_lesson("activation")
    first.lessons.player.go_to(2)
    first.close()
    second = open_window(settings)
    try:
        second.restore_settings()                               # as annviz.gui.app.main does
        second.lessons.start()
        assert second.lessons.player.lesson.name == "activation" and second.lessons.player.index == 2
        assert second.lessons.player.progress("activation") == (2, False)
        second.lessons.player.show_catalog()
        assert "stopped at step 3 of 4" in second.lessons.panel.lessons.item(2).text()
    finally:
        second.close()


def test_the_lesson_option_opens_the_app_at_a_lesson(window, area, monkeypatch):
    from annviz import cli

    seen = []
    monkeypatch.setattr("annviz.gui.app.main", lambda **kwargs: seen.append(kwargs) or 0)
    assert cli.main(["--lesson", "perceptron"]) == 0
    assert cli.main(["gui", "--lesson", "nudge", "--lang", "ko"]) == 0
    assert [k["lesson"] for k in seen] == ["perceptron", "nudge"] and seen[1]["lang"] == "ko"
    area.start("perceptron")                                    # what main does with it
    deadline = time.monotonic() + 5
    while area.player.lesson is None and time.monotonic() < deadline:
        QTest.qWait(10)
    assert area.player.lesson == find("perceptron") and area.player.index == 0


def test_the_list_is_read_in_the_background_once_and_again_only_for_what_changed(window, area, tmp_path,
                                                                              monkeypatch):
    """200 lessons of 245 kB once took over 20 s on the GUI thread, every time the list was shown."""
    from annviz.lessons import library

    text = '[[steps]]\ntext = { en = "Hello", ko = "안녕" }\n'
    paths = [write_lesson(tmp_path, f"lesson-{i:02}", text) for i in range(30)]
    import threading

    reads, on_gui_thread = [], []
    real = library.read_lesson

    def spy(path):
        (on_gui_thread if threading.current_thread() is threading.main_thread() else reads).append(path)
        return real(path)

    monkeypatch.setattr(library, "read_lesson", spy)
    area.player.user_folder = tmp_path
    try:
        area.show_lessons()
        assert area.panel.lessons.count() == len(library.bundled_names())   # shown at once …
        wait_until(area.folder_read, 20, "the lessons folder to be read")
        assert sorted(reads) == sorted(paths)                         # … the folder read in the background
        assert not any(p in paths for p in on_gui_thread)
        assert area.panel.lessons.count() == len(library.bundled_names()) + 30
        reads.clear()
        area.show_lessons()                                           # shown again: nothing read
        assert not area.read_folder() and reads == []
        paths[3].write_text(text.replace("Hello", "Hello again"), encoding="utf-8")
        os.utime(paths[3], ns=(1, 1))                                  # changed (date and size)
        area.show_lessons()
        wait_until(area.folder_read, 20, "the changed lesson to be read")
        assert reads == [paths[3]]
    finally:
        area.player.user_folder = area.user_folder
        area.dock.hide()
