"""The training configuration: every hyper-parameter in one frozen dataclass."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from annviz.nn.activations import HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, get_activation
from annviz.nn.limits import MAX_LAYER_SIZE, MAX_LAYERS
from annviz.nn.losses import get_loss
from annviz.nn.network import INIT_SCHEMES
from annviz.nn.optimizers import make_optimizer, scheduled_lr

if TYPE_CHECKING:   # conv_layers imports it when called
    from annviz.nn.layers import Layer

#: Initialisations by name: "auto" picks He for ReLU layers and Xavier for the others.
INIT_NAMES = ("auto", *INIT_SCHEMES)


class ConfigError(ValueError):
    """A training configuration that cannot train; the message names the setting."""


def check_hidden(hidden: Iterable[int]) -> None:
    """Raise ConfigError unless ``hidden`` is a list of layer sizes within the shared bounds."""
    hidden = list(hidden)
    if any(n < 1 for n in hidden):
        raise ConfigError(f"every hidden layer needs at least one neuron, got {hidden}")
    if any(n > MAX_LAYER_SIZE for n in hidden):
        raise ConfigError(f"a layer may have at most {MAX_LAYER_SIZE} neurons, got {hidden}")
    if len(hidden) + 1 > MAX_LAYERS:
        raise ConfigError(f"a network may have at most {MAX_LAYERS - 1} hidden layers, got {len(hidden)}")


@dataclass(frozen=True)
class TrainConfig:
    hidden: tuple[int, ...] = (16, 16)        # neurons per hidden layer; () = a linear classifier
    activation: str = "sigmoid"               # activation of every hidden layer ...
    hidden_activations: tuple[str, ...] = ()  # ... unless given per hidden layer here
    output: str = "softmax"                   # activation of the output layer
    loss: str = "cross-entropy"               # "cross-entropy" or "mse"
    optimizer: str = "adam"                   # "sgd", "momentum" or "adam"
    lr: float = 1e-3                          # learning rate η
    momentum: float = 0.9                     # μ, for the momentum optimizer
    weight_decay: float = 0.0                 # L2 factor λ
    schedule: str = "constant"                # "constant", "cosine" or "one-cycle" learning rate
    label_smoothing: float = 0.0              # ε: targets (1 − ε)·one-hot + ε/K (cross-entropy only)
    batch_size: int = 64                      # examples per mini-batch
    epochs: int = 10                          # passes over the training examples
    augment: bool = False                     # random shifts, rotations and scalings of each batch
    init: str = "auto"                        # "auto" (He for ReLU, Xavier otherwise), "he", "xavier"
    seed: int = 0                             # initial weights and shuffling
    dataset: str = "mnist"                    # dataset name or IDX folder
    n_train: int | None = None                # use only the first n training examples
    validation_share: float = 0.0             # share of the training examples held out
    conv: tuple[int, ...] = ()                # filters of each 5×5 convolution, each max-pooled; () = an MLP
    extra: dict = field(default_factory=dict, compare=False)  # free-form notes kept in model files

    def __post_init__(self) -> None:
        object.__setattr__(self, "conv", tuple(int(n) for n in self.conv))
        object.__setattr__(self, "hidden", tuple(int(n) for n in self.hidden))
        object.__setattr__(self, "hidden_activations", tuple(self.hidden_activations))

    def validate(self) -> TrainConfig:
        """Raise ConfigError (a ValueError) with a clear message for anything that cannot train."""
        check_hidden(self.hidden)
        try:  # each name is checked once, where it is looked up
            self.layer_activations()
            get_loss(self.loss, self.label_smoothing)
            make_optimizer(self.optimizer, 1.0)
            scheduled_lr(self.schedule, 1.0, 0, 1)
        except ValueError as error:  # an unknown name, or label smoothing out of range or with mse
            raise ConfigError(str(error)) from None
        if self.hidden_activations and len(self.hidden_activations) != len(self.hidden):
            raise ConfigError(f"{len(self.hidden)} hidden layers need as many activations, "
                              f"got {len(self.hidden_activations)}")
        for name in self.layer_activations()[:-1]:
            if name not in HIDDEN_ACTIVATIONS:
                raise ConfigError(f"hidden activation must be one of {', '.join(HIDDEN_ACTIVATIONS)}, got {name!r}")
        if self.conv:
            self.conv_layers()
        if self.output not in OUTPUT_ACTIVATIONS:
            raise ConfigError(f"output activation must be one of {', '.join(OUTPUT_ACTIVATIONS)}")
        if self.init not in INIT_NAMES:
            raise ConfigError(f"unknown initialisation {self.init!r} (known: {', '.join(INIT_NAMES)})")
        if not (math.isfinite(self.lr) and self.lr > 0):
            raise ConfigError(f"the learning rate must be a positive number, got {self.lr}")
        if not (0 <= self.momentum < 1):
            raise ConfigError(f"momentum must be in [0, 1), got {self.momentum}")
        if not (math.isfinite(self.weight_decay) and self.weight_decay >= 0):
            raise ConfigError(f"L2 weight decay must be ≥ 0, got {self.weight_decay}")
        if self.batch_size < 1:
            raise ConfigError(f"the batch size must be at least 1, got {self.batch_size}")
        if self.epochs < 1:
            raise ConfigError(f"epochs must be at least 1, got {self.epochs}")
        if self.n_train is not None and self.n_train < 1:
            raise ConfigError(f"the number of training examples must be at least 1, got {self.n_train}")
        if not (0 <= self.validation_share < 1):
            raise ConfigError(f"the validation share must be in [0, 1), got {self.validation_share}")
        return self

    def layer_activations(self) -> list[str]:
        """One activation name per weight layer."""
        hidden = list(self.hidden_activations) or [self.activation] * len(self.hidden)
        return [get_activation(n).name for n in hidden] + [get_activation(self.output).name]

    def layer_sizes(self, n_in: int = 784, n_out: int = 10) -> list[int]:
        return [n_in, *self.hidden, n_out]

    def conv_layers(self, n_out: int = 10) -> list[Layer]:
        """The convolutional network's layers (``conv`` non-empty): each convolution 5×5, padded
        by 2, ``activation``, then a 2×2 max-pool; a flatten; the dense layers. ConfigError if
        they cannot be built (``nn.layers.check_layers``)."""
        from annviz.nn.layers import MAX_CONV_LAYERS, Conv, Dense, Flatten, LayerError, Pool, check_layers

        if len(self.conv) > MAX_CONV_LAYERS:
            raise ConfigError(f"a network may have at most {MAX_CONV_LAYERS} convolutions, got {len(self.conv)}")
        *hidden, output = self.layer_activations()
        layers: list[Layer] = []
        for filters in self.conv:
            layers += [Conv(filters, 5, 2, get_activation(self.activation).name), Pool()]
        layers += [Flatten(), *(Dense(n, a) for n, a in zip(self.hidden, hidden)), Dense(n_out, output)]
        try:
            check_layers(layers)
        except LayerError as error:
            raise ConfigError(f"convolutions {list(self.conv)}: {error}") from None
        return layers

    def replace(self, **changes: Any) -> TrainConfig:
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["conv"] = list(self.conv)
        d["hidden"] = list(self.hidden)
        d["hidden_activations"] = list(self.hidden_activations)
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TrainConfig:
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in known})
