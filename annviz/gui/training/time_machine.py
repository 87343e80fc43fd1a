"""The time machine: the whole app shows the network as it was at a recorded moment, then "now".

``show(run, index)`` puts a network with that moment's weights into the app state, so every view
that follows the state — the diagram, the weight pictures, the histograms, the inspector, the
prediction for what is on the pad — shows that moment. The first ``show`` keeps what the state
held (the live network of a run, or any model) and asks the training controller to hold the live
weights back meanwhile; the following ones only change weights (the cheap path), unless the run's
network has another shape. ``now()`` puts back exactly what was there and lets the newest weights
through. A new run, or another model loaded meanwhile, ends the visit without going back.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from annviz.gui.state import AppState
from annviz.gui.training.controller import TrainingController
from annviz.nn.modelfile import ModelInfo
from annviz.nn.network import Network
from annviz.nn.recording import Moment, Recording


class TimeMachine(QObject):
    moment_shown = Signal(object, int)   # Recording, index of the moment
    returned = Signal()                  # back to now

    def __init__(self, controller: TrainingController, state: AppState, parent: QObject | None = None):
        super().__init__(parent)
        self.controller, self.state = controller, state
        self.run: Recording | None = None      # what is shown, when not at now
        self.index = -1
        self._before: tuple | None = None      # (network, info, path) of the state before
        self._shown: Network | None = None     # the network the time machine put in the state
        controller.run_started.connect(self._on_run_started)
        state.model_changed.connect(self._on_model_changed)

    @property
    def at_now(self) -> bool:
        return self._before is None

    @property
    def moment(self) -> Moment | None:
        return None if self.at_now else self.run.moments[self.index]

    def show(self, run: Recording, index: int) -> None:
        """Show moment ``index`` of ``run`` everywhere."""
        moment = run.moments[index]
        weights, biases = moment.parameters()
        if self._before is None:
            self._before = (self.state.network, self.state.info, self.state.model_path)
            self.controller.hold_views(True)
        if self._shown is not None and self._shown.sizes == run.sizes and self.run is not None \
                and self.run.activations == run.activations:
            self.state.set_weights(weights, biases)
        else:
            self._shown = Network(run.sizes, run.activations, weights, biases)
            info = ModelInfo(loss=run.config.loss, dataset=run.config.dataset,
                             class_names=list(run.class_names), config=run.config.to_dict())
            self.state.set_model(self._shown, info)
        self.run, self.index = run, index
        self.moment_shown.emit(run, index)

    def now(self) -> None:
        """Back to the present: the state holds again what it held before the first ``show``."""
        if self._before is None:
            return
        network, info, path = self._before
        self._forget()
        if network is not None:
            self.state.set_model(network, info, path)
        self.controller.hold_views(False)
        self.returned.emit()

    def _forget(self) -> None:
        self._before = self._shown = self.run = None
        self.index = -1

    @Slot(object)
    def _on_run_started(self, _config) -> None:
        if self._before is not None:   # the new run's network is in the state already
            self._forget()
            self.controller.hold_views(False)
            self.returned.emit()

    @Slot()
    def _on_model_changed(self) -> None:
        """Someone loaded another model while a moment was shown: stay with it."""
        if self._before is not None and self.state.network is not self._shown:
            self._forget()
            self.controller.hold_views(False)
            self.returned.emit()
