"""A lesson check's conditions at their boundaries: every comparison a check makes, with the
values just inside and just outside (a `>` written for `>=` fails here, not in a classroom)."""

from __future__ import annotations

import math

import pytest

from annviz.lessons.model import Condition


@pytest.mark.parametrize("measured, holds", [(0.5, True), (0.5000001, True), (0.4999999, False),
                                             (7, True), (-math.inf, False), (math.inf, True)])
def test_at_least_holds_from_the_boundary_on(measured, holds):
    assert Condition("a", "at_least", 0.5).holds(measured) is holds


@pytest.mark.parametrize("measured, holds", [(0.5, True), (0.4999999, True), (0.5000001, False),
                                             (-7, True), (math.inf, False)])
def test_at_most_holds_up_to_the_boundary(measured, holds):
    assert Condition("a", "at_most", 0.5).holds(measured) is holds


@pytest.mark.parametrize("measured, holds", [(1.0, True), (1.0 + 5e-7, True), (1.0 + 2e-6, False),
                                             (1.0 - 2e-6, False), (1, True)])
def test_equals_a_number_within_a_millionth(measured, holds):
    assert Condition("b", "eq", 1.0).holds(measured) is holds


@pytest.mark.parametrize("condition, measured, holds", [
    (Condition("activation", "eq", "step"), "step", True),
    (Condition("activation", "eq", "step"), "sigmoid", False),
    (Condition("verdict", "eq", True), True, True),
    (Condition("verdict", "eq", True), False, False),
    (Condition("points", "eq", 4), 4, True),
    (Condition("points", "eq", 4), 5, False),
])
def test_equals_text_truth_and_counts_exactly(condition, measured, holds):
    assert condition.holds(measured) is holds


@pytest.mark.parametrize("op", ["at_least", "at_most", "eq"])
@pytest.mark.parametrize("measured", [None, math.nan])
def test_nothing_measured_never_holds(op, measured):
    assert Condition("z", op, 0.0).holds(measured) is False
