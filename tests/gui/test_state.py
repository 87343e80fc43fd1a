"""AppState: listeners of model_changed already see the forward pass of the new model."""

import numpy as np

from annviz.gui.state import AppState
from annviz.nn import Network


def test_model_changed_listeners_see_the_new_models_forward_pass(qtbot):
    state = AppState()
    state.set_model(Network.build([784, 16, 10], seed=0))
    state.set_input(np.random.default_rng(0).random((28, 28), dtype=np.float32))
    seen = []
    state.model_changed.connect(lambda: seen.append([z.shape[1] for z in state.forward.zs]))
    state.set_model(Network.build([784, 128, 64, 10], seed=0))
    assert seen == [[128, 64, 10]]
