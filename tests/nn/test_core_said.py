"""The core's small print: how its pieces name themselves (a loss, an activation), what a refusal
says (softmax asked for an element-wise slope, a parameter of the wrong shape, running arrays for
an optimizer that keeps none, a neuron that is not a hidden one), the precision the error signal
keeps (float32 in, float32 out: the app's networks), a step function's slope as a float, and a
shifted bias added to the bias the neuron had."""

from __future__ import annotations

import numpy as np
import pytest

from annviz.nn import Network
from annviz.nn.activations import Identity, ReLU, Sigmoid, Softmax, Step, get_activation
from annviz.nn.losses import CrossEntropy, MeanSquaredError
from annviz.nn.neuron_edit import NeuronEdit, apply_edits
from annviz.nn.optimizers import make_optimizer


@pytest.mark.parametrize("thing, shown", [
    (Sigmoid(), "Sigmoid()"), (ReLU(), "ReLU()"), (Identity(), "Identity()"), (MeanSquaredError(), "MeanSquaredError()"),
    (CrossEntropy(), "CrossEntropy()"), (CrossEntropy(0.1), "CrossEntropy(label_smoothing=0.1)"),
    (CrossEntropy(0.25), "CrossEntropy(label_smoothing=0.25)"),
])
def test_each_piece_names_itself(thing, shown):
    assert repr(thing) == shown


def test_softmax_refuses_an_element_wise_slope_and_says_what_to_use():
    with pytest.raises(TypeError) as error:
        Softmax().df(np.zeros((1, 3)))
    assert str(error.value) == "softmax is not element-wise: use backward(z, a, grad_a)"


@pytest.mark.parametrize("loss, output", [(MeanSquaredError(), Sigmoid()), (MeanSquaredError(), Identity()),
                                          (CrossEntropy(), Identity()), (CrossEntropy(0.1), Identity())])
def test_the_error_signal_keeps_the_networks_float32(loss, output):
    z = np.array([[0.2, -0.4, 1.0], [0.5, 0.1, -0.3]], np.float32)
    a = output.f(z)
    delta = loss.delta(z, a, np.array([2, 0]), output)
    assert delta.dtype == np.float32
    assert isinstance(loss.value(a, np.array([2, 0]), output), float)


def test_smoothed_targets_are_float32_for_a_float32_network():
    a = np.full((2, 4), 0.25, np.float32)
    t = CrossEntropy(0.1).targets(np.array([1, 3]), a)
    assert t.dtype == np.float32
    np.testing.assert_allclose(t, [[0.025, 0.925, 0.025, 0.025], [0.025, 0.025, 0.025, 0.925]], rtol=1e-6)
    assert MeanSquaredError().value(a, np.array([1, 3])) == pytest.approx(0.5 * (3 * 0.0625 + 0.5625))


def test_a_step_functions_slope_is_a_float_zero_whatever_its_input():
    for z in (np.array([-2, 0, 3]), np.array([-2.0, 0.5], np.float32), np.array([1.0])):
        slope = Step().df(z)
        assert slope.dtype.kind == "f" and slope.tolist() == [0.0] * len(z)
    assert Step().df(np.array([1, 2])).dtype == np.float64
    assert get_activation("step").df(np.array([0.5], np.float32)).dtype == np.float32


def test_a_parameter_of_the_wrong_shape_is_refused_with_both_shapes():
    net = Network([3, 2, 2], ["sigmoid", "softmax"], seed=0)
    with pytest.raises(ValueError) as error:
        net.set_parameters([np.zeros((2, 3)), np.zeros((2, 2))], [np.zeros(2), np.zeros(3)])
    assert str(error.value) == "parameter shape (3,) does not fit (2,)"
    with pytest.raises(ValueError) as error:
        net.set_parameters([np.zeros((3, 2)), np.zeros((2, 2))], [np.zeros(2), np.zeros(2)])
    assert str(error.value) == "parameter shape (3, 2) does not fit (2, 3)"


def test_running_arrays_for_sgd_which_keeps_none_are_refused():
    sgd = make_optimizer("sgd", 0.1)
    with pytest.raises(ValueError) as error:
        sgd.restore_running_state({"t": 3, "arrays": [np.zeros(2), np.zeros(4)]})
    assert str(error.value) == "sgd keeps no arrays, got 2"
    sgd.restore_running_state({"t": 3, "arrays": []})
    assert sgd.t == 3


@pytest.mark.parametrize("edit, said", [
    (NeuronEdit(0, 0, off=True), "layer 0 is not a hidden layer of 3-4-2 sigmoid/softmax"),
    (NeuronEdit(2, 1, off=True), "layer 2 is not a hidden layer of 3-4-2 sigmoid/softmax"),
    (NeuronEdit(1, 4, off=True), "hidden layer 1 has no neuron 4 (it has 4)"),
    (NeuronEdit(1, -1, off=True), "hidden layer 1 has no neuron -1 (it has 4)"),
])
def test_a_neuron_that_is_not_a_hidden_one_is_refused_and_said(edit, said):
    with pytest.raises(ValueError) as error:
        apply_edits(Network([3, 4, 2], ["sigmoid", "softmax"], seed=0), [edit])
    assert str(error.value) == said


def test_a_shifted_bias_is_added_to_the_bias_the_neuron_had():
    net = Network([3, 4, 2], ["sigmoid", "softmax"], seed=0)
    net.biases[0][:] = [0.5, -0.25, 1.0, 0.0]
    edited = apply_edits(net, [NeuronEdit(1, 2, bias_shift=-3.0), NeuronEdit(1, 1, bias_shift=0.5)])
    assert edited.biases[0].tolist() == [0.5, 0.25, -2.0, 0.0]
    assert net.biases[0].tolist() == [0.5, -0.25, 1.0, 0.0]               # the original is untouched
