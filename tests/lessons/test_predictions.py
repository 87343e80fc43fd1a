"""Predict, then see (issue 24 §2): a step's prediction as a lesson file writes it — a number or a
choice, read like every other field of an untrusted file — and the predictions a learner made, kept
in the settings and read back trusting nothing."""

import json
import math

import pytest
from test_lessonfile import GOOD, write

from annviz.lessons import LessonFileError, read_lesson
from annviz.lessons.prediction import MAX_STORED, Made, answer_text, dump_made, load_made

NUMBER = '''
[steps.predict]
question = { en = "What will z be?", ko = "z는 얼마일까요?" }
takeaway = { en = "z = w·x + b.", ko = "z = w·x + b." }
result = "neuron.z"
number = { min = -10, max = 10, decimals = 1, unit = "%" }
'''
CHOICE = '''
[steps.predict]
question = { en = "Will it fire?", ko = "발화할까요?" }
takeaway = { en = "The bias decides.", ko = "편향이 정합니다." }
result = "neuron.a"
choices = [
  { en = "yes", ko = "네", at_least = 0.5 },
  { en = "no", ko = "아니요", at_most = 0.5 },
  { en = "cannot tell", ko = "알 수 없음" },
]
'''


def with_prediction(block: str) -> str:
    """GOOD with ``block`` in its first step (before the step's task)."""
    return GOOD.replace("\n[steps.task]", block + "\n[steps.task]", 1)


def test_a_number_and_a_choice_prediction_read_as_written(tmp_path):
    number = read_lesson(write(tmp_path, with_prediction(NUMBER))).steps[0].predict
    assert number.is_number and number.result == ("neuron", "z")
    assert (number.low, number.high, number.decimals, number.unit) == (-10.0, 10.0, 1, "%")
    assert number.valid(-2.5) and not number.valid(10.5) and not number.valid(math.nan) and not number.valid(True)
    assert answer_text(number, -2.5, "en") == "−2.5%"
    choice = read_lesson(write(tmp_path, with_prediction(CHOICE))).steps[0].predict
    assert [c.text.get("ko") for c in choice.choices] == ["네", "아니요", "알 수 없음"]
    assert choice.outcome(0.7) == 0 and choice.outcome(0.2) == 1 and choice.outcome(None) is None
    assert choice.valid(2) and not choice.valid(3) and not choice.valid(-1) and not choice.valid(1.0)
    assert answer_text(choice, 1, "ko") == "아니요"


def test_a_lesson_without_predictions_still_opens(tmp_path):
    lesson = read_lesson(write(tmp_path, GOOD))
    assert lesson.predictions() == [] and lesson.steps[0].predict is None


#: Hostile or mistaken prediction fields: each is one line naming the file and the place.
FAULTS = [
    (NUMBER, 'result = "neuron.z"', 'result = "widget.value"', "predict: result: 'widget.value' is not a value"),
    (NUMBER, 'result = "neuron.z"', 'result = "os.system"', "'os.system' is not a value a prediction can read"),
    (NUMBER, 'result = "neuron.z"', 'result = "neuron"', "'neuron' is not a value"),
    (NUMBER, 'result = "neuron.z"', 'result = 3', "result: should be text, not a number"),
    (NUMBER, 'result = "neuron.z"', '', "step 1, predict: result is missing"),
    (NUMBER, 'takeaway = { en = "z = w·x + b.", ko = "z = w·x + b." }', '', "takeaway is missing"),
    (NUMBER, 'ko = "z는 얼마일까요?"', 'ko = ""', "question.ko: is empty"),
    (NUMBER, 'en = "What will z be?"', 'en = "<img src=x>"', "the tag <img> is not allowed"),
    (NUMBER, 'min = -10, max = 10', 'min = 10, max = -10', "number: min 10 should be less than max -10"),
    (NUMBER, 'min = -10, max = 10', 'min = 1, max = 1', "min 1 should be less than max 1"),
    (NUMBER, 'min = -10', 'min = -1e300', "min: -1e+300 is not a number between"),
    (NUMBER, 'max = 10', 'max = inf', "max: inf is not a number between"),
    (NUMBER, 'max = 10', 'max = nan', "nan is not a number between"),
    (NUMBER, 'max = 10', 'max = "10"', "max: should be a number, not text"),
    (NUMBER, 'decimals = 1', 'decimals = 99', "decimals: 99 is not between 0 and 4"),
    (NUMBER, 'decimals = 1', 'decimals = 1.5', "decimals: should be a whole number"),
    (NUMBER, 'unit = "%"', 'unit = "<script>"', "a unit is plain text without"),
    (NUMBER, 'unit = "%"', 'unit = "' + "m" * 13 + '"', "unit: is longer than 12 characters"),
    (NUMBER, 'unit = "%"', 'unit = 5', "unit: should be text"),
    (NUMBER, 'decimals = 1', 'step = 0.5', "number: unknown key 'step'"),
    (NUMBER, 'result = "neuron.z"', 'result = "neuron.activation"',
     "a number prediction needs a result that is a number, and neuron.activation is not"),
    (NUMBER, 'number = { min = -10, max = 10, decimals = 1, unit = "%" }', '',
     "a prediction has either number = { min, max } or choices = [ … ], one of the two"),
    (NUMBER, 'number = { min = -10, max = 10, decimals = 1, unit = "%" }',
     'number = { min = 0, max = 1 }\nchoices = [{ en = "a", ko = "가" }, { en = "b", ko = "나" }]', "one of the two"),
    (NUMBER, 'number = { min = -10, max = 10, decimals = 1, unit = "%" }', 'number = [0, 10]',
     "number: should be a table, not a list"),
    (NUMBER, 'result = "neuron.z"', 'result = "neuron.z"\nexec = "rm -rf /"', "predict: unknown key 'exec'"),
    (CHOICE, '{ en = "no", ko = "아니요", at_most = 0.5 },\n  { en = "cannot tell", ko = "알 수 없음" },', '',
     "a prediction needs at least 2 choices"),
    (CHOICE, '{ en = "cannot tell", ko = "알 수 없음" },', '{ en = "c", ko = "다" },' * 5, "has 7 entries, more than 6"),
    (CHOICE, 'at_least = 0.5 }', 'at_least = 0.5, at_most = 0.9 }', "a choice has at most one of is, at_least"),
    (CHOICE, 'at_least = 0.5 }', 'at_least = "half" }', "choices[1]: at_least: should be a number, not text"),
    (CHOICE, 'at_least = 0.5 }', 'is = true }', "choices[1]: is: should be a number, not true or false"),
    (CHOICE, 'at_least = 0.5 }', 'when = 1 }', "choices[1]: unknown key 'when'"),
    (CHOICE, '{ en = "yes", ko = "네", at_least = 0.5 }', '"yes"', "choices[1]: should be a table, not text"),
    (CHOICE, '{ en = "yes", ko = "네", at_least = 0.5 }', '{ en = "yes", at_least = 0.5 }', "choices[1]: ko is missing"),
    (CHOICE, 'result = "neuron.a"', 'result = "neuron.activation"',
     "choices[1]: at_least: activation is not a number"),
    (CHOICE, CHOICE[CHOICE.index("choices = ["):], 'choices = 3', "choices: should be a list, not a number"),
]


