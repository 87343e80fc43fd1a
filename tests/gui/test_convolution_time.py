"""The time machine of the Convolution page's training (issue 26): the first convolution's kernels
of every batch of a short run, scrubbed back; a long run kept in bounded memory."""

from __future__ import annotations

import numpy as np
import pytest

from annviz.gui.convolution import ConvolutionPage
from annviz.gui.convolution.kernel_history import KernelHistory


def test_a_long_run_keeps_evenly_spaced_moments_in_bounded_memory():
    history = KernelHistory(limit=1000)
    kernels = np.zeros((8, 5, 5), np.float32)
    for step in range(1, 20_001):                                # 21 epochs of the reference net
        kernels[0, 0, 0] = step
        history.add(step, kernels)
        assert len(history) <= 1001                               # the kept ones and the latest
    assert 500 <= len(history) - 1 <= 1000 and history.nbytes() <= 1001 * kernels.nbytes
    steps = [history.step(i) for i in range(len(history))]
    gaps = set(np.diff(steps[:-1]))
    assert gaps == {history.stride} and steps[-1] == 20_000      # even spacing, the latest last
    assert all(history.kernels(i)[0, 0, 0] == steps[i] for i in (0, 7, len(history) - 1))  # each its own copy
    with pytest.raises(IndexError):
        history.kernels(len(history))


def test_a_short_run_keeps_every_batch():
    history = KernelHistory()
    for step in range(1, 33):
        history.add(step, np.full((2, 5, 5), step))
    assert len(history) == 32 and [history.step(i) for i in (0, 31)] == [1, 32]


@pytest.fixture
def page(qtbot):
    page = ConvolutionPage()
    qtbot.addWidget(page)
    page.resize(1300, 680)
    page.show()
    yield page
    assert page.stop_training()


def test_the_kernels_of_every_batch_can_be_scrubbed_back(page, qtbot):
    page.show_tab("train")
    page.start_training((2, 2), epochs=1, images=1000)          # 16 batches of 64
    qtbot.waitUntil(lambda: not page.is_training(), timeout=60_000)
    assert page.training_result().finished
    n = page.kernel_moments()
    assert n == 16
    batch, now = page.shown_kernels()
    assert batch is None and now.shape == (2, 5, 5)
    np.testing.assert_array_equal(now, page.network().weights[0][:, 0])    # at the end: the network now
    page.show_kernel_moment(n - 1)
    np.testing.assert_array_equal(page.shown_kernels()[1], now)
    page.show_kernel_moment(0)
    batch, first = page.shown_kernels()
    assert batch == 1 and not np.allclose(first, now)             # after the first batch: not yet learnt
    page.show_kernel_moment(7)
    batch, middle = page.shown_kernels()
    assert batch == 8
    # each moment is the kernels after its batch: the same run trained here, outside the page
    from annviz.recipes import REFERENCE_CNN, build_network, build_trainer, prepare_data

    config = REFERENCE_CNN.replace(conv=(2, 2), epochs=1, n_train=1000)
    data = prepare_data(config)
    net = build_network(config, n_out=data.n_classes)
    after = {}
    for event in build_trainer(net, config, data).steps():
        after[event.step] = net.weights[0][:, 0].copy()
    for i, step in ((0, 1), (7, 8), (14, 15)):
        page.show_kernel_moment(i)
        shown_batch, kernels = page.shown_kernels()
        assert shown_batch == step
        np.testing.assert_allclose(kernels, after[step], atol=1e-4)
    # moving on: each moment nearer the end is nearer the kernels learnt, most of the way
    distances = []
    for i in range(n):
        page.show_kernel_moment(i)
        distances.append(float(np.abs(page.shown_kernels()[1] - now).sum()))
    assert distances[-1] == 0 and distances[0] > distances[8] > distances[-1]

