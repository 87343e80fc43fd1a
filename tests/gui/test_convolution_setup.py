"""A setup saved with the Convolution page in front reopens it in a fresh window (issue 26): the
CNN (bundled, trained on ③, or a file's), the drawing as the network got it, "Don't centre", the
hand filter, the tab; and a setup file's hostile convolution part is refused with one message."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtTest import QTest

from annviz.nn.convnet import ConvNet
from annviz.nn.modelfile import model_bytes
from annviz.paths import bundled_model
from annviz.recipes import REFERENCE_CNN
from annviz.setupfile import SetupFileError, load_setup
from run_ends import open_window


def _close(window) -> None:
    window.training.controller.shutdown()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QTest.qWait(1)


@pytest.fixture(scope="module")
def windows(qapp, tmp_path_factory):
    folder = tmp_path_factory.mktemp("conv-setup")
    saving = open_window(folder / "saving.ini")
    yield saving, folder
    _close(saving)


def page_of(window):
    return window.lessons.player.driver.find("convolution-page")      # built if it was not


def screen(window) -> dict:
    page = page_of(window)
    return {"front": window.tabs.currentWidget() is page, "tab": page.current_tab(),
            "source": page.network_source(), "name": page.network_name(), "centred": page.centring(),
            "kernel": page.hand_kernel().round(6).tolist(), "positions": page.hand_positions()}


@pytest.mark.parametrize("source", ["file", "bundled"])       # "trained": a flag as "file" is (test_setup_roundtrip's benchmark)
def test_the_convolution_page_reopens_as_saved_in_a_fresh_window(windows, source, qtbot):
    saving, folder = windows
    page = page_of(saving)
    if source == "bundled":
        page.use_bundled_network()
    else:
        network = ConvNet(REFERENCE_CNN.replace(conv=(3, 5)).conv_layers(10), seed=7)
        page.restore_network(network, source, "mine.safetensors")
    page.set_centring(source != "file")
    page.clear_pad()
    page.draw_strokes([[(0.1, 0.1), (0.3, 0.12), (0.2, 0.45)]])
    page.set_hand_kernel(np.arange(25, dtype=float).reshape(5, 5) / 10 - 1.2)
    page.hand_reset()
    page.hand_step(100)
    page.show_tab("compare" if source == "file" else "network")
    saving.tabs.setCurrentWidget(page)
    qtbot.wait(50)
    before, image, p = screen(saving), page.input_image(), page.probabilities()
    weights = [w.copy() for w in page.network().weights]
    path = folder / f"{source}.annviz"
    assert saving.setup.save_setup(path)

    opening = open_window(folder / f"opening-{source}.ini")          # never showed this page's state
    try:
        assert opening.setup.open_setup(str(path))
        qtbot.wait(50)
        again = page_of(opening)
        assert screen(opening) == before
        np.testing.assert_array_equal(again.input_image(), image)
        assert all(np.array_equal(a, b) for a, b in zip(again.network().weights, weights))
        np.testing.assert_array_equal(again.probabilities(), p)        # the same predictions, to the bit
        assert opening.state.network.is_mlp                            # the other pages keep an MLP
    finally:
        _close(opening)


def _setup(tmp_path, part: dict):
    path = tmp_path / "hostile.annviz"
    path.write_text(json.dumps({"format_version": 1, "kind": "annviz-setup", "convolution": part}))
    return path


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@pytest.mark.parametrize("part, said", [
    ({"source": "elsewhere"}, "convolution.source"),
    ({"source": "bundled", "model": {"bundled": "mnist-classic"}}, "convolution.model.bundled"),
    ({"source": "file", "model": {"safetensors": _b64(bundled_model("mnist-classic").read_bytes())}},
     "convolutional network"),
    ({"source": "file", "model": {"safetensors": "not base64!"}}, "convolution.model.safetensors"),
    ({"source": "bundled", "drawing": _b64(np.full(784, np.nan, "<f4").tobytes())}, "convolution.drawing"),
    ({"source": "bundled", "drawing": _b64(np.full(784, 2.0, "<f4").tobytes())}, "convolution.drawing"),
    ({"source": "bundled", "drawing": _b64(b"\0" * 100)}, "convolution.drawing"),
    ({"source": "bundled", "hand_kernel": [[1, 2], [3, 4]]}, "hand_kernel"),
    ({"source": "bundled", "hand_kernel": [[1e9] * 3] * 3}, "hand_kernel"),
    ({"source": "bundled", "hand_kernel": [[True] * 3] * 3}, "hand_kernel"),
    ({"source": "bundled", "hand_positions": 10**9}, "convolution.hand_positions"),
    ({"source": "bundled", "centred": "yes"}, "convolution.centred"),
])
def test_a_hostile_convolution_part_is_refused(tmp_path, part, said):
    with pytest.raises(SetupFileError) as refused:
        load_setup(_setup(tmp_path, part))
    assert said in str(refused.value) and "\n" not in str(refused.value).strip()


def test_a_cnn_carried_in_the_convolution_part_reads_back(tmp_path):
    network = ConvNet(REFERENCE_CNN.replace(conv=(2,)).conv_layers(10), seed=1)
    part = {"source": "file", "name": "x.safetensors", "model": {"safetensors": _b64(model_bytes(network))},
            "drawing": _b64(np.linspace(0, 1, 784, dtype="<f4").tobytes()), "centred": False}
    read = load_setup(_setup(tmp_path, part)).convolution
    assert read.source == "file" and read.name == "x.safetensors" and not read.centred
    assert all(np.array_equal(a, b) for a, b in zip(read.model.network.weights, network.weights))
    assert read.drawing[27, 27] == 1.0 and read.hand_kernel is None and read.hand_positions == 0
