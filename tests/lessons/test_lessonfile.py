"""Lesson files are untrusted input: a good one reads as written, every fault is one line naming
the file and the place, and nothing in a file is ever run."""

import os
import re
import textwrap

import pytest

from annviz.lessons import LessonFileError, find, read_lesson
from annviz.lessons.lessonfile import MAX_BYTES
from annviz.lessons.model import Condition, fill, format_value

GOOD = textwrap.dedent('''
    format_version = 1
    number = 42
    title = { en = "A small lesson", ko = "작은 수업" }
    summary = { en = "One step.", ko = "한 단계." }
    concepts = ["bias", "threshold"]
    standard = "[12인기03-05]"
    lock = ["lab-neuron-activation"]

    [[steps]]
    text.en = "Move the <b>bias</b> until z ≥ 0: θ = −b."
    text.ko = "z ≥ 0이 될 때까지 <b>편향</b>을 움직이세요: θ = −b."
    highlight = ["lab-neuron-bias", "lab-neuron-plot"]
    hide = ["lab-neuron-picture"]
    actions = [
      { do = "show", widget = "lab-neuron" },
      { do = "set", widget = "lab-neuron-preset", value = "tasty" },
      { do = "set", widget = "lab-neuron-bias", value = -5 },
    ]

    [steps.task]
    checks = [{ check = "neuron", z_at_least = 0.0, activation = "step" }]
    status = { en = "z = {z}: not yet", ko = "z = {z}: 아직" }
    done = { en = "z = {neuron.z}: it fires.", ko = "z = {neuron.z}: 발화합니다." }
    hints = [{ en = "Drag b to the right.", ko = "b를 오른쪽으로 끄세요." }]
    answer = [{ do = "set", widget = "lab-neuron-bias", value = -4 }]

    [[steps]]
    text = { en = "Done.", ko = "끝." }
''')


def write(tmp_path, text: str, name: str = "small") -> os.PathLike:
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_lesson_reads_as_written(tmp_path):
    lesson = read_lesson(write(tmp_path, GOOD))
    assert lesson.name == "small" and lesson.number == 42
    assert lesson.title.get("ko") == "작은 수업" and lesson.standard == "[12인기03-05]"
    assert lesson.minutes is None                       # optional: a lesson without it still opens
    first, second = lesson.steps
    assert [a.do for a in first.actions] == ["show", "set", "set"]
    assert first.actions[2].get("value") == -5
    assert first.highlight == ("lab-neuron-bias", "lab-neuron-plot")
    assert lesson.hidden(0) == ("lab-neuron-picture",) and lesson.locked(1) == ("lab-neuron-activation",)
    check = first.task.checks[0]
    assert check.probe == "neuron"
    assert set(check.conditions) == {Condition("z", "at_least", 0.0), Condition("activation", "eq", "step")}
    assert check.unmet({"z": 0.2, "activation": "step"}) == []
    assert [c.value for c in check.unmet({"z": -0.3, "activation": "step"})] == ["z"]
    assert first.task.answer[0].get("value") == -4
    assert second.task is None
    assert lesson.widgets() == {"lab-neuron", "lab-neuron-preset", "lab-neuron-bias", "lab-neuron-plot",
                                "lab-neuron-picture", "lab-neuron-activation"}


