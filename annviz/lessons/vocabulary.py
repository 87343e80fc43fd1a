"""The words a lesson file may use: the widgets it names, the actions it takes, the checks it makes.

Everything here is data. The reader (``lessonfile.py``) refuses any name that is not listed, so a
typo in a lesson is one line at load time, never a surprise in class; the GUI (``annviz.gui.lessons``)
implements exactly these actions and probes, and a test checks both lists agree.

- ``WIDGETS``: stable object names (``QObject.setObjectName``) of the widgets a lesson may show,
  highlight, hide, lock, set or press, each with its kind: ``view`` (only shown, highlighted,
  hidden or locked), ``button`` (pressed), ``toggle`` (on or off), ``slider`` and ``number`` (a
  number), ``choice`` (one of ``values``, or any text when ``values`` is empty).
- ``ACTIONS``: what a step does to the app when it begins, with each parameter's type.
- ``PROBES``: what a check can read from the app's live state, value by value. A check is a probe
  and conditions on its values: ``z_at_least = 0``, ``points = "xor"``, ``verdict = true``.
- ``CONCEPTS``: the ideas of ``CONCEPTS.md`` a lesson says it teaches, in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annviz.nn.activations import HIDDEN_ACTIVATIONS
from annviz.nn.doctor.diagnosis import CODES as DOCTOR_CODES

# --- widgets ----------------------------------------------------------------------------------

KINDS = ("view", "button", "toggle", "slider", "number", "choice")


@dataclass(frozen=True)
class Widget:
    kind: str
    about: str                                   # what it is, for the teachers' list
    values: tuple = field(default=())           # a choice's values (empty: any text)


def _w(kind: str, about: str, values: tuple = ()) -> Widget:
    return Widget(kind, about, tuple(values))


NEURON_ACTIVATIONS = ("step", "sigmoid", "tanh", "relu", "leaky_relu")
PERCEPTRON_POINTS = ("and", "or", "xor", "blobs", "custom")
PLAYGROUND_DATASETS = ("circle", "xor", "gaussian", "spirals")
PLAYGROUND_FEATURES = ("x1", "x2", "x1-squared", "x2-squared", "x1-times-x2", "sin-x1", "sin-x2")
TRAINING_PRESETS = ("notes", "fast", "too-high", "linear")
HAND_PRESETS = ("vertical", "horizontal", "blur", "sharpen")       # nn.featuremaps.PRESET_NAMES
CONVOLUTION_TABS = ("hand", "network", "train", "compare", "evaluation")
DIRECTIONS = ("horizontal", "vertical", "any")                      # nn.featuremaps.edge_direction

WIDGETS: dict[str, Widget] = {
    # the pages of the window
    "explorer-page": _w("view", "the Explorer page"),
    "training-page": _w("view", "the Training page"),
    "lab-page": _w("view", "the Neuron lab page"),
    "insight-page": _w("view", "the Insight page"),
    "mydigits-page": _w("view", "the My digits page"),
    # the explorer
    "explorer-pad": _w("view", "the Draw panel (pad, test digits, what the network sees, probabilities)"),
    "explorer-diagram": _w("view", "the Network panel (the diagram)"),
    "explorer-inspector": _w("view", "the Neuron inspector panel"),
    "explorer-weights": _w("view", "the Weights panel"),
    "explorer-drawing": _w("view", "the drawing pad itself"),
    "explorer-test-digit": _w("button", "Random test digit"),
    "explorer-seen": _w("view", "what the network sees: the 28×28 input"),
    "explorer-probabilities": _w("view", "the ten output probabilities"),
    "explorer-contribution": _w("toggle", "Colour by contribution (the diagram)"),
    "explorer-weight-count": _w("view", "the parameter count (784·16 + … = 13,002)"),
    "explorer-weight-grid": _w("view", "the first hidden layer's weight pictures"),
    "explorer-layer-matrices": _w("view", "the deeper layers' matrices and the biases"),
    "explorer-touch": _w("view", "Touch a neuron: the controls under the inspector for a hidden neuron"),
    "touch-off": _w("toggle", "Touch a neuron: the selected hidden neuron switched off"),
    # the neuron lab
    "lab-neuron": _w("view", "the lab's tab ① One neuron"),
    "lab-perceptron": _w("view", "the lab's tab ② A perceptron that learns"),
    "lab-playground": _w("view", "the lab's tab ③ A network on the plane"),
    "lab-neuron-picture": _w("view", "the biological neuron above the unit"),
    "lab-neuron-controls": _w("view", "the box of inputs, weights and bias"),
    "lab-neuron-plot": _w("view", "the activation plotted against w·x"),
    "lab-neuron-formula": _w("view", "the weighted input and output written out"),
    "lab-neuron-preset": _w("choice", "Example: free or Is it tasty?", ("free", "tasty")),
    "lab-neuron-inputs": _w("number", "how many inputs (2–6)"),
    "lab-neuron-activation": _w("choice", "the activation function", NEURON_ACTIVATIONS),
    **{f"lab-neuron-x{i}": _w("slider", f"input x{i} (−2 … 2)") for i in range(1, 7)},
    **{f"lab-neuron-w{i}": _w("slider", f"weight w{i} (−3 … 3)") for i in range(1, 7)},
    "lab-neuron-bias": _w("slider", "bias b (−8 … 8)"),
    "lab-neuron-threshold": _w("slider", "threshold θ = −b (shown with the unit step)"),
    "lab-perceptron-plane": _w("view", "the plane with the points and the line"),
    "lab-perceptron-points": _w("choice", "the points", PERCEPTRON_POINTS),
    "lab-perceptron-rule": _w("choice", "the learning rule", ("perceptron", "sigmoid")),
    "lab-perceptron-rate": _w("slider", "learning rate η (0.01 … 1)"),
    "lab-perceptron-step": _w("button", "Step (one example)"),
    "lab-perceptron-epoch": _w("button", "One epoch"),
    "lab-perceptron-run": _w("toggle", "Run / Pause"),
    "lab-perceptron-reset": _w("button", "New random weights"),
    "lab-perceptron-clear": _w("button", "Clear points"),
    "lab-perceptron-readout": _w("view", "w, b, errors and epochs"),
    "lab-perceptron-message": _w("view", "the box “When one line is not enough”"),
    "lab-perceptron-hidden": _w("button", "Add a hidden layer →"),
    "lab-playground-dataset": _w("choice", "the dataset", PLAYGROUND_DATASETS),
    "lab-playground-noise": _w("slider", "noise % (0 … 50)"),
    "lab-playground-test-share": _w("slider", "test data % (10 … 90)"),
    "lab-playground-seed": _w("number", "seed"),
    "lab-playground-features": _w("view", "the box of features (inputs)"),
    **{f"lab-playground-feature-{key}": _w("toggle", f"feature {key}") for key in PLAYGROUND_FEATURES},
    "lab-playground-layers": _w("number", "how many hidden layers (0–6)"),
    **{f"lab-playground-neurons-{i}": _w("number", f"neurons in hidden layer {i} (1–8)") for i in range(1, 7)},
    "lab-playground-activation": _w("choice", "the hidden layers' activation", HIDDEN_ACTIVATIONS),
    "lab-playground-rate": _w("choice", "learning rate", (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0)),
    "lab-playground-batch": _w("number", "batch size (1–64)"),
    "lab-playground-speed": _w("choice", "epochs per screen update", (1, 4, 16)),
    "lab-playground-reset": _w("button", "⟲ Reset"),
    "lab-playground-play": _w("toggle", "▶ Play / ❚❚ Pause"),
    "lab-playground-step": _w("button", "Step ▸|"),
    "lab-playground-diagram": _w("view", "the network with its neurons' pictures"),
    "lab-playground-plane": _w("view", "the output over the plane with the points"),
    "lab-playground-losses": _w("view", "the losses and the accuracy in words"),
    "lab-playground-loss-plot": _w("view", "the loss curves"),
    # training
    "training-preset": _w("choice", "the presets", TRAINING_PRESETS),
    "training-settings-network": _w("view", "the settings tab Network"),
    "training-settings-learning": _w("view", "the settings tab Learning"),
    "training-settings-data": _w("view", "the settings tab Data"),
    "training-architecture": _w("view", "the hidden layers editor"),
    "training-loss": _w("choice", "the loss", ("cross-entropy", "mse")),
    "training-optimizer": _w("choice", "the optimizer", ("sgd", "momentum", "adam")),
    "training-lr": _w("slider", "learning rate η (log scale)"),
    "training-batch": _w("choice", "batch size", (1, 8, 10, 16, 32, 64, 128, 256, 512, 1024)),
    "training-epochs": _w("number", "epochs (1–500)"),
    "training-examples": _w("number", "training examples (100–60,000)"),
    "training-validation": _w("number", "validation share in % (0–50): held out of the training examples"),
    "training-dataset": _w("choice", "the dataset (mnist, fashion-mnist when installed)"),
    "training-seed": _w("number", "seed of the initial weights"),
    "training-start": _w("button", "Start / Start over"),
    "training-pause": _w("button", "Pause / Resume"),
    "training-stop": _w("button", "Stop"),
    "training-step": _w("button", "Step (one batch)"),
    "training-add-epoch": _w("button", "+1 epoch"),
    "training-progress": _w("view", "the progress bar"),
    "training-speed": _w("number", "slow motion: 0 = 1 batch/s … 9 = full speed"),
    "training-pause-at-epoch-end": _w("toggle", "Pause at the end of each epoch"),
    "training-charts": _w("view", "the tabs of curves, histograms and runs compared"),
    "training-curves": _w("view", "the learning curves"),
    "training-histograms": _w("view", "the weight histograms"),
    "training-compare": _w("view", "Compare runs: two runs side by side at the same moment"),
    "training-inspector": _w("view", "the Neuron tab beside the charts: the chosen neuron at the moment shown"),
    "training-diagram": _w("view", "the network diagram on the training page (a tab beside the charts when the page is narrow)"),
    "training-weights": _w("view", "the first layer's weight pictures on the training page (a tab beside the charts when narrow)"),
    "training-timeline": _w("view", "the timeline (time machine)"),
    "training-doctor": _w("view", "the ⚠ Doctor tab: what went wrong in the run shown, from which batch, and "
                                  "the fixes (there only while that run has a diagnosis)"),
    "training-doctor-replay-1": _w("button", "Replay with the fix (the doctor's first fix)"),
    "timeline-now": _w("button", "Now: the timeline back to the network as it is now"),
    "training-over-time": _w("view", "the Over time tab beside the settings: Answers and Landscape"),
    "training-answers": _w("view", "When did it learn my 3? — one strip per digit, its answer at every "
                                   "recorded moment (Over time → Answers)"),
    "answers-pin": _w("button", "Pin the pad's digit (a strip of its own)"),
    "training-landscape": _w("view", "the loss landscape with the path the run took (Over time → Landscape)"),
    # insight
    "insight-evaluation": _w("view", "the insight tab How good is it"),
    "insight-mistakes": _w("view", "the insight tab Mistakes"),
    "insight-why": _w("view", "the insight tab Why this answer"),
    "insight-step": _w("view", "the insight tab One step of learning"),
    "insight-nudge": _w("view", "the insight tab Numeric slope vs backprop"),
    "insight-matrix": _w("view", "the insight tab Matrix form"),
    "insight-data": _w("view", "the insight tab Look at the data"),
    "insight-why-class": _w("choice", "the class Why this answer explains (a class name; empty: the answer)"),
    "insight-true-label": _w("choice", "the true label of the current input (a class name)"),
    "insight-accuracy": _w("view", "the accuracy on the test set"),
    "insight-confusion": _w("view", "the confusion matrix"),
    "insight-threshold": _w("number", "confidence threshold in % (0–99)"),
    "insight-threshold-box": _w("view", "the confidence threshold and what it does"),
    "insight-gallery": _w("view", "the test images of the chosen cell"),
    "insight-mistake-caption": _w("view", "what the mistake on screen is"),
    "insight-mistake-previous": _w("button", "◀ Previous mistake"),
    "insight-mistake-next": _w("button", "Next mistake ▶"),
    "insight-mistake-show": _w("button", "Show in the explorer"),
    "insight-step-back": _w("button", "◀ Back (one step of learning)"),
    "insight-step-forward": _w("button", "Forward ▶ (one step of learning)"),
    "insight-step-rate": _w("number", "learning rate η of the one step"),
    "insight-step-explanation": _w("view", "the stage's title and explanation"),
    "insight-nudge-numbers": _w("view", "L(w + h), L(w − h), the two slopes and their relative error"),
    "insight-nudge-h": _w("view", "the nudge h (set it with the action nudge_h)"),
    "insight-nudge-errors": _w("view", "the plot of the relative error against h"),
    "insight-nudge-steepest": _w("button", "Steepest weight"),
    # the convolution page
    "convolution-page": _w("view", "the Convolution page"),
    "convolution-pad": _w("view", "the Convolution page's drawing pad"),
    "convolution-no-centre": _w("toggle", "Don't centre: the drawing given where it is on the pad"),
    "convolution-bundled": _w("button", "Use the bundled CNN"),
    "convolution-hand": _w("view", "the tab ① A filter by hand"),
    "convolution-network": _w("view", "the tab ② Inside the network"),
    "convolution-train": _w("view", "the tab ③ Train a CNN"),
    "convolution-compare": _w("view", "the tab ④ CNN or MLP"),
    "convolution-evaluation": _w("view", "the tab ⑤ How good: the CNN on the test images"),
    "convolution-evaluate": _w("button", "Evaluate (the CNN on the test images)"),
    "convolution-accuracy": _w("view", "the CNN's accuracy on the test images"),
    "convolution-confusion": _w("view", "the CNN's confusion matrix"),
    "convolution-mistakes": _w("view", "the CNN's mistakes, the most confident first"),
    **{f"convolution-hand-{name}": _w("button", f"the hand filter's preset {name}") for name in HAND_PRESETS},
    "convolution-hand-kernel": _w("view", "the hand filter's weights"),
    "convolution-hand-output": _w("view", "the hand filter's output: the sums"),
    "convolution-hand-step": _w("button", "Step (the hand filter one position on)"),
    "convolution-hand-slow": _w("toggle", "▶ Slow (the hand filter slid slowly)"),
    "convolution-hand-all": _w("button", "▶▶ All (the hand filter at every position)"),
    "convolution-hand-reset": _w("button", "Reset (the hand filter back at the top left)"),
    "convolution-maps": _w("view", "the feature maps of every layer (② Inside the network)"),
    "convolution-sum": _w("view", "the sum z = Σ wᵢaᵢ + b of the pixel pointed at"),
    "convolution-field": _w("view", "the receptive field of the pixel pointed at"),
    "convolution-probabilities": _w("view", "the CNN's ten probabilities"),
    "convolution-train-layers": _w("number", "convolutions to train (1–2)"),
    "convolution-train-filters-1": _w("number", "filters of the first convolution (1–32)"),
    "convolution-train-filters-2": _w("number", "filters of the second convolution (1–32)"),
    "convolution-train-epochs": _w("number", "epochs (1–5)"),
    "convolution-train-images": _w("number", "training images (1,000–60,000)"),
    "convolution-train-start": _w("button", "Start (train a CNN)"),
    "convolution-train-stop": _w("button", "Stop (the CNN's training)"),
    "convolution-curve": _w("view", "the CNN's learning curve"),
    "convolution-training-maps": _w("view", "the kernels and maps while the CNN trains"),
    "convolution-compare-measure": _w("button", "Measure (the CNN and the MLP on shifted digits)"),
    "convolution-compare-plot": _w("view", "accuracy against shift, CNN and MLP"),
    "convolution-compare-table": _w("view", "the accuracies as numbers"),
    "convolution-compare-gallery": _w("view", "test digits the MLP gets wrong and the CNN right"),
}

# --- actions ----------------------------------------------------------------------------------

# Parameter types: "name" (a WIDGETS name), "button" (a WIDGETS name of kind button), "settable"
# (of kind toggle, slider, number or choice), "value" (fits the widget's kind), "int", "number",
# "text", "model" (a bundled model's name), "strokes", "layer" (an int ≥ 1 or "output").
# A trailing "?" marks an optional parameter.

ACTIONS: dict[str, dict[str, str]] = {
    "show": {"widget": "name"},
    "set": {"widget": "settable", "value": "value"},
    "press": {"widget": "button"},
    "load_model": {"name": "model"},
    "test_digit": {"index": "int"},
    "clear_pad": {},
    "draw": {"strokes": "strokes"},
    "add_my_digit": {"label": "int"},
    "select_neuron": {"layer": "layer", "neuron": "int?", "class": "text?"},
    "select_weight": {"layer": "int", "i": "int", "j": "int"},
    "nudge_h": {"h": "number"},
    "learning_stage": {"stage": "int"},
    "select_cell": {"true": "int", "predicted": "int"},
    "show_mistake": {"position": "int"},
    "training": {"command": "command"},
    "time_machine": {"epoch": "int?", "val_accuracy": "percent?"},
    "data_image": {"class": "text", "example": "int?"},
    "convolution_draw": {"strokes": "strokes"},
    "convolution_clear": {},
    "convolution_bundled": {},
    "convolution_point": {"band": "int", "filter": "int", "y": "int", "x": "int"},
    "convolution_filter": {"conv": "int", "filter": "int", "label": "int?", "tie_mask": "int?"},
}

#: What the "training" action can tell the training page: start with its settings, pause, resume,
#: stop, or discard the network trained (the model from before training comes back).
TRAINING_COMMANDS = ("start", "pause", "resume", "stop", "discard")

MAX_STROKES, MAX_STROKE_POINTS = 20, 400

# --- probes -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Value:
    type: str                  # "number", "int", "text" or "bool"
    digits: int | None = 2     # numbers: decimals shown; -1: scientific notation; None: as short as it is
    about: str = ""
    choices: tuple = ()        # a text's possible values (empty: any)


def _n(about: str, digits: int = 2) -> Value:
    return Value("number", digits, about)


def _i(about: str) -> Value:
    return Value("int", 0, about)


def _t(about: str, choices: tuple = ()) -> Value:
    return Value("text", 0, about, tuple(choices))


def _b(about: str) -> Value:
    return Value("bool", 0, about)


PAGES = ("explorer", "training", "lab", "insight", "mydigits", "convolution")
LAB_TABS = ("neuron", "perceptron", "playground")
INSIGHT_TABS = ("evaluation", "mistakes", "why", "step", "nudge", "matrix", "data")
TRAINING_TABS = ("curves", "histograms", "compare", "inspector", "weights", "diagram")
GATES = ("and", "or", "nand", "nor", "xor", "xnor", "other")

PROBES: dict[str, dict[str, Value]] = {
    "neuron": {
        "a": _n("the output a = f(z)"), "z": _n("the weighted input z = w·x + b"),
        "s": _n("the weighted sum w·x, without the bias"), "b": _n("the bias"),
        "theta": _n("the threshold θ = −b"), "activation": _t("the activation function", NEURON_ACTIVATIONS),
        "inputs": _i("how many inputs"),
        **{f"x{i}": _n(f"input x{i}") for i in range(1, 7)},
        **{f"w{i}": _n(f"weight w{i}") for i in range(1, 7)},
    },
    "gate": {
        "computes": _t("the logic gate the lab neuron computes on (0, 0), (0, 1), (1, 0), (1, 1) with "
                       "its first two weights and its bias", GATES),
        "table": _t("its outputs on those four corners, e.g. 0001"),
    },
    "perceptron": {
        "points": _t("the points", PERCEPTRON_POINTS), "rule": _t("the rule", ("perceptron", "sigmoid")),
        "errors": _i("points on the wrong side"), "count": _i("points"), "epochs": _i("epochs learned"),
        "verdict": _b("the lab says no straight line separates the points"),
        "separable": _b("a straight line can separate the points (an exact check)"),
        "w1": _n("weight w₁"), "w2": _n("weight w₂"), "b": _n("bias b"),
    },
    "playground": {
        "dataset": _t("the dataset", (*PLAYGROUND_DATASETS, "points")),
        "layers": _i("hidden layers"), "neurons": _i("hidden neurons in all"),
        "epoch": _i("epochs trained"), "playing": _b("training is running"),
        "train_loss": _n("training loss", 3), "test_loss": _n("test loss", 3),
        "train_accuracy": _n("training accuracy in %", 1), "test_accuracy": _n("test accuracy in %", 1),
        "features": _t("the features (inputs) ticked, in the panel's order joined by +, e.g. x1+x2 or "
                       "x1+x2+sin-x1+sin-x2"),
    },
    "prediction": {
        "answer": _t("the class the network answers for the current input"),
        "confidence": _n("its probability in %", 1),
        "has_input": _b("there is an input (a drawing or a test digit)"),
        "drawn": _b("the input is drawn on the pad (not only a loaded test digit)"),
        "not_sure": _b("the answer is below the confidence threshold (“not sure”)"),
        "well_drawn": _b("drawn on the pad, and large and thick enough to be prepared like an MNIST digit "
                         "(not a dot, not a hair)"),
        "top_bar": _b("the input has a bar on top: its top rows are much wider than the rest (a 7, not a 1)"),
    },
    "selection": {
        "selected": _b("a neuron is selected"), "layer": _i("its layer: 0 input, 1 first hidden, …"),
        "neuron": _i("its number in a hidden layer, from 1"), "hidden": _b("it is a hidden neuron"),
        "output": _b("it is an output neuron"), "class": _t("the class of a selected output neuron"),
    },
    "model": {
        "name": _t("the model's name (a bundled name or the file's name)"),
        "architecture": _t("e.g. 784-16-16-10"), "layers": _i("hidden layers"),
        "parameters": _i("weights and biases in all"),
    },
    "training": {
        "phase": _t("the phase of training", ("idle", "running", "paused", "done")), "epoch": _i("epochs finished in this run"),
        "test_accuracy": _n("test accuracy in % after the last epoch", 1),
        "loss": _n("training loss of the last epoch", 3),
        "diverged": _b("the last run diverged (the loss blew up)"),
        "finished": _b("the last run trained all its epochs"),
        "lr": _n("the learning rate η the run on screen (or the last one) trains with — not the slider's", 4),
        "examples": _i("the training examples the run learns from (its validation share held out)"),
        "validation": _b("the run holds a validation share out of its training examples"),
        "train_accuracy": _n("training accuracy in % of the last epoch (on the examples as they were learned)", 1),
        "val_accuracy": _n("validation accuracy in % after the last epoch (a run with a validation share)", 1),
        "gap": _n("train_accuracy − val_accuracy, in percentage points: overfitting opens it", 1),
    },
    "moment": {
        "shown": _b("the time machine shows a recorded moment (not now)"),
        "epoch": _n("the moment's epoch, fractional (batches done ÷ batches per epoch)", 2),
        "epoch_end": _b("the moment is the end of an epoch"),
        "examples": _i("the training examples its run learned from (validation held out); unknown for the "
                       "whole training set"),
        "test_accuracy": _n("test accuracy in % at that epoch's end", 1),
        "val_accuracy": _n("validation accuracy in % at that epoch's end", 1),
        "best_before": _n("the best validation accuracy in % at an earlier epoch's end (0 at the first): "
                          "val_accuracy ≥ X and best_before < X is where it first reached X", 1),
    },
    "compare": {
        "two": _b("Compare runs shows two different runs"),
        "lr_a": _n("η of the first run", 4), "lr_b": _n("η of the second run", 4),
        "lr_ratio": _n("the larger η ÷ the smaller", 1),
        "same_but_lr": _b("the two runs have the same settings but η"),
        "ended": _b("both runs have ended an epoch at least"),
        "accuracy_a": _n("test accuracy in % of the first run after its first epoch", 1),
        "accuracy_b": _n("test accuracy in % of the second run after its first epoch", 1),
        "larger_faster": _b("the run with the larger η has the higher test accuracy after the first epoch "
                            "(it learned faster)"),
    },
    "doctor": {
        "shown": _b("the ⚠ Doctor tab is on the training page: the run the timeline shows has a diagnosis "
                    "the learner did not dismiss"),
        "count": _i("how many diagnoses the Doctor tab lists"),
        "diagnosis": _t("the diagnosis the Doctor tab shows", DOCTOR_CODES),
        "replayed": _b("the run training now (or the last one) was started by “Replay with the fix”"),
    },
    "evaluation": {
        "evaluated": _b("the test set has been evaluated"), "accuracy": _n("accuracy in %", 2),
        "threshold": _i("confidence threshold in %"), "answered": _i("test images answered above it"),
        "unsure": _i("test images it is not sure about"),
        "answered_accuracy": _n("accuracy of the answers it gives above the threshold, in %", 2),
        "cell_true": _i("true class of the chosen matrix cell"),
        "cell_predicted": _i("predicted class of the chosen cell"),
        "cell_count": _i("test images in the chosen cell"),
        "off_diagonal": _b("the chosen cell is a mistake (true ≠ predicted)"),
    },
    "mistakes": {
        "position": _i("which mistake is on screen, from 1"), "count": _i("mistakes in all"),
        "confidence": _n("how sure the model was of the mistake on screen, in %", 1),
    },
    "stepper": {
        "stage": _i("the stage on screen, from 1"), "stages": _i("stages in all"),
        "kind": _t("the kind of stage", ("input", "forward", "loss", "back", "update", "after")),
        "loss_before": _n("the loss before the step", 4), "loss_after": _n("the loss after it", 4),
        "answer_changed": _b("the step changed the answer"), "lr": _n("η of the step", 4),
    },
    "nudge": {
        "layer": _i("the weight's layer l of W⁽ˡ⁾, from 1"), "i": _i("row i, from 0"), "j": _i("column j, from 0"),
        "h": _n("the nudge h", -1), "relative_error": _n("relative error of the numeric slope", -1),
        "numeric": _n("the numeric slope", -1), "backprop": _n("backpropagation's ∂L/∂w", -1),
    },
    "mydigits": {
        "added": _b("a drawing was added to My digits in this window (Add to my digits)"),
        "added_label": _i("the label of the last drawing added to My digits in this window (−1: none)"),
        "kept": _i("how many of the learner's digits My digits keeps"),
    },
    "touch": {
        "off": _i("hidden neurons switched off (Touch a neuron)"),
        "before": _n("test accuracy in % of the network before the edits", 1),
        "after": _n("test accuracy in % with the edits", 1),
        "drop": _n("before − after, in percentage points", 1),
        "biggest": _b("the neurons switched off include the last hidden layer's neuron that adds most to the "
                      "current input's answer (measured on the network before the edits; one within 5 % of "
                      "it counts too)"),
    },
    "why": {
        "shown": _b("Why this answer explains an input"),
        "current": _b("it explains the current input (the pad's drawing or the digit shown)"),
        "class": _t("the class it explains"),
        "asked": _b("the learner chose that class (not the network's answer, the default)"),
    },
    "data": {
        "shown": _b("The data shows the model's dataset (its averages and examples)"),
        "picked": _t("the class of the image last clicked there (it became the input)"),
        "average": _b("that image is the class's average, not one example"),
        "on_pad": _b("that image is still the input"),
    },
    "screen": {
        "page": _t("the page in front", PAGES),
        "tab": _t("the lab's or the insight page's tab in front, or the tab beside the training page's charts "
                  "(empty elsewhere)", ("", *LAB_TABS, *INSIGHT_TABS, *TRAINING_TABS)),
    },
    "convolution": {
        "front": _b("the Convolution page is in front"),
        "tab": _t("its tab in front", CONVOLUTION_TABS),
        "network": _t("the CNN shown: the bundled one, one trained on ③, one from a file",
                      ("bundled", "trained", "file")),
        "hand_kernel": _t("the hand filter's weights: a preset's name, or custom", (*HAND_PRESETS, "custom")),
        "hand_finds": _t("what the hand filter answers to most: horizontal strokes, vertical ones, or any",
                         DIRECTIONS),
        "hand_positions": _i("positions the hand filter has been slid to (784: all)"),
        "pointed": _b("a feature map's pixel is pointed at (②)"),
        "pointed_kind": _t("its map: after a convolution and its ReLU, or after pooling", ("conv", "pool")),
        "pointed_conv": _i("its convolution, from 1"),
        "pointed_filter": _i("its filter, from 1"),
        "pointed_share": _n("how bright it is: its value in % of its row of maps' largest", 0),
        "field_width": _i("its receptive field's width on the input, in pixels"),
        "field_height": _i("its receptive field's height on the input, in pixels"),
        "filter_open": _b("a filter is opened large"),
        "filter_conv": _i("its convolution, from 1"),
        "filter_number": _i("its number, from 1"),
        "kernels_horizontal": _i("filters of the first convolution that answer to horizontal strokes (twice as "
                                 "much as to vertical ones at least)"),
        "kernels_vertical": _i("filters of the first convolution that answer to vertical strokes"),
        "filter_label": _i("the digit its gradient is for (the drawing as if it were this digit)"),
        "filter_tie_mask": _b("its gradient goes back through the pools with the mask x == max (the bug)"),
        "filter_error": _n("how far its bias's gradient by backpropagation is from the numeric slope "
                           "(relative error: 0.01 is 1 %)", 3),
        "filter_finds": _t("what it answers to most (a first convolution's filter; empty for a deeper one)",
                           ("", *DIRECTIONS)),
        "training": _b("a CNN is training on ③"),
        "trained": _b("the last run on ③ trained all its batches"),
        "run_images": _i("training images of the last run on ③"),
        "run_filters": _t("its filters per convolution, e.g. 8,16"),
        "run_accuracy": _n("its test accuracy in % after its last epoch", 1),
        "measured": _b("④ has measured both networks on every shift"),
        "cnn_accuracy": _n("the CNN's accuracy on the test digits as they are, in %", 1),
        "mlp_accuracy": _n("the MLP's, in %", 1),
        "cnn_shifted": _n("the CNN's accuracy on the test digits shifted by 4 pixels, in %", 1),
        "mlp_shifted": _n("the MLP's, in %", 1),
        "shift_gap": _n("the CNN's accuracy less the MLP's on digits shifted by 4 pixels, in points", 1),
        "centred": _b("the drawing is centred as MNIST's digits were (Don't centre is off)"),
        "offset": _n("how far the input's centre of mass lies from the image's centre, in pixels", 1),
        "answer": _t("the CNN's answer for the drawing"),
        "confidence": _n("its probability in %", 1),
    },
    "widget": {
        "value": Value("text", None, "the named widget's value (a number, a choice or true/false, as its kind)"),
        "visible": _b("it is on screen"), "enabled": _b("it can be used"),
    },
}

#: Condition suffixes: value_at_least, value_at_most (numbers); a bare value name means "equals".
AT_LEAST, AT_MOST = "_at_least", "_at_most"

# --- concepts ---------------------------------------------------------------------------------

#: The rows and glossary terms of CONCEPTS.md a lesson may name, with their English and Korean.
CONCEPTS: dict[str, tuple[str, str]] = {
    "neuron": ("neuron", "뉴런"),
    "neuron-as-graph": ("neuron as a graph", "그래프로 본 뉴런"),
    "weight": ("weight", "가중치"),
    "bias": ("bias", "편향"),
    "threshold": ("threshold", "임계값"),
    "unit-step": ("unit step", "단위 계단 함수"),
    "bias-is-minus-theta": ("bias = −θ", "편향 = −θ"),
    "bias-shifts-curve": ("bias shifts the curve", "편향이 곡선을 옮긴다"),
    "activation-function": ("activation function", "활성화 함수"),
    "perceptron": ("perceptron", "퍼셉트론"),
    "input-layer": ("input layer", "입력층"),
    "output-layer": ("output layer", "출력층"),
    "hidden-layers": ("hidden layers", "은닉층"),
    "layer-drives-layer": ("layer drives layer", "층이 다음 층을 움직인다"),
    "hidden-neuron-looks-for": ("what a hidden neuron looks for", "은닉 뉴런이 찾는 것"),
    "parameter-count": ("parameter count", "매개변수 개수"),
    "matrix-form": ("matrix form", "행렬 표현"),
    "learning": ("learning", "학습"),
    "loss": ("loss", "손실"),
    "accuracy": ("accuracy", "정확도"),
    "confusion-matrix": ("confusion matrix", "혼동 행렬"),
    "learning-rate": ("learning rate", "학습률"),
    "gradient": ("gradient", "기울기(그래디언트)"),
    "backpropagation": ("backpropagation", "역전파"),
    "numerical-differentiation": ("numerical differentiation", "수치미분"),
    "convolution": ("convolution", "합성곱"),
    "feature-map": ("feature map", "특징맵"),
}
