"""A training configuration that cannot train is refused with its own sentence (what the command
line prints for ``annviz train`` and a setup file's reader shows), naming the setting, the value
and what it may be; every limit is accepted at its edge and refused one past it."""

from __future__ import annotations

import math

import pytest

from annviz.nn.config import ConfigError, TrainConfig

REFUSED = [
    (dict(loss="hinge"), "unknown loss 'hinge' (known: cross-entropy, mse)"),
    (dict(optimizer="rmsprop"), "unknown optimizer 'rmsprop' (known: sgd, momentum, adam)"),
    (dict(schedule="step"), "unknown learning-rate schedule 'step' (known: constant, cosine, one-cycle)"),
    (dict(loss="mse", label_smoothing=0.1), "label smoothing needs the cross-entropy loss, not mse"),
    (dict(activation="swish"),
     "unknown activation 'swish' (known: step, identity, sigmoid, tanh, relu, leaky_relu, softmax)"),
    (dict(hidden=(16, 0)), "every hidden layer needs at least one neuron, got [16, 0]"),
    (dict(hidden=(2049,)), "a layer may have at most 2048 neurons, got [2049]"),
    (dict(hidden=(1,) * 32), "a network may have at most 31 hidden layers, got 32"),
    (dict(hidden=(16, 16), hidden_activations=("relu",)), "2 hidden layers need as many activations, got 1"),
    (dict(activation="softmax"),
     "hidden activation must be one of sigmoid, tanh, relu, leaky_relu, got 'softmax'"),
    (dict(hidden=(4, 4), hidden_activations=("relu", "identity")),
     "hidden activation must be one of sigmoid, tanh, relu, leaky_relu, got 'identity'"),
    (dict(output="relu"), "output activation must be one of softmax, sigmoid, identity"),
    (dict(init="glorot"), "unknown initialisation 'glorot' (known: auto, he, xavier)"),
    (dict(lr=0.0), "the learning rate must be a positive number, got 0.0"),
    (dict(lr=math.inf), "the learning rate must be a positive number, got inf"),
    (dict(momentum=1.0), "momentum must be in [0, 1), got 1.0"),
    (dict(momentum=-0.25), "momentum must be in [0, 1), got -0.25"),
    (dict(weight_decay=-0.5), "L2 weight decay must be ≥ 0, got -0.5"),
    (dict(weight_decay=math.nan), "L2 weight decay must be ≥ 0, got nan"),
    (dict(batch_size=0), "the batch size must be at least 1, got 0"),
    (dict(epochs=0), "epochs must be at least 1, got 0"),
    (dict(n_train=0), "the number of training examples must be at least 1, got 0"),
    (dict(validation_share=1.0), "the validation share must be in [0, 1), got 1.0"),
    (dict(validation_share=-0.125), "the validation share must be in [0, 1), got -0.125"),
    (dict(conv=(1,) * 9), "a network may have at most 8 convolutions, got 9"),
    (dict(conv=(1,) * 5), "convolutions [1, 1, 1, 1, 1]: layer 9: maps of 1×1 are too small for a 2×2 max-pool"),
]

ACCEPTED = [   # each limit at its edge
    dict(hidden=(1, 2048)), dict(hidden=(1,) * 31), dict(hidden=()), dict(momentum=0.0), dict(momentum=0.999),
    dict(weight_decay=0.0), dict(batch_size=1), dict(epochs=1), dict(n_train=1), dict(validation_share=0.0),
    dict(validation_share=0.875), dict(lr=5e-324), dict(conv=(1,) * 4),   # 28 → 14 → 7 → 3 → 1
    dict(hidden=(4, 4), hidden_activations=("relu", "tanh")), dict(output="identity"), dict(init="xavier"),
]


@pytest.mark.parametrize("changes, said", REFUSED, ids=[s[:40] for _, s in REFUSED])
def test_each_setting_that_cannot_train_is_refused_with_its_sentence(changes, said):
    with pytest.raises(ConfigError) as caught:
        TrainConfig(**changes).validate()
    assert str(caught.value) == said


@pytest.mark.parametrize("changes", ACCEPTED, ids=[str(c)[:40] for c in ACCEPTED])
def test_every_limit_is_accepted_at_its_edge(changes):
    config = TrainConfig(**changes)
    assert config.validate() is config
    for name, value in changes.items():     # kept as given (lists as tuples)
        assert getattr(config, name) == (tuple(value) if isinstance(value, list) else value)


def test_lists_become_tuples_under_their_own_names():
    config = TrainConfig(hidden=[8, 4], hidden_activations=["relu", "tanh"], conv=[2])
    assert (config.hidden, config.hidden_activations, config.conv) == ((8, 4), ("relu", "tanh"), (2,))
    assert hash(config) == hash(TrainConfig(hidden=(8, 4), hidden_activations=("relu", "tanh"), conv=(2,)))
