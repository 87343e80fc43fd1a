"""The app model without Qt: what it keeps, what it announces, in which order."""

import subprocess
import sys

import numpy as np
import pytest

from annviz.appmodel import AppModel, Fact
from annviz.nn import Network


@pytest.fixture
def model():
    m = AppModel()
    m.facts = []
    m.listen(lambda fact, args: m.facts.append((fact, args)))
    return m


def image(seed=0):
    return np.random.default_rng(seed).random((28, 28), dtype=np.float32)


def test_importing_the_model_imports_no_qt():
    code = "import sys, annviz.appmodel; print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_new_model_is_announced_with_its_forward_pass_already_computed(model):
    model.set_input(image())
    seen = []
    model.listen(lambda fact, args: seen.append((fact, None if model.forward is None else model.forward.output.shape)))
    model.set_model(Network.build([784, 16, 10], seed=0))
    assert seen == [(Fact.MODEL, (1, 10)), (Fact.FORWARD, (1, 10))]
    net = Network.build([784, 16, 10], seed=0)
    assert np.allclose(model.probabilities, net.forward(image().reshape(1, -1)).output[0])
    assert model.prediction == int(np.argmax(model.probabilities))


def test_new_weights_say_weights_then_forward_and_change_the_answer(model):
    net = Network.build([784, 8, 10], seed=1)
    model.set_model(net)
    model.set_input(image())
    before = model.probabilities.copy()
    model.facts.clear()
    weights = [w * 0 for w in net.weights]
    biases = [np.arange(b.size, dtype=b.dtype).reshape(b.shape) for b in net.biases]
    model.set_weights(weights, biases)
    assert [f for f, _ in model.facts] == [Fact.WEIGHTS, Fact.FORWARD]
    assert model.prediction == 9 and not np.allclose(model.probabilities, before)   # the largest bias wins


def test_input_blank_drawing_and_example(model):
    model.set_model(Network.build([784, 8, 10], seed=0))
    model.facts.clear()
    model.set_input(None)
    assert model.forward is None and model.prediction is None
    assert [f for f, _ in model.facts] == [Fact.INPUT, Fact.FORWARD]
    model.facts.clear()
    model.show_example(image(2), label=7)
    (fact, (shown, label)), *rest = model.facts
    assert fact is Fact.EXAMPLE and label == 7 and not shown.flags.writeable
    assert [f for f, _ in rest] == [Fact.INPUT, Fact.FORWARD]
    assert np.array_equal(model.input_image, image(2))
    canvas = np.zeros((280, 280), np.float32)
    canvas[140:144, 140:144] = 1                                # a dot: too small to read as a digit
    model.set_canvas(canvas)
    assert model.input_problem == "small"
    canvas[40:240, 130:150] = 1                                 # a stroke: a 1
    model.set_canvas(canvas)
    assert model.input_problem is None and model.input_image.shape == (28, 28)


def test_what_a_view_built_late_reads_the_input_label_and_the_first_weights(model):
    net = Network.build([784, 8, 10], seed=0)
    model.set_model(net)
    first = [w.copy() for w in net.weights]
    model.set_weights([w * -1 for w in net.weights], net.biases)   # training, a touched neuron
    for kept, w in zip(model.first_weights, first):
        assert np.array_equal(kept, w)                # not the weights now (a wrong answer: -w)
    model.set_model(Network.build([784, 4, 10], seed=1))
    assert [w.shape for w in model.first_weights] == [(4, 784), (10, 4)]   # the new network's
    seen = []
    model.listen(lambda fact, args: fact is Fact.INPUT and seen.append(model.input_label))
    model.show_example(image(2), label=7)
    model.set_input(image(3))                          # a drawing after the test digit: no label
    model.show_example(image(2))                       # an example without one
    assert seen == [7, None, None]                     # known when the input change is announced


def test_selections_outside_the_network_are_ignored_and_dropped_with_a_smaller_model(model):
    model.set_model(Network.build([784, 16, 10], seed=0))
    for bad in ((3, 0), (1, 16), (-1, 0)):
        model.select_neuron(*bad)
        assert model.selected is None
    model.select_neuron(1, 15)
    model.select_weight(0, 15, 783)
    model.select_weight(1, 10, 0)                              # only 10 outputs: ignored
    model.choose_class(9)
    assert (model.selected, model.selected_weight, model.explained_class) == ((1, 15), (0, 15, 783), 9)
    assert (Fact.NEURON, (1, 15)) in model.facts and (Fact.WEIGHT, (0, 15, 783)) in model.facts
    model.set_model(Network.build([784, 8, 5], seed=0))
    assert (model.selected, model.selected_weight, model.chosen_class) == (None, None, None)


def test_the_explained_class_is_the_chosen_one_else_the_prediction(model):
    model.set_model(Network.build([784, 8, 10], seed=0))
    model.set_input(image())
    assert model.explained_class == model.prediction
    other = (model.prediction + 1) % 10
    model.facts.clear()
    model.choose_class(other)
    model.choose_class(other)                                  # no change: said once
    model.choose_class(10)                                     # no such class: back to the prediction
    assert [f for f, _ in model.facts] == [Fact.EXPLAINED_CLASS, Fact.EXPLAINED_CLASS]
    assert model.explained_class == model.prediction
    assert model.contributions() is model.contributions(model.prediction)   # computed once, for that class
    assert model.contributions(other) is not model.contributions()


def test_the_confidence_threshold_is_clipped_and_said_only_when_it_changes(model):
    assert model.confidence_threshold == AppModel.DEFAULT_CONFIDENCE_THRESHOLD
    model.set_confidence_threshold(1.7)
    model.set_confidence_threshold(1.0)
    model.set_confidence_threshold(-3)
    assert model.confidence_threshold == 0.0
    assert [f for f, _ in model.facts] == [Fact.CONFIDENCE_THRESHOLD] * 2


def test_edits_belong_to_their_network_and_come_back_with_it(model):
    edited, plain = Network.build([784, 8, 10], seed=0), Network.build([784, 8, 10], seed=1)
    model.set_model(edited, edits=("switched off 1:3",))
    assert model.edits == ("switched off 1:3",)
    model.set_model(plain)
    assert model.edits == ()
    model.set_model(edited)                                    # put back (Discard, the time machine's now)
    assert model.edits == ("switched off 1:3",)
    model.facts.clear()
    model.set_edits(())
    assert model.edits == () and [f for f, _ in model.facts] == [Fact.EDITS]


def test_a_network_that_is_not_a_multilayer_perceptron_is_refused(model):
    class Conv:
        is_mlp = False

    with pytest.raises(ValueError):
        model.set_model(Conv())
    assert model.network is None and model.facts == []
