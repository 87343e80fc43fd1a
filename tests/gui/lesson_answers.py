"""The wrong answers of every task of the bundled lessons: beside each task's scripted right answer
(its ``answer`` in the lesson file), at least two plausible wrong ones a learner would try, each of
which the task's checks must refuse (issue 20 §2).

A wrong answer is what a learner does after the step began (the step's own actions set the app up):
the wrong digit, the right widget with the wrong value, the right value read from the wrong place,
a shortcut that satisfies a number but not the idea. ``watch``: seconds the app is left running
(the playground playing, a training run going on) while the task must not pass at any moment;
``train``: a training run is started and waited for before the actions after it.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtTest import QTest

from annviz.lessons.model import Action
from run_ends import open_window

WAIT = Action("wait_for_training", ())            # not a lesson action: the test waits for the run's end


def _a(do: str, **params) -> Action:
    return Action(do, tuple(params.items()))


def set_(widget: str, value) -> Action:
    return _a("set", widget=widget, value=value)


def press(widget: str) -> Action:
    return _a("press", widget=widget)


def draw(*strokes) -> Action:
    return _a("draw", strokes=tuple(tuple(tuple(p) for p in stroke) for stroke in strokes))


@dataclass(frozen=True)
class Wrong:
    why: str
    actions: tuple[Action, ...]
    watch: float = 0.0                              # seconds the app runs while the task must not pass
    slow: bool = field(default=False, compare=False)   # worth its time in the benchmark only


def wrong(why: str, *actions: Action, watch: float = 0.0, slow: bool = False) -> Wrong:
    return Wrong(why, tuple(actions), watch, slow)


def EPOCH(n: int) -> Action:                       # noqa: N802 (reads as a constant in the tables)
    """The time machine at the end of epoch ``n`` of the run on the timeline (the timeline dragged there)."""
    return _a("time_machine", epoch=n)


PLAY = set_("lab-playground-play", True)
FAST = set_("lab-playground-speed", 16)
SEVEN = draw([(0.3, 0.2), (0.7, 0.2), (0.45, 0.85)])                     # a 7 with a full top bar
ONE = draw([(0.5, 0.15), (0.5, 0.85)])                                    # a straight stroke: a 1
DOT = draw([(0.5, 0.5), (0.505, 0.5)])                                    # two pixels
THREE = draw([(0.3, 0.2), (0.5, 0.12), (0.7, 0.2), (0.65, 0.4), (0.45, 0.5), (0.68, 0.6), (0.7, 0.8),
              (0.5, 0.9), (0.28, 0.82)])                                   # lesson 6's 3: neuron 6 adds most

TOO_HIGH = (set_("training-preset", "too-high"), set_("training-examples", 2000))  # lesson 8's η = 1000 run

#: (lesson name, step from 1) → the wrong answers of its task.
WRONG: dict[tuple[str, int], tuple[Wrong, ...]] = {
    # 1 — the taste neuron (weights and bias locked in step 2, the senses in step 3)
    ("neuron", 2): (
        wrong("taste raised above 1.0: tasty, but taste must stay at most 1.0", set_("lab-neuron-x4", 1.2)),
        wrong("smell raised a little: not enough to make up 0.3", set_("lab-neuron-x3", 1.2)),
        wrong("sight raised, the weakest sense: 0.3 × 0.5 is not enough", set_("lab-neuron-x1", 1.5)),
    ),
    ("neuron", 3): (
        wrong("the bias moved the wrong way", set_("lab-neuron-bias", -6.0)),
        wrong("the bias moved, not far enough: z = −0.1", set_("lab-neuron-bias", -4.8)),
    ),
    # 2 — threshold and bias
    ("threshold", 1): (
        wrong("the bias set to 3, the threshold's value with its sign kept", set_("lab-neuron-bias", 3.0)),
        wrong("the threshold set near 3 but not at it", set_("lab-neuron-threshold", 2.5)),
    ),
    ("threshold", 2): (
        wrong("a weight raised: with both inputs 0 it adds nothing", set_("lab-neuron-w1", 3.0)),
        wrong("the bias raised, not up to 0", set_("lab-neuron-bias", -0.1)),
    ),
    # 3 — activation functions
    ("activation", 1): (
        wrong("tanh, another smooth curve but not the sigmoid", set_("lab-neuron-activation", "tanh")),
        wrong("ReLU", set_("lab-neuron-activation", "relu")),
    ),
    ("activation", 2): (
        wrong("the bias far to the right: a on the flat top", set_("lab-neuron-bias", 4.0)),
        wrong("the bias moved a little: still on the flat bottom", set_("lab-neuron-bias", -2.0)),
    ),
    ("activation", 3): (
        wrong("b = +2: the middle at w·x = −2", set_("lab-neuron-bias", 2.0)),
        wrong("b = −1: the middle at w·x = 1", set_("lab-neuron-bias", -1.0)),
    ),
    ("activation", 4): (
        wrong("ReLU chosen, the output left at 0.3", set_("lab-neuron-activation", "relu")),
        wrong("the weight raised with the sigmoid kept: a stays below 1", set_("lab-neuron-w1", 3.0)),
        wrong("leaky ReLU, not ReLU", set_("lab-neuron-activation", "leaky_relu"), set_("lab-neuron-w1", 3.0)),
    ),
    # 4 — the perceptron
    ("perceptron", 1): (
        wrong("OR's bias", set_("lab-neuron-bias", -0.3)),
        wrong("one weight raised: answers x₁ alone", set_("lab-neuron-w1", 1.0), set_("lab-neuron-bias", -0.7)),
    ),
    ("perceptron", 2): (
        wrong("AND's bias", set_("lab-neuron-bias", -0.7)),
        wrong("the bias left positive: always 1", set_("lab-neuron-bias", 0.2)),
    ),
    ("perceptron", 3): (
        wrong("one example learned, not a whole epoch", press("lab-perceptron-step")),
        wrong("OR's points learned instead", set_("lab-perceptron-points", "or"), press("lab-perceptron-epoch"),
              press("lab-perceptron-epoch"), press("lab-perceptron-epoch"), press("lab-perceptron-epoch")),
    ),
    ("perceptron", 4): (
        wrong("one example learned, not a whole epoch", press("lab-perceptron-step")),
        wrong("AND's points learned instead", set_("lab-perceptron-points", "and"), press("lab-perceptron-epoch"),
              press("lab-perceptron-epoch"), press("lab-perceptron-epoch"), press("lab-perceptron-epoch")),
    ),
    ("perceptron", 5): (
        wrong("three epochs on XOR: too soon to say no line exists", press("lab-perceptron-epoch"),
              press("lab-perceptron-epoch"), press("lab-perceptron-epoch")),
        wrong("AND's points, which one line does separate", set_("lab-perceptron-points", "and"),
              *(press("lab-perceptron-epoch") for _ in range(12))),
    ),
    # 5 — hidden layers on the plane
    ("hidden-layers", 1): (
        wrong("no hidden layer, played: one line stays near 50 %", FAST, PLAY, watch=1.0),
        wrong("the feature x₁·x₂ with no hidden layer: XOR solved without a hidden layer",
              set_("lab-playground-feature-x1-times-x2", True), FAST, PLAY, watch=1.0),
    ),
    ("hidden-layers", 2): (
        wrong("the features x₁² and x₂² with 2 neurons: a circle without more neurons",
              set_("lab-playground-feature-x1-squared", True), set_("lab-playground-feature-x2-squared", True),
              FAST, PLAY, watch=1.0),
        wrong("2 neurons, played longer: a band, never a ring", FAST, PLAY, watch=1.0, slow=True),
        wrong("the dataset changed to XOR, which 2 neurons can learn", set_("lab-playground-dataset", "xor"),
              FAST, PLAY, watch=1.0),
    ),
    ("hidden-layers", 3): (
        wrong("the dataset changed to the circle, an easy one", set_("lab-playground-dataset", "circle"),
              FAST, PLAY, watch=1.0),
        wrong("no hidden layer, played: straight lines cannot wind", set_("lab-playground-layers", 0), FAST, PLAY,
              watch=1.0),
    ),
    # 6 — the digit network
    ("digit-network", 1): (
        wrong("a two-pixel dot (read as some digit, confidently)", _a("clear_pad"), DOT),
        wrong("test image #0 left on the pad, nothing drawn", _a("test_digit", index=0)),
    ),
    ("digit-network", 2): (
        wrong("the output neuron for 7", _a("select_neuron", layer="output", **{"class": "7"})),
        wrong("a neuron of hidden layer 2", _a("select_neuron", layer=2, neuron=4)),
    ),
    ("digit-network", 3): (
        wrong("a neuron of hidden layer 1 again", _a("select_neuron", layer=1, neuron=2)),
        wrong("an output neuron", _a("select_neuron", layer="output", **{"class": "3"})),
    ),
    ("digit-network", 4): (
        wrong("the classic model loaded again", _a("load_model", name="mnist-classic")),
        wrong("a neuron selected, the model unchanged", _a("select_neuron", layer=1, neuron=1)),
    ),
    ("digit-network", 5): (
        wrong("Matrix form, but with the wider mnist-best", _a("load_model", name="mnist-best"),
              _a("show", widget="insight-matrix")),
        wrong("One step of learning opened instead", _a("show", widget="insight-step")),
        wrong("the pad cleared, then Matrix form: no input to write out", _a("clear_pad"),
              _a("show", widget="insight-matrix")),
    ),
    ("digit-network", 6): (
        wrong("neuron 2 of hidden layer 2 switched off: it adds less to the answer", THREE,
              _a("select_neuron", layer=2, neuron=2), set_("touch-off", True)),
        wrong("the neuron that matters most selected, not switched off", THREE,
              _a("select_neuron", layer=2, neuron=6)),
        wrong("neuron 6 of hidden layer 1 switched off: the wrong layer", THREE,
              _a("select_neuron", layer=1, neuron=6), set_("touch-off", True)),
        wrong("a test digit, not one drawn, and a neuron switched off", _a("test_digit", index=0),
              _a("select_neuron", layer=2, neuron=6), set_("touch-off", True)),
    ),
    # 7 — how good is it
    ("how-good", 1): (
        wrong("a straight stroke: a 1 read as 1, not a 7", _a("clear_pad"), ONE),
        wrong("a clear 7, read as 7", _a("clear_pad"), SEVEN),
        wrong("a test image of a 1, not drawn", _a("test_digit", index=2)),
    ),
    ("how-good", 2): (
        wrong("a cell on the diagonal: right answers", _a("select_cell", true=4, predicted=4)),
        wrong("another diagonal cell", _a("select_cell", true=7, predicted=7)),
    ),
    ("how-good", 3): (
        wrong("three steps forward: the fourth mistake", *(press("insight-mistake-next") for _ in range(3))),
        wrong("a cell of the confusion matrix chosen instead: its images, not the mistakes' list",
              _a("show", widget="insight-evaluation"), _a("select_cell", true=4, predicted=9),
              _a("show", widget="insight-mistakes")),
    ),
    ("how-good", 4): (
        wrong("the threshold lowered", set_("insight-threshold", 50)),
        wrong("the threshold raised, not far enough", set_("insight-threshold", 92)),
    ),
    ("how-good", 5): (
        wrong("Why this answer asked about 7, the digit meant, not the answer 1",
              set_("insight-why-class", "7"), _a("show", widget="insight-why")),
        wrong("the Mistakes tab opened instead", _a("show", widget="insight-mistakes")),
        wrong("the pad cleared, then Why this answer", _a("clear_pad"), _a("show", widget="insight-why")),
        wrong("a straight 1 drawn, then Why this answer: a 1 read as 1", _a("clear_pad"), ONE,
              _a("show", widget="insight-why")),
    ),
    ("how-good", 6): (
        wrong("the data opened, the average 7 clicked", _a("show", widget="insight-data"), _a("data_image", **{"class": "7"})),
        wrong("the data opened, a single 1 clicked, not the average", _a("show", widget="insight-data"),
              _a("data_image", example=1, **{"class": "1"})),
        wrong("the average 1 clicked, then the pad cleared", _a("show", widget="insight-data"),
              _a("data_image", **{"class": "1"}), _a("clear_pad")),
        wrong("the data opened, nothing clicked", _a("show", widget="insight-data")),
        wrong("Why this answer stays in front", _a("show", widget="insight-why")),
        wrong("How good is it opened instead", _a("show", widget="insight-evaluation")),
    ),
    # 8 — learning
    ("learning", 1): (
        wrong("Start, then Stop at once", press("training-start"), press("training-stop"), WAIT),
        wrong("the better bundled model loaded: 99 %, but not trained here", _a("load_model", name="mnist-best")),
    ),
    ("learning", 2): (
        wrong("the notes' preset, which does not diverge", set_("training-preset", "notes"),
              set_("training-examples", 2000), set_("training-epochs", 1), press("training-start"), WAIT),
        wrong("Start, then Stop at once", press("training-start"), press("training-stop"), WAIT),
    ),
    ("learning", 3): (
        wrong("the η = 1000 run started again: it blows up again", *TOO_HIGH, press("training-start"), WAIT),
        wrong("η = 10 set by hand and trained: it learns, but the doctor's fix was not replayed", *TOO_HIGH,
              press("training-start"), WAIT, set_("training-lr", 10), press("training-start"), WAIT,
              slow=True),   # 3 epochs: the benchmark's; tests/gui/test_doctor_page.py reads the probe so
        wrong("Replay with the fix, then Stop at once", *TOO_HIGH, press("training-start"), WAIT,
              press("training-doctor-replay-1"), press("training-stop"), WAIT),
    ),
    ("learning", 4): (
        wrong("Answers stays in front", _a("show", widget="training-answers")),
        wrong("the learning curves in front instead", _a("show", widget="training-curves")),
    ),
    ("learning", 5): (
        wrong("trained at η = 0.5, then the slider moved to 0.01", set_("training-lr", 0.5), press("training-start"),
              WAIT, set_("training-lr", 0.01)),
        wrong("η = 0.01, started and stopped before the epoch ended", set_("training-lr", 0.01),
              press("training-start"), press("training-stop"), WAIT),
    ),
    ("learning", 6): (
        wrong("My digits opened, nothing added", _a("show", widget="mydigits-page")),
        wrong("a 3 added with the label 5, then My digits opened", _a("clear_pad"), THREE,
              _a("add_my_digit", label=5), _a("show", widget="mydigits-page")),
        wrong("a 3 added, but the explorer left in front", _a("clear_pad"), THREE, _a("add_my_digit", label=3),
              _a("show", widget="explorer-pad")),
    ),
    # 9 — nudge a weight
    ("nudge", 1): (
        wrong("a smaller h: the two agree better", _a("nudge_h", h=1e-3)),
        wrong("h = 10⁻⁸: still in the valley", _a("nudge_h", h=1e-8)),
    ),
    ("nudge", 2): (
        wrong("a large h: off by more than 1 %, but h is not tiny", _a("nudge_h", h=1.0)),
        wrong("h = 10⁻⁹: small, still accurate", _a("nudge_h", h=1e-9)),
    ),
    ("nudge", 3): (
        wrong("to the update, one stage short", _a("learning_stage", stage=9)),
        wrong("to the loss", _a("learning_stage", stage=5)),
    ),
    ("nudge", 4): (
        wrong("η made smaller: the answer stays", set_("insight-step-rate", 0.0005)),
        wrong("η changed on the training page, not for this step", set_("training-lr", 0.05)),
    ),
    # 10 — reading a run (the steps after the first read the run the learner trains first)
    ("reading-a-run", 1): (
        wrong("no validation share: the test set read in its place (training − test is 19 points)",
              set_("training-validation", 0), press("training-start"), WAIT),
        wrong("20,000 examples with a validation share, one epoch: no gap, and not a few hundred",
              set_("training-examples", 20000), set_("training-epochs", 1), press("training-start"), WAIT),
        wrong("stopped before the gap opened: 4 epochs", set_("training-epochs", 4), press("training-start"), WAIT),
    ),
    ("reading-a-run", 2): (
        wrong("the end of epoch 12: above 80 %, but not for the first time", press("training-start"), WAIT, EPOCH(12)),
        wrong("the end of epoch 3: before it passed 80 %", press("training-start"), WAIT, EPOCH(3)),
        wrong("Now: the run as it ended, no moment shown", press("training-start"), WAIT, EPOCH(7),
              press("timeline-now")),
        wrong("a run on 20,000 examples, whose first epoch passes 80 %", set_("training-examples", 20000),
              set_("training-epochs", 1), press("training-start"), WAIT, EPOCH(1)),
    ),
    ("reading-a-run", 3): (                            # the step goes back to the moment of step 2
        wrong("Histograms at Now, not at a moment", press("timeline-now"), _a("show", widget="training-histograms")),
        wrong("the moment shown, Compare runs opened instead", _a("show", widget="training-compare")),
        wrong("the moment shown, the Neuron tab opened instead", _a("show", widget="training-inspector")),
    ),
    ("reading-a-run", 4): (
        wrong("η and the examples both changed", press("training-start"), WAIT, set_("training-lr", 0.05),
              set_("training-examples", 500), press("training-start"), WAIT, _a("show", widget="training-compare")),
        wrong("the same η twice", press("training-start"), WAIT, press("training-start"), WAIT,
              _a("show", widget="training-compare")),
        wrong("η = 0.5 against 0.3: too close to tell", press("training-start"), WAIT, set_("training-lr", 0.3),
              press("training-start"), WAIT, _a("show", widget="training-compare")),
        wrong("the two runs trained, the curves left in front", press("training-start"), WAIT,
              set_("training-lr", 0.05), press("training-start"), WAIT),
    ),
    # 11 — convolution
    ("convolution", 1): (
        wrong("the vertical edge filter over the whole image", press("convolution-hand-vertical"),
              press("convolution-hand-all")),
        wrong("the horizontal edge filter, moved only three positions", press("convolution-hand-horizontal"),
              press("convolution-hand-step"), press("convolution-hand-step"), press("convolution-hand-step")),
        wrong("the blur over the whole image", press("convolution-hand-blur"), press("convolution-hand-all")),
    ),
    ("convolution", 2): (
        wrong("the brightest pixel of the first convolution: a 5×5 field",
              _a("convolution_point", band=1, filter=2, y=14, x=16)),
        wrong("a dark pixel of the second convolution", _a("convolution_point", band=3, filter=8, y=0, x=0)),
        wrong("a bright pixel of the second convolution after pooling",
              _a("convolution_point", band=4, filter=8, y=4, x=3)),
    ),
    ("convolution", 3): (
        wrong("Start, then Stop at once", press("convolution-train-start"), press("convolution-train-stop")),
        wrong("the bundled CNN brought back: trained, but not here", press("convolution-bundled")),
    ),
    ("convolution", 4): (
        wrong("a first convolution's filter that answers to any stroke", _a("convolution_filter", conv=1, filter=2)),
        wrong("a second convolution's filter", _a("convolution_filter", conv=2, filter=1)),
        wrong("the horizontal edge chosen by hand in ①", press("convolution-hand-horizontal")),
    ),
    ("convolution", 5): (
        wrong("the mask on filter 3, whose bias is negative: nothing ties", _a("convolution_filter", conv=1, filter=3,
                                                                              tie_mask=1)),
        wrong("filter 8 open, the mask not ticked", _a("convolution_filter", conv=1, filter=8, tie_mask=0)),
    ),
    ("convolution", 6): (
        wrong("④ opened, Measure not pressed", _a("show", widget="convolution-compare")),
        wrong("Measure pressed, then the bundled CNN put back: the measurement is dropped",
              press("convolution-compare-measure"), press("convolution-bundled")),
    ),
    ("convolution", 7): (
        wrong("a 7 in the corner, centred by the pad", _a("convolution_draw", strokes=(
            ((0.168, 0.162), (0.3, 0.15), (0.432, 0.15), (0.372, 0.27), (0.312, 0.372), (0.27, 0.48)),))),
        wrong("Don't centre on, the 7 drawn in the middle", set_("convolution-no-centre", True),
              _a("convolution_draw", strokes=(
                  ((0.28, 0.27), (0.5, 0.25), (0.72, 0.25), (0.62, 0.45), (0.52, 0.62), (0.45, 0.8)),))),
    ),
}


def make_prediction(window) -> None:
    """Commit to a prediction at the step on screen, if it waits for one, as a learner would (the
    middle of a number's range, the first choice): its task opens, so its checks can be tried."""
    player, box = window.lessons.player, window.lessons.panel.prediction
    if player.waiting_for_prediction:
        predict = player.lesson.steps[player.index].predict
        box.set_answer(0 if predict.choices else round((predict.low + predict.high) / 2))
        box.commit_button.click()
        assert not player.waiting_for_prediction, "the prediction was not taken"


@contextmanager
def lesson_window(settings_path: Path, lang: str = "en", drawer: bool = True):
    """The app's window on the settings file ``settings_path``, in ``lang``, the lesson drawer open
    (``drawer``); afterwards its run stopped, English again (the next tests read it) and the window
    deleted at once (a closed window left alive would be retranslated later)."""
    window = open_window(settings_path)
    try:
        window.set_language(lang)
        if drawer:
            window.lessons.dock.show()
        yield window
    finally:
        window.training.controller.shutdown()
        window.set_language("en")
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        QTest.qWait(1)
