"""Ready-made settings that each tell a story: the notes' network, a fast one, a failing one, a line.

Each preset is a full ``TrainConfig`` (choosing one sets everything) with a name and a sentence
about what to watch for. Names are translated when asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from annviz.nn.config import TrainConfig


def _tr(text: str) -> str:
    return QCoreApplication.translate("presets", text)


@dataclass(frozen=True)
class Preset:
    key: str
    config: TrainConfig

    @property
    def name(self) -> str:
        return {
            "notes": _tr("The notes' network (784-16-16-10 sigmoid)"),
            "fast": _tr("Fast and accurate (ReLU + Adam)"),
            "too-high": _tr("Too high a learning rate"),
            "linear": _tr("No hidden layer (a linear classifier)"),
        }[self.key]

    @property
    def hint(self) -> str:
        return {
            "notes": _tr("Two hidden layers of 16 sigmoid neurons, as in the notes: watch the "
                         "weight pictures turn from noise into strokes."),
            "fast": _tr("128 and 64 ReLU neurons trained with Adam: past 97 % test accuracy "
                        "in a few epochs."),
            "too-high": _tr("The same small network with η = 1000: each step overshoots, "
                            "the loss climbs, and training stops."),
            "linear": _tr("Each output neuron weighs the 784 pixels directly: one template "
                          "per class, about 92 % at best."),
        }[self.key]


PRESETS: tuple[Preset, ...] = (
    Preset("notes", TrainConfig(hidden=(16, 16), activation="sigmoid", loss="cross-entropy",
                                optimizer="sgd", lr=0.5, batch_size=32, epochs=10)),
    Preset("fast", TrainConfig(hidden=(128, 64), activation="relu", loss="cross-entropy",
                               optimizer="adam", lr=0.001, batch_size=64, epochs=5)),
    Preset("too-high", TrainConfig(hidden=(16, 16), activation="sigmoid", loss="mse",
                                   optimizer="sgd", lr=1000.0, batch_size=32, epochs=3)),
    Preset("linear", TrainConfig(hidden=(), activation="sigmoid", loss="cross-entropy",
                                 optimizer="sgd", lr=0.2, batch_size=32, epochs=5)),
)
