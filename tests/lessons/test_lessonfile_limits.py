"""A lesson file's limits and fields, as a teacher writing one meets them: every limit is accepted AT
the limit and refused one past it; the raw text's measures (nesting, dotted keys, long tokens) count
what TOML means, not what strings and comments hold, and say the right line; every field a lesson
may write comes back as written. The files are written by hand here."""

from pathlib import Path

import pytest

from annviz.lessons.lessonfile import LessonFileError, parse_lesson, read_lesson, read_lesson_text
from annviz.lessons.model import Action, Condition, Text

HEAD = ('format_version = 1\ntitle = { en = "Bias", ko = "편향" }\n'
        'summary = { en = "One step.", ko = "한 단계." }\n')
STEP = '[[steps]]\ntext = { en = "Move b.", ko = "b를 움직이세요." }\n'
DONE = 'done = { en = "Done.", ko = "됐어요." }\n'


def doc(top: str = "", step: str = "", task: str | None = None) -> str:
    text = HEAD + top + "\n" + STEP + step + "\n"
    return text if task is None else text + "[steps.task]\n" + task + "\n"


def read(tmp_path, text: str, name: str = "mine"):
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return read_lesson(path)


def refused(tmp_path, text: str, name: str = "mine") -> LessonFileError:
    with pytest.raises(LessonFileError) as caught:
        read(tmp_path, text, name)
    return caught.value


def many(item: str, n: int) -> str:
    return "[" + ", ".join([item] * n) + "]"


STEP_ITEM = '{ text = { en = "a", ko = "가" } }'
POINT = "[0.5, 0.5]"

#: (a file AT a limit, the same file one past it, the code of the refusal)
LIMITS = [
    (HEAD + "steps = " + many(STEP_ITEM, 60), HEAD + "steps = " + many(STEP_ITEM, 61), "lesson.list_too_long"),
    (doc("number = 1\n"), doc("number = 0\n"), "lesson.not_between"),
    (doc("number = 999\n"), doc("number = 1000\n"), "lesson.not_between"),
    (doc("minutes = 1\n"), doc("minutes = 0\n"), "lesson.not_between"),
    (doc("minutes = 300\n"), doc("minutes = 301\n"), "lesson.not_between"),
    (doc(f'standard = "{"x" * 40}"\n'), doc(f'standard = "{"x" * 41}"\n'), "lesson.text_too_long"),
    (doc("concepts = " + many('"bias"', 40)), doc("concepts = " + many('"bias"', 41)), "lesson.list_too_long"),
    (doc("hide = " + many('"lab-neuron"', 40)), doc("hide = " + many('"lab-neuron"', 41)), "lesson.list_too_long"),
    (doc(step="lock = " + many('"lab-neuron"', 40)), doc(step="lock = " + many('"lab-neuron"', 41)),
     "lesson.list_too_long"),
    (doc(step="actions = " + many('{ do = "clear_pad" }', 40)),
     doc(step="actions = " + many('{ do = "clear_pad" }', 41)), "lesson.list_too_long"),
    (HEAD + f'[[steps]]\ntext = {{ en = "{"x" * 20_000}", ko = "가" }}\n',
     HEAD + f'[[steps]]\ntext = {{ en = "{"x" * 20_001}", ko = "가" }}\n', "lesson.text_too_long"),
    (doc(task="checks = " + many('{ check = "neuron", z_at_least = 0 }', 10) + "\n" + DONE),
     doc(task="checks = " + many('{ check = "neuron", z_at_least = 0 }', 11) + "\n" + DONE), "lesson.list_too_long"),
    (doc(task='checks = [{ check = "neuron", z = 1 }]\n' + DONE + "hints = " + many('{ en = "a", ko = "가" }', 10)),
     doc(task='checks = [{ check = "neuron", z = 1 }]\n' + DONE + "hints = " + many('{ en = "a", ko = "가" }', 11)),
     "lesson.list_too_long"),
    (doc(task='checks = [{ check = "neuron", z_at_least = -1e12, z_at_most = 1e12 }]\n' + DONE),
     doc(task='checks = [{ check = "neuron", z_at_least = -1.000001e12 }]\n' + DONE), "lesson.number_range"),
    (doc(task='checks = [{ check = "neuron", z_at_most = 1000000000000 }]\n' + DONE),
     doc(task='checks = [{ check = "neuron", z_at_most = 1000000000001 }]\n' + DONE), "lesson.number_range"),
    (doc(step='actions = [{ do = "set", widget = "lab-neuron-bias", value = -1e9 }]'),
     doc(step='actions = [{ do = "set", widget = "lab-neuron-bias", value = -1000000001 }]'), "lesson.number_range"),
    (doc(step='actions = [{ do = "set", widget = "lab-neuron-bias", value = 1000000000 }]'),
     doc(step='actions = [{ do = "set", widget = "lab-neuron-bias", value = 1000000001 }]'), "lesson.number_range"),
    (doc(step=f'actions = [{{ do = "data_image", class = "{"c" * 200}" }}]'),
     doc(step=f'actions = [{{ do = "data_image", class = "{"c" * 201}" }}]'), "lesson.text_too_long"),
    (doc(step='actions = [{ do = "test_digit", index = 0 }, { do = "test_digit", index = 1000000 }]'),
     doc(step='actions = [{ do = "test_digit", index = 1000001 }]'), "lesson.not_between"),
    (doc(step='actions = [{ do = "nudge_h", h = 1e-14 }, { do = "nudge_h", h = 1.0 }]'),
     doc(step='actions = [{ do = "nudge_h", h = 1.0000001 }]'), "lesson.number_range"),
    (doc(step='actions = [{ do = "time_machine", val_accuracy = 0 }, { do = "time_machine", val_accuracy = 100 }]'),
     doc(step='actions = [{ do = "time_machine", val_accuracy = 100.01 }]'), "lesson.number_range"),
    (doc(step='actions = [{ do = "select_neuron", layer = 1, neuron = 1 }, '
              '{ do = "select_neuron", layer = 100, neuron = 1 }]'),
     doc(step='actions = [{ do = "select_neuron", layer = 101, neuron = 1 }]'), "lesson.not_between"),
    (doc(step=f'actions = [{{ do = "draw", strokes = {many("[[0.0, 0.0], [1.0, 1.0]]", 20)} }}]'),
     doc(step=f'actions = [{{ do = "draw", strokes = {many("[[0.0, 0.0]]", 21)} }}]'), "lesson.list_too_long"),
    (doc(step=f'actions = [{{ do = "draw", strokes = [{many(POINT, 400)}] }}]'),
     doc(step=f'actions = [{{ do = "draw", strokes = [{many(POINT, 401)}] }}]'), "lesson.list_too_long"),
]


