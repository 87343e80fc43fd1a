"""Ready-made settings that each tell a story: the notes' network, a fast one, a failing one, a line.

Each preset is a full ``TrainConfig`` (choosing one sets everything) with a name and a sentence
about what to watch for. Names are translated when asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from annviz.nn.config import TrainConfig


translate = QCoreApplication.translate  # lupdate reads translate("context", "text")


@dataclass(frozen=True)
class Preset:
    key: str
    config: TrainConfig

    @property
    def name(self) -> str:
        return {
            "notes": translate("TrainingPresets", "The lecture notes' network (784-16-16-10 sigmoid)"),
            "fast": translate("TrainingPresets", "Fast and accurate (ReLU + Adam)"),
            "too-high": translate("TrainingPresets", "Too high a learning rate"),
            "linear": translate("TrainingPresets", "No hidden layer (a linear classifier)"),
        }[self.key]

    @property
    def hint(self) -> str:
        return {
            "notes": translate("TrainingPresets",
                               "Two hidden layers of 16 sigmoid neurons, as in the lecture notes: watch the "
                               "weight pictures turn from noise into strokes."),
            "fast": translate("TrainingPresets",
                              "128 and 64 ReLU neurons trained with Adam: past 97 % test accuracy "
                              "in a few epochs."),
            "too-high": translate("TrainingPresets",
                                  "The same small network with η = 1000 and squared error: each "
                                  "step overshoots, the loss climbs, and training stops."),
            "linear": translate("TrainingPresets",
                                "Each output neuron weighs the 784 pixels directly: one template "
                                "per class, about 92 % at best."),
        }[self.key]


PRESETS: tuple[Preset, ...] = (
    Preset("notes", TrainConfig(hidden=(16, 16), activation="sigmoid", loss="cross-entropy",
                                optimizer="sgd", lr=0.5, batch_size=10, epochs=10)),
    Preset("fast", TrainConfig(hidden=(128, 64), activation="relu", loss="cross-entropy",
                               optimizer="adam", lr=0.001, batch_size=64, epochs=5)),
    Preset("too-high", TrainConfig(hidden=(16, 16), activation="sigmoid", loss="mse",
                                   optimizer="sgd", lr=1000.0, batch_size=32, epochs=3)),
    Preset("linear", TrainConfig(hidden=(), activation="sigmoid", loss="cross-entropy",
                                 optimizer="sgd", lr=0.2, batch_size=32, epochs=5)),
)


def preset_named(key: str | None) -> Preset | None:
    """The preset whose key is ``key`` (the presets chooser holds keys), or None."""
    return next((p for p in PRESETS if p.key == key), None)
