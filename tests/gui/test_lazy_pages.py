"""Pages built when first shown (``annviz.gui.common.lazy``): the start builds only what shows, and
nothing a user or a lesson sees changes — a lesson step, a setup, a recording, a language or a
zoom that comes before a page was ever shown finds the page as if it had been built at the start."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QFileDialog, QWidget

from annviz.data.mydigits import DigitStore
from annviz.gui.app import open_setup_when_shown
from annviz.gui.common.lazy import Lazy
from annviz.gui.insight import InsightPage
from annviz.gui.lab.page import LabPage
from annviz.gui.mydigits import FOLDER_KEY, MyDigitsPage
from annviz.gui.training import TrainingArea
from annviz.lessons.model import Action
from annviz.nn.config import TrainConfig
from annviz.nn.recording import Recording
from annviz.nn.runwriter import save_recording
from annviz.nn.trainer import Trainer
from annviz.recipes import build_network, prepare_data
from recorded import record
from run_ends import open_window

#: pyqtgraph plots the window holds once shown (33 when every page was built at the start): the
#: explorer's own (a wrong answer: 9, with the training page's curves, or more)
PLOTS_AT_START = 4
LAZY_PAGES = ("lab-page", "insight-page", "convolution-page", "training-page", "mydigits-page")


def plots(window) -> int:
    return sum(isinstance(item, pg.PlotItem) for view in window.findChildren(pg.GraphicsView)
               for item in view.scene().items())


def stand_in(window, name: str) -> Lazy:
    return window.findChild(Lazy, name.removesuffix("-page") + "-lazy")


def show_page(window, name: str) -> QWidget:
    """Click the page's tab: the page in front (built now if it was not)."""
    window.tabs.setCurrentIndex(window.tabs.indexOf(stand_in(window, name)))
    page = window.tabs.currentWidget()
    assert page.objectName() == name and page.isVisible()
    return page


def ko(context: str, text: str) -> str:
    korean = QCoreApplication.translate(context, text)
    assert korean != text                      # the wrong answer: English
    return korean


@pytest.fixture
def window(qapp, tmp_path):
    window = open_window(tmp_path / "settings.ini")
    window.settings.setValue(FOLDER_KEY, str(tmp_path / "digits"))   # none of the learner's own
    window.set_language("en")
    QTest.qWait(1)
    yield window
    window.close()
    window.set_language("en")
    QTest.qWait(1)


def test_the_start_builds_only_the_page_in_front(window):
    for name in LAZY_PAGES:                       # not built: nothing in the window has their names
        assert window.findChild(QWidget, name) is None, name
        assert not stand_in(window, name).is_built()
    assert window.built_training() is None and window.built_mydigits() is None
    driver, state = window.lessons.player.driver, window.state
    assert not driver.training_busy() and window.built_training() is None   # asked without building
    add = window.explorer.pad_panel.add_digit_action    # My digits' action on the pad: there, named
    assert add.isVisible() and add.text() == "Add to my digits" and window.built_mydigits() is None
    at_start = plots(window)
    assert at_start == PLOTS_AT_START
    new = [w * -2 for w in state.network.weights]
    state.set_weights(new, state.network.biases)               # while the deeper layers' tab is behind
    assert plots(window) == at_start
    driver.perform(Action("show", (("widget", "explorer-layer-matrices"),)))
    assert plots(window) == at_start + 5          # W² and W³, three layers' biases: made when shown
    np.testing.assert_array_equal(driver.find("explorer-layer-matrices").matrix_shown(1), new[1])
    for name in LAZY_PAGES:
        driver.find(name)
    assert plots(window) >= at_start + 5 + 14 + 5  # the lab's, insight's, Convolution's, training's
    assert window.built_training() is not None and window.built_mydigits() is not None


def test_the_weight_histograms_built_late_outline_the_model_as_it_was_opened(window):
    assert window.open_bundled("mnist-best", quiet=True)          # before the training page was built
    opened = [w.copy() for w in window.state.network.weights]
    edited = [-w for w in opened]                                  # as a touched neuron or a lesson does
    window.state.set_weights(edited, window.state.network.biases)
    at_start = plots(window)
    window.lessons.player.driver.perform(Action("show", (("widget", "training-histograms"),)))
    area = window.training
    assert area.chart_in_front() == "histograms"
    assert [w.shape for w in opened] != [(16, 784), (16, 16), (10, 16)]   # not the classic the app began with
    drawn = area.histograms.drawn()
    assert len(drawn) == len(opened) and plots(window) >= at_start + len(opened)
    for (start, now), w in zip(drawn, opened):
        assert now.sum() == pytest.approx(1.0) and len(now) == min(60, int(np.sqrt(w.size)))
        assert not np.array_equal(start, now)      # the wrong answer: the weights when the page was built
        assert np.abs(start[::-1] - now).sum() < 0.02   # the outline: the weights opened, mirrored now
    window.lessons.player.driver.perform(Action("show", (("widget", "training-compare"),)))
    assert area.chart_in_front() == "compare"