@pytest.mark.parametrize("at, past, code", LIMITS, ids=[f"{i}-{c[2]}" for i, c in enumerate(LIMITS)])
def test_every_limit_is_accepted_at_the_limit_and_refused_one_past_it(tmp_path, at, past, code):
    assert read(tmp_path, at).steps
    assert refused(tmp_path, past).code == code


def test_a_lesson_name_of_80_characters_is_accepted_81_is_not(tmp_path):
    assert read(tmp_path, doc(), "n" * 80).name == "n" * 80
    error = refused(tmp_path, doc(), "n" * 81)
    assert error.code == "lesson.bad_name" and error.values["most"] == 80


# --- the raw text, measured before tomllib ------------------------------------------------------

def deep(n: int) -> str:
    return "[" * n + "1" + "]" * n


@pytest.mark.parametrize("text, code, values", [
    # nesting: 12 is allowed (the file then fails on its unknown key x), 13 is not
    ("x = " + deep(12) + "\n", "lesson.unknown_key", {}),
    ("x = " + deep(13) + "\n", "lesson.toml_too_deep", {"depth": 13, "most": 12}),
    ("a = [1]\nx = " + deep(12) + "\n", "lesson.unknown_key", {}),          # a list closed is gone
    ("x = [[1], " + deep(12) + "]\n", "lesson.toml_too_deep", {"depth": 13}),  # inside a list: 1 + 12
    ("[t]\nx = " + deep(13) + "\n", "lesson.toml_too_deep", {"depth": 13}),    # after a table's header
    ("  [t]\n  [[u]]\nx = " + deep(12) + "\n", "lesson.unknown_key", {}),      # headers are not lists
    ("[t] x = " + deep(13) + "\n", "lesson.toml_invalid", {}),                # a header's line: TOML refuses
    ("  [t] x = " + deep(13) + "\n", "lesson.toml_invalid", {}),              # what follows the header
    # dotted keys: 8 parts are allowed, 9 are not — and the line of the key is said
    ("\n\n" + ".".join("k" * 8) + " = 1\n", "lesson.unknown_key", {}),
    ("\n\n" + ".".join("k" * 9) + " = 1\n", "lesson.toml_dotted_key", {"parts": 9, "line": 3, "most": 8}),
    ('x = """\na\nb\n"""\n' + ".".join("k" * 9) + " = 1\n", "lesson.toml_dotted_key", {"line": 5}),
    # a key or number of 200 characters is allowed, 201 is not; a dotted key's parts count apart
    ("\nk = " + "1" * 200 + "#c\n", "lesson.unknown_key", {}),
    ("\nk = " + "1" * 201 + "\n", "lesson.toml_long_token", {"length": 201, "line": 2, "most": 200}),
    ("a" * 150 + "." + "b" * 150 + " = 1\n", "lesson.unknown_key", {}),
    ('\n\nx = """\na\n"""\n' + "k" * 201 + " = 1\n", "lesson.toml_long_token", {"line": 6}),
    # a string is one character of what it touches, whatever it holds (invalid TOML: said as such)
    ("x = " + "1" * 199 + '"a"\n', "lesson.toml_invalid", {}),
    ('x = """\na"""' + "1" * 199 + "\n", "lesson.toml_invalid", {}),
    # TOML's own errors: the line and the column; at the end of the file (a value or a string left
    # open), the end's
    ("\n\nx = = 1\n", "lesson.toml_invalid", {"line": 3, "column": 5}),
    ("x = ", "lesson.toml_invalid", {"line": 1, "column": 5}),
    ('a = 1\nb = """abc\nde', "lesson.toml_invalid", {"line": 3, "column": 3}),
])
def test_the_raw_text_is_measured_as_toml_means_it(tmp_path, text, code, values):
    error = refused(tmp_path, text)
    assert error.code == code, str(error)
    assert values.items() <= error.values.items(), str(error)
    assert error.path == str(tmp_path / "mine.toml")


