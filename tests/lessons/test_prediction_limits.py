"""A step's prediction as a teacher writes it and a learner makes it: each fault's message names the
place (in both languages), every limit is accepted at the limit and refused one past it, the fields
left out take their documented defaults; the predictions kept in the settings come back within
their limits; "close enough" is a tenth of the range, both ways."""

import json
import math

import pytest
from test_lessonfile_messages import assert_said_in_both_languages
from test_predictions import CHOICE, NUMBER, with_prediction, write

from annviz.lessons import LessonFileError, read_lesson
from annviz.lessons.prediction import MAX_RESULT, MAX_STORED, Made, answer_text, close_enough, dump_made, load_made

P = "step 1, predict"
NUMBER_TABLE = 'number = { min = -10, max = 10, decimals = 1, unit = "%" }'


def number(table: str) -> str:
    return with_prediction(NUMBER.replace(NUMBER_TABLE, table, 1))


def refused(tmp_path, text: str) -> tuple[str, LessonFileError]:
    path = write(tmp_path, text)
    with pytest.raises(LessonFileError) as caught:
        read_lesson(path)
    return str(path), caught.value


@pytest.mark.parametrize("text, where, code, says", [
    (with_prediction(NUMBER.replace('ko = "z = w·x + b." }', 'ko = " " }')), P + ": takeaway.ko",
     "lesson.empty_text", "is empty"),
    (with_prediction(NUMBER.replace('"neuron.z"', '"neuron.' + "z" * 53 + '"')), P + ": result",
     "lesson.predict_result", "'neuron." + "z" * 33 + "' is not a value a prediction can read"),   # 60: cut at 40
    (with_prediction(NUMBER.replace('"neuron.z"', '"neuron.' + "z" * 54 + '"')), P + ": result",
     "lesson.text_too_long", "is longer than 60 characters"),
    (with_prediction(NUMBER.replace(NUMBER_TABLE, "")), P, "lesson.predict_form",
     "a prediction has either number = { min, max } or choices = [ … ], one of the two"),
    (with_prediction(NUMBER.replace('result = "neuron.z"', 'result = "neuron.activation"')),
     P + ": number", "lesson.predict_number_result",
     "a number prediction needs a result that is a number, and neuron.activation is not"),
    (number("number = { min = 0 }"), P + ": number", "lesson.missing", "max is missing"),
    (number("number = { min = -1000000001, max = 1 }"), P + ": number: min", "lesson.number_range",
     "-1000000001 is not a number between -1e+09 and 1e+09"),
    (number("number = { min = 0, max = 1000000001 }"), P + ": number: max", "lesson.number_range",
     "1000000001 is not a number between -1e+09 and 1e+09"),
    (number('number = { min = 0, max = 1, unit = "a\\tb" }'), P + ": number: unit", "lesson.predict_unit",
     "a unit is plain text without <, >, & or line breaks"),
    (with_prediction(CHOICE.replace('{ en = "no", ko = "아니요", at_most = 0.5 },\n', "")
                     .replace('{ en = "cannot tell", ko = "알 수 없음" },', "")),
     P + ": choices", "lesson.predict_few_choices", "a prediction needs at least 2 choices"),
    (with_prediction(CHOICE.replace('ko = "아니요"', 'ko = ""')), P + ": choices[2].ko", "lesson.empty_text", "is empty"),
    (with_prediction(CHOICE.replace("at_most = 0.5", "is = 0.5, at_most = 0.5")), P + ": choices[2]",
     "lesson.predict_one_condition", "a choice has at most one of is, at_least and at_most"),
    (with_prediction(NUMBER.replace("[steps.predict]", "[steps.predict]\nhint = 1")), P, "lesson.unknown_key",
     "unknown key 'hint' (known: question, takeaway, result, number, choices)"),
])
def test_each_prediction_fault_names_the_place_in_both_languages(tmp_path, korean, text, where, code, says):  # noqa: F811
    path, error = refused(tmp_path, text)
    assert says in assert_said_in_both_languages(path, error, where, code)