@pytest.mark.parametrize("block, old, new, message", FAULTS)
def test_every_fault_of_a_prediction_is_one_line_naming_the_file_and_the_place(tmp_path, block, old, new, message):
    assert old in block
    path = write(tmp_path, with_prediction(block.replace(old, new, 1)))
    with pytest.raises(LessonFileError) as caught:
        read_lesson(path)
    text = str(caught.value)
    assert "\n" not in text and text.startswith(str(path)), text
    assert message in text, text


def test_a_prediction_needs_its_steps_task(tmp_path):
    text = GOOD + "\n[[steps]]\ntext = { en = \"More.\", ko = \"더.\" }\n" + NUMBER
    with pytest.raises(LessonFileError, match=r"step 3, predict: a prediction needs a task in its step"):
        read_lesson(write(tmp_path, text))


# --- the predictions kept ---------------------------------------------------------------------------

@pytest.fixture
def lesson(tmp_path):
    return read_lesson(write(tmp_path, with_prediction(CHOICE)))


def test_predictions_made_are_kept_and_read_back(lesson):
    made = {0: Made(2, "0.73", 0)}
    assert load_made(dump_made(made), lesson) == made
    assert load_made(dump_made({0: Made(1)}), lesson) == {0: Made(1)}


@pytest.mark.parametrize("stored, why", [
    (None, "nothing kept"),
    (17, "not text"),
    ("", "empty"),
    ("{", "not JSON"),
    ("[1, 2]", "a list, not a table"),
    ('{"0": {"answer": 7}}', "a choice that does not exist"),
    ('{"0": {"answer": -1}}', "a negative choice"),
    ('{"0": {"answer": true}}', "true is not a choice"),
    ('{"0": {"answer": 1.0}}', "a choice is a whole number"),
    ('{"0": {"answer": NaN}}', "NaN"),
    ('{"1": {"answer": 0}}', "step 2 asks for no prediction"),
    ('{"99": {"answer": 0}}', "no step 100"),
    ('{"-1": {"answer": 0}}', "a negative step"),
    ('{"00000000000000000000": {"answer": 0}}', "a step number too long"),
    ('{"0": [0]}', "an entry that is not a table"),
    ('{"0": {"answer": 0}, "x": 1}' + " " * MAX_STORED, "longer than kept text may be"),
    ("[" * 100_000 + "]" * 100_000, "nested past Python's recursion"),
])
def test_kept_predictions_that_are_not_this_lessons_are_left_out(lesson, stored, why):
    assert load_made(stored, lesson) == {}, why


def test_a_kept_outcome_or_result_that_does_not_fit_is_dropped_not_the_prediction(lesson):
    stored = json.dumps({"0": {"answer": 1, "result": "x" * 500, "outcome": 9}})
    assert load_made(stored, lesson) == {0: Made(1, None, None)}
    stored = json.dumps({"0": {"answer": 1, "result": "0.20", "outcome": True}})
    assert load_made(stored, lesson) == {0: Made(1, "0.20", None)}