# --- every field comes back as written ----------------------------------------------------------

FULL = '''
format_version = 1
number = 7
title = { en = "Full", ko = "전부" }
summary = { en = "Every field.", ko = "모든 필드." }
concepts = ["bias", "weight"]
standard = "[12인기03-05]"
minutes = 45
hide = ["lab-neuron-picture"]
lock = ["lab-neuron-activation"]
start = [{ do = "show", widget = "lab-neuron" }]

[[steps]]
title = { en = "First", ko = "처음" }
text = { en = "Line<br/>two <br />three", ko = "한 줄" }
highlight = ["lab-neuron-bias"]
hide = ["lab-neuron-plot"]
lock = ["lab-neuron-x1"]
actions = [
  { do = "set", widget = "lab-neuron-bias", value = -5 },
  { do = "set", widget = "lab-neuron-w1", value = 0.5 },
  { do = "set", widget = "lab-perceptron-run", value = false },
  { do = "set", widget = "insight-why-class", value = 3 },
  { do = "set", widget = "lab-playground-rate", value = 0.1 },
  { do = "draw", strokes = [[[0.1, 0.2], [0.3, 0.4]], [[1.0, 0.0]]] },
  { do = "select_neuron", layer = "output", class = "3" },
  { do = "select_neuron", layer = 2, neuron = 5 },
  { do = "time_machine", epoch = 2 },
  { do = "training", command = "pause" },
  { do = "load_model", name = "mnist-classic" },
]

[steps.task]
checks = [
  { check = "neuron", z_at_least = 0, z_at_most = 2.5, inputs = 3, activation = "step" },
  { check = "perceptron", verdict = true },
  { check = "widget", widget = "lab-neuron-activation", value = "relu", visible = true },
  { check = "widget", widget = "insight-why-class", value = 7 },
  { check = "widget", widget = "lab-neuron-bias", value_at_least = -1 },
]
status = { en = "z = {z}", ko = "z = {neuron.z}" }
done = { en = "Done: {verdict}", ko = "됐어요." }
hints = [{ en = "One", ko = "하나" }, { en = "Two", ko = "둘" }]
answer = [{ do = "press", widget = "lab-perceptron-step" }]

[[steps]]
text = { en = "End.", ko = "끝." }
'''


