"""Predict, then see: a step's prediction as a lesson file writes it, and the predictions a learner made.

A step may ask the learner to commit to a guess before its experiment (issue 24 §2)::

    [steps.predict]
    question = { en = "What will the bias be?", ko = "편향은 얼마가 될까요?" }
    takeaway = { en = "b = −θ.", ko = "b = −θ." }
    result = "neuron.b"                                  # measured when the step's task passes
    number = { min = -8, max = 8, decimals = 1 }         # a number …
    # choices = [{ en = "…", ko = "…", is = true }, …]   # … or 2–6 choices

``read_prediction`` checks that table with the lesson reader's own checks (it is called by
``lessonfile``); every fault is the reader's one-line ``LessonFileError``. ``Made`` is one
prediction the learner made and what happened; ``load_made`` reads them back from the text the
settings keep, trusting nothing in it (a damaged or edited settings file loses predictions, never
the lesson), and ``dump_made`` writes that text. Nothing here is sent anywhere.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, NoReturn, Protocol

from annviz.lessons.model import Choice, Condition, Lesson, Prediction, Text
from annviz.lessons.vocabulary import PROBES

KEYS = ("question", "takeaway", "result", "number", "choices")
MAX_CHOICES = 6
MAX_UNIT = 12
MAX_NUMBER = 1e9
MAX_DECIMALS = 4
#: The settings' text of one lesson's predictions, at most (60 steps need a few kB).
MAX_STORED = 64 * 1024
MAX_RESULT = 80          # characters of a result as shown


class Reader(Protocol):
    """The checks of lessonfile's reader that a prediction uses (lessonfile imports this module)."""

    def fail(self, where: str, code: str, **values: object) -> NoReturn: ...
    def keys(self, table: object, known: tuple[str, ...], where: str,
             required: tuple[str, ...] = ()) -> dict[str, Any]: ...
    def integer(self, value: object, where: str, lo: int, hi: int) -> int: ...
    def number(self, value: object, where: str, lo: float = ..., hi: float = ...) -> float: ...
    def string(self, value: object, where: str, limit: int = ...) -> str: ...
    def sequence(self, value: object, where: str, limit: int) -> list[Any]: ...
    def text(self, value: object, where: str) -> Text: ...
    def condition(self, probe: str, value: str, op: str, operand: object, widget: str | None,
                  where: str) -> Condition: ...


def read_prediction(reader: Reader, table: object, where: str, has_task: bool) -> Prediction:
    """The prediction of ``table`` (a step's ``predict``), checked by ``reader`` (lessonfile's)."""
    table = reader.keys(table, KEYS, where, required=("question", "takeaway", "result"))
    if not has_task:
        reader.fail(where, "lesson.predict_needs_task")
    question = reader.text(table["question"], f"{where}: question")
    takeaway = reader.text(table["takeaway"], f"{where}: takeaway")
    result = reader.string(table["result"], f"{where}: result", 60)
    probe, _, value = result.partition(".")
    if probe == "widget" or probe not in PROBES or value not in PROBES[probe]:
        reader.fail(f"{where}: result", "lesson.predict_result", name=repr(result[:40]))
    if ("number" in table) == ("choices" in table):
        reader.fail(where, "lesson.predict_form")
    if "number" in table:
        return _number(reader, table["number"], f"{where}: number", question, takeaway, (probe, value))
    items = reader.sequence(table["choices"], f"{where}: choices", MAX_CHOICES)
    if len(items) < 2:
        reader.fail(f"{where}: choices", "lesson.predict_few_choices")
    choices = tuple(_choice(reader, item, f"{where}: choices[{i + 1}]", probe, value)
                    for i, item in enumerate(items))
    return Prediction(question, takeaway, (probe, value), choices=choices)


