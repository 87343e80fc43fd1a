"""What a teacher reads when a lesson file is wrong: for every check of the reader, a hand-written
file that breaks it, and the one line the app shows — in English and in Korean. Each line names the
file, the place in it (the step, the action, the field) and says what is wrong with the value that
was found; it is the sentence of THAT check (its code), every field of the sentence is filled (no
"None", no "{name}" left) and the Korean keeps every value the English shows.

The files are written by hand here (not by the project's writer), one fault each, on a small lesson
that reads without a fault (``test_the_base_lesson_reads``)."""

import pytest

from annviz.lessons.lessonfile import LessonFileError, read_lesson
from annviz.messages import MESSAGES, Phrase, english, fields
from annviz.paths import bundled_model_names

HEAD = ('format_version = 1\ntitle = { en = "Bias", ko = "편향" }\n'
        'summary = { en = "One step.", ko = "한 단계." }\n')
STEP = '[[steps]]\ntext = { en = "Move b.", ko = "b를 움직이세요." }\n'
CHECKS = 'checks = [{ check = "neuron", z_at_least = 0 }]\n'
DONE = 'done = { en = "Done.", ko = "됐어요." }\n'


def doc(top: str = "", step: str = "", task: str | None = None) -> str:
    """The base lesson with ``top`` among its top-level keys, ``step`` in its step and ``task``
    (if given) as the step's task table."""
    text = HEAD + top + "\n" + STEP + step + "\n"
    return text if task is None else text + "[steps.task]\n" + task + "\n"


def act(action: str) -> str:
    return doc(step=f"actions = [{action}]")


def chk(check: str) -> str:
    return doc(task=f"checks = [{check}]\n" + DONE)


S = "step 1"
A = "step 1, action 1"
T = "step 1, task"
C = "step 1, task, check 1"
KNOWN_TOP = "format_version, number, title, summary, concepts, standard, minutes, hide, lock, start, steps"
NEURON_CHOICES = "'step', 'sigmoid', 'tanh', 'relu', 'leaky_relu'"

