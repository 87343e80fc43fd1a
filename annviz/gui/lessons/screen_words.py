"""A lesson's actions in the words the learner sees on screen, in the interface's language.

Teacher mode shows each step's answer: not as the lesson file names it ("set lab-neuron-threshold
= 3.0") but as the class sees it: "Threshold θ = −b = 3.0", "Press “Start”", "Open “Histograms”".
A widget's on-screen name is its own text (a button, a check box), its tab's title (a page or a
tab), the label beside it (a form's or a grid's row, or just before it), its titled box, else the start
of its tooltip (every control has one, translated); a choice's value is the item's text; the
same action n times in a row is said once with "× n" (teacher.py).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from annviz.gui.lessons.actions import choice_index
from annviz.gui.lessons.driver import MissingWidget
from annviz.lessons.model import Action
from annviz.lessons.vocabulary import WIDGETS


def _clean(text: str) -> str:
    """A label's words: no mnemonic "&", no tags, no trailing colon."""
    text = re.sub(r"<[^<>]*>", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.strip().rstrip(":：").strip()


def _tab_title(widget: QWidget) -> str:
    stack = widget.parentWidget()
    tabs = stack.parentWidget() if isinstance(stack, QStackedWidget) else None
    if isinstance(tabs, QTabWidget) and tabs.indexOf(widget) >= 0:
        return _clean(tabs.tabText(tabs.indexOf(widget)))
    window = widget.window()
    top = getattr(window, "tabs", None)                 # the window's pages
    if isinstance(top, QTabWidget) and top.indexOf(widget) >= 0:
        return _clean(top.tabText(top.indexOf(widget)))
    return ""


def _row_label(widget: QWidget) -> str:
    """The label beside ``widget`` in its form or grid (its own row, first column)."""
    parent = widget.parentWidget()
    if parent is None:
        return ""
    for label in parent.findChildren(QLabel):
        if label.buddy() is widget and label.text():
            return _clean(label.text())
    layout = parent.layout()
    nested = layout.findChildren(QFormLayout) + layout.findChildren(QGridLayout) + layout.findChildren(QBoxLayout) if layout else []
    for found in [layout, *nested] if layout else []:
        if isinstance(found, QFormLayout):
            label = found.labelForField(widget)
            if isinstance(label, QLabel) and label.text():
                return _clean(label.text())
        elif isinstance(found, QBoxLayout):          # a label just before it in a row
            index = found.indexOf(widget)
            before = found.itemAt(index - 1).widget() if index > 0 else None
            if isinstance(before, QLabel) and before.text():
                return _clean(before.text())
        elif isinstance(found, QGridLayout):
            index = found.indexOf(widget)
            if index >= 0:
                row, column, _, _ = found.getItemPosition(index)
                item = found.itemAtPosition(row, 0)
                label = item.widget() if item is not None and column > 0 else None
                if isinstance(label, QLabel) and label.text():
                    return _clean(label.text())
    return ""


def on_screen_name(widget: QWidget) -> str:
    """The words on screen that name ``widget`` (empty if it has none)."""
    if isinstance(widget, QAbstractButton) and widget.text().strip():
        return _clean(widget.text())
    for holder in (widget, widget.parentWidget()):
        if isinstance(holder, QDockWidget) and holder.windowTitle():
            return _clean(holder.windowTitle())
    for words in (_tab_title(widget), _row_label(widget)):
        if words:
            return words
    box = widget.parentWidget()
    if isinstance(box, QGroupBox) and box.title():       # a control alone in its titled box
        return _clean(re.split(r": |：", box.title(), maxsplit=1)[0])
    tip = re.sub(r"<[^<>]*>", "", widget.toolTip())
    return _clean(re.split(r": |：|\. ", tip, maxsplit=1)[0]) if tip else ""


class ScreenWords(QObject):
    """Says a lesson's actions as the learner sees them, through the window's ``Driver``."""

    def __init__(self, driver, parent: QObject | None = None):
        super().__init__(parent)
        self.driver = driver

    def name(self, widget_name: str) -> str:
        try:
            words = on_screen_name(self.driver.find(widget_name))
        except MissingWidget:
            words = ""
        return words or widget_name

    def value(self, widget_name: str, value) -> str:
        kind = WIDGETS[widget_name].kind
        if kind == "choice":
            try:
                combo = self.driver.find(widget_name)
            except MissingWidget:
                return str(value)
            if isinstance(combo, QComboBox):
                i = choice_index(combo, value)
                if i >= 0:
                    return _clean(combo.itemText(i)) or self.tr("(the answer)")
            return str(value)
        return f"{value:g}".replace("-", "−") if isinstance(value, float) else str(value)

    def action(self, action: Action) -> str:
        """``action`` in on-screen words, in the interface's language."""
        p, do = dict(action.params), action.do
        if do == "set" and WIDGETS[p["widget"]].kind == "toggle":
            if p["value"]:
                return self.tr("Turn on “{name}”").format(name=self.name(p["widget"]))
            return self.tr("Turn off “{name}”").format(name=self.name(p["widget"]))
        if do == "set":
            return self.tr("{name} = {value}").format(name=self.name(p["widget"]),
                                                       value=self.value(p["widget"], p["value"]))
        if do == "press":
            return self.tr("Press “{name}”").format(name=self.name(p["widget"]))
        if do == "show":
            return self.tr("Open “{name}”").format(name=self.name(p["widget"]))
        if do == "load_model":
            return self.tr("Load the model {name}").format(name=p["name"])
        if do == "test_digit":
            return self.tr("Test image #{index} on the pad").format(index=p["index"])
        if do == "clear_pad":
            return self.tr("Clear the pad")
        if do == "add_my_digit":
            return self.tr("“Add to my digits” with the label {label}").format(label=p["label"])
        if do == "draw":
            return self.tr("Draw on the pad as in the picture")
        if do == "select_neuron":
            if p["layer"] == "output":
                return self.tr("Click the output neuron {name}").format(name=p["class"])
            return self.tr("Click hidden layer {layer} · neuron {n}").format(layer=p["layer"], n=p["neuron"])
        if do == "select_weight":
            return self.tr("Choose the weight W⁽{l}⁾[{i}, {j}]").format(l=p["layer"], i=p["i"], j=p["j"])
        if do == "nudge_h":
            return self.tr("The nudge h = {h}").format(h=f"{p['h']:g}")
        if do == "learning_stage":
            return self.tr("Stage {n} of One step of learning").format(n=p["stage"])
        if do == "select_cell":
            return self.tr("Click the cell true {t}, predicted {p}").format(t=p["true"], p=p["predicted"])
        if do == "show_mistake":
            return self.tr("Mistake {n}").format(n=p["position"])
        if do == "training":
            return {"start": self.tr("Start training"), "pause": self.tr("Pause training"),
                    "resume": self.tr("Resume training"), "stop": self.tr("Stop training"),
                    "discard": self.tr("Discard the trained network")}[p["command"]]
        if do == "time_machine":
            if "epoch" in p:
                return self.tr("The timeline at the end of epoch {n}").format(n=p["epoch"])
            return self.tr("The timeline at the end of the first epoch with validation accuracy ≥ {x} %").format(
                x=f"{p['val_accuracy']:g}")
        if do == "data_image":
            if "example" in p:
                return self.tr("Click example {n} of {name} on The data").format(n=p["example"], name=p["class"])
            return self.tr("Click the average {name} on The data").format(name=p["class"])
        if do == "convolution_draw":
            return self.tr("Draw on the Convolution page's pad as in the picture")
        if do == "convolution_clear":
            return self.tr("Clear the Convolution page's pad")
        if do == "convolution_bundled":
            return self.tr("Put the bundled CNN back on the Convolution page")
        if do == "convolution_point":
            return self.tr("On ②, point at pixel ({y}, {x}) of map {f} in row {band}").format(
                y=p["y"], x=p["x"], f=p["filter"], band=p["band"])
        if do == "convolution_filter":
            words = self.tr("On ②, click map {f} of convolution {conv} to open its filter").format(
                f=p["filter"], conv=p["conv"])
            if "label" in p:
                words += " · " + self.tr("gradient for the digit {label}").format(label=p["label"])
            if "tie_mask" in p:
                words += " · " + (self.tr("tick the mask x == max") if p["tie_mask"] else
                                  self.tr("the mask x == max not ticked"))
            return words
        return do