def _number(reader: Reader, table: object, where: str, question: Text, takeaway: Text,
            result: tuple[str, str]) -> Prediction:
    table = reader.keys(table, ("min", "max", "decimals", "unit"), where, required=("min", "max"))
    if PROBES[result[0]][result[1]].type not in ("number", "int"):
        reader.fail(where, "lesson.predict_number_result", name=".".join(result))
    low = reader.number(table["min"], f"{where}: min", -MAX_NUMBER, MAX_NUMBER)
    high = reader.number(table["max"], f"{where}: max", -MAX_NUMBER, MAX_NUMBER)
    if not low < high:
        reader.fail(where, "lesson.predict_range", lo=f"{low:g}", hi=f"{high:g}")
    decimals = reader.integer(table.get("decimals", 0), f"{where}: decimals", 0, MAX_DECIMALS)
    unit = reader.string(table.get("unit", ""), f"{where}: unit", MAX_UNIT)
    if any(c in unit for c in "<>&\n\r\t"):
        reader.fail(f"{where}: unit", "lesson.predict_unit")
    return Prediction(question, takeaway, result, low=float(low), high=float(high), decimals=decimals, unit=unit)


def _choice(reader: Reader, table: object, where: str, probe: str, value: str) -> Choice:
    table = reader.keys(table, ("en", "ko", "is", "at_least", "at_most"), where, required=("en", "ko"))
    text = reader.text({"en": table["en"], "ko": table["ko"]}, where)
    given = [key for key in ("is", "at_least", "at_most") if key in table]
    if len(given) > 1:
        reader.fail(where, "lesson.predict_one_condition")
    if not given:
        return Choice(text)
    key = given[0]
    op = "eq" if key == "is" else key
    return Choice(text, reader.condition(probe, value, op, table[key], None, f"{where}: {key}"))


# --- the predictions a learner made ---------------------------------------------------------------

@dataclass(frozen=True)
class Made:
    """One prediction made: the number or the choice's index; once the task passed, what happened
    (``result``, as the panel shows it) and the choice that says so (``outcome``, if any)."""

    answer: float | int
    result: str | None = None
    outcome: int | None = None


def load_made(text: object, lesson: Lesson) -> dict[int, Made]:
    """The predictions kept in ``text`` for ``lesson``, by step (from 0); anything that is not a
    prediction this lesson asks for, in its range, is left out."""
    if not isinstance(text, str) or len(text) > MAX_STORED:
        return {}
    try:
        data = json.loads(text, parse_constant=lambda _name: None)
    except (ValueError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    made = {}
    for key, entry in data.items():
        if not (isinstance(key, str) and key.isdigit() and len(key) <= 3) or not isinstance(entry, dict):
            continue
        step = int(key)
        if step >= len(lesson.steps):
            continue
        prediction = lesson.steps[step].predict
        answer = entry.get("answer")
        if prediction is None or not prediction.valid(answer):
            continue
        result = entry.get("result")
        result = result if isinstance(result, str) and len(result) <= MAX_RESULT else None
        outcome = entry.get("outcome")
        valid_outcome = isinstance(outcome, int) and not isinstance(outcome, bool) \
            and 0 <= outcome < len(prediction.choices)
        made[step] = Made(answer, result, outcome if valid_outcome and result is not None else None)
    return made


def dump_made(made: dict[int, Made]) -> str:
    """The text the settings keep for one lesson's predictions."""
    return json.dumps({str(step): {"answer": m.answer, "result": m.result, "outcome": m.outcome}
                       for step, m in sorted(made.items())}, ensure_ascii=False)


def answer_text(prediction: Prediction, answer: float | int, lang: str) -> str:
    """The learner's answer as the panel and the sheet write it: "−3.0" (with its unit) or the choice."""
    if prediction.is_number:
        text = f"{answer:.{prediction.decimals}f}".replace("-", "−")
        return f"{text} {prediction.unit}".strip() if prediction.unit not in ("%", "") else text + prediction.unit
    return prediction.choices[int(answer)].text.get(lang)


def close_enough(prediction: Prediction, answer: float | int, measured: object) -> bool | None:
    """Whether a number prediction came within a tenth of its range of what was measured (None
    for a choice, or when nothing was measured)."""
    if not prediction.is_number or measured is None or isinstance(measured, bool) \
            or not isinstance(measured, (int, float)) or not math.isfinite(measured):
        return None
    return abs(answer - measured) <= (prediction.high - prediction.low) / 10
