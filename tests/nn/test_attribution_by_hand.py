"""One example's loss and gradients, one learning step, a neuron's contributions and softmax's
steps on a 2-2-2 network whose every number is worked out in the test with plain Python loops
(sigmoid hidden layer, softmax output, cross-entropy): what the insight page's "one step of
learning, slowed down" and the explorer's diagram show. And a batch where one example is wanted
is refused with its size."""

from __future__ import annotations

import math

import numpy as np
import pytest

from annviz.nn import Network
from annviz.nn.attribution import contributions, example_gradients, learning_step, softmax_steps
from annviz.nn.losses import CrossEntropy

W1 = [[0.5, -1.0], [1.5, 0.25]]
B1 = [0.1, -0.2]
W2 = [[1.0, -2.0], [-0.5, 0.75]]
B2 = [0.3, -0.1]
X = [0.1, 0.7]               # 0.1 and 0.7 are not float32 numbers: the network sees the nearest ones


def network(dtype=np.float32):
    return Network([2, 2, 2], ["sigmoid", "softmax"], [np.array(W1), np.array(W2)], [np.array(B1), np.array(B2)],
                   dtype=dtype)


def by_hand(x, y, w1=W1, b1=B1, w2=W2, b2=B2):
    """Forward and backward through the 2-2-2 network, one number at a time (float64)."""
    z1 = [sum(w1[j][m] * x[m] for m in range(2)) + b1[j] for j in range(2)]
    a1 = [1 / (1 + math.exp(-z)) for z in z1]
    z2 = [sum(w2[i][j] * a1[j] for j in range(2)) + b2[i] for i in range(2)]
    e = [math.exp(z) for z in z2]
    p = [v / sum(e) for v in e]
    loss = -math.log(p[y])
    d2 = [p[i] - (1 if i == y else 0) for i in range(2)]                  # ∂L/∂z of softmax + CE
    d1 = [sum(w2[i][j] * d2[i] for i in range(2)) * a1[j] * (1 - a1[j]) for j in range(2)]
    gw2 = [[d2[i] * a1[j] for j in range(2)] for i in range(2)]
    gw1 = [[d1[j] * x[m] for m in range(2)] for j in range(2)]
    return dict(z1=z1, a1=a1, z2=z2, p=p, loss=loss, deltas=[d1, d2], grad_w=[gw1, gw2], grad_b=[d1, d2])


X32 = [float(np.float32(v)) for v in X]


@pytest.mark.parametrize("y", [0, 1])
@pytest.mark.parametrize("shape", [(2,), (1, 2)])
def test_one_examples_loss_and_gradients_are_backpropagation_worked_out_by_hand(y, shape):
    # wrong answers: the gradients of another label, of no input (x = 0), of a batch of labels
    net = network(np.float64)
    hand = by_hand(X, y)
    loss, grads = example_gradients(net, np.reshape(X, shape), y, CrossEntropy())
    assert loss == pytest.approx(hand["loss"], rel=1e-12)
    for l in range(2):
        np.testing.assert_allclose(grads.grad_w[l], hand["grad_w"][l], rtol=1e-12)
        np.testing.assert_allclose(grads.grad_b[l], hand["grad_b"][l], rtol=1e-12)
        np.testing.assert_allclose(grads.deltas[l], [hand["deltas"][l]], rtol=1e-12)


def test_one_step_of_learning_keeps_every_stage_as_worked_out_by_hand():
    """η = 0.5 on (x, label 1) in float32: W − η ∂L/∂W for each layer, the biases before and
    after, the input as the network saw it, and the new loss from the new weights."""
    net, lr, y = network(), 0.5, 1
    hand = by_hand(X32, y)
    step = learning_step(net, np.array(X), y, CrossEntropy(), lr)
    assert step.x.tolist() == X32 and step.label == 1 and type(step.label) is int and step.lr == 0.5
    assert step.loss == pytest.approx(hand["loss"], rel=1e-6)
    np.testing.assert_allclose(step.probabilities, hand["p"], rtol=1e-6)
    stepped = []
    for l, (w, b) in enumerate(((W1, B1), (W2, B2))):
        np.testing.assert_allclose(step.deltas[l], hand["deltas"][l], rtol=1e-5)
        np.testing.assert_allclose(step.grad_w[l], hand["grad_w"][l], rtol=1e-5)
        np.testing.assert_allclose(step.grad_b[l], hand["grad_b"][l], rtol=1e-5)
        np.testing.assert_array_equal(step.weights[l], np.float32(w))
        np.testing.assert_array_equal(step.biases[l], np.float32(b))
        new_w = [[w[i][j] - lr * hand["grad_w"][l][i][j] for j in range(2)] for i in range(2)]
        new_b = [b[i] - lr * hand["grad_b"][l][i] for i in range(2)]
        np.testing.assert_allclose(step.new_weights[l], new_w, rtol=1e-5)
        np.testing.assert_allclose(step.new_biases[l], new_b, rtol=1e-5)
        np.testing.assert_allclose(step.weight_changes[l], np.subtract(new_w, w), rtol=1e-4, atol=1e-7)
        stepped += [new_w, new_b]
    after = by_hand(X32, y, *stepped)
    assert step.new_loss == pytest.approx(after["loss"], rel=1e-5) and step.new_loss < step.loss
    np.testing.assert_allclose(step.new_probabilities, after["p"], rtol=1e-5)
    np.testing.assert_array_equal(net.weights[0], np.float32(W1))          # the network itself is untouched


@pytest.mark.parametrize("k", [0, 1])
def test_contributions_say_which_output_they_explain_and_its_score(k):
    hand = by_hand(X, 0)
    got = contributions(network(np.float64), np.array(X), k)
    assert got.k == k
    assert got.neurons[-1].tolist() == pytest.approx([hand["z2"][k] if i == k else 0.0 for i in range(2)], rel=1e-12)
    # the last hidden layer's neurons: a_j · W_kj, their edges to output k (the others 0)
    assert got.neurons[1].tolist() == pytest.approx([hand["a1"][j] * W2[k][j] for j in range(2)], rel=1e-12)


def test_softmax_steps_start_from_the_scores_given():
    z = np.array([2.0, -1.0, 0.5])
    steps = softmax_steps(z)
    assert steps.z.tolist() == [2.0, -1.0, 0.5] and steps.shifted.tolist() == [0.0, -3.0, -1.5]
    total = 1 + math.exp(-3) + math.exp(-1.5)
    assert steps.total == pytest.approx(total, rel=1e-15)
    assert steps.probabilities.tolist() == pytest.approx([1 / total, math.exp(-3) / total, math.exp(-1.5) / total])


@pytest.mark.parametrize("call", [
    lambda net, x: example_gradients(net, x, 0, CrossEntropy()),
    lambda net, x: learning_step(net, x, 0, CrossEntropy(), 0.1),
    lambda net, x: contributions(net, x, 0),
])
def test_a_batch_where_one_example_is_wanted_is_refused_with_its_size(call):
    # wrong answers: the inputs' count (2) for the examples' (3), no message
    with pytest.raises(ValueError) as error:
        call(network(), np.zeros((3, 2)))
    assert str(error.value) == "expected one example, got a batch of 3"
