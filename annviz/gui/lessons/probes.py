"""What a lesson's checks read from the app: one function per probe of ``vocabulary.PROBES``.

Each returns the probe's values by name, measured now through the pages' public methods and
properties (never by changing anything). A value that cannot be measured yet — no input, no
evaluation, no training run — is left out, and a condition on it does not hold. Accuracies are
in percent, as the screen writes them.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np

from annviz.data.datasets import to_inputs
from annviz.data.planar import FEATURES
from annviz.gui.lab.neuron_model import Neuron
from annviz.gui.lab.playground_controls import FEATURE_NAMES
from annviz.gui.lessons.actions import is_checked
from annviz.lessons.vocabulary import WIDGETS
from annviz.nn.featuremaps import PRESET_NAMES, preset
from annviz.nn.perceptron import linearly_separable

#: The outputs on (0, 0), (0, 1), (1, 0), (1, 1) of each gate the "gate" probe knows.
GATE_TABLES = {"0001": "and", "0111": "or", "1110": "nand", "1000": "nor", "0110": "xor", "1001": "xnor"}


def _percent(x) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else 100.0 * float(x)


def _neuron(d, check) -> dict:
    nrn = d.find("lab-neuron").neuron
    values = {"a": nrn.a, "z": nrn.z, "s": nrn.weighted_sum, "b": nrn.b, "theta": nrn.threshold,
              "activation": nrn.activation, "inputs": len(nrn.xs)}
    for i, (x, w) in enumerate(zip(nrn.xs, nrn.ws), start=1):
        values[f"x{i}"], values[f"w{i}"] = x, w
    return values


def _gate(d, check) -> dict:
    nrn = d.find("lab-neuron").neuron
    table = "".join(str(int(Neuron((x1, x2), nrn.ws[:2], nrn.b, nrn.activation).a >= 0.5))
                    for x1, x2 in ((0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)))
    return {"table": table, "computes": GATE_TABLES.get(table, "other")}


def _perceptron(d, check) -> dict:
    view = d.find("lab-perceptron")
    data, p = view.data, view.perceptron
    return {"points": view.dataset.currentData(), "rule": view.rule.currentData(),
            "errors": view.run.errors() if len(data) else 0, "count": len(data),
            "epochs": view.run.epochs_done, "verdict": view.verdict_shown(),
            "separable": linearly_separable(data.x, data.y),
            "w1": float(p.w[0]), "w2": float(p.w[1]), "b": float(p.b)}


def _playground(d, check) -> dict:
    view = d.find("lab-playground")
    config, s = view.controls.config(), view.last_snapshot
    values = {"dataset": config.dataset, "layers": len(config.hidden), "neurons": sum(config.hidden),
              "playing": view.play_button.isChecked(),
              "features": "+".join(FEATURE_NAMES[f] for f in FEATURES if f in config.features)}
    if s is not None:
        values.update(epoch=s.epoch, train_loss=s.train_loss, test_loss=s.test_loss,
                      train_accuracy=_percent(s.train_accuracy), test_accuracy=_percent(s.test_accuracy))
    return values


def _prediction(d, check) -> dict:
    state, pad = d.state, d.window.explorer.drawing_pad()
    drawn = not pad.is_blank() and pad.shown_digit() is None
    values = {"has_input": state.input_image is not None, "drawn": drawn,
              "well_drawn": drawn and state.input_problem is None,
              "top_bar": state.input_image is not None and has_top_bar(state.input_image)}
    p = state.probabilities
    if p is not None:
        k = int(np.argmax(p))
        values.update(answer=state.class_names[k], confidence=100.0 * float(p[k]),
                      not_sure=float(p[k]) < state.confidence_threshold)
    return values


def has_top_bar(image: np.ndarray, ink: float = 0.3, ratio: float = 1.6) -> bool:
    """True if the ink's top fifth holds a row at least ``ratio`` times as wide as the ink's
    typical row below its top third, and four pixels wide at least: the bar of a 7 (short or
    long), not the top of a 1 drawn as one stroke, straight or slanted."""
    rows = image >= ink                                         # (28, 28)
    used = np.flatnonzero(rows.any(axis=1))
    if len(used) < 5:
        return False
    top, bottom = int(used[0]), int(used[-1])
    height = bottom - top + 1

    def span(r: int) -> int:
        cols = np.flatnonzero(rows[r])
        return int(cols[-1] - cols[0] + 1) if len(cols) else 0

    widest_top = max(span(r) for r in range(top, top + max(1, height // 5)))
    below = [w for w in (span(r) for r in range(top + height // 3, bottom + 1)) if w]
    return bool(below) and widest_top >= 4 and widest_top >= ratio * float(np.median(below))


def _selection(d, check) -> dict:
    state = d.state
    if state.selected is None or state.network is None:
        return {"selected": False, "hidden": False, "output": False}
    layer, index = state.selected
    last = len(state.network.sizes) - 1
    values = {"selected": True, "layer": layer, "hidden": 0 < layer < last, "output": layer == last}
    if 0 < layer < last:
        values["neuron"] = index + 1
    if layer == last and index < len(state.class_names):
        values["class"] = state.class_names[index]
    return values


def _model(d, check) -> dict:
    state = d.state
    net = state.network
    if net is None:
        return {}
    return {"name": state.model_path.stem if state.model_path is not None else "untitled",
            "architecture": "-".join(map(str, net.sizes)), "layers": len(net.sizes) - 2,
            "parameters": net.n_params}


def _training(d, check) -> dict:
    """The run going on (its epochs so far), else the last one that ended and was not discarded."""
    facts = d.window.training.run_facts()
    values = {"phase": facts.phase, "diverged": facts.status == "diverged",
              "finished": facts.status == "finished", "epoch": len(facts.epochs)}
    if facts.config is not None:
        values["lr"] = float(facts.config.lr)            # the run's own η, not the slider's
        values["validation"] = facts.config.validation_share > 0
    if facts.examples is not None:
        values["examples"] = facts.examples
    if facts.epochs:
        last = facts.epochs[-1]
        values.update(test_accuracy=_percent(last.test_accuracy), loss=last.train_loss,
                      train_accuracy=_percent(last.train_accuracy))
        if last.val_accuracy is not None:
            values["val_accuracy"] = _percent(last.val_accuracy)
            values["gap"] = values["train_accuracy"] - values["val_accuracy"]
    return values


def _examples(config, n_dataset: int | None = None) -> int | None:
    """The training examples a run with ``config`` learns from, its validation held out (None:
    the whole training set, whose size the run's film does not say)."""
    n = config.n_train if config.n_train is not None else n_dataset
    return None if n is None else n - int(round(config.validation_share * n))


def _moment(d, check) -> dict:
    """The recorded moment the time machine shows, with its run's epoch records up to it."""
    shown = d.window.training.moment_shown()
    if shown is None:
        return {"shown": False, "epoch_end": False}
    run, index = shown
    moment = run.moments[index]
    end = moment.step > 0 and moment.step % run.batches_per_epoch == 0
    values = {"shown": True, "epoch": float(moment.epoch), "epoch_end": end,
              "examples": _examples(run.config)}
    records = run.history.epochs if run.history is not None else []
    epoch = moment.step // run.batches_per_epoch
    if end and len(records) >= epoch:
        record, before = records[epoch - 1], records[:epoch - 1]
        values["test_accuracy"] = _percent(record.test_accuracy)
        if record.val_accuracy is not None:
            values["val_accuracy"] = _percent(record.val_accuracy)
            values["best_before"] = max((_percent(r.val_accuracy) for r in before), default=0.0)
    return {k: v for k, v in values.items() if v is not None}


def _compare(d, check) -> dict:
    """The two runs side by side in Compare runs."""
    a, b = d.window.training.compared_runs()
    values = {"two": a is not None and b is not None and a is not b, "ended": False}
    if not values["two"]:
        return values
    lr_a, lr_b = float(a.config.lr), float(b.config.lr)
    values.update(lr_a=lr_a, lr_b=lr_b, lr_ratio=max(lr_a, lr_b) / min(lr_a, lr_b),
                  same_but_lr=dataclasses.replace(a.config, lr=b.config.lr) == b.config)
    firsts = [r.history.epochs[0].test_accuracy if r.history is not None and r.history.epochs else None
              for r in (a, b)]
    if None not in firsts:
        values.update(ended=True, accuracy_a=_percent(firsts[0]), accuracy_b=_percent(firsts[1]))
        if firsts[0] != firsts[1] and lr_a != lr_b:
            values["larger_faster"] = (firsts[0] > firsts[1]) == (lr_a > lr_b)
    return values


def _doctor(d, check) -> dict:
    """The training doctor's tab, and whether the last run replays one of its fixes."""
    area = d.window.training
    shown = area.shown_diagnoses()
    values = {"shown": bool(shown), "count": len(shown), "replayed": area.replay_of() is not None}
    front = area.diagnosis_in_front()
    if front is not None:
        values["diagnosis"] = front.code
    return values


def _evaluation(d, check) -> dict:
    page = d.find("insight-page")
    results, tab = page.results, page.evaluation
    threshold = tab.threshold.value()
    values = {"evaluated": results is not None, "threshold": threshold}
    if results is None:
        return values
    answered, answered_accuracy = results.answered(threshold / 100)
    values.update(accuracy=_percent(results.accuracy), answered=answered, unsure=results.n - answered,
                  answered_accuracy=_percent(answered_accuracy))
    if tab.cell is not None:
        true, predicted = tab.cell
        values.update(cell_true=true, cell_predicted=predicted, off_diagonal=true != predicted,
                      cell_count=len(results.cell(true, predicted)))
    return values


def _mistakes(d, check) -> dict:
    page, tab = d.find("insight-page"), d.find("insight-mistakes")
    values = {"count": tab.count}
    if page.results is not None and tab.current_index is not None:
        values.update(position=tab.position + 1,
                      confidence=_percent(page.results.confidences[tab.current_index]))
    return values


def _stepper(d, check) -> dict:
    tab = d.find("insight-step")
    values = {"stage": tab.stage + 1, "stages": tab.stage_count, "kind": tab.stage_kind[0]}
    s = tab.step
    if s is not None:
        values.update(loss_before=float(s.loss), loss_after=float(s.new_loss), lr=float(s.lr),
                      answer_changed=int(np.argmax(s.probabilities)) != int(np.argmax(s.new_probabilities)))
    return values


def _nudge(d, check) -> dict:
    tab = d.find("insight-nudge")
    if tab.result is None:
        return {"h": tab.h}
    layer, i, j = tab.weight
    r = tab.result
    return {"layer": layer + 1, "i": i, "j": j, "h": tab.h, "relative_error": float(r.relative_error),
            "numeric": float(r.numeric), "backprop": float(r.backprop)}


def _touch(d, check) -> dict:
    touch, state = d.find("explorer-touch"), d.state
    off = [e for e in touch.edits if e.off]
    values = {"off": len(off), "biggest": False}
    before, after = _percent(touch.original_accuracy), _percent(touch.edited_accuracy)
    if before is not None and after is not None:
        values.update(before=before, after=after, drop=before - after)
    elif before is not None:
        values["before"] = before
    network = touch.original if touch.original is not None else state.network
    if state.input_image is not None and hasattr(network, "sizes") and off:   # an MLP's hidden neurons
        last = len(network.sizes) - 2
        values["biggest"] = bool(set(biggest_contributors(network, state.input_image)) &
                                 {e.index for e in off if e.layer == last})
    return values


def biggest_contributors(network, image: np.ndarray, within: float = 0.05) -> list[int]:
    """The neurons (from 0) of the last hidden layer whose activation × weight adds most to the
    answer's weighted input for ``image`` (28×28 in [0, 1]): the largest, and any within ``within``
    of it (two that look equal in the diagram both count)."""
    forward = network.forward(np.asarray(image, dtype=np.float32).reshape(1, -1))
    answer = int(np.argmax(forward.activations[-1][0]))
    adds = network.weights[-1][answer] * forward.activations[-2][0]
    top = float(adds.max())
    return [int(j) for j in np.flatnonzero(adds >= top - within * abs(top))]


def _mydigits(d, check) -> dict:
    """My digits: what was added in this window, and how many digits it keeps."""
    page = d.find("mydigits-page")
    added = page.last_added
    return {"added": added is not None, "added_label": -1 if added is None else added.label,
            "kept": page.kept()}


def _why(d, check) -> dict:
    """What Insight → Why this answer explains now."""
    explained = d.find("insight-why").explained()
    if explained is None:
        return {"shown": False}
    x, k, asked = explained
    image, names = d.state.input_image, d.state.class_names
    return {"shown": True, "asked": asked, "class": names[k] if 0 <= k < len(names) else str(k),
            "current": image is not None and np.array_equal(np.ravel(x), np.ravel(image))}


def _data(d, check) -> dict:
    """Insight → The data, and the image of it last clicked (loaded as the input)."""
    tab, state = d.find("insight-data"), d.state
    values = {"shown": tab.shown}
    picked = tab.picked()
    if picked is not None:
        c, example, image = picked
        values.update(picked=state.class_names[c] if c < len(state.class_names) else str(c),
                      average=example is None,
                      on_pad=state.input_image is not None
                      and np.array_equal(state.input_image.reshape(-1), to_inputs(image).reshape(-1)))
    return values


def _screen(d, check) -> dict:
    page = d.window.tabs.currentWidget()
    name = page.objectName().removesuffix("-page") if page is not None else ""
    inner = getattr(page, "tabs", None) if name in ("lab", "insight") else None
    tab = inner.currentWidget().objectName().removeprefix(f"{name}-") if inner is not None else ""
    if name == "training":
        tab = d.window.training.chart_in_front()
    return {"page": name, "tab": tab}


def _convolution(d, check) -> dict:
    """The Convolution page, read through its public methods."""
    page = d.find("convolution-page")
    kernel = page.hand_kernel()
    name = next((n for n in PRESET_NAMES if np.allclose(kernel, preset(n, len(kernel)))), "custom")
    values = {"front": d.window.tabs.currentWidget() is page, "tab": page.current_tab(),
              "hand_kernel": name, "hand_finds": page.hand_direction(),
              "hand_positions": page.hand_positions(), "centred": page.centring(),
              "pointed": False, "filter_open": False, "training": page.is_training(), "trained": False,
              "measured": False}
    if page.network_source():
        values["network"] = page.network_source()
        directions = page.first_kernel_directions()
        values.update(kernels_horizontal=directions.count("horizontal"), kernels_vertical=directions.count("vertical"))
    p = page.pointed()
    if p is not None:
        top, left, bottom, right = p.field
        values.update(pointed=True, pointed_kind=p.kind, pointed_conv=p.conv + 1, pointed_filter=p.channel + 1,
                      pointed_share=100.0 * p.share, field_width=right - left, field_height=bottom - top)
    opened = page.filter_opened()
    if opened is not None:
        values.update(filter_open=True, filter_conv=opened[0] + 1, filter_number=opened[1] + 1,
                      filter_finds=opened[2])
        g = page.opened_gradient()
        if g is not None:
            values.update(filter_label=g.label, filter_tie_mask=g.tie_mask, filter_error=g.relative_error)
    run = page.training_result()
    if run is not None:
        values.update(trained=run.finished, run_images=run.images,
                      run_filters=",".join(map(str, run.filters)))
        if run.test_accuracy is not None:
            values["run_accuracy"] = _percent(run.test_accuracy)
    c = page.comparison()
    if c is not None and c.done:
        values.update(measured=True, cnn_accuracy=_percent(c.cnn[0]), mlp_accuracy=_percent(c.mlp[0]),
                      cnn_shifted=_percent(c.cnn[4]), mlp_shifted=_percent(c.mlp[4]),
                      shift_gap=100.0 * (c.cnn[4] - c.mlp[4]))
    offset = page.input_offset()
    if offset is not None:
        probabilities = page.probabilities()
        k = int(np.argmax(probabilities))
        values.update(offset=offset, answer=str(k), confidence=100.0 * float(probabilities[k]))
    return values


def _widget(d, check) -> dict:
    w, kind = d.find(check.widget), WIDGETS[check.widget].kind
    values = {"visible": w.isVisible(), "enabled": w.isEnabled()}
    if kind == "toggle":
        values["value"] = is_checked(w)
    elif kind in ("slider", "number"):
        values["value"] = w.value()
    elif kind == "choice":
        data = w.currentData()
        values["value"] = data if data is not None else w.currentText()
    return values


PROBES = {
    "neuron": _neuron, "gate": _gate, "perceptron": _perceptron, "playground": _playground,
    "prediction": _prediction, "selection": _selection, "model": _model, "training": _training,
    "doctor": _doctor, "evaluation": _evaluation, "mistakes": _mistakes, "stepper": _stepper, "nudge": _nudge,
    "screen": _screen, "widget": _widget, "touch": _touch, "moment": _moment, "compare": _compare,
    "why": _why, "data": _data, "mydigits": _mydigits, "convolution": _convolution,
}
