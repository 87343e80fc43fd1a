"""The diagram, the inspector and the weights: they show the core's own numbers (pytest-qt)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsTextItem

from annviz.data import load_dataset
from annviz.gui.common import zoom
from annviz.gui.common.names import number
from annviz.gui.explorer.diagram import EDGE_BUDGET, NetworkDiagram, shown_neurons
from annviz.gui.explorer.heatmaps import WeightGrid
from annviz.gui.explorer.inspector import NeuronInspector
from annviz.gui.explorer.layers import LayerMatrices
from annviz.gui.explorer.probabilities import ProbabilityBars
from annviz.gui.explorer.weights_panel import WeightsPanel
from annviz.gui.state import AppState
from annviz.nn import Network
from annviz.nn.readout import evidence
from explorer_helpers import click_scene, graphics_view, make_state


@pytest.fixture
def state(model_path):
    state = make_state(model_path)
    state.set_input(load_dataset("mnist").test_images[0] / 255.0)   # a 7
    return state


def shown(qtbot, widget, size=(700, 450)):
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# --- the numbers ---------------------------------------------------------------------------

def test_evidence_in_the_last_hidden_layer_is_the_terms_of_z_k(state):
    net, fwd, k = state.network, state.forward, state.prediction
    share = evidence(state.contributions(k), 2)
    terms = net.weights[2][k] * fwd.activations[2][0]                  # w_kj a_j
    np.testing.assert_allclose(share, terms / np.abs(terms).sum(), rtol=1e-4, atol=1e-6)
    assert evidence(state.contributions(k), 3) is None
    assert state.contributions(k) is state.contributions(k)              # computed once per input


# --- diagram and inspector -----------------------------------------------------------------

def test_clicking_a_neuron_shows_the_core_z_in_the_inspector(qtbot, state):
    diagram = shown(qtbot, NetworkDiagram(state))
    inspector = shown(qtbot, NeuronInspector(state), (600, 500))
    click_scene(qtbot, diagram, diagram.view_position(1, 3))
    assert state.selected == (1, 3)
    net, x = state.network, state.input_image.ravel().astype(np.float64)
    z = net.weights[0][3].astype(np.float64) @ x + float(net.biases[0][3])   # independently
    assert inspector.title.text() == "hidden layer 1 · neuron 4"      # index 3: the 4th circle
    assert f"= <b>{number(z, 3)}</b>" in inspector.details.text()
    assert float(state.forward.zs[0][0, 3]) == pytest.approx(z, abs=1e-4)
    marker_x, _ = inspector.plot.point()
    assert marker_x == pytest.approx(z, abs=1e-4)
    assert "Share of the evidence for the answer “7”" in inspector.details.text()


def test_deeper_and_output_neurons_in_the_inspector(qtbot, state):
    inspector = shown(qtbot, NeuronInspector(state), (600, 500))
    state.select_neuron(2, 5)
    a1 = state.forward.activations[1][0].astype(np.float64)
    z = state.network.weights[1][5] @ a1 + state.network.biases[1][5]
    assert f"= <b>{number(float(z), 3)}</b>" in inspector.details.text()
    kind, shown_weights = inspector.weights_picture()
    assert kind == "bars"                                               # 16 weights: no 28×28 picture
    np.testing.assert_array_equal(shown_weights, state.network.weights[1][5])
    state.select_neuron(3, 7)
    assert inspector.title.text() == "output neuron for “7”"
    assert "Output neuron for “7”: probability" in inspector.details.text()
    state.select_neuron(0, 200)                                          # 200 = 7·28 + 4
    assert inspector.title.text() == "input pixel (row 8, column 5)"          # from 1, as every number on screen
    assert "brightness of one pixel" in inspector.details.text()
    state.set_input(None)
    state.select_neuron(1, 0)
    assert "Draw a digit" in inspector.details.text()


@pytest.mark.parametrize("k", [7, 2])
def test_output_neuron_curve_is_softmax_with_the_other_outputs_held(qtbot, state, k):
    """The inspector's curve for a softmax output is a_k(z_k) with the other z fixed, so the current
    point lies on it; checked by evaluating softmax of the whole layer independently."""
    inspector = shown(qtbot, NeuronInspector(state), (600, 500))
    state.select_neuron(3, k)
    z_all = state.forward.zs[2][0].astype(np.float64)

    def softmax_k(zk):
        z = z_all.copy()
        z[k] = zk
        e = np.exp(z - z.max())
        return e[k] / e.sum()

    zs, a = inspector.plot.curve_data()
    for i in range(0, len(zs), 40):
        assert a[i] == pytest.approx(softmax_k(zs[i]), abs=1e-9)
    z0, a0 = inspector.plot.point()
    assert z0 == pytest.approx(z_all[k], abs=1e-5)
    assert a0 == pytest.approx(softmax_k(z_all[k]), abs=1e-5)
    assert np.interp(z0, zs, a) == pytest.approx(a0, abs=0.01)     # on the curve as drawn
    assert zs.min() <= z0 <= zs.max()
    assert "the other outputs held" in inspector.details.text()


def test_hover_tooltip_gives_activation_z_and_bias(qtbot, state):
    diagram = shown(qtbot, NetworkDiagram(state))
    tip = diagram.tooltip(2, 4)
    assert tip.startswith("hidden layer 2 · neuron 5")                  # index 4, counted from 1
    assert f"z = {number(float(state.forward.zs[1][0, 4]), 3)}" in tip
    assert f"b = {number(float(state.network.biases[1][4]), 3)}" in tip
    view = graphics_view(diagram)
    qtbot.mouseMove(view.viewport(), view.mapFromScene(diagram.view_position(2, 4)))
    qtbot.waitUntil(lambda: view.toolTip() == tip, timeout=1000)       # what the pointer shows
    assert diagram.neuron_at(0.01, 0.2) == (0, 0)          # the input grid's top-left pixel


def test_diagram_updates_in_place_and_shows_strong_edges(qtbot, state):
    diagram = shown(qtbot, NetworkDiagram(state))
    scene = graphics_view(diagram).scene()
    items = scene.items()
    state.set_weights([w * 0.5 for w in state.network.weights], state.network.biases)
    state.set_input(None)
    assert scene.items() == items                   # no item made or removed: updated in place
    assert 0 < diagram.edge_count(1) <= 16 * 16     # weights only: every edge above 2 % of the top


def test_big_layers_show_an_honest_ellipsis(qtbot):
    state = AppState()
    state.set_model(Network.build([784, 128, 64, 10], hidden="relu"))
    state.set_input(load_dataset("mnist").test_images[1] / 255.0)
    diagram = shown(qtbot, NetworkDiagram(state))
    assert len(shown_neurons(128)[0]) == 30 and shown_neurons(128)[1] == 98
    assert diagram.column_titles()[1:3] == ["hidden layer 1\n128 (⋮ 98 more)", "hidden layer 2\n64 (⋮ 34 more)"]
    texts = [t.toPlainText() for t in graphics_view(diagram).scene().items() if isinstance(t, QGraphicsTextItem)]
    assert texts.count("⋮") == 2                                         # in the columns, no words
    for layer in range(3):
        assert 0 < diagram.edge_count(layer) <= EDGE_BUDGET


def test_clicking_a_weight_tile_selects_the_neuron_everywhere(qtbot, state):
    grid = shown(qtbot, WeightGrid(state))
    diagram = shown(qtbot, NetworkDiagram(state))
    assert grid.marked_tile() is None and diagram.selection_ring() is None
    click_scene(qtbot, grid, grid.tile_center(5))
    assert state.selected == (1, 5)
    assert grid.marked_tile() == 5
    assert diagram.selection_ring() == pytest.approx(diagram.neuron_position(1, 5))
    np.testing.assert_array_equal(grid.mosaic()[:28, :28], state.network.weights[0][0].reshape(28, 28))


def test_weights_stream_into_the_heatmaps_in_place(qtbot, state):
    panel = shown(qtbot, WeightsPanel(state))
    scene = graphics_view(panel.grid).scene()
    [image] = [item for item in scene.items() if isinstance(item, pg.ImageItem)]   # the one mosaic
    new = [w * -2 for w in state.network.weights]
    state.set_weights(new, [b + 1 for b in state.network.biases])
    assert [item for item in scene.items() if isinstance(item, pg.ImageItem)] == [image]   # in place
    np.testing.assert_array_equal(panel.grid.mosaic()[:28, 30:58], new[0][1].reshape(28, 28))
    levels = image.getLevels()
    assert levels[0] == pytest.approx(-levels[1])       # symmetric: zero is the neutral colour
    share_saturated = (np.abs(new[0]) > levels[1]).mean()
    assert 0 < share_saturated <= 0.005                  # only the rarest largest weights saturate
    np.testing.assert_array_equal(panel.layers.matrix_shown(1), new[1])
    assert "784·16 + 16·16 + 16·10 weights + 42 biases = <b>13,002</b>" in panel.count.text()


@pytest.mark.parametrize("row, col", [(7, 3), (0, 15), (9, 0)])
def test_clicking_a_matrix_cell_selects_its_neuron(qtbot, state, row, col):
    """W⁽³⁾ is 10 × 16: row i is output neuron i, so a click on any cell of row i selects it."""
    layers = shown(qtbot, LayerMatrices(state), (700, 600))
    click_scene(qtbot, layers, layers.cell_center(2, row, col))
    assert state.selected == (3, row)


def class_names_written(bars: ProbabilityBars) -> list[str]:
    """The class names the probability plot's axis writes at its present size."""
    axis = bars.findChild(pg.PlotWidget).getAxis("left")
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return sorted((text for _, _, text in texts), key=int)


