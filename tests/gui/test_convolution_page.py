"""The Convolution page (issue 26): what it shows is what the network computes, the hand filter
sums what it should, training runs, stops and never outlives its window.

The references here are computed the long way — loops over pixels, windows and filters — not with
``annviz.nn.convolution`` or ``annviz.nn.featuremaps``, so a mistake there cannot hide in both.
"""

from __future__ import annotations

import faulthandler
import re
import sys

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from annviz.data import load_dataset
from annviz.gui.convolution import ConvolutionPage
from annviz.gui.threads import unfinished_threads
from annviz.nn import blas
from annviz.nn.featuremaps import PRESET_NAMES, preset
from annviz.nn.modelfile import load_model
from annviz.paths import bundled_model
from run_ends import WATCHDOG_S, open_window, wait_until


@pytest.fixture(scope="module")
def digits():
    ds = load_dataset("mnist")
    return ds.test_images[:3].astype(np.float32) / 255, ds.test_labels[:3]


@pytest.fixture
def page(qtbot):
    page = ConvolutionPage()
    qtbot.addWidget(page)
    page.resize(1300, 680)
    page.show()
    yield page
    assert page.stop_training()


def conv_by_loops(maps: np.ndarray, kernels: np.ndarray, bias: np.ndarray, padding: int) -> np.ndarray:
    """z[f, y, x] = Σ_c Σ_i Σ_j w[f, c, i, j] · padded[c, y + i, x + j] + b[f], one pixel at a time."""
    c, h, w = maps.shape
    f, _, k, _ = kernels.shape
    padded = np.zeros((c, h + 2 * padding, w + 2 * padding))
    padded[:, padding:padding + h, padding:padding + w] = maps
    out = np.zeros((f, h + 2 * padding - k + 1, w + 2 * padding - k + 1))
    for n in range(f):
        for y in range(out.shape[1]):
            for x in range(out.shape[2]):
                out[n, y, x] = float((kernels[n] * padded[:, y:y + k, x:x + k]).sum()) + float(bias[n])
    return out


