"""The app state as the GUI sees it: ``annviz.appmodel.AppModel`` announcing each fact as a Qt signal.

Everything the state knows and does is ``AppModel``'s (plain Python, tested without Qt; its
docstring says what each fact means). ``AppState`` adds one Qt signal per fact, named after the
fact's value (``Fact.MODEL`` → ``model_changed``), emitted in the order the model announces them —
in the GUI thread, where the state lives and is changed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from annviz.appmodel import AppModel, Fact


class AppState(QObject, AppModel):
    model_changed = Signal()
    weights_changed = Signal()
    input_changed = Signal()
    forward_changed = Signal()
    example_loaded = Signal(object, object)
    neuron_selected = Signal(int, int)
    weight_selected = Signal(int, int, int)
    explained_class_changed = Signal()
    confidence_threshold_changed = Signal()
    edits_changed = Signal()
    model_renamed = Signal()       # the same network, now saved as another file (model_path)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)                  # QObject's, then AppModel's (cooperative)
        self._signals = {
            Fact.MODEL: self.model_changed, Fact.WEIGHTS: self.weights_changed,
            Fact.INPUT: self.input_changed, Fact.FORWARD: self.forward_changed,
            Fact.EXAMPLE: self.example_loaded, Fact.NEURON: self.neuron_selected,
            Fact.WEIGHT: self.weight_selected, Fact.EXPLAINED_CLASS: self.explained_class_changed,
            Fact.CONFIDENCE_THRESHOLD: self.confidence_threshold_changed, Fact.EDITS: self.edits_changed,
            Fact.MODEL_RENAMED: self.model_renamed,
        }

    def _announce(self, fact: Fact, *args) -> None:
        self._signals[fact].emit(*args)
        super()._announce(fact, *args)
