"""The insight page's data view: the model's dataset as counts, averages, examples and brightness;
clicking an image makes it the input of the whole app."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QFileDialog

from annviz.data.datasets import bundled_mnist_dir, load_dataset
from annviz.gui.insight import InsightPage
from annviz.gui.state import AppState
from annviz.nn import Network
from annviz.nn.modelfile import ModelInfo


@pytest.fixture
def page(qtbot):
    state = AppState()
    state.set_model(Network.build([784, 8, 10], seed=0), ModelInfo(dataset="mnist"))
    page = InsightPage(state)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    page.tabs.setCurrentWidget(page.data)
    yield page
    page.shutdown()


def click_tile(qtbot, data, c, column):
    x, y = data.tile_center(c, column)
    view = data.images
    scene_point = view.getViewBox().mapViewToScene(QPointF(x, y))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene_point))


def test_it_shows_the_models_dataset_counted(qtbot, page):
    qtbot.waitUntil(lambda: page.data.summary is not None, timeout=30_000)
    mnist = load_dataset("mnist")
    counts = np.bincount(mnist.train_labels, minlength=10)
    np.testing.assert_array_equal(page.data.count_bars.opts["height"], counts)
    assert "60,000 training images and 10,000 test images" in page.data.status.text()
    black = np.count_nonzero(mnist.train_images == 0) / mnist.train_images.size
    assert f"{black:.1%} of all pixels are black" in page.data.brightness_caption.text()


def test_clicking_an_example_loads_that_very_image_with_its_label(qtbot, page):
    qtbot.waitUntil(lambda: page.data.summary is not None, timeout=30_000)
    index = page.data.sample_indices()[4, 3]
    click_tile(qtbot, page.data, 4, 2 + 3)                  # class 4, the fourth example
    mnist = load_dataset("mnist")
    np.testing.assert_array_equal(page.state.input_image, mnist.train_images[index] / np.float32(255))
    assert mnist.train_labels[index] == 4 and page.label == 4


def test_clicking_an_average_loads_the_average_and_other_examples_draws_again(qtbot, page):
    qtbot.waitUntil(lambda: page.data.summary is not None, timeout=30_000)
    click_tile(qtbot, page.data, 7, 0)
    mnist = load_dataset("mnist")
    average = mnist.train_images[mnist.train_labels == 7].mean(axis=0) / 255
    np.testing.assert_allclose(page.state.input_image, average, atol=0.5 / 255 + 1e-6)
    assert page.label == 7
    before = page.data.sample_indices().copy()
    qtbot.mouseClick(page.data.other_examples, Qt.MouseButton.LeftButton)
    assert not np.array_equal(before, page.data.sample_indices())


def test_a_dataset_known_by_no_name_is_read_only_from_a_folder_the_learner_picks(qtbot, page, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *args, **kw: asked.append(args) or str(bundled_mnist_dir()))
    page.state.set_model(Network.build([784, 8, 10], seed=0), ModelInfo(dataset=str(bundled_mnist_dir())))
    qtbot.waitUntil(lambda: page.data.choose_folder.isVisible(), timeout=30_000)
    assert "not a dataset annviz knows by name" in page.data.status.text() and not asked
    assert page.data.summary is None
    qtbot.mouseClick(page.data.choose_folder, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.data.summary is not None, timeout=30_000)
    assert asked and page.data.summary.counts.sum() == 60_000
