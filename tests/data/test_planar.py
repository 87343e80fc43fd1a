"""The 2-D datasets of the neuron lab: shapes, seeds, class balance, noise, split, features."""

import numpy as np
import pytest

from annviz.data.planar import (
    FEATURES,
    PLAYGROUND_DATASETS,
    PLAYGROUND_DOMAIN,
    feature_map,
    grid,
    logic_gate,
    make_dataset,
    train_test_split,
    two_blobs,
)


def test_gates_have_their_truth_tables():
    for name, labels in {"and": [0, 0, 0, 1], "or": [0, 1, 1, 1], "xor": [0, 1, 1, 0]}.items():
        d = logic_gate(name)
        assert d.x.shape == (4, 2) and d.x.dtype == np.float32
        np.testing.assert_array_equal(d.y, labels)
        np.testing.assert_array_equal(d.x, [[0, 0], [0, 1], [1, 0], [1, 1]])


def test_jittered_gate_clouds_stay_near_their_corners():
    d = logic_gate("xor", copies=10, jitter=0.05, seed=3)
    assert d.x.shape == (40, 2)
    assert np.bincount(d.y).tolist() == [20, 20]
    corners = np.round(d.x)
    expected = (corners[:, 0] != corners[:, 1]).astype(int)
    np.testing.assert_array_equal(d.y, expected)


@pytest.mark.parametrize("name", list(PLAYGROUND_DATASETS))
def test_playground_datasets_shapes_balance_and_seeds(name):
    d = make_dataset(name, n=300, noise=0.1, seed=7)
    assert d.x.shape == (300, 2) and d.y.shape == (300,)
    assert set(np.unique(d.y)) == {0, 1}
    counts = np.bincount(d.y)
    assert abs(counts[0] - counts[1]) <= 0.15 * 300          # roughly balanced
    lo, hi = PLAYGROUND_DOMAIN
    assert d.x.min() >= lo and d.x.max() <= hi
    again = make_dataset(name, n=300, noise=0.1, seed=7)
    np.testing.assert_array_equal(d.x, again.x)
    np.testing.assert_array_equal(d.y, again.y)
    other = make_dataset(name, n=300, noise=0.1, seed=8)
    assert not np.array_equal(d.x, other.x)


def test_clean_circle_is_separated_by_radius():
    d = make_dataset("circle", n=400, noise=0.0)
    r = np.hypot(d.x[:, 0], d.x[:, 1])
    assert np.all(r[d.y == 1] <= 2.5) and np.all(r[d.y == 0] >= 3.5)
    assert np.bincount(d.y).tolist() == [200, 200]


def test_noise_mislabels_some_circle_points_and_blurs_xor():
    clean = make_dataset("circle", n=400, noise=0.0, seed=1)
    noisy = make_dataset("circle", n=400, noise=0.5, seed=1)
    r = np.hypot(noisy.x[:, 0], noisy.x[:, 1])
    assert np.count_nonzero((r < 3) != (noisy.y == 1)) > 10
    assert np.count_nonzero((np.hypot(*clean.x.T) < 3) != (clean.y == 1)) == 0
    xor_clean = make_dataset("xor", n=400, noise=0.0, seed=1)
    np.testing.assert_array_equal(xor_clean.y, (xor_clean.x[:, 0] * xor_clean.x[:, 1] >= 0))


def test_gaussian_noise_widens_the_blobs():
    tight = make_dataset("gaussian", n=400, noise=0.0, seed=2)
    wide = make_dataset("gaussian", n=400, noise=0.5, seed=2)
    assert wide.x[wide.y == 1].std() > 1.5 * tight.x[tight.y == 1].std()


def test_two_blobs_lie_around_their_centres():
    d = two_blobs(40, seed=0)
    assert np.bincount(d.y).tolist() == [20, 20]
    assert d.x[d.y == 1].mean(axis=0) == pytest.approx([0.75, 0.7], abs=0.1)
    assert d.x[d.y == 0].mean(axis=0) == pytest.approx([0.25, 0.3], abs=0.1)


def test_split_is_a_seeded_partition():
    d = make_dataset("spirals", n=200, seed=0)
    train, test = train_test_split(d, test_fraction=0.3, seed=5)
    assert len(train) == 140 and len(test) == 60
    both = np.concatenate([train.x, test.x])
    assert sorted(map(tuple, both)) == sorted(map(tuple, d.x))
    train2, _ = train_test_split(d, test_fraction=0.3, seed=5)
    np.testing.assert_array_equal(train.x, train2.x)
    with pytest.raises(ValueError):
        train_test_split(d, test_fraction=1.0)


def test_feature_map_computes_each_feature_in_order():
    x = np.array([[1.0, 2.0], [-0.5, 3.0]], dtype=np.float32)
    f = feature_map(x, list(FEATURES))
    assert f.shape == (2, 7) and f.dtype == np.float32
    x1, x2 = x[:, 0], x[:, 1]
    np.testing.assert_allclose(f, np.stack([x1, x2, x1**2, x2**2, x1 * x2, np.sin(x1), np.sin(x2)], 1),
                               rtol=1e-6)
    np.testing.assert_allclose(feature_map(x, ["x2", "x1"]), x[:, ::-1])
    with pytest.raises(ValueError):
        feature_map(x, ["x3"])
    with pytest.raises(ValueError):
        feature_map(x, [])


def test_grid_rows_run_from_the_bottom():
    g = grid((-6, 6), 4)
    assert g.shape == (16, 2)
    image_rows = g[:, 1].reshape(4, 4)
    assert np.all(np.diff(image_rows[:, 0]) > 0)      # x₂ grows with the row
    assert np.all(np.diff(g[:4, 0]) > 0)              # x₁ grows along a row
    assert g.min() == pytest.approx(-4.5) and g.max() == pytest.approx(4.5)