def test_a_lesson_step_that_names_a_widget_on_a_page_not_built_finds_it(window):
    driver = window.lessons.player.driver
    assert window.findChild(QWidget, "lab-neuron-bias") is None
    driver.perform(Action("show", (("widget", "lab-neuron-bias"),)))
    driver.perform(Action("set", (("widget", "lab-neuron-bias"), ("value", 2.5))))
    page = window.tabs.currentWidget()            # the step brought the lab, its neuron tab, in front
    assert page.objectName() == "lab-page" and page is window.findChild(QWidget, "lab-page")
    assert driver.find("lab-neuron-bias").isVisible()
    assert page.setup_parts()[0].b == pytest.approx(2.5)
    for name in ("insight-page", "training-page", "mydigits-page"):   # only the page that holds the name
        assert window.findChild(QWidget, name) is None
    with pytest.raises(LookupError):
        driver.find("lab-no-such-widget")
    assert driver.find("timeline-now") is not None      # on the training page, named without "training-"
    assert window.built_training() is not None and window.built_mydigits() is None


def test_a_lesson_step_on_the_training_page_and_my_digits_in_its_answer_strips(window, qtbot, tmp_path):
    store = DigitStore(tmp_path / "digits")               # the learner's digits, kept before this window
    for label in (3, 7):
        canvas = np.zeros((28, 28), np.uint8)
        canvas[6:22, 8 + label:12 + label] = 255
        store.add(canvas, label)
    window.state.show_example(np.asarray(canvas, np.float32) / 255, 5)   # a test digit on the pad, say
    driver = window.lessons.player.driver
    driver.perform(Action("show", (("widget", "training-lr"),)))
    driver.perform(Action("set", (("widget", "training-lr"), ("value", 0.05))))
    area = window.built_training()
    assert area is not None and window.tabs.currentWidget() is area.page and area.page.isVisible()
    assert area.settings_config().lr == pytest.approx(0.05)
    assert window.built_mydigits() is None        # its digits are wanted only where the strips show
    assert area.answers.examples()[0][1] == 5     # the pad's strip knows its label (a wrong answer: None)
    driver.perform(Action("show", (("widget", "answers-pin"),)))   # named without "training-"
    assert driver.find("answers-pin").isVisible()
    mine = window.built_mydigits()
    assert mine is not None
    qtbot.waitUntil(mine.inputs_read, timeout=5_000)
    qtbot.waitUntil(lambda: sorted(label for _, label in area.answers.examples()[-2:]) == [3, 7], timeout=5_000)


def tiny_recording(path) -> Recording:
    config = TrainConfig(hidden=(8,), activation="relu", optimizer="adam", lr=0.01, batch_size=50,
                         epochs=1, n_train=200)
    run = record(Trainer(build_network(config), config, prepare_data(config).train))
    save_recording(path, run)
    return run


def test_a_recording_and_a_setup_opened_before_the_page_was_shown_reach_it(window, qtbot, tmp_path, monkeypatch):
    run = tiny_recording(tmp_path / "tiny.annviz-run")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "tiny.annviz-run"), ""))
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    next(a for a in menu.actions() if a.text() == "Open training &recording…").trigger()
    area = window.built_training()
    assert area is not None                       # File → Open training recording built it
    opened = area.timeline_run()
    assert opened is not None and opened.config == run.config and len(opened.moments) == len(run.moments)

    driver = window.lessons.player.driver
    driver.perform(Action("set", (("widget", "lab-neuron-bias"), ("value", -3.0))))
    driver.perform(Action("set", (("widget", "training-lr"), ("value", 0.2))))
    window.tabs.setCurrentWidget(area.page)
    path = tmp_path / "both.annviz"
    assert window.setup.save_setup(path)
    other = open_window(tmp_path / "other.ini")
    try:
        assert other.built_training() is None and other.findChild(QWidget, "lab-page") is None
        open_setup_when_shown(other, str(path))   # as `annviz both.annviz` does
        qtbot.waitUntil(lambda: other.built_training() is not None, timeout=5_000)
        qtbot.waitUntil(lambda: other.tabs.currentWidget() is other.training.page, timeout=5_000)
        assert other.training.settings_config().lr == pytest.approx(0.2)   # not the default 0.1
        lab = other.findChild(QWidget, "lab-page")
        assert lab is not None and lab.setup_parts()[0].b == pytest.approx(-3.0)
    finally:
        other.close()