def pool_by_loops(maps: np.ndarray) -> np.ndarray:
    c, h, w = maps.shape
    out = np.zeros((c, h // 2, w // 2))
    for n in range(c):
        for y in range(h // 2):
            for x in range(w // 2):
                out[n, y, x] = maps[n, 2 * y:2 * y + 2, 2 * x:2 * x + 2].max()
    return out


def reference_layers(net, image: np.ndarray) -> list[np.ndarray]:
    """conv → ReLU, pool, conv → ReLU, pool, probabilities: the reference CNN by hand."""
    w = [np.asarray(x, dtype=float) for x in net.weights]
    b = [np.asarray(x, dtype=float) for x in net.biases]
    a1 = np.maximum(conv_by_loops(image[None].astype(float), w[0], b[0], 2), 0)
    p1 = pool_by_loops(a1)
    a2 = np.maximum(conv_by_loops(p1, w[1], b[1], 2), 0)
    p2 = pool_by_loops(a2)
    z = w[2] @ p2.reshape(-1) + b[2]
    e = np.exp(z - z.max())
    return [a1, p1, a2, p2, e / e.sum()]


def test_the_page_opens_with_the_bundled_cnn_and_a_digit_on_the_pad(page):
    assert page.network() is not None and not page.network().is_mlp
    assert page.input_image() is not None and page.input_image().max() > 0.5
    assert int(np.argmax(page.probabilities())) == 7          # the 7 the page draws at start


def test_the_feature_maps_are_the_networks_own_forward_pass(page, digits):
    images, labels = digits
    net, _ = load_model(bundled_model("mnist-cnn"))
    for image, label in zip(images, labels):
        page.set_drawing(image)
        np.testing.assert_array_equal(page.input_image(), image)   # a digit shown is the input itself
        shown = page.feature_maps()
        assert [m.kind for m in shown] == ["conv", "pool", "conv", "pool", "output"]
        for got, want in zip(shown, reference_layers(net, image)):
            np.testing.assert_allclose(got.values, want, atol=2e-5)
        np.testing.assert_allclose(page.probabilities(), net.predict_proba(image.reshape(1, -1))[0], atol=1e-6)
        assert int(np.argmax(page.probabilities())) == int(label)


def test_a_pixel_pointed_at_shows_its_receptive_field_and_its_sum(page, digits):
    image = digits[0][0]
    page.set_drawing(image)
    net = page.network()
    a1, p1, a2, _, _ = reference_layers(net, image)
    # a first-layer pixel: a 5×5 window centred on it, clipped at the image's edge
    page.point_at(0, 1, 10, 12)
    assert page.receptive_field() == (8, 10, 13, 15)
    page.point_at(0, 1, 0, 27)
    assert page.receptive_field() == (0, 25, 3, 28)
    w, b = np.asarray(net.weights[0][1], float), float(net.biases[0][1])
    window = np.pad(image.astype(float), 2)[10:15, 12:17]
    z = float((w[0] * window).sum()) + b
    page.point_at(0, 1, 10, 12)
    assert shown_sum(page)[2] == pytest.approx(z, abs=0.0015)
    assert shown_sum(page)[3] == pytest.approx(max(z, 0), abs=0.0015)
    # after pooling: the 2×2 window's 6×6 input pixels; the second convolution: 14×14
    page.point_at(1, 0, 5, 5)
    assert page.receptive_field() == (8, 8, 14, 14)
    assert f"{a1[0, 10:12, 10:12].max():.3f}" in page.sum_text()
    page.point_at(2, 4, 5, 5)
    assert page.receptive_field() == (4, 4, 18, 18)
    z2 = conv_by_loops(p1, np.asarray(net.weights[1][4:5], float), np.asarray(net.biases[1][4:5], float), 2)
    assert shown_sum(page)[2] == pytest.approx(z2[0, 5, 5], abs=0.0015)
    assert np.isclose(max(z2[0, 5, 5], 0), a2[4, 5, 5], atol=1e-5)
    page.point_at(3, 0, 3, 3)
    assert page.receptive_field() == (6, 6, 22, 22)


def shown_sum(page) -> tuple[float, float, float, float]:
    """Σ wᵢaᵢ, b, z and a as the sum under the maps writes them (z = Σ wᵢaᵢ + b = s ± b = z …)."""
    text = page.sum_text().replace("−", "-")
    m = re.search(r"= (-?\d+\.\d+) ([+-]) (\d+\.\d+) = (-?\d+\.\d+)\n.*= (-?\d+\.\d+)", text)
    assert m, text
    s, sign, b, z, a = m.groups()
    return float(s), float(sign + b), float(z), float(a)


def test_the_terms_of_a_sum_add_up_to_the_total_shown(page, digits):
    """Whatever the rounding: 3.421 + 0.000 never reads = 3.422 (the X screen showed one)."""
    page.set_drawing(digits[0][1])
    checked = 0
    for band, channel in ((0, 1), (0, 5), (2, 4), (2, 11)):
        side = 28 if band == 0 else 14
        for y in range(0, side, 3):
            for x in range(0, side, 3):
                page.point_at(band, channel, y, x)
                s, b, z, a = shown_sum(page)
                assert round(s + b, 3) == z and a == max(z, 0.0), page.sum_text()
                checked += 1
    assert checked > 150


def test_clicking_a_filter_opens_its_weights(page):
    net = page.network()
    dialog = page.open_filter(1, 2)
    np.testing.assert_array_equal(dialog.weights(), net.weights[1][2])
    assert dialog.isVisible()
    dialog = page.open_filter(0, 7)
    np.testing.assert_array_equal(dialog.weights(), net.weights[0][7])
    assert page.open_filter(2, 0) is None and page.open_filter(0, 8) is None
    dialog.close()


def hand_by_loops(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    k = len(kernel)
    padded = np.pad(image.astype(float), k // 2)
    out = np.zeros(image.shape)
    for y in range(image.shape[0]):
        for x in range(image.shape[1]):
            total = 0.0
            for i in range(k):
                for j in range(k):
                    total += kernel[i, j] * padded[y + i, x + j]
            out[y, x] = total
    return out


@pytest.mark.parametrize("size", [3, 5])
def test_the_hand_filter_sums_what_a_direct_computation_gives(page, digits, size):
    image = digits[0][1]
    page.set_drawing(image)
    page.set_hand_kernel(np.zeros((size, size)))
    for name in PRESET_NAMES:
        page.set_hand_preset(name)
        kernel = page.hand_kernel()
        assert kernel.shape == (size, size)
        np.testing.assert_allclose(kernel, preset(name, size))
        page.hand_run_all()
        want = hand_by_loops(image, kernel)
        np.testing.assert_allclose(page.hand_output(), want, atol=1e-9)
        # the plausible wrong answers: the kernel flipped (a textbook convolution) or turned
        for wrong in (kernel[::-1, ::-1], kernel.T):
            if not np.allclose(wrong, kernel):
                assert not np.allclose(page.hand_output(), hand_by_loops(image, wrong), atol=1e-6), name
    # an edited kernel: one weight changed changes the sums
    edited = preset("blur", size)
    edited[0, 0] = 2.0
    page.set_hand_kernel(edited)
    page.hand_run_all()
    np.testing.assert_allclose(page.hand_output(), hand_by_loops(image, edited), atol=1e-9)
    assert not np.allclose(page.hand_output(), hand_by_loops(image, preset("blur", size)), atol=1e-6)


@pytest.mark.parametrize("size", [3, 5])
def test_each_preset_does_what_its_name_says(page, size):
    """On a vertical edge (dark left, bright right) and a horizontal one (dark top, bright bottom)."""
    vertical = np.zeros((28, 28), np.float32)
    vertical[:, 14:] = 1
    horizontal = vertical.T.copy()
    inner = (slice(6, 22), slice(6, 22))
    response = {}
    for name in PRESET_NAMES:
        page.set_hand_kernel(np.zeros((size, size)))
        page.set_hand_preset(name)
        for edge, image in (("v", vertical), ("h", horizontal)):
            page.set_drawing(image)
            page.hand_run_all()
            response[name, edge] = page.hand_output()[inner]
    assert response["vertical", "v"].max() > 1 and np.allclose(response["vertical", "h"], 0, atol=1e-9)
    assert response["horizontal", "h"].max() > 1 and np.allclose(response["horizontal", "v"], 0, atol=1e-9)
    for name in ("blur", "sharpen"):                # weights summing to 1: flat areas unchanged
        flat = response[name, "v"][:, 10:]
        assert np.allclose(flat, 1) and np.allclose(response[name, "v"][:, :4], 0)
    blur, sharp = response["blur", "v"][:, 6:10], response["sharpen", "v"][:, 6:10]   # across the edge
    assert blur.min() >= 0 and blur.max() <= 1 and 0 < blur[0, 2] < 1       # blur: a soft step
    assert sharp.min() < 0 and sharp.max() > 1                              # sharpen: over- and undershoot


def test_the_hand_filter_steps_row_by_row(page, digits):
    image = digits[0][2]
    page.set_drawing(image)
    page.set_hand_preset("vertical")
    want = hand_by_loops(image, page.hand_kernel())
    page.hand_step(1)
    assert page.hand_sum() == pytest.approx(want[0, 0])
    page.hand_step(28 * 10 + 5)                    # 286 positions: row 11, column 6 (0-based: 10, 5)
    out = page.hand_output()
    assert np.count_nonzero(~np.isnan(out)) == 28 * 10 + 6
    assert page.hand_sum() == pytest.approx(want[10, 5])
    np.testing.assert_allclose(out.ravel()[:28 * 10 + 6], want.ravel()[:28 * 10 + 6])


def test_training_starts_updates_and_stops(page, qtbot):
    bundled = page.network()
    threads = blas.current_threads()
    page.start_training((3,), epochs=5, images=60000)       # minutes of work: it must be stopped
    assert page.is_training() and blas.current_threads() == 1    # one BLAS thread while it trains
    wait_until(lambda: page.training_updates() >= 3, 30, "three snapshots")
    trained = page.network()
    assert trained is not bundled and [layer.kind for layer in trained.layers] == ["conv", "pool", "flatten", "dense"]
    kernels = trained.weights[0].copy()
    maps = page.feature_maps()
    assert maps[0].values.shape == (3, 28, 28)
    wait_until(lambda: not np.array_equal(trained.weights[0], kernels), 30, "the kernels to change")
    assert page.stop_training()
    assert not page.is_training() and unfinished_threads() == []
    assert blas.current_threads() == threads          # and the process's count back after it
    losses = page.training_losses()
    assert 3 <= len(losses) < 5 * 938 and np.mean(losses[-3:]) < np.mean(losses[:3])
    # the feature maps follow the trained network: its own forward pass
    image = page.input_image()
    want = np.maximum(conv_by_loops(image[None], np.asarray(trained.weights[0], float),
                                    np.asarray(trained.biases[0], float), 2), 0)
    np.testing.assert_allclose(page.feature_maps()[0].values, want, atol=2e-5)
    assert page.use_bundled_network() and page.network() is not trained


@pytest.mark.parametrize("moment", ["loading", "training"])
def test_closing_the_window_mid_training_neither_hangs_nor_leaves_a_thread(qtbot, tmp_path, moment):
    window = open_window(tmp_path / "settings.ini")
    page = next(window.tabs.widget(i) for i in range(window.tabs.count())
                if isinstance(window.tabs.widget(i), ConvolutionPage))
    window.tabs.setCurrentWidget(page)
    page.show_tab("train")
    page.start_training((4, 8), epochs=1, images=5000)
    if moment == "training":
        wait_until(lambda: page.training_updates() >= 1, 30, "the first snapshot")
    faulthandler.dump_traceback_later(WATCHDOG_S, exit=True, file=sys.__stderr__)
    try:
        window.close()
        assert not window.isVisible()
        assert not page.is_training() and unfinished_threads() == []
    finally:
        faulthandler.cancel_dump_traceback_later()
    window.deleteLater()
    QTest.qWait(1)


def test_a_cnn_model_file_opens_on_the_convolution_page_and_the_mlp_stays(qtbot, tmp_path, monkeypatch):
    """File → Open of a CNN (annviz's own file, then a PyTorch state dict answered in the dialog):
    the Convolution page shows it in front; the app state keeps its MLP for the other pages, the
    status bar says so, and the CNN is not remembered as the model to reopen."""
    from PySide6.QtWidgets import QMessageBox
    from safetensors.numpy import save_file

    from annviz.nn.convnet import ConvNet
    from annviz.nn.layers import Conv, Dense, Flatten, Pool
    from annviz.nn.modelfile import save_model

    def refused(parent, title, text, *args):
        raise AssertionError(f"refused: {text}")

    monkeypatch.setattr(QMessageBox, "warning", refused)
    window = open_window(tmp_path / "settings.ini")
    try:
        page = next(window.tabs.widget(i) for i in range(window.tabs.count())
                    if isinstance(window.tabs.widget(i), ConvolutionPage))
        mlp, remembered = window.state.network, window.settings.value("model/path")
        net = ConvNet([Conv(3, 5, 2), Pool(), Flatten(), Dense(10, "softmax")], seed=4)
        path = save_model(tmp_path / "small-cnn.safetensors", net)
        assert window.open_model(path)
        assert window.tabs.currentWidget() is page
        shown = page.network()
        assert [layer.kind for layer in shown.layers] == ["conv", "pool", "flatten", "dense"]
        np.testing.assert_array_equal(shown.weights[0], net.weights[0])
        assert window.state.network is mlp and mlp.is_mlp
        assert window.settings.value("model/path") == remembered
        assert "small-cnn.safetensors" in window.statusBar().currentMessage()
        assert "multilayer perceptrons" in window.statusBar().currentMessage()
        image = page.input_image()
        np.testing.assert_allclose(page.probabilities(), net.predict_proba(image.reshape(1, -1))[0], atol=1e-6)
        # a PyTorch state dict of the same layers: asked, then shown
        torch_file = tmp_path / "from-torch.safetensors"
        save_file({"0.weight": net.weights[0], "0.bias": net.biases[0], "4.weight": net.weights[1],
                   "4.bias": net.biases[1]}, str(torch_file))
        monkeypatch.setattr(window, "ask_foreign", lambda path, layout: ("relu", True, None))
        window.tabs.setCurrentIndex(0)
        assert window.open_model(torch_file)
        assert window.tabs.currentWidget() is page
        np.testing.assert_allclose(page.probabilities(), net.predict_proba(image.reshape(1, -1))[0], atol=1e-5)
        assert window.state.network is mlp
    finally:
        window.close()
        window.deleteLater()
        QTest.qWait(1)


def test_the_mouse_over_a_map_shows_that_pixels_sum_and_a_click_opens_its_filter(page, qtbot):
    page.show_tab("network")
    qtbot.waitExposed(page)
    widget = page.maps_widget()
    for band, channel, y, x, field in [(0, 5, 9, 20, (7, 18, 12, 23)), (2, 11, 3, 8, (0, 10, 14, 24)),
                                       (3, 15, 6, 0, (18, 0, 28, 10))]:
        QTest.mouseMove(widget, page.map_pixel_centre(band, channel, y, x).toPoint())
        qtbot.waitUntil(lambda f=field: page.receptive_field() == f, timeout=2000)
    QTest.mouseMove(widget, QPoint(widget.width() - 2, widget.height() - 2))     # below the maps
    qtbot.waitUntil(lambda: page.receptive_field() is None, timeout=2000)
    assert page.opened_filter() is None
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=page.map_pixel_centre(2, 11, 3, 8).toPoint())
    dialog = page.opened_filter()
    assert dialog is not None and dialog.isVisible()
    np.testing.assert_array_equal(dialog.weights(), page.network().weights[1][11])
    dialog.close()
