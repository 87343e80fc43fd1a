"""The data view's numbers (annviz.data.summary) against NumPy computed the plain way."""

import numpy as np
import pytest

from annviz.data.datasets import Dataset, load_dataset
from annviz.data.summary import summarize


@pytest.fixture(scope="module")
def mnist():
    return load_dataset("mnist")


def test_counts_averages_and_brightness_of_mnist(mnist):
    summary = summarize(mnist)
    x, y = mnist.train_images, mnist.train_labels
    np.testing.assert_array_equal(summary.counts, [np.sum(y == c) for c in range(10)])
    averages = np.stack([x[y == c].astype(np.float64).mean(axis=0) / 255 for c in range(10)])
    np.testing.assert_allclose(summary.averages, averages, atol=1e-6)
    expected = np.array([np.count_nonzero(x == v) for v in range(256)])
    np.testing.assert_array_equal(summary.brightness, expected)
    assert summary.brightness.sum() == x.size


def test_samples_are_of_their_class_distinct_and_depend_on_the_seed(mnist):
    summary = summarize(mnist)
    first, again, other = summary.samples(8), summary.samples(8), summary.samples(8, seed=1)
    np.testing.assert_array_equal(first, again)
    assert not np.array_equal(first, other)
    for c in range(10):
        assert np.all(mnist.train_labels[first[c]] == c) and len(set(first[c])) == 8


def test_a_class_with_few_or_no_images_is_averaged_as_black_and_sampled_with_gaps():
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, (5, 28, 28), dtype=np.uint8)
    labels = np.array([0, 0, 0, 1, 0], np.uint8)
    tiny = Dataset("tiny", ("a", "b", "c"), images, labels, images[:1], labels[:1])
    summary = summarize(tiny)
    np.testing.assert_array_equal(summary.counts, [4, 1, 0])
    np.testing.assert_allclose(summary.averages[1], images[3] / 255, atol=1e-6)
    assert np.all(summary.averages[2] == 0)
    samples = summary.samples(3)
    assert sorted(samples[0]) != [-1, -1, -1] and list(samples[1]).count(-1) == 2 and np.all(samples[2] == -1)


def test_it_stops_when_told():
    calls = []
    data = load_dataset("mnist")
    assert summarize(data, go_on=lambda: calls.append(1) or len(calls) < 3) is None
    assert len(calls) == 3
