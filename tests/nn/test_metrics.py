"""Measuring a network (annviz/nn/metrics.py) and what the insight page reads from the test set
(annviz/nn/evaluation.py), against counts written out by hand for a handful of examples."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from annviz.nn import Network
from annviz.nn.evaluation import TestResults as Results
from annviz.nn.losses import get_loss
from annviz.nn.metrics import confusion_matrix, evaluate, per_class_accuracy, predict_in_chunks, score

#: Six examples of three classes: true labels, and the output activations a model gave them.
LABELS = np.array([0, 0, 1, 1, 2, 2])
OUTPUTS = np.array([
    [0.7, 0.2, 0.1],    # 0 → 0, right, 0.7 sure
    [0.3, 0.6, 0.1],    # 0 → 1, wrong, 0.6
    [0.1, 0.8, 0.1],    # 1 → 1, right, 0.8
    [0.1, 0.5, 0.4],    # 1 → 1, right, 0.5
    [0.05, 0.9, 0.05],  # 2 → 1, wrong, 0.9
    [0.2, 0.35, 0.45],  # 2 → 2, right, 0.45
])


def test_the_confusion_matrix_counts_true_rows_and_predicted_columns():
    counts = confusion_matrix(LABELS, OUTPUTS.argmax(axis=1), 3)
    assert counts.tolist() == [[1, 1, 0], [0, 2, 0], [0, 1, 1]]
    assert counts.dtype == np.int64
    assert confusion_matrix([2, 2], [2, 2], 4).tolist() == [[0] * 4, [0] * 4, [0, 0, 2, 0], [0] * 4]


def test_per_class_accuracy_is_each_rows_diagonal_share_and_nan_for_an_empty_class():
    with warnings.catch_warnings():
        warnings.simplefilter("error")             # quietly: no "invalid value" warning in the log
        accuracy = per_class_accuracy(np.array([[1, 1, 0], [0, 2, 0], [0, 0, 0]]))
    assert accuracy[:2].tolist() == [0.5, 1.0] and np.isnan(accuracy[2])


def test_test_results_summarise_the_outputs_as_the_insight_page_shows_them():
    results = Results(np.zeros((6, 28, 28), np.uint8), LABELS.astype(np.uint8), OUTPUTS)   # as MNIST stores them
    assert results.n == 6 and results.n_classes == 3
    assert results.labels.dtype == np.int64
    assert results.predictions.tolist() == [0, 1, 1, 1, 1, 2]
    assert results.confidences.tolist() == [0.7, 0.6, 0.8, 0.5, 0.9, 0.45]
    assert results.accuracy == pytest.approx(4 / 6)
    assert results.confusion.tolist() == [[1, 1, 0], [0, 2, 0], [0, 1, 1]]
    assert results.per_class_accuracy.tolist() == [0.5, 1.0, 0.5]
    assert results.cell(1, 1).tolist() == [2, 3]             # most confident first: 0.8, 0.5
    assert results.cell(2, 1).tolist() == [4]
    assert results.cell(1, 0).tolist() == []
    assert results.mistakes().tolist() == [4, 1]             # 0.9 before 0.6


def test_answering_only_when_sure_counts_and_scores_the_answers_from_the_threshold_up():
    results = Results(np.zeros((6, 28, 28), np.uint8), LABELS, OUTPUTS)
    assert results.answered(0.0) == (6, pytest.approx(4 / 6))
    assert results.answered(0.6) == (4, pytest.approx(2 / 4))     # 0.7, 0.8 right; 0.6, 0.9 wrong
    count, accuracy = results.answered(0.7)                         # 0.7, 0.8, 0.9: at the threshold counts
    assert (count, accuracy) == (3, pytest.approx(2 / 3))
    with warnings.catch_warnings():
        warnings.simplefilter("error")             # no "mean of empty slice" warning either
        count, accuracy = results.answered(0.95)
    assert count == 0 and np.isnan(accuracy)


def test_ties_in_confidence_keep_the_test_sets_order():
    outputs = np.array([[0.6, 0.4], [0.4, 0.6], [0.6, 0.4], [0.4, 0.6]])
    results = Results(np.zeros((4, 28, 28), np.uint8), [1, 0, 1, 0], outputs)
    assert results.mistakes().tolist() == [0, 1, 2, 3]
    many = np.tile([[0.6, 0.4]], (1000, 1))                 # a thousand equally sure mistakes
    many[::7] = [0.9, 0.1]
    results = Results(np.zeros((1000, 28, 28), np.uint8), np.ones(1000, int), many)
    surest = list(range(0, 1000, 7))
    assert results.mistakes().tolist() == surest + [i for i in range(1000) if i % 7]


def test_an_empty_test_set_has_no_accuracy():
    results = Results(np.zeros((0, 28, 28), np.uint8), [], np.zeros((0, 3)))
    assert results.n == 0 and np.isnan(results.accuracy)
    assert results.mistakes().tolist() == []


@pytest.fixture
def net():
    return Network([4, 5, 3], ["tanh", "softmax"], seed=2, dtype=np.float64)


def test_predict_in_chunks_gives_the_same_rows_as_one_pass_for_any_chunk(net):
    x = np.random.default_rng(3).random((7, 4))
    whole = net.predict_proba(x)
    for chunk in (1, 3, 7, 100):
        np.testing.assert_allclose(predict_in_chunks(net, x, chunk), whole, rtol=1e-12)
    assert predict_in_chunks(net, x).shape == (7, 3)


def test_score_and_evaluate_give_the_mean_loss_and_accuracy_written_out(net):
    x = np.random.default_rng(4).random((9, 4))
    y = np.array([0, 1, 2, 0, 1, 2, 0, 1, 2])
    p = net.predict_proba(x)
    mean_ce = float(np.mean([-np.log(p[i, y[i]]) for i in range(9)]))
    accuracy = float(np.mean([p[i].argmax() == y[i] for i in range(9)]))
    loss = get_loss("cross-entropy")
    assert score(net, p, y, loss) == (pytest.approx(mean_ce), pytest.approx(accuracy))
    assert evaluate(net, x, y, loss) == (pytest.approx(mean_ce), pytest.approx(accuracy))
    assert evaluate(net, x, y, loss, chunk=2) == (pytest.approx(mean_ce), pytest.approx(accuracy))
    for empty in (score(net, p[:0], y[:0], loss), evaluate(net, x[:0], y[:0], loss)):
        assert all(np.isnan(v) for v in empty)
