"""The recipes hand the trainer what annviz.nn does not have: the data layer's augmentation."""

import numpy as np

from annviz.nn import TrainConfig
from annviz.recipes import build_network, build_trainer, prepare_data


def test_a_trainer_built_by_the_recipe_augments_its_batches_when_the_config_asks():
    config = TrainConfig(hidden=(8,), batch_size=16, epochs=1, n_train=64, augment=True, seed=3)
    data = prepare_data(config)
    trainer = build_trainer(build_network(config), config, data)
    batch = data.train[0][:16]
    shifted = trainer.augment_fn(batch, np.random.default_rng(0))
    assert shifted.shape == batch.shape and not np.array_equal(shifted, batch)
    assert trainer.run().status == "finished"
    plain = TrainConfig(hidden=(8,), batch_size=16, epochs=1, n_train=64)
    assert build_trainer(build_network(plain), plain, prepare_data(plain)).augment_fn is None
