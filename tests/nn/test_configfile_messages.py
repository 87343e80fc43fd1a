"""Training settings read from a file (a setup's "training", a recording's "config"): what is kept,
each limit at its edge and one past it, and each refusal's exact line.

The settings are hand-written dicts, as a learner's edited setup file would hold them.
"""

from __future__ import annotations

import pytest

from annviz.nn.configfile import read_config
from annviz.safeio import FileFormatError

PATH = "lesson/setup.annviz"


def read(d, where="training."):
    return read_config(d, PATH, FileFormatError, where=where)


def test_every_setting_a_file_holds_is_kept_and_numbers_become_floats():
    c = read({"hidden": [32, 1], "hidden_activations": ["tanh", "relu"], "activation": "relu", "output": "softmax",
              "loss": "mse", "optimizer": "momentum", "schedule": "cosine", "init": "he", "dataset": "fashion",
              "lr": 1, "momentum": 0.5, "weight_decay": 2, "validation_share": 0.25, "label_smoothing": 0,
              "batch_size": 7, "epochs": 3, "seed": 11, "n_train": 99, "augment": True, "unknown": "ignored"})
    assert (c.hidden, c.hidden_activations, c.activation, c.output, c.loss, c.optimizer, c.schedule, c.init,
            c.dataset) == ((32, 1), ("tanh", "relu"), "relu", "softmax", "mse", "momentum", "cosine", "he", "fashion")
    assert (c.lr, c.momentum, c.weight_decay, c.validation_share, c.label_smoothing) == (1.0, 0.5, 2.0, 0.25, 0.0)
    assert all(type(v) is float for v in (c.lr, c.weight_decay, c.label_smoothing))   # 1 in the file is 1.0
    assert (c.batch_size, c.epochs, c.seed, c.n_train, c.augment) == (7, 3, 11, 99, True)


@pytest.mark.parametrize("d, check", [
    ({"hidden": [1] * 31, "hidden_activations": ["relu"] * 31}, lambda c: len(c.hidden) == 31),
    ({"hidden": [2048, 1]}, lambda c: c.hidden == (2048, 1)),
    ({"epochs": 2**31 - 1, "batch_size": 2**31 - 1, "seed": 2**31 - 1, "n_train": 2**31 - 1},
     lambda c: c.epochs == c.batch_size == c.seed == c.n_train == 2**31 - 1),
    ({"seed": 0, "epochs": 1, "batch_size": 1, "n_train": 1}, lambda c: (c.seed, c.epochs) == (0, 1)),
    ({"dataset": "d" * 4096}, lambda c: c.dataset == "d" * 4096),      # a folder's path: up to 4096
    ({"lr": 1e9, "momentum": 0, "weight_decay": 1e6}, lambda c: (c.lr, c.weight_decay) == (1e9, 1e6)),
    ({"lr": 3}, lambda c: c.lr == 3.0 and c.activation == "sigmoid"),   # the others keep their defaults
    ({"augment": False}, lambda c: c.augment is False),
])
def test_settings_at_their_limits_are_read(d, check):
    assert check(read(d))


ACTIVATIONS = "step, identity, sigmoid, tanh, relu, leaky_relu, softmax"


@pytest.mark.parametrize("d, english", [
    ([1], "training should be an object, not [1]"),
    (None, "training should be an object, not null"),
    # each field is checked even when the fields before it are absent
    ({"lr": "fast"}, 'training.lr should be a number, not "fast"'),
    ({"lr": True}, "training.lr should be a number, not true"),
    ({"lr": -1}, "training.lr should be a number from 0 to 1e+09, not -1"),
    ({"lr": 1e9 + 1}, "training.lr should be a number from 0 to 1e+09, not 1000000001.0"),
    ({"weight_decay": 1e6 + 1}, "training.weight_decay should be a number from 0 to 1e+06, not 1000001.0"),
    ({"momentum": 1.5}, "training.momentum should be a number from 0 to 1, not 1.5"),
    ({"epochs": 0}, "training.epochs should be a whole number from 1 to 2147483647, not 0"),
    ({"epochs": 2**31}, "training.epochs should be a whole number from 1 to 2147483647, not 2147483648"),
    ({"seed": -1}, "training.seed should be a whole number from 0 to 2147483647, not -1"),
    ({"batch_size": 2.5}, "training.batch_size should be an integer, not 2.5"),
    ({"augment": 1}, "training.augment should be true or false, not 1"),
    ({"activation": 5}, "training.activation should be a string, not 5"),
    ({"activation": ""}, "training.activation should be a name of 1 to 200 characters"),
    ({"activation": "a" * 201}, "training.activation should be a name of 1 to 200 characters"),
    ({"dataset": "d" * 4097}, "training.dataset should be a name of 1 to 4096 characters"),
    ({"activation": "x"},
     f"training: these training settings cannot train (unknown activation 'x' (known: {ACTIVATIONS}))"),
    ({"activation": "a" * 200},
     f"training: these training settings cannot train (unknown activation '{'a' * 200}' (known: {ACTIVATIONS}))"),
    ({"hidden": 5}, "training.hidden should be a list of at most 32 entries, each an integer"),
    ({"hidden": "16"}, "training.hidden should be a list of at most 32 entries, each an integer"),
    ({"hidden": [1] * 33}, "training.hidden should be a list of at most 32 entries, each an integer"),
    ({"hidden": [4, True]}, "training.hidden should be a list of at most 32 entries, each an integer"),
    ({"hidden": [4, 0]}, "training.hidden should be a whole number from 1 to 2048, not [4, 0]"),
    ({"hidden": [2049]}, "training.hidden should be a whole number from 1 to 2048, not [2049]"),
    ({"hidden": [1] * 32}, "training: these training settings cannot train (a network may have at most 31 hidden "
                           "layers, got 32)"),
    ({"hidden_activations": [1]}, "training.hidden_activations should be a list of at most 32 entries, each a string"),
    ({"hidden": [4], "hidden_activations": ["r" * 201]}, "training.hidden_activations holds a name longer than 200 "
                                                         "characters"),
    ({"hidden": [4], "hidden_activations": ["r" * 200]},
     f"training: these training settings cannot train (unknown activation '{'r' * 200}' (known: {ACTIVATIONS}))"),
])
def test_a_bad_setting_gets_its_own_line(d, english):
    with pytest.raises(FileFormatError) as caught:
        read(d)
    assert str(caught.value) == f"{PATH}: {english}"


def test_the_field_is_named_as_the_file_names_it():
    with pytest.raises(FileFormatError) as caught:
        read([], where="moments[3].fix.set.")
    assert str(caught.value) == f"{PATH}: moments[3].fix.set should be an object, not []"
    with pytest.raises(FileFormatError) as caught:
        read({"hidden": [4], "hidden_activations": ["s" * 201]}, where="config.")
    assert str(caught.value) == f"{PATH}: config.hidden_activations holds a name longer than 200 characters"
    with pytest.raises(FileFormatError) as caught:         # a recording's, by default
        read_config({"lr": "slow"}, PATH, FileFormatError)
    assert str(caught.value) == f'{PATH}: config.lr should be a number, not "slow"'
