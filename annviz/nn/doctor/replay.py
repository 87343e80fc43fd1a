"""Where "Replay with the fix" starts a diagnosed run again: the plan, no Qt.

A fix of η, momentum, L2 or epochs (``Fix.restart`` False) continues the run from the last full
training state recorded *before* the fault began — an epoch's end, batch 0, or one of the early
states the recorder keeps in the first epoch (``recording.EARLY_STATE_EVERY``) — with the fix's
settings: the learner sees the same run take another turn where it went wrong. Any other fix
(activation, initialisation, data, optimizer, layers) means another network from the start:
batch 0 with the same seed — as does a fault that began before the first state after batch 0. A continuing fix with no state before the fault (a recording that
was thinned, or opened from a file that kept only its epoch ends) starts again too.
"""

from __future__ import annotations

from dataclasses import dataclass

from annviz.nn.config import TrainConfig
from annviz.nn.doctor.diagnosis import Diagnosis, Fix
from annviz.nn.recording import Moment, Recording


@dataclass(frozen=True)
class ReplayPlan:
    config: TrainConfig               # the run's own settings with the fix's
    start_from: Moment | None         # the moment to continue from; None: from batch 0

    @property
    def restart(self) -> bool:
        return self.start_from is None


def fixed_config(config: TrainConfig, fix: Fix) -> TrainConfig:
    """``config`` with the fix's settings (``n_train`` None: all the training examples)."""
    return config.replace(**fix.settings).validate()


def last_state_before(run: Recording, batch: int) -> Moment | None:
    """The last moment of ``run`` that keeps the whole state, recorded before batch ``batch``
    was trained (a moment at step s is the network after s batches: s < batch)."""
    for moment in reversed(run.moments):
        if moment.state is not None and moment.step < batch:
            return moment
    return None


def replay_plan(run: Recording, diagnosis: Diagnosis, fix: Fix) -> ReplayPlan:
    config = fixed_config(run.config, fix)
    if fix.restart:
        return ReplayPlan(config, None)
    start = last_state_before(run, diagnosis.batch)
    # batch 0's state is the fresh network of the same seed: starting again is the same run
    return ReplayPlan(config, start if start is not None and start.step > 0 else None)
