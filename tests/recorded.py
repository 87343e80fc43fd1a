"""A training run recorded as the app's time machine keeps it, for the tests of recordings."""

from __future__ import annotations

from annviz.nn.recording import Recorder, Recording
from annviz.nn.trainer import Trainer


def record(trainer: Trainer) -> Recording:
    """Train ``trainer`` to its end and return its recording (every moment the recorder keeps).
    Anything watching the trainer (a doctor) is attached before this is called."""
    recorder, net = Recorder(trainer), trainer.network
    run = Recording(trainer.config, net.sizes, net.activation_names, [str(i) for i in range(10)],
                    trainer.batches_per_epoch)
    run.add(recorder.start())
    for event in trainer.steps():
        moment = recorder.observe(event)
        if moment is not None:
            run.add(moment)
    return run