def test_every_field_of_a_lesson_comes_back_as_written(tmp_path):
    path = tmp_path / "full.toml"
    path.write_text(FULL, encoding="utf-8")
    lesson = read_lesson(path)
    assert lesson.path == path and lesson.source == FULL and lesson.name == "full"
    assert (lesson.number, lesson.minutes, lesson.standard) == (7, 45, "[12인기03-05]")
    assert lesson.title == Text("Full", "전부") and lesson.summary == Text("Every field.", "모든 필드.")
    assert lesson.concepts == ("bias", "weight")
    assert lesson.hide == ("lab-neuron-picture",) and lesson.lock == ("lab-neuron-activation",)
    assert lesson.start == (Action("show", (("widget", "lab-neuron"),)),)
    first, last = lesson.steps
    assert first.title == Text("First", "처음") and first.text.en == "Line<br/>two <br />three"
    assert (first.highlight, first.hide, first.lock) == (("lab-neuron-bias",), ("lab-neuron-plot",), ("lab-neuron-x1",))
    values = [a.get("value") for a in first.actions[:5]]
    assert values == [-5, 0.5, False, "3", 0.1]          # a choice of any text keeps the text "3"
    assert [type(v) for v in values] == [int, float, bool, str, float]
    assert first.actions[5].get("strokes") == (((0.1, 0.2), (0.3, 0.4)), ((1.0, 0.0),))
    assert first.actions[6].params == (("layer", "output"), ("class", "3"))
    assert first.actions[7].params == (("layer", 2), ("neuron", 5))
    assert first.actions[8].params == (("epoch", 2),)
    assert first.actions[9].get("command") == "pause" and first.actions[10].get("name") == "mnist-classic"
    task = first.task
    neuron, perceptron, choice, text, slider = task.checks
    assert neuron.probe == "neuron" and neuron.widget is None and perceptron.widget is None
    assert neuron.conditions == (Condition("z", "at_least", 0), Condition("z", "at_most", 2.5),
                                 Condition("inputs", "eq", 3), Condition("activation", "eq", "step"))
    assert [type(c.operand) for c in neuron.conditions] == [int, float, int, str]   # 3 is compared exactly
    assert perceptron.conditions == (Condition("verdict", "eq", True),)
    assert choice.widget == "lab-neuron-activation"
    assert choice.conditions == (Condition("value", "eq", "relu"), Condition("visible", "eq", True))
    assert text.conditions == (Condition("value", "eq", "7"),)
    assert slider.widget == "lab-neuron-bias" and slider.conditions == (Condition("value", "at_least", -1),)
    assert task.status == Text("z = {z}", "z = {neuron.z}") and task.done.en == "Done: {verdict}"
    assert task.hints == (Text("One", "하나"), Text("Two", "둘"))
    assert task.answer == (Action("press", (("widget", "lab-perceptron-step"),)),)
    assert last.title is None and last.task is None and last.actions == () and last.predict is None
    assert lesson.widgets() >= {"lab-neuron-activation", "insight-why-class", "lab-neuron-bias", "lab-perceptron-step"}


def test_a_lesson_read_from_text_takes_the_name_given_and_has_no_path():
    lesson = read_lesson_text(doc(), "/x/class.annviz (its lesson)", "fire-or-not")
    assert lesson.name == "fire-or-not" and lesson.path is None and lesson.source == doc()


def test_a_document_of_a_newer_format_is_a_lesson_file_error():
    document = {"format_version": 2, "title": {"en": "a", "ko": "가"}, "summary": {"en": "a", "ko": "가"},
                "steps": [{"text": {"en": "a", "ko": "가"}}]}
    with pytest.raises(LessonFileError, match="format_version 2 is newer"):
        parse_lesson(document, "x.toml")
    lesson = parse_lesson({**document, "format_version": 1}, "x.toml")
    assert lesson.name == "x" and lesson.path == Path("x.toml")
