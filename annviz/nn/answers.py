""""When did it learn my 3?": a few examples' answers at every recorded moment of a run.

For each moment of a ``Recording`` (the time machine's film) and each example — the drawing on
the pad, test digits the learner pinned, the learner's own digits — the class the network of that
moment predicts and its confidence (the output activation of that class, as the app shows it).
One forward pass per moment over the handful of examples: the weights come back from float16
(``Moment.parameters``), then two or three matrix products. Measured for 200 moments and 8
examples on a loaded 2-core machine: 784-16-16-10 ~19 ms, 784-128-64-10 ~63 ms in all, most of it
the float16 conversion (0.19 ms a moment for the first layer of 128) — a visible hitch, so
the page computes them in its background thread (``answers_at``; gui/training/answer_strips.py),
only for the moments not done yet (``AnswerFilm``).

``changes`` lists the moments where an example's answer differs from the moment before: the
places the strips mark, where a click takes the time machine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from annviz.nn.activations import get_activation
from annviz.nn.recording import Moment, Recording

MAX_EXAMPLES = 16


def moment_outputs(run: Recording, moment: Moment, inputs: np.ndarray) -> np.ndarray:
    """The output activations (n_examples, n_classes) of the network of ``moment``."""
    weights, biases = moment.parameters()
    a = np.asarray(inputs, dtype=np.float32).reshape(len(inputs), run.sizes[0])
    for w, b, name in zip(weights, biases, run.activations):
        a = get_activation(name).f(a @ w.T + b)
    return a


@dataclass(frozen=True)
class Answers:
    """What ``len(steps)`` moments answered for each example: ``predicted`` and ``confidence``
    (n_moments, n_examples)."""
    steps: np.ndarray
    predicted: np.ndarray
    confidence: np.ndarray

    def changes(self, example: int) -> list[int]:
        """The moments (indices) where ``example``'s answer differs from the moment before."""
        row = self.predicted[:, example]
        return [int(i) for i in np.flatnonzero(row[1:] != row[:-1]) + 1]

    def learned_at(self, example: int, label: int) -> int | None:
        """The first moment from which ``example`` is answered ``label`` to the end (None: it
        is not answered so at the last moment)."""
        row = self.predicted[:, example]
        if len(row) == 0 or row[-1] != label:
            return None
        wrong = np.flatnonzero(row != label)
        return 0 if len(wrong) == 0 else int(wrong[-1]) + 1


def answers_at(run: Recording, moments: list[Moment], inputs: np.ndarray,
               go_on: Callable[[], bool] = lambda: True) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """step → (predicted class, its confidence) of each example, for ``moments`` of ``run``
    (thread-safe: it reads the moments' read-only arrays and writes nothing shared). Stops early,
    with what it has, when ``go_on()`` is False."""
    done = {}
    n = len(inputs)
    for moment in moments:
        if not go_on():
            break
        with np.errstate(all="ignore"):           # a diverging run's moments: huge weights
            out = np.nan_to_num(moment_outputs(run, moment, inputs), nan=0.0, posinf=0.0, neginf=0.0)
        k = out.argmax(axis=1)
        done[moment.step] = (k, out[np.arange(n), k].astype(np.float32))
    return done


class AnswerFilm:
    """The answers of one set of examples along one run. ``missing()`` are the moments not done
    yet (by step: a thinned run keeps the steps of the moments it kept); their answers come from
    ``answers_at`` (the app's background thread) and go in with ``add``; ``answers()`` computes
    here whatever is still missing."""

    def __init__(self, run: Recording, inputs: np.ndarray):
        inputs = np.array(inputs, dtype=np.float32)
        inputs = inputs.reshape(len(inputs), -1) if inputs.size else inputs.reshape(0, run.sizes[0])
        if len(inputs) > MAX_EXAMPLES:
            raise ValueError(f"at most {MAX_EXAMPLES} examples, got {len(inputs)}")
        if len(inputs) and inputs.shape[1] != run.sizes[0]:
            raise ValueError(f"examples of {inputs.shape[1]} inputs for a network of {run.sizes[0]}")
        inputs.flags.writeable = False
        self.run, self.inputs = run, inputs
        self._done: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def missing(self) -> list[Moment]:
        return [m for m in self.run.moments if m.step not in self._done]

    def add(self, done: dict) -> None:
        self._done.update(done)

    def answers(self) -> Answers:
        self.add(answers_at(self.run, self.missing(), self.inputs))
        moments = list(self.run.moments)
        n = len(self.inputs)
        predicted = np.zeros((len(moments), n), dtype=np.int64)
        confidence = np.zeros((len(moments), n), dtype=np.float32)
        for i, moment in enumerate(moments):
            predicted[i], confidence[i] = self._done[moment.step]
        kept = {m.step for m in moments}
        for step in [s for s in self._done if s not in kept]:
            del self._done[step]
        return Answers(np.array([m.step for m in moments], dtype=np.int64), predicted, confidence)
