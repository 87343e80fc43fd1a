"""Ready-made training configurations by key, for the training page's presets, setups, lessons
(which name presets by key) and ``annviz train --recipe KEY``. No Qt: the page adds the
translated names and hints (``annviz.gui.training.presets``)."""

from __future__ import annotations

from annviz.nn.config import TrainConfig

#: Each preset is a full configuration: choosing one sets everything.
PRESET_CONFIGS: dict[str, TrainConfig] = {
    # Two hidden layers of 16 sigmoid neurons, as in the lecture notes.
    "notes": TrainConfig(hidden=(16, 16), activation="sigmoid", loss="cross-entropy",
                         optimizer="sgd", lr=0.5, batch_size=10, epochs=10),
    # 98.5 % test accuracy in a few seconds (issue 25; the sweep behind it is
    # tests/benchmarks/bench_fast_sweep.py, its results in the README): one hidden layer of 512
    # ReLU neurons, Adam, one cycle of the learning rate up to η and down, label smoothing,
    # batches of 256. It crosses 98.5 % after ~3.1 epochs; the fifth ends at ~98.6 %.
    "fast": TrainConfig(hidden=(512,), activation="relu", loss="cross-entropy",
                        optimizer="adam", lr=1e-2, schedule="one-cycle", label_smoothing=0.1,
                        batch_size=256, epochs=5),
    # η = 1000 with squared error: each step overshoots and training stops.
    "too-high": TrainConfig(hidden=(16, 16), activation="sigmoid", loss="mse",
                            optimizer="sgd", lr=1000.0, batch_size=32, epochs=3),
    # No hidden layer: one template per class.
    "linear": TrainConfig(hidden=(), activation="sigmoid", loss="cross-entropy",
                          optimizer="sgd", lr=0.2, batch_size=32, epochs=5),
}

PRESET_KEYS = tuple(PRESET_CONFIGS)


def preset_config(key: str) -> TrainConfig:
    """The configuration of the preset ``key``; KeyError naming the known keys if there is none."""
    try:
        return PRESET_CONFIGS[key]
    except KeyError:
        raise KeyError(f"unknown recipe {key!r} (known: {', '.join(PRESET_KEYS)})") from None
