"""A lesson as data, as the panel uses it: a condition holds on what is measured (a whole number
exactly, a fraction within rounding), a prediction takes answers at the ends of its range, every
widget a lesson names is listed, measured values are written as a lesson shows them."""

import pytest

from annviz.lessons.model import Action, Check, Choice, Condition, Lesson, Prediction, Step, Task, Text, format_value

T = Text("a", "가")


@pytest.mark.parametrize("condition, measured, holds", [
    (Condition("inputs", "eq", 3), 3, True),
    (Condition("inputs", "eq", 3), 3.0000001, False),           # a whole number is compared exactly
    (Condition("z", "eq", 0.5), 0.5000001, True),                # a fraction within 1e-6
    (Condition("z", "eq", 0.5), 0.5001, False),
    (Condition("z", "eq", 1e6), 1e6 + 1e-4, True),               # … or within 1e-9 of its size
    (Condition("z", "eq", 1e6), 1e6 + 0.01, False),
    (Condition("z", "at_least", 0), 0, True),
    (Condition("z", "at_most", 0), 0.1, False),
    (Condition("z", "at_least", 0), None, False),
    (Condition("z", "at_least", 0), float("nan"), False),
    (Condition("activation", "eq", "step"), "step", True),
])
def test_a_condition_holds_on_what_is_measured(condition, measured, holds):
    assert condition.holds(measured) is holds


def test_a_prediction_takes_answers_at_the_ends_of_its_range_and_every_choice():
    number = Prediction(T, T, ("neuron", "z"), low=-2.0, high=3.0)
    assert number.valid(-2.0) and number.valid(3.0) and number.valid(-2) and number.valid(3)
    assert not number.valid(-2.001) and not number.valid(3.001)
    choice = Prediction(T, T, ("neuron", "a"), choices=(Choice(T), Choice(T)))
    assert choice.valid(0) and choice.valid(1) and not choice.valid(2) and not choice.valid(-1)


def test_an_action_gives_a_default_for_a_parameter_it_does_not_have():
    action = Action("select_neuron", (("layer", 2),))
    assert action.get("layer") == 2 and action.get("neuron") is None and action.get("neuron", 1) == 1


def test_every_widget_a_lesson_names_is_listed():
    press = Action("press", (("widget", "lab-perceptron-step"),))
    task = Task(checks=(Check("widget", (Condition("visible", "eq", True),), "lab-neuron-plot"),), done=T,
                answer=(Action("set", (("widget", "lab-neuron-bias"), ("value", 1))),))
    lesson = Lesson("l", T, T, steps=(Step(T, actions=(press,), highlight=("explorer-pad",), task=task),
                                      Step(T, hide=("lab-neuron-x1",), lock=("lab-neuron-x2",))),
                    hide=("lab-page",), lock=("training-page",),
                    start=(Action("show", (("widget", "lab-neuron"),)), Action("clear_pad")))
    assert lesson.widgets() == {"lab-perceptron-step", "lab-neuron-plot", "lab-neuron-bias", "explorer-pad",
                                "lab-neuron-x1", "lab-neuron-x2", "lab-page", "training-page", "lab-neuron"}


@pytest.mark.parametrize("value, digits, shown", [
    (True, 2, "✓"), (False, 2, "✗"), (None, 2, "–"),
    (0.0123, None, "0.0123"), (3.7, 0, "4"), (-0.004, 0, "0"), (-1.25, 1, "−1.2"),
    (0.00123, -1, "1.23e−03"), (-0.0, -1, "0.00e+00"),
    (1234567, 2, "1,234,567"), ("relu", 2, "relu"),
])
def test_a_measured_value_is_written_as_a_lesson_shows_it(value, digits, shown):
    assert format_value(value, digits) == shown