# (file text, where (the place in the file; "" for the file as a whole), code, what the English says)
CASES = [
    # --- the lesson's own keys ---
    (doc('colour = "red"\n'), "", "lesson.unknown_key", f"unknown key 'colour' (known: {KNOWN_TOP})"),
    ('format_version = 1\ntitle = { en = "T", ko = "제목" }\n' + STEP, "", "lesson.missing", "summary is missing"),
    (HEAD, "", "lesson.missing", "steps is missing"),
    (HEAD + "steps = 3\n", "steps", "lesson.not_list", "should be a list, not a number"),
    (HEAD + "steps = []\n", "steps", "lesson.no_steps", "a lesson needs at least one step"),
    (HEAD + "steps = [" + ", ".join(['{ text = { en = "a", ko = "가" } }'] * 61) + "]\n", "steps",
     "lesson.list_too_long", "has 61 entries, more than 60"),
    (HEAD + "steps = [1]\n", S, "lesson.not_table", "should be a table, not a number"),
    (HEAD.replace('ko = "한 단계."', 'kr = "한 단계."') + STEP, "summary", "lesson.unknown_key",
     "unknown key 'kr' (known: en, ko)"),
    (doc('concepts = "bias"\n'), "concepts", "lesson.not_list", "should be a list, not text"),
    (doc('concepts = ["bias", 3]\n'), "concepts[2]", "lesson.not_text", "should be text, not a number"),
    (doc('concepts = ["bias", "magic"]\n'), "concepts[2]", "lesson.unknown_concept",
     "unknown concept 'magic' (known: neuron, neuron-as-graph, weight, bias,"),
    (doc("concepts = [" + ", ".join(['"bias"'] * 41) + "]\n"), "concepts", "lesson.list_too_long",
     "has 41 entries, more than 40"),
    (doc("number = 0\n"), "number", "lesson.not_between", "0 is not between 1 and 999"),
    (doc("number = 1000\n"), "number", "lesson.not_between", "1000 is not between 1 and 999"),
    (doc("number = 1.5\n"), "number", "lesson.not_whole_number", "should be a whole number, not a number"),
    (doc("number = true\n"), "number", "lesson.not_whole_number", "should be a whole number, not true or false"),
    (doc("number = 9223372036854775807\n"), "number", "lesson.not_between",
     "9223372036854775807 is not between 1 and 999"),                      # 63 bits: written out
    (doc("number = 9223372036854775808\n"), "number", "lesson.not_between",
     "9.22337e+18 is not between 1 and 999"),                              # 64 bits: shortened
    (doc("number = -9223372036854775809\n"), "number", "lesson.not_between", "-9.22337e+18 is not between"),
    (doc(f'standard = "{"x" * 41}"\n'), "standard", "lesson.text_too_long", "is longer than 40 characters"),
    (doc("standard = 3\n"), "standard", "lesson.not_text", "should be text, not a number"),
    (doc("minutes = 301\n"), "minutes", "lesson.not_between", "301 is not between 1 and 300"),
    (doc('hide = ["lab-neuron", "nope"]\n'), "hide[2]", "lesson.unknown_widget", "no widget is called 'nope'"),
    (doc('lock = ["lab-neuron-bias", "lok"]\n'), "lock[2]", "lesson.unknown_widget", "no widget is called 'lok'"),
    (doc('hide = "lab-neuron"\n'), "hide", "lesson.not_list", "should be a list, not text"),
    (doc("lock = [" + ", ".join(['"lab-neuron"'] * 41) + "]\n"), "lock", "lesson.list_too_long",
     "has 41 entries, more than 40"),
    (doc("start = 5\n"), "start: actions", "lesson.not_list", "should be a list, not a number"),
    (doc('start = [{ do = "clear_pad", x = 1 }]\n'), "start, action 1 (clear_pad)", "lesson.unknown_key",
     "unknown key 'x' (known: do)"),
    # a key written twice is TOML's fault: said by the TOML check, with its line and column
    (HEAD.replace("summary = {", "title = {") + STEP, "", "lesson.toml_invalid",
     "is not valid TOML (the error is at line 3, column 43)"),
    # --- a step's keys and texts ---
    (doc(step="colour = 1"), S, "lesson.unknown_key",
     "unknown key 'colour' (known: title, text, actions, highlight, hide, lock, task, predict)"),
    (HEAD + '[[steps]]\ntitle = { en = "a", ko = "가" }\n', S, "lesson.missing", "text is missing"),
    (HEAD + '[[steps]]\ntext = "Move b."\n', "step 1: text", "lesson.not_table", "should be a table, not text"),
    (HEAD + '[[steps]]\ntext = { en = "Move b." }\n', "step 1: text", "lesson.missing", "ko is missing"),
    (HEAD + '[[steps]]\ntext = { en = "Move b.", ko = 3 }\n', "step 1: text.ko", "lesson.not_text",
     "should be text, not a number"),
    (HEAD + '[[steps]]\ntext = { en = " ", ko = "가" }\n', "step 1: text.en", "lesson.empty_text", "is empty"),
    (HEAD + f'[[steps]]\ntext = {{ en = "{"x" * 20_001}", ko = "가" }}\n', "step 1: text.en",
     "lesson.text_too_long", "is longer than 20000 characters"),
    (HEAD + '[[steps]]\ntext = { en = "a <!-- b -->", ko = "가" }\n', "step 1: text.en", "lesson.html_comment",
     "may not hold HTML comments or declarations"),
    (HEAD + '[[steps]]\ntext = { en = "a", ko = "가 <?php ?>" }\n', "step 1: text.ko", "lesson.html_comment",
     "may not hold HTML comments"),
    (HEAD + '[[steps]]\ntext = { en = "<script>x</script>", ko = "가" }\n', "step 1: text.en",
     "lesson.tag_not_allowed",
     "the tag <script> is not allowed (allowed: b, big, br, code, em, h3, h4, i, li, ol, p, small, strong, "
     "sub, sup, tt, u, ul)"),
    (HEAD + f'[[steps]]\ntext = {{ en = "<{"q" * 45}>", ko = "가" }}\n', "step 1: text.en",
     "lesson.tag_not_allowed", f"the tag <{'q' * 40}> is not allowed"),         # a long tag cut at 40
    (HEAD + '[[steps]]\ntext = { en = "a", ko = "<b class=\'x\'>가</b>" }\n', "step 1: text.ko",
     "lesson.tag_attributes", "the tag <b> may not have attributes"),
    (HEAD + '[[steps]]\ntext = { en = "<b XX>a</b>", ko = "가" }\n', "step 1: text.en",
     "lesson.tag_attributes", "the tag <b> may not have attributes"),         # a bare attribute
    # a name from the file is quoted, and cut after 40 characters
    (doc(step=f'highlight = ["{"w" * 40}"]'), "step 1: highlight[1]", "lesson.unknown_widget",
     f"no widget is called '{'w' * 40}' (the names"),
    (doc(step=f'highlight = ["{"w" * 39}xy"]'), "step 1: highlight[1]", "lesson.unknown_widget",
     f"no widget is called '{'w' * 37}...' (the names"),
    (doc(step='title = "Step"'), "step 1: title", "lesson.not_table", "should be a table, not text"),
    (doc(step='highlight = ["nope"]'), "step 1: highlight[1]", "lesson.unknown_widget", "no widget is called 'nope'"),
    (doc(step='hide = ["lab-neuron", "nope"]'), "step 1: hide[2]", "lesson.unknown_widget", "'nope'"),
    (doc(step='lock = ["nope"]'), "step 1: lock[1]", "lesson.unknown_widget", "no widget is called 'nope'"),
    (doc(step="highlight = [" + ", ".join(['"lab-neuron"'] * 41) + "]"), "step 1: highlight",
     "lesson.list_too_long", "has 41 entries, more than 40"),
    (doc(step="actions = 3"), "step 1: actions", "lesson.not_list", "should be a list, not a number"),
    (doc(step="actions = [" + ", ".join(['{ do = "clear_pad" }'] * 41) + "]"), "step 1: actions",
     "lesson.list_too_long", "has 41 entries, more than 40"),
    (doc() + '[[steps]]\ntext = { en = "Two.", ko = "" }\n', "step 2: text.ko", "lesson.empty_text", "is empty"),
    # --- a task ---
    (doc(step="task = 3"), T, "lesson.not_table", "should be a table, not a number"),
    (doc(task=DONE), T, "lesson.missing", "checks is missing"),
    (doc(task=CHECKS), T, "lesson.missing", "done is missing"),
    (doc(task=CHECKS + DONE + "after = 1\n"), T, "lesson.unknown_key",
     "unknown key 'after' (known: checks, status, hints, done, answer)"),
    (doc(task="checks = []\n" + DONE), "step 1, task: checks", "lesson.no_checks", "a task needs at least one check"),
    (doc(task="checks = 1\n" + DONE), "step 1, task: checks", "lesson.not_list", "should be a list"),
    (doc(task="checks = [" + ", ".join(['{ check = "neuron", z_at_least = 0 }'] * 11) + "]\n" + DONE),
     "step 1, task: checks", "lesson.list_too_long", "has 11 entries, more than 10"),
    (doc(task=CHECKS + 'done = "Done."\n'), "step 1, task: done", "lesson.not_table", "should be a table, not text"),
    (doc(task=CHECKS + DONE + 'status = { en = "z" }\n'), "step 1, task: status", "lesson.missing", "ko is missing"),
    (doc(task=CHECKS + DONE + 'hints = [{ en = "a", ko = "가" }, { en = "b", ko = " " }]\n'),
     "step 1, task: hints[2].ko", "lesson.empty_text", "is empty"),
    (doc(task=CHECKS + DONE + "hints = [" + ", ".join(['{ en = "a", ko = "가" }'] * 11) + "]\n"),
     "step 1, task: hints", "lesson.list_too_long", "has 11 entries, more than 10"),
    (doc(task=CHECKS + DONE + 'answer = [{ do = "nope" }]\n'), "step 1, task: answer, action 1",
     "lesson.unknown_action", "unknown action 'nope'"),
    (doc(task=CHECKS + DONE + "answer = 3\n"), "step 1, task: answer: actions", "lesson.not_list", "should be a list"),
    (doc(task=CHECKS + DONE + 'status = { en = "z = {z}", ko = "z = {q}" }\n'), "step 1, task: status.ko",
     "lesson.unknown_placeholder", "{q} is not a value its checks measure (known: a, activation, b, inputs, "
     "neuron.a, neuron.activation,"),
    (doc(task=CHECKS + 'done = { en = "{neuron.zz}", ko = "됐어요." }\n'), "step 1, task: done.en",
     "lesson.unknown_placeholder", "{neuron.zz} is not a value"),
    (doc(task=CHECKS + 'done = { en = "Done.", ko = "{' + "q" * 45 + '}" }\n'), "step 1, task: done.ko",
     "lesson.unknown_placeholder", "{" + "q" * 40 + "} is not a value"),     # a long name cut at 40
    # --- a check ---
    (chk("3"), C, "lesson.check_table", 'should be a table with check = "<probe>"'),
    (chk("{ z_at_least = 0 }"), C, "lesson.check_table", 'should be a table with check = "<probe>"'),
    (chk("{ check = 3 }"), "step 1, task, check 1: check", "lesson.not_text", "should be text, not a number"),
    (chk('{ check = "shell" }'), C, "lesson.unknown_check", "unknown check 'shell' (known: neuron, gate, perceptron,"),
    (chk('{ check = "neuron", zz = 1 }'), C + " (neuron)", "lesson.unknown_value",
     "unknown value 'zz' (known: a, z, s, b, theta, activation, inputs, x1,"),
    (chk('{ check = "neuron", zz = 1 }'), C + " (neuron)", "lesson.unknown_value",
     "each also with _at_least or _at_most when it is a number)"),
    (chk('{ check = "neuron" }'), C + " (neuron)", "lesson.nothing_to_check",
     "says nothing to check (e.g. a_at_least = 0.5)"),
    (chk('{ check = "widget", visible = true }'), C + " (widget): widget", "lesson.not_text",
     "should be text, not an object"),
    (chk('{ check = "widget", widget = "nope", visible = true }'), C + " (widget): widget",
     "lesson.unknown_widget", "no widget is called 'nope'"),
    (chk('{ check = "widget", widget = "lab-neuron" }'), C + " (widget)", "lesson.nothing_to_check", "nothing"),
    # --- a condition ---
    (chk('{ check = "neuron", activation_at_least = 1 }'), C + " (neuron): activation_at_least",
     "lesson.not_comparable", "activation is not a number: compare it with activation = …"),
    (chk('{ check = "neuron", z = "high" }'), C + " (neuron): z", "lesson.not_number", "should be a number, not text"),
    (chk('{ check = "neuron", z_at_most = 1.5e12 }'), C + " (neuron): z_at_most", "lesson.number_range",
     "1500000000000.0 is not a number between -1e+12 and 1e+12"),
    (chk('{ check = "neuron", z_at_least = -inf }'), C + " (neuron): z_at_least", "lesson.number_range",
     "-inf is not a number between"),
    (chk('{ check = "perceptron", verdict = 1 }'), C + " (perceptron): verdict", "lesson.not_bool",
     "should be true or false, not a number"),
    (chk('{ check = "neuron", activation = "stepp" }'), C + " (neuron): activation", "lesson.not_a_choice",
     f"'stepp' is not one of {NEURON_CHOICES}"),
    (chk('{ check = "neuron", activation = 3 }'), C + " (neuron): activation", "lesson.not_text",
     "should be text, not a number"),
    (chk('{ check = "widget", widget = "lab-perceptron-run", value = 1 }'), C + " (widget): value",
     "lesson.not_bool", "should be true or false, not a number"),
    (chk('{ check = "widget", widget = "lab-neuron-bias", value = "x" }'), C + " (widget): value",
     "lesson.not_number", "should be a number, not text"),
    (chk('{ check = "widget", widget = "training-epochs", value = "x" }'), C + " (widget): value",
     "lesson.not_number", "should be a number, not text"),
    (chk('{ check = "widget", widget = "lab-neuron-activation", value = "nope" }'), C + " (widget): value",
     "lesson.not_widget_choice", f"'nope' is not a choice of lab-neuron-activation ({NEURON_CHOICES})"),
    (chk('{ check = "widget", widget = "lab-neuron-activation", value = [1] }'), C + " (widget): value",
     "lesson.choice_type", "should be one of the choices of lab-neuron-activation, not a list"),
    (chk('{ check = "widget", widget = "lab-neuron-activation", value = true }'), C + " (widget): value",
     "lesson.choice_type", "should be one of the choices of lab-neuron-activation, not true or false"),
    (chk('{ check = "widget", widget = "lab-neuron-activation", value_at_least = 1 }'),
     C + " (widget): value_at_least", "lesson.not_comparable", "value is not a number"),
    (chk('{ check = "widget", widget = "lab-neuron-activation", visible = 1 }'), C + " (widget): visible",
     "lesson.not_bool", "should be true or false, not a number"),
    # --- an action ---
    (act("3"), A, "lesson.action_table", 'should be a table with do = "<action>"'),
    (act('{ widget = "lab-neuron" }'), A, "lesson.action_table", 'should be a table with do = "<action>"'),
    (act("{ do = 3 }"), "step 1, action 1: do", "lesson.not_text", "should be text, not a number"),
    (act('{ do = "exec" }'), A, "lesson.unknown_action", "unknown action 'exec' (known: show, set, press, load_model,"),
    (act('{ do = "show" }'), A + " (show)", "lesson.missing", "widget is missing"),
    (act('{ do = "show", widget = "lab-neuron", page = 1 }'), A + " (show)", "lesson.unknown_key",
     "unknown key 'page' (known: do, widget)"),
    (act('{ do = "time_machine", epoch = 2, val_accuracy = 50 }'), A + " (time_machine)", "lesson.one_of",
     "needs exactly one of epoch, val_accuracy"),
    (act('{ do = "select_neuron", layer = 2 }'), A + " (select_neuron)", "lesson.missing_for_layer",
     "neuron is missing (layer 2)"),
    (act('{ do = "select_neuron", layer = "output", neuron = 1 }'), A + " (select_neuron)",
     "lesson.missing_for_layer", "class is missing (layer 'output')"),
    (act('{ do = "show", widget = 3 }'), A + " (show): widget", "lesson.not_text", "should be text, not a number"),
    (act('{ do = "press", widget = "lab-neuron-bias" }'), A + " (press): widget", "lesson.widget_kind",
     "lab-neuron-bias is a slider, not a button"),
    (act('{ do = "set", widget = "lab-neuron", value = 1 }'), A + " (set): widget", "lesson.widget_kind",
     "lab-neuron is a view, not a toggle or slider or number or choice"),
    (act('{ do = "set", widget = "lab-perceptron-run", value = 1 }'), A + " (set): value", "lesson.not_bool",
     "should be true or false, not a number"),
    (act('{ do = "set", widget = "lab-neuron-bias", value = 1000000001 }'), A + " (set): value",
     "lesson.number_range", "1000000001 is not a number between -1e+09 and 1e+09"),
    (act('{ do = "set", widget = "training-epochs", value = -1000000001 }'), A + " (set): value",
     "lesson.number_range", "-1000000001 is not a number between -1e+09 and 1e+09"),
    (act('{ do = "set", widget = "lab-neuron-activation", value = "nope" }'), A + " (set): value",
     "lesson.not_widget_choice", f"'nope' is not a choice of lab-neuron-activation ({NEURON_CHOICES})"),
    (act('{ do = "set", widget = "lab-neuron-activation", value = {} }'), A + " (set): value",
     "lesson.choice_type", "should be one of the choices of lab-neuron-activation, not a table"),
    (act('{ do = "set", widget = "lab-playground-rate", value = 0.5 }'), A + " (set): value",
     "lesson.not_widget_choice", ": 0.5 is not a choice of lab-playground-rate (0.001, 0.003, 0.01, 0.03, 0.1,"),
    (act('{ do = "set", widget = "lab-playground-rate", value = "0.1" }'), A + " (set): value",  # a text, not 0.1
     "lesson.not_widget_choice", ": '0.1' is not a choice of lab-playground-rate (0.001, 0.003, 0.01, 0.03, 0.1,"),
    (act('{ do = "test_digit", index = -1 }'), A + " (test_digit): index", "lesson.not_between",
     "-1 is not between 0 and 1000000"),
    (act('{ do = "test_digit", index = 1000001 }'), A + " (test_digit): index", "lesson.not_between",
     "1000001 is not between 0 and 1000000"),
    (act('{ do = "nudge_h", h = 0 }'), A + " (nudge_h): h", "lesson.number_range",
     "0 is not a number between 1e-14 and 1"),
    (act('{ do = "nudge_h", h = 1.5 }'), A + " (nudge_h): h", "lesson.number_range",
     "1.5 is not a number between 1e-14 and 1"),
    (act('{ do = "time_machine", val_accuracy = 100.5 }'), A + " (time_machine): val_accuracy",
     "lesson.number_range", "100.5 is not a number between 0 and 100"),
    (act('{ do = "time_machine", val_accuracy = -0.5 }'), A + " (time_machine): val_accuracy",
     "lesson.number_range", "-0.5 is not a number between 0 and 100"),
    (act('{ do = "data_image", class = 3 }'), A + " (data_image): class", "lesson.not_text",
     "should be text, not a number"),
    (act('{ do = "load_model", name = "nope" }'), A + " (load_model): name", "lesson.not_bundled_model",
     f"'nope' is not a bundled model ({', '.join(bundled_model_names())})"),
    (act('{ do = "load_model", name = 3 }'), A + " (load_model): name", "lesson.not_text", "not a number"),
    (act('{ do = "select_neuron", layer = 101, neuron = 1 }'), A + " (select_neuron): layer",
     "lesson.not_between", "101 is not between 1 and 100"),
    (act('{ do = "select_neuron", layer = 0, neuron = 1 }'), A + " (select_neuron): layer",
     "lesson.not_between", "0 is not between 1 and 100"),
    (act('{ do = "select_neuron", layer = "input", neuron = 1 }'), A + " (select_neuron): layer",
     "lesson.not_whole_number", "should be a whole number, not text"),
    (act('{ do = "training", command = "explode" }'), A + " (training): command", "lesson.not_command",
     "'explode' is not one of start, pause, resume, stop, discard"),
    (act('{ do = "training", command = 3 }'), A + " (training): command", "lesson.not_text", "not a number"),
    (act('{ do = "draw", strokes = 3 }'), A + " (draw): strokes", "lesson.not_list", "should be a list"),
    (act('{ do = "draw", strokes = [] }'), A + " (draw): strokes", "lesson.no_strokes",
     "draw needs at least one stroke"),
    (act('{ do = "draw", strokes = [[[0.1, 0.2]], []] }'), A + " (draw): strokes[2]", "lesson.empty_stroke",
     "a stroke needs at least one point"),
    (act('{ do = "draw", strokes = [[[0.1, 0.2]], [[0.1, 0.2], [0.3]]] }'), A + " (draw): strokes[2][2]",
     "lesson.bad_point", "a point is [x, y], fractions of the pad from its top left"),
    (act('{ do = "draw", strokes = [[3]] }'), A + " (draw): strokes[1][1]", "lesson.bad_point", "a point is [x, y]"),
    (act('{ do = "convolution_draw", strokes = [[[0.1, 0.2], [0.1, 0.2, 0.3]]] }'),
     A + " (convolution_draw): strokes[1][2]", "lesson.bad_point", "a point is [x, y]"),
    (act('{ do = "draw", strokes = [[[0.5, 0.5], [0.1, "x"]]] }'), A + " (draw): strokes[1][2]",
     "lesson.not_number", "should be a number, not text"),
    (act('{ do = "draw", strokes = [[[0.5, 1.5]]] }'), A + " (draw): strokes[1][1]", "lesson.number_range",
     "1.5 is not a number between 0 and 1"),
    (act('{ do = "draw", strokes = [[[-0.1, 0.5]]] }'), A + " (draw): strokes[1][1]", "lesson.number_range",
     "-0.1 is not a number between 0 and 1"),
    (act('{ do = "draw", strokes = [[2]] }'.replace("[[2]]", "[" + ", ".join(["[[0.5, 0.5]]"] * 21) + "]")),
     A + " (draw): strokes", "lesson.list_too_long", "has 21 entries, more than 20"),
    (act('{ do = "draw", strokes = [[[0.5, 0.5]], [P]] }'.replace("P", ", ".join(["[0.5, 0.5]"] * 401))),
     A + " (draw): strokes[2]", "lesson.list_too_long", "has 401 entries, more than 400"),
]


