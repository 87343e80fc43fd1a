"""Touch a neuron: switch the selected hidden neuron off, shift its bias or scale its incoming
weights, and see the pad's prediction and the test accuracy change; "Restore" puts it back.

The edited network is a copy (``annviz.nn.neuron_edit.apply_edits``) put in the app state with
the model's path and its edits, so every view shows it and the window says "edited" and never
saves it over the model's file. The first edit puts the copy in with ``set_model``; later ones
change the copy's numbers with ``set_weights`` (a new model costs the views ~0.3 s, new numbers
~30 ms: a slider stays live). Edits of several neurons add up; "Restore" puts back the very
network object that was there before the first edit. Loading or training another model forgets
the edits (the original is no longer the current model).

The test accuracy of the original and of the edited network is measured in the background by the
insight page's ``Evaluator`` (one thread, the newest request wins): the original's once, then the
edited one's after every change.

What the edits change for the pad's input (the original's answer and the edited copy's) is
``annviz.nn.changes.answer_change``, computed once for each new input or new numbers
(``forward_changed``); the texts only write it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Slot
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from annviz.gui.common.evaluator import Evaluator
from annviz.gui.common.names import number
from annviz.gui.common.sliders import ValueSlider, evenly_spaced
from annviz.gui.state import AppState
from annviz.nn.changes import Answer, AnswerChange, answer_change
from annviz.nn.modelfile import ModelInfo
from annviz.nn.network import Network
from annviz.nn.neuron_edit import NeuronEdit, apply_edits

translate = QCoreApplication.translate

BIAS_SHIFTS = evenly_spaced(-10.0, 10.0, 0.5)      # Δb
WEIGHT_SCALES = evenly_spaced(-2.0, 3.0, 0.1)       # s


def describe_edit(edit: NeuronEdit) -> str:
    """"neuron 5 of hidden layer 1 switched off, bias +1.5" (neurons counted from 1, as on screen)."""
    parts = []
    if edit.off:
        parts.append(translate("NeuronTouch", "switched off"))
    if edit.bias_shift:
        parts.append(translate("NeuronTouch", "bias {shift}").format(shift=_signed(edit.bias_shift)))
    if edit.weight_scale != 1:
        parts.append(translate("NeuronTouch", "incoming weights ×{s}").format(s=number(edit.weight_scale, 1)))
    return translate("NeuronTouch", "neuron {i} of hidden layer {l} {what}").format(
        i=edit.index + 1, l=edit.layer, what=", ".join(parts))


def describe_edits(edits) -> str:
    """All the edits, for the status bar's model line."""
    return "; ".join(describe_edit(edit) for edit in edits)


def _signed(x: float) -> str:
    return ("+" if x > 0 else "") + number(x, 1)


