"""The answers of a few examples along a run ("When did it learn my 3?", annviz/nn/answers.py),
on a hand-made recording whose answers are known without running the code: a 2-3-2 network whose
moments are written out, so each moment's class and confidence is worked out here by hand."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from annviz.nn.answers import MAX_EXAMPLES, AnswerFilm, Answers, answers_at, moment_outputs
from annviz.nn.config import TrainConfig
from annviz.nn.recording import Moment, Recording, picture_copy
from annviz.nn.trainer import TrainerState  # noqa: F401  (a moment's state type: used below)


def moment(step: int, sign: float, bias: float = 0.0) -> Moment:
    """Hidden: relu of the identity on the two inputs plus a third that is always 0; the output
    gives class 0 the score sign·(x0 − x1) + bias and class 1 its negative."""
    w1 = np.array([[1, 0], [0, 1], [0, 0]], np.float32)
    b1 = np.zeros(3, np.float32)
    w2 = np.array([[sign, -sign, 0], [-sign, sign, 0]], np.float32)
    b2 = np.array([bias, -bias], np.float32)
    return Moment(step, step / 10, None if step == 0 else 0.5, 0.1,
                  picture_copy([w1, w2]), picture_copy([b1, b2]))


def recording(*moments: Moment) -> Recording:
    run = Recording(TrainConfig(hidden=(3,), activation="relu"), [2, 3, 2], ["relu", "softmax"],
                    ["zero", "one"], 10)
    for m in moments:
        run.add(m)
    return run


#: Example 0 leans to input 0, example 1 to input 1; example 2 is (0, 0): no evidence either way.
EXAMPLES = np.array([[2.0, 0.0], [0.0, 1.0], [0.0, 0.0]], np.float32)


def softmax_pair(score: float) -> tuple[float, float]:
    """Softmax of (score, −score), written out."""
    e0, e1 = np.exp(score), np.exp(-score)
    return e0 / (e0 + e1), e1 / (e0 + e1)


def test_a_moments_outputs_are_its_own_networks_forward_pass():
    run = recording(moment(0, 1.0), moment(5, -0.5, bias=0.25))
    out = moment_outputs(run, run.moments[1], EXAMPLES)
    # moment 5: class 0 scores −0.5·(x0 − x1) + 0.25
    for row, (x0, x1) in zip(out, EXAMPLES):
        assert row == pytest.approx(softmax_pair(-0.5 * (x0 - x1) + 0.25), abs=1e-6)
    # the other moment gives other outputs (the moment's own weights, not the first or last)
    assert not np.allclose(out, moment_outputs(run, run.moments[0], EXAMPLES))


def test_answers_at_gives_each_moments_class_and_its_confidence():
    run = recording(moment(0, 1.0), moment(3, -1.0), moment(7, 2.0, bias=-5.0))
    done = answers_at(run, run.moments, EXAMPLES)
    assert sorted(done) == [0, 3, 7]
    predicted, confidence = done[0]
    assert predicted.tolist() == [0, 1, 0]            # a tie (example 2) goes to the first class
    assert confidence == pytest.approx([softmax_pair(2.0)[0], softmax_pair(1.0)[0], 0.5], abs=1e-6)
    predicted, confidence = done[3]
    assert predicted.tolist() == [1, 0, 0]
    assert confidence == pytest.approx([softmax_pair(2.0)[0], softmax_pair(1.0)[0], 0.5], abs=1e-6)
    predicted, confidence = done[7]                   # class 0 scores 2(x0 − x1) − 5
    assert predicted.tolist() == [1, 1, 1]
    assert confidence == pytest.approx([softmax_pair(1.0)[0], softmax_pair(7.0)[0], softmax_pair(5.0)[0]],
                                       abs=1e-6)
    assert confidence.dtype == np.float32 and predicted.shape == (3,)


def test_answers_at_stops_when_told_and_keeps_what_it_has():
    run = recording(moment(0, 1.0), moment(3, -1.0), moment(7, 2.0))
    asked = []

    def go_on() -> bool:
        asked.append(1)
        return len(asked) <= 2

    assert sorted(answers_at(run, run.moments, EXAMPLES, go_on)) == [0, 3]
    assert answers_at(run, run.moments, EXAMPLES, lambda: False) == {}


def test_a_diverged_moment_answers_class_0_with_confidence_0_without_a_warning():
    """Outputs that overflowed (±inf) or are NaN count as 0, quietly: with an identity output,
    class 1 is +inf and class 0 −inf for the first example, both NaN (inf − inf) for the second."""
    run = Recording(TrainConfig(hidden=(2,), activation="relu", output="identity"), [1, 2, 2],
                    ["relu", "identity"], ["zero", "one"], 10)
    run.add(Moment(0, 0.0, None, 0.1, picture_copy([np.array([[60000.0], [60000.0]], np.float32),
                                                    np.array([[-60000.0, -60000.0], [60000.0, 60000.0]],
                                                             np.float32)]),
                   picture_copy([np.zeros(2, np.float32), np.zeros(2, np.float32)])))
    run.add(Moment(1, 0.1, 0.5, 0.1, picture_copy([np.array([[60000.0], [0.0]], np.float32),
                                                   np.array([[60000.0, 0.0], [-60000.0, 0.0]], np.float32)]),
                   picture_copy([np.zeros(2, np.float32), np.zeros(2, np.float32)])))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        done = answers_at(run, run.moments, np.array([[1e30], [-1.0]], np.float32))
    predicted, confidence = done[0]
    assert predicted.tolist() == [0, 0] and confidence.tolist() == [0.0, 0.0]
    # the second moment: class 0 is +inf for the first example (counted 0), class 1 is −inf (0)
    predicted, confidence = done[1]
    assert predicted.tolist() == [0, 0] and confidence.tolist() == [0.0, 0.0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nan = answers_at(run, run.moments[:1], np.array([[np.inf]], np.float32))[0]
    assert nan[0].tolist() == [0] and nan[1].tolist() == [0.0]


def test_changes_and_learned_at_read_the_answers_row_by_row():
    answers = Answers(np.array([0, 1, 2, 3, 4]),
                      np.array([[1, 3, 3], [3, 3, 3], [3, 5, 3], [1, 3, 3], [3, 3, 5]]),
                      np.zeros((5, 3), np.float32))
    assert answers.changes(0) == [1, 3, 4]
    assert answers.changes(1) == [2, 3]
    assert answers.changes(2) == [4]
    assert answers.learned_at(0, 3) == 4        # the last time it was wrong was moment 3
    assert answers.learned_at(1, 3) == 3
    assert answers.learned_at(2, 3) is None     # answered 5 at the end: not learned
    assert answers.learned_at(2, 5) == 4
    always = Answers(np.array([0, 1]), np.array([[3], [3]]), np.zeros((2, 1), np.float32))
    assert always.learned_at(0, 3) == 0 and always.changes(0) == []
    empty = Answers(np.zeros(0, np.int64), np.zeros((0, 1), np.int64), np.zeros((0, 1), np.float32))
    assert empty.learned_at(0, 3) is None


def test_an_answer_film_computes_only_what_is_missing_and_follows_a_thinned_run():
    run = recording(moment(0, 1.0), moment(3, -1.0), moment(7, 2.0, bias=-5.0))
    film = AnswerFilm(run, EXAMPLES)
    assert [m.step for m in film.missing()] == [0, 3, 7]
    film.add(answers_at(run, run.moments[:1], EXAMPLES))
    assert [m.step for m in film.missing()] == [3, 7]
    # what was added is used as it is, not computed again
    film.add({3: (np.array([0, 0, 0]), np.array([0.9, 0.9, 0.9], np.float32))})
    answers = film.answers()
    assert answers.steps.tolist() == [0, 3, 7] and answers.steps.dtype.kind == "i"
    assert answers.predicted.dtype.kind == "i" and answers.confidence.dtype == np.float32
    assert answers.predicted.tolist() == [[0, 1, 0], [0, 0, 0], [1, 1, 1]]
    assert answers.confidence[1] == pytest.approx([0.9, 0.9, 0.9])
    assert film.missing() == []
    del run.moments[1]                          # a thinned run keeps fewer moments
    answers = film.answers()
    assert answers.steps.tolist() == [0, 7] and answers.predicted.shape == (2, 3)
    run.moments.insert(1, moment(3, -1.0))      # moment 3 again: its old answers were dropped
    assert [m.step for m in film.missing()] == [3]
    assert film.answers().predicted[1].tolist() == [1, 0, 0]


def test_an_answer_film_refuses_too_many_examples_or_the_wrong_size_and_keeps_its_own_copy():
    run = recording(moment(0, 1.0))
    assert AnswerFilm(run, np.zeros((MAX_EXAMPLES, 2))).answers().predicted.shape == (1, MAX_EXAMPLES)
    with pytest.raises(ValueError, match=f"at most {MAX_EXAMPLES} examples, got {MAX_EXAMPLES + 1}"):
        AnswerFilm(run, np.zeros((MAX_EXAMPLES + 1, 2)))
    with pytest.raises(ValueError, match="examples of 3 inputs for a network of 2"):
        AnswerFilm(run, np.zeros((2, 3)))
    assert AnswerFilm(run, np.zeros((0, 2))).answers().predicted.shape == (1, 0)
    mine = EXAMPLES.copy()
    film = AnswerFilm(run, mine)
    mine[:] = 0                                 # the caller changes its array afterwards
    assert film.answers().predicted[0].tolist() == [0, 1, 0]
    assert not film.inputs.flags.writeable and film.inputs.dtype == np.float32
    with pytest.raises(ValueError):
        film.inputs[0, 0] = 1.0