def test_pages_first_shown_after_a_language_switch_speak_that_language(window):
    window.set_language("ko")
    add = window.explorer.pad_panel.add_digit_action            # named while My digits is not built
    assert add.text() == ko("MyDigitsPage", "Add to my digits") and window.built_mydigits() is None
    lab = show_page(window, "lab-page")
    assert lab.tabs.tabText(0) == ko("LabPage", "① One neuron")
    training = show_page(window, "training-page")
    assert training.tabs.tabText(0) == ko("TrainingPage", "Learning curves")
    assert window.lessons.player.driver.find("training-stop").text() == ko("TrainingControls", "Stop")
    mydigits = show_page(window, "mydigits-page")
    assert mydigits.load_button.text() == ko("MyDigitsPage", "Load into the pad")
    for name, title in (("lab-page", "Neuron lab"), ("training-page", "Training"), ("mydigits-page", "My digits")):
        context = {"lab-page": "App", "training-page": "TrainingArea", "mydigits-page": "MyDigitsPage"}[name]
        assert window.tabs.tabText(window.tabs.indexOf(stand_in(window, name))) == ko(context, title)


def test_an_insight_page_built_late_knows_the_example_and_weight_picked_before(window):
    state = window.state
    state.show_example(np.zeros((28, 28), np.float32), 7)
    state.select_weight(1, 3, 5)
    insight = window.lessons.player.driver.find("insight-page")
    assert insight.label == 7                               # not 0, the first class
    assert insight.tabs.currentWidget() is insight.nudge    # as when the page heard the weight
    assert insight.setup_views()["nudge"][:3] == (2, 3, 5)  # layer counted from 1


def fingerprint(page: QWidget) -> list:
    """What the zoom sets, widget by widget: fonts, least widths, plot lines and axis titles. (Not
    least heights: wrapped text is as high as its width makes it, and widths follow the window.)"""
    found = []
    for w in page.findChildren(QWidget):
        if isinstance(w.parentWidget(), QComboBox):       # its list's frame: Qt's own, sized when opened
            continue
        found.append((type(w).__name__, round(w.font().pointSizeF(), 2), w.minimumWidth()))
        if isinstance(w, pg.GraphicsView):
            for item in w.scene().items():
                if isinstance(item, pg.PlotDataItem) and item.opts.get("pen") is not None:
                    found.append(round(pg.mkPen(item.opts["pen"]).widthF(), 2))
                elif isinstance(item, pg.AxisItem):
                    found.append(round(item.label.font().pointSizeF(), 2))
    return sorted(found, key=repr)         # as a set: a page shown once may hold its children in another order


def test_pages_first_shown_after_a_zoom_are_as_zoomed_as_ones_built_before_it(window, tmp_path):
    area = TrainingArea(window.state)                  # built at 100 %, then zoomed with the rest
    eager = {"lab-page": LabPage(), "insight-page": InsightPage(window.state), "training-page": area.page,
             "mydigits-page": MyDigitsPage(window.state, tmp_path / "digits")}
    for page in eager.values():
        page.show()
    unzoomed = {name: fingerprint(page) for name, page in eager.items()}   # a wrong answer: as at 100 %
    try:
        window.set_zoom(1.5)
        for name, page in eager.items():
            show_page(window, name)                    # built at 150 %
            window.show_explorer()                     # the training page gives the explorer's views back
            QTest.qWait(20)
            late = window.tabs.widget(window.tabs.indexOf(stand_in(window, name)))
            assert fingerprint(late) == fingerprint(page), name
            assert fingerprint(late) != unzoomed[name], name
    finally:
        window.set_zoom(1.0)
        area.shutdown()
        for page in eager.values():
            getattr(page, "shutdown", lambda: None)()
            page.close()
            page.deleteLater()
        area.deleteLater()
        QTest.qWait(1)


def test_a_page_that_fails_to_build_says_so_and_the_window_goes_on(qapp, caplog):
    def broken() -> QWidget:
        raise RuntimeError("a bug")

    lazy = Lazy(broken, holds="broken-")
    widget = lazy.widget()                        # as when first shown
    assert lazy.is_built() and widget is lazy.widget() and "could not be built" in widget.text()
    assert any("could not be built" in r.getMessage() and r.exc_info for r in caplog.records)