class NeuronTouch(QGroupBox):
    """The controls under the inspector for the selected hidden neuron (``show_neuron``)."""

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("explorer-touch")
        self._state = state
        self._neuron: tuple[int, int] | None = None
        self._edits: dict[tuple[int, int], NeuronEdit] = {}
        self._original: tuple[Network, ModelInfo, Path | None] | None = None
        self._edited: Network | None = None              # our copy, while it is in the state
        self._change: AnswerChange | None = None         # the pad's answer, original → edited
        self.original_accuracy: float | None = None
        self.edited_accuracy: float | None = None
        self._measuring: str | None = None               # "original" or "edited"
        self._edited_stale = False                       # edited again while the original was measured
        self._failure: str | None = None

        self.off = QCheckBox()
        self.off.setObjectName("touch-off")
        self.bias_shift = ValueSlider(BIAS_SHIFTS, 0.0, _signed, widest="+10.0")
        self.bias_shift.setObjectName("touch-bias")
        self.weight_scale = ValueSlider(WEIGHT_SCALES, 1.0, lambda s: "×" + number(s, 1), widest="×−2.0")
        self.weight_scale.setObjectName("touch-scale")
        self.restore = QPushButton()
        self.restore.setObjectName("touch-restore")
        self._bias_label, self._scale_label = QLabel(), QLabel()
        self.effect = QLabel()
        self.effect.setTextFormat(Qt.TextFormat.RichText)
        self.effect.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.addWidget(self.off, 0, 0)
        grid.addWidget(self.restore, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self._bias_label, 1, 0)
        grid.addWidget(self.bias_shift, 1, 1)
        grid.addWidget(self._scale_label, 2, 0)
        grid.addWidget(self.weight_scale, 2, 1)
        grid.addWidget(self.effect, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)

        self._evaluator = Evaluator(self)
        self._evaluator.finished.connect(self._on_evaluation_finished)
        self._evaluator.failed.connect(self._on_evaluation_failed)
        self.off.toggled.connect(self._on_control_changed)
        self.bias_shift.value_changed.connect(self._on_control_changed)
        self.weight_scale.value_changed.connect(self._on_control_changed)
        self.restore.clicked.connect(self.restore_original)
        state.model_changed.connect(self._on_model_changed)
        state.forward_changed.connect(self._on_forward_changed)
        self.retranslate()

    # --- public ------------------------------------------------------------------------------

    def show_neuron(self, layer: int, index: int) -> None:
        """Show (and from now on change) hidden neuron ``index`` of ``layer``."""
        self._neuron = (layer, index)
        edit = self._edits.get(self._neuron, NeuronEdit(layer, index))
        with QSignalBlocker(self.off), QSignalBlocker(self.bias_shift), QSignalBlocker(self.weight_scale):
            self.off.setChecked(edit.off)
            self.bias_shift.set_value(edit.bias_shift)
            self.weight_scale.set_value(edit.weight_scale)
        self._show_effect()

    def edit(self, edit: NeuronEdit) -> None:
        """Make ``edit`` (replacing any earlier edit of that neuron) and show that neuron."""
        self._neuron = (edit.layer, edit.index)
        with QSignalBlocker(self.off), QSignalBlocker(self.bias_shift), QSignalBlocker(self.weight_scale):
            self.off.setChecked(edit.off)
            self.bias_shift.set_value(edit.bias_shift)
            self.weight_scale.set_value(edit.weight_scale)
        self._on_control_changed()

    @property
    def neuron(self) -> tuple[int, int] | None:
        """(layer, index) of the neuron the controls change."""
        return self._neuron

    @property
    def edits(self) -> tuple[NeuronEdit, ...]:
        return tuple(self._edits.values())

    @property
    def original(self) -> Network | None:
        """The network before the first edit (None while nothing is edited)."""
        return self._original[0] if self._original is not None else None

    @Slot()
    def restore_original(self) -> None:
        """Put back the network that was there before the first edit (the same object)."""
        if self._original is None:
            return
        network, info, path = self._original
        self._forget()
        if self._neuron is not None:
            self.show_neuron(*self._neuron)
        self._state.set_model(network, info, path)

    def shutdown(self) -> None:
        """Stop the evaluation thread; call before the application quits."""
        self._evaluator.shutdown()

    # --- edits -------------------------------------------------------------------------------

    def _on_control_changed(self, *_args) -> None:
        if self._neuron is None or self._state.network is None:
            return
        edit = NeuronEdit(*self._neuron, off=self.off.isChecked(), bias_shift=self.bias_shift.value(),
                          weight_scale=self.weight_scale.value())
        if edit.changes_nothing:
            self._edits.pop(self._neuron, None)
        else:
            self._edits[self._neuron] = edit
        if not self._edits:
            self.restore_original()
            return
        state = self._state
        if self._original is None:
            self._original = (state.network, state.info, state.model_path)
        network, info, path = self._original
        edited = apply_edits(network, self._edits.values())
        if self._edited is not None and state.network is self._edited:
            state.set_weights(edited.weights, edited.biases)     # into our copy: the views stay
            state.set_edits(self.edits)
        else:
            self._edited = edited
            state.set_model(edited, replace(info, test_accuracy=None), path, edits=self.edits)
        self._measure()

    def _forget(self) -> None:
        self._edits.clear()
        self._original = self._edited = self._change = None
        self.original_accuracy = self.edited_accuracy = None
        self._measuring, self._edited_stale, self._failure = None, False, None

    @Slot()
    def _on_model_changed(self) -> None:
        if self._original is not None and self._state.network is not self._edited:
            self._forget()                                  # another model: nothing to restore
            if self._neuron is not None:
                self.show_neuron(*self._neuron)

    # --- test accuracy -----------------------------------------------------------------------

    def _measure(self) -> None:
        self.edited_accuracy, self._failure = None, None
        if self.original_accuracy is None:
            if self._measuring != "original":
                self._request("original", self._original[0])
            self._edited_stale = True
        else:
            self._request("edited", self._edited)
        self._show_effect()

    def _request(self, which: str, network: Network) -> None:
        self._measuring = which
        self._evaluator.evaluate(network, self._original[1].dataset)   # evaluate() copies it

    @Slot(object)
    def _on_evaluation_finished(self, results) -> None:
        which, self._measuring = self._measuring, None
        if self._original is None or which is None:
            return
        if which == "original":
            self.original_accuracy = results.accuracy
            if self._edited_stale:
                self._edited_stale = False
                self._request("edited", self._edited)
        else:
            self.edited_accuracy = results.accuracy
        self._show_effect()

    @Slot(str)
    def _on_evaluation_failed(self, message: str) -> None:
        self._measuring, self._failure = None, message
        self._show_effect()

    @Slot()
    def _on_forward_changed(self) -> None:
        """A new input or new numbers: what the edits change for the pad's input, once."""
        state = self._state
        self._change = None
        if self._showing_edited() and state.input_image is not None:
            self._change = answer_change(self._original[0], state.network, state.input_image.reshape(-1))
        self._show_effect()

    def _showing_edited(self) -> bool:
        return self._original is not None and self._state.network is self._edited

    # --- texts -------------------------------------------------------------------------------

    def _show_effect(self) -> None:
        edited = self._showing_edited()
        self.restore.setEnabled(edited)
        if not edited:
            self.effect.setText(self.tr("Switch the neuron off, shift its bias or scale its incoming "
                                        "weights, and watch the prediction and the test accuracy change."))
            return
        lines = ['<b style="color:#b35900">' + self.tr("Edited (not saved): {what}").format(
            what=describe_edits(self.edits)) + "</b>"]
        if self._change is not None:
            lines.append(self.tr("Prediction for the pad: {before} → {after}").format(
                before=self._answer(self._change.before), after=self._answer(self._change.after)))
        if self._failure is not None:
            lines.append(self.tr("Test accuracy cannot be measured: {reason}").format(reason=self._failure))
        else:
            lines.append(self.tr("Test accuracy: {before} → {after}").format(
                before=self._percent(self.original_accuracy), after=self._percent(self.edited_accuracy)))
        self.effect.setText("<br>".join(lines))

    def _answer(self, said: Answer) -> str:
        names = self._state.class_names
        return f"{names[said.k] if said.k < len(names) else said.k} ({100 * said.confidence:.0f} %)"

    def _percent(self, accuracy: float | None) -> str:
        return self.tr("measuring…") if accuracy is None else f"{100 * accuracy:.2f} %"

    def retranslate(self) -> None:
        self.setTitle(self.tr("Touch this neuron"))
        self.off.setText(self.tr("Switch off"))
        self.off.setToolTip(self.tr("Zero its outgoing weights, W⁽ˡ⁺¹⁾[:, i] = 0: the next layer no "
                                    "longer hears this neuron"))
        self._bias_label.setText(self.tr("Shift bias Δb"))
        self.bias_shift.setToolTip(self.tr("Add Δb to its bias: b ← b + Δb, so z = Σ wᵢaᵢ + b + Δb"))
        self._scale_label.setText(self.tr("Scale incoming weights s"))
        self.weight_scale.setToolTip(self.tr("Multiply its incoming weights: wᵢ ← s·wᵢ, so z = s·Σ wᵢaᵢ + b"))
        self.restore.setText(self.tr("Restore"))
        self.restore.setToolTip(self.tr("Put back the network as it was before the first edit"))
        self._show_effect()

