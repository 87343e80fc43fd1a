"""Help where the learner is: Help → Concepts fits the page and tab in front, every control has a
tooltip in both languages, and every plot says what its axes mean."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QMessageBox,
    QScrollBar,
    QTabBar,
    QWidget,
)

from annviz.gui.setup import pages, tabs
from run_ends import open_window

CONTROLS = (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox)

# (page, tab) → a term its concepts must use, in English and in Korean (CONCEPTS.md's glossary)
TERMS = {
    ("explorer", None): ("Input layer", "입력층"),
    ("training", "curves"): ("learning rate", "학습률"),
    ("training", "histograms"): ("at the start", "시작할 때"),
    ("training", "compare"): ("Two runs compared", "두 번의 학습"),
    ("lab", "neuron"): ("threshold", "임계값"),
    ("lab", "perceptron"): ("XOR", "학습률"),
    ("lab", "playground"): ("overfitting", "과적합"),
    ("insight", "evaluation"): ("Confusion matrix", "혼동 행렬"),
    ("insight", "mistakes"): ("most confident", "확신"),
    ("insight", "attribution"): ("weight", "가중치"),
    ("insight", "stepper"): ("backpropagation", "역전파"),
    ("insight", "nudge"): ("Numerical differentiation", "수치미분"),
    ("insight", "matrix"): ("Matrix form", "행렬"),
    ("insight", "data"): ("input layer", "입력층"),
    ("mydigits", None): ("held out", "정확도"),
    ("convolution", "hand"): ("filter", "필터"),
    ("convolution", "network"): ("feature map", "특징 맵"),
    ("convolution", "train"): ("gradient", "기울기"),
    ("convolution", "compare"): ("accuracy", "정확도"),
    ("convolution", "evaluation"): ("confusion matrix", "혼동 행렬"),
}


@pytest.fixture(scope="module")
def window(tmp_path_factory):
    window = open_window(tmp_path_factory.mktemp("help") / "settings.ini")
    yield window
    window.set_language("en")
    window.close()
    window.deleteLater()                  # now, not when the garbage collector finds the window
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def concepts_action(window) -> QAction:
    """Help → Concepts on this screen, found by its key (F1) in either language."""
    f1 = QKeySequence(QKeySequence.StandardKey.HelpContents)
    [action] = [a for a in window.menuBar().actions()[-1].menu().actions() if a.shortcut() == f1]
    return action


def screens(window):
    """Put every page and tab in front in turn; yields (page, tab) names."""
    for name, page in pages(window).items():
        window.tabs.setCurrentWidget(page)
        for tab, widget in (tabs(name, page).items() or [(None, None)]):
            if widget is not None:
                page.tabs.setCurrentWidget(widget)
            yield name, tab


@pytest.mark.parametrize("language", ["en", "ko"])
def test_concepts_on_this_screen_fit_the_page_and_tab_in_front(window, language, monkeypatch):
    window.set_language(language)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append((title, text)))
    texts = {}
    try:
        for screen in screens(window):
            concepts_action(window).trigger()             # Help → Concepts on this screen (F1)
            title, text = shown[-1]
            texts[screen] = text
            term = TERMS[screen][0 if language == "en" else 1]
            assert term in text, f"{screen}: {term!r} not in its concepts"
            assert window.tabs.tabText(window.tabs.currentIndex()) in title
    finally:
        window.set_language("en")
    assert set(texts) == set(TERMS)
    assert len(set(texts.values())) == len(texts), "two screens show the same concepts"


def without_tooltip_allowed(control: QWidget) -> bool:
    """Qt's own parts (a dock's float and close buttons, a table's corner, the menu bar's »), the
    buttons of a message box (their text says it all), scroll bars and tab bars."""
    parent = control.parentWidget()
    return (control.objectName().startswith("qt_") or isinstance(control, QScrollBar)
            or isinstance(parent, (QDialogButtonBox, QTabBar)))


def tooltips(window) -> dict[QWidget, str]:
    """Every control's tooltip (after the deferred deletions the event loop would have made)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    return {c: c.toolTip() for c in window.findChildren(QWidget)
            if isinstance(c, CONTROLS) and c.isEnabled() and not without_tooltip_allowed(c)}


def describe(control: QWidget) -> str:
    names, widget = [], control
    while widget is not None and len(names) < 4:
        names.append(type(widget).__name__ + (f"[{widget.objectName()}]" if widget.objectName() else ""))
        widget = widget.parentWidget()
    text = control.text() if hasattr(control, "text") and callable(control.text) else ""
    return "/".join(reversed(names)) + (f" {text!r}" if text else "")


def test_every_control_has_a_tooltip_in_both_languages(window):
    for _ in screens(window):       # pages and tabs are built when first shown: this test may run first
        pass
    window.state.select_neuron(1, 0)                      # the inspector's touch controls too
    english = tooltips(window)
    assert len(english) > 100
    missing = [describe(c) for c, tip in english.items() if not tip.strip()]
    assert not missing, f"{len(missing)} controls without a tooltip: {missing[:10]}"
    window.set_language("ko")
    try:
        korean = tooltips(window)
        untranslated = [describe(c) for c in english if korean.get(c) == english[c]]
        assert not untranslated, f"tooltips still in English: {untranslated[:10]}"
    finally:
        window.set_language("en")


@pytest.mark.parametrize("control, formula", [
    ("training.panel.settings.lr", "w ← w − η ∂L/∂w"),
    ("training.panel.settings.weight_decay", "λ"),
    ("training.panel.settings.optimizer", "β₁"),
    ("training.panel.settings.momentum", "μ"),
])
def test_a_control_that_sets_a_quantity_says_its_formula(window, control, formula):
    widget = window
    for name in control.split("."):
        widget = getattr(widget, name)
    assert formula in widget.toolTip()
    if hasattr(widget, "slider"):                         # a slider with its value: the part under the mouse
        assert formula in widget.slider.toolTip()


def test_the_labs_sliders_say_their_formulas(window):
    lab = pages(window)["lab"]
    assert "z = w·x + b" in lab.neuron_view.bias_slider.slider.toolTip()
    assert "θ = −b" in lab.neuron_view.theta_slider.slider.toolTip()
    assert "w ← w + η (y − ŷ) x" in lab.perceptron_view.learning_rate.slider.toolTip()


def test_every_plot_names_its_axes(window):
    window.state.select_neuron(1, 0)
    unnamed = []
    for _ in screens(window):
        for view in window.findChildren(pg.GraphicsView):
            if not view.isVisible():
                continue
            for item in view.scene().items():
                if not isinstance(item, pg.PlotItem):
                    continue
                for side in ("left", "bottom", "top", "right"):
                    axis = item.getAxis(side)
                    if axis.isVisible() and axis.style["showValues"] and not axis.labelText.strip():
                        unnamed.append(f"{describe(view)}: {side} axis")
    assert not unnamed, sorted(set(unnamed))


def test_the_histograms_say_what_the_outline_is(window):
    caption = window.training.histograms.caption.text()
    assert "grey outline: at the start" in caption and "filled blue: the weights now" in caption
