"""The explorer and the insight page on one app state (pytest-qt): a test image chosen on the
insight page goes onto the pad exactly, the diagram colours by the core's contributions to the
class the insight page explains, and an edge clicked in the diagram opens in the nudge tab."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from annviz.data import canvas_to_mnist, load_dataset
from annviz.data.datasets import to_inputs
from annviz.gui.common.colors import NEGATIVE, POSITIVE, sign_color
from annviz.gui.explorer.diagram import NetworkDiagram
from annviz.gui.explorer.edges import ALPHAS
from annviz.gui.explorer.pad_panel import PadPanel
from annviz.gui.insight import InsightPage
from annviz.nn import get_loss
from annviz.nn.attribution import contributions
from explorer_helpers import click_scene, draw_stroke, line, make_state

N_TEST = 600  # a slice of the test set keeps the evaluation fast


@pytest.fixture
def app(qtbot, model_path):
    state = make_state(model_path)
    panel, diagram, page = PadPanel(state), NetworkDiagram(state), InsightPage(state)
    for widget, size in ((panel, (700, 420)), (diagram, (800, 520)), (page, (1200, 800))):
        qtbot.addWidget(widget)
        widget.resize(*size)
        widget.show()
        qtbot.waitExposed(widget)
    test = load_dataset("mnist")
    images, labels = test.test_images[:N_TEST], test.test_labels[:N_TEST]
    page.set_test_set(images, labels)
    qtbot.waitUntil(lambda: page.results is not None and page.results.n == N_TEST, timeout=10_000)
    yield state, panel, diagram, page, images, labels
    page.shutdown()


def click_gallery_image(qtbot, page) -> int:
    """Open the fullest off-diagonal confusion cell and click its first image; its test index."""
    confusion = page.results.confusion
    page.evaluation.select_cell(*np.unravel_index((confusion - np.diag(np.diag(confusion))).argmax(),
                                                  confusion.shape))
    gallery = page.evaluation.gallery
    qtbot.mouseClick(gallery.viewport(), Qt.MouseButton.LeftButton,
                     pos=gallery.visualItemRect(gallery.item(0)).center())
    return gallery.shown_indices()[0]


def pen_of_line(diagram, ends):
    """The pen the diagram draws the edge with these ends (x0, y0, x1, y1) with; None if not drawn."""
    return next((pen for pen, drawn in diagram.edge_lines() if np.isclose(drawn, ends).all(axis=1).any()),
                None)


def test_a_gallery_image_goes_onto_the_pad_exactly_until_drawn_over(qtbot, app):
    state, panel, _, page, images, labels = app
    index = click_gallery_image(qtbot, page)
    exact = to_inputs(images[index]).reshape(28, 28)
    np.testing.assert_array_equal(state.input_image, exact)                  # not re-preprocessed
    assert state.prediction == state.network.predict(to_inputs(images[index]))[0]
    assert state.prediction == page.results.predictions[index] != labels[index]
    assert not panel.pad.is_blank()
    np.testing.assert_array_equal(panel.pad.canvas()[5::10, 5::10], images[index])   # 10×10 blocks
    np.testing.assert_array_equal(panel.seen.image(), exact)
    assert panel.picker.label.text() == f"true label: {labels[index]}"
    assert page.label == labels[index]

    draw_stroke(qtbot, panel.pad, line(0.1, 0.9, 0.9, 0.9))                  # drawing replaces it
    np.testing.assert_array_equal(state.input_image, canvas_to_mnist(panel.pad.canvas()))
    assert not np.array_equal(state.input_image, exact)
    panel.undo_action.trigger()                                              # nothing drawn over it
    np.testing.assert_array_equal(state.input_image, exact)
    panel.clear_action.trigger()
    assert state.input_image is None and panel.picker.label.text() == ""


def test_a_test_digit_from_the_explorer_sets_the_insight_true_label(qtbot, app):
    state, panel, _, page, _, _ = app
    test = load_dataset("mnist")
    panel.picker.show_index(N_TEST + 3)
    np.testing.assert_array_equal(state.input_image, to_inputs(test.test_images[N_TEST + 3]).reshape(28, 28))
    assert page.label == test.test_labels[N_TEST + 3]


def test_colour_by_contribution_shows_the_cores_contributions(qtbot, app):
    state, _, diagram, page, images, _ = app
    page.load_example(0)
    diagram.contribution_action.setChecked(True)
    page.tabs.setCurrentWidget(page.attribution)
    page.attribution.chooser.setCurrentIndex(1 + 3)           # "what makes this look like a 3?"
    assert state.chosen_class == 3 and diagram.contributions.k == 3
    c = contributions(state.network, to_inputs(images[0]), 3)

    m = np.abs(c.neurons[0]).max()
    picture, levels = diagram.input_picture()
    np.testing.assert_allclose(picture, c.neurons[0].reshape(28, 28), rtol=1e-6)
    assert levels == pytest.approx((-m, m), rel=1e-6)
    for layer in range(1, len(state.network.sizes)):        # the strongest circle has the full colour
        shown, v = diagram.neurons_shown(layer), c.neurons[layer]
        strongest = int(shown[np.argmax(np.abs(v[shown]))])
        colour = POSITIVE if v[strongest] > 0 else NEGATIVE
        assert diagram.circle_colour(layer, strongest).getRgb()[:3] == colour.getRgb()[:3]
    for layer, edges in enumerate(c.edges):                  # the strongest edge: its sign's boldest colour
        src, dst = diagram.neurons_shown(layer), diagram.neurons_shown(layer + 1)
        block = edges[np.ix_(dst, src)]
        r, s = np.unravel_index(np.argmax(np.abs(block)), block.shape)
        ends = diagram.neuron_position(layer, src[s]) + diagram.neuron_position(layer + 1, dst[r])
        pen = pen_of_line(diagram, ends)
        assert pen is not None and pen.color() == sign_color(block[r, s], max(ALPHAS))
    page.attribution.chooser.setCurrentIndex(0)              # back to the predicted class
    assert state.chosen_class is None and diagram.contributions.k == state.prediction
    diagram.contribution_action.setChecked(False)
    np.testing.assert_array_equal(diagram.input_picture()[0], state.input_image)


def test_clicking_an_edge_picks_its_weight_for_the_nudge_tab(qtbot, app):
    state, _, diagram, page, images, labels = app
    page.load_example(1)
    page.tabs.setCurrentWidget(page.evaluation)               # the nudge tab has not seen this input
    fwd, layer = state.forward, 1
    src, dst = diagram.neurons_shown(layer), diagram.neurons_shown(layer + 1)
    part = state.network.weights[layer][np.ix_(dst, src)] * fwd.activations[layer][0, src]
    r, s = np.unravel_index(np.argmax(np.abs(part)), part.shape)
    i, j = int(dst[r]), int(src[s])
    assert diagram.picked_edge() is None
    p0, p1 = diagram.view_position(layer, j), diagram.view_position(layer + 1, i)   # scene coordinates
    click_scene(qtbot, diagram, p0 + 0.4 * (p1 - p0))          # 40 % of the way along the edge
    assert state.selected_weight == (layer, i, j)
    assert page.tabs.currentWidget() is page.nudge and page.nudge.weight == (layer, i, j)
    x = to_inputs(images[1]).astype(np.float64)
    _, grads = state.network.copy(np.float64).gradients(x, np.array([labels[1]]), get_loss("cross-entropy"))
    assert page.nudge.result.backprop == grads.grad_w[layer][i, j]
    ends = diagram.neuron_position(layer, j) + diagram.neuron_position(layer + 1, i)
    assert diagram.picked_edge() == pytest.approx(ends)       # the picked edge is highlighted
    assert "W⁽²⁾" in diagram.edge_tooltip(layer, i, j)
