"""The Convolution page's ④ and its pad's "Don't centre" (issue 26): the CNN beside the MLP on the
same test digits, shifted and not, measured as a direct computation gives it; the digits the MLP
gets wrong and the CNN right; a drawing in a corner given to the network where it is.

References are computed here the long way: shifts by slicing whole pixels (not the page's
``affine_batch``), accuracies by each network's own ``predict_proba`` on those images.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QWidget

from annviz.data import load_dataset
from annviz.data.datasets import to_inputs
from annviz.data.preprocess import centre_of_mass
from annviz.gui.convolution import ConvolutionPage, compare_view
from annviz.nn.featuremaps import edge_direction, preset
from annviz.nn.modelfile import load_model
from annviz.paths import bundled_model

N = 60          # test digits: enough for differences, a fraction of a second


@pytest.fixture
def page(qtbot, monkeypatch):
    monkeypatch.setattr(compare_view, "N_IMAGES", N)
    page = ConvolutionPage()
    qtbot.addWidget(page)
    page.resize(1300, 680)
    page.show()
    yield page
    assert page.stop_training()


def shift_by_slicing(image: np.ndarray, dy: int, dx: int) -> np.ndarray:
    out = np.zeros_like(image)
    h, w = image.shape
    out[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)] = \
        image[max(-dy, 0):h + min(-dy, 0), max(-dx, 0):w + min(-dx, 0)]
    return out


def test_the_shifts_are_whole_pixels_in_each_digits_own_direction():
    images = np.asarray(load_dataset("mnist").test_images[:20], np.float32) / 255
    x = images.reshape(20, -1)
    for k in (0, 1, 4, 6):
        moved = compare_view.shifted(x, k, seed=3).reshape(20, 28, 28)
        steps = compare_view.shifts(20, k, seed=3).astype(int)
        assert np.all(np.abs(np.hypot(*steps.T) - k) <= 0.75)               # k pixels away, rounded
        assert len({tuple(s) for s in steps}) > (k > 0) * 5                   # not all the same way
        for image, m, (dy, dx) in zip(images, moved, steps):
            np.testing.assert_allclose(m, shift_by_slicing(image, dy, dx), atol=1e-5)


def test_measure_gives_both_networks_accuracy_for_every_shift_and_the_mlps_mistakes(page, qtbot):
    page.show_tab("compare")
    page.measure_comparison()
    qtbot.waitUntil(lambda: not page.is_measuring(), timeout=20_000)
    result = page.comparison()
    assert result.done and result.n == N and len(result.cnn) == len(result.mlp) == compare_view.MAX_SHIFT + 1

    ds = load_dataset("mnist")
    images, labels = np.asarray(ds.test_images[:N], np.float32) / 255, np.asarray(ds.test_labels[:N])
    cnn, mlp = page.network(), load_model(bundled_model("mnist-classic"))[0]
    for k in (0, 4):
        steps = np.concatenate([compare_view.shifts(min(compare_view.CHUNK, N - at), k, seed=at).astype(int)
                                for at in range(0, N, compare_view.CHUNK)])
        moved = np.stack([shift_by_slicing(im, dy, dx) for im, (dy, dx) in zip(images, steps)]).reshape(N, -1)
        for net, said in ((cnn, result.cnn[k]), (mlp, result.mlp[k])):
            assert said == pytest.approx(np.mean(np.argmax(net.predict_proba(moved), 1) == labels), abs=1e-9), k
    # the reference CNN holds up better than the MLP once the digits move
    assert result.cnn[4] - result.mlp[4] > 0.15 and result.cnn[0] > result.cnn[4]
    # every digit shown: the MLP wrong, the CNN right, as each network answers it
    x = to_inputs(ds.test_images[:N])
    mlp_says, cnn_says = np.argmax(mlp.predict_proba(x), 1), np.argmax(cnn.predict_proba(x), 1)
    expected = [int(i) for i in np.flatnonzero((mlp_says != labels) & (cnn_says == labels))]
    assert [i for i, _, _ in result.gallery] == expected[:compare_view.GALLERY] and expected
    assert all((a, b) == (mlp_says[i], cnn_says[i]) for i, a, b in result.gallery)


def test_another_network_forgets_the_measurement(page, qtbot):
    page.measure_comparison()
    qtbot.waitUntil(lambda: not page.is_measuring(), timeout=20_000)
    assert page.comparison().done
    page.use_bundled_network()                  # a new network object: what was measured is not its
    assert page.comparison() is None and not page.is_measuring()


def test_dont_centre_gives_the_drawing_where_it_lies(page, qtbot):
    corner = [(0.1, 0.1), (0.3, 0.1), (0.22, 0.4)]                    # a small 7 in the top left
    page.clear_pad()
    page.draw_strokes([corner])
    qtbot.waitUntil(lambda: page.input_offset() is not None)
    assert page.centring() and page.input_offset() < 0.5              # centred as MNIST's digits were
    centred = page.probabilities()
    page.set_centring(False)
    qtbot.waitUntil(lambda: page.input_offset() > 5)
    row, col = centre_of_mass(page.input_image())
    assert row < 9 and col < 9                                         # still in the top left
    assert not np.allclose(page.probabilities(), centred)              # and the network sees that
    page.set_centring(True)
    qtbot.waitUntil(lambda: page.input_offset() < 0.5)


@pytest.mark.parametrize("name, direction", [("vertical", "vertical"), ("horizontal", "horizontal"),
                                             ("blur", "any"), ("sharpen", "any")])
def test_a_kernel_is_said_to_find_what_it_answers_to(name, direction):
    for size in (3, 5):
        assert edge_direction(preset(name, size)) == direction
        assert edge_direction(preset(name, size).T) == {"vertical": "horizontal", "horizontal": "vertical"}.get(
            direction, direction)
    assert edge_direction(-preset(name, 3)) == direction              # the sign is not the direction


def test_an_opened_filter_shows_its_gradient_and_the_mask_bug(page, qtbot):
    """Filter 8 of the bundled CNN's first convolution (bias ≥ 0: its background windows tie) for the
    page's 7: the loss is the cross-entropy of the answer chosen, backpropagation agrees with the
    numeric slope, the x == max mask does not; another filter opened leaves one of each name."""
    from PySide6.QtWidgets import QCheckBox

    dialog = page.open_filter(0, 7)
    p = page.probabilities()
    g = page.opened_gradient()
    assert g.label == int(np.argmax(p)) == 7 and g.loss == pytest.approx(-np.log(p[7]), rel=1e-3, abs=1e-6)
    assert g.relative_error < 0.01 and not g.tie_mask
    dialog.set_tie_mask(True)
    wrong = page.opened_gradient()
    assert wrong.tie_mask and wrong.relative_error > 0.1 and wrong.numeric_bias == pytest.approx(g.numeric_bias)
    dialog.set_label(1)
    assert page.opened_gradient().loss == pytest.approx(-np.log(p[1]), rel=1e-3)
    assert f"{page.opened_gradient().relative_error:.1%}" in dialog.findChild(QWidget, "convolution-gradient-numbers").text()
    page.open_filter(0, 2)
    qtbot.wait(1)
    assert page.filter_opened()[:2] == (0, 2) and not page.opened_gradient().tie_mask
    assert len(page.window().findChildren(QCheckBox, "convolution-tie-mask")) == 1


def test_the_dense_layers_inputs_are_the_last_pooled_maps_and_give_the_probabilities(page, qtbot):
    """② ends with the dense layer's inputs: the 16 pooled 7×7 maps flattened, a row per map; the
    dense layer's weights on them, softmax, are the probabilities shown."""
    page.show_tab("network")
    qtbot.wait(1)
    strip = page.dense_inputs()
    pooled = page.feature_maps()[-2].values                       # (16, 7, 7)
    assert strip.shape == (16, 49)
    np.testing.assert_array_equal(strip, pooled.reshape(16, 49))
    net = page.network()
    z = net.weights[-1].astype(float) @ strip.ravel() + net.biases[-1]
    p = np.exp(z - z.max())
    np.testing.assert_allclose(p / p.sum(), page.probabilities(), atol=1e-5)
    # a click on the strip opens no filter
    view = page.maps_widget()
    rect = next(view.map_rect(b, 0) for b in range(len(view.bands())) if view.bands()[b].kind == "dense")
    from PySide6.QtCore import Qt
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert page.filter_opened() is None


