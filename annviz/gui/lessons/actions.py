"""What a lesson's actions do to the app, one function per action of ``vocabulary.ACTIONS``.

Each takes the ``Driver`` and the action's parameters, already checked by the lesson reader, and
works through the pages' public methods or through the named widget as a user would: a slider is
moved, a choice chosen (``activated`` is emitted, as when a user picks it), a button clicked.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QComboBox, QDoubleSpinBox, QSpinBox, QToolButton

from annviz.gui.common.sliders import ValueSlider
from annviz.lessons.vocabulary import WIDGETS


def _show(d, widget: str) -> None:
    d.bring_into_view(d.find(widget))


def _set(d, widget: str, value) -> None:
    w, kind = d.find(widget), WIDGETS[widget].kind
    if kind == "toggle":
        set_checked(w, bool(value))
    elif kind == "slider" and isinstance(w, ValueSlider):
        w.set_value(float(value))
    elif kind == "number" and isinstance(w, (QSpinBox, QAbstractSlider)):
        w.setValue(int(round(value)))
    elif kind == "number" and isinstance(w, QDoubleSpinBox):
        w.setValue(float(value))
    elif kind == "choice" and isinstance(w, QComboBox):
        index = choice_index(w, value)
        if index < 0:
            raise ValueError(f"{widget} has no choice {value!r}")
        w.setCurrentIndex(index)
        w.activated.emit(index)                    # as when a user picks it
    else:
        raise ValueError(f"{widget} ({type(w).__name__}) cannot be set as a {kind}")


def set_checked(w, on: bool) -> None:
    """Turn a toggle on or off; a tool button follows its action, so the action is set."""
    if isinstance(w, QToolButton) and w.defaultAction() is not None:
        w.defaultAction().setChecked(on)
    elif isinstance(w, QAbstractButton):
        w.setChecked(on)
    else:
        raise ValueError(f"{w.objectName()} is not a toggle")


def is_checked(w) -> bool:
    if isinstance(w, QToolButton) and w.defaultAction() is not None:
        return w.defaultAction().isChecked()
    return w.isChecked()


def choice_index(combo: QComboBox, value) -> int:
    """The item whose data is ``value`` or, for items without data, whose text is ``value``."""
    for i in range(combo.count()):
        data = combo.itemData(i)
        if data is not None and not isinstance(data, bool) and data == value:
            return i
        if data is None and combo.itemText(i) == str(value):
            return i
    return -1


def _press(d, widget: str) -> None:
    w = d.find(widget)
    if not isinstance(w, QAbstractButton):
        raise ValueError(f"{widget} is not a button")
    w.click()


def _load_model(d, name: str) -> None:
    if not d.window.open_bundled(name, quiet=True):
        raise ValueError(f"the bundled model {name} could not be opened")


def _test_digit(d, index: int) -> None:
    d.window.explorer.show_test_digit(index)


def _clear_pad(d) -> None:
    d.window.explorer.clear_drawing()


def _add_my_digit(d, label: int) -> None:
    """The pad's drawing added to My digits with ``label`` (as "Add to my digits" and the label)."""
    pad = d.window.explorer.drawing_pad()
    if pad.is_blank():
        raise ValueError("nothing is drawn on the pad to add to My digits")
    if d.find("mydigits-page").add(pad.canvas(), int(label)) is None:
        raise ValueError("My digits could not keep the drawing (its folder cannot be used)")


def _draw(d, strokes) -> None:
    pad = d.window.explorer.drawing_pad()
    for points in strokes:
        pad.draw_stroke(points)


def _select_neuron(d, layer, neuron: int | None = None, **kwargs) -> None:
    """``layer`` from 1 (hidden layers) or "output" with the ``class`` named as on screen."""
    net = d.state.network
    if net is None:
        raise ValueError("no model is loaded")
    if layer == "output":
        names = d.state.class_names
        if kwargs["class"] not in names:
            raise ValueError(f"the model has no class {kwargs['class']!r}")
        d.state.select_neuron(len(net.sizes) - 1, names.index(kwargs["class"]))
    else:
        if not (layer < len(net.sizes) - 1 and 1 <= neuron <= net.sizes[layer]):
            raise ValueError(f"the model has no hidden layer {layer} with a neuron {neuron}")
        d.state.select_neuron(layer, neuron - 1)


def _select_weight(d, layer: int, i: int, j: int) -> None:
    """W⁽ˡ⁾[i, j] as the screen writes it: l, i and j from 1."""
    d.state.select_weight(layer - 1, i - 1, j - 1)


