"""No false alarm on the training page's presets; the "too high a learning rate" preset diagnosed.

The fast version of ``tests/benchmarks/bench_doctor.py``: each preset as it is (its network,
optimizer, η, batch size and epochs) on the first 12,000 MNIST digits instead of 60,000, with a
validation share of 1/12 so that overfitting is judged too, two seeds. The benchmark runs them on
full MNIST, three seeds.
"""

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from annviz.gui.training.presets import PRESETS, preset_named
from annviz.nn.doctor import Doctor
from annviz.recipes import build_network, build_trainer, prepare_data


def diagnose(config):
    data = prepare_data(config)
    trainer = build_trainer(build_network(config, n_out=data.n_classes), config, data)
    trainer.test = None                 # the doctor never looks at it; it saves the time
    doctor = Doctor(trainer)
    with threadpool_limits(1, user_api="blas"), np.errstate(all="ignore"):
        for _ in trainer.steps():
            pass
    return doctor.finish(), trainer


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("key", [p.key for p in PRESETS if p.key != "too-high"])
def test_a_healthy_preset_gets_no_diagnosis(key, seed):
    config = preset_named(key).config.replace(n_train=12_000, validation_share=1 / 12, seed=seed)
    named, trainer = diagnose(config)
    assert trainer.history.status == "finished" and len(trainer.history.epochs) == config.epochs
    assert named == [], [d.to_dict() for d in named]
    assert trainer.history.epochs[-1].val_accuracy > 0.85   # it did learn


def test_the_too_high_preset_is_diagnosed_at_once_with_a_lower_learning_rate():
    config = preset_named("too-high").config.replace(n_train=12_000)
    named, trainer = diagnose(config)
    assert trainer.history.status == "diverged"
    assert [d.code for d in named] == ["lr_too_high"] and named[0].named_at <= 20
    assert named[0].fixes[0].settings["lr"] <= config.lr / 10
