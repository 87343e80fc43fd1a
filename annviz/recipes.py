"""From a training configuration to data, a network and a model file's metadata.

The command line and the GUI's training worker both start training the same way: load the
dataset the configuration names, take the first ``n_train`` examples, hold out a validation
share, build the network and its ``Trainer`` (handing it the data layer's augmentation, which
``annviz.nn`` never imports), and afterwards describe the result in a ``ModelInfo``. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from annviz.data.augment import augment_batch
from annviz.data.datasets import Dataset, load_dataset, split_validation, to_inputs
from annviz.nn.config import ConfigError, TrainConfig
from annviz.nn.convnet import ConvNet
from annviz.nn.history import History
from annviz.nn.modelfile import ModelInfo
from annviz.nn.network import Network
from annviz.nn.trainer import Trainer

Split = tuple[np.ndarray, np.ndarray]


@dataclass
class TrainingData:
    """The network-ready arrays: float32 inputs (n, 784) and integer labels (n,)."""

    dataset: Dataset
    train: Split
    test: Split
    validation: Split | None = None

    @property
    def n_classes(self) -> int:
        return len(self.dataset.class_names)


def prepare_data(config: TrainConfig) -> TrainingData:
    """Load ``config.dataset`` and cut it as the configuration says; ConfigError if nothing is
    left to train on."""
    ds = load_dataset(config.dataset)
    images, labels = ds.train_images, ds.train_labels
    if config.n_train is not None:
        images, labels = images[: config.n_train], labels[: config.n_train]
    validation = None
    if config.validation_share > 0:
        images, labels, val_images, val_labels = split_validation(
            images, labels, config.validation_share, config.seed)
        validation = (to_inputs(val_images), np.asarray(val_labels, dtype=np.int64))
    if len(images) == 0:
        raise ConfigError(f"{ds.name}: no training examples left to train on (n_train "
                          f"{config.n_train}, validation share {config.validation_share:g})")
    return TrainingData(
        dataset=ds,
        train=(to_inputs(images), np.asarray(labels, dtype=np.int64)),
        test=(to_inputs(ds.test_images), np.asarray(ds.test_labels, dtype=np.int64)),
        validation=validation,
    )


#: The reference convolutional network (issue 26), trained to ≥ 99 % on MNIST:
#: conv 5×5 ×8 pad 2 → ReLU → max-pool 2 → conv 5×5 ×16 pad 2 → ReLU → max-pool 2 → dense 10,
#: softmax, Adam with one cycle up to η 0.006 and down over 3 epochs (``annviz train --conv 8,16``;
#: 99 % in ~34 s of training on two cores, tests/benchmarks/bench_cnn.py; until this round it was
#: η 0.002 with a cosine schedule, which ended at 98.7–98.9 %: the bundled CNN's settings).
REFERENCE_CNN = TrainConfig(conv=(8, 16), hidden=(), activation="relu", optimizer="adam", lr=6e-3,
                            schedule="one-cycle", batch_size=64, epochs=3)


def build_network(config: TrainConfig, n_in: int = 784, n_out: int = 10) -> Network | ConvNet:
    """A freshly initialised network for ``config`` (seeded by ``config.seed``): a ConvNet if
    ``config.conv`` lists convolutions, else an MLP."""
    if config.conv:
        return ConvNet(config.conv_layers(n_out), init=config.init, seed=config.seed)
    return Network(config.layer_sizes(n_in, n_out), config.layer_activations(),
                   init=config.init, seed=config.seed)


def build_trainer(network: Network, config: TrainConfig, data: TrainingData) -> Trainer:
    """The trainer of ``network`` on ``data``, augmenting each batch if ``config.augment`` says so."""
    return Trainer(network, config, data.train, data.test, data.validation,
                   augment_fn=augment_batch if config.augment else None)


def model_info(config: TrainConfig, history: History, dataset: Dataset) -> ModelInfo:
    """What a model file should say about a network trained with ``config``."""
    last = history.epochs[-1] if history.epochs else None
    return ModelInfo(
        loss=config.loss,
        dataset=dataset.name,
        class_names=list(dataset.class_names),
        test_accuracy=None if last is None else last.test_accuracy,
        history=history.to_dict(),
        config=config.to_dict(),
    )
