"""A training configuration as model files and ``annviz train --json`` write it (``to_dict``: every
setting under its own name, lists for the layers) and as it is read back (``from_dict``: a file of
a newer annviz may hold settings this one does not know), and the convolutional network a
configuration builds, layer by layer, up to its limit of convolutions."""

import dataclasses
import json

import pytest

from annviz.nn.config import ConfigError, TrainConfig
from annviz.nn.layers import Conv, Dense, Flatten, Pool

#: Every setting away from its default.
ODD = TrainConfig(hidden=(12, 7), activation="tanh", hidden_activations=("relu", "sigmoid"), output="sigmoid",
                  loss="mse", optimizer="momentum", lr=0.05, momentum=0.8, weight_decay=1e-4, schedule="cosine",
                  label_smoothing=0.1, batch_size=32, epochs=3, augment=True, init="xavier", seed=9,
                  dataset="fashion-mnist", n_train=500, validation_share=0.2, conv=(4, 6))


def test_every_setting_is_written_under_its_own_name_the_layers_as_lists():
    d = ODD.to_dict()
    assert set(d) == {f.name for f in dataclasses.fields(TrainConfig)}       # no other name
    assert d["conv"] == [4, 6] and d["hidden"] == [12, 7] and d["hidden_activations"] == ["relu", "sigmoid"]
    assert type(d["conv"]) is list and type(d["hidden"]) is list and type(d["hidden_activations"]) is list
    assert (d["lr"], d["n_train"], d["dataset"], d["augment"]) == (0.05, 500, "fashion-mnist", True)


def test_a_configuration_comes_back_from_its_json_as_it_was():
    back = TrainConfig.from_dict(json.loads(json.dumps(ODD.to_dict())))
    assert back == ODD and back.conv == (4, 6) and back.hidden_activations == ("relu", "sigmoid")


def test_settings_a_newer_annviz_wrote_are_left_out_the_known_ones_read():
    d = {"lr": 0.2, "hidden": [5], "dropout": 0.5, "attention_heads": 4}
    assert TrainConfig.from_dict(d) == TrainConfig(lr=0.2, hidden=(5,))
    assert TrainConfig.from_dict({}) == TrainConfig()


def test_a_convolutional_network_is_built_layer_by_layer():
    """Each convolution 5×5, padded by 2, with ``activation``, then a 2×2 pool; a flatten; the
    hidden layers with their own activations; the output layer of 10 classes."""
    cfg = TrainConfig(conv=(4, 6), hidden=(12, 7), activation="tanh", hidden_activations=("relu", "sigmoid"))
    assert cfg.conv_layers() == [Conv(4, 5, 2, "tanh"), Pool(2), Conv(6, 5, 2, "tanh"), Pool(2), Flatten(),
                                 Dense(12, "relu"), Dense(7, "sigmoid"), Dense(10, "softmax")]
    assert cfg.conv_layers(3)[-1] == Dense(3, "softmax")
    plain = TrainConfig(conv=(8,), hidden=(), activation="sigmoid")
    assert plain.conv_layers() == [Conv(8, 5, 2, "sigmoid"), Pool(2), Flatten(), Dense(10, "softmax")]


def test_eight_convolutions_pass_the_count_and_fail_on_the_maps_nine_are_too_many():
    # 8 is the most: refused only because 28×28 maps are 1×1 after four pools, and said so
    with pytest.raises(ConfigError) as error:
        TrainConfig(conv=(1,) * 8).conv_layers()
    assert str(error.value) == ("convolutions [1, 1, 1, 1, 1, 1, 1, 1]: layer 9: maps of 1×1 are too small "
                                "for a 2×2 max-pool")
    with pytest.raises(ConfigError) as error:
        TrainConfig(conv=(1,) * 9).conv_layers()
    assert str(error.value) == "a network may have at most 8 convolutions, got 9"