@pytest.mark.parametrize("old, new, message", [
    ("format_version = 1", "format_version = 2", "format_version 2 is newer than this annviz reads"),
    ("format_version = 1", "", "format_version is missing"),
    ('standard = "[12인기03-05]"', 'standrad = "x"', "unknown key 'standrad'"),
    ('highlight = ["lab-neuron-bias", "lab-neuron-plot"]', 'hightlight = ["lab-neuron-bias"]',
     "step 1: unknown key 'hightlight' (known: title, text, actions, highlight, hide, lock, task, predict)"),
    ('"lab-neuron-plot"]', '"lab-neuron-plott"]', "step 1: highlight[2]: no widget is called 'lab-neuron-plott'"),
    ('value = -5 }', 'value = "-5" }', "step 1, action 3 (set): value: should be a number, not text"),
    ('value = "tasty"', 'value = "yummy"', "'yummy' is not a choice of lab-neuron-preset"),
    ('do = "show"', 'do = "exec"', "step 1, action 1: unknown action 'exec'"),
    ('widget = "lab-neuron" }', 'widget = "lab-neuron", page = 3 }', "step 1, action 1 (show): unknown key 'page'"),
    ("z_at_least = 0.0", "zz_at_least = 0.0", "step 1, task, check 1 (neuron): unknown value 'zz_at_least'"),
    ('activation = "step"', 'activation = "stepp"', "'stepp' is not one of"),
    ('activation = "step"', 'activation_at_least = 3', "activation is not a number"),
    ("z_at_least = 0.0", "z_at_least = nan", "nan is not a number between"),
    ('ko = "작은 수업"', 'kr = "작은 수업"', "title: unknown key 'kr'"),
    ('text.ko = "z ≥ 0이', 'text.en2 = "z ≥ 0이', "step 1: text: unknown key 'en2'"),
    ('ko = "끝."', 'ko = "  "', "step 2: text.ko: is empty"),
    ("<b>bias</b>", "<a href='file:///etc/passwd'>bias</a>", "the tag <a> is not allowed"),
    ("<b>bias</b>", "<b style='color:red'>bias</b>", "the tag <b> may not have attributes"),
    ("<b>bias</b>", "<!-- hi -->", "may not hold HTML comments"),
    ('{z}: not yet"', '{zed}: not yet"', "{zed} is not a value its checks measure"),
    ('concepts = ["bias", "threshold"]', 'concepts = ["bias", "magic"]', "unknown concept 'magic'"),
    ('checks = [{ check = "neuron", z_at_least = 0.0, activation = "step" }]', 'checks = []',
     "a task needs at least one check"),
    ('checks = [{ check = "neuron", z_at_least = 0.0, activation = "step" }]',
     'checks = [{ check = "shell", cmd = "rm" }]', "unknown check 'shell'"),
    ('title = { en = "A small lesson", ko = "작은 수업" }', 'title = "A small lesson"', "title: should be a table"),
    # minutes (issue 24): a whole number of minutes, 1 to 300
    ("number = 42", "number = 42\nminutes = 0", "minutes: 0 is not between 1 and 300"),
    ("number = 42", "number = 42\nminutes = -10", "minutes: -10 is not between 1 and 300"),
    ("number = 42", "number = 42\nminutes = 100000", "minutes: 100000 is not between 1 and 300"),
    ("number = 42", "number = 42\nminutes = 12.5", "minutes: should be a whole number, not a number"),
    ("number = 42", 'number = 42\nminutes = "45"', "minutes: should be a whole number, not text"),
    ("number = 42", "number = 42\nminutes = true", "minutes: should be a whole number, not true or false"),
])
def test_every_fault_is_one_line_naming_the_file_and_the_place(tmp_path, old, new, message):
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(LessonFileError) as caught:
        read_lesson(path)
    text = str(caught.value)
    assert "\n" not in text and text.startswith(str(path)), text
    assert message in text, text


def test_a_wrong_action_parameter_type_and_strokes_out_of_the_pad(tmp_path):
    cases = [
        ('{ do = "draw", strokes = [[[0.2, 0.3], [1.5, 0.3]]] }', "strokes[1][2]: 1.5 is not a number between 0 and 1"),
        ('{ do = "draw", strokes = [] }', "draw needs at least one stroke"),
        ('{ do = "select_neuron", layer = "output" }', "class is missing"),
        ('{ do = "select_neuron", layer = true, neuron = 1 }', "layer: should be a whole number"),
        ('{ do = "load_model", name = "/etc/passwd" }', "is not a bundled model"),
        ('{ do = "press", widget = "lab-neuron-bias" }', "lab-neuron-bias is a slider, not a button"),
        ('{ do = "set", widget = "lab-perceptron-run", value = 1 }', "should be true or false"),
        ('{ do = "nudge_h", h = 10.0 }', "10.0 is not a number between 1e-14 and 1"),
        ('{ do = "time_machine" }', "needs exactly one of epoch, val_accuracy"),
        ('{ do = "time_machine", epoch = 3, val_accuracy = 80 }', "needs exactly one of epoch, val_accuracy"),
        ('{ do = "time_machine", val_accuracy = 180 }', "180 is not a number between 0 and 100"),
        ('{ do = "time_machine", epoch = -1 }', "epoch: "),
    ]
    for action, message in cases:
        text = GOOD.replace('{ do = "show", widget = "lab-neuron" }', action, 1)
        with pytest.raises(LessonFileError, match=re.escape(message)):
            read_lesson(write(tmp_path, text))