def test_the_bars_keep_room_for_all_ten_class_names_at_every_zoom(qtbot, state):
    """The plot gives way only down to a line per bar (issue 20): squeezed further, it keeps that
    height, so the ten class names and percentages are never written on top of each other."""
    bars = ProbabilityBars(state)
    shown(qtbot, bars, (360, 520))
    assert class_names_written(bars) == [str(d) for d in range(10)]          # room for all ten
    try:
        for factor in (1.0, 1.5, 2.0):
            zoom.set_factor(factor)
            bars.resize(360, 100)                                                 # far too short
            qtbot.wait(50)
            assert bars.height() > 100
            assert class_names_written(bars) == [str(d) for d in range(10)], factor
    finally:
        zoom.set_factor(1.0)


def test_the_strongest_edges_are_painted_in_their_colour(qtbot, state):
    """What the edge list says is what the screen shows: the middle of each of the strongest
    edges (drawn last, on top) is painted in its pen's colour, not the background's."""
    diagram = shown(qtbot, NetworkDiagram(state), size=(900, 600))
    view = graphics_view(diagram)
    qtbot.wait(50)
    picture = view.viewport().grab().toImage()
    pen, ends = diagram.edge_lines()[-1]                          # the strongest bucket's
    want = np.array(pen.color().getRgb()[:3], float)
    checked = 0
    for x0, y0, x1, y1 in ends[:12]:
        a = view.mapFromScene(diagram.view_position(*diagram.neuron_at(x0, y0)))
        b = view.mapFromScene(diagram.view_position(*diagram.neuron_at(x1, y1)))
        mx, my = (a.x() + b.x()) // 2, (a.y() + b.y()) // 2
        near = [np.array(picture.pixelColor(mx + dx, my + dy).getRgb()[:3], float)
                for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
        assert min(np.abs(c - want).max() for c in near) < 60, f"edge at ({mx}, {my}) not painted"
        checked += 1
    assert checked >= 3


@pytest.mark.parametrize("layer, index, kind", [(1, 3, "image"), (2, 5, "bars")])
def test_new_weights_redraw_the_inspectors_weights(qtbot, state, layer, index, kind):
    """Training's weight frames: the neuron's incoming weights as they are now (the inspector
    no longer redraws everything for new weights: only this picture)."""
    inspector = shown(qtbot, NeuronInspector(state), (600, 500))
    state.select_neuron(layer, index)
    net = state.network
    weights = [w.copy() for w in net.weights]
    weights[layer - 1][index] = -weights[layer - 1][index] + 0.25
    state.set_weights(weights, net.biases)
    got_kind, picture = inspector.weights_picture()
    assert got_kind == kind
    np.testing.assert_allclose(picture.ravel(), weights[layer - 1][index], rtol=1e-6)


def test_the_activation_plot_leaves_no_trail_as_its_point_moves(qtbot, state):
    """The plot repaints only around what moved (a stroke's new point): what the screen shows
    after many moves is what a whole repaint shows — no old marker, guide or text left behind."""
    from PySide6.QtWidgets import QApplication

    inspector = shown(qtbot, NeuronInspector(state), (600, 500))
    state.select_neuron(2, 3)
    plot = inspector.plot
    images = load_dataset("mnist").test_images[:12] / 255.0

    def on_screen():
        QApplication.processEvents()
        qtbot.wait(20)
        window = inspector.window()
        shot = window.screen().grabWindow(window.winId()).toImage()
        corner = plot.mapTo(window, plot.rect().topLeft())
        ratio = shot.devicePixelRatio()
        return shot.copy(int(corner.x() * ratio), int(corner.y() * ratio),
                         int(plot.width() * ratio), int(plot.height() * ratio))

    points = set()
    for image in images:
        state.set_input(image)
        QApplication.processEvents()
        points.add(plot.point())
    assert len(points) >= 8                                   # the point did move
    moved = on_screen()
    plot.viewport().update()                                  # a whole repaint
    assert on_screen() == moved
