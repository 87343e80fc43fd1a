"""A setup saved at a lesson's step reopens what was saved (issue 20 §3): the measurement shared by
``test_setup_roundtrip.py`` and its benchmark.

At a step, something is changed the way a learner would (the task's own answer, or for a step
whose answer is a process — a training run, the playground or the perceptron learning — a setting
of that step's page; for a step without a task, a setting of its page), the screen is saved as a
setup, and the setup is opened in another window. Then the page and tab in front, the lesson and
the step, the model's weights and every value the step's checks read must be what they were.

A few values are the state of a process, which a setup does not carry (``NOT_CARRIED``): a
training run's history (its trained network is carried, as the model), the playground's and the
perceptron's learning so far (their settings and points are carried), and the strokes on the pad
(the input they made is carried, and shows as an example).
"""

from __future__ import annotations

import numpy as np

from annviz.gui.lessons.probes import PROBES as READ
from annviz.lessons.model import format_value, probe_digits
from annviz.lessons.vocabulary import PROBES
from lesson_answers import _a, set_
from run_ends import settle_screen

#: Values a setup does not carry, by probe: the state of a process, not of the screen.
NOT_CARRIED = {
    "training": set(PROBES["training"]),
    "playground": {"epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy", "playing"},
    "perceptron": {"errors", "epochs", "verdict", "w1", "w2", "b"},
    "prediction": {"drawn", "well_drawn"},
    # the Convolution page: a run on ③ and ④'s measuring are processes (the network trained is
    # carried); the pixel pointed at and a filter opened large are the pointer's and a window's
    "convolution": {"training", "trained", "run_images", "run_filters", "run_accuracy", "measured", "cnn_accuracy",
                    "mlp_accuracy", "cnn_shifted", "mlp_shifted", "shift_gap", "pointed", "pointed_kind",
                    "pointed_conv", "pointed_filter", "pointed_share", "field_width", "field_height", "filter_open",
                    "filter_conv", "filter_number", "filter_finds", "filter_label", "filter_tie_mask", "filter_error"},
}

#: A setting of each page, for a step without a task or whose answer is a process.
PAGE_CHANGE = {
    ("lab", "neuron"): (set_("lab-neuron-bias", 1.25),),
    ("lab", "perceptron"): (set_("lab-perceptron-rate", 0.35),),
    ("lab", "playground"): (set_("lab-playground-neurons-1", 5), set_("lab-playground-rate", 0.1)),
    ("explorer", ""): (_a("select_neuron", layer=1, neuron=3),),
    ("insight", "evaluation"): (set_("insight-threshold", 93),),
    ("insight", "mistakes"): (_a("press", widget="insight-mistake-next"),),
    ("insight", "step"): (set_("insight-step-rate", 0.02), _a("learning_stage", stage=4)),
    ("insight", "nudge"): (_a("nudge_h", h=1e-3),),
    ("training", ""): (set_("training-lr", 0.123), set_("training-epochs", 3)),
    ("convolution", ""): (set_("convolution-no-centre", True), _a("press", widget="convolution-hand-step")),
}

PROCESS_ACTIONS = {("press", "training-start"), ("set", "lab-playground-play"), ("set", "lab-perceptron-run"),
                   ("press", "lab-perceptron-epoch"), ("press", "lab-perceptron-step")}


def settle(window) -> None:
    """What the screen started: the insight page's evaluation, a run's end."""
    settle_screen(window, pause_ms=120)


def screen_name(window) -> tuple[str, str]:
    """The page and tab in front, as a lesson's ``screen`` check reads them."""
    measured = READ["screen"](window.lessons.player.driver, None)
    return measured["page"], measured["tab"]


def change(window, step) -> str:
    """Change something at ``step`` as a learner would; says what."""
    driver = window.lessons.player.driver
    answer = step.task.answer if step.task is not None else ()
    if answer and not any((a.do, a.get("widget")) in PROCESS_ACTIONS for a in answer):
        actions, what = answer, "the task's answer"
    else:
        actions, what = PAGE_CHANGE[screen_name(window)], f"a setting of {'/'.join(screen_name(window))}"
    for action in actions:
        driver.perform(action)
    return what


def check_values(window, step) -> dict:
    """Every value the step's checks read, but those a setup does not carry."""
    if step.task is None:
        return {}
    driver, values = window.lessons.player.driver, {}
    for check in step.task.checks:
        measured = driver.measure(check)
        for name, value in measured.items():          # as the panel writes it (an input is 8-bit)
            if name not in NOT_CARRIED.get(check.probe, ()):
                values[f"{check.probe}.{name}"] = format_value(value, probe_digits(check.probe, name))
    return values


def weights(window) -> list[np.ndarray]:
    net = window.state.network
    return [w.copy() for w in net.weights] + [b.copy() for b in net.biases]


def what_is_on_screen(window, step) -> dict:
    player = window.lessons.player
    return {"screen": screen_name(window), "lesson": (player.lesson.name, player.index),
            "checks": check_values(window, step)}


def round_trip(saving, opening, lesson, index: int, lang: str, path) -> list[str]:
    """Save ``lesson`` at step ``index`` from ``saving`` after a change, open it in ``opening``;
    the differences found (none, if the setup reopens what was saved)."""
    step = lesson.steps[index]
    where = f"{lesson.name} step {index + 1} ({lang})"
    saving.set_language(lang)
    opening.set_language(lang)
    saving.lessons.player.open(lesson, index)
    settle(saving)
    what = change(saving, step)
    settle(saving)
    before, model = what_is_on_screen(saving, step), weights(saving)
    assert saving.setup.save_setup(path), f"{where}: not saved"
    assert opening.setup.open_setup(str(path)), f"{where}: not opened"
    settle(opening)
    after = what_is_on_screen(opening, step)
    problems = [f"{where}, after {what}: {key} was {before[key]!r}, reopens as {after[key]!r}"
                for key in before if before[key] != after[key]]
    now = weights(opening)
    if len(now) != len(model) or not all(np.array_equal(a, b) for a, b in zip(model, now)):
        problems.append(f"{where}, after {what}: the model's weights differ")
    return problems
