"""The diagram's edges when they all fit its budget: every one, row by row (the weight matrix's
own order), whether the budget is just enough or more — the same list each time the diagram is
drawn, so that which of two edges at the same spot the pointer picks never changes."""

import numpy as np
import pytest

from annviz.nn.readout import strongest_edges


@pytest.mark.parametrize("budget", [6, 7, 100])
def test_all_edges_come_row_by_row_when_they_fit(budget):
    # wrong answer: at a budget of exactly 6, the 6 largest in size in any order (5, 4, 0, …)
    contribution = np.array([[0.5, -3.0, 2.0], [1.0, 0.0, -4.0]])
    rows, cols = strongest_edges(contribution, budget)
    assert list(zip(rows.tolist(), cols.tolist())) == [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2)]


def test_one_edge_fewer_than_the_budget_drops_the_weakest():
    contribution = np.array([[0.5, -3.0, 2.0], [1.0, 0.0, -4.0]])
    rows, cols = strongest_edges(contribution, 5)
    assert sorted(zip(rows.tolist(), cols.tolist())) == [(0, 0), (0, 1), (0, 2), (1, 0), (1, 2)]