def test_the_cnn_is_evaluated_with_its_confusion_matrix_and_mistakes(page, qtbot, monkeypatch):
    """⑤: the page's CNN on test images, as the insight page evaluates an MLP: each answer the
    CNN's own, the matrix of counts, the mistakes shown the most confident first; another network
    forgets it."""
    from annviz.gui.convolution import evaluate_view

    monkeypatch.setattr(evaluate_view, "N_TEST", 300)
    page.show_tab("evaluation")
    page.evaluate()
    qtbot.waitUntil(lambda: page.evaluation() is not None, timeout=30_000)
    r = page.evaluation()
    ds = load_dataset("mnist")
    x, labels = to_inputs(ds.test_images[:300]), np.asarray(ds.test_labels[:300])
    answers = np.argmax(page.network().predict_proba(x), axis=1)
    assert r.n == 300 and np.array_equal(r.predictions, answers) and np.array_equal(r.labels, labels)
    assert r.confusion.sum() == 300 and np.trace(r.confusion) == int((answers == labels).sum())
    wrong = np.flatnonzero(answers != labels)
    assert sorted(r.mistakes()) == sorted(wrong) and len(wrong) > 0
    conf = r.confidences[r.mistakes()]
    assert np.all(np.diff(conf) <= 0)                                   # the most confident first
    text = page.findChild(QWidget, "convolution-accuracy").text()
    assert f"{r.accuracy:.2%}" in text and f"{len(wrong)}" in text
    page.use_bundled_network()
    assert page.evaluation() is None
