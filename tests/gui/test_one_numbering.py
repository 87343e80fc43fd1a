"""What the screen calls a neuron: a network with no hidden layer on every view (its weights lead
to the output neurons, named by their class), and one numbering rule everywhere — from 1, as the
diagram counts — formulas and axes included."""

from __future__ import annotations

import numpy as np
import pytest

from annviz.data.datasets import load_dataset
from annviz.gui.training.presets import preset_named
from annviz.nn.network import Network
from test_time_machine import window  # noqa: F401 — the fixture


def linear_model(window, qtbot) -> Network:
    """The bundled preset "No hidden layer", trained on the training page and used."""
    area = window.training
    config = preset_named("linear").config.replace(epochs=1, n_train=2000)
    area.panel.settings.set_config(config)
    assert area.panel.start()
    qtbot.waitUntil(lambda: area.controller.phase == "done", timeout=30_000)
    area.controller.use()
    digits = load_dataset("mnist")
    window.state.show_example(digits.test_images[0] / np.float32(255), int(digits.test_labels[0]))
    return window.state.network


def test_a_network_with_no_hidden_layer_names_its_output_neurons_by_class_on_every_view(window, qtbot):
    net = linear_model(window, qtbot)
    assert net.sizes == [784, 10]
    explorer, three = window.explorer, 3
    window.tabs.setCurrentWidget(explorer)
    grid = explorer.weights.grid
    assert grid.tile_tooltip(three).startswith("output neuron for “3”, bias ")
    assert "hidden" not in grid.tile_tooltip(three)
    window.state.select_neuron(1, three)
    assert explorer.inspector.title.text() == "output neuron for “3”"
    assert explorer.diagram.tooltip(1, three).startswith("output neuron for “3”")
    assert "hidden" not in " ".join(explorer.diagram.column_titles())
    edge = explorer.diagram.edge_tooltip(0, three, 30)
    assert "W⁽¹⁾[4, 31]" in edge and "to output neuron for “3”" in edge and "input pixel (row 2, column 3)" in edge
    insight = next(window.tabs.widget(i) for i in range(window.tabs.count())
                   if hasattr(window.tabs.widget(i), "nudge"))
    window.tabs.setCurrentWidget(insight)
    window.state.select_weight(0, three, 300)
    qtbot.waitUntil(lambda: insight.nudge.result is not None, timeout=10_000)
    assert insight.nudge.picture.title() == "∂L/∂W⁽¹⁾ of output neuron for “3”: click a pixel"
    assert "W⁽¹⁾[4, 301]" in insight.nudge.numbers.text()


def test_the_weights_panel_says_output_layer_when_there_is_no_hidden_layer(window, qtbot):
    linear_model(window, qtbot)
    from PySide6.QtWidgets import QTabWidget
    tabs = window.explorer.weights.findChild(QTabWidget)
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Output layer", "Biases"]
    window.state.set_model(Network([784, 16, 10], ["sigmoid", "softmax"], seed=0))
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["First hidden layer", "Deeper layers and biases"]


def test_numbers_on_screen_count_from_1_in_formulas_spin_boxes_and_axes(window, qtbot):
    net = Network([784, 16, 16, 10], ["sigmoid", "sigmoid", "softmax"], seed=1)
    window.state.set_model(net)
    digits = load_dataset("mnist")
    window.state.show_example(digits.test_images[0] / np.float32(255), int(digits.test_labels[0]))
    diagram = window.explorer.diagram
    tip = diagram.edge_tooltip(1, 4, 2)             # W⁽²⁾ row 4 (neuron 5), column 2 (neuron 3)
    assert "W⁽²⁾[5, 3]" in tip and "hidden layer 1 · neuron 3 to hidden layer 2 · neuron 5" in tip
    insight = next(window.tabs.widget(i) for i in range(window.tabs.count())
                   if hasattr(window.tabs.widget(i), "nudge"))
    window.tabs.setCurrentWidget(insight)
    window.state.select_weight(0, 5, 300)
    qtbot.waitUntil(lambda: insight.nudge.result is not None, timeout=10_000)
    nudge = insight.nudge
    assert nudge.neuron.value() == 6 and nudge.source.value() == 301          # beside the title's
    assert nudge.picture.title() == "∂L/∂W⁽¹⁾ of hidden layer 1 · neuron 6: click a pixel"
    assert "W⁽¹⁾[6, 301]" in nudge.numbers.text()
    assert nudge.weight == (0, 5, 300)
    matrix = insight.matrix
    insight.tabs.setCurrentWidget(matrix)
    j = int(matrix.view.numbers.columns[2])                 # the third column shown: pixel j (from 0)
    assert matrix.view.explain(("w", 4, 2)).startswith(f"W[5, {j + 1}] · a⁽⁰⁾[{j + 1}] = ")
    assert matrix.view.explain(("b", 0, -1)).startswith("b[1] = ")
    # the deeper layers: axes name neurons from 1, the output's by class
    from annviz.gui.explorer.layers import neuron_ticks
    assert neuron_ticks(8)[0][:3] == [(0, "1"), (1, "2"), (2, "3")]
    assert neuron_ticks(16)[0][:3] == [(1, "2"), (3, "4"), (5, "6")]          # neuron 2 sits at x = 1
    assert neuron_ticks(10, [str(k) for k in range(10)], offset=0.5)[0][3] == (3.5, "3")
    assert [label for _, label in neuron_ticks(64)[0]] == ["10", "20", "30", "40", "50", "60"]


@pytest.mark.parametrize("bias", [0.5, 0.004])
def test_bias_bars_read_their_own_numbers_not_a_scaled_axis(window, bias):
    net = Network([784, 16, 10], ["sigmoid", "softmax"], seed=0)
    net.biases[1][:] = np.linspace(-bias, bias, 10, dtype=np.float32)
    window.state.set_model(net)
    axis = window.explorer.weights.layers.bias_axis(1)
    labels = [text for _, text in axis.tickStrings([-bias, 0, bias], axis.autoSIPrefixScale, bias)
              and zip([0, 1, 2], axis.tickStrings([-bias, 0, bias], axis.autoSIPrefixScale, bias))]
    assert float(labels[2].replace("−", "-")) == pytest.approx(bias)          # 0.5, not 500
    assert axis.labelUnitPrefix == ""


def test_why_this_answer_writes_its_minus_signs_as_minus_signs(window, qtbot):
    import re

    net = Network([784, 16, 10], ["sigmoid", "softmax"], seed=3)
    window.state.set_model(net)
    digits = load_dataset("mnist")
    window.state.show_example(digits.test_images[0] / np.float32(255), int(digits.test_labels[0]))
    insight = next(window.tabs.widget(i) for i in range(window.tabs.count())
                   if hasattr(window.tabs.widget(i), "attribution"))
    window.tabs.setCurrentWidget(insight)
    insight.tabs.setCurrentWidget(insight.attribution)
    text = insight.attribution.explanation.text()
    assert "pushes down: −" in text                     # a push down is negative: a true minus
    assert not re.search(r"-\d", text)                  # never a hyphen before a number