def test_not_toml_not_utf8_too_big_a_folder_and_a_fifo_are_refused(tmp_path):
    with pytest.raises(LessonFileError, match="is not valid TOML"):
        read_lesson(write(tmp_path, "format_version = = 1"))
    bad = tmp_path / "latin.toml"
    bad.write_bytes('title = "caf\xe9"'.encode("latin-1"))
    with pytest.raises(LessonFileError, match="is not UTF-8 text"):
        read_lesson(bad)
    with pytest.raises(LessonFileError, match="more than a lesson file may be"):
        read_lesson(write(tmp_path, GOOD + "#" * MAX_BYTES))
    with pytest.raises(LessonFileError, match="is a folder"):
        read_lesson(tmp_path)
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    with pytest.raises(LessonFileError, match="not a regular file"):
        read_lesson(fifo)       # and never blocks
    deep = "format_version = 1\nx = " + "[" * 5000 + "]" * 5000
    with pytest.raises(LessonFileError):
        read_lesson(write(tmp_path, deep))


def test_find_by_name_or_path_and_one_line_for_a_name_that_is_not_there(tmp_path):
    user = tmp_path / "mine"
    user.mkdir()
    write(user, GOOD, "mine")
    assert find("mine", user).name == "mine"
    assert find(str(user / "mine.toml")).title.en == "A small lesson"
    with pytest.raises(LessonFileError, match="nope: no lesson has this name"):
        find("nope", user)


def test_values_are_written_plainly_and_templates_only_look_up_names():
    assert format_value(-0.304) == "−0.30" and format_value(-0.0001) == "0.00"
    assert format_value(1.23e-3, -1) == "1.23e−03" and format_value(13002) == "13,002"
    assert format_value(float("nan")) == "–" and format_value(True) == "✓"
    values = {"z": "−0.30"}
    assert fill("z = {z}: not tasty yet", values) == "z = −0.30: not tasty yet"
    assert fill("{z.__class__} {missing} {0}", values) == "{z.__class__} {missing} {0}"


@pytest.mark.parametrize("text, message", [
    ("a" + ".a" * 30_000 + " = 1\n", "a key of 30001 dotted parts"),           # 3.5 GB inside tomllib
    ('"a"' + '."a"' * 9 + " = 1\n", "a key of 10 dotted parts"),
    ("[" + ".".join("t" * 12) + "]\n", "a key of 12 dotted parts"),
    ("x = " + "[" * 13 + "]" * 13 + "\n", "nests lists and tables 13 deep"),
    ("x = [\n" + "  [\n" * 20 + "  ]\n" * 20 + "]\n", "nests lists and tables 21 deep"),
    ("x = " + "{ a = " * 20 + "1" + " }" * 20 + "\n", "nests lists and tables 20 deep"),
    ("format_version = " + "9" * 5000 + "\n", "a key or a number of 5000 characters"),
])
def test_the_raw_text_is_measured_before_tomllib_parses_it(tmp_path, text, message):
    import tracemalloc

    tracemalloc.start()
    try:
        with pytest.raises(LessonFileError, match=re.escape(message)):
            read_lesson(write(tmp_path, text))
        assert tracemalloc.get_traced_memory()[1] < 20 * 2**20
    finally:
        tracemalloc.stop()


def test_dots_brackets_and_hashes_inside_strings_and_comments_are_not_structure(tmp_path):
    text = GOOD.replace('summary = { en = "One step.", ko = "한 단계." }',
                        'summary = { en = "a.b.c.d.e.f.g.h.i.j [[[[[[[[[[[[[[ # not a comment", '
                        "ko = '{{{{{{{{{{{{{{ a.b.c.d.e.f.g.h.i.j' }  # [[[[[[[[[[[[[[ a.b.c.d.e.f.g.h.i.j")
    text += '\n[[steps]]\ntext.en = """\n' + "a.b.c.d.e.f.g.h.i.j " * 50 + '\n"""\ntext.ko = "끝."\n'
    lesson = read_lesson(write(tmp_path, text))
    assert lesson.summary.en.startswith("a.b.c") and len(lesson.steps) == 3


def test_a_byte_order_mark_and_a_korean_name_are_accepted_an_overlong_name_is_not(tmp_path):
    path = tmp_path / "활성화-함수.toml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    assert read_lesson(path).name == "활성화-함수"
    long = tmp_path / ("x" * 81 + ".toml")
    long.write_text(GOOD, encoding="utf-8")
    with pytest.raises(LessonFileError, match="at most 80 characters"):
        read_lesson(long)
