"""Pages built when first shown (``annviz.gui.common.lazy``): the start builds only what shows, and
nothing a user or a lesson sees changes — a lesson step, a setup, a language or a zoom that comes
before a page was ever shown finds the page as if it had been built at the start."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QWidget

from annviz.gui.common.lazy import Lazy
from annviz.gui.insight import InsightPage
from annviz.gui.lab.page import LabPage
from annviz.lessons.model import Action
from run_ends import open_window

#: pyqtgraph plots the window holds once shown (33 when every page was built at the start)
MOST_PLOTS_AT_START = 9
LAZY_PAGES = ("lab-page", "insight-page", "convolution-page")


def plots(window) -> int:
    return sum(isinstance(item, pg.PlotItem) for view in window.findChildren(pg.GraphicsView)
               for item in view.scene().items())


def stand_in(window, name: str) -> Lazy:
    return window.findChild(Lazy, name.removesuffix("-page") + "-lazy")


@pytest.fixture
def window(qapp, tmp_path):
    window = open_window(tmp_path / "settings.ini")
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
    at_start = plots(window)
    assert 5 <= at_start <= MOST_PLOTS_AT_START    # what shows: the explorer's (and a few of training's)
    driver, state = window.lessons.player.driver, window.state
    new = [w * -2 for w in state.network.weights]
    state.set_weights(new, state.network.biases)               # while the deeper layers' tab is behind
    assert plots(window) == at_start
    driver.perform(Action("show", (("widget", "explorer-layer-matrices"),)))
    assert plots(window) == at_start + 5          # W² and W³, three layers' biases: made when shown
    np.testing.assert_array_equal(driver.find("explorer-layer-matrices").matrix_shown(1), new[1])
    for name in LAZY_PAGES:
        driver.find(name)
    assert plots(window) >= at_start + 5 + 14     # the lab's, insight's and Convolution's, built when asked for


def test_the_weight_histograms_are_drawn_when_first_shown_for_the_model_then(window):
    at_start = plots(window)
    assert window.open_bundled("mnist-best", quiet=True)          # while the histograms are hidden
    assert plots(window) == at_start                              # nothing drawn for nobody
    window.lessons.player.driver.perform(Action("show", (("widget", "training-histograms"),)))
    assert window.training.chart_in_front() == "histograms"
    weights = window.state.network.weights
    assert [w.shape for w in weights] != [(16, 784), (16, 16), (10, 16)]   # not the classic the app began with
    drawn = window.training.histograms.drawn()
    assert len(drawn) == len(weights) and plots(window) == at_start + len(weights)
    for (start, now), w in zip(drawn, weights):
        assert now.sum() == pytest.approx(1.0) and np.array_equal(start, now)   # opened: start = now
        assert len(now) == min(60, int(np.sqrt(w.size)))          # this layer's: √n bins, at most 60
    shown = plots(window)
    window.lessons.player.driver.perform(Action("show", (("widget", "training-compare"),)))
    assert window.training.chart_in_front() == "compare" and plots(window) == shown + 2   # a side's bars each


def test_a_lesson_step_that_names_a_widget_on_a_page_not_built_finds_it(window):
    driver = window.lessons.player.driver
    assert window.findChild(QWidget, "lab-neuron-bias") is None
    driver.perform(Action("show", (("widget", "lab-neuron-bias"),)))
    driver.perform(Action("set", (("widget", "lab-neuron-bias"), ("value", 2.5))))
    page = window.tabs.currentWidget()            # the step brought the lab, its neuron tab, in front
    assert page.objectName() == "lab-page" and page is window.findChild(QWidget, "lab-page")
    assert driver.find("lab-neuron-bias").isVisible()
    assert page.setup_parts()[0].b == pytest.approx(2.5)
    assert window.findChild(QWidget, "insight-page") is None    # only the page that holds the name
    with pytest.raises(LookupError):
        driver.find("lab-no-such-widget")


def test_a_setup_opened_before_the_page_was_shown_reaches_it(window, tmp_path):
    driver = window.lessons.player.driver
    driver.perform(Action("set", (("widget", "lab-neuron-bias"), ("value", -3.0))))
    path = tmp_path / "lab.annviz"
    assert window.setup.save_setup(path)
    other = open_window(tmp_path / "other.ini")
    try:
        assert other.findChild(QWidget, "lab-page") is None
        assert other.setup.open_setup(str(path))
        lab = other.findChild(QWidget, "lab-page")
        assert lab is not None and lab.setup_parts()[0].b == pytest.approx(-3.0)
    finally:
        other.close()


def test_a_page_first_shown_after_a_language_switch_speaks_that_language(window):
    window.set_language("ko")
    lazy = stand_in(window, "lab-page")
    window.tabs.setCurrentIndex(window.tabs.indexOf(lazy))
    lab = window.tabs.currentWidget()
    assert lazy.is_built() and lab.objectName() == "lab-page" and lab.isVisible()
    korean = QCoreApplication.translate("LabPage", "① One neuron")
    assert korean != "① One neuron"
    assert lab.tabs.tabText(0) == korean
    assert window.tabs.tabText(window.tabs.indexOf(lab)) == QCoreApplication.translate("App", "Neuron lab")


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
    return found


@pytest.mark.parametrize("name", LAZY_PAGES[:2])
def test_a_page_first_shown_after_a_zoom_is_as_zoomed_as_one_built_before_it(window, name):
    make = {"lab-page": LabPage, "insight-page": lambda: InsightPage(window.state)}[name]
    eager = make()                     # built at 100 %, then zoomed with the rest
    eager.show()
    unzoomed = fingerprint(eager)      # a wrong answer: as at 100 %
    try:
        window.set_zoom(1.5)
        lazy = stand_in(window, name)
        window.tabs.setCurrentIndex(window.tabs.indexOf(lazy))   # built at 150 %
        late = window.tabs.currentWidget()
        QTest.qWait(20)
        assert late.objectName() == name
        assert fingerprint(late) == fingerprint(eager)
        assert fingerprint(late) != unzoomed
    finally:
        window.set_zoom(1.0)
        eager.shutdown()
        eager.close()


def test_a_page_that_fails_to_build_says_so_and_the_window_goes_on(qapp, caplog):
    def broken() -> QWidget:
        raise RuntimeError("a bug")

    lazy = Lazy(broken, holds="broken-")
    widget = lazy.widget()                        # as when first shown
    assert lazy.is_built() and widget is lazy.widget() and "could not be built" in widget.text()
    assert any("could not be built" in r.getMessage() and r.exc_info for r in caplog.records)