@pytest.mark.parametrize("at, past", [
    ("number = { min = -1e9, max = 1e9 }", "number = { min = -1.000001e9, max = 1e9 }"),
    ("number = { min = -1e9, max = 1e9 }", "number = { min = -1e9, max = 1.000001e9 }"),
    ("number = { min = 0, max = 1, decimals = 4 }", "number = { min = 0, max = 1, decimals = 5 }"),
    ("number = { min = 0, max = 1, decimals = 0 }", "number = { min = 0, max = 1, decimals = -1 }"),
    ('number = { min = 0, max = 1, unit = "' + "m" * 12 + '" }', 'number = { min = 0, max = 1, unit = "' + "m" * 13 + '" }'),
])
def test_every_number_limit_is_accepted_at_the_limit_and_refused_one_past_it(tmp_path, at, past):
    assert read_lesson(write(tmp_path, number(at))).steps[0].predict.is_number
    with pytest.raises(LessonFileError):
        read_lesson(write(tmp_path, number(past)))


def test_a_number_without_decimals_or_unit_takes_the_defaults_and_any_plain_unit_is_kept(tmp_path):
    plain = read_lesson(write(tmp_path, number("number = { min = 0, max = 5 }"))).steps[0].predict
    assert (plain.low, plain.high, plain.decimals, plain.unit) == (0.0, 5.0, 0, "")
    assert answer_text(plain, 3, "en") == "3"                                    # no unit, no space
    unit = read_lesson(write(tmp_path, number('number = { min = 0, max = 5, unit = "XL" }'))).steps[0].predict
    assert unit.unit == "XL" and answer_text(unit, 3, "en") == "3 XL"
    percent = read_lesson(write(tmp_path, number('number = { min = 0, max = 5, unit = "%" }'))).steps[0].predict
    assert answer_text(percent, -2, "ko") == "−2%"


# --- the predictions kept --------------------------------------------------------------------------

@pytest.fixture
def lesson(tmp_path):
    extra = '\n[[steps]]\ntext = { en = "More.", ko = "더." }\n' * 9     # 11 steps: step 10 exists
    return read_lesson(write(tmp_path, with_prediction(CHOICE) + extra))


def test_the_kept_text_is_read_up_to_its_limit(lesson):
    text = json.dumps({"0": {"answer": 1}})
    assert load_made(text + " " * (MAX_STORED - len(text)), lesson) == {0: Made(1)}
    assert load_made(text + " " * (MAX_STORED - len(text) + 1), lesson) == {}


def test_an_entry_that_does_not_fit_is_skipped_and_the_next_still_read(lesson):
    entries = {"x": 1, "0000": {"answer": 0}, "11": {"answer": 0}, "10": {"answer": 0}, "1": "no",
               "0": {"answer": 2, "result": "r" * MAX_RESULT, "outcome": 2}}
    assert load_made(json.dumps(entries), lesson) == {0: Made(2, "r" * MAX_RESULT, 2)}
    entries["0"] = {"answer": 2, "result": "r" * (MAX_RESULT + 1), "outcome": 2}
    assert load_made(json.dumps(entries), lesson) == {0: Made(2, None, None)}
    assert load_made(json.dumps({"000": {"answer": 1, "result": "0.3", "outcome": 3}}), lesson) == \
        {0: Made(1, "0.3", None)}                                     # 3 digits is a step; outcome 3 of 3 is not
    assert load_made(json.dumps({"0000": {"answer": 1}}), lesson) == {}       # 4 digits is not


def test_the_kept_text_keeps_korean_as_it_is(lesson):
    text = dump_made({0: Made(1, "아니요", 1)})
    assert "아니요" in text and load_made(text, lesson) == {0: Made(1, "아니요", 1)}


def test_close_enough_is_a_tenth_of_the_range_both_ways(tmp_path):
    prediction = read_lesson(write(tmp_path, number("number = { min = -10, max = 10 }"))).steps[0].predict
    assert close_enough(prediction, 1, 3) is True and close_enough(prediction, 1, -1.0) is True   # 2.0: in
    assert close_enough(prediction, 1, 3.01) is False and close_enough(prediction, 1, -3) is False
    assert close_enough(prediction, -5, 5) is False
    assert close_enough(prediction, 1, 2.9) is True
    for measured in (None, True, "3", math.nan, math.inf, [3]):
        assert close_enough(prediction, 1, measured) is None, measured
    choice = read_lesson(write(tmp_path, with_prediction(CHOICE))).steps[0].predict
    assert close_enough(choice, 1, 1) is None
