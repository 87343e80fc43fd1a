"""The insight page against the core: confusion-matrix cells, loading an example, the learning views."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from annviz.data.datasets import load_dataset, to_inputs
from annviz.gui.insight import InsightPage
from annviz.gui.state import AppState
from annviz.nn import Network, TrainConfig, Trainer, get_loss, make_optimizer
from annviz.nn.modelfile import ModelInfo

N_TEST = 600  # a slice of the test set keeps the test fast; every assertion is still exact


@pytest.fixture(scope="module")
def trained():
    """A small sigmoid network trained briefly on part of MNIST: good, but with mistakes."""
    data = load_dataset("mnist")
    config = TrainConfig(hidden=(16, 16), epochs=1, n_train=6000, lr=3e-3, batch_size=32)
    network = Network.build(config.layer_sizes(), "sigmoid", "softmax")
    Trainer(network, config, (to_inputs(data.train_images[:6000]), data.train_labels[:6000])).run()
    return network, data.test_images[:N_TEST], data.test_labels[:N_TEST].astype(np.int64)


@pytest.fixture
def page(qtbot, trained):
    network, images, labels = trained
    state = AppState()
    state.set_model(network.copy(), ModelInfo())
    page = InsightPage(state)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    page.set_test_set(images, labels)
    qtbot.waitUntil(lambda: page.results is not None and page.results.n == N_TEST, timeout=10_000)
    yield page
    page.shutdown()


def click_cell(qtbot, page, true, predicted):
    view = page.evaluation.confusion
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.mapFromScene(view.cell_center(true, predicted)))


def test_clicking_a_cell_lists_exactly_its_test_images(qtbot, page, trained):
    network, images, labels = trained
    outputs = network.predict_proba(to_inputs(images))
    predictions = outputs.argmax(axis=1)
    counts = np.zeros((10, 10), dtype=int)
    np.add.at(counts, (labels, predictions), 1)
    np.testing.assert_array_equal(page.results.confusion, counts)

    off_diagonal = counts - np.diag(np.diag(counts))
    true, predicted = np.unravel_index(off_diagonal.argmax(), counts.shape)
    assert counts[true, predicted] > 0
    click_cell(qtbot, page, true, predicted)
    qtbot.waitUntil(lambda: page.evaluation.gallery.count() == counts[true, predicted])
    shown = page.evaluation.gallery.shown_indices()
    expected = np.flatnonzero((labels == true) & (predictions == predicted))
    assert sorted(shown) == expected.tolist()
    assert np.all(np.diff(outputs[shown].max(axis=1)) <= 0)   # most confident first

    click_cell(qtbot, page, 3, 3)
    qtbot.waitUntil(lambda: page.evaluation.gallery.count() == counts[3, 3])
    assert sorted(page.evaluation.gallery.shown_indices()) == np.flatnonzero(
        (labels == 3) & (predictions == 3)).tolist()


def test_loading_a_gallery_image_reproduces_the_prediction(qtbot, page, trained):
    network, images, labels = trained
    page.evaluation.select_cell(*np.unravel_index(
        (page.results.confusion - np.diag(np.diag(page.results.confusion))).argmax(), (10, 10)))
    gallery = page.evaluation.gallery
    item = gallery.item(0)
    index = gallery.shown_indices()[0]
    qtbot.mouseClick(gallery.viewport(), Qt.MouseButton.LeftButton, pos=gallery.visualItemRect(item).center())
    state = page.state
    qtbot.waitUntil(lambda: state.input_image is not None)
    np.testing.assert_array_equal(state.input_image, images[index] / np.float32(255.0))
    assert state.prediction == network.predict(to_inputs(images[index]))[0] == page.results.predictions[index]
    np.testing.assert_allclose(state.probabilities, page.results.probabilities[index], rtol=1e-6)
    assert page.label == labels[index]


def test_mistakes_are_wrong_and_most_confident_first(page, trained):
    _, _, labels = trained
    results, seen = page.results, []
    for _ in range(min(5, len(results.mistakes()))):
        seen.append(page.mistakes.current_index)
        page.mistakes.next_button.click()
    assert all(results.predictions[i] != labels[i] for i in seen)
    assert np.all(np.diff(results.confidences[seen]) <= 0)


def test_stepper_shows_one_sgd_step_of_the_core(qtbot, page, trained):
    network, images, labels = trained
    page.load_example(0)
    page.tabs.setCurrentWidget(page.stepper)
    step = page.stepper.step
    x, y = to_inputs(images[0]), np.array([labels[0]])
    reference = network.copy()
    loss = get_loss("cross-entropy")
    value, grads = reference.gradients(x, y, loss)
    make_optimizer("sgd", page.stepper.lr.value()).step(
        reference.weights + reference.biases, grads.grad_w + grads.grad_b, reference.n_layers)
    for mine, core in zip(step.new_weights, reference.weights):
        np.testing.assert_array_equal(mine, core)
    page.stepper.go_to(1 + network.n_layers)          # the loss stage
    assert page.stepper.stage_kind == ("loss", -1)
    assert f"{value:.4f}" in page.stepper.explanation.text()


def _after_one_step(network, x, label, lr):
    reference = network.copy()
    _, grads = reference.gradients(x, np.array([label]), get_loss("cross-entropy"))
    make_optimizer("sgd", lr).step(reference.weights + reference.biases, grads.grad_w + grads.grad_b,
                                   reference.n_layers)
    return reference.predict_proba(x)[0]


def _loss(p, label):
    return -np.log(p[label])


def test_stepper_says_what_the_step_did_with_its_numbers(qtbot, page, trained):
    """The default η nudges a wrong answer without flipping it, and the sentence says so with the
    real numbers; a large η flips it, and the sentence says that instead."""
    network, images, labels = trained
    predictions = network.predict(to_inputs(images))
    index = int(np.flatnonzero(predictions != labels)[0])
    x, label = to_inputs(images[index]), int(labels[index])
    page.load_example(index)
    page.tabs.setCurrentWidget(page.stepper)
    stepper = page.stepper
    stepper.go_to(10 ** 6)                                    # the last stage: after the step
    assert stepper.stage_kind == ("after", -1)
    before = network.predict_proba(x)[0]
    after = _after_one_step(network, x, label, stepper.lr.value())
    assert after.argmax() == before.argmax() != label         # nudged, not flipped
    assert after[label] > before[label]
    text = stepper.explanation.text()
    assert f"The answer stays {before.argmax()}" in text
    assert f"from {100 * before[label]:.2f} % to {100 * after[label]:.2f} %" in text
    assert f"from {_loss(before, label):.4f} to {_loss(after, label):.4f}" in text

    stepper.lr.setValue(2.0)
    after = _after_one_step(network, x, label, 2.0)
    assert after.argmax() == label
    text = stepper.explanation.text()
    assert "The answer stays" not in text
    assert f"changes the answer from {before.argmax()} to {label}" in text
    assert f"to {100 * after[label]:.2f} %" in text


def test_nudge_shows_the_cores_numbers(qtbot, page, trained):
    network, images, labels = trained
    page.load_example(1)
    page.tabs.setCurrentWidget(page.nudge)
    page.nudge.choose_weight(1, 2, 3)
    r = page.nudge.result
    net64 = network.copy(np.float64)
    x, y = to_inputs(images[1]).astype(np.float64), np.array([labels[1]])
    _, grads = net64.gradients(x, y, get_loss("cross-entropy"))
    assert r.backprop == grads.grad_w[1][2, 3]
    assert r.numeric == pytest.approx(r.backprop, rel=1e-6)
    assert f"{r.backprop:.12e}" in page.nudge.numbers.text()


def test_matrix_hover_lights_where_a_cell_came_from(page):
    page.load_example(2)
    page.tabs.setCurrentWidget(page.matrix)
    view = page.matrix.view
    view.hover(("z", 4, -1))
    assert view.lit() == {("wa", 4, -1), ("b", 4, -1)}
    z = page.state.forward.zs[0][0, 4]
    assert f"{z:.4f}" in page.matrix.status.text()


def test_a_folder_in_the_models_metadata_is_not_read(qtbot, tmp_path, trained):
    """A model whose ``dataset`` names a folder of valid IDX files: the page does not evaluate on
    it (issue 10) and says why; a test set the user gives is still used."""
    from annviz.data import write_idx

    network, images, labels = trained
    folder = tmp_path / "digits"
    folder.mkdir()
    for name, array in (("train-images-idx3-ubyte", images[:5]), ("train-labels-idx1-ubyte", labels[:5]),
                        ("t10k-images-idx3-ubyte", images[:9]), ("t10k-labels-idx1-ubyte", labels[:9])):
        write_idx(folder / name, array.astype(np.uint8))
    state = AppState()
    state.set_model(network.copy(), ModelInfo(dataset=str(folder)))
    page = InsightPage(state)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.evaluate()
    qtbot.waitUntil(lambda: "not a dataset annviz knows by name" in page.evaluation.summary.text(),
                    timeout=10_000)
    assert page.results is None
    page.set_test_set(images[:9], labels[:9])
    qtbot.waitUntil(lambda: page.results is not None and page.results.n == 9, timeout=10_000)
    page.shutdown()


def test_softmax_table_heads_each_column_with_its_class(page, trained):
    network, images, _ = trained
    page.load_example(3)
    page.tabs.setCurrentWidget(page.matrix)
    page.matrix.layer.setCurrentIndex(network.n_layers - 1)
    table = page.matrix.softmax
    assert table.isVisibleTo(page.matrix)
    probabilities = network.predict_proba(to_inputs(images[3]))[0]
    headers = [table.horizontalHeaderItem(k).text() for k in range(table.columnCount())]
    assert headers == [str(k) for k in range(10)]
    last = table.rowCount() - 1
    for k in range(10):
        assert table.item(last, headers.index(str(k))).text() == f"{probabilities[k]:.4f}"


@pytest.mark.parametrize("hidden", [(), (16,)])
def test_why_this_answer_says_how_the_pixels_relate_to_z(qtbot, trained, hidden):
    from annviz.gui.insight.attribution_tab import AttributionTab

    _, images, _ = trained
    network = Network.build([784, *hidden, 10], "sigmoid", "softmax", seed=3)
    tab = AttributionTab()
    qtbot.addWidget(tab)
    x = to_inputs(images[0])[0].astype(np.float64)
    tab.show_input(network, x, [str(k) for k in range(10)])
    k = tab.chosen_class
    w = [m.astype(np.float64) for m in network.weights]
    b = [v.astype(np.float64) for v in network.biases]
    if hidden:                                             # independent forward pass and gradient
        h = 1 / (1 + np.exp(-(w[0] @ x + b[0])))
        z = w[1][k] @ h + b[1][k]
        pixels = x * ((w[1][k] * h * (1 - h)) @ w[0])
        text = tab.explanation.text()
        assert "do not add up to z" in text
        assert f"other {z - pixels.sum():+.3f}" in text
        assert f"own b = {b[1][k]:+.3f}" in text
    else:
        z = w[0][k] @ x + b[0][k]
        pixels = x * w[0][k]
        assert pixels.sum() + b[0][k] == pytest.approx(z)
        text = tab.explanation.text()
        assert f"pixels' {pixels.sum():+.3f} plus the bias b = {b[0][k]:+.3f} is z = {z:.3f}" in text
    assert f"in all {pixels.sum():+.3f}" in text


def test_why_this_answer_computes_once_per_input_and_class_and_redraws_the_same(qtbot, monkeypatch):
    """A new language or zoom draws the explanation again without computing it; a new class or
    input computes it once, and what is drawn is what a fresh tab shows for that case."""
    from annviz.gui.insight import attribution_tab
    from annviz.gui.insight.attribution_tab import AttributionTab

    computed = []

    def counted(network, x, k):
        computed.append(k)
        return attribution_tab_explain(network, x, k)

    attribution_tab_explain = attribution_tab.explain_class
    monkeypatch.setattr(attribution_tab, "explain_class", counted)
    network = Network.build([784, 16, 10], "sigmoid", "softmax", seed=3)
    images = load_dataset("mnist").test_images
    names = [str(k) for k in range(10)]
    tab = AttributionTab()
    qtbot.addWidget(tab)
    tab.show_input(network, to_inputs(images[0])[0], names)
    predicted = int(network.predict(to_inputs(images[0]))[0])
    assert computed == [predicted] and tab.chosen_class == predicted
    for _ in range(3):
        tab.retranslate()
    assert computed == [predicted]                                # drawn again, not computed
    other = (predicted + 1) % 10
    tab.choose_class(other)
    tab.retranslate()
    assert computed == [predicted, other] and tab.chosen_class == other
    tab.show_input(network, to_inputs(images[1])[0], names)
    assert computed == [predicted, other, other]                  # a new input: the class kept

    fresh = AttributionTab()
    qtbot.addWidget(fresh)
    fresh.show_input(network, to_inputs(images[1])[0], names)
    fresh.choose_class(other)
    assert tab.explanation.text() == fresh.explanation.text() and f"Score of {other}:" in tab.explanation.text()