def _nudge_h(d, h: float) -> None:
    d.find("insight-nudge").set_h(h)


def _learning_stage(d, stage: int) -> None:
    d.find("insight-step").go_to(stage - 1)


def _select_cell(d, true: int, predicted: int) -> None:
    d.find("insight-evaluation").select_cell(true, predicted)


def _show_mistake(d, position: int) -> None:
    """Mistake ``position`` (from 1, the most confident first) on the Mistakes tab."""
    d.find("insight-mistakes").go_to(position - 1)


def _training(d, command: str) -> None:
    """Start (with the page's settings), pause, resume, stop, or discard the trained network."""
    area = d.window.training
    if command == "start":
        area.panel.start()
    else:
        getattr(area.controller, command)()


def _time_machine(d, epoch: int | None = None, val_accuracy: float | None = None) -> None:
    """The time machine at the end of epoch ``epoch`` of the run the timeline shows, or of the
    first epoch whose validation accuracy reached ``val_accuracy`` %."""
    area = d.window.training
    if val_accuracy is not None:
        run = area.timeline_run()
        records = run.history.epochs if run is not None and run.history is not None else []
        epoch = next((r.epoch for r in records if r.val_accuracy is not None
                      and 100 * r.val_accuracy >= val_accuracy), None)
        if epoch is None:
            raise ValueError(f"no ended run on the timeline reached {val_accuracy:g} % validation accuracy")
    if not area.go_to_epoch_end(epoch):
        raise ValueError(f"the run on the timeline has no end of epoch {epoch} yet")


def _data_image(d, example: int | None = None, **kwargs) -> None:
    """Click, on Insight → The data, the average of class ``class`` (``example``: the example in
    that place of its row, from 1): it becomes the input."""
    names, tab = d.state.class_names, d.find("insight-data")
    if kwargs["class"] not in names:
        raise ValueError(f"the model has no class {kwargs['class']!r}")
    d.bring_into_view(tab)
    if not tab.pick(names.index(kwargs["class"]), None if example is None else example - 1):
        raise ValueError(f"the data has no example {example} of {kwargs['class']}")


def _convolution_draw(d, strokes) -> None:
    d.find("convolution-page").draw_strokes(strokes)


def _convolution_clear(d) -> None:
    d.find("convolution-page").clear_pad()


def _convolution_bundled(d) -> None:
    if not d.find("convolution-page").use_bundled_network():
        raise ValueError("the bundled CNN could not be read")


def _convolution_point(d, band: int, filter: int, y: int, x: int) -> None:   # noqa: A002 (the file's word)
    """As hovering pixel (y, x) (from 0) of filter ``filter``'s map in row ``band`` of maps (both from 1)."""
    page = d.find("convolution-page")
    page.show_tab("network")
    page.point_at(band - 1, filter - 1, y, x)


def _convolution_filter(d, conv: int, filter: int, label: int | None = None,        # noqa: A002
                        tie_mask: int | None = None) -> None:
    """Open filter ``filter`` of convolution ``conv`` (both from 1) large, as a click on its map does;
    its gradient for the digit ``label``, through the pools with the mask x == max if ``tie_mask`` is 1."""
    page = d.find("convolution-page")
    page.show_tab("network")
    if label is not None and not 0 <= label <= 9:
        raise ValueError(f"no digit {label}")
    dialog = page.open_filter(conv - 1, filter - 1)
    if dialog is None:
        raise ValueError(f"the CNN shown has no convolution {conv} with a filter {filter}")
    if label is not None:
        dialog.set_label(label)
    if tie_mask is not None:
        dialog.set_tie_mask(bool(tie_mask))


ACTIONS = {
    "show": _show, "set": _set, "press": _press, "load_model": _load_model, "test_digit": _test_digit,
    "clear_pad": _clear_pad, "draw": _draw, "add_my_digit": _add_my_digit, "select_neuron": _select_neuron,
    "select_weight": _select_weight, "nudge_h": _nudge_h, "learning_stage": _learning_stage,
    "select_cell": _select_cell, "show_mistake": _show_mistake, "training": _training,
    "time_machine": _time_machine, "data_image": _data_image,
    "convolution_draw": _convolution_draw, "convolution_clear": _convolution_clear,
    "convolution_bundled": _convolution_bundled, "convolution_point": _convolution_point,
    "convolution_filter": _convolution_filter,
}
