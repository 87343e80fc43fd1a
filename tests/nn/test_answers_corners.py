"""The answers along a run at their corners: a NaN score is no answer (counted 0, not the surest),
the film answers as the float32 network does (a difference float32 cannot hold is none), keeps a
float32 copy of whatever it is given, and an empty film holds examples of the network's width."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from annviz.nn.answers import AnswerFilm, answers_at, moment_outputs
from annviz.nn.config import TrainConfig
from annviz.nn.recording import Moment, Recording, picture_copy


def run_of(w1, b1, w2, b2, sizes, output="softmax"):
    run = Recording(TrainConfig(hidden=(sizes[1],), activation="relu", output=output), sizes, ["relu", output],
                    ["zero", "one"], 10)
    run.add(Moment(0, 0.0, None, 0.1, picture_copy([np.array(w1, np.float32), np.array(w2, np.float32)]),
                   picture_copy([np.array(b1, np.float32), np.array(b2, np.float32)])))
    return run


def test_a_nan_score_is_no_answer():
    """An infinite input makes both hidden units inf: class 0 scores inf − inf, NaN, class 1
    inf + inf. Neither is a number an answer can rest on: both count 0, so the answer is class 0,
    0 % sure (a NaN counted 1 would make it "100 % sure"). The second example, 1: h = (1, 1),
    class 0 scores 0 and class 1 scores 2."""
    run = run_of([[1.0], [1.0]], [0, 0], [[1.0, -1.0], [1.0, 1.0]], [0, 0], [1, 2, 2], output="identity")
    x = np.array([[np.inf], [1.0]], np.float32)
    with np.errstate(all="ignore"):
        out = moment_outputs(run, run.moments[0], x)
    assert np.isnan(out[0, 0]) and out[0, 1] == np.inf and out[1].tolist() == [0.0, 2.0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        predicted, confidence = answers_at(run, run.moments, x)[0]
    assert predicted.tolist() == [0, 1] and confidence.tolist() == [0.0, 2.0]


def test_the_answers_are_the_float32_networks():
    """Inputs 0.1 and float32(0.1): the network (float32, as in the app) sees the same number
    twice, x₀ − x₁ = 0, a tie: class 0, 50 % sure. In float64 they differ by 1.5e-9 and class 1
    would win."""
    run = run_of([[1, 0], [0, 1]], [0, 0], [[1.0, -1.0], [-1.0, 1.0]], [0, 0], [2, 2, 2])
    x = np.array([[0.1, float(np.float32(0.1))]])                     # float64
    out = moment_outputs(run, run.moments[0], x)
    assert out.tolist() == [[0.5, 0.5]] and out.dtype == np.float32
    predicted, confidence = answers_at(run, run.moments, x)[0]
    assert predicted.tolist() == [0] and confidence.tolist() == [0.5]


@pytest.mark.parametrize("given", [[[0.1, 0.2]], np.array([[0.1, 0.2]]), np.array([[0.1, 0.2]], np.float32)])
def test_a_film_keeps_a_float32_copy_of_whatever_it_is_given(given):
    run = run_of([[1, 0], [0, 1]], [0, 0], [[1.0, -1.0], [-1.0, 1.0]], [0, 0], [2, 2, 2])
    film = AnswerFilm(run, given)
    assert film.inputs.dtype == np.float32 and film.inputs.tolist() == [[float(np.float32(0.1)), float(np.float32(0.2))]]


def test_an_empty_film_holds_examples_of_the_networks_width():
    run = run_of([[1, 0, 0], [0, 1, 0]], [0, 0], [[1.0, -1.0], [-1.0, 1.0]], [0, 0], [3, 2, 2])
    film = AnswerFilm(run, [])
    assert film.inputs.shape == (0, 3)
    answers = film.answers()
    assert answers.steps.tolist() == [0] and answers.predicted.shape == (1, 0)