def refuse(tmp_path, text: str, name: str = "mine") -> tuple[str, LessonFileError]:
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LessonFileError) as caught:
        read_lesson(path)
    return str(path), caught.value


def assert_said_in_both_languages(path: str, error: LessonFileError, where: str, code: str) -> str:
    """The checks every message meets; returns the English line."""
    from annviz.gui.common.file_errors import refusal, translated

    text = str(error)
    assert error.code == code, text                                  # the sentence of THAT check
    assert error.path == path and error.where == (where or None), text
    head = f"{path}: {where}: " if where else f"{path}: "
    sentence = english(code, error.values)
    assert text == head + sentence and "\n" not in text
    missing = fields(MESSAGES[code]) - set(error.values)
    assert not missing, (text, missing)                              # every field given …
    assert all(v is not None for v in error.values.values()), error.values
    assert "None" not in text, text                                  # … and none of them None
    korean = refusal(error)
    assert korean.startswith(head), korean                           # the file and the place, as written
    assert korean != text and any("가" <= c <= "힣" for c in korean), korean   # translated
    assert not any("{" + f + "}" in korean for f in fields(MESSAGES[code])), korean
    for value in error.values.values():                              # every value the English shows
        shown = translated(value.code, value.values) if isinstance(value, Phrase) else str(value)
        assert shown in korean, (shown, korean)
    return text


@pytest.mark.parametrize("text, where, code, says", CASES,
                         ids=[f"{i}-{c[2].removeprefix('lesson.')}" for i, c in enumerate(CASES)])
def test_each_fault_names_the_file_the_place_and_the_value_in_both_languages(
        tmp_path, korean, text, where, code, says):
    path, error = refuse(tmp_path, text)
    assert says in assert_said_in_both_languages(path, error, where, code)


def test_the_base_lesson_reads(tmp_path):
    """The files above differ from readable ones by their one fault."""
    for text in (doc(), doc(task=CHECKS + DONE), chk('{ check = "neuron", z_at_least = 0 }'),
                 act('{ do = "clear_pad" }')):
        path = tmp_path / "ok.toml"
        path.write_text(text, encoding="utf-8")
        assert read_lesson(path).steps[0].text.ko == "b를 움직이세요."


def test_a_file_name_that_is_not_a_lesson_name(tmp_path, korean):
    path, error = refuse(tmp_path, doc(), name="my lesson")
    said = assert_said_in_both_languages(path, error, "", "lesson.bad_name")
    assert "the file's name 'my lesson' should be letters, digits, - and _ only, at most 80 characters" in said
