"""Ready-made settings that each tell a story: the notes' network, a fast one, a failing one, a line.

Each preset is a full ``TrainConfig`` (``annviz.presets``, shared with ``annviz train --recipe``)
with a name and a sentence about what to watch for. Names are translated when asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from annviz.nn.config import TrainConfig
from annviz.presets import PRESET_CONFIGS

translate = QCoreApplication.translate  # lupdate reads translate("context", "text")


@dataclass(frozen=True)
class Preset:
    key: str
    config: TrainConfig

    @property
    def name(self) -> str:
        return {
            "notes": translate("TrainingPresets", "The lecture notes' network (784-16-16-10 sigmoid)"),
            "fast": translate("TrainingPresets", "98.5 % before the bell (ReLU + Adam, one cycle)"),
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
                              "One hidden layer of 512 ReLU neurons, Adam, the learning rate up and "
                              "down in one cycle, softened labels: 98.5 % test accuracy in seconds. "
                              "Watch the time to 98.5 % under the curves."),
            "too-high": translate("TrainingPresets",
                                  "The same small network with η = 1000 and squared error: each "
                                  "step overshoots, the loss climbs, and training stops."),
            "linear": translate("TrainingPresets",
                                "Each output neuron weighs the 784 pixels directly: one template "
                                "per class, about 92 % at best."),
        }[self.key]


PRESETS: tuple[Preset, ...] = tuple(Preset(key, config) for key, config in PRESET_CONFIGS.items())


def preset_named(key: str | None) -> Preset | None:
    """The preset whose key is ``key`` (the presets chooser holds keys), or None."""
    return next((p for p in PRESETS if p.key == key), None)
